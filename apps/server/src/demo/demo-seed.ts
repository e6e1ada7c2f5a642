import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { MFA_ROLES, type Role } from '@khien/contracts';
import { queryRows, type Db } from '../platform/db/client.js';
import { recordAuditBatch, type AuditContext, type AuditEvent } from '../platform/audit/audit.js';
import { readablePassword } from '../platform/auth/secrets.js';
import { insertOrgTx, orgContacts } from '../modules/orgs/index.js';
import { createUser, usersRepo } from '../modules/users/index.js';
import { DEMO_USERS, demoOrgs } from './demo-data.js';
import { seedDemoAlerts } from './demo-alerts.js';
import { seedDemoIncidents } from './demo-incidents.js';
import { seedDemoDirectives } from './demo-directives.js';
import { seedDemoInventory } from './demo-inventory.js';

export interface SeedResult {
  orgs: number;
  /** every demo user, the admin first; `mfa`: must enrol a second factor (TOTP) at the first sign-in */
  users: { email: string; fullName: string; role: Role; orgName: string; mfa: boolean }[];
  adminEmail: string;
  adminPassword: string;
  demoPassword: string;
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await queryRows(db, sql`select 1 from users limit 1`)).length > 0;
}

/**
 * The demo province: its orgs, one user of each role, all marked is_demo.
 * The admin must enrol TOTP at first sign-in like any admin; the other demo
 * users share one printed password so a tester can sign in as each role.
 */
export async function seedDemo(db: Db, opts: { adminPassword?: string | undefined }): Promise<SeedResult> {
  const audit: AuditContext = { actor: null, systemLabel: 'demo seed', ip: null, requestId: null };
  const ids = new Map<string, { id: string; path: string; depth: number }>();
  const events: AuditEvent[] = [];
  const orgList = demoOrgs();
  await db.transaction(async (tx) => {
    for (const o of orgList) {
      const parent = o.parent ? ids.get(o.parent) : undefined;
      const row = await insertOrgTx(tx, {
        id: randomUUID(),
        parent,
        body: { name: o.name, shortName: o.shortName, kind: o.kind, adminCode: o.adminCode ?? null },
        isDemo: true,
      });
      ids.set(o.key, row);
      if (o.contact)
        await tx.insert(orgContacts).values({
          orgId: row.id,
          name: o.contact.name,
          role: o.contact.role,
          phone: o.contact.phone,
          email: o.contact.email ?? null,
          hotline247: o.contact.hotline247 ?? false,
        });
      events.push({
        action: 'org.created',
        entityType: 'org',
        entityId: row.id,
        orgId: row.id,
        orgPath: row.path,
        after: { name: o.name, kind: o.kind, adminCode: o.adminCode ?? null, isDemo: true },
      });
    }
    await recordAuditBatch(tx, audit, events);
  });
  const adminPassword = opts.adminPassword ?? readablePassword(16);
  const demoPassword = readablePassword(16);
  for (const u of DEMO_USERS) {
    const isAdmin = u.role === 'system_admin';
    const { user } = await createUser(
      db,
      null,
      {
        email: u.email,
        fullName: u.fullName,
        phone: null,
        homeOrgId: ids.get(u.org)!.id,
        locale: 'vi',
        password: isAdmin ? adminPassword : demoPassword,
        mustChangePassword: false,
        isDemo: true,
      },
      audit,
    );
    const grantOrg = u.grantOrg ? ids.get(u.grantOrg)! : null;
    await db.transaction(async (tx) => {
      const g = await usersRepo.insertGrant(tx, { userId: user.id, role: u.role, orgId: grantOrg?.id ?? null });
      await recordAuditBatch(tx, audit, [
        {
          action: 'grant.added',
          entityType: 'grant',
          entityId: g?.id ?? null,
          orgId: grantOrg?.id ?? user.homeOrgId,
          orgPath: grantOrg?.path ?? null,
          after: { email: u.email, role: u.role },
        },
      ]);
    });
  }
  await seedDemoInventory(db, (key) => ids.get(key)!.id, audit);
  await seedDemoDirectives(db, { issuer: ids.get('cat')!.id, province: ids.get('tinh')!.id }, audit);
  await seedDemoAlerts(
    db,
    { province: ids.get('tinh')!.id, soc: ids.get('soc')!.id, school: ids.get('dbp-school-0')!.id, provincePath: ids.get('tinh')!.path },
    audit,
  );
  await seedDemoIncidents(db, { school: ids.get('dbp-school-0')!.id, ward: ids.get('ml')!.id, team: ids.get('ucsc')!.id }, audit);
  return {
    orgs: orgList.length,
    users: DEMO_USERS.map((u) => ({
      email: u.email,
      fullName: u.fullName,
      role: u.role,
      orgName: orgList.find((o) => o.key === u.org)?.name ?? '',
      mfa: MFA_ROLES.includes(u.role),
    })),
    adminEmail: DEMO_USERS[0]!.email,
    adminPassword,
    demoPassword,
  };
}
