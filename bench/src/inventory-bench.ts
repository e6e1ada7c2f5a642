/**
 * Inventory at province scale: an osquery results log of N hosts × 100 installed packages is
 * imported with `khien import assets` in its own process (wall time and peak memory measured),
 * then the inventory list pages are timed through HTTP against the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../apps/server/src/platform/db/client.js';
import { seedScale } from './seed-scale.js';
import { freePort, ROOT, startServer, stop, waitFor } from './process.js';
import type { Row } from './directives-bench.js';

const PACKAGES_PER_HOST = 100;
const POOL = Array.from({ length: 2_000 }, (_, i) => `lib${['ssl', 'xml2', 'curl', 'png', 'z', 'gnutls', 'krb5', 'ssh', 'sqlite', 'pcre'][i % 10]}-${i}`);

/** Writes the log: per host one system_info, os_version, interface_addresses and deb_packages snapshot line. */
export async function writeOsqueryLog(file: string, hosts: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const t = 1_795_000_000;
  const calendar = 'Mon Nov 23 01:00:00 2026 UTC';
  for (let i = 0; i < hosts; i++) {
    const h = `host-${i}`;
    const uuid = `4C4C4544-0000-${String(i % 10_000).padStart(4, '0')}-8000-${String(i).padStart(12, '0')}`;
    const tail = `"hostIdentifier":"${h}","calendarTime":"${calendar}","unixTime":${t + i},"epoch":0,"counter":0,"numerics":false,"decorations":{"host_uuid":"${uuid}","hostname":"${h}"}}`;
    const pkgs: string[] = [];
    for (let k = 0; k < PACKAGES_PER_HOST; k++) {
      const name = POOL[(i + k * 20) % POOL.length]!;
      pkgs.push(
        `{"name":"${name}","version":"${1 + (k % 3)}.${k % 7}.${(i + k) % 11}-1","source":"","size":"${100 + k}","arch":"amd64","revision":"1","status":"install ok installed","maintainer":"Debian Maintainers <debian@lists.debian.org>","section":"libs","priority":"optional"}`,
      );
    }
    const lines =
      `{"snapshot":[{"hostname":"${h}","uuid":"${uuid}","hardware_serial":"SN${i}","computer_name":"${h}"}],"action":"snapshot","name":"pack_inventory_system_info",${tail}\n` +
      `{"snapshot":[{"name":"Ubuntu","version":"22.04.4 LTS (Jammy Jellyfish)","major":"22","minor":"4","patch":"0","build":"","platform":"ubuntu","platform_like":"debian","codename":"jammy","arch":"x86_64"}],"action":"snapshot","name":"pack_inventory_os_version",${tail}\n` +
      `{"snapshot":[{"interface":"eth0","address":"10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}","mask":"255.255.0.0","broadcast":"","point_to_point":"","type":"dhcp"}],"action":"snapshot","name":"pack_inventory_interface_addresses",${tail}\n` +
      `{"snapshot":[${pkgs.join(',')}],"action":"snapshot","name":"pack_inventory_deb_packages",${tail}\n`;
    if (!out.write(lines)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}

/** An asset sheet of about `bytes`, Excel-style (UTF-8 with BOM, CRLF), with three bad rows in it. */
async function writeBigCsv(file: string, bytes: number): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write('\ufeffTên thiết bị,Loại,Tên máy (hostname),Số sê-ri,Địa chỉ IP,Hệ điều hành,Phần mềm diệt virus,Có bản quyền,Tường lửa bật,Ngày vá gần nhất\r\n');
  let written = 0;
  let n = 0;
  while (written < bytes) {
    n++;
    const bad = n === 1_000 ? 'máy bay' : 'máy trạm';
    const ip = n === 500_000 ? '10.0.0.300' : `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const date = n === 1_200_000 ? '31/02/2026' : '15/10/2026';
    const line = `Máy trạm số ${n} phòng Văn thư,${bad},PC-${n},SN-${n},${ip},Windows 11 Pro,Kaspersky Endpoint Security,có,có,${date}\r\n`;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/** Runs a command, sampling its peak resident memory (VmHWM) until it exits. */
async function runMeasured(args: string[], env: NodeJS.ProcessEnv, mayFail = false): Promise<{ ms: number; peakMiB: number; out: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => process.stderr.write(b));
  let peak = 0;
  const sample = () => {
    try {
      // the CLI runs as node → tsx child; take the largest of the tree's processes
      for (const pid of [child.pid, ...childPids(child.pid!)]) {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      }
    } catch {
      // exited between samples
    }
  };
  const timer = setInterval(sample, 200);
  const [code] = (await once(child, 'exit')) as [number];
  clearInterval(timer);
  if (code !== 0 && !mayFail) throw new Error(`import exited ${code}: ${out}`);
  return { ms: performance.now() - t0, peakMiB: peak, out };
}

function childPids(pid: number): number[] {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap((k) => [k, ...childPids(k)]);
  } catch {
    return [];
  }
}

async function timeGets(base: string, cookie: string, url: string, n = 20): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    const r = await fetch(`${base}${url}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${(await r.text()).slice(0, 200)}`);
    await r.arrayBuffer();
    if (i >= 2) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)]!, p95: times[Math.ceil(n * 0.95) - 1]! };
}

export async function benchInventory(databaseUrl: string | undefined, dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  // the goal is set on PostgreSQL; embedded mode gets a tenth of the load (KHIEN_BENCH_HOSTS overrides, for trying)
  const hosts = Number(process.env.KHIEN_BENCH_HOSTS) || (databaseUrl ? 50_000 : 5_000);
  const engine = databaseUrl ? 'PostgreSQL 15' : 'PGlite';
  fs.mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, 'data');
  const d = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  await d.migrate();
  const fx = await seedScale(d, { communes: 10, unitsPerCommune: 10, users: 10 });
  await d.close();

  const log = path.join(dir, 'osqueryd.results.log');
  const g0 = performance.now();
  const bytes = await writeOsqueryLog(log, hosts);
  process.stderr.write(
    `inventory bench: ${hosts} hosts, ${(bytes / 1048576).toFixed(0)} MiB log written in ${((performance.now() - g0) / 1000).toFixed(1)} s\n`,
  );
  const env = databaseUrl ? { DATABASE_URL: databaseUrl } : { KHIEN_DATA_DIR: dataDir };
  const cli = [path.join(ROOT, 'apps/server/bin/khien.mjs'), 'import', 'assets', log, '--org', fx.provinceId, '--on-error', 'keep'];
  const first = await runMeasured(cli, { ...env, LOG_LEVEL: 'warn' });
  const again = await runMeasured(cli, { ...env, LOG_LEVEL: 'warn' });
  fs.rmSync(log, { force: true });

  const check = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  const [counts] = await queryRows<{ assets: number; software: number }>(
    check.db,
    sql`select (select count(*)::int from assets) as assets, (select count(*)::int from asset_software) as software`,
  );
  await check.executeSql('analyze');
  const [some] = await queryRows<{ id: string }>(check.db, sql`select id from assets order by name limit 1 offset ${Math.floor(hosts / 2)}`);
  await check.close();
  const rowsOk = counts!.assets === hosts && counts!.software === hosts * PACKAGES_PER_HOST;
  const workload = `${hosts.toLocaleString('en')} hosts × ${PACKAGES_PER_HOST} packages (${(hosts * PACKAGES_PER_HOST).toLocaleString('en')} rows, ${(bytes / 1048576).toFixed(0)} MiB log), ${engine}`;
  rows.push({
    target: 'import osquery results log (`khien import assets`)',
    workload,
    measured: `${(first.ms / 1000).toFixed(1)} s; re-import ${(again.ms / 1000).toFixed(1)} s${rowsOk ? '' : `; WRONG COUNTS ${counts!.assets} assets, ${counts!.software} packages`}`,
    goal: databaseUrl ? '< 120 s (PostgreSQL)' : '— (goal is on PostgreSQL)',
    ok: rowsOk && (!databaseUrl || first.ms < 120_000),
  });
  rows.push({
    target: '… peak memory of the import process',
    workload: 'same',
    measured: `${Math.max(first.peakMiB, again.peakMiB).toFixed(0)} MiB`,
    goal: '< 1 GiB',
    ok: Math.max(first.peakMiB, again.peakMiB) < 1024,
  });

  // a 200 MB sheet export with three bad rows, refused whole: bounded memory, nothing written
  const csv = path.join(dir, 'tai-san-200mb.csv');
  const csvRows = await writeBigCsv(csv, 200 * 1024 * 1024);
  const refused = await runMeasured(
    [path.join(ROOT, 'apps/server/bin/khien.mjs'), 'import', 'assets', csv, '--org', fx.provinceId, '--on-error', 'refuse'],
    { ...env, LOG_LEVEL: 'warn' },
    true,
  );
  fs.rmSync(csv, { force: true });
  const after = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  const [still] = await queryRows<{ assets: number }>(after.db, sql`select count(*)::int as assets from assets`);
  await after.close();
  const refusedOk = /refused/.test(refused.out) && /3 lỗi|errors 3/.test(refused.out) && still!.assets === counts!.assets;
  rows.push({
    target: '200 MB CSV with 3 bad rows, "refuse the whole file"',
    workload: `${csvRows.toLocaleString('en')} rows, ${engine}`,
    measured: `${(refused.ms / 1000).toFixed(1)} s, peak ${refused.peakMiB.toFixed(0)} MiB; ${refusedOk ? '3 row errors named, nothing written' : `UNEXPECTED: ${refused.out.slice(-300)}`}`,
    goal: 'clear per-row errors, nothing written, < 1 GiB',
    ok: refusedOk && refused.peakMiB < 1024,
  });

  const port = await freePort();
  const server = startServer([path.join(ROOT, 'apps/server/bin/khien.mjs'), 'serve', '--no-worker'], { ...env, PORT: String(port), LOG_LEVEL: 'warn' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`, performance.now());
    const pages: [string, string][] = [
      ['assets, first page', `/api/v1/assets?under=${fx.provinceId}&limit=50`],
      ['assets, page 500', `/api/v1/assets?under=${fx.provinceId}&limit=50&offset=${Math.min(24_950, hosts - 50)}`],
      ['assets, search', `/api/v1/assets?under=${fx.provinceId}&q=host-4242&limit=50`],
      ['assets, by IP', `/api/v1/assets?ip=10.0.16.146&limit=50`],
      ['installed software of one host', `/api/v1/assets/${some!.id}/software?limit=50`],
      ['inventory summary (province)', `/api/v1/inventory/summary?orgId=${fx.provinceId}`],
    ];
    for (const [name, url] of pages) {
      const t = await timeGets(base, fx.cookie, url);
      rows.push({
        target: `list page: ${name}`,
        workload: `${hosts.toLocaleString('en')} assets, ${engine}; 20 sequential requests`,
        measured: `p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms`,
        goal: '< 150 ms',
        ok: t.p95 < 150,
      });
    }
  } finally {
    await stop(server);
  }
  return rows;
}
