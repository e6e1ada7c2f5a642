import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../src/platform/audit/audit-verify.js';
import { recordAudit } from '../src/platform/audit/audit.js';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp, type TestUser } from './harness.js';

let t: TestApp;
let admin: Client;
let communeA: string;
let communeB: string;
let adminUser: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  const province = await buildOrg(t, { name: 'Tỉnh Kiểm Toán', kind: 'province' });
  communeA = (await buildOrg(t, { parentId: province.id, name: 'Xã A', kind: 'commune' })).id;
  communeB = (await buildOrg(t, { parentId: province.id, name: 'Xã B', kind: 'commune' })).id;
  adminUser = await buildUser(t, { homeOrgId: province.id, grants: [{ role: 'system_admin', orgId: null }] });
  admin = await signIn(t, adminUser);
});
afterAll(async () => t.close());

describe('audit log', () => {
  it('records who changed what, from where, with before and after of changed fields', async () => {
    const org = (await admin.send('POST', '/api/v1/orgs', { parentId: communeA, name: 'Trường Mầm non Hoa Ban', kind: 'school' })).json();
    await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { name: 'Trường Mầm non Hoa Ban Trắng', version: 1 });
    const page = (await admin.get(`/api/v1/audit?entityId=${org.id}`)).json();
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['org.updated', 'org.created']);
    const upd = page.items[0];
    expect(upd.changes).toEqual({ name: { before: 'Trường Mầm non Hoa Ban', after: 'Trường Mầm non Hoa Ban Trắng' } });
    expect(upd.actorLabel).toMatch(/@test\.khien\.vn$/);
    expect(upd.ip).toBe('127.0.0.1');
    expect(upd.requestId).toBeTruthy();
  });

  it('names the actor: a person by name (e-mail beside it), the product and the command line by kind', async () => {
    const me = (await t.database.executeSql('select full_name from users where id = $1', [adminUser.id])).rows[0] as { full_name: string };
    const org = (await admin.send('POST', '/api/v1/orgs', { parentId: communeA, name: 'Trường Tiểu học Người Làm', kind: 'school' })).json();
    const created = (await admin.get(`/api/v1/audit?entityId=${org.id}`)).json().items[0];
    expect(created).toMatchObject({ actorKind: 'person', actorName: me.full_name, actorDetail: adminUser.email, actorLabel: adminUser.email });
    // a sign-in is recorded before there is a session: the person is found through the row
    const login = (await admin.get(`/api/v1/audit?action=auth.login&actor=${encodeURIComponent(adminUser.email)}&limit=1`)).json().items[0];
    expect(login).toMatchObject({ actorKind: 'person', actorName: me.full_name, actorUserId: null });
    // the filter finds people by the name shown, diacritics or not
    const byName = (await admin.get(`/api/v1/audit?actor=${encodeURIComponent('nguoi dung')}&entityId=${org.id}`)).json();
    expect(byName.total).toBe(1);

    const cli = { kind: 'user' as const, userId: '00000000-0000-0000-0000-000000000000', tokenId: null, label: 'cli:root', grants: [], tokenLimit: null };
    await t.database.db.transaction(async (tx) => {
      await recordAudit(
        tx,
        { actor: null, systemLabel: 'demo seed', ip: null, requestId: null },
        { action: 'org.created', entityType: 'org', entityId: 'demo-x', orgId: null, orgPath: null },
      );
      await recordAudit(
        tx,
        { actor: cli, ip: null, requestId: null },
        { action: 'org.updated', entityType: 'org', entityId: 'demo-x', orgId: null, orgPath: null },
      );
    });
    const rows = (await admin.get('/api/v1/audit?entityId=demo-x')).json().items;
    expect(rows.map((r: { actorKind: string; actorName: string | null; actorDetail: string | null }) => [r.actorKind, r.actorName, r.actorDetail])).toEqual([
      ['cli', null, 'root'],
      ['demo_seed', null, null],
    ]);
  });

  it('never stores secrets in the log', async () => {
    const u = await buildUser(t, { homeOrgId: communeA });
    await admin.send('POST', `/api/v1/users/${u.id}/reset-password`);
    const entry = (await admin.get(`/api/v1/audit?entityId=${u.id}&action=user.password_reset`)).json().items[0];
    expect(entry.changes.passwordHash).toEqual({ before: '[ẩn]', after: '[ẩn]' });
  });

  it('shows a commune user only their own subtree: 404 for the other commune and its entries', async () => {
    const orgB = (await admin.send('POST', '/api/v1/orgs', { parentId: communeB, name: 'Trường Tiểu học B', kind: 'school' })).json();
    const orgA = (await admin.send('POST', '/api/v1/orgs', { parentId: communeA, name: 'Trường Tiểu học A', kind: 'school' })).json();
    const auditorA = await signIn(t, await buildUser(t, { homeOrgId: communeA, grants: [{ role: 'auditor', orgId: communeA }] }));
    expect((await auditorA.get(`/api/v1/orgs/${orgB.id}`)).statusCode).toBe(404);
    expect((await auditorA.get(`/api/v1/orgs/${orgA.id}`)).statusCode).toBe(200);
    expect((await auditorA.get(`/api/v1/audit?orgId=${communeB}`)).statusCode).toBe(404);
    const mine = (await auditorA.get('/api/v1/audit?limit=500')).json().items as { entityId: string }[];
    expect(mine.some((e) => e.entityId === orgA.id)).toBe(true);
    expect(mine.some((e) => e.entityId === orgB.id)).toBe(false);
    expect((await auditorA.get(`/api/v1/audit?entityId=${orgB.id}`)).json().total).toBe(0);
  });

  it('is append-only in the database itself', async () => {
    await expect(t.database.executeSql(`update audit_log set actor_label = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.database.executeSql(`delete from audit_log where seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and names the first row edited or deleted by hand', async () => {
    const ok = await verifyAuditChain(t.database.db);
    expect(ok.ok).toBe(true);
    const rows = ok.rows;
    expect(rows).toBeGreaterThan(10);
    const db = t.database.db;
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set changes = '{"name":{"before":"a","after":"b"}}'::jsonb where seq = 5`);
    const edited = await verifyAuditChain(db);
    expect(edited).toMatchObject({ ok: false, badSeq: 5 });
    await db.execute(sql`delete from audit_log where seq >= 3 and seq <= 5`);
    const deleted = await verifyAuditChain(db);
    expect(deleted).toMatchObject({ ok: false, badSeq: 3 });
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
});
