import PgBoss from 'pg-boss';
import type { Database } from './db/client.js';

export type JobHandler = (data: unknown) => Promise<void>;
export interface JobDefinition {
  name: string;
  handler: JobHandler;
  /** cron in Asia/Ho_Chi_Minh, for recurring jobs */
  cron?: string;
}

export interface Jobs {
  boss: PgBoss;
  send(name: string, data: object): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * pg-boss 10 over either engine: on PostgreSQL it opens its own pool; on PGlite
 * it shares the one embedded connection through `db.executeSql`.
 * With `work: true` this process also runs the handlers (the worker role).
 */
export async function startJobs(
  database: Database,
  opts: { databaseUrl?: string | undefined; work: boolean; definitions: JobDefinition[]; onError?: (err: unknown) => void },
): Promise<Jobs> {
  const boss = opts.databaseUrl
    ? new PgBoss({ connectionString: opts.databaseUrl, max: 4 })
    : new PgBoss({ db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) } });
  boss.on('error', (err) => opts.onError?.(err));
  await boss.start();
  for (const def of opts.definitions) {
    await boss.createQueue(def.name);
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    if (opts.work) {
      await boss.work(def.name, async (jobs) => {
        for (const job of jobs) await def.handler(job.data);
      });
    }
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
