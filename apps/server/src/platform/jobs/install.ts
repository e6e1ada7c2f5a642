import PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';
import type { AnyJobDefinition } from './define.js';
import { forgetQueuePolicies } from './enqueue.js';

export const JOB_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** pg-boss on this process's database handle: PGlite's one connection, or the app's pool. */
export function bossOn(database: Database, opts: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({ ...opts, db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) } });
}

export function queueOptions(def: AnyJobDefinition): PgBoss.Queue {
  return {
    name: def.name,
    policy: def.oneWaitingPerKey ? 'short' : 'standard',
    ...(def.retryLimit !== undefined ? { retryLimit: def.retryLimit } : {}),
    ...(def.retryDelaySeconds !== undefined ? { retryDelay: def.retryDelaySeconds } : {}),
    ...(def.retryBackoff !== undefined ? { retryBackoff: def.retryBackoff } : {}),
    ...(def.expireInSeconds !== undefined ? { expireInSeconds: def.expireInSeconds } : {}),
  };
}

/**
 * pg-boss's schema (created or migrated), one queue per defined job with its options, and the
 * cron schedules — at start-up of every process that opens the database (`openMigrated`), not
 * only of workers: a web process may enqueue before any worker ever ran, and its job must
 * find its queue. Idempotent, safe from several processes at once (pg-boss takes an advisory
 * lock for its schema; queue creation ignores a queue that exists). Schedules of jobs no longer
 * defined as recurring are removed, so they stop filling queues nobody works.
 */
export async function installJobs(database: Database, definitions: AnyJobDefinition[]): Promise<void> {
  const boss = bossOn(database, { supervise: false, schedule: false, migrate: true });
  await boss.start();
  for (const def of definitions) {
    const options = queueOptions(def);
    await boss.createQueue(def.name, options);
    // an existing queue keeps its row: bring the options a newer version defines
    await boss.updateQueue(def.name, options);
  }
  const crons = new Set(definitions.filter((d) => d.cron).map((d) => d.name));
  for (const def of definitions) if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: JOB_TIMEZONE });
  for (const s of await boss.getSchedules()) if (!crons.has(s.name)) await boss.unschedule(s.name);
  forgetQueuePolicies();
}
