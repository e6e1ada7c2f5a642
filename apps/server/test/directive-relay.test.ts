/**
 * Directives follow the chain (issue 11): the province's dispatch reaches a ward, the ward relays it
 * to its schools and residential group, the schools report, the ward's report to the province is
 * pre-filled from theirs, and the province sees the whole cascade. Bad input: relaying what one did
 * not receive (404), relaying twice (a second draft), a relay due after its parent, received tasks
 * that are not the assignment's, a reference cycle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { runTimers } from '../src/modules/work/index.js';
import { buildWorkContext } from '../src/work-context.js';
import { readZipPart } from '../src/modules/directives/export/test-render.js';
import { linkReferences } from '../src/modules/directives/directive-import-match.js';
import { buildOrg, buildUser, createTestApp, postFile, signIn, SYSTEM, type Client, type TestApp } from './harness.js';

let t: TestApp;
let province: Client;
let ward: Client;
let school1: Client;
let school2: Client;
let stranger: Client;
const o: Record<string, string> = {};

interface Directive {
  id: string;
  version: number;
  dueAt: string | null;
  preamble: string;
  rule: unknown;
  parent: { assignmentId: string; directiveId: string; number: string | null } | null;
  references: { directiveId: string | null; number: string | null; issuer: string | null }[];
  sections: { heading: string; tasks: { id: string; text: string; dueAt: string | null; parentTaskId: string | null }[] }[];
}
interface Assignment {
  id: string;
  version: number;
  directiveId: string;
  hasUnits: boolean;
  canRelay: boolean;
  relayDueAt: string | null;
  relays: { directiveId: string; status: string }[];
  tasks: { id: string; text: string }[];
}

const DAY = 86_400_000;
const work = buildWorkContext();
let parent: Directive;
let wardAssignment: Assignment;
let relay: Directive;

const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join('');

/** The directive's draft body with a few fields replaced, as the editor sends it. */
function inputOf(d: Directive, issuerOrgId: string, patch: Record<string, unknown> = {}) {
  return {
    issuerOrgId,
    subject: 'bảo đảm an ninh mạng',
    dueAt: d.dueAt,
    rule: d.rule,
    references: d.references,
    sections: d.sections.map((s) => ({ heading: s.heading, tasks: s.tasks.map((x) => ({ text: x.text, dueAt: x.dueAt, parentTaskId: x.parentTaskId })) })),
    ...patch,
  };
}

async function assignmentOf(c: Client, directiveId: string): Promise<Assignment> {
  const list = (await c.get('/api/v1/assignments?limit=100')).json() as { items: { id: string; directiveId: string }[] };
  const item = list.items.find((x) => x.directiveId === directiveId)!;
  return (await c.get(`/api/v1/assignments/${item.id}`)).json() as Assignment;
}

beforeAll(async () => {
  t = await createTestApp();
  o.P = (await buildOrg(t, { name: 'Tỉnh Điện Biên', kind: 'province' })).id;
  o.pa05 = (await buildOrg(t, { parentId: o.P, name: 'Phòng An ninh mạng (PA05)', kind: 'police' })).id;
  o.ward = (await buildOrg(t, { parentId: o.P, name: 'Phường Mường Lay', kind: 'ward' })).id;
  o.s1 = (await buildOrg(t, { parentId: o.ward, name: 'Trường THCS Lê Lợi', kind: 'school' })).id;
  o.s2 = (await buildOrg(t, { parentId: o.ward, name: 'Trường Tiểu học Na Lay', kind: 'school' })).id;
  o.group = (await buildOrg(t, { parentId: o.ward, name: 'Tổ dân phố 1', kind: 'residential_group' })).id;
  o.commune = (await buildOrg(t, { parentId: o.P, name: 'Xã Mường Chà', kind: 'commune' })).id;
  o.commune1 = (await buildOrg(t, { parentId: o.commune, name: 'Trường Mầm non Mường Chà', kind: 'school' })).id;
  province = await signIn(t, await buildUser(t, { homeOrgId: o.pa05, grants: [{ role: 'province_coordinator', orgId: o.P }] }));
  ward = await signIn(t, await buildUser(t, { homeOrgId: o.ward, grants: [{ role: 'commune_coordinator', orgId: o.ward }] }));
  school1 = await signIn(t, await buildUser(t, { homeOrgId: o.s1, grants: [{ role: 'unit_officer', orgId: o.s1 }] }));
  school2 = await signIn(t, await buildUser(t, { homeOrgId: o.s2, grants: [{ role: 'unit_officer', orgId: o.s2 }] }));
  stranger = await signIn(t, await buildUser(t, { homeOrgId: o.commune, grants: [{ role: 'commune_coordinator', orgId: o.commune }] }));

  const created = await province.send('POST', '/api/v1/directives', {
    issuerOrgId: o.P,
    number: '907/CAT-PA05',
    issuedOn: '2026-02-27',
    documentType: 'Công văn',
    subject: 'tăng cường bảo đảm an ninh mạng',
    dueAt: new Date(Date.now() + 20 * DAY).toISOString(),
    relayWithinDays: 3,
    rule: { underOrgId: o.P, kinds: ['ward', 'commune'] },
    sections: [{ heading: 'Các xã, phường', tasks: [{ text: 'Rà soát máy tính nhiễm mã độc' }, { text: 'Đổi mật khẩu thư công vụ' }] }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const issued = await province.send('POST', `/api/v1/directives/${created.json().id}/issue`, { version: created.json().version });
  expect(issued.statusCode, issued.body).toBe(200);
  parent = issued.json();
  wardAssignment = await assignmentOf(ward, parent.id);
}, 120_000);
afterAll(async () => t.close());

describe('relaying a received directive', () => {
  it('is offered to the ward, with the date the province asked for', () => {
    expect(wardAssignment.hasUnits).toBe(true);
    expect(wardAssignment.canRelay).toBe(true);
    expect(new Date(wardAssignment.relayDueAt!).getTime()).toBeGreaterThan(Date.now() + 2.9 * DAY);
    expect(wardAssignment.relays).toEqual([]);
  });

  it('is 404 for whoever did not receive it, and refused to a unit without units of its own', async () => {
    expect((await stranger.send('POST', `/api/v1/assignments/${wardAssignment.id}/relay`)).statusCode).toBe(404);
    expect((await school1.send('POST', `/api/v1/assignments/${wardAssignment.id}/relay`)).statusCode).toBe(404);
    const mine = await assignmentOf(stranger, parent.id);
    expect(mine.hasUnits).toBe(true);
  });

  it('makes a draft of the ward, pre-filled and linked to the parent; a second relay is a second draft', async () => {
    const res = await ward.send('POST', `/api/v1/assignments/${wardAssignment.id}/relay`);
    expect(res.statusCode, res.body).toBe(200);
    relay = res.json();
    expect(relay.parent).toMatchObject({ assignmentId: wardAssignment.id, directiveId: parent.id, number: '907/CAT-PA05' });
    expect(relay.references[0]).toMatchObject({ directiveId: parent.id, number: '907/CAT-PA05', issuer: 'Tỉnh Điện Biên' });
    expect(relay.preamble).toMatch(/^Thực hiện Công văn số 907\/CAT-PA05 ngày 27\/02\/2026 của Tỉnh Điện Biên về việc tăng cường/);
    expect(relay.rule).toMatchObject({ underOrgId: o.ward, directChildrenOnly: true });
    const parentTasks = parent.sections[0]!.tasks.map((x) => x.id);
    expect(relay.sections[0]!.tasks.map((x) => x.parentTaskId)).toEqual(parentTasks);
    expect(new Date(relay.dueAt!).getTime()).toBeLessThan(new Date(parent.dueAt!).getTime());

    const again = await ward.send('POST', `/api/v1/assignments/${wardAssignment.id}/relay`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).not.toBe(relay.id);
    expect((await ward.send('DELETE', `/api/v1/directives/${again.json().id}`)).statusCode).toBe(200);
    // the parent's page links down to it
    const seen = (await ward.get(`/api/v1/assignments/${wardAssignment.id}`)).json() as Assignment;
    expect(seen.relays.map((r) => r.directiveId)).toEqual([relay.id]);
  });

  it('refuses received tasks that are not the assignment’s, and on a directive that relays nothing', async () => {
    const bogus = inputOf(relay, o.ward!);
    bogus.sections[0]!.tasks[0]!.parentTaskId = relay.id;
    const res = await ward.send('PUT', `/api/v1/directives/${relay.id}?version=${relay.version}`, bogus);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.reason).toBe('parent_task_unknown');
    const own = await ward.send('POST', '/api/v1/directives', inputOf(relay, o.ward!, { references: [] }));
    expect(own.statusCode).toBe(400);
    expect(own.json().error.reason).toBe('parent_task_without_relay');
  });

  it('refuses to issue a relay due after the date the ward was given, then issues it to the ward’s units', async () => {
    const late = inputOf(relay, o.ward!, { dueAt: new Date(new Date(parent.dueAt!).getTime() + DAY).toISOString() });
    const saved = await ward.send('PUT', `/api/v1/directives/${relay.id}?version=${relay.version}`, late);
    expect(saved.statusCode, saved.body).toBe(200);
    const refused = await ward.send('POST', `/api/v1/directives/${relay.id}/issue`, { version: saved.json().version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.reason).toBe('relay_due_after_parent');
    const fixed = await ward.send('PUT', `/api/v1/directives/${relay.id}?version=${saved.json().version}`, inputOf(relay, o.ward!));
    const issued = await ward.send('POST', `/api/v1/directives/${relay.id}/issue`, { version: fixed.json().version });
    expect(issued.statusCode, issued.body).toBe(200);
    relay = issued.json();
    const [owed] = await queryRows<{ status: string }>(
      t.database.db,
      sql`select status from work_items where kind = 'directive_relay' and source_id = ${parent.id} and org_id = ${o.ward}`,
    );
    expect(owed!.status).toBe('accepted');
  });
});

describe('the cascade and the report that climbs', () => {
  it('shows the province, per recipient, who relayed, to how many units, two levels deep', async () => {
    const res = await province.get(`/api/v1/directives/${parent.id}/cascade`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.summary).toMatchObject({ recipients: 2, withUnits: 2, relayed: 1 });
    expect(c.summary.deep).toMatchObject({ units: 5, levels: 2 });
    const w = c.items.find((x: { orgId: string }) => x.orgId === o.ward);
    expect(w.relays).toHaveLength(1);
    expect(w.relays[0]).toMatchObject({ directiveId: relay.id, counts: { units: 3 }, deep: { units: 3, levels: 1 } });
    const notRelayed = (await province.get(`/api/v1/directives/${parent.id}/cascade?notRelayed=true`)).json();
    expect(notRelayed.items.map((x: { orgId: string }) => x.orgId)).toEqual([o.commune]);
    // the roll-up by commune counts the relays too
    const rows = (await province.get(`/api/v1/directives/${parent.id}/rollup?by=commune`)).json().rows as { key: string; relayed: number; units: number }[];
    expect(rows.find((r) => r.key === o.ward)).toMatchObject({ relayed: 1, units: 3 });
    // a recipient does not follow the issuer's cascade
    expect((await school1.get(`/api/v1/directives/${parent.id}/cascade`)).statusCode).toBe(404);
  });

  it('the commune that has not relayed owes it in its to-do list, with the date', async () => {
    const todo = (await stranger.get('/api/v1/work?kind=directive_relay')).json() as { items: { label: string; dueAt: string }[] };
    expect(todo.items).toHaveLength(1);
    expect(todo.items[0]!.label).toMatch(/^Triển khai đến các đơn vị trực thuộc: 907\/CAT-PA05/);
  });

  it('not relayed when the days are up: reminded, then escalated to the province, never the ward that relayed', async () => {
    const fired = await runTimers(work, t.database.db, { kind: 'directive_relay', sourceId: parent.id }, new Date(Date.now() + 4 * DAY));
    expect(fired.escalate).toBeGreaterThanOrEqual(1);
    const inbox = (await province.get('/api/v1/notifications?limit=100')).json().items as { kind: string; body: string; title: string }[];
    expect(inbox.some((n) => n.kind === 'work.overdue' && `${n.title} ${n.body}`.includes('Triển khai đến các đơn vị trực thuộc'))).toBe(true);
    const events = await queryRows<{ org_id: string; n: number }>(
      t.database.db,
      sql`select w.org_id, count(e.id)::int as n from work_items w left join work_events e on e.item_id = w.id and e.kind = 'escalated'
           where w.kind = 'directive_relay' and w.source_id = ${parent.id} group by w.org_id`,
    );
    expect(Object.fromEntries(events.map((e) => [e.org_id, Number(e.n)]))).toMatchObject({ [o.ward!]: 0, [o.commune!]: 1 });
  });

  it('pre-fills the ward’s report from its units’ answers, and prints them in its báo cáo', async () => {
    const a1 = await assignmentOf(school1, relay.id);
    const a2 = await assignmentOf(school2, relay.id);
    const r1 = await school1.send('PATCH', `/api/v1/assignments/${a1.id}/tasks`, {
      version: a1.version,
      tasks: [{ taskId: a1.tasks[0]!.id, status: 'done', report: 'Đã quét 24 máy, gỡ 2 mã độc', naReason: null }],
    });
    expect(r1.statusCode, r1.body).toBe(200);
    const ev = await postFile(t, school1, `/api/v1/assignments/${a1.id}/tasks/${a1.tasks[0]!.id}/evidence`, {
      name: 'bien-ban.pdf',
      data: '%PDF-1.4\n%%EOF\n',
    });
    expect(ev.statusCode, ev.body).toBe(200);
    const r2 = await school2.send('PATCH', `/api/v1/assignments/${a2.id}/tasks`, {
      version: a2.version,
      tasks: [{ taskId: a2.tasks[0]!.id, status: 'not_done', report: '', naReason: 'Chưa có phần mềm quét' }],
    });
    expect(r2.statusCode, r2.body).toBe(200);

    const res = await ward.get(`/api/v1/assignments/${wardAssignment.id}/from-units`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.relays).toEqual([{ directiveId: relay.id, number: null, units: 3 }]);
    const first = f.tasks.find((x: { taskId: string }) => x.taskId === wardAssignment.tasks[0]!.id);
    expect(first).toMatchObject({ units: 3, done: 1, notDone: 1, open: 1, suggestedStatus: 'in_progress' });
    expect(first.suggestedReport).toContain('Đã triển khai đến 3 đơn vị trực thuộc; 1/3 đơn vị đã thực hiện');
    expect(first.suggestedReport).toContain('Trường Tiểu học Na Lay: Chưa có phần mềm quét');
    expect(first.suggestedReport).toContain('- Trường THCS Lê Lợi: Đã quét 24 máy, gỡ 2 mã độc');
    expect(first.answers.find((x: { orgName: string }) => x.orgName === 'Trường THCS Lê Lợi').evidence[0].filename).toBe('bien-ban.pdf');
    // outside the ward's subtree it does not exist
    expect((await stranger.get(`/api/v1/assignments/${wardAssignment.id}/from-units`)).statusCode).toBe(404);

    const docx = await ward.get(`/api/v1/assignments/${wardAssignment.id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const body = texts(await readZipPart(docx.rawPayload, 'word/document.xml'));
    expect(body).toContain('Kết quả của các đơn vị trực thuộc: 1/3 đơn vị đã thực hiện; 1 đơn vị không thực hiện được (Trường Tiểu học Na Lay)');
    expect(body).toContain('Đơn vị đã triển khai đến 3 đơn vị trực thuộc');
  });
});

describe('references', () => {
  it('links a directive the caller sees, refuses one it does not, and refuses a cycle', async () => {
    const ref = (directiveId: string) => ({ kind: 'thực hiện', number: 'x', text: 'x', directiveId });
    const base = { issuerOrgId: o.ward, subject: 'kiểm tra', rule: { underOrgId: o.ward }, sections: [{ heading: '', tasks: [{ text: 'Kiểm tra' }] }] };
    const a = (await ward.send('POST', '/api/v1/directives', base)).json() as Directive;
    const b = await ward.send('POST', '/api/v1/directives', { ...base, references: [ref(a.id)] });
    expect(b.statusCode, b.body).toBe(201);
    const cycle = await ward.send('PUT', `/api/v1/directives/${a.id}?version=${a.version}`, { ...base, references: [ref(b.json().id)] });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.reason).toBe('reference_cycle');
    const foreign = (await stranger.send('POST', '/api/v1/directives', { ...base, issuerOrgId: o.commune, rule: { underOrgId: o.commune } })).json();
    const unknown = await ward.send('POST', '/api/v1/directives', { ...base, references: [ref(foreign.id)] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.reason).toBe('reference_unknown');
  });
});

describe('an imported dispatch', () => {
  const LETTER = [
    'UỶ BAN NHÂN DÂN',
    'PHƯỜNG MƯỜNG LAY',
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    'Số: 25/UBND-CA',
    'V/v triển khai bảo đảm an ninh mạng',
    '',
    'Mường Lay, ngày 05 tháng 3 năm 2026',
    '',
    'Kính gửi: Các trường học trên địa bàn phường.',
    '',
    'Thực hiện Công văn số 907/CAT-PA05 ngày 27/02/2026 của Công an tỉnh Điện Biên, UBND phường yêu cầu:',
    '1. Rà soát máy tính nhiễm mã độc.',
    '2. Đổi mật khẩu thư công vụ.',
  ].join('\n');

  it('proposes the issuer from the tree by the letter’s name, for whoever may write for it — never a default', async () => {
    const mine = await ward.send('POST', '/api/v1/directives/parse', { text: LETTER });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().draft.issuerOrgId).toBe(o.ward);
    expect(mine.json().issuerText).toBe('UỶ BAN NHÂN DÂN PHƯỜNG MƯỜNG LAY');
    // another commune's coordinator cannot issue for the ward: no issuer, and a warning saying so
    const other = (await stranger.send('POST', '/api/v1/directives/parse', { text: LETTER })).json();
    expect(other.draft.issuerOrgId).toBeNull();
    expect(other.warnings[0]).toBe('Chưa tìm thấy "UỶ BAN NHÂN DÂN PHƯỜNG MƯỜNG LAY" trong cây đơn vị: hãy chọn đơn vị ban hành');
  });

  it('links a reference to the directive with that number and date; another date or number stays text', async () => {
    const ref = (number: string, date: string | null) => ({
      kind: 'thực hiện',
      documentType: 'Công văn',
      number,
      date,
      issuer: null,
      text: number,
      directiveId: null,
    });
    const linked = await linkReferences(t.database.db, SYSTEM, [
      ref('907/CAT-PA05', '2026-02-27'),
      ref('907 / CAT-PA05', null),
      ref('907/CAT-PA05', '2025-02-27'),
      ref('1/XX', null),
    ]);
    expect(linked.map((r) => r.directiveId)).toEqual([parent.id, parent.id, null, null]);
  });
});
