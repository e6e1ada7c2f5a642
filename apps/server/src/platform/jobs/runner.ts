import PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';
import type { AnyJobDefinition } from './define.js';
import { bossOn, installJobs } from './install.js';

/** An idle worker looks for due jobs this often: a timer fires within seconds of due, the sweeps are the backstop. */
export const DEFAULT_POLLING_SECONDS = 2;
export const DEFAULT_BATCH_SIZE = 50;

export interface Jobs {
  /** Looks for jobs of this queue now rather than at the next poll (after this process committed one). */
  wake(name: string): void;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  /** PostgreSQL: pg-boss opens its own small pool. Without it, it shares the app's handle (always on PGlite). */
  databaseUrl?: string | undefined;
  /** Also run the handlers here (the worker role); otherwise this process only keeps the schedules and maintenance. */
  work: boolean;
  definitions: AnyJobDefinition[];
  /** A handler that threw, or pg-boss's own errors. */
  onError?: (err: unknown, job?: string) => void;
}

/** The workers of this process by queue, so `wakeJobs` after a commit reaches them without waiting for a poll. */
const localWorkers = new Map<string, Set<() => void>>();

/**
 * After committing a job this process may run itself, look for it now. Only a hint: without
 * it the job runs at the next poll, and a process that works no jobs ignores it.
 */
export function wakeJobs(name: string): void {
  for (const notify of localWorkers.get(name) ?? []) notify();
}

/**
 * pg-boss 10 over either engine. Installs the queues of `definitions` (idempotent), then, with
 * `work`, runs a worker per queue: it fetches up to `batchSize` due jobs, runs them one after
 * another, marks a job that threw as failed on its own (pg-boss would fail the whole batch)
 * and, when the batch was full, fetches again at once instead of waiting for the next poll —
 * so ten thousand timers due together drain at the handlers' speed.
 */
export async function startJobs(database: Database, opts: StartJobsOptions): Promise<Jobs> {
  await installJobs(database, opts.definitions);
  const boss = opts.databaseUrl ? new PgBoss({ connectionString: opts.databaseUrl, max: 4 }) : bossOn(database);
  boss.on('error', (err) => opts.onError?.(err));
  await boss.start();
  // one process owns an embedded data folder: a job still active was the dead process's, and
  // waiting for its expiry (15 min by default) would hold its retry back for nothing
  if (opts.work && database.kind === 'pglite') await failOrphans(database, boss);
  const registered: [string, () => void][] = [];
  if (opts.work) {
    for (const def of opts.definitions) {
      const batchSize = def.batchSize ?? DEFAULT_BATCH_SIZE;
      // the worker's id is known once work() returns; a first batch may come back before that
      const worker = { id: '' };
      worker.id = await boss.work<unknown>(
        def.name,
        { batchSize, pollingIntervalSeconds: def.pollingIntervalSeconds ?? DEFAULT_POLLING_SECONDS, includeMetadata: true },
        async (batch) => {
          for (const job of batch) {
            try {
              await def.handler(job.data, { id: job.id, name: job.name, retryCount: job.retryCount });
            } catch (err) {
              opts.onError?.(err, def.name);
              await boss.fail(def.name, job.id, err as object);
            }
          }
          // a full batch: more are probably due, fetch again now rather than after the polling interval
          if (batch.length === batchSize && worker.id) boss.notifyWorker(worker.id);
        },
      );
      const notify = () => boss.notifyWorker(worker.id);
      registered.push([def.name, notify]);
      let set = localWorkers.get(def.name);
      if (!set) localWorkers.set(def.name, (set = new Set()));
      set.add(notify);
    }
  }
  return {
    wake: (name) => {
      for (const [n, notify] of registered) if (n === name) notify();
    },
    async stop() {
      for (const [name, notify] of registered) localWorkers.get(name)?.delete(notify);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

async function failOrphans(database: Database, boss: PgBoss): Promise<void> {
  const { rows } = await database.executeSql(`select name, id from pgboss.job where state = 'active'`);
  for (const r of rows) await boss.fail(r.name as string, r.id as string, { message: 'the process running this job stopped' });
}
