import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { files } from '../../platform/files/files.tables.js';
import { orgs } from '../orgs/index.js';
import { directiveAttachments, directives, directiveSections, directiveTasks } from './directives.tables.js';
import { containsPattern } from '../../platform/db/like.js';

export type DirectiveRow = typeof directives.$inferSelect;
export type SectionRow = typeof directiveSections.$inferSelect;
export type TaskRow = typeof directiveTasks.$inferSelect;

export async function findDirectiveRow(db: Db, id: string): Promise<(DirectiveRow & { orgPath: string; orgName: string }) | undefined> {
  const [r] = await db
    .select({ d: directives, orgPath: orgs.path, orgName: orgs.name })
    .from(directives)
    .innerJoin(orgs, eq(orgs.id, directives.orgId))
    .where(eq(directives.id, id))
    .limit(1);
  return r ? { ...r.d, orgPath: r.orgPath, orgName: r.orgName } : undefined;
}

// The directive's lists count its work items in the same statement (one row per directive, with
// the directive's own filters): the work module's counts per item would be one query per row.

/** Is any assignment of this directive inside the scope (the recipient side's view)? */
export async function hasAssignmentInScope(db: Db, directiveId: string, scope: Scope): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`select 1 from work_items a join orgs o on o.id = a.org_id where a.kind = 'directive' and a.source_id = ${directiveId} and ${scopeSql(scope, sql`o.path`)} limit 1`,
  );
  return rows.length > 0;
}

export async function findSectionsAndTasks(db: Db, directiveId: string): Promise<{ sections: SectionRow[]; tasks: TaskRow[] }> {
  const [sections, tasks] = await Promise.all([
    db.select().from(directiveSections).where(eq(directiveSections.directiveId, directiveId)).orderBy(asc(directiveSections.position)),
    db.select().from(directiveTasks).where(eq(directiveTasks.directiveId, directiveId)).orderBy(asc(directiveTasks.position)),
  ]);
  return { sections, tasks };
}

export async function findAttachments(db: Db, directiveId: string) {
  return db
    .select({ id: files.id, filename: files.filename, size: files.sizeBytes, mime: files.mime, sha256: files.sha256 })
    .from(directiveAttachments)
    .innerJoin(files, eq(files.id, directiveAttachments.fileId))
    .where(eq(directiveAttachments.directiveId, directiveId))
    .orderBy(asc(directiveAttachments.createdAt));
}

export async function insertAttachment(db: Db, directiveId: string, fileId: string): Promise<void> {
  await db.insert(directiveAttachments).values({ directiveId, fileId }).onConflictDoNothing();
}

export async function insertDirectiveRow(db: Db, v: typeof directives.$inferInsert): Promise<DirectiveRow> {
  const [r] = await db.insert(directives).values(v).returning();
  return r!;
}

/** Optimistic update: only when the caller saw the current version; undefined when someone else changed it. */
export async function updateDirectiveRow(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof directives.$inferInsert>,
): Promise<DirectiveRow | undefined> {
  const [r] = await db
    .update(directives)
    .set({ ...patch, version: sql`${directives.version} + 1`, updatedAt: new Date() })
    .where(and(eq(directives.id, id), eq(directives.version, version)))
    .returning();
  return r;
}

export async function deleteDirectiveRow(db: Db, id: string): Promise<void> {
  await db.delete(directives).where(eq(directives.id, id));
}

/** Replaces a draft's sections and tasks wholesale (drafts have no assignments yet). */
export async function replaceSections(
  db: Db,
  directiveId: string,
  sections: { heading: string; addressees: string | null; rule: unknown; tasks: { text: string; dueAt: Date | null; parentTaskId?: string | null }[] }[],
): Promise<void> {
  await db.delete(directiveSections).where(eq(directiveSections.directiveId, directiveId));
  let taskPosition = 0;
  for (const [i, s] of sections.entries()) {
    const [row] = await db
      .insert(directiveSections)
      .values({ directiveId, position: i + 1, heading: s.heading, addressees: s.addressees, rule: s.rule })
      .returning({ id: directiveSections.id });
    if (s.tasks.length > 0) {
      await db.insert(directiveTasks).values(
        s.tasks.map((t) => ({
          directiveId,
          sectionId: row!.id,
          position: ++taskPosition,
          text: t.text,
          dueAt: t.dueAt,
          parentTaskId: t.parentTaskId ?? null,
        })),
      );
    }
  }
}

export interface DirectiveListFilter {
  issuerScope: Scope;
  recipientScope: Scope;
  side?: 'issued' | 'received' | undefined;
  status?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Directives the caller sees: issued by orgs in their scope, or with an assignment to an
 * org in their scope (drafts only on the issuing side). Counts are per side: an issuer
 * counts every recipient, a recipient only their own assignments.
 */
export async function findDirectives(db: Db, f: DirectiveListFilter) {
  const issuedCond = scopeSql(f.issuerScope, sql`io.path`);
  const receivedCond = sql`d.status <> 'draft' and exists (select 1 from work_items a2 join orgs ro on ro.id = a2.org_id where a2.kind = 'directive' and a2.source_id = d.id and ${scopeSql(f.recipientScope, sql`ro.path`)})`;
  const sideCond = f.side === 'issued' ? issuedCond : f.side === 'received' ? receivedCond : sql`(${issuedCond} or ${receivedCond})`;
  const conds: SQL[] = [sideCond];
  if (f.status) conds.push(sql`d.status = ${f.status}`);
  if (f.q) conds.push(sql`d.search_text like ${containsPattern(f.q)}`);
  const where = sql.join(conds, sql` and `);
  const countScope = f.side === 'received' ? scopeSql(f.recipientScope, sql`ao.path`) : sql`(${issuedCond} or ${scopeSql(f.recipientScope, sql`ao.path`)})`;
  const rows = await queryRows(
    db,
    sql`
    select d.id, d.org_id, io.name as org_name, d.number, d.issued_on::text as issued_on, d.subject, d.status, d.due_at, d.created_at,
           c.recipients, c.acknowledged, c.submitted, c.accepted, c.overdue
      from directives d
      join orgs io on io.id = d.org_id
      left join lateral (
        select count(*)::int as recipients,
               count(*) filter (where a.status <> 'pending')::int as acknowledged,
               count(*) filter (where a.status in ('submitted', 'accepted'))::int as submitted,
               count(*) filter (where a.status = 'accepted')::int as accepted,
               count(*) filter (where a.status in ('pending', 'acknowledged', 'in_progress', 'returned') and a.due_at < now())::int as overdue
          from work_items a join orgs ao on ao.id = a.org_id
         where a.kind = 'directive' and a.source_id = d.id and ${countScope}
      ) c on true
     where ${where}
     order by d.created_at desc, d.id
     limit ${f.limit} offset ${f.offset}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from directives d join orgs io on io.id = d.org_id where ${where}`);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Progress counts of one directive: every assignment (scope null, the issuer) or those in a scope. */
export async function directiveCounts(db: Db, directiveId: string, scope: Scope | null) {
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as recipients,
               count(*) filter (where a.status <> 'pending')::int as acknowledged,
               count(*) filter (where a.status in ('submitted', 'accepted'))::int as submitted,
               count(*) filter (where a.status = 'accepted')::int as accepted,
               count(*) filter (where a.status in ('pending', 'acknowledged', 'in_progress', 'returned') and a.due_at < now())::int as overdue
          from work_items a join orgs ao on ao.id = a.org_id
         where a.kind = 'directive' and a.source_id = ${directiveId} and ${scope ? scopeSql(scope, sql`ao.path`) : sql`true`}`,
  );
  return {
    recipients: Number(r?.recipients ?? 0),
    acknowledged: Number(r?.acknowledged ?? 0),
    submitted: Number(r?.submitted ?? 0),
    accepted: Number(r?.accepted ?? 0),
    overdue: Number(r?.overdue ?? 0),
  };
}
