import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let provinceId: string;
beforeAll(async () => {
  t = await createTestApp();
  provinceId = (await buildOrg(t, { name: 'Tỉnh Điện Biên', kind: 'province', adminCode: '11' })).id;
  admin = await signIn(t, await buildUser(t, { homeOrgId: provinceId, grants: [{ role: 'system_admin', orgId: null }] }));
});
afterAll(async () => t.close());

const create = (body: Record<string, unknown>) => admin.send('POST', '/api/v1/orgs', { parentId: provinceId, kind: 'commune', ...body });

describe('org tree', () => {
  it('creates orgs of any depth with contacts and finds them without diacritics', async () => {
    const ward = await create({ name: 'Phường Mường Lay', shortName: 'P. Mường Lay', kind: 'ward', adminCode: '03151' });
    expect(ward.statusCode).toBe(201);
    const school = await admin.send('POST', '/api/v1/orgs', {
      parentId: ward.json().id,
      name: 'Trường THPT Mường Lay',
      kind: 'school',
      contacts: [{ name: 'Lò Văn Tâm', role: 'Cán bộ phụ trách CNTT', phone: '0912 345 678', email: 'tam@example.vn', hotline247: true }],
    });
    expect(school.statusCode).toBe(201);
    expect(school.json().depth).toBe(3);
    expect(school.json().contacts[0].hotline247).toBe(true);
    expect(school.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh Điện Biên', 'Phường Mường Lay']);
    const found = (await admin.get('/api/v1/orgs?q=muong%20lay')).json();
    expect(found.items.map((o: { name: string }) => o.name).sort()).toEqual(['Phường Mường Lay', 'Trường THPT Mường Lay']);
    const sub = (await admin.get(`/api/v1/orgs?under=${ward.json().id}`)).json();
    expect(sub.total).toBe(2);
    const children = (await admin.get(`/api/v1/orgs?parentId=${provinceId}`)).json();
    expect(children.items.find((o: { name: string }) => o.name === 'Phường Mường Lay').childCount).toBe(1);
  });

  it('renames and moves with history, carrying the subtree along', async () => {
    const a = (await create({ name: 'Xã Nà Hỳ' })).json();
    const b = (await create({ name: 'Xã Chà Tở' })).json();
    const school = (await admin.send('POST', '/api/v1/orgs', { parentId: a.id, name: 'Trường THCS Nà Hỳ', kind: 'school' })).json();
    const group = (await admin.send('POST', '/api/v1/orgs', { parentId: school.id, name: 'Tổ Tin học', kind: 'other' })).json();
    expect((await admin.send('PATCH', `/api/v1/orgs/${school.id}`, { name: 'Trường PTDTBT THCS Nà Hỳ', version: 1 })).statusCode).toBe(200);
    const moved = await admin.send('POST', `/api/v1/orgs/${school.id}/move`, { parentId: b.id, version: 2 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(b.id);
    const underB = (await admin.get(`/api/v1/orgs?under=${b.id}`)).json().items.map((o: { id: string }) => o.id);
    expect(underB).toEqual(expect.arrayContaining([school.id, group.id]));
    expect((await admin.get(`/api/v1/orgs/${group.id}`)).json().depth).toBe(4);
    const history = (await admin.get(`/api/v1/orgs/${school.id}/history`)).json().items;
    expect(history.map((h: { change: string }) => h.change)).toEqual(['moved', 'renamed', 'created']);
    expect(history[0]).toMatchObject({ oldParentName: 'Xã Nà Hỳ', newParentName: 'Xã Chà Tở' });
  });

  it('refuses a move under its own descendant', async () => {
    const a = (await create({ name: 'Xã Mường Toong' })).json();
    const child = (await admin.send('POST', '/api/v1/orgs', { parentId: a.id, name: 'Bản Mường Toong 1', kind: 'residential_group' })).json();
    const res = await admin.send('POST', `/api/v1/orgs/${a.id}/move`, { parentId: child.id, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORG_CYCLE');
    expect((await admin.send('POST', `/api/v1/orgs/${a.id}/move`, { parentId: a.id, version: 1 })).json().error.code).toBe('ORG_CYCLE');
  });

  it('refuses an edit or a move made on a version someone else has changed since', async () => {
    const a = (await create({ name: 'Xã Sính Phình' })).json();
    const b = (await create({ name: 'Xã Tả Phìn' })).json();
    const first = await admin.send('PATCH', `/api/v1/orgs/${a.id}`, { shortName: 'Sính Phình', version: 1 });
    expect(first.json().version).toBe(2);
    const second = await admin.send('PATCH', `/api/v1/orgs/${a.id}`, { name: 'Xã Sính Phình mới', version: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toMatchObject({ reason: 'stale_version', currentVersion: 2 });
    const staleMove = await admin.send('POST', `/api/v1/orgs/${a.id}/move`, { parentId: b.id, version: 1 });
    expect(staleMove.statusCode).toBe(409);
    const now = (await admin.get(`/api/v1/orgs/${a.id}`)).json();
    expect(now).toMatchObject({ name: 'Xã Sính Phình', shortName: 'Sính Phình', version: 2, parentId: a.parentId });
  });

  it('refuses duplicate sibling names and admin codes, writing nothing', async () => {
    await create({ name: 'Xã Sín Thầu', adminCode: '03158' });
    const dup = await create({ name: 'xã sín thầu' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_NAME');
    const code = await create({ name: 'Xã Khác', adminCode: '03158' });
    expect(code.json().error.code).toBe('CONFLICT');
    expect((await admin.get('/api/v1/orgs?q=xa%20khac')).json().total).toBe(0);
  });

  it('refuses deleting an org with children or data, and deletes an empty one', async () => {
    const a = (await create({ name: 'Xã Pa Ham' })).json();
    const child = (await admin.send('POST', '/api/v1/orgs', { parentId: a.id, name: 'Bản Pa Ham', kind: 'residential_group' })).json();
    expect((await admin.send('DELETE', `/api/v1/orgs/${a.id}`)).json().error.code).toBe('ORG_HAS_CHILDREN');
    await buildUser(t, { homeOrgId: child.id });
    const withData = await admin.send('DELETE', `/api/v1/orgs/${child.id}`);
    expect(withData.statusCode).toBe(409);
    expect(withData.json().error).toMatchObject({ code: 'ORG_HAS_DATA', details: { users: 1 } });
    const empty = (await create({ name: 'Xã Sẽ Xoá' })).json();
    expect((await admin.send('DELETE', `/api/v1/orgs/${empty.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${empty.id}`)).statusCode).toBe(404);
  });

  it('manages contacts', async () => {
    const a = (await create({ name: 'Xã Quảng Lâm' })).json();
    const c = await admin.send('POST', `/api/v1/orgs/${a.id}/contacts`, { name: 'Trực ban', phone: '0215 3825 000' });
    expect(c.statusCode).toBe(201);
    const patched = await admin.send('PATCH', `/api/v1/orgs/${a.id}/contacts/${c.json().id}`, { hotline247: true });
    expect(patched.json()).toMatchObject({ name: 'Trực ban', hotline247: true });
    expect((await admin.send('POST', `/api/v1/orgs/${a.id}/contacts`, { name: 'X', phone: 'gọi tôi' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.send('DELETE', `/api/v1/orgs/${a.id}/contacts/${c.json().id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${a.id}`)).json().contacts).toEqual([]);
  });
});

describe('bad input', () => {
  it('names an unknown field and a wrong type', async () => {
    const unknown = await create({ name: 'Xã A', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(unknown.json().error)).toContain('colour');
    const wrong = await create({ name: 42 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('body.name');
    const kind = await create({ name: 'Xã B', kind: 'castle' });
    expect(kind.json().error.details[0].path).toBe('body.kind');
  });

  it('answers malformed JSON and an oversize body with a clear 4xx', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_REQUEST');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ parentId: provinceId, kind: 'commune', name: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const long = await create({ name: 'x'.repeat(300) });
    expect(long.statusCode).toBe(400);
  });

  it('answers 404 with the error body for unknown routes and ids', async () => {
    expect((await admin.get('/api/v1/nothing-here')).json().error.code).toBe('NOT_FOUND');
    expect((await admin.get('/api/v1/orgs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/orgs/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('subtree sizes', () => {
  it('keeps each org’s descendant and child counts right through create, move and delete', async () => {
    const root = (await create({ name: 'Xã Đếm' })).json();
    const a = (await admin.send('POST', '/api/v1/orgs', { parentId: root.id, name: 'Đếm A', kind: 'agency' })).json();
    const b = (await admin.send('POST', '/api/v1/orgs', { parentId: root.id, name: 'Đếm B', kind: 'agency' })).json();
    const a1 = (await admin.send('POST', '/api/v1/orgs', { parentId: a.id, name: 'Đếm A1', kind: 'other' })).json();
    await admin.send('POST', '/api/v1/orgs', { parentId: a1.id, name: 'Đếm A1x', kind: 'other' });
    await admin.send('POST', `/api/v1/orgs/${a1.id}/move`, { parentId: b.id, version: 1 });
    const leaf = (await admin.send('POST', '/api/v1/orgs', { parentId: b.id, name: 'Đếm B2', kind: 'other' })).json();
    await admin.send('DELETE', `/api/v1/orgs/${leaf.id}`);
    const { sql } = await import('drizzle-orm');
    const rows = (await t.database.db.execute(sql`
      select o.name, o.descendant_count as kept, (select count(*)::int - 1 from orgs c where c.path <@ o.path) as actual,
             o.child_count as kept_children, (select count(*)::int from orgs c where c.parent_id = o.id) as actual_children
        from orgs o`)) as unknown as { rows: { name: string; kept: number; actual: number; kept_children: number; actual_children: number }[] };
    expect(rows.rows.filter((r) => Number(r.kept) !== Number(r.actual) || Number(r.kept_children) !== Number(r.actual_children))).toEqual([]);
    const page = (await admin.get(`/api/v1/orgs?under=${root.id}&limit=2`)).json();
    expect(page.total).toBe(5);
    expect(page.items[0].id).toBe(root.id);
  });
});
