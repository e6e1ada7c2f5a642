/**
 * Names a person can tell apart: three communes each have a "Văn phòng HĐND và UBND"; wherever such
 * an org is listed (searches and pickers, assignments, roll-ups, inventory) it carries its parent's
 * name, while a name no other org bears stays as it is. And a roll-up "by commune" never lists a
 * telecom or a provincial agency as a commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

let t: TestApp;
let coord: Client;
const o: Record<string, string> = {};
const OFFICE = 'Văn phòng HĐND và UBND';

beforeAll(async () => {
  t = await createTestApp();
  o.province = (await buildOrg(t, { name: 'Tỉnh Thử', kind: 'province' })).id;
  for (const [key, name] of [
    ['a', 'Phường Tân Lập'],
    ['b', 'Xã Mường Phăng'],
  ] as const) {
    o[key] = (await buildOrg(t, { parentId: o.province, name, kind: key === 'a' ? 'ward' : 'commune' })).id;
    o[`${key}Office`] = (await buildOrg(t, { parentId: o[key], name: OFFICE, kind: 'agency' })).id;
  }
  o.school = (await buildOrg(t, { parentId: o.a, name: 'Trường THCS Chỉ Một', kind: 'school' })).id;
  o.telecom = (await buildOrg(t, { parentId: o.province, name: 'VNPT Tỉnh Thử', kind: 'telecom' })).id;
  o.agency = (await buildOrg(t, { parentId: o.province, name: 'Sở Khoa học và Công nghệ', kind: 'agency' })).id;
  coord = await signIn(t, await buildUser(t, { homeOrgId: o.province, grants: [{ role: 'province_coordinator', orgId: o.province }] }));
});
afterAll(async () => t.close());

describe('orgs with the same name', () => {
  it('a search shows each namesake with its parent, and a unique name as it is', async () => {
    const found = (await coord.get(`/api/v1/orgs?q=${encodeURIComponent('van phong')}`)).json() as { items: { id: string; name: string; label: string }[] };
    const labels = Object.fromEntries(found.items.map((i) => [i.id, i.label]));
    expect(labels[o.aOffice!]).toBe(`${OFFICE} — Phường Tân Lập`);
    expect(labels[o.bOffice!]).toBe(`${OFFICE} — Xã Mường Phăng`);
    // the name itself is unchanged: forms edit it
    expect(found.items.every((i) => i.name === OFFICE)).toBe(true);
    const school = (await coord.get(`/api/v1/orgs?q=${encodeURIComponent('chi mot')}`)).json() as { items: { label: string }[] };
    expect(school.items[0]!.label).toBe('Trường THCS Chỉ Một');
  });

  it('a directive to both offices and the provincial units: assignments and the matrix tell the offices apart; by commune, the telecom and the agency are no communes', async () => {
    const created = await coord.send('POST', '/api/v1/directives', {
      issuerOrgId: o.province,
      subject: 'Rà soát tài khoản',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      rule: { orgIds: [o.aOffice, o.bOffice, o.school, o.telecom, o.agency] },
      sections: [{ heading: '1.', tasks: [{ text: 'Rà soát' }] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json() as { id: string; version: number };
    expect((await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version })).statusCode).toBe(200);

    const rollup = (await coord.get(`/api/v1/directives/${d.id}/rollup?by=commune`)).json() as {
      rows: { key: string | null; label: string; recipients: number }[];
      matrix: { rows: { orgName: string }[] };
    };
    expect(rollup.rows.map((r) => [r.key, r.label, r.recipients])).toEqual([
      [o.a, 'Phường Tân Lập', 2],
      [o.b, 'Xã Mường Phăng', 1],
      // one row for what is under no commune, named by the web in the reader's language
      [null, '', 2],
    ]);
    const names = rollup.matrix.rows.map((r) => r.orgName).sort();
    expect(names).toContain(`${OFFICE} — Phường Tân Lập`);
    expect(names).toContain(`${OFFICE} — Xã Mường Phăng`);
    expect(names).toContain('VNPT Tỉnh Thử');

    const overview = (await coord.get('/api/v1/work/overview')).json() as { by: string; rows: { orgId: string; inCommune: boolean }[] };
    expect(overview.by).toBe('commune');
    const inCommune = Object.fromEntries(overview.rows.map((r) => [r.orgId, r.inCommune]));
    expect(inCommune).toEqual({ [o.a!]: true, [o.b!]: true, [o.telecom!]: false, [o.agency!]: false });
  });

  it('the label follows a rename at once: a namesake renamed away leaves the other plain', async () => {
    const org = (await coord.get(`/api/v1/orgs/${o.bOffice}`)).json() as { version: number };
    const renamed = await coord.send('PATCH', `/api/v1/orgs/${o.bOffice}`, { version: org.version, name: 'Văn phòng Đảng ủy' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const found = (await coord.get(`/api/v1/orgs?q=${encodeURIComponent('van phong')}`)).json() as { items: { id: string; label: string }[] };
    expect(found.items.find((i) => i.id === o.aOffice)!.label).toBe(OFFICE);
  });
});
