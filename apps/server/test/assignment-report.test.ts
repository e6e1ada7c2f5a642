/**
 * A recipient reports on a phone: several tasks saved at once (one request, one transaction, the
 * item's version guarding the batch); a submission refused while a task is still unreported, naming
 * the tasks; the recipient's own báo cáo as a DOCX whose "Kính gửi" and "Nơi nhận" are the issuer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { readZipPart } from '../src/modules/directives/export/test-render.js';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

let t: TestApp;
let coord: Client;
let officer: Client;
let outsider: Client;
const o: Record<string, string> = {};

const texts = (xml: string): string[] => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
const paragraphs = (xml: string): string[] => [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((m) => texts(m[0]).join(''));

interface Task {
  id: string;
  text: string;
  status: string;
}
interface Assignment {
  id: string;
  version: number;
  status: string;
  tasks: Task[];
}

beforeAll(async () => {
  t = await createTestApp();
  o.P = (await buildOrg(t, { name: 'Tỉnh Điện Biên', kind: 'province' })).id;
  o.ward = (await buildOrg(t, { parentId: o.P, name: 'Phường Mường Lay', kind: 'ward' })).id;
  o.ubnd = (await buildOrg(t, { parentId: o.ward, name: 'UBND phường Mường Lay', kind: 'agency' })).id;
  o.school = (await buildOrg(t, { parentId: o.ward, name: 'Trường THCS Mường Lay', kind: 'school' })).id;
  o.other = (await buildOrg(t, { parentId: o.P, name: 'Xã Mường Chà', kind: 'commune' })).id;
  coord = await signIn(t, await buildUser(t, { homeOrgId: o.ubnd, grants: [{ role: 'commune_coordinator', orgId: o.ward }] }));
  officer = await signIn(t, await buildUser(t, { homeOrgId: o.school, grants: [{ role: 'unit_officer', orgId: o.school }] }));
  outsider = await signIn(t, await buildUser(t, { homeOrgId: o.other, grants: [{ role: 'unit_officer', orgId: o.other }] }));
});
afterAll(async () => t.close());

/** A directive of the UBND with three tasks, issued to the school; the school's assignment. */
async function issued(): Promise<Assignment> {
  const created = await coord.send('POST', '/api/v1/directives', {
    issuerOrgId: o.ubnd,
    number: '1082/UBND-CA',
    subject: 'triển khai bảo đảm an toàn thông tin năm 2026',
    issuedOn: '2026-03-05',
    rule: { orgIds: [o.school] },
    copiesTo: ['Như trên', 'Đảng ủy phường', 'Lãnh đạo UBND phường', 'Lưu: VT, CA'],
    sections: [
      {
        heading: 'Các trường học',
        tasks: [{ text: 'Thay đổi mật khẩu thư điện tử công vụ' }, { text: 'Rà soát, sao lưu dữ liệu quan trọng' }, { text: 'Tập huấn cho giáo viên' }],
      },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const d = created.json();
  expect((await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version })).statusCode).toBe(200);
  const item = (await officer.get('/api/v1/assignments?limit=50')).json().items.find((x: { directiveId: string }) => x.directiveId === d.id);
  return (await officer.get(`/api/v1/assignments/${item.id}`)).json();
}

const batch = (a: Assignment, tasks: unknown[]) => officer.send('PATCH', `/api/v1/assignments/${a.id}/tasks`, { version: a.version, tasks });

describe('several tasks saved at once', () => {
  it('saves every edited task in one request, acknowledging receipt, one audit row per task', async () => {
    const a = await issued();
    expect(a.status).toBe('pending');
    const res = await batch(a, [
      { taskId: a.tasks[0]!.id, status: 'done', report: 'Đã đổi mật khẩu cho 42 tài khoản' },
      { taskId: a.tasks[1]!.id, status: 'in_progress', report: 'Đang sao lưu' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Assignment;
    expect(after.status).toBe('in_progress');
    expect(after.version).toBe(a.version + 1);
    expect(after.tasks.map((x) => x.status)).toEqual(['done', 'in_progress', 'not_started']);
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'work.check_updated' and entity_id = ${a.id}`,
    );
    expect(Number(audit!.n)).toBe(2);
    const list = (await officer.get('/api/v1/assignments?limit=50')).json().items.find((x: { id: string }) => x.id === a.id);
    expect(list).toMatchObject({ doneTasks: 1, totalTasks: 3 });
  });

  it('saves nothing when one task in the batch is wrong, and refuses a stale version', async () => {
    const a = await issued();
    const missing = await batch(a, [
      { taskId: a.tasks[0]!.id, status: 'done', report: 'xong' },
      { taskId: a.tasks[1]!.id, status: 'not_done', report: '' },
    ]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ reason: 'work_reason_required', details: [{ path: 'checks.1.reason' }] });
    const twice = await batch(a, [
      { taskId: a.tasks[0]!.id, status: 'done' },
      { taskId: a.tasks[0]!.id, status: 'in_progress' },
    ]);
    expect(twice.json().error.reason).toBe('work_check_repeated');
    const risk = await batch(a, [{ taskId: a.tasks[0]!.id, status: 'risk_accepted', naReason: 'tự chấp nhận' }]);
    expect(risk.statusCode).toBe(403);
    const unknown = await batch(a, [{ taskId: o.school, status: 'done' }]);
    expect(unknown.statusCode).toBe(404);
    const still = (await officer.get(`/api/v1/assignments/${a.id}`)).json() as Assignment;
    expect(still.tasks.map((x) => x.status)).toEqual(['not_started', 'not_started', 'not_started']);
    expect(still.version).toBe(a.version);

    // two phones with the same page: the second save is told to reload, and the first one's reports stand
    const first = await batch(a, [{ taskId: a.tasks[0]!.id, status: 'done', report: 'máy 1' }]);
    expect(first.statusCode).toBe(200);
    const second = await batch(a, [{ taskId: a.tasks[0]!.id, status: 'not_done', naReason: 'máy 2', report: 'máy 2' }]);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.reason).toBe('stale_version');
    const kept = (await officer.get(`/api/v1/assignments/${a.id}`)).json() as Assignment & { tasks: { report: string }[] };
    expect(kept.tasks[0]!.report).toBe('máy 1');
  });

  it('is the owing org’s: 404 outside, refused once submitted', async () => {
    const a = await issued();
    const outside = await outsider.send('PATCH', `/api/v1/assignments/${a.id}/tasks`, {
      version: a.version,
      tasks: [{ taskId: a.tasks[0]!.id, status: 'done' }],
    });
    expect(outside.statusCode).toBe(404);
    const all = a.tasks.map((x) => ({ taskId: x.id, status: 'done', report: 'xong' }));
    const saved = (await batch(a, all)).json() as Assignment;
    const submitted = (await officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: saved.version })).json() as Assignment;
    expect(submitted.status).toBe('submitted');
    const late = await officer.send('PATCH', `/api/v1/assignments/${a.id}/tasks`, { version: submitted.version, tasks: all });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.reason).toBe('work_not_editable');
  });

  it('the work route takes the same batch', async () => {
    const a = await issued();
    const res = await officer.send('PATCH', `/api/v1/work/${a.id}/checks`, {
      version: a.version,
      checks: [{ key: a.tasks[2]!.id, status: 'not_applicable', reason: 'Trường không tổ chức tập huấn' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checks[2]).toMatchObject({ status: 'not_applicable', reason: 'Trường không tổ chức tập huấn' });
  });
});

describe('submitting the report', () => {
  it('is refused while a task is unreported, naming the tasks; a task not done with its reason is a report', async () => {
    const a = await issued();
    const saved = (
      await batch(a, [
        { taskId: a.tasks[0]!.id, status: 'done', report: 'xong' },
        { taskId: a.tasks[1]!.id, status: 'in_progress', report: 'đang làm' },
      ])
    ).json() as Assignment;
    const refused = await officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: saved.version });
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error).toMatchObject({ reason: 'work_checks_unsettled', params: { count: 2 } });
    expect(error.details).toEqual([
      expect.objectContaining({ key: a.tasks[1]!.id, text: 'Rà soát, sao lưu dữ liệu quan trọng', message: 'in_progress' }),
      expect.objectContaining({ key: a.tasks[2]!.id, text: 'Tập huấn cho giáo viên', message: 'not_started' }),
    ]);
    expect(((await officer.get(`/api/v1/assignments/${a.id}`)).json() as Assignment).status).toBe('in_progress');

    const reported = (
      await batch(saved, [
        { taskId: a.tasks[1]!.id, status: 'not_done', report: '', naReason: 'Chưa có ổ cứng sao lưu' },
        { taskId: a.tasks[2]!.id, status: 'not_applicable', naReason: 'Không có giáo viên tin học' },
      ])
    ).json() as Assignment;
    const ok = await officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: reported.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('submitted');
  });
});

describe('the recipient’s report as a DOCX', () => {
  it('comes from the recipient, to the issuer: "Kính gửi" and "Nơi nhận" name the issuer, not the directive’s list', async () => {
    const a = await issued();
    await batch(a, [
      { taskId: a.tasks[0]!.id, status: 'done', report: 'Đã đổi mật khẩu cho 42 tài khoản' },
      { taskId: a.tasks[1]!.id, status: 'not_done', naReason: 'Chưa có ổ cứng sao lưu' },
    ]);
    const res = await officer.get(`/api/v1/assignments/${a.id}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/bao-cao-don-vi-/);
    const all = paragraphs(await readZipPart(res.rawPayload, 'word/document.xml'));
    for (const expected of [
      'PHƯỜNG MƯỜNG LAY',
      'TRƯỜNG THCS MƯỜNG LAY',
      'BÁO CÁO',
      'Kết quả thực hiện Công văn số 1082/UBND-CA',
      'Kính gửi: UBND phường Mường Lay.',
      '1. Thay đổi mật khẩu thư điện tử công vụ',
      '- Kết quả: Đã hoàn thành.',
      '- Nội dung đã thực hiện: Đã đổi mật khẩu cho 42 tài khoản',
      '- Kết quả: Không thực hiện được.',
      '- Lý do: Chưa có ổ cứng sao lưu',
      'Đơn vị đã hoàn thành 1/3 nhiệm vụ; 1 nhiệm vụ không thực hiện được; 1 nhiệm vụ đang thực hiện hoặc chưa thực hiện./.',
      'Nơi nhận:',
      '- UBND phường Mường Lay;',
      '- Lưu: VT.',
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(all.find((p) => p.startsWith('Thực hiện Công văn'))).toMatch(/^Thực hiện Công văn số 1082\/UBND-CA ngày .+ của UBND phường Mường Lay về triển khai/);
    // the directive's own "Nơi nhận" stays on the directive
    expect(all.filter((p) => /Đảng ủy phường|Lãnh đạo UBND phường|Như trên/.test(p))).toEqual([]);
    // the issuer may read it too; nobody outside
    expect((await coord.get(`/api/v1/assignments/${a.id}/report.docx`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/assignments/${a.id}/report.docx`)).statusCode).toBe(404);
  });

  it('the issuer’s consolidated report keeps its own "Nơi nhận" too', async () => {
    const a = await issued();
    const directiveId = ((await officer.get(`/api/v1/assignments/${a.id}`)).json() as { directiveId: string }).directiveId;
    const res = await coord.get(`/api/v1/directives/${directiveId}/report.docx`);
    expect(res.statusCode).toBe(200);
    const all = paragraphs(await readZipPart(res.rawPayload, 'word/document.xml'));
    const from = all.indexOf('Nơi nhận:');
    expect(all.slice(from, from + 3)).toEqual(['Nơi nhận:', '- UBND phường Mường Lay;', '- Lưu: VT.']);
    expect(all.filter((p) => /Đảng ủy phường|Lãnh đạo UBND phường/.test(p))).toEqual([]);
  });
});
