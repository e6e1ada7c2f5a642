/**
 * The whole-subtree list is the app's hot read: SQL-encoded pages, kept on PGlite until the
 * database changes. These tests hold it to the general list's answers and show that no
 * change, on any path, is ever answered from an old page, and that scope is checked each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let provinceId: string;
beforeAll(async () => {
  t = await createTestApp();
  provinceId = (await buildOrg(t, { name: 'Tỉnh Lai Châu', kind: 'province' })).id;
  admin = await signIn(t, await buildUser(t, { homeOrgId: provinceId, grants: [{ role: 'system_admin', orgId: null }] }));
});
afterAll(async () => t.close());

type Page = { items: { id: string; name: string; childCount: number; updatedAt: string }[]; total: number };
const list = async (c: Client, under: string, extra = '') => {
  const res = await c.get(`/api/v1/orgs?under=${under}${extra}`);
  return { status: res.statusCode, page: res.json() as Page };
};

describe('whole-subtree list', () => {
  it('pages a subtree in tree order with the stored total, as the filtered list would', async () => {
    const commune = (await buildOrg(t, { parentId: provinceId, name: 'Xã Tà Tổng', kind: 'commune' })).id;
    for (let i = 0; i < 4; i++) await buildOrg(t, { parentId: commune, name: `Thôn ${i}`, kind: 'residential_group' });
    // JSON escaping must match JSON.stringify's exactly (the test app re-encodes every SQL-built body and compares)
    await buildOrg(t, { parentId: commune, name: 'Tổ "Tin học" \\ 1\t2\u2028 😀 </script>', kind: 'residential_group' });
    const all = await list(admin, commune, '&limit=500');
    expect(all.page.total).toBe(6);
    expect(all.page.items[0]!.id).toBe(commune);
    const pages = [...(await list(admin, commune, '&limit=2')).page.items, ...(await list(admin, commune, '&limit=2&offset=2')).page.items];
    expect(pages.map((o) => o.id)).toEqual(all.page.items.slice(0, 4).map((o) => o.id));
    expect((await list(admin, commune, '&limit=2&offset=6')).page).toEqual({ items: [], total: 6 });
    // the same orgs through the general (filtered) path, which builds rows in Node
    const viaFilter = (await admin.get(`/api/v1/orgs?under=${commune}&kind=residential_group&limit=500`)).json() as Page;
    const byId = new Map(all.page.items.map((o) => [o.id, o]));
    // the same fields, plus the filtered list's telling-apart label (searches and pickers show it; the tree has the parent in view)
    for (const { label, ...o } of viaFilter.items as (Page['items'][number] & { label?: string })[]) {
      expect(label).toBe(o.name);
      expect(byId.get(o.id)).toEqual(o);
    }
  });

  it('never answers from a page older than the data, whatever changed it', async () => {
    const commune = (await buildOrg(t, { parentId: provinceId, name: 'Xã Mù Cả', kind: 'commune' })).id;
    const before = await list(admin, commune);
    expect((await list(admin, commune)).page).toEqual(before.page);

    const unit = (await admin.send('POST', '/api/v1/orgs', { parentId: commune, name: 'Trạm Y tế Mù Cả', kind: 'agency' })).json() as { id: string };
    let now = (await list(admin, commune)).page;
    expect(now.total).toBe(2);
    expect(now.items[0]!.childCount).toBe(1);

    await admin.send('PATCH', `/api/v1/orgs/${unit.id}`, { name: 'Trạm Y tế xã Mù Cả', version: 1 });
    now = (await list(admin, commune)).page;
    expect(now.items.find((o) => o.id === unit.id)!.name).toBe('Trạm Y tế xã Mù Cả');

    // a write that no service knows about, straight in SQL
    await t.database.db.execute(sql`update orgs set name = 'Đổi trực tiếp' where id = ${unit.id}`);
    now = (await list(admin, commune)).page;
    expect(now.items.find((o) => o.id === unit.id)!.name).toBe('Đổi trực tiếp');

    const other = (await buildOrg(t, { parentId: provinceId, name: 'Xã Pa Vệ Sử', kind: 'commune' })).id;
    await admin.send('POST', `/api/v1/orgs/${unit.id}/move`, { parentId: other, version: 2 });
    expect((await list(admin, commune)).page.total).toBe(1);
    expect((await list(admin, other)).page.items.map((o) => o.id)).toContain(unit.id);

    await admin.send('DELETE', `/api/v1/orgs/${unit.id}`);
    expect((await list(admin, other)).page.total).toBe(1);
  });

  it('checks the caller’s scope on every request, also for a page another user just read', async () => {
    const mine = (await buildOrg(t, { parentId: provinceId, name: 'Xã Nậm Xe', kind: 'commune' })).id;
    const theirs = (await buildOrg(t, { parentId: provinceId, name: 'Xã Sin Suối Hồ', kind: 'commune' })).id;
    const officer = await signIn(t, await buildUser(t, { homeOrgId: mine, grants: [{ role: 'unit_officer', orgId: mine }] }));
    expect((await list(admin, theirs)).status).toBe(200);
    const refused = await list(officer, theirs);
    expect(refused.status).toBe(404);
    expect((await list(officer, mine)).status).toBe(200);
    expect((await list(officer, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
