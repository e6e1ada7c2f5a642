import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, clientFor, createTestApp, signIn, totpCode, type TestApp } from './harness.js';
import { usersRepo } from '../src/modules/users/index.js';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrg(t, { name: 'Xã Thử Nghiệm', kind: 'commune' })).id;
});
afterAll(async () => t.close());

const login = (email: string, password: string, ip = '10.1.1.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) => `khien_session=${res.cookies.find((c) => c.name === 'khien_session')!.value}`;

describe('sign-in', () => {
  it('refuses a wrong password with the one error body and a request id', async () => {
    const u = await buildUser(t, { homeOrgId: orgId });
    const res = await login(u.email, 'wrong-password-123');
    expect(res.statusCode).toBe(401);
    const body = res.json();
    expect(body.error.code).toBe('INVALID_CREDENTIALS');
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('sets an HttpOnly SameSite=Strict cookie with an expiry', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'duty_officer', orgId }] });
    const res = await login(u.email, u.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().step).toBe('done');
    const c = res.cookies.find((x) => x.name === 'khien_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(c.expires).toBeInstanceOf(Date);
  });

  it('wrong passwords never lock the owner out: they slow the guesser, with Retry-After', async () => {
    const u = await buildUser(t, { homeOrgId: orgId });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await login(u.email, `wrong-password-${i}xx`, '10.2.2.2')).statusCode);
    // two free failures, the third starts a one-second delay that the fourth, sent at once, runs into
    expect(codes).toEqual([401, 401, 401, 429]);
    const throttled = await login(u.email, u.password, '10.2.2.2');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // the owner, from another address, is not held up by the guesser
    expect((await login(u.email, u.password, '10.2.2.3')).statusCode).toBe(200);
  });

  it('throttles one address guessing across many accounts', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await login(`nobody${i}@x.vn`, 'whatever-password', '10.3.3.3')).statusCode;
    expect(last).toBe(429);
    expect((await login('other@x.vn', 'whatever-password', '10.3.3.4')).statusCode).toBe(401);
  });

  it('asks a coordinator for TOTP, refuses other routes until then, and never accepts a code twice', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'commune_coordinator', orgId }] });
    const res = await login(u.email, u.password);
    expect(res.json().step).toBe('totp_required');
    const c = clientFor(t.app, sessionCookie(res), res.json().me.csrfToken);
    const pending = (await c.get('/api/v1/auth/me')).json().error;
    expect(pending).toMatchObject({ code: 'MFA_REQUIRED', details: { step: 'totp_required', csrfToken: res.json().me.csrfToken } });
    expect((await c.get('/api/v1/orgs/roots')).json().error.code).toBe('MFA_REQUIRED');
    expect((await c.send('POST', '/api/v1/auth/totp', { code: '000000' })).statusCode).toBe(401);
    const code = totpCode(u.totpSecret!);
    const ok = await c.send('POST', '/api/v1/auth/totp', { code });
    expect(ok.json().step).toBe('done');
    expect((await c.get('/api/v1/orgs/roots')).statusCode).toBe(200);
    const again = await login(u.email, u.password);
    const c2 = clientFor(t.app, sessionCookie(again), again.json().me.csrfToken);
    expect((await c2.send('POST', '/api/v1/auth/totp', { code })).json().error.code).toBe('INVALID_TOTP');
  });

  it('makes an admin without TOTP enrol with a QR code and get single-use recovery codes', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'system_admin', orgId: null }], totp: false });
    const res = await login(u.email, u.password);
    expect(res.json().step).toBe('totp_enrolment_required');
    const c = clientFor(t.app, sessionCookie(res), res.json().me.csrfToken);
    const start = (await c.send('POST', '/api/v1/auth/totp/enrol/start')).json();
    expect(start.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(start.otpauthUrl).toContain('otpauth://totp/');
    const confirm = await c.send('POST', '/api/v1/auth/totp/enrol/confirm', { code: totpCode(start.secret) });
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await c.get('/api/v1/auth/me')).json().totpEnabled).toBe(true);
    const next = await login(u.email, u.password);
    const c2 = clientFor(t.app, sessionCookie(next), next.json().me.csrfToken);
    expect((await c2.send('POST', '/api/v1/auth/totp', { recoveryCode: codes[0] })).json().step).toBe('done');
    const third = await login(u.email, u.password);
    const c3 = clientFor(t.app, sessionCookie(third), third.json().me.csrfToken);
    expect((await c3.send('POST', '/api/v1/auth/totp', { recoveryCode: codes[0] })).statusCode).toBe(401);
  });

  it('forces a password change after an admin reset, refusing short and common passwords', async () => {
    const admin = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'system_admin', orgId: null }] });
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'auditor', orgId }] });
    const old = await signIn(t, u);
    const a = await signIn(t, admin);
    const reset = await a.send('POST', `/api/v1/users/${u.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temp: string = reset.json().temporaryPassword;
    expect((await old.get('/api/v1/auth/me')).statusCode).toBe(401);
    const res = await login(u.email, temp);
    expect(res.json().step).toBe('password_change_required');
    const c = clientFor(t.app, sessionCookie(res), res.json().me.csrfToken);
    expect((await c.get('/api/v1/orgs/roots')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const short = await c.send('POST', '/api/v1/auth/password', { currentPassword: temp, newPassword: 'short1!' });
    expect(short.json().error.code).toBe('WEAK_PASSWORD');
    const common = await c.send('POST', '/api/v1/auth/password', { currentPassword: temp, newPassword: 'password123456' });
    expect(common.json().error.code).toBe('WEAK_PASSWORD');
    const good = await c.send('POST', '/api/v1/auth/password', { currentPassword: temp, newPassword: 'Sông Đà chảy về xuôi 2026' });
    expect(good.json().step).toBe('done');
    expect((await c.get('/api/v1/orgs/roots')).statusCode).toBe(200);
  });
});

describe('sessions, CSRF and logout', () => {
  it('lists my sessions and revokes another one', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'duty_officer', orgId }] });
    const phone = await signIn(t, u);
    const desk = await signIn(t, u);
    const list = (await desk.get('/api/v1/auth/sessions')).json().items as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    const other = list.find((s) => !s.current)!;
    expect((await desk.send('DELETE', `/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await desk.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated change without the CSRF header', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'duty_officer', orgId }] });
    const c = await signIn(t, u);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('ends the session on logout', async () => {
    const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'duty_officer', orgId }] });
    const c = await signIn(t, u);
    expect((await c.send('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('shows the secret once, works as a bearer within its subtree and permissions, and stops when revoked', async () => {
    const child = await buildOrg(t, { parentId: orgId, name: 'Trường Tiểu học Thử', kind: 'school' });
    const sibling = await buildOrg(t, { name: 'Xã Bên Cạnh', kind: 'commune' });
    const coord = await buildUser(t, {
      homeOrgId: orgId,
      grants: [
        { role: 'commune_coordinator', orgId },
        { role: 'commune_coordinator', orgId: sibling.id },
      ],
    });
    const c = await signIn(t, coord);
    const created = await c.send('POST', '/api/v1/tokens', { name: 'SIEM', orgId, permissions: ['org:read'], expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^khien_/);
    const listed = (await c.get('/api/v1/tokens')).json().items;
    expect(JSON.stringify(listed)).not.toContain(secret);
    const bearer = (url: string, method: 'GET' | 'POST' = 'GET') => t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` } });
    expect((await bearer(`/api/v1/orgs/${child.id}`)).statusCode).toBe(200);
    expect((await bearer(`/api/v1/orgs/${sibling.id}`)).statusCode).toBe(404);
    expect((await bearer('/api/v1/users')).statusCode).toBe(403);
    expect((await bearer('/api/v1/auth/sessions')).statusCode).toBe(403);
    const after = (await c.get('/api/v1/tokens')).json().items.find((x: { id: string }) => x.id === token.id);
    expect(after.lastUsedAt).not.toBeNull();
    const tooMuch = await c.send('POST', '/api/v1/tokens', { name: 'x', orgId, permissions: ['audit:read', 'user:write'], expiresInDays: 1 });
    expect(tooMuch.statusCode).toBe(201);
    const noRight = await c.send('POST', '/api/v1/tokens', { name: 'x', orgId: child.id, permissions: ['org:read'], expiresInDays: 0 });
    expect(noRight.statusCode).toBe(400);
    expect((await c.send('DELETE', `/api/v1/tokens/${token.id}`)).statusCode).toBe(200);
    expect((await bearer(`/api/v1/orgs/${child.id}`)).statusCode).toBe(401);
  });

  it('refuses an expired token', async () => {
    const coord = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'commune_coordinator', orgId }] });
    const c = await signIn(t, coord);
    const { secret, token } = (await c.send('POST', '/api/v1/tokens', { name: 'old', orgId, permissions: ['org:read'], expiresInDays: 1 })).json();
    await t.database.executeSql(`select 1`);
    const { apiTokens } = await import('../src/modules/tokens/index.js');
    const { eq } = await import('drizzle-orm');
    await t.database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, token.id));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orgs/roots', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
  });

  it('stops working when its creator is disabled, and again when enabled', async () => {
    const coord = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'commune_coordinator', orgId }] });
    const c = await signIn(t, coord);
    const { secret } = (await c.send('POST', '/api/v1/tokens', { name: 'siem', orgId, permissions: ['org:read'], expiresInDays: 1 })).json();
    const get = () => t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgId}`, headers: { authorization: `Bearer ${secret}` } });
    expect((await get()).statusCode).toBe(200);
    await usersRepo.updateUserRow(t.database.db, coord.id, { disabled: true });
    expect((await get()).statusCode).toBe(401);
    await usersRepo.updateUserRow(t.database.db, coord.id, { disabled: false });
    expect((await get()).statusCode).toBe(200);
  });
});

describe('stored secrets', () => {
  it('keeps passwords as argon2id hashes only', async () => {
    const u = await buildUser(t, { homeOrgId: orgId });
    const row = await usersRepo.findUserById(t.database.db, u.id);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain(u.password);
  });
});
