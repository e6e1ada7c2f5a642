import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { orgs } from '../orgs/index.js';
import { grants, loginAttempts, recoveryCodes, users } from './users.tables.js';
import { containsPattern } from '../../platform/db/like.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return u;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

export async function updateUserRow(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [u] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return u!;
}

export async function insertUserRow(db: Db, v: typeof users.$inferInsert): Promise<UserRow> {
  const [u] = await db.insert(users).values(v).returning();
  return u!;
}

export interface GrantView {
  id: string;
  role: Role;
  orgId: string | null;
  orgName: string | null;
  orgPath: string | null;
}

export async function findGrantsOf(db: Db, userIds: string[]): Promise<Map<string, GrantView[]>> {
  const out = new Map<string, GrantView[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ id: grants.id, userId: grants.userId, role: grants.role, orgId: grants.orgId, orgName: sql<string>`org_label(${orgs})`, orgPath: orgs.path })
    .from(grants)
    .leftJoin(orgs, eq(orgs.id, grants.orgId))
    .where(inArray(grants.userId, userIds))
    .orderBy(asc(grants.createdAt));
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({ id: r.id, role: r.role as Role, orgId: r.orgId, orgName: r.orgName, orgPath: r.orgPath });
    out.set(r.userId, list);
  }
  return out;
}

export interface UserListRow extends UserRow {
  homeOrgName: string;
  homeOrgPath: string;
}

const userWithOrg = {
  user: users,
  homeOrgName: sql<string>`org_label(${orgs})`,
  homeOrgPath: orgs.path,
};

export async function findUsers(
  db: Db,
  scope: Scope,
  f: { q?: string | undefined; underPath?: string | undefined; limit: number; offset: number },
): Promise<{ items: UserListRow[]; total: number }> {
  const conds: SQL[] = [scopeSql(scope, orgs.path)];
  if (f.q) conds.push(sql`${users.searchText} like ${containsPattern(f.q)}`);
  if (f.underPath) conds.push(sql`${orgs.path} <@ ${f.underPath}::ltree`);
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select(userWithOrg)
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.homeOrgId))
      .where(where)
      .orderBy(asc(users.fullName), asc(users.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(users).innerJoin(orgs, eq(orgs.id, users.homeOrgId)).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.user, homeOrgName: r.homeOrgName, homeOrgPath: r.homeOrgPath })), total: totals[0]?.n ?? 0 };
}

export async function findUserWithOrg(db: Db, id: string): Promise<UserListRow | undefined> {
  const [r] = await db.select(userWithOrg).from(users).innerJoin(orgs, eq(orgs.id, users.homeOrgId)).where(eq(users.id, id)).limit(1);
  return r ? { ...r.user, homeOrgName: r.homeOrgName, homeOrgPath: r.homeOrgPath } : undefined;
}

export async function insertGrant(db: Db, v: typeof grants.$inferInsert) {
  const [g] = await db.insert(grants).values(v).onConflictDoNothing().returning();
  return g;
}

export async function deleteGrant(db: Db, userId: string, grantId: string) {
  const [g] = await db
    .delete(grants)
    .where(and(eq(grants.id, grantId), eq(grants.userId, userId)))
    .returning();
  return g;
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const r = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return r.length > 0;
}

/** A failed sign-in, kept under the e-mail as typed (folded), whether or not it has an account. */
export async function recordFailedLogin(db: Db, ip: string, email: string): Promise<void> {
  await db.insert(loginAttempts).values({ ip, email: email.trim().toLowerCase() });
}

/** A completed sign-in forgives the failures of that e-mail from that address. */
export async function clearFailedLogins(db: Db, ip: string, email: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.email, email.trim().toLowerCase())));
}

/** The counts the sign-in throttle decides on: one statement, two index scans. */
export async function findLoginFailureStats(db: Db, ip: string, email: string, windowMinutes: number, ipWindowMinutes: number) {
  const [r] = await queryRows<{
    pair_count: number;
    pair_last: Date | string | null;
    account_count: number;
    account_last: Date | string | null;
    ip_count: number;
    ip_oldest: Date | string | null;
  }>(
    db,
    sql`select
          (select count(*)::int from login_attempts where email = ${email.trim().toLowerCase()} and ip = ${ip} and at > now() - make_interval(mins => ${windowMinutes})) as pair_count,
          (select max(at) from login_attempts where email = ${email.trim().toLowerCase()} and ip = ${ip} and at > now() - make_interval(mins => ${windowMinutes})) as pair_last,
          (select count(*)::int from login_attempts where email = ${email.trim().toLowerCase()} and at > now() - make_interval(mins => ${windowMinutes})) as account_count,
          (select max(at) from login_attempts where email = ${email.trim().toLowerCase()} and at > now() - make_interval(mins => ${windowMinutes})) as account_last,
          (select count(*)::int from login_attempts where ip = ${ip} and at > now() - make_interval(mins => ${ipWindowMinutes})) as ip_count,
          (select min(at) from login_attempts where ip = ${ip} and at > now() - make_interval(mins => ${ipWindowMinutes})) as ip_oldest`,
  );
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    pairCount: Number(r!.pair_count),
    pairLastAt: date(r!.pair_last),
    accountCount: Number(r!.account_count),
    accountLastAt: date(r!.account_last),
    ipCount: Number(r!.ip_count),
    ipOldestAt: date(r!.ip_oldest),
  };
}

/** Whether the person completed a sign-in from this address lately: their usual place. */
export async function hasSignedInFrom(db: Db, userId: string, ip: string, sinceDays: number): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from sessions where user_id = ${userId} and ip = ${ip} and mfa_passed and created_at > now() - make_interval(days => ${sinceDays}) limit 1`,
  );
  return rows.length > 0;
}

/** The user's grants as the access policy needs them: role and the org's ltree path. */
export async function findGrantPaths(db: Db, userId: string): Promise<{ role: Role; orgPath: string | null }[]> {
  const rows = await queryRows<{ role: Role; org_path: string | null }>(
    db,
    sql`select g.role, o.path::text as org_path from grants g left join orgs o on o.id = g.org_id where g.user_id = ${userId}`,
  );
  return rows.map((r) => ({ role: r.role, orgPath: r.org_path }));
}

/** Active users holding one of `roles` on the org or one of its ancestors (who to tell, who to escalate to). */
export async function findUsersWithRoleAbove(db: Db, orgId: string, roles: Role[]): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct g.user_id from grants g join orgs go on go.id = g.org_id join users u on u.id = g.user_id
         where not u.disabled and g.role = any(${`{${roles.join(',')}}`}::text[])
           and go.path @> (select path from orgs where id = ${orgId})`,
  );
  return rows.map((r) => r.user_id);
}
