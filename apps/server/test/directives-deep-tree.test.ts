import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgKind } from '@khien/contracts';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

// The org tree has any depth: a legacy district adds a level between province and commune, and
// units nest teams in teams. Issuing must still find each recipient's commune and province.
let t: TestApp;
let coord: Client;
const o: Record<string, string> = {};

const CHAIN: [key: string, name: string, kind: OrgKind][] = [
  ['province', 'Tỉnh Sâu', 'province'],
  ['district', 'Huyện Cũ', 'district'],
  ['commune', 'Xã Nhiều Tầng', 'commune'],
  ['agency', 'UBND xã Nhiều Tầng', 'agency'],
  ['unit', 'Phòng Văn hóa', 'agency'],
  ['team', 'Tổ công tác', 'other'],
  ['subTeam', 'Nhóm công tác', 'other'],
  ['group', 'Tổ dân phố 1', 'residential_group'],
  ['cell', 'Tổ tự quản 1a', 'residential_group'],
];

beforeAll(async () => {
  t = await createTestApp();
  let parent: string | null = null;
  for (const [key, name, kind] of CHAIN) parent = o[key] = (await buildOrg(t, { parentId: parent, name, kind })).id;
  // a second commune straight under the province (no district), and a ward-level unit
  o.ward = (await buildOrg(t, { parentId: o.province!, name: 'Phường Gần', kind: 'ward' })).id;
  o.wardSchool = (await buildOrg(t, { parentId: o.ward, name: 'Trường Phường Gần', kind: 'school' })).id;
  coord = await signIn(t, await buildUser(t, { homeOrgId: o.province!, grants: [{ role: 'province_coordinator', orgId: o.province! }] }));
});
afterAll(async () => t.close());

describe('issuing on a tree of any depth', () => {
  it('gives a recipient nine levels down its commune and province, in the roll-ups', async () => {
    const created = await coord.send('POST', '/api/v1/directives', {
      issuerOrgId: o.province,
      subject: 'Rà soát mã độc',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      rule: { orgIds: [o.group, o.cell, o.unit, o.commune, o.wardSchool, o.district] },
      sections: [{ heading: '1.', tasks: [{ text: 'Rà soát' }] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    const issued = await coord.send('POST', `/api/v1/directives/${d.id}/issue`, { version: d.version });
    expect(issued.statusCode, issued.body).toBe(200);

    const byCommune = (await coord.get(`/api/v1/directives/${d.id}/rollup?by=commune`)).json();
    const rows = byCommune.rows.map((r: { key: string | null; label: string; recipients: number }) => [r.key === null ? null : r.label, r.recipients]);
    // the commune itself, the unit, the group (8 levels) and the cell (9 levels) are one commune's;
    // the district has no commune above it: it is no commune, and falls in the last row, the one
    // with no key (named "Cấp tỉnh (không thuộc xã, phường)" by the web)
    expect(rows).toEqual([
      ['Phường Gần', 1],
      ['Xã Nhiều Tầng', 4],
      [null, 1],
    ]);

    const byProvince = (await coord.get(`/api/v1/directives/${d.id}/rollup?by=province`)).json();
    expect(byProvince.rows).toEqual([expect.objectContaining({ key: o.province, label: 'Tỉnh Sâu', recipients: 6 })]);
  });
});
