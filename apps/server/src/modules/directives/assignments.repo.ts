import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { files } from '../../platform/files/files.tables.js';
import { findUserNames } from '../users/index.js';
import { assignmentEvents, assignmentEvidence, assignments, assignmentTasks } from './directives.tables.js';

export type AssignmentRow = typeof assignments.$inferSelect;

export async function findAssignmentRow(db: Db, id: string) {
  const [r] = await queryRows(
    db,
    sql`select a.*, o.name as org_name, o.kind as org_kind, o.path::text as org_path, d.status as directive_status, d.org_id as issuer_org_id,
               io.path::text as issuer_path
          from assignments a join orgs o on o.id = a.org_id join directives d on d.id = a.directive_id join orgs io on io.id = d.org_id
         where a.id = ${id}`,
  );
  if (!r) return undefined;
  const [row] = await withAssigneeNames(db, [r]);
  return row;
}

/** `assignee_name` on each row, from the users module (null when nobody is assigned). */
async function withAssigneeNames<T extends Record<string, unknown>>(db: Db, rows: T[]): Promise<(T & { assignee_name: string | null })[]> {
  const names = await findUserNames(
    db,
    rows.map((r) => r.assignee_user_id as string | null),
  );
  return rows.map((r) => ({ ...r, assignee_name: names.get(r.assignee_user_id as string) ?? null }));
}

/** Optimistic update guarded by version and by the states the transition starts from. */
export async function transitionAssignment(
  db: Db,
  id: string,
  version: number,
  from: string[],
  patch: Partial<typeof assignments.$inferInsert>,
): Promise<AssignmentRow | undefined> {
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

/** The assignment's tasks (those of its sections), with what was reported on each so far. */
export async function findAssignmentTasks(db: Db, assignmentId: string) {
  return queryRows(
    db,
    sql`select t.id as task_id, coalesce(at.status, 'not_started') as status, coalesce(at.report, '') as report, at.na_reason,
               t.text, t.due_at, t.position, s.heading as section_heading
          from assignments a
          join directive_tasks t on t.directive_id = a.directive_id and t.section_id = any(a.section_ids)
          join directive_sections s on s.id = t.section_id
          left join assignment_tasks at on at.assignment_id = a.id and at.task_id = t.id
         where a.id = ${assignmentId}
         order by t.position`,
  );
}

export async function findEvidence(db: Db, assignmentId: string) {
  return db
    .select({ taskId: assignmentTasks.taskId, id: files.id, filename: files.filename, size: files.sizeBytes, mime: files.mime, sha256: files.sha256 })
    .from(assignmentEvidence)
    .innerJoin(files, eq(files.id, assignmentEvidence.fileId))
    .innerJoin(assignmentTasks, eq(assignmentTasks.id, assignmentEvidence.assignmentTaskId))
    .where(eq(assignmentTasks.assignmentId, assignmentId))
    .orderBy(asc(assignmentEvidence.createdAt));
}

export async function findEvents(db: Db, assignmentId: string) {
  return db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, assignmentId)).orderBy(asc(assignmentEvents.at), asc(assignmentEvents.id));
}

/**
 * Writes the report on one task (creating its row on first report) and refreshes the
 * assignment's done counter; undefined when the task is not one of the assignment's.
 */
export async function upsertAssignmentTask(
  db: Db,
  assignmentId: string,
  taskId: string,
  patch: { status: string; report: string; naReason: string | null; updatedBy: string },
) {
  const [r] = await queryRows<{ id: string }>(
    db,
    sql`insert into assignment_tasks (assignment_id, directive_id, task_id, status, report, na_reason, updated_by)
        select a.id, a.directive_id, t.id, ${patch.status}, ${patch.report}, ${patch.naReason}, ${patch.updatedBy}
          from assignments a join directive_tasks t on t.directive_id = a.directive_id and t.section_id = any(a.section_ids)
         where a.id = ${assignmentId} and t.id = ${taskId}
        on conflict (assignment_id, task_id) do update
           set status = excluded.status, report = excluded.report, na_reason = excluded.na_reason, updated_by = excluded.updated_by, updated_at = now()
        returning id`,
  );
  if (r) {
    await db.execute(sql`update assignments set tasks_done = (select count(*)::int from assignment_tasks
                           where assignment_id = ${assignmentId} and status in ('done', 'not_applicable')) where id = ${assignmentId}`);
  }
  return r;
}

/** The task's row, created blank when nobody has reported on it yet (evidence needs something to hang on). */
export async function ensureAssignmentTask(db: Db, assignmentId: string, taskId: string): Promise<string | undefined> {
  const [r] = await queryRows<{ id: string }>(
    db,
    sql`with ins as (
          insert into assignment_tasks (assignment_id, directive_id, task_id)
          select a.id, a.directive_id, t.id from assignments a join directive_tasks t on t.directive_id = a.directive_id and t.section_id = any(a.section_ids)
           where a.id = ${assignmentId} and t.id = ${taskId}
          on conflict (assignment_id, task_id) do nothing returning id)
        select id from ins union all select id from assignment_tasks where assignment_id = ${assignmentId} and task_id = ${taskId} limit 1`,
  );
  return r?.id;
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
    sql`select a.*, o.name as org_name, o.kind as org_kind, a.tasks_total as total_tasks, a.tasks_done as done_tasks
          from assignments a join orgs o on o.id = a.org_id join directives d on d.id = a.directive_id
         where ${where}
         order by a.due_at nulls last, o.path
         limit ${f.limit} offset ${f.offset}`,
  );
  const [total] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from assignments a join orgs o on o.id = a.org_id join directives d on d.id = a.directive_id where ${where}`,
  );
  return { rows: await withAssigneeNames(db, rows), total: Number(total?.n ?? 0) };
}
