/**
 * Separation of duties on a level dossier, position by position (the access matrix has the rows by
 * role): the unit that submitted a dossier never appraises, approves or returns it — not its officer,
 * not a coordinator or system admin homed there, not the person who submitted it for the unit, nor a
 * colleague of theirs — and a grant on the owning unit itself is not an appraising authority; an
 * authority above it is. The page is told which steps the caller may record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { System } from '@khien/contracts';
import { queryRows } from '../src/platform/db/client.js';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

let t: TestApp;
const o: Record<string, string> = {};
const c: Record<string, Client> = {};
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  o.P = (await buildOrg(t, { name: 'Tỉnh Phân Quyền', kind: 'province' })).id;
  o.police = (await buildOrg(t, { parentId: o.P, name: 'Công an tỉnh Phân Quyền', kind: 'police' })).id;
  o.C = (await buildOrg(t, { parentId: o.P, name: 'Xã Phân Quyền', kind: 'commune' })).id;
  o.S = (await buildOrg(t, { parentId: o.C, name: 'Trường Tiểu học Phân Quyền', kind: 'school' })).id;
  const user = async (key: string, homeOrgId: string, grants: Parameters<typeof buildUser>[1]['grants']) =>
    (c[key] = await signIn(t, await buildUser(t, { homeOrgId, grants })));
  await user('schoolOfficer', o.S, [{ role: 'unit_officer', orgId: o.S }]);
  await user('communeCoord', o.C, [{ role: 'commune_coordinator', orgId: o.C }]);
  await user('communeCoord2', o.C, [{ role: 'commune_coordinator', orgId: o.C }]);
  // a school's teacher who also holds a commune-wide grant: still the school
  await user('schoolWithCommuneGrant', o.S, [{ role: 'commune_coordinator', orgId: o.C }]);
  await user('adminAtSchool', o.S, [{ role: 'system_admin', orgId: null }]);
  // a commune officer whose only write grant is the school itself: the owner's side, not an appraiser
  await user('grantOnSchoolOnly', o.C, [{ role: 'unit_officer', orgId: o.S }]);
  await user('policeOfficer', o.police, [{ role: 'unit_officer', orgId: o.police }]);
  await user('provinceAtPolice', o.police, [{ role: 'province_coordinator', orgId: o.P }]);
  await user('provinceAtRoot', o.P, [{ role: 'province_coordinator', orgId: o.P }]);
  await user('outsider', o.police, [{ role: 'commune_coordinator', orgId: o.police }]);
});
afterAll(async () => t.close());

/** A classified system of `orgId`, its dossier submitted by `by`. */
async function submitted(orgId: string, by: Client): Promise<System> {
  const s = (
    await by.send('POST', '/api/v1/systems', { orgId, name: `Hệ thống ${Math.random().toString(36).slice(2, 7)}`, category: 'portal' })
  ).json() as System;
  const classified = await by.send('POST', `/api/v1/systems/${s.id}/classify`, { answers: {}, version: s.version });
  expect(classified.statusCode, classified.body).toBe(200);
  const res = await by.send('POST', `/api/v1/systems/${s.id}/dossier`, { status: 'submitted', on: today, version: s.version + 1 });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as System;
}

const appraise = (by: Client, s: System) => by.send('POST', `/api/v1/systems/${s.id}/dossier`, { status: 'appraised', on: today, version: s.version });
const refusal = async (by: Client, s: System) => {
  const res = await appraise(by, s);
  return `${res.statusCode} ${res.json().error?.reason ?? ''}`.trim();
};

describe('who appraises a dossier', () => {
  it('never the submitting unit, whoever holds what there; an authority above does', async () => {
    const s = await submitted(o.S!, c.schoolOfficer!);
    expect(s.dossierSteps).toEqual([]);
    expect(await refusal(c.schoolOfficer!, s)).toBe('403 own_dossier');
    expect(await refusal(c.schoolWithCommuneGrant!, s)).toBe('403 own_dossier');
    expect(await refusal(c.adminAtSchool!, s)).toBe('403 own_dossier');
    expect(await refusal(c.grantOnSchoolOnly!, s)).toBe('403 not_appraising_authority');
    expect(await refusal(c.outsider!, s)).toBe('404 system_not_found');
    expect(((await c.communeCoord!.get(`/api/v1/systems/${s.id}`)).json() as System).dossierSteps).toEqual(['appraised', 'returned']);
    const ok = await appraise(c.communeCoord!, s);
    expect(ok.statusCode, ok.body).toBe(200);
    const appraised = ok.json() as System;
    expect(appraised.dossier.status).toBe('appraised');
    // approval is the authority's too
    const approve = (by: Client) =>
      by.send('POST', `/api/v1/systems/${s.id}/dossier`, { status: 'approved', on: today, decisionNumber: '12/QĐ-UBND', version: appraised.version });
    expect((await approve(c.adminAtSchool!)).json().error.reason).toBe('own_dossier');
    expect((await approve(c.schoolOfficer!)).statusCode).toBe(403);
    const approved = await approve(c.provinceAtRoot!);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as System).dossier.status).toBe('approved');
    // nothing moved on a refusal: the audit log holds exactly the three steps taken
    const steps = await queryRows<{ step: string }>(
      t.database.db,
      sql`select changes -> 'status' ->> 'after' as step from audit_log where action = 'system.dossier' and entity_id = ${s.id} order by seq`,
    );
    expect(steps.map((r) => r.step)).toEqual(['submitted', 'appraised', 'approved']);
  });

  it('a province coordinator homed in the owning unit is refused; one homed above it is not', async () => {
    const s = await submitted(o.police!, c.policeOfficer!);
    expect(await refusal(c.provinceAtPolice!, s)).toBe('403 own_dossier');
    const ret = await c.provinceAtRoot!.send('POST', `/api/v1/systems/${s.id}/dossier`, { status: 'returned', on: today, note: 'Bổ sung', version: s.version });
    expect(ret.statusCode, ret.body).toBe(200);
  });

  it('whoever submitted for a unit below, and their colleagues, do not appraise it', async () => {
    const s = await submitted(o.S!, c.communeCoord!);
    expect(await refusal(c.communeCoord!, s)).toBe('403 own_dossier');
    expect(await refusal(c.communeCoord2!, s)).toBe('403 own_dossier');
    expect((await appraise(c.provinceAtRoot!, s)).statusCode).toBe(200);
  });

  it('a token limited to the owning unit is no appraiser', async () => {
    const s = await submitted(o.S!, c.schoolOfficer!);
    const created = await c.communeCoord!.send('POST', '/api/v1/tokens', {
      name: 'tích hợp',
      orgId: o.S,
      permissions: ['inventory:read', 'inventory:write'],
      expiresInDays: 1,
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/systems/${s.id}/dossier`,
      headers: { authorization: `Bearer ${created.json().secret}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ status: 'appraised', on: today, version: s.version }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('not_appraising_authority');
  });
});
