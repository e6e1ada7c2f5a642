import { sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { defineJob, type AnyJobDefinition } from './jobs/index.js';

/** Housekeeping the platform itself needs: expired sessions and old sign-in failures. */
export function maintenanceJobs(db: Db): AnyJobDefinition[] {
  return [
    defineJob({
      name: 'platform.cleanup',
      cron: '17 * * * *',
      handler: async () => {
        await db.execute(sql`delete from sessions where expires_at < now() - interval '7 days' or revoked_at < now() - interval '30 days'`);
        await db.execute(sql`delete from login_attempts where at < now() - interval '1 day'`);
      },
    }),
  ];
}
