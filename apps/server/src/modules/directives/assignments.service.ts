import type { Assignment, AssignmentStatus, TaskStatus } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { inScope, requireSomewhere, scopeFor, type Actor } from '../../platform/policy.js';
import type { FileStore } from '../../platform/files/files.js';
import { usersRepo } from '../users/index.js';
import { notifyUsers } from '../notifications/index.js';
import { staleVersion } from './directive-access.js';
import {
  ensureAssignmentTask,
  findAssignmentRow,
  findAssignments,
  findAssignmentTasks,
  findEvents,
  findEvidence,
  insertEvent,
  insertEvidence,
  transitionAssignment,
  upsertAssignmentTask,
} from './assignments.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof findAssignmentRow>>>;
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

interface Visible {
  row: Row;
  canReport: boolean;
  canReview: boolean;
}

/** The recipient's orgs see their assignment, the issuing side sees all; anyone else gets 404. */
async function getVisible(db: Db, actor: Actor, id: string): Promise<Visible> {
  const row = await findAssignmentRow(db, id);
  const read = scopeFor(actor, 'directive:read');
  if (!row || !(inScope(read, row.org_path as string) || inScope(read, row.issuer_path as string))) {
    throw new AppError('NOT_FOUND', 'Không tìm thấy việc được giao / assignment not found');
  }
  return {
    row,
    canReport: inScope(scopeFor(actor, 'directive:report'), row.org_path as string),
    canReview: inScope(scopeFor(actor, 'directive:write'), row.issuer_path as string),
  };
}

function requireReporter(v: Visible): void {
  if (!v.canReport) throw new AppError('FORBIDDEN', 'Chỉ đơn vị nhận được báo cáo / only the recipient may report');
  if (v.row.directive_status === 'closed') throw new AppError('CONFLICT', 'Công văn đã đóng, không nhận báo cáo nữa / the directive is closed');
}

export async function getAssignment(db: Db, actor: Actor, id: string): Promise<Assignment> {
  const v = await getVisible(db, actor, id);
  return toAssignment(db, v.row);
}

/** The assignment's own columns, as both the list and the detail page return them. */
function assignmentFields(r: Record<string, unknown>) {
  const status = r.status as AssignmentStatus;
  return {
    id: r.id as string,
    directiveId: r.directive_id as string,
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    orgKind: r.org_kind as Assignment['orgKind'],
    status,
    assigneeUserId: (r.assignee_user_id as string | null) ?? null,
    assigneeName: (r.assignee_name as string | null) ?? null,
    acknowledgedAt: iso(r.acknowledged_at),
    submittedAt: iso(r.submitted_at),
    reviewedAt: iso(r.reviewed_at),
    reviewComment: (r.review_comment as string | null) ?? null,
    dueAt: iso(r.due_at),
    overdue: isOverdue(status, r.due_at),
    version: Number(r.version),
  };
}

async function toAssignment(db: Db, r: Row): Promise<Assignment> {
  const id = r.id as string;
  const [tasks, evidence, events] = await Promise.all([findAssignmentTasks(db, id), findEvidence(db, id), findEvents(db, id)]);
  return {
    ...assignmentFields(r),
    // a task is addressed by the directive task's id: its report row may not exist yet
    tasks: tasks.map((t) => ({
      id: t.task_id as string,
      taskId: t.task_id as string,
      sectionHeading: t.section_heading as string,
      text: t.text as string,
      dueAt: iso(t.due_at),
      status: t.status as TaskStatus,
      report: t.report as string,
      naReason: (t.na_reason as string | null) ?? null,
      evidence: evidence
        .filter((e) => e.taskId === t.task_id)
        .map((e) => ({ id: e.id, filename: e.filename, size: Number(e.size), mime: e.mime, sha256: e.sha256 })),
    })),
    history: events.map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, kind: e.kind, comment: e.comment })),
  };
}

export function isOverdue(status: string, dueAt: unknown): boolean {
  return status !== 'submitted' && status !== 'accepted' && Boolean(dueAt) && new Date(dueAt as string).getTime() < Date.now();
}

export async function listAssignments(
  db: Db,
  actor: Actor,
  f: { directiveId?: string; issuerView?: boolean; status?: string | undefined; orgId?: string | undefined; limit: number; offset: number },
) {
  const scope = f.issuerView ? null : requireSomewhere(actor, 'directive:read');
  const { rows, total } = await findAssignments(db, { ...f, scope });
  return {
    items: rows.map((r) => ({ ...assignmentFields(r), doneTasks: Number(r.done_tasks), totalTasks: Number(r.total_tasks) })),
    total,
  };
}

/** One state change: version-checked, evented, audited, in one transaction. */
async function transition(
  db: Db,
  actor: Actor,
  v: Visible,
  t: {
    version: number;
    from: AssignmentStatus[];
    patch: Record<string, unknown>;
    event: string;
    comment?: string | null;
    audit: AuditContext;
    notify?: { userIds: string[]; title: string; body: string };
  },
): Promise<Assignment> {
  const id = v.row.id as string;
  await db.transaction(async (tx) => {
    const after = await transitionAssignment(tx, id, t.version, t.from, t.patch);
    if (!after) {
      if (Number(v.row.version) !== t.version) throw staleVersion();
      throw new AppError('CONFLICT', `Không thể "${t.event}" khi việc đang ở trạng thái "${String(v.row.status)}" / not allowed in this state`, {
        status: v.row.status,
      });
    }
    await insertEvent(tx, { assignmentId: id, actorLabel: actor.label, kind: t.event, comment: t.comment ?? null });
    if (t.notify && t.notify.userIds.length > 0) await notifyUsers(tx, { ...t.notify, kind: `assignment.${t.event}`, link: `/assignments/${id}`, email: true });
    await recordAudit(tx, t.audit, {
      action: `assignment.${t.event}`,
      entityType: 'assignment',
      entityId: id,
      orgId: v.row.org_id as string,
      orgPath: v.row.org_path as string,
      before: { status: v.row.status },
      after: { status: after.status, ...(t.comment ? { comment: t.comment } : {}) },
    });
  });
  return getAssignment(db, actor, id);
}

export async function acknowledge(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Assignment> {
  const v = await getVisible(db, actor, id);
  requireReporter(v);
  return transition(db, actor, v, { version, from: ['pending'], patch: { status: 'acknowledged', acknowledgedAt: new Date() }, event: 'acknowledged', audit });
}

export async function assignOfficer(db: Db, actor: Actor, id: string, userId: string | null, version: number, audit: AuditContext): Promise<Assignment> {
  const v = await getVisible(db, actor, id);
  requireReporter(v);
  let name: string | null = null;
  if (userId) {
    const u = await usersRepo.findUserWithOrg(db, userId);
    // the officer must belong to the recipient org's subtree: a user elsewhere does not exist here
    if (!u || !(u.homeOrgPath === v.row.org_path || u.homeOrgPath.startsWith(`${String(v.row.org_path)}.`)))
      throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ trong đơn vị / no such officer in this org');
    name = u.fullName;
  }
  return transition(db, actor, v, {
    version,
    from: ['pending', 'acknowledged', 'returned'],
    patch: { assigneeUserId: userId, ...(v.row.status === 'pending' ? { status: 'acknowledged', acknowledgedAt: new Date() } : {}) },
    event: 'assigned',
    comment: name,
    audit,
    ...(userId
      ? {
          notify: {
            userIds: [userId],
            title: 'Bạn được giao thực hiện công văn',
            body: `Đơn vị ${String(v.row.org_name)} giao bạn báo cáo kết quả thực hiện.`,
          },
        }
      : {}),
  });
}

export async function updateTask(
  db: Db,
  actor: Actor,
  id: string,
  assignmentTaskId: string,
  input: { status: TaskStatus; report: string; naReason: string | null },
  audit: AuditContext,
): Promise<Assignment> {
  const v = await getVisible(db, actor, id);
  requireReporter(v);
  if (v.row.status === 'submitted' || v.row.status === 'accepted')
    throw new AppError('CONFLICT', 'Báo cáo đã gửi; chờ đơn vị ban hành xem xét / already submitted');
  await db.transaction(async (tx) => {
    const t = await upsertAssignmentTask(tx, id, assignmentTaskId, {
      ...input,
      naReason: input.status === 'not_applicable' ? input.naReason : null,
      updatedBy: actor.userId,
    });
    if (!t) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ / task not found');
    // reporting on a task implies the assignment was received
    await transitionAssignment(tx, id, Number(v.row.version), ['pending'], { status: 'acknowledged', acknowledgedAt: new Date() });
    await recordAudit(tx, audit, {
      action: 'assignment.task_updated',
      entityType: 'assignment_task',
      entityId: assignmentTaskId,
      orgId: v.row.org_id as string,
      orgPath: v.row.org_path as string,
      after: input,
    });
  });
  return getAssignment(db, actor, id);
}

export async function addEvidence(
  db: Db,
  store: FileStore,
  actor: Actor,
  id: string,
  assignmentTaskId: string,
  file: { data: Buffer; filename: string; mime: string },
  audit: AuditContext,
): Promise<Assignment> {
  const v = await getVisible(db, actor, id);
  requireReporter(v);
  const current = await getAssignment(db, actor, id);
  if (!current.tasks.some((t) => t.id === assignmentTaskId)) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ / task not found');
  await db.transaction(async (tx) => {
    const stored = await store.put(tx, { ...file, createdBy: actor.userId });
    const rowId = await ensureAssignmentTask(tx, id, assignmentTaskId);
    if (!rowId) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ / task not found');
    await insertEvidence(tx, rowId, stored.id);
    await recordAudit(tx, audit, {
      action: 'assignment.evidence_added',
      entityType: 'assignment_task',
      entityId: assignmentTaskId,
      orgId: v.row.org_id as string,
      orgPath: v.row.org_path as string,
      after: { file: stored.filename, sha256: stored.sha256 },
    });
  });
  return getAssignment(db, actor, id);
}

export async function submit(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Assignment> {
  const v = await getVisible(db, actor, id);
  requireReporter(v);
  const current = await getAssignment(db, actor, id);
  const open = current.tasks.filter((t) => t.status === 'not_started');
  if (open.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `Còn ${open.length} nhiệm vụ chưa báo cáo / ${open.length} tasks not reported`,
      open.map((t) => ({ path: `tasks.${t.id}`, message: 'not_started' })),
    );
  const reviewers = await issuerReviewers(db, v.row.issuer_org_id as string);
  return transition(db, actor, v, {
    version,
    from: ['pending', 'acknowledged', 'returned'],
    patch: { status: 'submitted', submittedAt: new Date() },
    event: 'submitted',
    audit,
    notify: { userIds: reviewers, title: `${String(v.row.org_name)} đã gửi báo cáo`, body: 'Báo cáo kết quả thực hiện công văn đang chờ xem xét.' },
  });
}

export async function review(
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'accept' | 'return'; comment: string | null; version: number },
  audit: AuditContext,
): Promise<Assignment> {
  const v = await getVisible(db, actor, id);
  if (!v.canReview) throw new AppError('FORBIDDEN', 'Chỉ đơn vị ban hành được xem xét báo cáo / only the issuer reviews');
  if (input.decision === 'return' && !input.comment)
    throw new AppError('VALIDATION_FAILED', 'Trả lại cần ghi rõ lý do / a returned report needs a comment', [{ path: 'body.comment', message: 'required' }]);
  const reporters = v.row.assignee_user_id ? [v.row.assignee_user_id as string] : [];
  return transition(db, actor, v, {
    version: input.version,
    from: ['submitted'],
    patch: { status: input.decision === 'accept' ? 'accepted' : 'returned', reviewedAt: new Date(), reviewComment: input.comment },
    event: input.decision === 'accept' ? 'accepted' : 'returned',
    comment: input.comment,
    audit,
    notify: { userIds: reporters, title: input.decision === 'accept' ? 'Báo cáo đã được chấp nhận' : 'Báo cáo bị trả lại', body: input.comment ?? '' },
  });
}

/** Coordinators granted on the issuing org or above, who review what comes back. */
async function issuerReviewers(db: Db, issuerOrgId: string): Promise<string[]> {
  return usersRepo.findUsersWithRoleAbove(db, issuerOrgId, ['province_coordinator', 'commune_coordinator']);
}
