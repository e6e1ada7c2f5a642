import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { files } from '../../platform/files/files.tables.js';
import { assignmentEvents, assignmentEvidence, assignments, assignmentTasks } from './directives.tables.js';

export type AssignmentRow = typeof assignments.$inferSelect;

export async function findAssignmentRow(db: Db, id: string) {
  const [r] = await queryRows(
    db,
    sql`select a.*, o.name as org_name, o.kind as org_kind, o.path::text as org_path, d.status as directive_status, d.org_id as issuer_org_id,
               io.path::text as issuer_path, u.full_name as assignee_name
          from assignments a join orgs o on o.id = a.org_id join directives d on d.id = a.directive_id join orgs io on io.id = d.org_id
          left join users u on u.id = a.assignee_user_id
         where a.id = ${id}`,
  );
  return r;
}

/** Optimistic update guarded by version and by the states the transition starts from. */
export async function transitionAssignment(db: Db, id: string, version: number, from: string[], patch: Partial<typeof assignments.$inferInsert>): Promise<AssignmentRow | undefined> {
  const [r] = await db
    .update(assignments)
    .set({ ...patch, version: sql`${assignments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assignments.id, id), eq(assignments.version, version), sql`${assignments.status} = any(${`{${from.join(',')}}`}::text[])`))
    .returning();
  return r;
}

export async function insertEvent(db: Db, v: typeof assignmentEvents.$inferInsert): Promise<void> {
  await db.insert(assignmentEvents).values(v);
}

export async function findAssignmentTasks(db: Db, assignmentId: string) {
  return queryRows(
    db,
    sql`select at.id, at.task_id, at.status, at.report, at.na_reason, t.text, t.due_at, t.position, s.heading as section_heading
          from assignment_tasks at join directive_tasks t on t.id = at.task_id join directive_sections s on s.id = t.section_id
         where at.assignment_id = ${assignmentId}
         order by t.position`,
  );
}

export async function findEvidence(db: Db, assignmentId: string) {
  return db
    .select({ assignmentTaskId: assignmentEvidence.assignmentTaskId, id: files.id, filename: files.filename, size: files.sizeBytes, mime: files.mime, sha256: files.sha256 })
    .from(assignmentEvidence)
    .innerJoin(files, eq(files.id, assignmentEvidence.fileId))
    .innerJoin(assignmentTasks, eq(assignmentTasks.id, assignmentEvidence.assignmentTaskId))
    .where(eq(assignmentTasks.assignmentId, assignmentId))
    .orderBy(asc(assignmentEvidence.createdAt));
}

export async function findEvents(db: Db, assignmentId: string) {
  return db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, assignmentId)).orderBy(asc(assignmentEvents.at), asc(assignmentEvents.id));
}

export async function updateAssignmentTask(db: Db, assignmentId: string, assignmentTaskId: string, patch: { status: string; report: string; naReason: string | null; updatedBy: string }) {
  const [r] = await db
    .update(assignmentTasks)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(assignmentTasks.id, assignmentTaskId), eq(assignmentTasks.assignmentId, assignmentId)))
    .returning();
  if (r) {
    await db.execute(sql`update assignments set tasks_done = (select count(*)::int from assignment_tasks
                           where assignment_id = ${assignmentId} and status in ('done', 'not_applicable')) where id = ${assignmentId}`);
  }
  return r;
}

export async function insertEvidence(db: Db, assignmentTaskId: string, fileId: string): Promise<void> {
  await db.insert(assignmentEvidence).values({ assignmentTaskId, fileId }).onConflictDoNothing();
}

export interface AssignmentListFilter {
  directiveId?: string | undefined;
  scope: Scope | null;
  status?: string | undefined;
  orgId?: string | undefined;
  limit: number;
  offset: number;
}

/** Assignments with their task progress; `scope` null = every recipient (the issuer's view). */
export async function findAssignments(db: Db, f: AssignmentListFilter) {
  const conds = [f.scope ? scopeSql(f.scope, sql`o.path`) : sql`true`];
  if (f.directiveId) conds.push(sql`a.directive_id = ${f.directiveId}`);
  else conds.push(sql`d.status <> 'draft'`);
  if (f.status) conds.push(sql`a.status = ${f.status}`);
  if (f.orgId) conds.push(sql`a.org_id = ${f.orgId}`);
  const where = sql.join(conds, sql` and `);
  const rows = await queryRows(
    db,
    sql`select a.*, o.name as org_name, o.kind as org_kind, u.full_name as assignee_name, a.tasks_total as total_tasks, a.tasks_done as done_tasks
          from assignments a join orgs o on o.id = a.org_id join directives d on d.id = a.directive_id
          left join users u on u.id = a.assignee_user_id
         where ${where}
         order by a.due_at nulls last, o.path
         limit ${f.limit} offset ${f.offset}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from assignments a join orgs o on o.id = a.org_id join directives d on d.id = a.directive_id where ${where}`);
  return { rows, total: Number(total?.n ?? 0) };
}
