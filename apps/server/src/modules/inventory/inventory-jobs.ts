import type { Db } from '../../platform/db/client.js';
import { defineJob, type AnyJobDefinition } from '../../platform/jobs/index.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { INVENTORY_IMPORT_JOB, interruptDeadImports, requeueStrandedImports, runQueuedImport } from './imports.service.js';

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
 * One job per import, queued with its row, run by whichever process works jobs (embedded: the
 * server itself), one at a time per process. Every minute, the backstop: imports whose process
 * died are marked interrupted, and imports still queued without a job get one.
 */
export function inventoryJobs(db: Db): AnyJobDefinition[] {
  return [
    defineJob({
      name: INVENTORY_IMPORT_JOB,
      oneWaitingPerKey: true,
      // a second run of a half-written import would be wrong: a dead run is marked interrupted instead
      retryLimit: 0,
      // a gigabyte import runs for many minutes: pg-boss must not count it failed and start the next beside it
      expireInSeconds: 23 * 3600,
      batchSize: 1,
      handler: async (data) => {
        if (typeof data?.importId === 'string') await runQueuedImport(db, data.importId, importAuditContext);
      },
    }),
    defineJob({
      name: 'inventory-imports',
      cron: '* * * * *',
      handler: async () => {
        await interruptDeadImports(db, { everyRunning: false });
        await requeueStrandedImports(db);
      },
    }),
  ];
}
