/**
 * Just the durable-timer section of the bench (jobs-bench.ts), on PGlite, or on PostgreSQL
 * when DATABASE_URL is set: `npx tsx bench/src/run-timers.ts`, `scripts/pg-cluster.sh npx tsx bench/src/run-timers.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchTimers } from './jobs-bench.js';
import { freshDatabase, ROOT } from './process.js';

const dir = path.join(ROOT, '.tmp', `bench-timers-${Date.now()}`);
try {
  const url = process.env.DATABASE_URL;
  const rows = await benchTimers(url ? await freshDatabase(url, 'khien_bench_timers') : undefined, dir);
  process.stdout.write('\n| target | workload | measured | goal | met |\n|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`| ${r.target} | ${r.workload} | ${r.measured} | ${r.goal} | ${r.ok ? 'yes' : 'NO'} |\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
