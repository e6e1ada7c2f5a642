/**
 * The one background-work API (platform/jobs, decision 014) on the engine under test: a job
 * enqueued in a transaction exists exactly when it commits, a timer does not fire before it
 * is due and does fire after, one waits per singleton key, a timer whose item was closed does
 * nothing, a failing job is retried alone, and a delayed job survives a restart (PGlite on a
 * real data folder always; PostgreSQL when DATABASE_URL is set).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type Db } from '../src/platform/db/client.js';
import { cancelJobs, defineJob, enqueue, enqueueMany, installJobs, jobName, startJobs, type AnyJobDefinition, type Jobs } from '../src/platform/jobs/index.js';
import { clonePostgresTemplate, createTestDatabase } from './harness.js';

const TIMER = jobName<{ itemId: number }>('test.timer');
const PLAIN = jobName<{ n: number }>('test.plain');
const FLAKY = jobName<{ n: number }>('test.flaky');

/** A work item's reminder: does its work only while the item is open, once. */
async function fireTimer(db: Db, itemId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [item] = await queryRows<{ closed: boolean }>(tx, sql`select closed from job_test_items where id = ${itemId} for update`);
    // closed (or gone) since the timer was set: nothing left to remind anyone of
    if (!item || item.closed) return;
    await tx.execute(sql`update job_test_items set fired = fired + 1, fired_at = now() where id = ${itemId}`);
  });
}

interface Seen {
  plain: Map<number, number>;
  flaky: Map<number, number>;
  errors: unknown[];
}

function definitions(db: Db, seen: Seen): AnyJobDefinition[] {
  return [
    defineJob({ name: TIMER, oneWaitingPerKey: true, pollingIntervalSeconds: 0.5, handler: async (d) => fireTimer(db, d.itemId) }),
    defineJob({
      name: PLAIN,
      pollingIntervalSeconds: 0.5,
      handler: async (d) => void seen.plain.set(d.n, Date.now()),
    }),
    defineJob({
      name: FLAKY,
      retryLimit: 1,
      batchSize: 10,
      pollingIntervalSeconds: 0.5,
      handler: async (d, job) => {
        seen.flaky.set(d.n, (seen.flaky.get(d.n) ?? 0) + 1);
        if (d.n === 2 && job?.retryCount === 0) throw new Error('first run of 2 fails');
      },
    }),
  ];
}

const newSeen = (): Seen => ({ plain: new Map(), flaky: new Map(), errors: [] });

async function createItems(db: Db): Promise<void> {
  await db.execute(
    sql`create table if not exists job_test_items (id int primary key, closed boolean not null default false, fired int not null default 0, fired_at timestamptz)`,
  );
}

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function jobRow(db: Db, id: string) {
  const [r] = await queryRows<{ state: string; data: unknown; singleton_key: string | null }>(
    db,
    sql`select state::text as state, data, singleton_key from pgboss.job where id = ${id}::uuid`,
  );
  return r;
}

const waiting = async (db: Db, name: string, key: string) =>
  Number(
    (
      await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pgboss.job where name = ${name} and singleton_key = ${key} and state < 'active'`)
    )[0]!.n,
  );

let d: Database;
let db: Db;
const seen = newSeen();

beforeAll(async () => {
  d = await createTestDatabase();
  db = d.db;
  await createItems(db);
  await installJobs(d, definitions(db, seen));
});
afterAll(async () => d?.close());

describe('enqueue in the caller’s transaction', () => {
  it('the job exists once the change commits, with its data', async () => {
    const id = await db.transaction(async (tx) => {
      await tx.execute(sql`insert into job_test_items (id) values (100)`);
      return enqueue(tx, PLAIN, { n: 100 });
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await jobRow(db, id!)).toMatchObject({ state: 'created', data: { n: 100 } });
  });

  it('a rollback takes the job with it', async () => {
    let id: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into job_test_items (id) values (101)`);
        id = await enqueue(tx, PLAIN, { n: 101 });
        throw new Error('the change fails after the enqueue');
      }),
    ).rejects.toThrow('the change fails');
    expect(id).not.toBeNull();
    expect(await jobRow(db, id!)).toBeUndefined();
    expect(await queryRows(db, sql`select 1 from job_test_items where id = 101`)).toEqual([]);
  });

  it('a job without a queue refuses, and the change is not made without it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into job_test_items (id) values (102)`);
        await enqueue(tx, jobName<object>('test.undefined'), {});
      }),
    ).rejects.toThrow(/no job queue "test.undefined"/);
    expect(await queryRows(db, sql`select 1 from job_test_items where id = 102`)).toEqual([]);
  });
});

describe('singleton keys', () => {
  it('one job waits per key, in one transaction or several; another key is another job', async () => {
    const first = await db.transaction(async (tx) => {
      const a = await enqueue(tx, TIMER, { itemId: 1 }, { singletonKey: 'item-1:due-soon', startAfter: new Date(Date.now() + 3_600_000) });
      expect(await enqueue(tx, TIMER, { itemId: 1 }, { singletonKey: 'item-1:due-soon' })).toBeNull();
      return a;
    });
    expect(first).not.toBeNull();
    expect(await enqueue(db, TIMER, { itemId: 1 }, { singletonKey: 'item-1:due-soon' })).toBeNull();
    expect(await waiting(db, TIMER, 'item-1:due-soon')).toBe(1);
    expect(await enqueue(db, TIMER, { itemId: 1 }, { singletonKey: 'item-1:overdue', startAfter: new Date(Date.now() + 3_600_000) })).not.toBeNull();
    await enqueueMany(db, TIMER, [
      { data: { itemId: 1 }, singletonKey: 'item-1:due-soon' },
      { data: { itemId: 1 }, singletonKey: 'item-1:escalate', startAfter: new Date(Date.now() + 3_600_000) },
    ]);
    expect(await waiting(db, TIMER, 'item-1:due-soon')).toBe(1);
    expect(await waiting(db, TIMER, 'item-1:escalate')).toBe(1);
  });

  it('a cancelled timer frees its key', async () => {
    expect(await cancelJobs(db, TIMER, 'item-1:overdue')).toBe(1);
    expect(await waiting(db, TIMER, 'item-1:overdue')).toBe(0);
    expect(await enqueue(db, TIMER, { itemId: 1 }, { singletonKey: 'item-1:overdue', startAfter: new Date(Date.now() + 3_600_000) })).not.toBeNull();
  });

  it('a keyed queue needs a key, and a key on a queue that does not dedupe is refused rather than ignored', async () => {
    await expect(enqueue(db, TIMER, { itemId: 1 })).rejects.toThrow(/singletonKey/);
    await expect(enqueue(db, PLAIN, { n: 1 }, { singletonKey: 'x' })).rejects.toThrow(/oneWaitingPerKey/);
  });
});

describe('a running worker', () => {
  let jobs: Jobs;
  beforeAll(async () => {
    jobs = await startJobs(d, { work: true, definitions: definitions(db, seen), onError: (err) => seen.errors.push(err) });
  });
  afterAll(async () => jobs?.stop());

  it('does not run a delayed job before it is due, and runs it soon after', async () => {
    const due = new Date(Date.now() + 1_500);
    await db.transaction(async (tx) => void (await enqueue(tx, PLAIN, { n: 200 }, { startAfter: due })));
    const ranAt = await eventually(async () => seen.plain.get(200), 'the delayed job ran');
    expect(ranAt).toBeGreaterThanOrEqual(due.getTime());
    expect(ranAt - due.getTime()).toBeLessThan(30_000);
  });

  it('a timer whose item was closed meanwhile does nothing; the open item’s fires once', async () => {
    await db.execute(sql`insert into job_test_items (id) values (1), (2) on conflict do nothing`);
    const due = new Date(Date.now() + 1_000);
    const ids = await db.transaction(async (tx) => [
      await enqueue(tx, TIMER, { itemId: 1 }, { singletonKey: 'item-1:now', startAfter: due }),
      await enqueue(tx, TIMER, { itemId: 2 }, { singletonKey: 'item-2:now', startAfter: due }),
    ]);
    // the unit closes item 2 before its reminder is due
    await db.execute(sql`update job_test_items set closed = true where id = 2`);
    for (const id of ids) await eventually(async () => (await jobRow(db, id!))?.state === 'completed', `timer ${id} completed`);
    const items = await queryRows<{ id: number; fired: number }>(db, sql`select id, fired from job_test_items where id in (1, 2) order by id`);
    expect(items).toEqual([
      { id: 1, fired: 1 },
      { id: 2, fired: 0 },
    ]);
  });

  it('a job that throws is retried on its own; the rest of its batch completes once', async () => {
    await enqueueMany(db, FLAKY, [{ data: { n: 1 } }, { data: { n: 2 } }, { data: { n: 3 } }]);
    await eventually(async () => seen.flaky.get(2) === 2, 'the failed job was retried');
    expect(Object.fromEntries(seen.flaky)).toEqual({ 1: 1, 2: 2, 3: 1 });
    expect(seen.errors.map((e) => (e as Error).message)).toContain('first run of 2 fails');
    const states = await queryRows<{ state: string; n: number }>(
      db,
      sql`select state::text as state, count(*)::int as n from pgboss.job where name = ${FLAKY} group by 1`,
    );
    expect(states).toEqual([{ state: 'completed', n: 3 }]);
  });
});

describe('restarts', () => {
  /** Enqueues a timer due shortly on one handle, closes it before due, reopens and works: it fires. */
  async function survives(open: () => Promise<Database>, jobsUrl?: string): Promise<void> {
    const first = await open();
    await createItems(first.db);
    await installJobs(first, definitions(first.db, newSeen()));
    await first.db.execute(sql`insert into job_test_items (id) values (7)`);
    const due = new Date(Date.now() + 2_000);
    await first.db.transaction(async (tx) => void (await enqueue(tx, TIMER, { itemId: 7 }, { singletonKey: 'item-7:due', startAfter: due })));
    await first.close();
    expect(Date.now()).toBeLessThan(due.getTime());

    const second = await open();
    const jobs = await startJobs(second, { databaseUrl: jobsUrl, work: true, definitions: definitions(second.db, newSeen()) });
    try {
      const [item] = await eventually(async () => {
        const r = await queryRows<{ fired: number; fired_at: string }>(second.db, sql`select fired, fired_at::text from job_test_items where id = 7`);
        return r[0]!.fired > 0 ? r : undefined;
      }, 'the timer fired after the restart');
      expect(item!.fired).toBe(1);
      expect(new Date(item!.fired_at).getTime()).toBeGreaterThanOrEqual(due.getTime());
    } finally {
      await jobs.stop();
      await second.close();
    }
  }

  it('a delayed job survives the embedded server stopping before it is due (PGlite on a data folder)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-jobs-'));
    try {
      await survives(() => openDatabase({ dataDir: dir }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a job the dead embedded process had started runs again at start-up, without waiting for its expiry', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-jobs-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await installJobs(first, definitions(first.db, newSeen()));
      const id = (await enqueue(first.db, FLAKY, { n: 9 }))!;
      // as if a worker had fetched it and the process was killed mid-run
      await first.db.execute(sql`update pgboss.job set state = 'active', started_on = now() where id = ${id}::uuid`);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const again = newSeen();
      const jobs = await startJobs(second, { work: true, definitions: definitions(second.db, again) });
      try {
        await eventually(async () => again.flaky.get(9), 'the orphaned job ran again');
        await eventually(async () => (await jobRow(second.db, id))?.state === 'completed', 'the orphaned job completed');
      } finally {
        await jobs.stop();
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.DATABASE_URL)('a delayed job survives every process stopping before it is due (PostgreSQL)', async () => {
    const clone = await clonePostgresTemplate(process.env.DATABASE_URL!);
    try {
      // the worker on its own pool, as `khien worker` runs it
      await survives(() => openDatabase({ databaseUrl: clone.url, poolSize: 2 }), clone.url);
    } finally {
      await clone.drop();
    }
  });
});
