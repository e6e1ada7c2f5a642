import type { CheckStatus } from '@khien/formats';
import { checkNeedsReason, OPEN_STATUSES } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, recordAuditBatch, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/policy.js';
import type { FileStore } from '../../platform/files/files.js';
import { sniffMime } from '../../platform/files/sniff.js';
import { usersRepo } from '../users/index.js';
import { notifyUsers } from '../notifications/index.js';
import { conflict, refOf, requireReportsTaken, staleItem, type Visible, type WorkContext } from './work.service.js';
import { ensureCheck, insertEvent, insertEvidence, updateItem, upsertCheck, upsertChecks } from './work.repo.js';

/** The owing org's reporting on an item: a check's status and report, its evidence, who does it. */
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

export interface CheckReport {
  key: string;
  status: CheckStatus;
  report: string;
  reason: string | null;
}

/**
 * Several checks reported at once — the officer edits five tasks on a phone and saves once. All or
 * nothing, in one transaction; the item's version guards the whole batch, so reports saved from
 * another device meanwhile are never overwritten unseen (409 stale_version, reload). One audit row
 * per check, as a single report writes.
 */
export async function updateChecks(
  ctx: WorkContext,
  db: Db,
  actor: Actor,
  v: Visible,
  input: { version: number; checks: readonly CheckReport[] },
  audit: AuditContext,
): Promise<void> {
  requireEditable(v);
  await requireReportsTaken(db, v);
  if (Number(v.row.version) !== input.version) throw staleItem();
  const keys = new Set((await v.source.checks(db, refOf(v.row))).map((d) => d.key));
  const seen = new Set<string>();
  const missingReason: { path: string; message: string }[] = [];
  const rows = input.checks.map((c, i) => {
    if (!keys.has(c.key))
      throw domainError('NOT_FOUND', 'work_check_not_found', 'no such check on this item', {}, [{ path: `checks.${i}.key`, message: 'unknown' }]);
    if (seen.has(c.key))
      throw domainError('VALIDATION_FAILED', 'work_check_repeated', `check ${c.key} is listed twice`, {}, [{ path: `checks.${i}.key`, message: 'repeated' }]);
    seen.add(c.key);
    if (c.status === 'risk_accepted') throw domainError('FORBIDDEN', 'work_risk_is_reviewers', 'accepting a risk is the reviewer’s decision');
    const reason = c.reason?.trim() || null;
    if (checkNeedsReason(c.status) && !reason) missingReason.push({ path: `checks.${i}.reason`, message: 'required' });
    return { key: c.key, status: c.status, report: c.report, reason: checkNeedsReason(c.status) ? reason : null };
  });
  if (missingReason.length > 0)
    throw domainError(
      'VALIDATION_FAILED',
      'work_reason_required',
      `${missingReason.length} checks need a reason`,
      { count: missingReason.length },
      missingReason,
    );
  const from = v.row.status;
  await db.transaction(async (tx) => {
    // reporting implies receipt: a pending or returned item is in progress from here (as one report does)
    const patch =
      from === 'pending'
        ? { status: 'in_progress', acknowledgedAt: new Date() }
        : from === 'acknowledged' || from === 'returned'
          ? { status: 'in_progress' }
          : {};
    const after = await updateItem(tx, v.row.id, input.version, OPEN_STATUSES, patch);
    if (!after) throw staleItem();
    if (from === 'pending') await insertEvent(tx, { itemId: v.row.id, actorLabel: actor.label, kind: 'acknowledged', comment: null });
    await upsertChecks(tx, v.row, rows, actor.userId);
    await recordAuditBatch(
      tx,
      audit,
      rows.map((r) => ({
        action: 'work.check_updated',
        entityType: 'work_item',
        entityId: v.row.id,
        orgId: v.row.orgId,
        orgPath: v.row.orgPath,
        after: { kind: v.row.kind, check: r.key, status: r.status, ...(r.reason ? { reason: r.reason } : {}) },
        note: { savedTogether: rows.length },
      })),
    );
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
