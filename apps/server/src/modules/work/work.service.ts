import type { CheckStatus, WorkAction, WorkSide, WorkStatus } from '@khien/formats';
import { allowedActions, isOverdue, transition, unsettledChecks } from '@khien/formats';
import type { WorkCheck, WorkItem, WorkSummary } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError, type AppError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { inScope, scopeFor, type Actor } from '../../platform/policy.js';
import { findUserNames } from '../users/index.js';
import { notifyUsers } from '../notifications/index.js';
import type { Audience } from './audience.js';
import type { ItemRef, WorkSource, WorkSources } from './work-sources.js';
import { findCheckRows, findEvents, findEvidence, findItemRow, insertEvent, updateItem, type ItemRow } from './work.repo.js';

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

export async function requireReportsTaken(db: Db, v: Visible): Promise<void> {
  const refused = v.source.refusesReports ? await v.source.refusesReports(db, refOf(v.row)) : null;
  if (refused) throw domainError('CONFLICT', 'work_reports_closed', `the source takes no more reports (${refused})`, { why: refused, status: v.row.status });
}

export function conflict(v: Visible, action: string): AppError {
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

/**
 * A submission waits until every check is reported: done, not applicable, or not done with its
 * reason (an honest "we could not, because…" is a report; silence is not). The refusal lists
 * the checks still open, by key and text, so the page can name them.
 */
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
      open.map((d) => ({ path: `checks.${d.key}`, message: byKey.get(d.key) ?? 'not_started', key: d.key, text: d.text.slice(0, 300) })),
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
