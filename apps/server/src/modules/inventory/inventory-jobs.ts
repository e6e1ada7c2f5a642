import type { Db } from '../../platform/db/client.js';
import type { JobDefinition } from '../../platform/jobs.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { ImportRunner, interruptDeadImports } from './imports.service.js';

/** Background imports write the audit log in the name of the person who uploaded the file. */
export function importAuditContext(userId: string | null): AuditContext {
  return {
    actor: userId ? { kind: 'user', userId, tokenId: null, label: 'nhập tệp / file import', grants: [], tokenLimit: null } : null,
    systemLabel: 'file import',
    ip: null,
    requestId: null,
  };
}

/**
 * Every minute: mark interrupted the imports whose process died midway, then run any import still queued
 * (queued by an app process that does not run jobs, or left by a restart).
 */
export function inventoryJobs(db: Db, onError: (err: unknown) => void = () => undefined): JobDefinition[] {
  const runner = new ImportRunner(db, importAuditContext, onError);
  return [
    {
      name: 'inventory-imports',
      cron: '* * * * *',
      handler: async () => {
        await interruptDeadImports(db, { everyRunning: false });
        await runner.kick();
      },
    },
  ];
}
