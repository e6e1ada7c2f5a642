import type { Db } from '../../platform/db/client.js';
import { defineJob, type AnyJobDefinition } from '../../platform/jobs/index.js';
import { purgeStaleSignIns } from './people.repo.js';

/** Housekeeping of what users own: expired sessions and old sign-in failures. */
export function usersJobs(db: Db): AnyJobDefinition[] {
  // the name predates the job's move out of platform/: installations have it scheduled under it
  return [defineJob({ name: 'platform.cleanup', cron: '17 * * * *', handler: () => purgeStaleSignIns(db) })];
}
