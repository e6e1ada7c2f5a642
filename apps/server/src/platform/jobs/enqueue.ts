import { createHash } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Db } from '../db/client.js';
import type { JobName } from './define.js';

export interface EnqueueOptions {
  /** Not before this moment (a timer). Default: as soon as a worker polls. */
  startAfter?: Date;
  /** With a queue defined `oneWaitingPerKey`: a second job with this key, while one waits, is dropped. */
  singletonKey?: string;
  /** Override the queue's retry limit for this job. */
  retryLimit?: number;
  /** Override the queue's expiry for this job. */
  expireInSeconds?: number;
  /** Higher runs first among the due jobs of one queue (default 0). */
  priority?: number;
}

export interface BatchItem<T> extends EnqueueOptions {
  data: T;
}

interface QueryClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * pg-boss statements sent through the caller's own handle: on a transaction, its connection,
 * so the job row commits or rolls back with the change (drizzle keeps the driver's client on
 * the session: a pool or PGlite at the root, the transaction's connection inside one).
 */
function sqlThrough(db: Db): PgBoss.Db {
  const client = (db as unknown as { session?: { client?: QueryClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('enqueue needs a drizzle handle or transaction from openDatabase');
  if (client instanceof pg.Client || client instanceof pg.Pool) {
    // node-postgres: pg-boss's insert is long and the same every time; prepared once per
    // connection it is not parsed and planned again for every job (its plan is the same
    // whatever the values: a queue looked up by name, one row inserted)
    return {
      executeSql: (text, values) => (values?.length ? (client as pg.Pool).query({ name: statementName(text), text, values }) : (client as pg.Pool).query(text)),
    };
  }
  return { executeSql: (text, values) => (values?.length ? client.query(text, values) : client.query(text)) };
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let n = names.get(text);
  if (!n) names.set(text, (n = `khien_jobs_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`));
  return n;
}

/**
 * Never started and never connected: pg-boss builds and checks the job (options, defaults,
 * its insert statement) and runs it through whatever `db` each call passes. Its own `db` is
 * only there to fail loudly if something called it without one.
 */
const producer = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error('platform/jobs: a pg-boss call without the caller’s handle')),
  },
  supervise: false,
  schedule: false,
  migrate: false,
});

/** Queue policy by name, read once per process (a deploy that changes it restarts the process). */
const policies = new Map<string, string>();

export function forgetQueuePolicies(): void {
  policies.clear();
}

async function queuePolicy(sqlDb: PgBoss.Db, name: string): Promise<string> {
  const known = policies.get(name);
  if (known) return known;
  const { rows } = await sqlDb.executeSql('select policy from pgboss.queue where name = $1', [name]);
  const policy = rows[0]?.policy as string | undefined;
  if (!policy) throw new Error(`no job queue "${name}": add its definition to allJobs (server.ts), which creates the queues at start-up`);
  policies.set(name, policy);
  return policy;
}

function checkKey(name: string, policy: string, key: string | undefined): void {
  const keyed = policy === PgBoss.policies.short;
  if (keyed && !key) throw new Error(`job "${name}" is one-waiting-per-key: enqueue it with a singletonKey`);
  // on a standard queue pg-boss ignores the key: a caller relying on it would get duplicates
  if (!keyed && key) throw new Error(`job "${name}" does not dedupe by key: define it with oneWaitingPerKey`);
}

function sendOptions(o: EnqueueOptions): PgBoss.SendOptions {
  return {
    ...(o.startAfter ? { startAfter: o.startAfter } : {}),
    ...(o.singletonKey ? { singletonKey: o.singletonKey } : {}),
    ...(o.retryLimit !== undefined ? { retryLimit: o.retryLimit } : {}),
    ...(o.expireInSeconds !== undefined ? { expireInSeconds: o.expireInSeconds } : {}),
    ...(o.priority !== undefined ? { priority: o.priority } : {}),
  };
}

/**
 * Queues a job through `db` — pass the transaction that makes the change the job is about:
 * the job exists exactly when that change commits, and not at all if it rolls back. The id,
 * or null when a job with the same singleton key is already waiting. Throws (and so rolls the
 * caller back) when the queue does not exist: every defined job's queue is created at
 * start-up by every process (`openMigrated`), so that is a job missing from allJobs.
 * A job enqueued while no worker runs waits in the table and runs when one starts.
 */
export async function enqueue<T>(db: Db, name: JobName<T>, data: T, opts: EnqueueOptions = {}): Promise<string | null> {
  const through = sqlThrough(db);
  checkKey(name, await queuePolicy(through, name), opts.singletonKey);
  return producer.send(name, (data ?? {}) as object, { ...sendOptions(opts), db: through });
}

/**
 * Many jobs of one queue in one statement, through `db` like `enqueue` (a directive issued to
 * three thousand units queues three thousand reminders in its own transaction). Jobs whose key
 * is already waiting are dropped; pg-boss reports no ids for a batch.
 */
export async function enqueueMany<T>(db: Db, name: JobName<T>, items: BatchItem<T>[]): Promise<void> {
  if (items.length === 0) return;
  const through = sqlThrough(db);
  const policy = await queuePolicy(through, name);
  for (const i of items) checkKey(name, policy, i.singletonKey);
  await producer.insert(
    items.map((i): PgBoss.JobInsert => ({
      name,
      data: (i.data ?? {}) as object,
      ...(i.startAfter ? { startAfter: i.startAfter } : {}),
      ...(i.singletonKey ? { singletonKey: i.singletonKey } : {}),
      ...(i.retryLimit !== undefined ? { retryLimit: i.retryLimit } : {}),
      ...(i.expireInSeconds !== undefined ? { expireInSeconds: i.expireInSeconds } : {}),
      ...(i.priority !== undefined ? { priority: i.priority } : {}),
    })),
    { db: through },
  );
}

/** Cancels the waiting jobs of a key (a timer that no longer applies, before it fires). How many. */
export async function cancelJobs<T>(db: Db, name: JobName<T>, singletonKey: string): Promise<number> {
  const through = sqlThrough(db);
  const { rows } = await through.executeSql(`select id from pgboss.job where name = $1 and singleton_key = $2 and state < 'active'`, [name, singletonKey]);
  if (rows.length === 0) return 0;
  await producer.cancel(
    name,
    rows.map((r) => r.id as string),
    { db: through },
  );
  return rows.length;
}
