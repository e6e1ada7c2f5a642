/**
 * Incidents at province scale: 100,000 cases over the tree's units, one case with 1,000 timeline
 * entries and 200 indicators, timed through HTTP against the server: the case page, the list
 * filtered by commune and status, and the form 03 DOCX.
 */
import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../apps/server/src/platform/db/client.js';
import { seedScale } from './seed-scale.js';
import { freePort, ROOT, startServer, stop, waitFor } from './process.js';
import type { Row } from './directives-bench.js';

async function timeGets(base: string, cookie: string, url: string, n: number): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const t0 = performance.now();
    const r = await fetch(`${base}${url}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
    await r.arrayBuffer();
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)]!, p95: times[Math.ceil(n * 0.95) - 1]!, max: times[n - 1]! };
}

const FORM03 = {
  reporterName: 'Nguyễn Văn An',
  reporterAddress: 'Trường THCS Trần Cần, phường Mường Thanh',
  reporterPhone: '0912 345 678',
  reporterEmail: 'an.nv@example.gov.vn',
  contactName: 'Lò Thị Mai',
  contactTitle: 'Cán bộ phụ trách CNTT',
  contactPhone: '0987 654 321',
  contactEmail: 'mai.lt@example.gov.vn',
  operatorUnit: 'Trường THCS Trần Cần',
  ownerAgency: 'UBND phường Mường Thanh',
  systemName: 'Cổng thông tin điện tử nhà trường',
  systemDomain: 'thcstrancan.example.gov.vn',
  systemIps: '203.113.147.201',
  systemLevel: 3,
  securityProvider: 'VNPT Điện Biên',
  connectivityProvider: 'Viettel Điện Biên',
  description: 'Máy chủ web bị cài mã độc khai thác tiền ảo; lưu lượng ra nước ngoài tăng bất thường.',
  detectedAt: '2026-11-30T08:15:00+07:00',
  currentStatus: 'Đã cô lập máy chủ, đang khôi phục từ bản sao lưu',
  howDetected: 'Cảnh báo của Trung tâm Giám sát an toàn không gian mạng tỉnh (Wazuh)',
  informed: 'Công an tỉnh (PA05), UBND phường',
  osVersion: 'Ubuntu 22.04 LTS',
  services: 'HTTP, HTTPS, SSH',
  measures: 'Tường lửa, phần mềm phòng chống mã độc, sao lưu hằng ngày',
  publicIps: '203.113.147.201',
  publicDomains: 'thcstrancan.example.gov.vn',
  purpose: 'Thông tin tuyển sinh, thông báo của nhà trường',
  attachments: 'Nhật ký máy chủ, ảnh chụp màn hình',
  confidential: true,
  supportRequest: 'Đề nghị Đội ứng cứu sự cố hỗ trợ phân tích mẫu mã độc',
};

export async function benchIncidents(databaseUrl: string | undefined, dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const cases = Number(process.env.KHIEN_BENCH_INCIDENTS) || 100_000;
  const engine = databaseUrl ? 'PostgreSQL 15' : 'PGlite';
  fs.mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, 'data');
  const d = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  await d.migrate();
  const fx = await seedScale(d, { communes: 100, unitsPerCommune: 10, users: 10 });
  const t0 = performance.now();
  // the cases, spread over the units: a status, a category and a deadline each, one in fifty past it
  await d.db.execute(sql`
    with u as (select o.id, o.parent_id, row_number() over (order by o.id) as k, count(*) over () as n from orgs o where o.depth = 3)
    insert into incidents (code, org_id, handler_org_id, commune_org_id, province_org_id, title, description, severity, category, status, serious,
                           detected_at, reported_at, pack_id, pack_version, next_due_at, next_due_kind)
    select 'SC-B-' || lpad(g::text, 7, '0'), u.id, u.id, u.parent_id, ${fx.provinceId}::uuid, 'Sự cố số ' || g, 'Mô tả sự cố số ' || g,
           (array['critical','high','medium','low'])[1 + g % 4], (array['malware','intrusion','defacement','data_leak','ddos','phishing'])[1 + g % 6],
           (array['open','contained','recovered','closed','closed','closed'])[1 + g % 6], g % 3 = 0,
           now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day', 'vn-nd331-2026', '1.0.0',
           case when g % 6 in (3, 4, 5) then null else now() + ((g % 50) - 1) * interval '1 hour' end,
           case when g % 6 in (3, 4, 5) then null else 'initial' end
      from generate_series(1, ${cases}) g join u on u.k = 1 + g % u.n`);
  // one case with a long history: 1,000 timeline entries and 200 indicators, its two reports
  const [big] = await queryRows<{ id: string }>(d.db, sql`select id from incidents where status = 'open' order by code limit 1`);
  await d.db.execute(sql`insert into incident_events (incident_id, at, actor_label, kind, comment, params)
    select ${big!.id}, now() - g * interval '1 minute', 'Cán bộ ' || (g % 7), (array['note','updated','indicator_added','status_changed'])[1 + g % 4],
           'Ghi chú số ' || g || ': đã kiểm tra nhật ký máy chủ và tường lửa', jsonb_build_object('n', g)
      from generate_series(1, 1000) g`);
  await d.db.execute(sql`insert into incident_indicators (incident_id, type, value, note)
    select ${big!.id}, 'ipv4', '198.51.' || (g / 256) || '.' || (g % 256), 'Máy chủ điều khiển' from generate_series(1, 200) g`);
  const [report] = await queryRows<{ id: string }>(
    d.db,
    sql`insert into incident_reports (incident_id, kind, due_at, fields) values (${big!.id}, 'initial', now() + interval '20 hours', ${JSON.stringify(FORM03)}::jsonb),
                                                                               (${big!.id}, 'full', now() + interval '68 hours', '{}'::jsonb)
        returning id`,
  );
  await d.executeSql('analyze');
  const [commune] = await queryRows<{ id: string }>(d.db, sql`select id from orgs where depth = 2 order by name limit 1 offset 7`);
  const seedS = (performance.now() - t0) / 1000;
  await d.close();
  process.stderr.write(`incidents bench: ${cases} cases written in ${seedS.toFixed(1)} s\n`);

  const env = databaseUrl ? { DATABASE_URL: databaseUrl } : { KHIEN_DATA_DIR: dataDir };
  const port = await freePort();
  const server = startServer([path.join(ROOT, 'apps/server/bin/khien.mjs'), 'serve', '--no-worker'], { ...env, PORT: String(port), LOG_LEVEL: 'warn' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`, performance.now());
    const page = await timeGets(base, fx.cookie, `/api/v1/incidents/${big!.id}`, 40);
    rows.push({
      target: 'incident case page (timeline, indicators, reports)',
      workload: `1,000 timeline entries (newest 200 sent), 200 indicators, among ${cases.toLocaleString('en')} cases, ${engine}; 40 sequential requests`,
      measured: `p50 ${page.p50.toFixed(0)} ms, p95 ${page.p95.toFixed(0)} ms`,
      goal: 'p95 < 150 ms',
      ok: page.p95 < 150,
    });
    const list = await timeGets(base, fx.cookie, `/api/v1/incidents?communeId=${commune!.id}&status=open`, 40);
    const all = await timeGets(base, fx.cookie, `/api/v1/incidents?status=active`, 40);
    rows.push({
      target: 'incident list filtered by commune and status (breaches first)',
      workload: `${cases.toLocaleString('en')} cases, 100 communes, ${engine}; 40 sequential requests`,
      measured: `p50 ${list.p50.toFixed(0)} ms, p95 ${list.p95.toFixed(0)} ms (whole province, active: p95 ${all.p95.toFixed(0)} ms)`,
      goal: 'p95 < 100 ms',
      ok: list.p95 < 100,
    });
    const docx = await timeGets(base, fx.cookie, `/api/v1/incidents/${big!.id}/reports/${report!.id}/docx`, 10);
    rows.push({
      target: 'form 03 DOCX (every field filled), through HTTP',
      workload: `one report, ${engine}; 10 sequential requests`,
      measured: `p50 ${docx.p50.toFixed(0)} ms, max ${docx.max.toFixed(0)} ms`,
      goal: '< 1 s',
      ok: docx.max < 1000,
    });
  } finally {
    await stop(server);
  }
  return rows;
}
