import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@khien/contracts';
import { landingPath } from './landing';

const as = (...roles: Role[]) => ({ grants: roles.map((role, i) => ({ id: `g${i}`, role, orgId: null, orgName: null })) });

describe('where each role starts', () => {
  it('each role has its own page, none the org tree but the administrator', () => {
    expect(landingPath(as('unit_officer'))).toBe('/work');
    expect(landingPath(as('commune_coordinator'))).toBe('/work');
    expect(landingPath(as('province_coordinator'))).toBe('/work/overview');
    expect(landingPath(as('auditor'))).toBe('/audit');
    expect(landingPath(as('system_admin'))).toBe('/orgs');
    expect(landingPath(as('duty_officer'))).toBe('/alerts');
    for (const role of ROLES) expect(landingPath(as(role))).toMatch(/^\/(work|audit|orgs|alerts)/);
  });

  it('with several grants, the one who owes work wins over the reader', () => {
    expect(landingPath(as('auditor', 'unit_officer'))).toBe('/work');
    expect(landingPath(as('duty_officer', 'unit_officer'))).toBe('/work');
    expect(landingPath(as('commune_coordinator', 'province_coordinator'))).toBe('/work/overview');
  });

  it('a person with no grant lands on their own sessions', () => {
    expect(landingPath(as())).toBe('/sessions');
  });
});
