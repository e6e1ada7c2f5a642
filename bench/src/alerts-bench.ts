/**
 * Alert intake at province scale, on PostgreSQL, the server a child process and the load from
 * this one: the batch webhook's sustained rate, single posts at a fixed 1,000/s (open loop, so a
 * slow server shows as latency, not as a politely slower client), syslog over TCP, the time from
 * a post to the duty officer's inbox, ten SIGKILLs in the middle of the load (every alert the
 * sender heard 2xx for is stored, none twice), and an escalation step across a restart.
 */
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openDatabase, queryRows } from '../../apps/server/src/platform/db/client.js';
import { randomToken, sha256 } from '../../apps/server/src/platform/auth/secrets.js';
import { sql } from 'drizzle-orm';
import { seedScale } from './seed-scale.js';
import { freePort, ROOT, run, startServer, stop, waitFor } from './process.js';
import type { Row } from './directives-bench.js';

const HOSTS = 3_500;
interface Ctx {
  url: string;
  token: string;
  pool: pg.Pool;
  syslogPort: number;
  port: number;
  server: ChildProcess;
  env: NodeJS.ProcessEnv;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const count = async (pool: pg.Pool, where = 'true') => Number((await pool.query(`select count(*)::int as n from alerts where ${where}`)).rows[0].n);

function alertBody(run: string, i: number) {
  return {
    id: `${run}-${i}`,
    title: `Phát hiện mã độc trên máy ${i % HOSTS}`,
    severity: i % 10 === 0 ? 'critical' : 'medium',
    host: { name: `pc-${i % HOSTS}` },
  };
}

async function post(ctx: Ctx, body: unknown): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${ctx.url}/api/v1/alerts/intake/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

async function start(ctx: Omit<Ctx, 'server'> | Ctx): Promise<ChildProcess> {
  const server = startServer([path.join(ROOT, 'apps/server/bin/khien.mjs'), 'serve'], ctx.env);
  await waitFor(`${ctx.url}/healthz`, performance.now());
  return server;
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function benchAlerts(databaseUrl: string): Promise<Row[]> {
  const rows: Row[] = [];
  const d = await openDatabase({ databaseUrl });
  await d.migrate();
  const fx = await seedScale(d, { communes: 100, unitsPerCommune: 35, users: HOSTS });
  // every unit owns one PC the SIEM knows by host name; its first person is its duty officer
  await d.db.execute(sql`insert into assets (org_id, kind, name, hostname)
    select o.id, 'workstation', 'PC ' || n, 'pc-' || n from (select id, row_number() over (order by path) - 1 as n from orgs where depth = 3) o where o.n < ${HOSTS}`);
  await d.db.execute(sql`insert into grants (user_id, role, org_id)
    select distinct on (u.home_org_id) u.id, 'duty_officer', u.home_org_id from users u join orgs o on o.id = u.home_org_id where o.depth = 3 order by u.home_org_id, u.id`);
  const token = `khien_bench_${randomToken(24)}`;
  const [coord] = await queryRows<{ id: string }>(d.db, sql`select id from users where email = 'coordinator@bench.khien'`);
  await d.db.execute(sql`insert into api_tokens (name, prefix, token_hash, org_id, permissions, created_by, expires_at)
    values ('bench', 'bench', ${sha256(token)}, ${fx.provinceId}, '{alert:ingest,alert:read}', ${coord!.id}, now() + interval '1 day')`);
  await d.executeSql('analyze');
  await d.close();

  const port = await freePort();
  const syslogPort = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    KHIEN_SYSLOG_PORT: String(syslogPort),
    KHIEN_SYSLOG_ORG: fx.provinceId,
    KHIEN_INTAKE_RATE: '100000',
  };
  const base = { url: `http://127.0.0.1:${port}`, token, pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }), syslogPort, port, env };
  const ctx: Ctx = { ...base, server: await start(base) };
  const workload = `${fx.orgs.toLocaleString('en')} orgs, ${HOSTS.toLocaleString('en')} assets, PostgreSQL 15`;
  try {
    rows.push(...(await batchRate(ctx, workload)));
    // each figure on its own: the 300,000 alerts just taken are routed and told before the next load
    rows.push(...(await drain(ctx, workload)));
    rows.push(...(await singles(ctx, workload)));
    await drain(ctx, workload);
    rows.push(...(await syslogRate(ctx, workload)));
    await drain(ctx, workload);
    rows.push(...(await inboxLatency(ctx, workload)));
    rows.push(...(await killTest(ctx, workload)));
    rows.push(...(await escalationAcrossRestart(ctx, workload, fx.provinceId)));
  } finally {
    await stop(ctx.server);
    await ctx.pool.end();
  }
  return rows;
}

/** 8 connections posting batches of 500 new alerts for 15 s. */
async function batchRate(ctx: Ctx, workload: string): Promise<Row[]> {
  const run = randomUUID().slice(0, 8);
  const before = await count(ctx.pool);
  let i = 0;
  let bad = 0;
  let accepted = 0;
  const t0 = performance.now();
  const until = t0 + 15_000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < until) {
        const batch = Array.from({ length: 500 }, () => alertBody(run, i++));
        const r = await post(ctx, { alerts: batch });
        if (r.status === 202) accepted += 500;
        else bad++;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const stored = (await count(ctx.pool)) - before;
  const rate = accepted / secs;
  return [
    {
      target: 'Alert intake, batch webhook (generic JSON, 500 a request)',
      workload: `${workload}; 8 connections, 15 s, ${accepted.toLocaleString('en')} alerts${bad ? `, ${bad} refused` : ''}`,
      measured: `${Math.round(rate).toLocaleString('en')} alerts/s (stored ${stored.toLocaleString('en')})`,
      goal: '≥ 5,000 alerts/s',
      ok: rate >= 5000 && stored === accepted,
    },
  ];
}

/** Waits until nothing is due (every alert routed and told); the time it took is the processor's rate. */
async function drain(ctx: Ctx, workload: string): Promise<Row[]> {
  const t0 = performance.now();
  const pending = await count(ctx.pool, 'routed_at is null');
  while (performance.now() - t0 < 600_000 && (await count(ctx.pool, 'next_action_at <= now()')) > 0) await new Promise((r) => setTimeout(r, 250));
  const secs = (performance.now() - t0) / 1000;
  const rate = pending / secs;
  return [
    {
      target: '… routed and told after the batch load (the processor’s catch-up)',
      workload: `${workload}; ${pending.toLocaleString('en')} alerts waiting at the end of the load`,
      measured: `${Math.round(rate).toLocaleString('en')} alerts/s (${secs.toFixed(1)} s)`,
      goal: 'keeps up with ≥ 5,000 alerts/s',
      ok: rate >= 5000,
    },
  ];
}

/**
 * Single alerts at a fixed 1,000 a second for 15 s from autocannon (a second process; each body a
 * new alert), on 32 connections: a slow server shows as latency, not as a politely slower client.
 */
async function singles(ctx: Ctx, workload: string): Promise<Row[]> {
  const autocannon = path.join(ROOT, 'node_modules/autocannon/autocannon.js');
  const body = JSON.stringify({ id: '[<id>]', title: 'Phát hiện mã độc [<id>]', severity: 'medium', host: { name: 'pc-42' } });
  const args = [
    '-c',
    '32',
    '-R',
    '1000',
    '-d',
    '15',
    '-m',
    'POST',
    '-I',
    '-b',
    body,
    '-H',
    `authorization=Bearer ${ctx.token}`,
    '-H',
    'content-type=application/json',
    '--json',
  ];
  const out = JSON.parse(await run(process.execPath, [autocannon, ...args, `${ctx.url}/api/v1/alerts/intake/generic`])) as {
    requests: { average: number; total: number };
    latency: { p99: number; p50: number; average: number };
    non2xx: number;
    errors: number;
    duration: number;
  };
  const p99 = out.latency.p99;
  return [
    {
      target: 'Single-alert posts at 1,000/s, p99 latency',
      workload: `${workload}; ${out.requests.total.toLocaleString('en')} posts in 15 s on 32 connections${out.non2xx || out.errors ? `, ${out.non2xx} not 2xx, ${out.errors} errors` : ''}`,
      measured: `p99 ${p99} ms (p50 ${out.latency.p50} ms, ${Math.round(out.requests.average)} answered/s)`,
      goal: 'p99 < 100 ms',
      ok: p99 < 100 && out.non2xx === 0 && out.errors === 0 && out.requests.average >= 950,
    },
  ];
}

/** 100,000 RFC 5424 lines, octet-counted, on 4 TCP connections; timed until the last is stored. */
async function syslogRate(ctx: Ctx, workload: string): Promise<Row[]> {
  const LINES = 100_000;
  const run = randomUUID().slice(0, 8);
  const before = await count(ctx.pool, `format = 'syslog'`);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, (_, c) => {
      return new Promise<void>((resolve, reject) => {
        const sock = net.connect(ctx.syslogPort, '127.0.0.1');
        sock.on('error', reject);
        sock.on('connect', async () => {
          for (let i = c; i < LINES; i += 4) {
            const msg = `<34>1 ${new Date().toISOString()} pc-${i % HOSTS} sshd ${i} AUTH - Đăng nhập thất bại ${run}-${i}`;
            const frame = `${Buffer.byteLength(msg)} ${msg}`;
            if (!sock.write(frame)) await new Promise((r) => sock.once('drain', r));
          }
          sock.end(() => resolve());
        });
      });
    }),
  );
  const deadline = performance.now() + 120_000;
  let stored = 0;
  while (performance.now() < deadline) {
    stored = (await count(ctx.pool, `format = 'syslog'`)) - before;
    if (stored >= LINES) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const secs = (performance.now() - t0) / 1000;
  const rate = stored / secs;
  return [
    {
      target: 'Syslog over TCP (RFC 5424, octet counting), sent → stored',
      workload: `${workload}; ${LINES.toLocaleString('en')} lines on 4 connections`,
      measured: `${Math.round(rate).toLocaleString('en')} lines/s (${stored.toLocaleString('en')} stored in ${secs.toFixed(1)} s)`,
      goal: '≥ 10,000 lines/s',
      ok: rate >= 10_000 && stored === LINES,
    },
  ];
}

/** One alert at a time on a quiet server: from the post to the notification row of the unit's duty officer. */
async function inboxLatency(ctx: Ctx, workload: string): Promise<Row[]> {
  const ms: number[] = [];
  for (let k = 0; k < 20; k++) {
    const title = `Độ trễ ${randomUUID()}`;
    const t0 = performance.now();
    await post(ctx, { id: title, title, severity: 'critical', host: { name: `pc-${k}` } });
    for (;;) {
      const r = await ctx.pool.query(`select 1 from notifications where kind = 'alert.new' and params->>'title' = $1 limit 1`, [title]);
      if (r.rowCount) break;
      if (performance.now() - t0 > 30_000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    ms.push(performance.now() - t0);
  }
  const worst = Math.max(...ms);
  return [
    {
      target: 'Post → the duty officer’s inbox',
      workload: `${workload}; 20 alerts one at a time, routed by host name`,
      measured: `max ${worst.toFixed(0)} ms (median ${pct(ms, 50).toFixed(0)} ms)`,
      goal: '< 1 s',
      ok: worst < 1000,
    },
  ];
}

/**
 * Ten times: 8 senders post new alerts, the server is SIGKILLed after 1.5 s, restarted; what was
 * not answered is sent again (as any sender retries). At the end every alert answered 2xx is
 * stored, exactly once.
 */
async function killTest(ctx: Ctx, workload: string): Promise<Row[]> {
  const run = `kill-${randomUUID().slice(0, 8)}`;
  const acked = new Set<string>();
  let next = 0;
  let unanswered: string[] = [];
  for (let round = 0; round < 10; round++) {
    let stopAt = false;
    const senders = Array.from({ length: 8 }, async () => {
      while (!stopAt) {
        const id = unanswered.pop() ?? `${run}-${next++}`;
        const r = await post(ctx, { id, title: `Thử tắt đột ngột ${id}`, severity: 'high', host: { name: `pc-${next % HOSTS}` } });
        if (r.status === 202) acked.add(id);
        else {
          unanswered.push(id);
          if (r.status === 0) await new Promise((res) => setTimeout(res, 50));
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await kill9(ctx.server);
    await new Promise((r) => setTimeout(r, 300));
    stopAt = true;
    await Promise.all(senders);
    ctx.server = await start(ctx);
  }
  // the last round's unanswered ones are sent again once the server is back
  for (const id of unanswered) {
    const r = await post(ctx, { id, title: `Thử tắt đột ngột ${id}`, severity: 'high', host: { name: 'pc-1' } });
    if (r.status === 202) acked.add(id);
  }
  unanswered = [];
  const stored = await ctx.pool.query(`select title from alerts where title like $1`, [`Thử tắt đột ngột ${run}-%`]);
  const ids = stored.rows.map((r: { title: string }) => r.title.replace('Thử tắt đột ngột ', ''));
  const distinct = new Set(ids);
  const lost = [...acked].filter((id) => !distinct.has(id)).length;
  const dupes = ids.length - distinct.size;
  return [
    {
      target: 'SIGKILL in the middle of the load, restarted, ×10',
      workload: `${workload}; 8 senders, ${acked.size.toLocaleString('en')} alerts answered 2xx`,
      measured: `stored ${distinct.size.toLocaleString('en')}, lost ${lost}, duplicates ${dupes}`,
      goal: 'acknowledged = stored, no duplicates',
      ok: lost === 0 && dupes === 0 && distinct.size === acked.size,
    },
  ];
}

/** A critical alert due in 1 minute; the server is killed before the deadline and restarted after it. */
async function escalationAcrossRestart(ctx: Ctx, workload: string, provinceId: string): Promise<Row[]> {
  await ctx.pool.query(
    `insert into alert_policies (org_id, ack_minutes, reraise_minutes, chain) values ($1, $2, $3, $4)
     on conflict (org_id) do update set ack_minutes = excluded.ack_minutes, chain = excluded.chain`,
    [
      provinceId,
      JSON.stringify({ critical: 1, high: 60, medium: 240, low: 1440, info: 0 }),
      JSON.stringify({ critical: 60, high: 240, medium: 1440, low: 0, info: 0 }),
      JSON.stringify([
        { afterMinutes: 0, label: 'Trực đơn vị', targets: [{ who: 'on_duty', org: 'owner' }] },
        { afterMinutes: 0, label: 'Điều phối tỉnh', targets: [{ who: 'roles', org: 'province', roles: ['province_coordinator'] }] },
      ]),
    ],
  );
  const title = `Leo thang ${randomUUID()}`;
  await post(ctx, { id: title, title, severity: 'critical', host: { name: 'pc-7' } });
  let due: Date | null = null;
  for (let k = 0; k < 200 && !due; k++) {
    const r = await ctx.pool.query(`select ack_due_at from alerts where title = $1 and ack_due_at is not null`, [title]);
    due = r.rows[0]?.ack_due_at ?? null;
    if (!due) await new Promise((res) => setTimeout(res, 50));
  }
  await kill9(ctx.server);
  // down across the deadline, back 10 s after it
  await new Promise((r) => setTimeout(r, Math.max(0, due!.getTime() + 10_000 - Date.now())));
  ctx.server = await start(ctx);
  let fired: Date | null = null;
  const deadline = Date.now() + 120_000;
  while (!fired && Date.now() < deadline) {
    const r = await ctx.pool.query(`select e.at from alert_events e join alerts a on a.id = e.alert_id where a.title = $1 and e.kind = 'escalated'`, [title]);
    fired = r.rows[0]?.at ?? null;
    if (!fired) await new Promise((res) => setTimeout(res, 200));
  }
  const lag = fired ? (fired.getTime() - due!.getTime()) / 1000 : Infinity;
  return [
    {
      target: 'Escalation step after its deadline, server down across it',
      workload: `${workload}; critical alert, 1-minute deadline, SIGKILL before it, restart 10 s after`,
      measured: fired ? `fired ${lag.toFixed(1)} s after the deadline (${(lag - 10).toFixed(1)} s after the restart)` : 'did not fire',
      goal: '≤ 60 s after the deadline',
      ok: lag <= 60,
    },
  ];
}
