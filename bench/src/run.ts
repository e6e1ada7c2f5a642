/**
 * `npm run bench`: the foundation's targets, measured on this machine and printed as a table
 * with the workload size. Servers run as child processes; load comes from autocannon in a
 * second process, as a real client would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../apps/server/src/platform/db/client.js';
import { seedScale } from './seed-scale.js';
import { freePort, freshDatabase, ROOT, run, startServer, stop, waitFor } from './process.js';
import { benchIssue, benchParse, type Row } from './directives-bench.js';
import { benchDispatchScore } from './dispatch-score-bench.js';
import { benchOcr } from './ocr-bench.js';
import { benchInventory } from './inventory-bench.js';
import { benchTimers } from './jobs-bench.js';
import { benchWebLoad } from './web-load-bench.js';
import { benchAlerts } from './alerts-bench.js';
import { benchIncidents } from './incidents-bench.js';
import { benchRelay } from './relay-bench.js';

const rows: Row[] = [];

/**
 * One section only: `BENCH_ONLY=issue npm run bench -w bench` (both engines) or
 * `tsx src/run.ts --only issue` (one engine). An environment variable, because npm appends
 * arguments to the last of the script's two commands only.
 */
const SECTIONS = ['serve', 'parse', 'ocr', 'issue', 'relay', 'inventory', 'timers', 'web', 'alerts', 'incidents'] as const;
type Section = (typeof SECTIONS)[number];
const only = onlySection();
const runs = (s: Section) => only === null || only === s;

function onlySection(): Section | null {
  const i = process.argv.indexOf('--only');
  const v = i >= 0 ? process.argv[i + 1] : process.env.BENCH_ONLY || undefined;
  if (v === undefined) return null;
  if (!(SECTIONS as readonly string[]).includes(v)) throw new Error(`--only: one of ${SECTIONS.join(', ')}, not "${v}"`);
  return v as Section;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (runs('serve')) await benchServe(databaseUrl);
  // the parser's timings, then how faithfully it reads each field of the corpus
  if (!databaseUrl && runs('parse')) rows.push(...benchParse(), ...benchDispatchScore());
  if (!databaseUrl && runs('ocr')) rows.push(...(await benchOcr()));
  if (runs('issue')) {
    const issueDir = path.join(ROOT, '.tmp', `bench-issue-${Date.now()}`);
    try {
      rows.push(...(await benchIssue(databaseUrl ? await freshDatabase(databaseUrl) : undefined, issueDir)));
    } finally {
      fs.rmSync(issueDir, { recursive: true, force: true });
    }
  }
  if (runs('relay')) {
    const relayDir = path.join(ROOT, '.tmp', `bench-relay-${Date.now()}`);
    try {
      rows.push(...(await benchRelay(databaseUrl ? await freshDatabase(databaseUrl, 'khien_bench_relay') : undefined, relayDir)));
    } finally {
      fs.rmSync(relayDir, { recursive: true, force: true });
    }
  }
  if (runs('inventory')) {
    const inventoryDir = path.join(ROOT, '.tmp', `bench-inventory-${Date.now()}`);
    try {
      rows.push(...(await benchInventory(databaseUrl ? await freshDatabase(databaseUrl, 'khien_bench_inventory') : undefined, inventoryDir)));
    } finally {
      fs.rmSync(inventoryDir, { recursive: true, force: true });
    }
  }
  if (runs('timers')) {
    const timersDir = path.join(ROOT, '.tmp', `bench-timers-${Date.now()}`);
    try {
      rows.push(...(await benchTimers(databaseUrl ? await freshDatabase(databaseUrl, 'khien_bench_timers') : undefined, timersDir)));
    } finally {
      fs.rmSync(timersDir, { recursive: true, force: true });
    }
  }

  if (runs('incidents')) {
    const incidentsDir = path.join(ROOT, '.tmp', `bench-incidents-${Date.now()}`);
    try {
      rows.push(...(await benchIncidents(databaseUrl ? await freshDatabase(databaseUrl, 'khien_bench_incidents') : undefined, incidentsDir)));
    } finally {
      fs.rmSync(incidentsDir, { recursive: true, force: true });
    }
  }

  // alert intake: its targets are PostgreSQL's (several processes, SIGKILL safety); PGlite is the one-office mode
  if (databaseUrl && runs('alerts')) rows.push(...(await benchAlerts(await freshDatabase(databaseUrl, 'khien_bench_alerts'))));

  // the web app's load on a weak link: the same on either engine, so measured once
  if (!databaseUrl && runs('web')) rows.push(...(await benchWebLoad()));

  process.stdout.write('\n| target | workload | measured | goal | met |\n|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`| ${r.target} | ${r.workload} | ${r.measured} | ${r.goal} | ${r.ok ? 'yes' : 'NO'} |\n`);
}

/** Start-up time and the org-subtree list under load, on the scale seed. */
async function benchServe(databaseUrl: string | undefined): Promise<void> {
  const dataDir = path.join(ROOT, '.tmp', `bench-${Date.now()}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const d = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  await d.migrate();
  const fx = await seedScale(d, { communes: 100, unitsPerCommune: 35, users: 20_000 });
  await d.executeSql('analyze');
  await d.close();
  const engine = databaseUrl ? 'PostgreSQL 15' : 'PGlite';
  const workload = `${fx.orgs.toLocaleString('en')} orgs, ${fx.users.toLocaleString('en')} users, ${engine}`;
  const serverEnv = databaseUrl ? { DATABASE_URL: databaseUrl } : { KHIEN_DATA_DIR: dataDir };

  // 1. npm start on existing embedded data → first served page (embedded mode only)
  const starts: number[] = [];
  for (let i = 0; i < (databaseUrl ? 0 : 3); i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = startServer([path.join(ROOT, 'scripts/start.mjs')], { KHIEN_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
    starts.push(await waitFor(`http://127.0.0.1:${port}/`, t0, 'id="root"'));
    await stop(child);
  }
  const startMs = starts.sort((a, b) => a - b)[1]!;
  if (!databaseUrl)
    rows.push({
      target: '`npm start` (existing data) → first page',
      workload,
      measured: `${(startMs / 1000).toFixed(2)} s (median of 3)`,
      goal: '< 3 s',
      ok: startMs < 3000,
    });

  // 2. authenticated org-subtree list under load
  const port = await freePort();
  const server = startServer([path.join(ROOT, 'apps/server/bin/khien.mjs'), 'serve'], { ...serverEnv, PORT: String(port), LOG_LEVEL: 'warn' });
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`, performance.now());
    const url = `http://127.0.0.1:${port}/api/v1/orgs?under=${fx.provinceId}&limit=50`;
    const autocannon = path.join(ROOT, 'node_modules/autocannon/autocannon.js');
    await run(process.execPath, [autocannon, '-c', '16', '-d', '3', '-H', `cookie=${fx.cookie}`, '--json', url]);
    const cpu0 = cpuSeconds(server.pid);
    const out = JSON.parse(await run(process.execPath, [autocannon, '-c', '16', '-d', '15', '-H', `cookie=${fx.cookie}`, '--json', url])) as {
      requests: { average: number; total: number };
      latency: { p99: number; average: number };
      non2xx: number;
      errors: number;
    };
    // the server's own CPU per request: steadier than req/s when something else shares the machine
    const cpuUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / out.requests.total;
    const rps = out.requests.average;
    const p99 = out.latency.p99;
    const clean = out.non2xx === 0 && out.errors === 0;
    rows.push({
      target: 'GET /api/v1/orgs?under=province (session cookie)',
      workload: `${workload}; 16 connections, 15 s`,
      measured: `${Math.round(rps)} req/s${Number.isFinite(cpuUs) ? ` (server CPU ${Math.round(cpuUs)} µs/request)` : ''}`,
      goal: '≥ 2,000 req/s',
      ok: rps >= 2000 && clean,
    });
    rows.push({
      target: '… p99 latency',
      workload: `same${clean ? '' : `; ${out.non2xx} non-2xx, ${out.errors} errors`}`,
      measured: `${p99} ms (mean ${out.latency.average} ms)`,
      goal: '< 50 ms',
      ok: p99 < 50 && clean,
    });
  } finally {
    await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

/** CPU seconds a process has used so far, from /proc (Linux, where clock ticks are 1/100 s); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
