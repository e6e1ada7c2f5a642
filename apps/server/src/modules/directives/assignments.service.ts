import type { Assignment, AssignmentStatus, TaskStatus, WorkItem } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { requireSomewhere, type Actor } from '../../platform/policy.js';
import type { FileStore } from '../../platform/files/files.js';
import {
  act,
  addEvidence as addWorkEvidence,
  assign,
  getVisibleItem,
  readItem,
  updateCheck,
  updateChecks,
  type Visible,
  type WorkContext,
} from '../work/index.js';
import { findAssignments } from './assignments.repo.js';
import { relayStateOf } from './directive-chain.js';

/**
 * A directive's assignment is its work item (modules/work): these are the directive pages' words
 * for the work module's moves, and the shape those pages read.
 */
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

async function visible(work: WorkContext, db: Db, actor: Actor, id: string): Promise<Visible> {
  const v = await getVisibleItem(work, db, actor, id);
  if (v.row.kind !== 'directive') throw domainError('NOT_FOUND', 'work_not_found', 'assignment not found');
  return v;
}

function toAssignment(w: WorkItem, v: Visible, relay: Pick<Assignment, 'hasUnits' | 'canRelay' | 'relayDueAt' | 'relays'>): Assignment {
  return {
    ...relay,
    id: w.id,
    directiveId: w.sourceId,
    orgId: w.orgId,
    orgName: w.orgName,
    orgKind: w.orgKind,
    status: w.status as AssignmentStatus,
    assigneeUserId: w.assigneeUserId,
    assigneeName: w.assigneeName,
    acknowledgedAt: w.acknowledgedAt,
    submittedAt: w.submittedAt,
    reviewedAt: w.reviewedAt,
    reviewComment: w.reviewComment,
    dueAt: w.dueAt,
    overdue: w.overdue,
    version: v.row.version,
    tasks: w.checks.map((c) => ({
      id: c.key,
      taskId: c.key,
      sectionHeading: c.group ?? '',
      text: c.text,
      dueAt: c.dueAt,
      status: c.status as TaskStatus,
      report: c.report,
      naReason: c.reason,
      evidence: c.evidence,
    })),
    history: w.history,
  };
}

async function read(work: WorkContext, db: Db, actor: Actor, id: string): Promise<Assignment> {
  const v = await visible(work, db, actor, id);
  const [item, relay] = await Promise.all([readItem(work, db, v), relayStateOf(db, actor, v.row)]);
  return toAssignment(item, v, relay);
}

export async function getAssignment(work: WorkContext, db: Db, actor: Actor, id: string): Promise<Assignment> {
  return read(work, db, actor, id);
}

export async function listAssignments(
  db: Db,
  actor: Actor,
  f: { directiveId?: string; issuerView?: boolean; status?: string | undefined; orgId?: string | undefined; limit: number; offset: number },
) {
  const scope = f.issuerView ? null : requireSomewhere(actor, 'directive:read');
  const { rows, total } = await findAssignments(db, { ...f, scope });
  return {
    items: rows.map((r) => {
      const status = r.status as AssignmentStatus;
      return {
        id: r.id as string,
        directiveId: r.directive_id as string,
        orgId: r.org_id as string,
        orgName: r.org_name as string,
        orgKind: r.org_kind as Assignment['orgKind'],
        status,
        assigneeUserId: (r.assignee_user_id as string | null) ?? null,
        assigneeName: r.assignee_name,
        acknowledgedAt: iso(r.acknowledged_at),
        submittedAt: iso(r.submitted_at),
        reviewedAt: iso(r.reviewed_at),
        reviewComment: (r.review_comment as string | null) ?? null,
        dueAt: iso(r.due_at),
        overdue:
          ['pending', 'acknowledged', 'in_progress', 'returned'].includes(status) && Boolean(r.due_at) && new Date(r.due_at as string).getTime() < Date.now(),
        version: Number(r.version),
        doneTasks: Number(r.done_tasks),
        totalTasks: Number(r.total_tasks),
      };
    }),
    total,
  };
}

export async function acknowledge(work: WorkContext, db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Assignment> {
  await act(work, db, actor, await visible(work, db, actor, id), 'acknowledge', { version, audit });
  return read(work, db, actor, id);
}

export async function assignOfficer(
  work: WorkContext,
  db: Db,
  actor: Actor,
  id: string,
  userId: string | null,
  version: number,
  audit: AuditContext,
): Promise<Assignment> {
  await assign(work, db, actor, await visible(work, db, actor, id), userId, version, audit);
  return read(work, db, actor, id);
}

export async function updateTask(
  work: WorkContext,
  db: Db,
  actor: Actor,
  id: string,
  taskId: string,
  input: { status: TaskStatus; report: string; naReason: string | null },
  audit: AuditContext,
): Promise<Assignment> {
  await updateCheck(work, db, actor, await visible(work, db, actor, id), taskId, { status: input.status, report: input.report, reason: input.naReason }, audit);
  return read(work, db, actor, id);
}

/** Every edited task saved at once: the officer's one "save" on the phone (all or nothing, version-checked). */
export async function updateTasks(
  work: WorkContext,
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number; tasks: readonly { taskId: string; status: TaskStatus; report: string; naReason: string | null }[] },
  audit: AuditContext,
): Promise<Assignment> {
  const checks = input.tasks.map((t) => ({ key: t.taskId, status: t.status, report: t.report, reason: t.naReason }));
  await updateChecks(work, db, actor, await visible(work, db, actor, id), { version: input.version, checks }, audit);
  return read(work, db, actor, id);
}

export async function addEvidence(
  work: WorkContext,
  db: Db,
  store: FileStore,
  actor: Actor,
  id: string,
  taskId: string,
  file: { data: Buffer; filename: string; mime: string },
  audit: AuditContext,
): Promise<Assignment> {
  await addWorkEvidence(db, store, actor, await visible(work, db, actor, id), taskId, file, audit);
  return read(work, db, actor, id);
}

export async function submit(work: WorkContext, db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Assignment> {
  await act(work, db, actor, await visible(work, db, actor, id), 'submit', { version, audit });
  return read(work, db, actor, id);
}

export async function review(
  work: WorkContext,
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'accept' | 'return'; comment: string | null; version: number },
  audit: AuditContext,
): Promise<Assignment> {
  const v = await visible(work, db, actor, id);
  if (!v.canReview) throw domainError('FORBIDDEN', 'work_only_reviewer', 'only the issuer reviews');
  await act(work, db, actor, v, input.decision, { version: input.version, reason: input.comment, audit });
  return read(work, db, actor, id);
}
