import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { buildOrg, buildUser, createTestApp, signIn, totpCode, type TestApp } from './harness.js';
import { usersRepo } from '../src/modules/users/index.js';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrg(t, { name: 'Phường Giới Hạn', kind: 'commune' })).id;
});
afterAll(async () => t.close());

const login = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

/** As if `seconds` had passed for this e-mail's failures. */
const age = (email: string, seconds: number) =>
  t.database.db.execute(sql`update login_attempts set at = at - make_interval(secs => ${seconds}) where email = ${email.toLowerCase()}`);

/** What an attacker sees of one attempt: status, code, message and wait, not the request id. */
async function seen(email: string, ip: string) {
  const r = await login(email, 'sai-mat-khau-123', ip);
  const b = r.json() as { error: { code: string; message: string; details?: unknown } };
  return `${r.statusCode} ${b.error.code} ${b.error.message} ${JSON.stringify(b.error.details ?? null)} ${r.headers['retry-after'] ?? '-'}`;
}

describe('sign-in throttle', () => {
  it('the owner still signs in from their usual place while someone else guesses from many addresses', async () => {
    const owner = await buildUser(t, { homeOrgId: orgId });
    expect((await login(owner.email, owner.password, '10.5.0.1')).statusCode).toBe(200);
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) codes.push((await login(owner.email, `doan-mo-${i}-abc`, `10.6.0.${i + 1}`)).statusCode);
    // nine free failures across addresses, then every new address must wait
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes.slice(10)).toEqual(Array(4).fill(429));
    expect((await login(owner.email, owner.password, '10.5.0.1')).statusCode).toBe(200);
    // from an address the owner never used, the account-wide delay applies to them as well
    expect((await login(owner.email, owner.password, '10.7.0.1')).statusCode).toBe(429);
    // no lock was ever set on the account
    const [row] = await queryRows<{ locked_until: Date | null }>(t.database.db, sql`select locked_until from users where id = ${owner.id}`);
    expect(row!.locked_until).toBeNull();
  });

  it('answers an unknown e-mail exactly as an existing one, attempt after attempt', async () => {
    const existing = await buildUser(t, { homeOrgId: orgId });
    const unknown = `khong-co-${Date.now()}@test.khien.vn`;
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < 6; i++) {
      a.push(await seen(existing.email, '10.8.0.1'));
      b.push(await seen(unknown, '10.8.0.2'));
    }
    expect(a).toEqual(b);
    expect(a.map((x) => x.slice(0, 3))).toEqual(['401', '401', '401', '429', '429', '429']);
    await age(existing.email, 120);
    await age(unknown, 120);
    expect(await seen(existing.email, '10.8.0.1')).toEqual(await seen(unknown, '10.8.0.2'));
  });

  it('the delay grows with every failure of the same pair', async () => {
    const u = await buildUser(t, { homeOrgId: orgId });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) expect((await login(u.email, `sai-${i}-mat-khau`, '10.9.0.1')).statusCode).toBe(401);
    for (let round = 0; round < 4; round++) {
      const r = await login(u.email, 'sai-mat-khau-nua', '10.9.0.1');
      expect(r.statusCode).toBe(429);
      const wait = Number(r.headers['retry-after']);
      waits.push(wait);
      await age(u.email, wait + 1);
      expect((await login(u.email, 'sai-mat-khau-nua', '10.9.0.1')).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // after the wait, the right password gets in and forgives that address
    await age(u.email, 20);
    expect((await login(u.email, u.password, '10.9.0.1')).statusCode).toBe(200);
    const [left] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from login_attempts where email = ${u.email.toLowerCase()} and ip = '10.9.0.1'`,
    );
    expect(left!.n).toBe(0);
  });
});

describe('second factor from a signed-in session', () => {
  const auditOf = (userId: string) =>
    queryRows<{ action: string; changes: Record<string, { after: unknown }> }>(
      t.database.db,
      sql`select action, changes from audit_log where entity_id = ${userId} and action = 'user.totp_enrolment_started' order by seq`,
    );

  it('replacing it needs the current password and a current code', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'commune_coordinator', orgId }] });
    const c = await signIn(t, u);
    const none = await c.send('POST', '/api/v1/auth/totp/enrol/start');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.currentPassword', 'body.code']);
    const wrongPassword = await c.send('POST', '/api/v1/auth/totp/enrol/start', { currentPassword: 'khong-dung-123', code: '000000' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS');
    // signIn used this step's code; the next step's code is one the server has not seen
    await usersRepo.updateUserRow(t.database.db, u.id, { totpLastStep: null });
    const wrongCode = await c.send('POST', '/api/v1/auth/totp/enrol/start', {
      currentPassword: u.password,
      code: totpCode(u.totpSecret!, Date.now() - 10 * 60_000),
    });
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.json().error.code).toBe('INVALID_TOTP');
    expect(await auditOf(u.id)).toEqual([]);
    const ok = await c.send('POST', '/api/v1/auth/totp/enrol/start', { currentPassword: u.password, code: totpCode(u.totpSecret!) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().secret).toMatch(/^[A-Z2-7]+$/);
    const rows = await auditOf(u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.changes.replacing!.after).toBe(true);
  });

  it('a first enrolment needs neither, and is audited too', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'commune_coordinator', orgId }], totp: false });
    const res = await login(u.email, u.password, '10.1.1.1');
    expect(res.json().step).toBe('totp_enrolment_required');
    const cookie = `khien_session=${res.cookies.find((x) => x.name === 'khien_session')!.value}`;
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol/start', headers: { cookie, 'x-csrf-token': res.json().me.csrfToken } });
    expect(start.statusCode).toBe(200);
    const rows = await auditOf(u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.changes.replacing!.after).toBe(false);
  });
});
