/**
 * The inventory through the API, as its people use it: an IT officer registers a system and
 * classifies it under either regulation pack; coordinators import assets, systems and IP space
 * from CSV/XLSX/osquery/Wazuh files; the summary and overview count what is there.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Checklist, Classification, InventoryOverview, InventorySummary, IpRange, System } from '@khien/contracts';
import { queryRows } from '../src/platform/db/client.js';
import { verifyAuditChain } from '../src/platform/audit/audit-verify.js';
import { encodeWindows1258 } from '../src/modules/orgs/import/test-support.js';
import type { Client, TestApp } from './harness.js';
import { createInventoryTestbed, type InventoryTestbed } from './support/inventory-testbed.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../packages/formats/test-fixtures/inventory');

let t: TestApp;
let province: string;
let communeA: string;
let communeB: string;
let school: string;
let officer: Client;
let coord: Client;
let bed: InventoryTestbed;
const importFile: InventoryTestbed['importFile'] = (...a) => bed.importFile(...a);

beforeAll(async () => {
  bed = await createInventoryTestbed();
  ({ t, province, communeA, communeB, school, officer, coord } = bed);
});
afterAll(async () => bed?.close());

describe('information systems', () => {
  let sys: System;

  it('an IT officer registers a system; the wizard proposes a level under the pack in force', async () => {
    const res = await officer.send('POST', '/api/v1/systems', {
      orgId: school,
      name: 'Cổng thông tin điện tử trường',
      category: 'portal',
      internetFacing: true,
      userCount: 900,
      dataKinds: ['public', 'personal_basic'],
    });
    expect(res.statusCode, res.body).toBe(201);
    sys = res.json();
    expect(sys).toMatchObject({ orgName: 'Trường Tiểu học Hòa Bình', level: null, dossier: { status: 'drafting' }, checklist: { total: 0 } });

    const choice = (await officer.get(`/api/v1/inventory/packs?orgId=${school}`)).json() as { packId: string; chosenAt: string | null };
    // nobody chose: the newest pack in force today (Decree 331/2026 since 19/8/2026)
    expect(choice).toMatchObject({ packId: 'vn-nd331-2026', chosenAt: null });

    const answers = { internal_public_only: false, admin_procedures: true, personal_data_subjects: 20_000 };
    const preview = (
      await officer.send('POST', `/api/v1/systems/${sys.id}/classify`, { answers, preview: true, version: sys.version })
    ).json() as Classification;
    expect(preview).toMatchObject({ id: null, packId: 'vn-nd331-2026', proposedLevel: 3, level: 3 });
    expect(preview.reasons.map((r) => r.questionId)).toContain('admin_procedures');
    // the preview saved nothing
    expect(((await officer.get(`/api/v1/systems/${sys.id}`)).json() as System).level).toBeNull();

    // the same answers under Decree 85/2016: administrative procedures alone are level 2, 20,000 users' data level 3
    const nd85 = (
      await officer.send('POST', `/api/v1/systems/${sys.id}/classify`, {
        packId: 'vn-nd85-2016',
        answers: { admin_procedures: true },
        preview: true,
        version: sys.version,
      })
    ).json() as Classification;
    expect(nd85.proposedLevel).toBe(2);

    const lower = await officer.send('POST', `/api/v1/systems/${sys.id}/classify`, { answers, level: 2, version: sys.version });
    expect(lower.statusCode).toBe(400);
    const higherNoReason = await officer.send('POST', `/api/v1/systems/${sys.id}/classify`, { answers, level: 4, version: sys.version });
    expect(higherNoReason.statusCode).toBe(400);
    const unknown = await officer.send('POST', `/api/v1/systems/${sys.id}/classify`, { answers: { no_such_question: true }, version: sys.version });
    expect(unknown.statusCode).toBe(400);

    const saved = await officer.send('POST', `/api/v1/systems/${sys.id}/classify`, { answers, version: sys.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as Classification).id).not.toBeNull();
    sys = (await officer.get(`/api/v1/systems/${sys.id}`)).json();
    expect(sys).toMatchObject({ level: 3, proposedLevel: 3, packId: 'vn-nd331-2026', packVersion: '1.0.0' });
    expect(sys.checklist.total).toBeGreaterThan(10);
    // a stale version is refused
    expect((await officer.send('POST', `/api/v1/systems/${sys.id}/classify`, { answers, version: 1 })).statusCode).toBe(409);
  });

  it('the level brings its checklist; requirements get a status, a note and evidence', async () => {
    const list = (await officer.get(`/api/v1/systems/${sys.id}/checklist`)).json() as Checklist;
    expect(list.level).toBe(3);
    const items = list.groups.flatMap((g) => g.items);
    expect(items.length).toBe(sys.checklist.total);
    const first = items[0]!;
    const met = await officer.send('PUT', `/api/v1/systems/${sys.id}/checklist/${first.id}`, { status: 'met', note: 'Đã có quy chế' });
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json()).toMatchObject({ status: 'met', note: 'Đã có quy chế' });
    const na = await officer.send('PUT', `/api/v1/systems/${sys.id}/checklist/${items[1]!.id}`, { status: 'not_applicable' });
    expect(na.statusCode).toBe(400);
    expect((await officer.send('PUT', `/api/v1/systems/${sys.id}/checklist/not-a-requirement`, { status: 'met' })).statusCode).toBe(404);
    const after = (await officer.get(`/api/v1/systems/${sys.id}`)).json() as System;
    expect(after.checklist.met).toBe(1);
    // who updated it is a name from the users module; an untouched requirement has none
    const again = ((await officer.get(`/api/v1/systems/${sys.id}/checklist`)).json() as Checklist).groups.flatMap((g) => g.items);
    expect(again.find((i) => i.id === first.id)!.updatedBy).toMatch(/^Người dùng \d+$/);
    expect(again.find((i) => i.id === items[1]!.id)!.updatedBy).toBeNull();
  });

  it('the dossier moves drafting → submitted → appraised → approved with the pack’s deadlines', async () => {
    let s = (await officer.get(`/api/v1/systems/${sys.id}`)).json() as System;
    // a step skipped: the web says it in the reader's language from the reason and its params
    const skipped = await officer.send('POST', `/api/v1/systems/${sys.id}/dossier`, { status: 'approved', on: '2026-11-02', version: s.version });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toMatchObject({ code: 'CONFLICT', reason: 'dossier_out_of_order', params: { from: 'drafting', to: 'approved' } });
    let res = await officer.send('POST', `/api/v1/systems/${sys.id}/dossier`, { status: 'submitted', on: '2026-11-02', version: s.version });
    expect(res.statusCode, res.body).toBe(200);
    s = res.json();
    // Decree 331: level 3 appraisal within 15 working days of 2 Nov 2026 (a Monday)
    expect(s.dossier).toMatchObject({ status: 'submitted', submittedOn: '2026-11-02', appraisalDue: '2026-11-23' });
    // the submitting school never appraises its own dossier (dossier-duties.test.ts: every position); the province does
    expect(s.dossierSteps).toEqual([]);
    expect((await officer.send('POST', `/api/v1/systems/${sys.id}/dossier`, { status: 'appraised', on: '2026-11-16', version: s.version })).statusCode).toBe(
      403,
    );
    expect(((await coord.get(`/api/v1/systems/${sys.id}`)).json() as System).dossierSteps).toEqual(['appraised', 'returned']);
    res = await coord.send('POST', `/api/v1/systems/${sys.id}/dossier`, { status: 'appraised', on: '2026-11-01', version: s.version });
    expect(res.statusCode).toBe(400);
    // a validation error keeps naming its field
    expect(res.json().error).toMatchObject({ reason: 'date_too_early', params: { earliest: '2026-11-02' }, details: [{ path: 'on', message: 'too early' }] });
    res = await coord.send('POST', `/api/v1/systems/${sys.id}/dossier`, { status: 'appraised', on: '2026-11-16', version: s.version });
    s = res.json();
    expect(s.dossier.approvalDue).toBe('2026-11-25');
    const noDecision = await coord.send('POST', `/api/v1/systems/${sys.id}/dossier`, { status: 'approved', on: '2026-11-20', version: s.version });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json().error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'decision_number_required', details: [{ path: 'decisionNumber' }] });
    res = await coord.send('POST', `/api/v1/systems/${sys.id}/dossier`, {
      status: 'approved',
      on: '2026-11-20',
      decisionNumber: '125/QĐ-UBND',
      version: s.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as System).dossier).toMatchObject({ status: 'approved', decisionNumber: '125/QĐ-UBND' });
  });

  it('a province that chooses Decree 85 classifies new systems under it, and the choice is recorded', async () => {
    expect((await officer.send('PUT', '/api/v1/inventory/packs', { orgId: communeA, packId: 'vn-nd85-2016' })).statusCode).toBe(403);
    expect((await officer.send('PUT', '/api/v1/inventory/packs', { orgId: province, packId: 'vn-nd85-2016' })).statusCode).toBe(404);
    const res = await coord.send('PUT', '/api/v1/inventory/packs', { orgId: province, packId: 'vn-nd85-2016' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ packId: 'vn-nd85-2016', chosenAt: province });
    const s = (await officer.send('POST', '/api/v1/systems', { orgId: school, name: 'Thư điện tử trường', category: 'email' })).json() as System;
    const c = (
      await officer.send('POST', `/api/v1/systems/${s.id}/classify`, { answers: { internal_public_only: true }, version: s.version })
    ).json() as Classification;
    expect(c).toMatchObject({ packId: 'vn-nd85-2016', level: 1 });
    const history = (await officer.get(`/api/v1/systems/${s.id}/classifications`)).json() as Classification[];
    expect(history.map((h) => h.packId)).toEqual(['vn-nd85-2016']);
    expect(history[0]!.classifiedBy).toMatch(/^Người dùng \d+$/);
    await coord.send('PUT', '/api/v1/inventory/packs', { orgId: province, packId: 'vn-nd331-2026' });
  });

  it('a system outside the caller’s subtree answers 404', async () => {
    const other = (await coord.send('POST', '/api/v1/systems', { orgId: communeB, name: 'Một cửa phường', category: 'public_service' })).json() as System;
    expect((await officer.get(`/api/v1/systems/${other.id}`)).statusCode).toBe(404);
    const list = (await officer.get('/api/v1/systems?limit=100')).json() as { items: System[] };
    expect(list.items.map((i) => i.id)).not.toContain(other.id);
  });
});

describe('imports', () => {
  const assetsCsv = [
    'Tên thiết bị,Loại,Đơn vị,Tên máy (hostname),Số sê-ri,Địa chỉ IP,Địa chỉ MAC,Hệ điều hành,Phần mềm diệt virus,Có bản quyền,Tường lửa bật,Ngày vá gần nhất,Cột lạ',
    'Máy kế toán,máy trạm,90001,KT-01,SN-1001,10.1.1.10,aa:bb:cc:00:00:01,Windows 11 Pro,BKAV,có,có,01/11/2026,x',
    'Máy văn thư,máy trạm,Trường Tiểu học Hòa Bình,VT-01,SN-1002,10.1.1.11,aa:bb:cc:00:00:02,Windows 10 Pro,,không,không,,',
    'Bảng LED cổng xã,bảng điện tử,90001,,,10.1.1.300,,,,,,,',
    'Máy chủ,máy chủ,Xã Không Có,,,,,,,,,,',
  ].join('\r\n');

  it('refuse mode: one bad row refuses the whole file and nothing is written', async () => {
    const before = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from assets`);
    const r = await importFile(coord, { orgId: communeA, kind: 'assets', onError: 'refuse' }, { name: 'tai-san.csv', data: Buffer.from(assetsCsv) });
    expect(r.status).toBe('refused');
    expect(r.rowsFailed).toBe(2);
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 4, field: 'Địa chỉ IP' }),
      expect.objectContaining({ row: 5, field: 'Đơn vị', message: expect.stringContaining('Xã Không Có') }),
    ]);
    const after = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from assets`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('keep mode imports the valid rows, reports the bad ones, and a re-import updates instead of duplicating', async () => {
    const r = await importFile(coord, { orgId: communeA, kind: 'assets', onError: 'keep' }, { name: 'tai-san.csv', data: Buffer.from(assetsCsv) });
    expect(r).toMatchObject({ status: 'done', rowsRead: 4, rowsFailed: 2, created: 2, updated: 0 });
    expect(r.message).toContain('Cột lạ');
    const again = await importFile(coord, { orgId: communeA, kind: 'assets', onError: 'keep' }, { name: 'tai-san.csv', data: Buffer.from(assetsCsv) });
    expect(again).toMatchObject({ created: 0, updated: 2 });
    const list = (await coord.get(`/api/v1/assets?under=${communeA}&q=may`)).json() as {
      items: { name: string; orgName: string; ipAddresses: string[]; avLicensed: boolean | null }[];
    };
    expect(list.items.map((a) => a.name).sort()).toEqual(['Máy kế toán', 'Máy văn thư']);
    expect(list.items.find((a) => a.name === 'Máy văn thư')).toMatchObject({
      orgName: 'Trường Tiểu học Hòa Bình',
      ipAddresses: ['10.1.1.11'],
      avLicensed: false,
    });
    const hygiene = (await coord.get(`/api/v1/assets?under=${communeA}&hygiene=no_antivirus`)).json() as { items: { name: string }[] };
    expect(hygiene.items.map((a) => a.name)).toEqual(['Máy văn thư']);
  });

  it('reads Excel’s Windows-1258 and UTF-16 CSV exports and XLSX', async () => {
    const csv = 'Tên hệ thống;Đơn vị chủ quản;Loại hệ thống;Số người dùng;Kết nối Internet\r\nQuản lý văn bản xã;90001;quản lý văn bản;45;có\r\n';
    const w1258 = await importFile(coord, { orgId: communeA, kind: 'systems', onError: 'refuse' }, { name: 'ht.csv', data: encodeWindows1258(csv) });
    expect(w1258, JSON.stringify(w1258)).toMatchObject({ status: 'done', created: 1, rowsFailed: 0 });
    const utf16 = await importFile(
      coord,
      { orgId: communeA, kind: 'systems', onError: 'refuse' },
      { name: 'ht.csv', data: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf16le')]) },
    );
    expect(utf16).toMatchObject({ status: 'done', created: 0, updated: 1 });
    const found = (await coord.get(`/api/v1/systems?under=${communeA}&q=quan ly van ban`)).json() as { items: System[] };
    expect(found.items.map((s) => s.name)).toEqual(['Quản lý văn bản xã']);

    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('Dải IP');
    ws.addRow(['Dải IP', 'Đơn vị', 'Nhà mạng', 'Hiệu lực từ']);
    ws.addRow(['203.0.113.0/28', '90001', 'VNPT', new Date(Date.UTC(2026, 0, 1))]);
    ws.addRow(['203.0.113.8/29', '90002', 'Viettel', '']);
    ws.addRow(['203.0.113.1/28', '90002', 'FPT', '']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const ip = await importFile(coord, { orgId: province, kind: 'ipspace', onError: 'keep' }, { name: 'ip.xlsx', data: xlsx });
    expect(ip, JSON.stringify(ip.errors)).toMatchObject({ status: 'done', format: 'xlsx', created: 2, rowsFailed: 1 });
    expect(ip.errors[0]).toMatchObject({ row: 4, field: 'Dải IP', message: expect.stringContaining('203.0.113.0/28') });
    const ranges = (await coord.get(`/api/v1/ip-ranges?under=${province}&overlapping=true`)).json() as { items: IpRange[] };
    expect(ranges.items.map((r) => r.range).sort()).toEqual(['203.0.113.0/28', '203.0.113.8/29']);
    expect(ranges.items.find((r) => r.range === '203.0.113.0/28')!.overlaps).toEqual([
      expect.objectContaining({ range: '203.0.113.8/29', orgName: 'Phường Tân Lập' }),
    ]);
    expect((await coord.get(`/api/v1/ip-ranges?ip=203.0.113.9`)).json()).toMatchObject({ total: 2 });
  });

  it('imports osquery results logs and Wazuh inventory; re-importing never duplicates hosts or packages', async () => {
    const log = fs.readFileSync(path.join(FIXTURES, 'osquery-results-linux.log'));
    const first = await importFile(coord, { orgId: communeB, kind: 'assets', onError: 'keep' }, { name: 'osqueryd.results.log', data: log });
    expect(first.status, JSON.stringify(first)).toBe('done');
    expect(first.format).toBe('osquery');
    expect(first.created).toBeGreaterThan(0);
    const counts = async () =>
      (
        await queryRows<{ assets: number; software: number }>(
          t.database.db,
          sql`select count(distinct a.id)::int as assets, count(s.asset_id)::int as software from assets a join orgs o on o.id = a.org_id left join asset_software s on s.asset_id = a.id where o.id = ${communeB}`,
        )
      )[0]!;
    const c1 = await counts();
    expect(c1.software).toBeGreaterThan(3);
    const again = await importFile(coord, { orgId: communeB, kind: 'assets', onError: 'keep' }, { name: 'osqueryd.results.log', data: log });
    expect(again.created).toBe(0);
    expect(await counts()).toEqual(c1);
    const host = (await coord.get(`/api/v1/assets?under=${communeB}&q=cong-dvc`)).json() as {
      items: { id: string; osName: string | null; softwareCount: number }[];
    };
    expect(host.items[0]).toMatchObject({ osName: 'Debian GNU/Linux' });
    const sw = (await coord.get(`/api/v1/assets/${host.items[0]!.id}/software?q=openssl`)).json() as { items: { product: string; purl: string | null }[] };
    expect(sw.items[0]).toMatchObject({ product: 'openssl', purl: expect.stringContaining('pkg:deb/') });

    const wazuh = await importFile(
      coord,
      { orgId: communeB, kind: 'assets', onError: 'keep' },
      { name: 'packages.json', data: fs.readFileSync(path.join(FIXTURES, 'wazuh-api-packages-ubuntu.json')) },
    );
    expect(wazuh).toMatchObject({ status: 'done', format: 'wazuh', rowsFailed: 0 });
    expect(wazuh.created).toBe(1);
    const wazuhAgain = await importFile(
      coord,
      { orgId: communeB, kind: 'assets', onError: 'keep' },
      { name: 'packages.json', data: fs.readFileSync(path.join(FIXTURES, 'wazuh-api-packages-ubuntu.json')) },
    );
    expect(wazuhAgain).toMatchObject({ created: 0, updated: 1 });
    // the kept package counts agree with the packages after imports, re-imports and differential rows
    const [drift] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from assets a where a.software_count <> (select count(*) from asset_software s where s.asset_id = a.id)`,
    );
    expect(drift!.n).toBe(0);
  });
});

describe('summary and overview', () => {
  it('count what the registries hold, per commune, by level and dossier status', async () => {
    const sum = (await coord.get(`/api/v1/inventory/summary?orgId=${province}`)).json() as InventorySummary;
    const [db] = await queryRows<{ systems: number; assets: number; ranges: number; l3: number }>(
      t.database.db,
      sql`select (select count(*)::int from info_systems) as systems, (select count(*)::int from assets) as assets,
                 (select count(*)::int from ip_ranges) as ranges, (select count(*)::int from info_systems where level = 3) as l3`,
    );
    expect(sum.systems.total).toBe(db!.systems);
    expect(sum.systems.byLevel['3']).toBe(db!.l3);
    expect(sum.assets.total).toBe(db!.assets);
    expect(sum.ipRanges).toEqual({ total: db!.ranges, overlapping: 2 });
    expect(sum.systems.requirementsMet).toBe(1);

    const ov = (await coord.get(`/api/v1/inventory/overview?orgId=${province}`)).json() as InventoryOverview;
    expect(ov.rows.map((r) => r.orgName).sort()).toEqual(['Phường Tân Lập', 'Xã Hòa Bình']);
    expect(ov.totals.systems).toBe(db!.systems);
    expect(ov.rows.reduce((n, r) => n + r.systems, 0)).toBe(db!.systems);
    const a = ov.rows.find((r) => r.orgName === 'Xã Hòa Bình')!;
    expect(a.byDossier.approved).toBe(1);
    // the officer granted commune A sees only commune A
    const mine = (await officer.get(`/api/v1/inventory/summary?orgId=${communeA}`)).json() as InventorySummary;
    expect(mine.systems.total).toBe(a.systems);
    expect((await officer.get(`/api/v1/inventory/summary?orgId=${communeB}`)).statusCode).toBe(404);
  });

  it('every change is in the audit log and the chain verifies', async () => {
    const rows = await queryRows<{ action: string }>(
      t.database.db,
      sql`select distinct action from audit_log where action like 'system.%' or action like '%.imported' or action like 'regulation.%' or action like 'work.%'`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'system.created',
        'system.classified',
        // a requirement is a check of the system's work item
        'work.check_updated',
        'work.submitted',
        'system.dossier',
        'regulation.chosen',
        'assets.imported',
        'systems.imported',
      ]),
    );
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
