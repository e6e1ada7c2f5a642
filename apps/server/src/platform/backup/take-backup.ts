import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import type { Config } from '../config.js';
import { openDatabase, type Database, type Db } from '../db/client.js';
import { BackupError } from './backup-format.js';
import { controlSocketPath, openControlChannel, requestBackup, type ControlChannel } from './control-channel.js';
import { writeBackup, type BackupSummary } from './write-backup.js';

export interface BackupOutcome {
  summary: BackupSummary;
  /** server: streamed by the running embedded server; direct: this process opened the data folder; postgres: pg_dump */
  via: 'server' | 'direct' | 'postgres';
  /** the file written, or '-' for standard output */
  file: string;
}

/** Every full copy of the data handed out is audited: a backup is the whole database in one file. */
export async function recordBackupAudit(db: Db, ctx: AuditContext, s: BackupSummary): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'backup.created',
      entityType: 'backup',
      entityId: s.sha256,
      orgId: null,
      orgPath: null,
      note: {
        engine: s.engine,
        bytes: s.bytes,
        tables: s.tables,
        rows: s.rows,
        files: s.files,
        auditSeq: s.audit.lastSeq,
        fileProblems: s.fileProblems.length,
      },
    }),
  );
}

/** The running embedded server's side: its control channel answers backup requests. */
export async function serveBackups(
  database: Database,
  config: Pick<Config, 'dataDir' | 'filesDir'>,
  log: (message: string, err?: unknown) => void,
): Promise<ControlChannel> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('the control channel is for the embedded engine');
  return openControlChannel({
    dataDir: config.dataDir,
    log,
    handlers: {
      async backup(sink, label) {
        const summary = await writeBackup({ engine: 'pglite', pglite, filesDir: config.filesDir }, sink);
        await recordBackupAudit(database.db, { actor: null, systemLabel: label, ip: null, requestId: null }, summary);
        return summary;
      },
    },
  });
}

interface Output {
  stream: Writable;
  commit(): void;
  abort(): Promise<void>;
}

/**
 * A backup file appears only when complete: written under a temporary name (mode 0600, since it
 * holds password hashes and second-factor secrets), flushed to disk, then linked to its name,
 * which also refuses to replace an existing file (an earlier backup may be the only good one).
 */
function openOutput(file: string, stdout: Writable): Output {
  if (file === '-') return { stream: stdout, commit: () => undefined, abort: async () => undefined };
  const target = path.resolve(file);
  const exists = () => new BackupError(`Tệp ${target} đã tồn tại; hãy chọn tên khác / ${target} already exists: choose another name`);
  if (fs.existsSync(target)) throw exists();
  const tmp = `${target}.partial-${randomUUID().slice(0, 8)}`;
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
  } catch (err) {
    throw new BackupError(`Không ghi được vào ${path.dirname(target)} / cannot write there: ${(err as Error).message}`);
  }
  const stream = fs.createWriteStream(tmp, { fd, autoClose: false });
  let fdOpen = true;
  const closeFd = () => {
    // once only: a closed descriptor's number may already belong to another file
    if (fdOpen) fs.closeSync(fd);
    fdOpen = false;
  };
  return {
    stream,
    commit() {
      fs.fsyncSync(fd);
      closeFd();
      try {
        fs.linkSync(tmp, target);
      } catch (err) {
        throw (err as NodeJS.ErrnoException).code === 'EEXIST' ? exists() : err;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    },
    async abort() {
      // a write still in flight must finish before its descriptor is closed (and its number reused)
      if (!stream.closed) {
        const closed = once(stream, 'close');
        stream.destroy();
        await closed;
      }
      closeFd();
      fs.rmSync(tmp, { force: true });
    },
  };
}

function hasCode(err: unknown, ...codes: string[]): boolean {
  return codes.includes((err as NodeJS.ErrnoException | undefined)?.code ?? '');
}

async function backupEmbedded(config: Config, out: Writable, audit: AuditContext): Promise<{ summary: BackupSummary; via: 'server' | 'direct' }> {
  const socket = controlSocketPath(config.dataDir);
  try {
    return { summary: await requestBackup(socket, out, audit.actor?.label ?? audit.systemLabel ?? 'cli'), via: 'server' };
  } catch (err) {
    if (hasCode(err, 'EACCES', 'EPERM'))
      throw new BackupError(
        `Không có quyền dùng kênh điều khiển ${socket}; hãy chạy lệnh bằng tài khoản chạy máy chủ / no permission on the control socket: run as the server's user`,
      );
    // no server listens (none runs, or it crashed and left its socket): open the folder here
    if (!hasCode(err, 'ENOENT', 'ECONNREFUSED')) throw err;
  }
  if (!fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION')))
    throw new BackupError(`Không có cơ sở dữ liệu nhúng trong ${config.dataDir} / no embedded database there (KHIEN_DATA_DIR?)`);
  let database: Database;
  try {
    database = await openDatabase({ dataDir: config.dataDir });
  } catch (err) {
    throw new BackupError(
      `${(err as Error).message}\nMáy chủ đang giữ thư mục dữ liệu nhưng không trả lời trên kênh điều khiển ${socket} (xem nhật ký của máy chủ; phiên bản cũ?): hãy khởi động lại máy chủ rồi thử lại. / ` +
        "The server holding the folder does not answer on its control channel (see the server's log; an older version?): restart it and try again.",
    );
  }
  try {
    const summary = await writeBackup({ engine: 'pglite', pglite: database.pglite!, filesDir: config.filesDir }, out);
    await recordBackupAudit(database.db, audit, summary);
    return { summary, via: 'direct' };
  } finally {
    await database.close();
  }
}

async function backupPostgres(config: Config & { databaseUrl: string }, out: Writable, workDir: string, audit: AuditContext): Promise<BackupSummary> {
  const summary = await writeBackup({ engine: 'postgres', databaseUrl: config.databaseUrl, filesDir: config.filesDir, workDir }, out);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1 });
  try {
    await recordBackupAudit(database.db, audit, summary);
  } finally {
    await database.close();
  }
  return summary;
}

/**
 * `khien backup FILE`: PostgreSQL through pg_dump; the embedded engine through the running
 * server's control channel, or, when no server runs, by opening the data folder here.
 */
export async function takeBackup(opts: { config: Config; file: string; audit: AuditContext; stdout?: Writable }): Promise<BackupOutcome> {
  const { config } = opts;
  const out = openOutput(opts.file, opts.stdout ?? process.stdout);
  try {
    let summary: BackupSummary;
    let via: BackupOutcome['via'];
    if (config.databaseUrl) {
      // pg_dump's output waits beside the backup (same disk, likely room for it) or in the temp folder
      const workDir = opts.file === '-' ? os.tmpdir() : path.dirname(path.resolve(opts.file));
      summary = await backupPostgres({ ...config, databaseUrl: config.databaseUrl }, out.stream, workDir, opts.audit);
      via = 'postgres';
    } else ({ summary, via } = await backupEmbedded(config, out.stream, opts.audit));
    out.commit();
    return { summary, via, file: opts.file === '-' ? '-' : path.resolve(opts.file) };
  } catch (err) {
    await out.abort();
    throw err;
  }
}
