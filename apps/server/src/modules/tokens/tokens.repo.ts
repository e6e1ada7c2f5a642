import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Permission, Role } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { orgs } from '../orgs/index.js';
import { findActiveGrantPaths } from '../users/index.js';
import { apiTokens } from './tokens.tables.js';

export interface LiveToken {
  id: string;
  name: string;
  createdBy: string;
  permissions: Permission[];
  orgPath: string;
  lastUsedAt: Date | null;
  creatorGrants: { role: Role; orgPath: string | null }[];
}

/** The token, its subtree, and its creator's grants now: a token never outlives its creator's rights. */
export async function findLiveToken(db: Db, tokenHash: string): Promise<LiveToken | null> {
  const rows = await queryRows(
    db,
    sql`
    select t.id, t.name, t.created_by, t.permissions, o.path::text as org_path, t.last_used_at
      from api_tokens t join orgs o on o.id = t.org_id
     where t.token_hash = ${tokenHash} and t.revoked_at is null and t.expires_at > now()`,
  );
  const row = rows[0];
  if (!row) return null;
  // null when the creator is disabled (or gone): their token stops with them
  const creatorGrants = await findActiveGrantPaths(db, row.created_by as string);
  if (!creatorGrants) return null;
  const perms = row.permissions;
  return {
    id: row.id as string,
    name: row.name as string,
    createdBy: row.created_by as string,
    // node-postgres parses text[]; PGlite may hand back the literal
    permissions: (Array.isArray(perms)
      ? perms
      : String(perms)
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean)) as Permission[],
    orgPath: row.org_path as string,
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at as string) : null,
    creatorGrants,
  };
}

export async function touchToken(db: Db, id: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
}

const tokenView = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  orgId: apiTokens.orgId,
  orgName: sql<string>`org_label(${orgs})`,
  orgPath: orgs.path,
  permissions: apiTokens.permissions,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** Tokens the caller made, plus those on subtrees they manage. */
export async function findTokens(db: Db, userId: string, manageScope: Scope) {
  return db
    .select(tokenView)
    .from(apiTokens)
    .innerJoin(orgs, eq(orgs.id, apiTokens.orgId))
    .where(sql`(${apiTokens.createdBy} = ${userId} or ${scopeSql(manageScope, orgs.path)})`)
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
}

export type TokenView = NonNullable<Awaited<ReturnType<typeof getTokenView>>>;

export async function getTokenView(db: Db, id: string) {
  const [t] = await db.select(tokenView).from(apiTokens).innerJoin(orgs, eq(orgs.id, apiTokens.orgId)).where(eq(apiTokens.id, id)).limit(1);
  return t;
}

export async function insertToken(db: Db, v: typeof apiTokens.$inferInsert): Promise<string> {
  const [t] = await db.insert(apiTokens).values(v).returning({ id: apiTokens.id });
  return t!.id;
}

export async function revokeToken(db: Db, id: string): Promise<boolean> {
  const r = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return r.length > 0;
}

export async function countLiveTokensOfOrg(db: Db, orgId: string): Promise<number> {
  const r = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, new Date())))
    .limit(1);
  return r.length;
}
