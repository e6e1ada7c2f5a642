import type { CheckStatus, WorkAction, WorkSide, WorkStatus } from '@khien/formats';
import { allowedActions, checkNeedsReason, isOverdue, OPEN_STATUSES, transition, unsettledChecks } from '@khien/formats';
import type { WorkCheck, WorkItem, WorkSummary } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError, type AppError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { inScope, scopeFor, type Actor } from '../../platform/policy.js';
import type { FileStore } from '../../platform/files/files.js';
import { sniffMime } from '../../platform/files/sniff.js';
import { findUserNames, usersRepo } from '../users/index.js';
import { notifyUsers } from '../notifications/index.js';
import type { Audience } from './audience.js';
import type { ItemRef, WorkSource, WorkSources } from './work-sources.js';
import {
  ensureCheck,
  findCheckRows,
  findEvents,
  findEvidence,
  findItemRow,
  insertEvent,
  insertEvidence,
  updateItem,
  upsertCheck,
  type ItemRow,
} from './work.repo.js';

/** What the work module is given at composition: the registered sources and who is told. */
export interface WorkContext {
  sources: WorkSources;
  audience: Audience;
}

export interface Visible {
  row: ItemRow;
  source: WorkSource;
  canReport: boolean;
  canReview: boolean;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function refOf(row: ItemRow): ItemRef {
  return { id: row.id, kind: row.kind, sourceId: row.sourceId, orgId: row.orgId, partIds: row.partIds, status: row.status };
}

/** The owing org's people see their item, the reviewing side sees it too; anyone else gets 404. */
export async function getVisibleItem(ctx: WorkContext, db: Db, actor: Actor, id: string): Promise<Visible> {
  const row = await findItemRow(db, id);
  const source = row && ctx.sources.has(row.kind) ? ctx.sources.get(row.kind) : undefined;
  if (!row || !source) throw notFoundItem();
  const read = scopeFor(actor, source.permissions.read);
  if (!(inScope(read, row.orgPath) || (row.reviewerOrgPath !== null && inScope(read, row.reviewerOrgPath)))) throw notFoundItem();
  return {
    row,
    source,
    canReport: inScope(scopeFor(actor, source.permissions.report), row.orgPath),
    canReview: row.reviewerOrgPath !== null && inScope(scopeFor(actor, source.permissions.review), row.reviewerOrgPath),
  };
}

function notFoundItem(): AppError {
  return domainError('NOT_FOUND', 'work_not_found', 'work item not found');
}

/** The item as the summary lists show it; `label` from its source. */
export function toSummary(row: ItemRow, label: { label: string; link: string } | undefined, assigneeName: string | null): WorkSummary {
  const status = row.status as WorkStatus;
  return {
    id: row.id,
    kind: row.kind,
    sourceId: row.sourceId,
    label: label?.label ?? row.kind,
    link: label?.link ?? `/work/${row.id}`,
    orgId: row.orgId,
    orgName: row.orgName,
    orgParentName: row.orgParentName,
    orgKind: row.orgKind as WorkSummary['orgKind'],
    status,
    statusReason: row.statusReason,
    assigneeUserId: row.assigneeUserId,
    assigneeName,
    dueAt: iso(row.dueAt),
    ackDueAt: iso(row.ackDueAt),
    reviewDueAt: iso(row.reviewDueAt),
    overdue: isOverdue(status, row.dueAt, new Date()),
    checksDone: row.checksDone,
    checksTotal: row.checksTotal,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** What the caller may do now: the state machine's moves for their sides, less those the source keeps to itself. */
export function actionsFor(v: Visible): WorkAction[] {
  const status = v.row.status as WorkStatus;
  const own = v.canReport ? allowedActions(status, 'owner') : [];
  const review = v.canReview ? allowedActions(status, 'reviewer') : [];
  const kept = new Set(v.source.sourceOnlyActions ?? []);
  return [...new Set([...own, ...review])].filter((a) => !kept.has(a));
}

export async function readItem(ctx: WorkContext, db: Db, v: Visible): Promise<WorkItem> {
  const ref = refOf(v.row);
  const [defs, rows, evidence, events, labels, names] = await Promise.all([
    v.source.checks(db, ref),
    findCheckRows(db, v.row.id),
    findEvidence(db, v.row.id),
    findEvents(db, v.row.id),
    v.source.describe(db, [ref]),
    findUserNames(db, [v.row.assigneeUserId]),
  ]);
  const byKey = new Map(rows.map((r) => [r.checkKey, r]));
  const updaters = await findUserNames(
    db,
    rows.map((r) => r.updatedBy),
  );
  const checks: WorkCheck[] = defs.map((d) => {
    const r = byKey.get(d.key);
    return {
      key: d.key,
      group: d.group,
      code: d.code,
      text: d.text,
      dueAt: iso(d.dueAt),
      status: (r?.status ?? 'not_started') as CheckStatus,
      report: r?.report ?? '',
      reason: r?.reason ?? null,
      evidence: r
        ? evidence.filter((e) => e.checkId === r.id).map((e) => ({ id: e.id, filename: e.filename, size: Number(e.size), mime: e.mime, sha256: e.sha256 }))
        : [],
      updatedAt: r ? r.updatedAt.toISOString() : null,
      updatedBy: r?.updatedBy ? (updaters.get(r.updatedBy) ?? null) : null,
    };
  });
  return {
    ...toSummary(v.row, labels.get(v.row.id), v.row.assigneeUserId ? (names.get(v.row.assigneeUserId) ?? null) : null),
    reviewerOrgId: v.row.reviewerOrgId,
    reviewerOrgName: v.row.reviewerOrgName,
    report: v.row.report,
    acknowledgedAt: iso(v.row.acknowledgedAt),
    submittedAt: iso(v.row.submittedAt),
    reviewedAt: iso(v.row.reviewedAt),
    reviewComment: v.row.reviewComment,
    checks,
    history: events.map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, kind: e.kind, comment: e.comment })),
    actions: actionsFor(v),
    canReport: v.canReport,
    canReview: v.canReview,
  };
}

export async function getItem(ctx: WorkContext, db: Db, actor: Actor, id: string): Promise<WorkItem> {
  return readItem(ctx, db, await getVisibleItem(ctx, db, actor, id));
}

/** The event word a move leaves in the history (and in the audit action `work.<event>`). */
const EVENT: Record<WorkAction, string> = {
  acknowledge: 'acknowledged',
  start: 'started',
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
  not_applicable: 'not_applicable',
  accept_risk: 'risk_accepted',
  reopen: 'reopened',
};

async function requireReportsTaken(db: Db, v: Visible): Promise<void> {
  const refused = v.source.refusesReports ? await v.source.refusesReports(db, refOf(v.row)) : null;
  if (refused) throw domainError('CONFLICT', 'work_reports_closed', `the source takes no more reports (${refused})`, { why: refused, status: v.row.status });
}

function conflict(v: Visible, action: string): AppError {
  const status = v.row.status as WorkStatus;
  return domainError(
    'CONFLICT',
    'work_transition_not_allowed',
    `"${action}" is not allowed while the item is ${status}`,
    { status, action },
    {
      status,
      allowed: actionsFor(v),
    },
  );
}

export interface MoveInput {
  version: number;
  reason?: string | null;
  audit: AuditContext;
  /** the source records this move itself (a dossier's appraisal): it has authorised the side */
  asSource?: WorkSide;
  /** extra columns the source sets with the move (a dossier's review deadline) */
  patch?: Partial<{ reviewDueAt: Date | null; dueAt: Date | null }>;
}

/**
 * One move of the state machine: allowed from the current status for the caller's side, with
 * its reason when one is required, version-checked, evented, audited and told, in one transaction.
 */
export async function act(ctx: WorkContext, db: Db, actor: Actor, v: Visible, action: WorkAction, input: MoveInput): Promise<void> {
  const from = v.row.status as WorkStatus;
  if (!input.asSource && (v.source.sourceOnlyActions ?? []).includes(action)) throw conflict(v, action);
  const sides: WorkSide[] = input.asSource ? [input.asSource] : [...(v.canReport ? ['owner' as const] : []), ...(v.canReview ? ['reviewer' as const] : [])];
  if (sides.length === 0) throw domainError('FORBIDDEN', 'work_not_yours', 'only the owing org or its reviewer may act on this item');
  let to: WorkStatus | null = null;
  let wrongSide = false;
  for (const side of sides) {
    const r = transition(from, action, side, input.reason);
    if (r.ok) {
      to = r.to;
      if (side === 'owner') await requireReportsTaken(db, v);
      break;
    }
    if (r.code === 'reason_required')
      throw domainError('VALIDATION_FAILED', 'work_reason_required', 'a reason is required', { action }, [{ path: 'reason', message: 'required' }]);
    if (r.code === 'wrong_side') wrongSide = true;
  }
  if (!to) {
    if (Number(v.row.version) !== input.version) throw staleItem();
    if (wrongSide && allowedActions(from, 'reviewer').includes(action)) throw domainError('FORBIDDEN', 'work_only_reviewer', 'the reviewer makes this move');
    if (wrongSide && allowedActions(from, 'owner').includes(action)) throw domainError('FORBIDDEN', 'work_only_owner', 'the owing org makes this move');
    throw conflict(v, action);
  }
  // a source moving itself keeps its own rule (a dossier may go with requirements not met)
  if (action === 'submit' && !input.asSource) await requireSettledChecks(db, v);
  const reason = input.reason?.trim() || null;
  const now = new Date();
  const patch: Record<string, unknown> = { status: to, ...input.patch };
  if (action === 'acknowledge') patch.acknowledgedAt = now;
  if (action === 'submit') patch.submittedAt = now;
  if (action === 'return' || action === 'accept' || action === 'accept_risk') Object.assign(patch, { reviewedAt: now, reviewComment: reason });
  if (action === 'not_applicable' || action === 'accept_risk') patch.statusReason = reason;
  if (action === 'reopen') Object.assign(patch, { statusReason: null, reviewComment: reason });
  await db.transaction(async (tx) => {
    const after = await updateItem(tx, v.row.id, input.version, [from], patch);
    if (!after) {
      if (Number(v.row.version) !== input.version) throw staleItem();
      throw conflict(v, action);
    }
    await insertEvent(tx, { itemId: v.row.id, actorLabel: actor.label, kind: EVENT[action], comment: reason });
    await tellAboutMove(ctx, tx, v, action, reason);
    await v.source.onTransition?.(tx, refOf(v.row), { from, to, action });
    await recordAudit(tx, input.audit, {
      action: `work.${EVENT[action]}`,
      entityType: 'work_item',
      entityId: v.row.id,
      orgId: v.row.orgId,
      orgPath: v.row.orgPath,
      before: { status: from },
      after: { status: to, kind: v.row.kind, ...(reason ? { reason } : {}) },
    });
  });
}

export function staleItem(): AppError {
  return domainError('CONFLICT', 'stale_version', 'someone else changed this item; reload it');
}

/** A submission waits until every check is done or set aside with a reason. */
async function requireSettledChecks(db: Db, v: Visible): Promise<void> {
  const [defs, rows] = await Promise.all([v.source.checks(db, refOf(v.row)), findCheckRows(db, v.row.id)]);
  const byKey = new Map(rows.map((r) => [r.checkKey, r.status as CheckStatus]));
  const statuses = defs.map((d) => byKey.get(d.key) ?? 'not_started');
  const open = unsettledChecks(statuses).map((i) => defs[i]!);
  if (open.length > 0)
    throw domainError(
      'VALIDATION_FAILED',
      'work_checks_unsettled',
      `${open.length} checks are neither done nor set aside`,
      { count: open.length },
      open.map((d) => ({ path: `checks.${d.key}`, message: byKey.get(d.key) ?? 'not_started' })),
    );
}

/** Who hears of a move: the reviewers of a submission; the owing org (its assignee first) of a review. */
async function tellAboutMove(ctx: WorkContext, tx: Db, v: Visible, action: WorkAction, reason: string | null): Promise<void> {
  const { row, source } = v;
  const described = (await source.describe(tx, [refOf(row)])).get(row.id);
  const label = described?.label ?? row.kind;
  const link = described?.link ?? `/work/${row.id}`;
  if (action === 'submit' && row.reviewerOrgId && row.reviewerOrgPath) {
    let people = await ctx.audience.onOrg(tx, row.reviewerOrgId, source.reviewerRoles);
    if (people.length === 0) people = (await ctx.audience.above(tx, row.reviewerOrgPath, source.reviewerRoles))[0]?.userIds ?? [];
    await notifyUsers(tx, { userIds: people, kind: 'work.submitted', params: { label, orgName: row.orgName }, link, email: true });
  }
  if (action === 'return' || action === 'accept' || action === 'accept_risk' || action === 'reopen') {
    const people = row.assigneeUserId ? [row.assigneeUserId] : await ctx.audience.onOrg(tx, row.orgId, source.ownerRoles);
    await notifyUsers(tx, { userIds: people, kind: `work.${EVENT[action]}`, params: { label, orgName: row.orgName, reason }, link, email: true });
  }
}

const OPEN = new Set<string>(OPEN_STATUSES);
/** Statuses whose checks the owing org may still change. */
function requireEditable(v: Visible): void {
  if (!v.canReport) throw domainError('FORBIDDEN', 'work_only_owner', 'only the owing org reports');
  if (!OPEN.has(v.row.status))
    throw domainError('CONFLICT', 'work_not_editable', `the item is ${v.row.status}`, { status: v.row.status }, { status: v.row.status });
}

async function requireCheck(db: Db, v: Visible, key: string) {
  const def = (await v.source.checks(db, refOf(v.row))).find((d) => d.key === key);
  if (!def) throw domainError('NOT_FOUND', 'work_check_not_found', 'no such check on this item');
  return def;
}

/** Reporting on a check: it moves a pending item to acknowledged and on to in progress (receipt implied). */
async function impliedStart(tx: Db, v: Visible, actor: Actor): Promise<void> {
  let version = v.row.version;
  if (v.row.status === 'pending') {
    const r = await updateItem(tx, v.row.id, version, ['pending'], { status: 'acknowledged', acknowledgedAt: new Date() });
    if (!r) return;
    version = r.version;
    await insertEvent(tx, { itemId: v.row.id, actorLabel: actor.label, kind: 'acknowledged', comment: null });
  }
  if (v.row.status === 'pending' || v.row.status === 'acknowledged' || v.row.status === 'returned') {
    await updateItem(tx, v.row.id, version, ['acknowledged', 'returned'], { status: 'in_progress' });
  }
}

export async function updateCheck(
  ctx: WorkContext,
  db: Db,
  actor: Actor,
  v: Visible,
  key: string,
  input: { status: CheckStatus; report: string; reason: string | null },
  audit: AuditContext,
): Promise<void> {
  requireEditable(v);
  await requireReportsTaken(db, v);
  await requireCheck(db, v, key);
  if (input.status === 'risk_accepted') throw domainError('FORBIDDEN', 'work_risk_is_reviewers', 'accepting a risk is the reviewer’s decision');
  const reason = input.reason?.trim() || null;
  if (checkNeedsReason(input.status) && !reason)
    throw domainError('VALIDATION_FAILED', 'work_reason_required', 'a reason is required', { status: input.status }, [{ path: 'reason', message: 'required' }]);
  await db.transaction(async (tx) => {
    await upsertCheck(tx, v.row, key, {
      status: input.status,
      report: input.report,
      reason: checkNeedsReason(input.status) ? reason : null,
      updatedBy: actor.userId,
    });
    await impliedStart(tx, v, actor);
    await recordAudit(tx, audit, {
      action: 'work.check_updated',
      entityType: 'work_item',
      entityId: v.row.id,
      orgId: v.row.orgId,
      orgPath: v.row.orgPath,
      after: { kind: v.row.kind, check: key, status: input.status, ...(reason ? { reason } : {}) },
    });
  });
}

/** Evidence is something a reviewer can open: documents, images, text; not unknown binaries, HTML or scripts. */
const EVIDENCE_REFUSED = new Set(['application/octet-stream']);
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

export async function addEvidence(
  db: Db,
  store: FileStore,
  actor: Actor,
  v: Visible,
  key: string,
  file: { data: Buffer; filename: string; mime: string },
  audit: AuditContext,
): Promise<void> {
  requireEditable(v);
  await requireReportsTaken(db, v);
  await requireCheck(db, v, key);
  if (file.data.length > MAX_EVIDENCE_BYTES) throw domainError('PAYLOAD_TOO_LARGE', 'work_evidence_too_large', 'evidence over 25 MB', { maxMb: 25 });
  if (EVIDENCE_REFUSED.has(sniffMime(file.data, file.filename)))
    throw domainError('UNSUPPORTED_MEDIA_TYPE', 'work_evidence_type_refused', 'evidence must be a PDF, an image, an office document or text', {
      filename: file.filename,
    });
  await db.transaction(async (tx) => {
    const stored = await store.put(tx, { ...file, createdBy: actor.userId });
    const checkId = await ensureCheck(tx, v.row, key);
    await insertEvidence(tx, { checkId, itemId: v.row.id, fileId: stored.id });
    await recordAudit(tx, audit, {
      action: 'work.evidence_added',
      entityType: 'work_item',
      entityId: v.row.id,
      orgId: v.row.orgId,
      orgPath: v.row.orgPath,
      after: { kind: v.row.kind, check: key, file: stored.filename, sha256: stored.sha256 },
    });
  });
}

/** Handing the item to one officer of the owing org (or taking it back); assigning implies receipt. */
export async function assign(ctx: WorkContext, db: Db, actor: Actor, v: Visible, userId: string | null, version: number, audit: AuditContext): Promise<void> {
  requireEditable(v);
  let name: string | null = null;
  if (userId) {
    const u = await usersRepo.findUserWithOrg(db, userId);
    // the officer must belong to the owing org's subtree: a user elsewhere does not exist here
    if (!u || !(u.homeOrgPath === v.row.orgPath || u.homeOrgPath.startsWith(`${v.row.orgPath}.`)))
      throw domainError('NOT_FOUND', 'work_officer_not_found', 'no such officer in this org');
    name = u.fullName;
  }
  await db.transaction(async (tx) => {
    const after = await updateItem(tx, v.row.id, version, OPEN_STATUSES, {
      assigneeUserId: userId,
      ...(v.row.status === 'pending' ? { status: 'acknowledged', acknowledgedAt: new Date() } : {}),
    });
    if (!after) {
      if (v.row.version !== version) throw staleItem();
      throw conflict(v, 'assign');
    }
    await insertEvent(tx, { itemId: v.row.id, actorLabel: actor.label, kind: 'assigned', comment: name });
    if (userId) {
      const described = (await v.source.describe(tx, [refOf(v.row)])).get(v.row.id);
      await notifyUsers(tx, {
        userIds: [userId],
        kind: 'work.assigned',
        params: { label: described?.label ?? v.row.kind, orgName: v.row.orgName, dueAt: v.row.dueAt?.toISOString() ?? null },
        link: described?.link ?? `/work/${v.row.id}`,
        email: true,
      });
    }
    await recordAudit(tx, audit, {
      action: 'work.assigned',
      entityType: 'work_item',
      entityId: v.row.id,
      orgId: v.row.orgId,
      orgPath: v.row.orgPath,
      before: { assignee: v.row.assigneeUserId },
      after: { assignee: userId },
    });
  });
}
