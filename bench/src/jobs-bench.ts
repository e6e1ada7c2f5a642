/**
 * Durable timers at province scale: 10,000 reminders queued in transactions (batches of 500,
 * as a directive issued to thousands of units would queue them), all due at the same instant,
 * and a worker already running — as the embedded server or a `khien worker` is. Each timer is a
 * real transaction: it locks its item, does nothing if the item was closed meanwhile (1 in
 * 100 are), and stamps it otherwise. Measured from the due instant to the last one run.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Db } from '../../apps/server/src/platform/db/client.js';
import { defineJob, enqueue, enqueueMany, installJobs, jobName, startJobs, type Jobs } from '../../apps/server/src/platform/jobs/index.js';
import type { Row } from './directives-bench.js';

const TIMERS = 10_000;
const BATCH = 500;
/** Queued this long before they are due; the worker is polling when they come due. */
const LEAD_MS = 8_000;
const GOAL_MS = 60_000;
const SINGLES = 1_000;

const BENCH_TIMER = jobName<{ itemId: number }>('bench.timer');
const BENCH_SINGLE = jobName<{ itemId: number }>('bench.single');

async function fire(db: Db, itemId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [item] = await queryRows<{ closed: boolean }>(tx, sql`select closed from bench_timer_items where id = ${itemId} for update`);
    if (!item || item.closed) return;
    await tx.execute(sql`update bench_timer_items set fired = fired + 1, fired_at = clock_timestamp() where id = ${itemId}`);
  });
}

export async function benchTimers(databaseUrl: string | undefined, dataDir: string): Promise<Row[]> {
  const engine = databaseUrl ? 'PostgreSQL 15' : 'PGlite';
  const d = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  let jobs: Jobs | undefined;
  try {
    await d.executeSql(
      `create table bench_timer_items (id int primary key, closed boolean not null, fired int not null default 0, fired_at timestamptz);
       insert into bench_timer_items (id, closed) select i, i % 100 = 0 from generate_series(1, ${TIMERS}) i;
       create table bench_timer_log (item_id int not null, at timestamptz not null)`,
    );
    // the product's defaults: batches of 50, a poll every 2 s when idle
    const definitions = [
      defineJob({ name: BENCH_TIMER, oneWaitingPerKey: true, handler: async (data) => fire(d.db, data.itemId) }),
      defineJob({ name: BENCH_SINGLE, oneWaitingPerKey: true, handler: async () => undefined }),
    ];
    await installJobs(d, definitions);

    const due = new Date(Date.now() + LEAD_MS);
    const t0 = performance.now();
    for (let from = 1; from <= TIMERS; from += BATCH) {
      const items = Array.from({ length: Math.min(BATCH, TIMERS - from + 1) }, (_, k) => ({
        data: { itemId: from + k },
        singletonKey: `item-${from + k}:reminder`,
        startAfter: due,
      }));
      await d.db.transaction(async (tx) => enqueueMany(tx, BENCH_TIMER, items));
    }
    const enqueueMs = performance.now() - t0;

    // what a service pays to queue one timer with its change: enqueue() calls inside one transaction
    const s0 = performance.now();
    await d.db.transaction(async (tx) => {
      const later = new Date(Date.now() + 3_600_000);
      for (let i = 1; i <= SINGLES; i++) await enqueue(tx, BENCH_SINGLE, { itemId: i }, { singletonKey: `single-${i}`, startAfter: later });
    });
    const singleUs = ((performance.now() - s0) * 1000) / SINGLES;
    // against the cheapest write a change makes: a one-row insert, the same number of times in one transaction
    const r0 = performance.now();
    await d.db.transaction(async (tx) => {
      for (let i = 1; i <= SINGLES; i++) await tx.execute(sql`insert into bench_timer_log (item_id, at) values (${i}, now())`);
    });
    const insertUs = ((performance.now() - r0) * 1000) / SINGLES;

    jobs = await startJobs(d, { databaseUrl, work: true, definitions: [definitions[0]!], onError: (err) => process.stderr.write(`${String(err)}\n`) });
    const ready = Date.now() < due.getTime();
    const open = TIMERS - TIMERS / 100;
    const until = due.getTime() + 3 * GOAL_MS;
    let fired = 0;
    while (Date.now() < until) {
      fired = Number((await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from bench_timer_items where fired > 0`))[0]!.n);
      if (fired >= open) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const [m] = await queryRows<{ first_ms: number | null; last_ms: number | null; twice: number; closed_fired: number }>(
      d.db,
      sql`select extract(epoch from min(fired_at) - ${due}::timestamptz) * 1000 as first_ms,
                 extract(epoch from max(fired_at) - ${due}::timestamptz) * 1000 as last_ms,
                 count(*) filter (where fired > 1)::int as twice,
                 count(*) filter (where closed and fired > 0)::int as closed_fired
            from bench_timer_items`,
    );
    const lastMs = Number(m!.last_ms);
    const clean = fired === open && m!.twice === 0 && m!.closed_fired === 0;
    return [
      {
        target: '10,000 timers due in the same minute all fire within 60 s',
        workload: `${TIMERS.toLocaleString('en')} delayed jobs due at one instant (1 in 100 items closed meanwhile), queued in ${TIMERS / BATCH} transactions; one worker, batches of 50; ${engine}`,
        measured:
          `last ${(lastMs / 1000).toFixed(1)} s after due (first ${(Number(m!.first_ms) / 1000).toFixed(1)} s); ${fired.toLocaleString('en')}/${open.toLocaleString('en')} fired, ` +
          `${m!.twice} twice, ${m!.closed_fired} closed ones fired; queued in ${(enqueueMs / 1000).toFixed(1)} s${ready ? '' : ' (after due: the queueing was slower than the lead)'}`,
        goal: '< 60 s, each once, closed ones never',
        ok: clean && lastMs < GOAL_MS,
      },
      {
        target: '… enqueue() of one timer inside a transaction',
        workload: `${SINGLES.toLocaleString('en')} calls in one transaction, singleton key and startAfter; ${engine}`,
        measured: `${Math.round(singleUs)} µs each (a one-row insert: ${Math.round(insertUs)} µs)`,
        // a regression guard rather than a requirement: pg-boss's insert (queue join, partial unique
        // indexes) costs two to three one-row inserts; a round trip more per call would show here
        goal: '< 4 × a one-row insert',
        ok: singleUs < 4 * insertUs,
      },
    ];
  } finally {
    await jobs?.stop();
    await d.close();
  }
}
