export { BACKUP_FORMAT, BackupError, type BackupManifest } from './backup-format.js';
export { registerBackupCommands } from './backup-commands.js';
export { controlSocketPath, type ControlChannel } from './control-channel.js';
export { countRows } from './database-facts.js';
export { restoreBackup, type RestoreReport } from './restore-backup.js';
export { serveBackups, takeBackup, type BackupOutcome } from './take-backup.js';
export type { BackupSummary } from './write-backup.js';
