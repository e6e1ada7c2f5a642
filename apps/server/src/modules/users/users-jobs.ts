import type { Db } from '../../platform/db/client.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { purgeStaleSignIns } from './people.repo.js';

export function usersJobs(db: Db): JobDefinition[] {
  // the name predates the job's move out of platform/: installations have it scheduled under it
  return [{ name: 'platform.cleanup', cron: '17 * * * *', handler: () => purgeStaleSignIns(db) }];
}
