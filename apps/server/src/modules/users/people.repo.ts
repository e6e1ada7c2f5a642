import { sql } from 'drizzle-orm';
import type { Role } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/like.js';

// What other modules ask about people, so that their SQL need not read grants and users.

const roleArray = (roles: readonly Role[]) => `{${roles.join(',')}}`;

/** Active people holding one of `roles` on the org itself (not through an ancestor): who works there. */
export async function findRoleHoldersOn(db: Db, orgId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct g.user_id from grants g join users u on u.id = g.user_id
         where g.org_id = ${orgId} and not u.disabled and g.role = any(${roleArray(roles)}::text[])`,
  );
  return rows.map((r) => r.user_id);
}

/**
 * Active people holding one of `roles` on the nearest proper ancestor of `orgPath` where anyone
 * holds one (the parent first, then up the tree, at any depth): who a unit answers to.
 */
export async function findNearestRoleHoldersAbove(db: Db, orgPath: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await queryRows<{ user_id: string; depth: number }>(
    db,
    sql`select g.user_id, go.depth from grants g join orgs go on go.id = g.org_id join users u on u.id = g.user_id
         where not u.disabled and g.role = any(${roleArray(roles)}::text[])
           and go.path @> ${orgPath}::ltree and go.path <> ${orgPath}::ltree
         order by go.depth desc`,
  );
  const nearest = rows[0]?.depth;
  return [...new Set(rows.filter((r) => r.depth === nearest).map((r) => r.user_id))];
}

/**
 * Every proper ancestor of `orgPath` where someone holds one of `roles`, nearest first, with
 * those people: an escalation's ladder (step 0 the nearest, step 1 the next one up…).
 */
export async function findRoleHoldersAboveByOrg(db: Db, orgPath: string, roles: readonly Role[]): Promise<{ orgId: string; userIds: string[] }[]> {
  const rows = await queryRows<{ org_id: string; user_id: string; depth: number }>(
    db,
    sql`select go.id as org_id, g.user_id, go.depth from grants g join orgs go on go.id = g.org_id join users u on u.id = g.user_id
         where not u.disabled and g.role = any(${roleArray(roles)}::text[])
           and go.path @> ${orgPath}::ltree and go.path <> ${orgPath}::ltree
         order by go.depth desc, g.user_id`,
  );
  const out: { orgId: string; userIds: string[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last?.orgId === r.org_id) {
      if (!last.userIds.includes(r.user_id)) last.userIds.push(r.user_id);
    } else out.push({ orgId: r.org_id, userIds: [r.user_id] });
  }
  return out;
}

/** Full names by user id, for labels (who classified, who updated, who is assigned); unknown ids are absent. */
export async function findUserNames(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => typeof i === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<{ id: string; full_name: string }>(db, sql`select id, full_name from users where id = any(${`{${wanted.join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** People whose name or e-mail contains the text, diacritics and case ignored (the audit log's actor filter); at most `limit`. */
export async function findUserIdsMatching(db: Db, text: string, limit = 500): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from users where search_text like ${containsPattern(foldVietnamese(text))} limit ${limit}`);
  return rows.map((r) => r.id);
}

/** The user's grants as the access policy needs them, or null when the user is gone or disabled. */
export async function findActiveGrantPaths(db: Db, userId: string): Promise<{ role: Role; orgPath: string | null }[] | null> {
  const rows = await queryRows<{ disabled: boolean; role: Role | null; org_path: string | null }>(
    db,
    sql`select u.disabled, g.role, o.path::text as org_path
          from users u left join grants g on g.user_id = u.id left join orgs o on o.id = g.org_id
         where u.id = ${userId}`,
  );
  if (rows.length === 0 || rows[0]!.disabled) return null;
  return rows.filter((r) => r.role !== null).map((r) => ({ role: r.role!, orgPath: r.org_path }));
}

/**
 * Housekeeping of the sign-in tables: expired and ended sessions, old sign-in failures. Ended
 * sessions are kept 30 days: they are where sign-in finds a person's usual place (auth's sign-in throttle).
 */
export async function purgeStaleSignIns(db: Db): Promise<void> {
  await db.execute(sql`delete from sessions where expires_at < now() - interval '30 days' or revoked_at < now() - interval '30 days'`);
  await db.execute(sql`delete from login_attempts where at < now() - interval '1 day'`);
}
