import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { startJobs, type Jobs } from '../src/platform/jobs/index.js';
import { planSourceTimers, runTimers, workJobs } from '../src/modules/work/index.js';
import { buildWorkContext } from '../src/work-context.js';
import { buildOrg, buildUser, signIn, createTestApp, type Client, type TestApp } from './harness.js';

// Work owed by an org, through the HTTP API: one to-do list across kinds, the state machine's
// refusals, evidence limits, timers that outlive a restart and do nothing once an item is closed.

let t: TestApp;
let coord: Client;
let officer: Client;
let outsider: Client;
const o: Record<string, string> = {};
const work = buildWorkContext();

beforeAll(async () => {
  t = await createTestApp();
  o.P = (await buildOrg(t, { name: 'Tỉnh Thử', kind: 'province' })).id;
  o.ward = (await buildOrg(t, { parentId: o.P, name: 'Phường Hạc Thành', kind: 'ward' })).id;
  o.office = (await buildOrg(t, { parentId: o.ward, name: 'Văn phòng HĐND và UBND', kind: 'agency' })).id;
  o.other = (await buildOrg(t, { parentId: o.P, name: 'Xã Khác', kind: 'commune' })).id;
  coord = await signIn(t, await buildUser(t, { homeOrgId: o.ward, grants: [{ role: 'commune_coordinator', orgId: o.ward }] }));
  officer = await signIn(t, await buildUser(t, { homeOrgId: o.office, grants: [{ role: 'unit_officer', orgId: o.office }] }));
  outsider = await signIn(t, await buildUser(t, { homeOrgId: o.other, grants: [{ role: 'unit_officer', orgId: o.other }] }));
});
afterAll(async () => t.close());

async function issueDirective(dueInMs = 7 * 86_400_000) {
  const created = await coord.send('POST', '/api/v1/directives', {
    issuerOrgId: o.ward,
    subject: 'tăng cường bảo đảm an ninh mạng',
    dueAt: new Date(Date.now() + dueInMs).toISOString(),
    sections: [{ heading: 'Các cơ quan', addressees: null, rule: { orgIds: [o.office] }, tasks: [{ text: 'Rà soát tài khoản', dueAt: null }] }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const d = created.json();
  const issued = await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version });
  expect(issued.statusCode, issued.body).toBe(200);
  return d.id as string;
}

async function classifiedSystem() {
  const s = (await officer.send('POST', '/api/v1/systems', { orgId: o.office, name: 'Cổng thông tin phường', category: 'portal' })).json();
  const c = await officer.send('POST', `/api/v1/systems/${s.id}/classify`, { answers: {}, preview: false, version: s.version });
  expect(c.statusCode, c.body).toBe(200);
  return s.id as string;
}

function upload(c: Client, url: string, filename: string, data: Buffer) {
  const boundary = 'w0rkb0und';
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

describe('one to-do list', () => {
  it('shows a directive and a system checklist owed by the same unit; reporting on either goes through work', async () => {
    const directiveId = await issueDirective();
    const systemId = await classifiedSystem();
    const todo = (await officer.get('/api/v1/work')).json();
    // by due date: the directive (due in a week) before the checklist (no date of its own)
    expect(todo.items.map((i: { kind: string }) => i.kind)).toEqual(['directive', 'system']);
    expect(todo.kinds.map((k: { kind: string }) => k.kind).sort()).toEqual(['directive', 'system']);
    const dItem = todo.items.find((i: { kind: string }) => i.kind === 'directive');
    const sItem = todo.items.find((i: { kind: string }) => i.kind === 'system');
    expect(dItem).toMatchObject({
      sourceId: directiveId,
      label: 'V/v tăng cường bảo đảm an ninh mạng',
      link: `/assignments/${dItem.id}`,
      orgParentName: 'Phường Hạc Thành',
    });
    expect(sItem).toMatchObject({ sourceId: systemId, label: 'Cổng thông tin phường', link: `/systems/${systemId}`, status: 'acknowledged' });
    expect(sItem.checksTotal).toBeGreaterThan(0);
    // the outsider's list is empty and the items do not exist for them
    expect((await outsider.get('/api/v1/work')).json().total).toBe(0);
    expect((await outsider.get(`/api/v1/work/${dItem.id}`)).statusCode).toBe(404);

    // a requirement reported from the to-do page reads "met" on the system's checklist
    const sys = (await officer.get(`/api/v1/work/${sItem.id}`)).json();
    expect(sys.actions).toEqual([]);
    const key = sys.checks[0].key as string;
    const put = await officer.send('PUT', `/api/v1/work/${sItem.id}/checks/${key}`, { status: 'done', report: 'Đã có quy chế' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().status).toBe('in_progress');
    const checklist = (await officer.get(`/api/v1/systems/${systemId}/checklist`)).json();
    const item = checklist.groups.flatMap((g: { items: { id: string }[] }) => g.items).find((i: { id: string }) => i.id === key);
    expect(item).toMatchObject({ status: 'met', note: 'Đã có quy chế' });

    // the coordinator's overview counts both kinds for the office
    const overview = (await coord.get(`/api/v1/work/overview?orgId=${o.ward}`)).json();
    expect(overview.by).toBe('org');
    const row = overview.rows.find((r: { orgId: string }) => r.orgId === o.office);
    expect(row.byKind.map((k: { kind: string }) => k.kind).sort()).toEqual(['directive', 'system']);
  });

  it('refuses a move not allowed from the current status with 409 and the status, and a stale version with 409', async () => {
    await issueDirective();
    const todo = (await officer.get('/api/v1/work?kind=directive')).json();
    const item = (await officer.get(`/api/v1/work/${todo.items[0].id}`)).json();
    expect(item.status).toBe('pending');
    expect(item.actions).toEqual(['acknowledge', 'not_applicable']);
    const early = await officer.send('POST', `/api/v1/work/${item.id}/actions/submit`, { version: item.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ reason: 'work_transition_not_allowed', params: { status: 'pending' }, details: { status: 'pending' } });
    // the reviewer's move from the owing side is refused without a change
    const accept = await officer.send('POST', `/api/v1/work/${item.id}/actions/accept`, { version: item.version });
    expect([403, 409]).toContain(accept.statusCode);
    const ack = await officer.send('POST', `/api/v1/work/${item.id}/actions/acknowledge`, { version: item.version });
    expect(ack.statusCode).toBe(200);
    const stale = await officer.send('POST', `/api/v1/work/${item.id}/actions/acknowledge`, { version: item.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.reason).toBe('stale_version');
    // setting it aside needs a reason
    const noReason = await officer.send('POST', `/api/v1/work/${item.id}/actions/not_applicable`, { version: ack.json().version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.reason).toBe('work_reason_required');
    // submitting with the task not reported names it
    const open = await officer.send('POST', `/api/v1/work/${item.id}/actions/submit`, { version: ack.json().version });
    expect(open.statusCode).toBe(400);
    expect(open.json().error).toMatchObject({ reason: 'work_checks_unsettled', params: { count: 1 } });
    const history = (await officer.get(`/api/v1/work/${item.id}`)).json().history.map((h: { kind: string }) => h.kind);
    expect(history).toEqual(['acknowledged']);
  });

  it('refuses evidence of an unknown binary type (415) or over 25 MB (413) and attaches nothing', async () => {
    await issueDirective();
    const todo = (await officer.get('/api/v1/work?kind=directive')).json();
    const item = (await officer.get(`/api/v1/work/${todo.items[0].id}`)).json();
    const url = `/api/v1/work/${item.id}/checks/${item.checks[0].key}/evidence`;
    const binary = await upload(officer, url, 'bien-ban.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xfe]));
    expect(binary.statusCode).toBe(415);
    expect(binary.json().error.reason).toBe('work_evidence_type_refused');
    const big = await upload(officer, url, 'anh.png', Buffer.alloc(26 * 1024 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
    const pdf = await upload(officer, url, 'bien-ban.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    const after = (await officer.get(`/api/v1/work/${item.id}`)).json();
    expect(after.checks[0].evidence.map((e: { filename: string }) => e.filename)).toEqual(['bien-ban.pdf']);
    // the one download route lets the reviewer read it, not the outsider
    const fileId = after.checks[0].evidence[0].id as string;
    expect((await coord.get(`/api/v1/files/${fileId}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
  });
});

describe('timers', () => {
  it('a timer whose item was closed meanwhile does nothing', async () => {
    const id = await issueDirective();
    const [item] = await queryRows<{ id: string }>(t.database.db, sql`select id from work_items where kind = 'directive' and source_id = ${id}`);
    await t.database.db.execute(sql`update work_items set status = 'accepted', due_at = now() - interval '1 hour' where id = ${item!.id}`);
    const fired = await runTimers(work, t.database.db, { kind: 'directive', sourceId: id });
    expect(fired).toEqual({ remind_due: 0, remind_ack: 0, remind_review: 0, escalate: 0 });
    const [events] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from work_events where item_id = ${item!.id} and kind = 'escalated'`,
    );
    expect(Number(events!.n)).toBe(0);
  });

  it('a reminder and an escalation reach the right inboxes after a restart in between', { timeout: 90_000 }, async () => {
    const db = t.database.db;
    // due in 48 h and 3 s: the 48-hour reminder's timer is 3 s away
    const id = await issueDirective(48 * 3_600_000 + 3_000);
    const inbox = async (c: Client, kind: string) =>
      (await c.get('/api/v1/notifications?limit=100')).json().items.filter((n: { kind: string; link: string }) => n.kind === kind);
    const before = (await inbox(officer, 'work.reminder')).length;
    // a worker starts and stops before the timer is due: the job waits in the database
    let jobs: Jobs = await startJobs(t.database, { work: true, definitions: workJobs(work, db) });
    await jobs.stop();
    jobs = await startJobs(t.database, { work: true, definitions: workJobs(work, db) });
    try {
      await until(async () => (await inbox(officer, 'work.reminder')).length > before, 45_000);
      expect(await inbox(coord, 'work.overdue')).toHaveLength(0);
      // now the due date is 3 s away and planned again; the worker restarts before it passes
      await db.execute(sql`update work_items set due_at = now() + interval '3 seconds' where kind = 'directive' and source_id = ${id}`);
      await db.transaction((tx) => planSourceTimers(work, tx, 'directive', id));
      await jobs.stop();
      jobs = await startJobs(t.database, { work: true, definitions: workJobs(work, db) });
      await until(async () => (await inbox(coord, 'work.overdue')).length > 0, 45_000);
      // the ward's coordinator is told (the nearest ancestor with coordinators), not the officer
      expect(await inbox(officer, 'work.overdue')).toHaveLength(0);
      expect((await inbox(outsider, 'work.reminder')).length).toBe(0);
    } finally {
      await jobs.stop();
    }
  });
});

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not within ${ms} ms`);
}
