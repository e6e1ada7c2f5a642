/**
 * Actor × target of each rank, for every route that acts on a person. Whoever may reset a
 * person's password or second factor may become them, so having the person's home org in
 * one's subtree is not enough: every grant they hold must be outranked where it applies.
 * Generated from the route table like access-matrix.test.ts: a new route under
 * /api/v1/users/:id that changes something fails the first test until it is listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '@khien/contracts';
import { ROLE_PERMISSIONS } from '../src/platform/policy.js';
import { queryRows } from '../src/platform/db/client.js';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

// written out here rather than imported, so a change to the policy's table shows up as a failure
const RANK: Record<Role, number> = {
  system_admin: 100,
  province_coordinator: 80,
  commune_coordinator: 60,
  unit_officer: 20,
  duty_officer: 20,
  auditor: 20,
  telecom_contact: 20,
};

interface Target {
  label: string;
  id: string;
  grants: { role: Role; at: 'global' | 'province' | 'school'; orgId: string | null }[];
  schoolId: string;
}
interface Actor {
  label: string;
  role: Role;
  at: 'global' | 'province' | 'commune';
  client: Client;
}

let t: TestApp;
let provinceId: string;
let communeId: string;
const targets: Target[] = [];
const actors: Actor[] = [];

/** A role the target does not hold at its school, so adding it is never a duplicate. */
const spareRole = (tg: Target): Role => (tg.grants.some((g) => g.role === 'telecom_contact') ? 'duty_officer' : 'telecom_contact');

// how each person route is called on a target; `undo` puts the target back so the next actor finds it as before
const PERSON_ROUTES: Record<string, { permission: 'user:write' | 'grant:write'; call: (c: Client, tg: Target) => Promise<{ status: number; body: string }> }> =
  {
    'PATCH /api/v1/users/:id': { permission: 'user:write', call: (c, tg) => c.send('PATCH', `/api/v1/users/${tg.id}`, { fullName: 'Tên Đổi' }).then(res) },
    'POST /api/v1/users/:id/reset-password': { permission: 'user:write', call: (c, tg) => c.send('POST', `/api/v1/users/${tg.id}/reset-password`).then(res) },
    'POST /api/v1/users/:id/reset-totp': { permission: 'user:write', call: (c, tg) => c.send('POST', `/api/v1/users/${tg.id}/reset-totp`).then(res) },
    'POST /api/v1/users/:id/end-sessions': { permission: 'user:write', call: (c, tg) => c.send('POST', `/api/v1/users/${tg.id}/end-sessions`).then(res) },
    'POST /api/v1/users/:id/grants': {
      permission: 'grant:write',
      call: async (c, tg) => {
        const role = spareRole(tg);
        const r = res(await c.send('POST', `/api/v1/users/${tg.id}/grants`, { role, orgId: tg.schoolId }));
        await t.database.db.execute(sql`delete from grants where user_id = ${tg.id} and role = ${role} and org_id = ${tg.schoolId}`);
        return r;
      },
    },
    'DELETE /api/v1/users/:id/grants/:grantId': {
      permission: 'grant:write',
      call: async (c, tg) => {
        const role = spareRole(tg);
        const [g] = await queryRows<{ id: string }>(
          t.database.db,
          sql`insert into grants (user_id, role, org_id) values (${tg.id}, ${role}, ${tg.schoolId}) returning id`,
        );
        const r = res(await c.send('DELETE', `/api/v1/users/${tg.id}/grants/${g!.id}`));
        await t.database.db.execute(sql`delete from grants where id = ${g!.id}`);
        return r;
      },
    },
  };

function res(r: { statusCode: number; body: string }) {
  return { status: r.statusCode, body: r.body };
}

/** The actor's rank where a grant of the target applies. */
function rankAt(a: Actor, at: Target['grants'][number]['at']): number {
  if (a.at === 'global') return RANK[a.role];
  if (a.at === 'province') return at === 'global' ? 0 : RANK[a.role];
  return at === 'school' ? RANK[a.role] : 0;
}

function expected(a: Actor, tg: Target, permission: 'user:write' | 'grant:write'): '2xx' | '403' {
  if (!ROLE_PERMISSIONS[a.role].includes(permission)) return '403';
  // the spare grant the grant routes add or remove sits at the school too: it never raises the bar
  const all = tg.grants.every((g) => {
    const have = rankAt(a, g.at);
    return have > RANK[g.role] || (g.role === 'system_admin' && have === RANK.system_admin);
  });
  return all ? '2xx' : '403';
}

beforeAll(async () => {
  t = await createTestApp();
  provinceId = (await buildOrg(t, { name: 'Tỉnh Thứ Bậc', kind: 'province' })).id;
  communeId = (await buildOrg(t, { parentId: provinceId, name: 'Xã Thứ Bậc', kind: 'commune' })).id;
  for (const role of ROLES) {
    const at = role === 'system_admin' ? 'global' : 'commune';
    const u = await buildUser(t, { homeOrgId: communeId, grants: [{ role, orgId: at === 'global' ? null : communeId }] });
    actors.push({ label: `${role}@${at}`, role, at, client: await signIn(t, u) });
  }
  const pc = await buildUser(t, { homeOrgId: provinceId, grants: [{ role: 'province_coordinator', orgId: provinceId }] });
  actors.push({ label: 'province_coordinator@province', role: 'province_coordinator', at: 'province', client: await signIn(t, pc) });

  // every target lives in a school of the commune, so every actor can see them; what differs is what they hold
  const shapes: { role: Role; at: 'global' | 'province' | 'school' }[] = [
    ...ROLES.map((role) => ({ role, at: role === 'system_admin' ? ('global' as const) : ('school' as const) })),
    { role: 'province_coordinator', at: 'province' },
    { role: 'commune_coordinator', at: 'province' },
    { role: 'unit_officer', at: 'province' },
  ];
  let i = 0;
  for (const s of shapes) {
    const schoolId = (await buildOrg(t, { parentId: communeId, name: `Trường thứ bậc ${++i}`, kind: 'school' })).id;
    const orgId = s.at === 'global' ? null : s.at === 'province' ? provinceId : schoolId;
    const u = await buildUser(t, { homeOrgId: schoolId, grants: [{ role: s.role, orgId }] });
    targets.push({ label: `${s.role}@${s.at}`, id: u.id, grants: [{ ...s, orgId }], schoolId });
  }
});
afterAll(async () => t.close());

describe('access matrix: actor × target rank', () => {
  it('lists every route that acts on a person', () => {
    const acting = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/users/:id') && r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(acting).toEqual(Object.keys(PERSON_ROUTES).sort());
  });

  for (const [key, route] of Object.entries(PERSON_ROUTES)) {
    it(`${key}: only an actor who outranks every grant of the person`, async () => {
      const failures: string[] = [];
      let allowedCount = 0;
      for (const a of actors) {
        for (const tg of targets) {
          const want = expected(a, tg, route.permission);
          const r = await route.call(a.client, tg);
          const got = r.status >= 200 && r.status < 300 ? '2xx' : String(r.status);
          if (want === '2xx') allowedCount++;
          if (got !== want) failures.push(`${a.label} → ${tg.label}: expected ${want}, got ${r.status} ${r.body.slice(0, 120)}`);
        }
      }
      expect(failures).toEqual([]);
      // the matrix must exercise both answers, or it would pass with a route that refuses everyone
      expect(allowedCount).toBeGreaterThan(10);
    });
  }

  it('the reported escalation: a commune coordinator cannot take over a system admin homed in the commune', async () => {
    const coordinator = actors.find((a) => a.label === 'commune_coordinator@commune')!;
    const admin = targets.find((x) => x.label === 'system_admin@global')!;
    for (const suffix of ['reset-password', 'reset-totp']) {
      const r = await coordinator.client.send('POST', `/api/v1/users/${admin.id}/${suffix}`);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.details.reason).toBe('target_outranks_actor');
    }
    const rename = await coordinator.client.send('PATCH', `/api/v1/users/${admin.id}`, { disabled: true });
    expect(rename.statusCode).toBe(403);
    const [row] = await queryRows<{ disabled: boolean }>(t.database.db, sql`select disabled from users where id = ${admin.id}`);
    expect(row!.disabled).toBe(false);
  });
});
