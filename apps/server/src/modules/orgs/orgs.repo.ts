import { and, asc, count, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { changeMarker, isPglite, queryHot, queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { orgContacts, orgHistory, orgs } from './orgs.tables.js';
import { containsPattern } from '../../platform/db/like.js';

export type OrgRow = typeof orgs.$inferSelect;

/** ltree labels allow [A-Za-z0-9_]: a uuid with "_" for "-". */
export function labelOf(id: string): string {
  return id.replace(/-/g, '_');
}

/** Upper bound of a subtree in ltree order: labels are uuids, so "z" sorts after every child label. */
function subtreeEnd(path: string): string {
  return `${path}.z`;
}

export async function findOrgs(
  db: Db,
  scope: Scope,
  f: {
    parentId?: string | undefined;
    under?: Pick<OrgRow, 'path'> | undefined;
    q?: string | undefined;
    kind?: string | undefined;
    exactPaths?: string[];
    rootsOnly?: boolean;
    limit: number;
    offset: number;
  },
): Promise<{ items: (OrgRow & { label: string })[]; total: number }> {
  // a visible `under` org lies inside the caller's scope with its whole subtree, so the scope filter is implied
  const conds: SQL[] = f.under
    ? [sql`${orgs.path} >= ${f.under.path}::ltree and ${orgs.path} < ${subtreeEnd(f.under.path)}::ltree`]
    : [scopeSql(scope, orgs.path)];
  if (f.parentId) conds.push(eq(orgs.parentId, f.parentId));
  if (f.q) conds.push(sql`${orgs.searchText} like ${containsPattern(f.q)}`);
  if (f.kind) conds.push(eq(orgs.kind, f.kind));
  if (f.rootsOnly) conds.push(sql`${orgs.parentId} is null`);
  if (f.exactPaths) conds.push(f.exactPaths.length ? sql`${orgs.path} = any(${`{${f.exactPaths.map((p) => `"${p}"`).join(',')}}`}::ltree[])` : sql`false`);
  const where = and(...conds);
  // filtered lists sort by name; the unfiltered whole subtree has its own path (findSubtreePageJson)
  const rows = await db
    .select({ ...getTableColumns(orgs), label: sql<string>`org_label(${orgs})` })
    .from(orgs)
    .where(where)
    .orderBy(asc(orgs.depth), asc(orgs.name), asc(orgs.id))
    .limit(f.limit)
    .offset(f.offset);
  const total = (await db.select({ n: count() }).from(orgs).where(where))[0]?.n ?? 0;
  return { items: rows, total };
}

/** Where an org sits and how big its subtree is: all the subtree list needs before reading its page. */
/**
 * A value that moves whenever the orgs table may have changed, for the subtree page cache, or
 * null when there is none to trust. PGlite: its change marker (the WAL position; one process).
 * PostgreSQL: the `org_tree_version` counter, bumped by a trigger in the writer's own transaction
 * by every statement on orgs, so it becomes visible together with the rows it stands for: a
 * reader that reads the counter and then the page can only get a page as new as the counter or
 * newer, never older.
 */
export async function orgTreeMarker(db: Db): Promise<string | null> {
  const marker = await changeMarker(db);
  if (marker !== null || isPglite(db)) return marker;
  const [r] = await queryHot<{ v: string }>(db, { name: 'khien_org_tree_version', text: 'select version::text as v from org_tree_version', values: [] });
  return r ? `v${r.v}` : null;
}

export async function findOrgPlace(db: Db, id: string): Promise<{ path: string; descendantCount: number } | undefined> {
  const [r] = await queryHot<{ path: string; descendant_count: number }>(db, {
    name: 'orgs_place',
    text: 'select path::text, descendant_count from orgs where id = $1',
    values: [id],
  });
  return r && { path: r.path, descendantCount: r.descendant_count };
}

/**
 * One page of a whole subtree in tree order, encoded by the database as the JSON array of
 * OrgSchema items: same keys, order and formats as toOrg + JSON.stringify (to_char's MS and
 * toISOString both truncate to milliseconds); tests compare the two byte for byte. The busiest
 * read of the app: decoding 50 rows, mapping and re-encoding them costs Node more than the
 * query itself costs the database, and on PGlite that decoding runs in the server's own thread.
 * Its generic plan (named statement) walks the path's btree in order and stops after the page:
 * with the limit a parameter the planner expects few rows, so it never prefers a sort.
 */
export async function findSubtreePageJson(db: Db, underPath: string, limit: number, offset: number): Promise<string> {
  const [r] = await queryHot<{ items: string | null }>(db, {
    name: 'orgs_subtree_page',
    text: SUBTREE_PAGE_JSON,
    values: [underPath, subtreeEnd(underPath), limit, offset],
  });
  return `[${r?.items ?? ''}]`;
}

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const SUBTREE_PAGE_JSON = `
  select string_agg(row_to_json(j)::text, ',' order by o.path) as items
    from (select id, parent_id, name, short_name, kind, admin_code, depth, child_count, is_demo, version, created_at, updated_at, path
            from orgs
           where path >= $1::ltree and path < $2::ltree
           order by path limit $3 offset $4) o,
         lateral (select o.id as "id", o.parent_id as "parentId", o.name as "name", o.short_name as "shortName", o.kind as "kind",
                         o.admin_code as "adminCode", o.depth as "depth", o.child_count as "childCount", o.is_demo as "isDemo", o.version as "version",
                         to_char(o.created_at at time zone 'UTC', ${ISO_MS}) as "createdAt",
                         to_char(o.updated_at at time zone 'UTC', ${ISO_MS}) as "updatedAt") j`;

export async function findOrgById(db: Db, id: string): Promise<OrgRow | undefined> {
  const [r] = await db.select().from(orgs).where(eq(orgs.id, id)).limit(1);
  return r;
}

export async function findOrgByAdminCode(db: Db, code: string): Promise<OrgRow | undefined> {
  const [r] = await db.select().from(orgs).where(eq(orgs.adminCode, code)).limit(1);
  return r;
}

export async function findChildByName(db: Db, parentId: string | null, name: string): Promise<OrgRow | undefined> {
  const parentCond = parentId ? eq(orgs.parentId, parentId) : sql`${orgs.parentId} is null`;
  const [r] = await db
    .select()
    .from(orgs)
    .where(and(parentCond, sql`lower(${orgs.name}) = lower(${name})`))
    .limit(1);
  return r;
}

export async function findOrgsByPaths(db: Db, paths: string[]): Promise<OrgRow[]> {
  if (paths.length === 0) return [];
  return db
    .select()
    .from(orgs)
    .where(sql`${orgs.path} = any(${`{${paths.map((p) => `"${p}"`).join(',')}}`}::ltree[])`);
}

export async function insertOrg(db: Db, v: typeof orgs.$inferInsert): Promise<OrgRow> {
  const [r] = await db.insert(orgs).values(v).returning();
  await db.execute(sql`update orgs set descendant_count = descendant_count + 1, child_count = child_count + (id = ${r!.parentId})::int
    where path @> ${r!.path}::ltree and id <> ${r!.id}`);
  return r!;
}

/** The edit, only if the row is still at `version`; undefined when someone changed it meanwhile. */
export async function updateOrgAtVersion(db: Db, id: string, version: number, patch: Partial<typeof orgs.$inferInsert>): Promise<OrgRow | undefined> {
  const [r] = await db
    .update(orgs)
    .set({ ...patch, version: sql`${orgs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgs.id, id), eq(orgs.version, version)))
    .returning();
  return r;
}

/** Any other change to an org (an import's update) moves its version too, so an open edit form goes stale. */
export async function updateOrgRow(db: Db, id: string, patch: Partial<typeof orgs.$inferInsert>): Promise<OrgRow> {
  const [r] = await db
    .update(orgs)
    .set({ ...patch, version: sql`${orgs.version} + 1`, updatedAt: new Date() })
    .where(eq(orgs.id, id))
    .returning();
  return r!;
}

/** Rewrites the paths of a whole subtree in one statement. */
export async function moveSubtree(db: Db, oldPath: string, newParentPath: string): Promise<void> {
  const [root] = await db
    .select({ n: orgs.descendantCount, oldParent: sql<string>`subpath(${orgs.path}, 0, nlevel(${orgs.path}) - 1)::text` })
    .from(orgs)
    .where(sql`${orgs.path} = ${oldPath}::ltree`);
  const moved = root!.n + 1;
  // the direct parents also gain or lose one child
  await db.execute(sql`update orgs set descendant_count = descendant_count - ${moved}, child_count = child_count - (path = ${root!.oldParent}::ltree)::int
    where path @> ${root!.oldParent}::ltree`);
  await db.execute(sql`update orgs set descendant_count = descendant_count + ${moved}, child_count = child_count + (path = ${newParentPath}::ltree)::int
    where path @> ${newParentPath}::ltree`);
  await db.execute(sql`
    update orgs set
      path = ${newParentPath}::ltree || subpath(path, nlevel(${oldPath}::ltree) - 1),
      depth = nlevel(${newParentPath}::ltree) + nlevel(path) - nlevel(${oldPath}::ltree) + 1,
      updated_at = now()
    where path <@ ${oldPath}::ltree`);
}

/** Deletes a leaf (callers refuse orgs with children) and shrinks its ancestors' counts. */
export async function deleteOrgRow(db: Db, id: string): Promise<void> {
  const [r] = await db.delete(orgs).where(eq(orgs.id, id)).returning({ path: orgs.path, parentId: orgs.parentId });
  if (r) {
    await db.execute(sql`update orgs set descendant_count = descendant_count - 1, child_count = child_count - (id = ${r.parentId})::int
      where path @> ${r.path}::ltree and path <> ${r.path}::ltree`);
  }
}

/**
 * What still points at an org, so deleting it would lose or orphan data. It counts rows of the
 * users and tokens modules' tables in SQL: not a hot path, but those modules import orgs, so
 * asking their functions would be an import cycle; the tree is the spine they hang from.
 */
export async function countOrgDependents(db: Db, id: string): Promise<{ children: number; data: Record<string, number> }> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`
    select (select count(*)::int from orgs where parent_id = ${id}) as children,
           (select count(*)::int from users where home_org_id = ${id}) as users,
           (select count(*)::int from grants where org_id = ${id}) as grants,
           (select count(*)::int from api_tokens where org_id = ${id}) as api_tokens`,
  );
  const { children, ...data } = row!;
  return { children: Number(children), data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Number(v)])) };
}

export async function findContacts(db: Db, orgId: string) {
  return db.select().from(orgContacts).where(eq(orgContacts.orgId, orgId)).orderBy(asc(orgContacts.createdAt), asc(orgContacts.id));
}

export async function findContactsOfOrgs(db: Db, scope: Scope, underPath: string | undefined) {
  return db
    .select({ contact: orgContacts })
    .from(orgContacts)
    .innerJoin(orgs, eq(orgs.id, orgContacts.orgId))
    .where(and(scopeSql(scope, orgs.path), underPath ? sql`${orgs.path} <@ ${underPath}::ltree` : sql`true`));
}

export async function getContact(db: Db, orgId: string, contactId: string) {
  const [c] = await db
    .select()
    .from(orgContacts)
    .where(and(eq(orgContacts.id, contactId), eq(orgContacts.orgId, orgId)))
    .limit(1);
  return c;
}

export async function insertContact(db: Db, v: typeof orgContacts.$inferInsert) {
  const [c] = await db.insert(orgContacts).values(v).returning();
  return c!;
}

export async function updateContactRow(db: Db, id: string, patch: Partial<typeof orgContacts.$inferInsert>) {
  const [c] = await db.update(orgContacts).set(patch).where(eq(orgContacts.id, id)).returning();
  return c!;
}

export async function deleteContactRow(db: Db, id: string) {
  await db.delete(orgContacts).where(eq(orgContacts.id, id));
}

export async function insertHistory(db: Db, v: typeof orgHistory.$inferInsert) {
  await db.insert(orgHistory).values(v);
}

export async function findHistory(db: Db, orgId: string) {
  return queryRows(
    db,
    sql`
    select h.id, h.at, h.change, h.old_name, h.new_name, h.actor_label,
           op.name as old_parent_name, np.name as new_parent_name
      from org_history h
      left join orgs op on op.id = h.old_parent_id
      left join orgs np on np.id = h.new_parent_id
     where h.org_id = ${orgId}
     order by h.at desc, h.id
     limit 500`,
  );
}
