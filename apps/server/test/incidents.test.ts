/**
 * Flow 3's end through the API: an alert for a level-3 system promoted to an incident, its
 * statutory deadlines by the pack in force, the form 03 report filed and exported, the response
 * team invited with access to this case only, tasks through work, the closure reviewed by the
 * unit's parent, and the refusals of bad input.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { IncidentDetail, IncidentReportDetail } from '@khien/contracts';
import { queryRows } from '../src/platform/db/client.js';
import { createTestApp, postFile, signIn, type Client, type TestApp } from './harness.js';
import { buildIncidentsTree, schoolAlert, type IncidentsTree } from './support/incidents-testbed.js';

let t: TestApp;
let tree: IncidentsTree;
let tree85: IncidentsTree;
let school: Client;
let province: Client;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildIncidentsTree(t, '151');
  tree85 = await buildIncidentsTree(t, '152', { pack: 'vn-nd85-2016' });
  school = await signIn(t, tree.schoolOfficer);
  province = await signIn(t, tree.provinceCoordinator);
});
afterAll(async () => t.close());

const dueOf = (d: IncidentDetail, kind: string) => d.reports.find((r) => r.kind === kind);

async function promote(c: Client, alertId: string): Promise<IncidentDetail> {
  const res = await c.send('POST', '/api/v1/incidents/from-alerts', { alertIds: [alertId] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function form(c: Client, d: IncidentDetail, kind: string): Promise<IncidentReportDetail> {
  const r = dueOf(d, kind)!;
  return (await c.get(`/api/v1/incidents/${d.id}/reports/${r.id}`)).json();
}

describe('an alert for a level-3 system promoted to an incident', () => {
  let d: IncidentDetail;
  let alertId: string;

  it('offers promotion on the alert, and the case opens with the alert, the PC, the system and 24 h / 72 h deadlines (Decree 331)', async () => {
    alertId = await schoolAlert(t, tree, '1700000000.151');
    const alert = (await school.get(`/api/v1/alerts/${alertId}`)).json() as { actions: string[] };
    expect(alert.actions).toContain('promote');
    d = await promote(school, alertId);
    expect(d.orgId).toBe(tree.school);
    expect(d.packId).toBe('vn-nd331-2026');
    expect(d.serious).toBe(true);
    expect(d.systems.map((s) => [s.id, s.level])).toEqual([[tree.system, 3]]);
    expect(d.assets.map((a) => a.id)).toEqual([tree.schoolAsset]);
    expect(d.alerts.map((a) => a.id)).toEqual([alertId]);
    const detected = new Date(d.detectedAt).getTime();
    expect(new Date(dueOf(d, 'initial')!.dueAt!).getTime() - detected).toBe(24 * HOUR);
    expect(new Date(dueOf(d, 'full')!.dueAt!).getTime() - detected).toBe(72 * HOUR);
    expect(dueOf(d, 'five_day')).toBeUndefined();
    expect(d.nextDueKind).toBe('initial');
    // the alert says where it went and takes no second promotion
    const after = (await school.get(`/api/v1/alerts/${alertId}`)).json() as { status: string; actions: string[]; timeline: { kind: string }[]; ips: string[] };
    // the alert's addresses became the case's indicators
    expect(after.ips.length).toBeGreaterThan(0);
    expect(d.indicators.map((i) => i.value)).toEqual(expect.arrayContaining(after.ips));
    expect(after.status).toBe('promoted');
    expect(after.actions).not.toContain('promote');
    expect(after.timeline.map((e) => e.kind)).toContain('promoted');
    expect((await school.send('POST', '/api/v1/incidents/from-alerts', { alertIds: [alertId] })).statusCode).toBe(409);
  });

  it('each statutory report is work owed by the school with its deadline, on its to-do list', async () => {
    const items = await queryRows<{ org_id: string; due_at: Date; reviewer_org_id: string; status: string }>(
      t.database.db,
      sql`select org_id, due_at, reviewer_org_id, status from work_items where kind = 'incident_report'
            and source_id in (select id from incident_reports where incident_id = ${d.id}) order by due_at`,
    );
    expect(items).toHaveLength(2);
    expect(items.every((w) => w.org_id === tree.school && w.reviewer_org_id === tree.province)).toBe(true);
    expect(new Date(items[0]!.due_at).toISOString()).toBe(dueOf(d, 'initial')!.dueAt);
    const todo = (await school.get('/api/v1/work?limit=50')).json() as { items: { kind: string; link: string }[] };
    expect(todo.items.filter((w) => w.kind === 'incident_report').map((w) => w.link)).toContain(`/incidents/${d.id}/reports/${dueOf(d, 'initial')!.id}`);
  });

  it('the school and its commune and province see it; the other commune gets 404', async () => {
    const commune = await signIn(t, tree.communeCoordinator);
    expect((await commune.get(`/api/v1/incidents/${d.id}`)).statusCode).toBe(200);
    expect((await province.get(`/api/v1/incidents/${d.id}`)).statusCode).toBe(200);
    const other = await signIn(t, tree.otherSchoolOfficer);
    expect((await other.get(`/api/v1/incidents/${d.id}`)).statusCode).toBe(404);
    const list = (await other.get('/api/v1/incidents?status=all')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(d.id);
  });

  it('form 03 is pre-filled from the case; submitting with required fields empty names them', async () => {
    const f = await form(school, d, 'initial');
    expect(f.fields).toMatchObject({
      operatorUnit: expect.stringContaining('Trường THCS Một'),
      systemName: expect.stringContaining('Cổng thông tin'),
      systemLevel: 3,
    });
    expect(f.missing).toEqual(expect.arrayContaining(['reporterPhone']));
    const res = await school.send('POST', `/api/v1/incidents/${d.id}/reports/${f.id}/submit`, { version: f.version });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { reason: string; details: { path: string }[] } };
    expect(body.error.reason).toBe('report_fields_missing');
    expect(body.error.details.map((x) => x.path)).toContain('fields.reporterPhone');
  });

  it('a field of the wrong shape is refused by name, and nothing is saved', async () => {
    const f = await form(school, d, 'initial');
    const res = await school.send('PUT', `/api/v1/incidents/${d.id}/reports/${f.id}`, { fields: { systemLevel: 9, nonsense: 1 }, version: f.version });
    expect(res.statusCode).toBe(400);
    expect((await form(school, d, 'initial')).version).toBe(f.version);
  });

  it('filled and submitted, the deadline stops; the DOCX and the PDF carry the form', async () => {
    const f = await form(school, d, 'initial');
    const saved = await school.send('PUT', `/api/v1/incidents/${d.id}/reports/${f.id}`, {
      fields: { reporterPhone: '0912 345 678', contactTitle: 'Cán bộ phụ trách CNTT', currentStatus: 'Đã cô lập máy bị nhiễm', howDetected: 'Cảnh báo Wazuh' },
      version: f.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const v = (saved.json() as IncidentReportDetail).version;
    const sub = await school.send('POST', `/api/v1/incidents/${d.id}/reports/${f.id}/submit`, { version: v });
    expect(sub.statusCode, sub.body).toBe(200);
    d = sub.json();
    expect(dueOf(d, 'initial')!.status).toBe('submitted');
    expect(d.nextDueKind).toBe('full');
    const docx = await school.get(`/api/v1/incidents/${d.id}/reports/${f.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await school.get(`/api/v1/incidents/${d.id}/reports/${f.id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // a filed report is frozen
    const again = await school.send('PUT', `/api/v1/incidents/${d.id}/reports/${f.id}`, { fields: {}, version: v + 1 });
    expect(again.statusCode).toBe(409);
    // the province acknowledges receipt; the school cannot review its own filing
    expect((await school.send('POST', `/api/v1/incidents/${d.id}/reports/${f.id}/review`, { decision: 'accept', version: v + 1 })).statusCode).toBe(403);
    const ok = await province.send('POST', `/api/v1/incidents/${d.id}/reports/${f.id}/review`, { decision: 'accept', version: v + 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(dueOf(ok.json(), 'initial')!.status).toBe('accepted');
  }, 90_000);

  it('exports the case as XLSX and as a STIX 2.1 bundle with its indicators', async () => {
    const x = await school.get(`/api/v1/incidents/${d.id}/export.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    // every event and task status in words, never its code
    const said = (sheet: string, col: number) => wb.getWorksheet(sheet)!.getColumn(col).values.slice(2).map(String);
    expect(said('Dòng thời gian', 4)).toContain('Tiếp nhận sự cố');
    for (const w of [...said('Dòng thời gian', 4), ...said('Nhiệm vụ', 5), ...said('Báo cáo', 3)]) expect(w).not.toMatch(/^[a-z_]+$/);
    const s = await school.get(`/api/v1/incidents/${d.id}/stix`);
    expect(s.statusCode).toBe(200);
    const bundle = JSON.parse(s.body) as { type: string; objects: { type: string; pattern?: string }[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.map((o) => o.type)).toEqual(expect.arrayContaining(['incident', 'indicator', 'relationship', 'identity']));
    expect(bundle.objects.find((o) => o.type === 'indicator')!.pattern).toContain(d.indicators[0]!.value);
  });

  describe('the response team', () => {
    it('is invited by the province and then sees this case — and nothing else of the school', async () => {
      const team = await signIn(t, tree.teamMember);
      expect((await team.get(`/api/v1/incidents/${d.id}`)).statusCode).toBe(404);
      // the school cannot invite (it has no incident:manage)
      expect((await school.send('POST', `/api/v1/incidents/${d.id}/team`, { orgId: tree.team })).statusCode).toBe(403);
      const inv = await province.send('POST', `/api/v1/incidents/${d.id}/team`, { orgId: tree.team });
      expect(inv.statusCode, inv.body).toBe(200);
      const seen = await team.get(`/api/v1/incidents/${d.id}`);
      expect(seen.statusCode).toBe(200);
      const detail = seen.json() as IncidentDetail;
      expect(detail.access).toBe('team');
      expect(detail.actions).toEqual(expect.arrayContaining(['note', 'indicator', 'evidence']));
      expect(detail.actions).not.toContain('edit');
      // nothing else of the unit's: its system, asset and alert are 404 to the team; its list holds this case only
      expect((await team.get(`/api/v1/systems/${tree.system}`)).statusCode).toBe(404);
      expect((await team.get(`/api/v1/assets/${tree.schoolAsset}`)).statusCode).toBe(404);
      expect((await team.get(`/api/v1/alerts/${alertId}`)).statusCode).toBe(404);
      const other = (await school.send('POST', '/api/v1/incidents', manual(tree.school))).json() as IncidentDetail;
      expect((await team.get(`/api/v1/incidents/${other.id}`)).statusCode).toBe(404);
      const list = (await team.get('/api/v1/incidents?status=all')).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).toEqual([d.id]);
      // the team works the case: a note and an indicator (defanged as dispatches write them)
      expect((await team.send('POST', `/api/v1/incidents/${d.id}/notes`, { comment: 'Đã thu thập nhật ký máy chủ' })).statusCode).toBe(200);
      const ind = await team.send('POST', `/api/v1/incidents/${d.id}/indicators`, { indicators: [{ value: 'hxxp://evil[.]example[.]com/x' }] });
      expect(ind.statusCode, ind.body).toBe(200);
      expect((ind.json() as IncidentDetail).indicators.map((i) => i.value)).toContain('http://evil.example.com/x');
      // but does not file the unit's statutory reports
      const full = dueOf(detail, 'full')!;
      expect((await team.send('PUT', `/api/v1/incidents/${d.id}/reports/${full.id}`, { fields: {}, version: full.version })).statusCode).toBe(403);
    });
  });

  it('a task for the commune police goes through work, reviewed by the school', async () => {
    const res = await school.send('POST', `/api/v1/incidents/${d.id}/tasks`, {
      orgId: tree.school,
      title: 'Quét mã độc toàn bộ máy trạm',
      dueAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const task = (res.json() as IncidentDetail).tasks[0]!;
    const item = (await school.get(`/api/v1/work/${task.workItemId}`)).json() as { kind: string; checks: { text: string }[] };
    expect(item.kind).toBe('incident_task');
    expect(item.checks.map((c) => c.text)).toEqual(['Quét mã độc toàn bộ máy trạm']);
    // an org out of reach is refused by name
    const far = await school.send('POST', `/api/v1/incidents/${d.id}/tasks`, { orgId: tree.otherCommune, title: 'x' });
    expect(far.statusCode).toBe(400);
  });

  it('evidence over the limit is refused whole: no file row, no link', async () => {
    const [before] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from files`);
    const big = await postFile(t, school, `/api/v1/incidents/${d.id}/evidence`, {
      name: 'log.txt',
      data: Buffer.alloc(21 * 1024 * 1024, 65),
      type: 'text/plain',
    });
    expect(big.statusCode).toBe(413);
    const [after] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from files`);
    expect(after!.n).toBe(before!.n);
    const ok = await postFile(t, school, `/api/v1/incidents/${d.id}/evidence`, { name: 'nhật-ký.txt', data: 'Nhật ký tường lửa', type: 'text/plain' });
    expect(ok.statusCode, ok.body).toBe(200);
    const e = (ok.json() as IncidentDetail).evidence[0]!;
    expect((await school.get(`/api/v1/incidents/${d.id}/evidence/${e.id}`)).statusCode).toBe(200);
    expect((await (await signIn(t, tree.otherSchoolOfficer)).get(`/api/v1/files/${e.fileId}`)).statusCode).toBe(404);
  });

  it('closing needs a closure report, is reviewed by the school’s parent (not the school), and a closed case refuses changes', async () => {
    const start = await school.send('POST', `/api/v1/incidents/${d.id}/close`);
    expect(start.statusCode, start.body).toBe(200);
    const closure = start.json() as IncidentReportDetail;
    expect(closure.missing).toEqual(['cause', 'impact', 'actions', 'lessons']);
    const cur = (await school.get(`/api/v1/incidents/${d.id}`)).json() as IncidentDetail;
    // still open: contain and recover first
    const early = await school.send('PUT', `/api/v1/incidents/${d.id}/reports/${closure.id}`, {
      fields: {
        cause: 'Mở tệp đính kèm thư lừa đảo',
        impact: 'Một máy trạm nhiễm mã độc',
        actions: 'Cô lập, quét, cài lại',
        lessons: 'Tập huấn nhận diện thư lừa đảo',
      },
      version: closure.version,
    });
    expect(early.statusCode).toBe(200);
    expect((await school.send('POST', `/api/v1/incidents/${d.id}/reports/${closure.id}/submit`, { version: closure.version + 1 })).statusCode).toBe(409);
    const rec = await school.send('PATCH', `/api/v1/incidents/${d.id}`, { version: cur.version, status: 'recovered', comment: 'Đã khôi phục' });
    expect(rec.statusCode, rec.body).toBe(200);
    const sub = await school.send('POST', `/api/v1/incidents/${d.id}/reports/${closure.id}/submit`, { version: closure.version + 1 });
    expect(sub.statusCode, sub.body).toBe(200);
    const inReview = sub.json() as IncidentDetail;
    expect(inReview.status).toBe('closure_review');
    expect((await school.send('POST', `/api/v1/incidents/${d.id}/closure-review`, { decision: 'accept', version: inReview.version })).statusCode).toBe(403);
    const commune = await signIn(t, tree.communeCoordinator);
    const done = await commune.send('POST', `/api/v1/incidents/${d.id}/closure-review`, { decision: 'accept', version: inReview.version });
    expect(done.statusCode, done.body).toBe(200);
    const closed = done.json() as IncidentDetail;
    expect(closed.status).toBe('closed');
    expect(closed.actions).toEqual(['reopen']);
    expect((await school.send('POST', `/api/v1/incidents/${d.id}/notes`, { comment: 'thêm' })).statusCode).toBe(409);
    expect((await school.send('PATCH', `/api/v1/incidents/${d.id}`, { version: closed.version, severity: 'low' })).statusCode).toBe(409);
    expect((await school.send('POST', `/api/v1/incidents/${d.id}/reopen`, { reason: '', version: closed.version })).statusCode).toBe(400);
    const re = await school.send('POST', `/api/v1/incidents/${d.id}/reopen`, { reason: 'Phát hiện máy thứ hai nhiễm cùng mã độc', version: closed.version });
    expect(re.statusCode, re.body).toBe(200);
    expect((re.json() as IncidentDetail).status).toBe('open');
    const kinds = (re.json() as IncidentDetail).timeline.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['created', 'report_submitted', 'report_accepted', 'team_invited', 'task_assigned', 'closure_accepted', 'reopened']),
    );
    const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_id = ${d.id}`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['incident.created', 'incident.team_invited', 'incident.closure_reviewed', 'incident.reopened']),
    );
  });
});

function manual(orgId: string, over: Record<string, unknown> = {}) {
  return {
    orgId,
    title: 'Trang thông tin bị thay đổi giao diện',
    description: 'Trang chủ hiển thị nội dung lạ.',
    severity: 'medium',
    category: 'defacement',
    detectedAt: new Date(Date.now() - HOUR).toISOString(),
    ...over,
  };
}

describe('the pack in force decides the deadlines', () => {
  it('under Decree 85 the same alert gets the 5-day report and no 24 h / 72 h', async () => {
    const s85 = await signIn(t, tree85.schoolOfficer);
    const d = await promote(s85, await schoolAlert(t, tree85, '1700000000.152'));
    expect(d.packId).toBe('vn-nd85-2016');
    expect(d.reports.map((r) => r.kind)).toEqual(['five_day']);
    expect(new Date(dueOf(d, 'five_day')!.dueAt!).getTime() - new Date(d.detectedAt).getTime()).toBe(5 * 24 * HOUR);
  });

  it('without a choice, the pack in force on the day of detection: June 2026 is still Decree 85', async () => {
    const d = (
      await school.send('POST', '/api/v1/incidents', manual(tree.school, { detectedAt: '2026-06-15T09:00:00+07:00', personalData: true }))
    ).json() as IncidentDetail;
    expect(d.packId).toBe('vn-nd85-2016');
    expect(d.reports.map((r) => r.kind).sort()).toEqual(['five_day', 'personal_data']);
  });

  it('flagging personal data adds the 72 h notice; not serious drops the 24 h / 72 h drafts', async () => {
    const res = await school.send('POST', '/api/v1/incidents', manual(tree.school, { serious: true, systemIds: [tree.system] }));
    expect(res.statusCode, res.body).toBe(201);
    let d = res.json() as IncidentDetail;
    expect(d.reports.map((r) => r.kind).sort()).toEqual(['full', 'initial']);
    d = (await school.send('PATCH', `/api/v1/incidents/${d.id}`, { version: d.version, personalData: true })).json();
    expect(d.reports.map((r) => r.kind).sort()).toEqual(['full', 'initial', 'personal_data']);
    d = (await school.send('PATCH', `/api/v1/incidents/${d.id}`, { version: d.version, serious: false })).json();
    expect(d.reports.map((r) => r.kind)).toEqual(['personal_data']);
    expect(d.timeline.map((e) => e.kind)).toContain('reports_changed');
  });

  it('national security makes the initial notice due at detection', async () => {
    const d = (await school.send('POST', '/api/v1/incidents', manual(tree.school, { serious: true, nationalSecurity: true }))).json() as IncidentDetail;
    expect(dueOf(d, 'initial')!.dueAt).toBe(d.detectedAt);
    expect(d.breached).toBe(true);
  });
});

describe('bad input', () => {
  it('a detection time in the future, or before the system existed, is refused by name', async () => {
    const future = await school.send('POST', '/api/v1/incidents', manual(tree.school, { detectedAt: new Date(Date.now() + 2 * HOUR).toISOString() }));
    expect(future.statusCode).toBe(400);
    expect((future.json() as { error: { reason: string } }).error.reason).toBe('detected_at_future');
    const early = await school.send(
      'POST',
      '/api/v1/incidents',
      manual(tree.school, { systemIds: [tree.system], detectedAt: new Date(Date.now() - 3 * 24 * HOUR).toISOString() }),
    );
    expect(early.statusCode).toBe(400);
    expect((early.json() as { error: { reason: string } }).error.reason).toBe('detected_at_too_early');
    const noOffset = await school.send('POST', '/api/v1/incidents', manual(tree.school, { detectedAt: '2026-11-30 08:00' }));
    expect(noOffset.statusCode).toBe(400);
  });

  it('required fields missing name the fields; a system of another unit is refused; bad indicators are listed', async () => {
    const res = await school.send('POST', '/api/v1/incidents', { orgId: tree.school, severity: 'high' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/title/);
    expect(res.body).toMatch(/description/);
    const foreign = await school.send('POST', '/api/v1/incidents', manual(tree.school, { systemIds: [tree85.system] }));
    expect(foreign.statusCode).toBe(400);
    const bad = await school.send('POST', '/api/v1/incidents', manual(tree.school, { indicators: [{ value: '1.2.3.4' }, { value: 'không phải chỉ báo' }] }));
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: { path: string }[] } }).error.details.map((x) => x.path)).toEqual(['indicators.1.value']);
    // none of these left a case behind
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from incidents where title = 'Trang thông tin bị thay đổi giao diện' and org_id = ${tree.school}`,
    );
    const before = n!.n;
    await school.send('POST', '/api/v1/incidents', manual(tree.school, { indicators: [{ value: 'x y z' }] }));
    const [m] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from incidents where title = 'Trang thông tin bị thay đổi giao diện' and org_id = ${tree.school}`,
    );
    expect(m!.n).toBe(before);
  });

  it('a unit cannot report for another unit (404 for an org outside its subtree)', async () => {
    const res = await school.send('POST', '/api/v1/incidents', manual(tree.otherCommune));
    expect([403, 404]).toContain(res.statusCode);
  });
});

describe('the province', () => {
  it('takes a case over and merges duplicates reported by two units', async () => {
    const a = (await school.send('POST', '/api/v1/incidents', manual(tree.school, { indicators: [{ value: '198.51.100.7' }] }))).json() as IncidentDetail;
    const commune = await signIn(t, tree.communeCoordinator);
    const b = (await commune.send('POST', '/api/v1/incidents', manual(tree.commune, { indicators: [{ value: 'evil.example.org' }] }))).json() as IncidentDetail;
    expect((await school.send('POST', `/api/v1/incidents/${a.id}/take-over`, { version: a.version })).statusCode).toBe(403);
    const over = await province.send('POST', `/api/v1/incidents/${a.id}/take-over`, { version: a.version });
    expect(over.statusCode, over.body).toBe(200);
    expect((over.json() as IncidentDetail).handlerOrgId).toBe(tree.province);
    const merged = await province.send('POST', `/api/v1/incidents/${a.id}/merge`, { sourceIds: [b.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    const m = merged.json() as IncidentDetail;
    expect(m.merged.map((x) => x.id)).toEqual([b.id]);
    expect(m.indicators.map((i) => i.value).sort()).toEqual(['198.51.100.7', 'evil.example.org']);
    const gone = (await commune.get(`/api/v1/incidents/${b.id}`)).json() as IncidentDetail;
    expect(gone.status).toBe('merged');
    expect(gone.mergedIntoId).toBe(a.id);
    expect((await commune.send('POST', `/api/v1/incidents/${b.id}/notes`, { comment: 'x' })).statusCode).toBe(409);
  });

  it('lists breaches first, filters by commune and status, and charts by commune and category', async () => {
    const list = (await province.get(`/api/v1/incidents?communeId=${tree.commune}&status=active`)).json() as {
      items: { breached: boolean; communeName: string }[];
      total: number;
    };
    expect(list.total).toBeGreaterThan(0);
    const firstCalm = list.items.findIndex((i) => !i.breached);
    if (firstCalm >= 0) expect(list.items.slice(firstCalm).some((i) => i.breached)).toBe(false);
    const stats = (await province.get('/api/v1/incidents/stats?months=12')).json() as {
      months: string[];
      byCategory: { category: string; counts: number[] }[];
      byCommune: { communeId: string; total: number }[];
    };
    expect(stats.months).toHaveLength(12);
    expect(stats.byCategory.map((c) => c.category)).toEqual(expect.arrayContaining(['defacement']));
    expect(stats.byCommune.find((c) => c.communeId === tree.commune)!.total).toBeGreaterThan(0);
  });
});
