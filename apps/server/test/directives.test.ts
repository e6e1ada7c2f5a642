import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { runTimers } from '../src/modules/work/index.js';
import { buildWorkContext } from '../src/work-context.js';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

const SEED = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/seeds/dispatch-muong-lay-2026.txt'), 'utf8');

let t: TestApp;
let coord: Client;
let officer: Client;
let outsider: Client;
const o: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const org = async (key: string, parent: string | null, name: string, kind: NonNullable<NonNullable<Parameters<typeof buildOrg>[1]>['kind']>) =>
    (o[key] = (await buildOrg(t, { parentId: parent ? o[parent]! : null, name, kind })).id);
  await org('P', null, 'Tỉnh Điện Biên', 'province');
  await org('ward', 'P', 'Phường Mường Lay', 'ward');
  await org('ubnd', 'ward', 'UBND phường Mường Lay', 'agency');
  await org('school1', 'ward', 'Trường THCS Mường Lay', 'school');
  await org('school2', 'ward', 'Trường Tiểu học Sơn Bình', 'school');
  await org('police', 'ward', 'Công an phường Mường Lay', 'police');
  await org('group1', 'ward', 'Tổ dân phố Sơn Bình', 'residential_group');
  await org('group2', 'ward', 'Bản Na Nát', 'residential_group');
  await org('other', 'P', 'Xã Mường Chà', 'commune');
  await org('otherSchool', 'other', 'Trường Tiểu học Mường Chà', 'school');
  coord = await signIn(t, await buildUser(t, { homeOrgId: o.ubnd!, grants: [{ role: 'commune_coordinator', orgId: o.ward! }] }));
  officer = await signIn(t, await buildUser(t, { homeOrgId: o.school1!, grants: [{ role: 'unit_officer', orgId: o.school1! }] }));
  outsider = await signIn(t, await buildUser(t, { homeOrgId: o.otherSchool!, grants: [{ role: 'unit_officer', orgId: o.otherSchool! }] }));
});
afterAll(async () => t.close());

async function draftFromSeed() {
  const parsed = await coord.send('POST', '/api/v1/directives/parse', { text: SEED });
  expect(parsed.statusCode).toBe(200);
  const { draft } = parsed.json();
  expect(draft.number).toBe('1082/UBND-CA');
  expect(draft.sections).toHaveLength(3);
  draft.issuerOrgId = o.ubnd;
  draft.dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  draft.sections[0].rule = { underOrgId: o.ward, kinds: ['school', 'agency'], directChildrenOnly: true };
  draft.sections[1].rule = { orgIds: [o.police] };
  draft.sections[2].rule = { underOrgId: o.ward, kinds: ['residential_group'] };
  const created = await coord.send('POST', '/api/v1/directives', draft);
  expect(created.statusCode).toBe(201);
  return created.json();
}

describe('directive flow', () => {
  it('goes from pasted text to issued, acknowledged, reported, returned, resubmitted and accepted', async () => {
    const d = await draftFromSeed();
    expect(d.status).toBe('draft');
    expect((await officer.get(`/api/v1/directives/${d.id}`)).statusCode).toBe(404);
    const preview = (await coord.send('POST', `/api/v1/directives/${d.id}/recipients-preview`)).json();
    // the issuing UBND itself is excluded: two schools, police, two residential groups
    expect(preview.total).toBe(5);
    const issued = await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', counts: { recipients: 5, acknowledged: 0 } });

    const inbox = (await officer.get('/api/v1/assignments')).json();
    expect(inbox.total).toBe(1);
    const a0 = inbox.items[0];
    expect(a0).toMatchObject({ orgName: 'Trường THCS Mường Lay', status: 'pending', totalTasks: 3 });
    expect((await outsider.get(`/api/v1/assignments/${a0.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/directives/${d.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/directives/${d.id}`)).json().counts.recipients).toBe(1);

    let a = (await officer.send('POST', `/api/v1/assignments/${a0.id}/acknowledge`, { version: a0.version })).json();
    expect(a.status).toBe('acknowledged');
    const early = await officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: a.version });
    expect(early.json().error.code).toBe('VALIDATION_FAILED');
    const na = await officer.send('PUT', `/api/v1/assignments/${a.id}/tasks/${a.tasks[2].id}`, { status: 'not_applicable' });
    expect(na.statusCode).toBe(400);
    for (const [i, task] of a.tasks.entries()) {
      const body =
        i === 2 ? { status: 'not_applicable', naReason: 'Trường không có hệ thống riêng' } : { status: 'done', report: `Đã thực hiện nhiệm vụ ${i + 1}` };
      a = (await officer.send('PUT', `/api/v1/assignments/${a.id}/tasks/${task.id}`, body)).json();
    }
    a = (await officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: a.version })).json();
    expect(a.status).toBe('submitted');
    expect((await officer.send('POST', `/api/v1/assignments/${a.id}/review`, { decision: 'accept', version: a.version })).statusCode).toBe(403);
    const noComment = await coord.send('POST', `/api/v1/assignments/${a.id}/review`, { decision: 'return', version: a.version });
    expect(noComment.statusCode).toBe(400);
    a = (
      await coord.send('POST', `/api/v1/assignments/${a.id}/review`, { decision: 'return', comment: 'Bổ sung ảnh chụp màn hình', version: a.version })
    ).json();
    expect(a).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung ảnh chụp màn hình' });
    a = (await officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: a.version })).json();
    a = (await coord.send('POST', `/api/v1/assignments/${a.id}/review`, { decision: 'accept', comment: null, version: a.version })).json();
    expect(a.status).toBe('accepted');
    expect(a.history.map((h: { kind: string }) => h.kind)).toEqual(['acknowledged', 'submitted', 'returned', 'submitted', 'accepted']);

    const roll = (await coord.get(`/api/v1/directives/${d.id}/rollup?by=kind`)).json();
    const schools = roll.rows.find((r: { key: string }) => r.key === 'school');
    expect(schools).toMatchObject({ recipients: 2, accepted: 1 });
    expect(roll.matrix.rows).toHaveLength(5);
    expect(roll.notAcknowledged.map((n: { orgName: string }) => n.orgName)).toHaveLength(4);
    const byTask = (await coord.get(`/api/v1/directives/${d.id}/rollup?by=task`)).json();
    expect(byTask.rows).toHaveLength(7);
    const byCommune = (await coord.get(`/api/v1/directives/${d.id}/rollup?by=commune`)).json();
    expect(byCommune.rows).toEqual([expect.objectContaining({ label: 'Phường Mường Lay', recipients: 5 })]);
    const notes = (await officer.get('/api/v1/notifications')).json();
    expect(notes.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['directive.issued']));
  });

  it('refuses a report after the directive is closed, and one of two concurrent submits', async () => {
    const d = await draftFromSeed();
    await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version });
    const a0 = (await officer.get(`/api/v1/assignments?limit=50`)).json().items.find((x: { directiveId: string }) => x.directiveId === d.id);
    let a = (await officer.get(`/api/v1/assignments/${a0.id}`)).json();
    for (const task of a.tasks) a = (await officer.send('PUT', `/api/v1/assignments/${a.id}/tasks/${task.id}`, { status: 'done', report: 'xong' })).json();
    const [r1, r2] = await Promise.all([
      officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: a.version }),
      officer.send('POST', `/api/v1/assignments/${a.id}/submit`, { version: a.version }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const current = (await coord.get(`/api/v1/directives/${d.id}`)).json();
    expect((await coord.send('POST', `/api/v1/directives/${d.id}/close`, { version: current.version })).json().status).toBe('closed');
    const late = await officer.send('PUT', `/api/v1/assignments/${a.id}/tasks/${a.tasks[0].id}`, { status: 'in_progress', report: 'muộn' });
    expect(late.statusCode).toBe(409);
  });

  it('names the officer an assignment is given to, on the record and in the list', async () => {
    const d = await draftFromSeed();
    await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version });
    const mine = async () => (await officer.get(`/api/v1/assignments?limit=50`)).json().items.find((x: { directiveId: string }) => x.directiveId === d.id);
    const a0 = await mine();
    expect(a0.assigneeName).toBeNull();
    const duty = await buildUser(t, { homeOrgId: o.school1!, grants: [{ role: 'duty_officer', orgId: o.school1! }] });
    const assigned = await officer.send('POST', `/api/v1/assignments/${a0.id}/assign`, { userId: duty.id, version: a0.version });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assigneeUserId: duty.id, assigneeName: expect.stringMatching(/^Người dùng \d+$/) });
    expect((await mine()).assigneeName).toBe(assigned.json().assigneeName);
  });

  it('refuses rules that resolve to no recipient and leaves the draft as it was', async () => {
    const d = await draftFromSeed();
    for (const s of d.sections) s.rule = { underOrgId: o.ward, kinds: ['telecom'] };
    const updated = (await coord.send('PUT', `/api/v1/directives/${d.id}?version=${d.version}`, { ...toInput(d) })).json();
    const res = await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: updated.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'rule_matches_no_recipient', details: [{ path: 'rule' }] });
    const after = (await coord.get(`/api/v1/directives/${d.id}`)).json();
    expect(after.status).toBe('draft');
    const [n] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from work_items where kind = 'directive' and source_id = ${d.id}`);
    expect(Number(n!.n)).toBe(0);
  });

  it('answers bad pastes and files clearly and creates nothing', async () => {
    const before = (await coord.get('/api/v1/directives?side=issued')).json().total;
    expect((await coord.send('POST', '/api/v1/directives/parse', { text: '   ' })).statusCode).toBe(400);
    const recipe = await coord.send('POST', '/api/v1/directives/parse', {
      text: 'Canh chua cá lóc\nNguyên liệu: cá lóc, me, cà chua, dứa.\nCách nấu: đun sôi nước, cho me vào.',
    });
    expect(recipe.statusCode).toBe(422);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directives/parse',
      headers: { cookie: coord.cookie, 'x-csrf-token': coord.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(50 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    const boundary = 'b0und';
    const binary = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directives/parse',
      headers: { cookie: coord.cookie, 'x-csrf-token': coord.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(binary.statusCode).toBe(415);
    expect((await coord.get('/api/v1/directives?side=issued')).json().total).toBe(before);
  });

  it('reminds before the due date and escalates overdue work to the parent’s coordinator once', async () => {
    const d = await draftFromSeed();
    await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version });
    const kinds = async (c: Client, kind: string) =>
      (await c.get('/api/v1/notifications?limit=100'))
        .json()
        .items.filter((n: { kind: string; link: string }) => n.kind === kind && n.link.includes('/assignments/'));
    const work = buildWorkContext();
    // a day before the due date: the school's own officer is reminded, once, and nobody is escalated to yet
    await t.database.db.execute(sql`update work_items set due_at = now() + interval '24 hours' where kind = 'directive' and source_id = ${d.id}`);
    const remindersBefore = (await kinds(officer, 'work.reminder')).length;
    const soon = await runTimers(work, t.database.db);
    expect(soon).toMatchObject({ remind_due: 5, escalate: 0 });
    expect((await kinds(officer, 'work.reminder')).length).toBe(remindersBefore + 1);
    expect((await runTimers(work, t.database.db)).remind_due).toBe(0);
    expect(await kinds(coord, 'work.overdue')).toHaveLength(0);
    // an hour past it: the parent's coordinator is told, once
    await t.database.db.execute(sql`update work_items set due_at = now() - interval '1 hour' where kind = 'directive' and source_id = ${d.id}`);
    const first = await runTimers(work, t.database.db);
    expect(first.escalate).toBe(5);
    const again = await runTimers(work, t.database.db);
    expect(again.escalate).toBe(0);
    expect((await kinds(coord, 'work.overdue')).length).toBeGreaterThanOrEqual(5);
    expect(await kinds(officer, 'work.overdue')).toHaveLength(0);
    const [mail] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from mail_outbox where kind = 'work.overdue'`);
    expect(Number(mail!.n)).toBeGreaterThanOrEqual(5);
  });
});

function toInput(
  d: Record<string, unknown> & { sections: { heading: string; addressees: string | null; rule: unknown; tasks: { text: string; dueAt: string | null }[] }[] },
) {
  return {
    issuerOrgId: d.issuerOrgId,
    number: d.number,
    place: d.place,
    issuedOn: d.issuedOn,
    subject: d.subject,
    preamble: d.preamble,
    closing: d.closing,
    recipientsText: d.recipientsText,
    copiesTo: d.copiesTo,
    signer: d.signer,
    contacts: d.contacts,
    alertStart: d.alertStart,
    alertEnd: d.alertEnd,
    dueAt: d.dueAt,
    rule: d.rule,
    sections: d.sections.map((s) => ({
      heading: s.heading,
      addressees: s.addressees,
      rule: s.rule,
      tasks: s.tasks.map((x) => ({ text: x.text, dueAt: x.dueAt })),
    })),
  };
}
