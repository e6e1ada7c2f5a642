import { sql } from 'drizzle-orm';
import type { IncidentReportDetail } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/policy.js';
import { act, getVisibleItem } from '../work/index.js';
import { canReviewClosure, canReviewReports, requireVersion, requireWritable, visibleCase, type CaseAccess } from './incidents-access.js';
import { mergeFields, prefillFields } from './incidents-prefill.js';
import { findReports, parseFields, refreshNextDue, REPORT_WORK_KIND, reportDetail, requireComplete, type ReportRow } from './incidents-reports.js';
import { actorRef, type IncidentDeps } from './incidents.service.js';
import { writeTimeline } from './incidents.repo.js';

async function reportOf(db: Db, a: CaseAccess, reportId: string): Promise<ReportRow> {
  const r = (await findReports(db, a.row.id)).find((x) => x.id === reportId);
  if (!r) throw domainError('NOT_FOUND', 'incident_report_not_found', 'report not found');
  return r;
}

/** A statutory report is the unit's to file (its subtree, not the invited team); the team reads it. */
function requireFiler(a: CaseAccess): void {
  requireWritable(a);
  if (a.via !== 'subtree') throw domainError('FORBIDDEN', 'incident_report_not_yours', 'the unit files its reports; the response team reads them');
}

export async function getReport(db: Db, actor: Actor, incidentId: string, reportId: string): Promise<IncidentReportDetail> {
  const a = await visibleCase(db, actor, incidentId);
  const r = await reportOf(db, a, reportId);
  const fields = r.status === 'draft' || r.status === 'returned' ? mergeFields(await prefillFields(db, actor, a.row, r.kind), r.fields) : r.fields;
  return reportDetail(r, fields);
}

function checkReportVersion(r: ReportRow, version: number): void {
  if (Number(r.version) !== version)
    throw domainError('CONFLICT', 'stale_version', 'someone else saved this report meanwhile; reload', { version: Number(r.version) });
}

function requireEditable(r: ReportRow): void {
  if (r.status === 'submitted' || r.status === 'accepted')
    throw domainError('CONFLICT', 'incident_report_submitted', 'this report has been submitted and can no longer be changed', { status: r.status });
}

export async function saveReport(
  deps: IncidentDeps,
  actor: Actor,
  incidentId: string,
  reportId: string,
  body: { fields: Record<string, unknown>; version: number },
  audit: AuditContext,
): Promise<IncidentReportDetail> {
  const { db } = deps;
  const a = await visibleCase(db, actor, incidentId);
  requireFiler(a);
  const r = await reportOf(db, a, reportId);
  requireEditable(r);
  checkReportVersion(r, body.version);
  const fields = parseFields(r.kind, body.fields);
  await db.transaction(async (tx) => {
    await tx.execute(sql`update incident_reports set fields = ${JSON.stringify(fields)}::jsonb, version = version + 1, updated_at = now() where id = ${r.id}`);
    await writeTimeline(tx, a.row.id, actorRef(actor), [{ kind: 'report_saved', params: { report: r.kind } }]);
    await recordAudit(tx, audit, {
      action: 'incident.report_saved',
      entityType: 'incident_report',
      entityId: r.id,
      orgId: a.row.org_id,
      orgPath: a.row.org_path,
      after: { kind: r.kind, fields: Object.keys(fields).length },
    });
  });
  return getReport(db, actor, incidentId, reportId);
}

/**
 * Files a report: every required field filled (422 names the empty ones), the saved fields merged
 * with what the case knows and frozen as filed. A statutory report's work item is submitted (its
 * reminders stop; the province acknowledges receipt); the closure report puts the case in review
 * by the unit's parent.
 */
export async function submitReport(
  deps: IncidentDeps,
  actor: Actor,
  incidentId: string,
  reportId: string,
  version: number,
  audit: AuditContext,
): Promise<void> {
  const { db } = deps;
  const a = await visibleCase(db, actor, incidentId);
  requireFiler(a);
  const r = await reportOf(db, a, reportId);
  requireEditable(r);
  checkReportVersion(r, version);
  const fields = mergeFields(await prefillFields(db, actor, a.row, r.kind), r.fields);
  requireComplete(r.kind, fields);
  if (r.kind === 'closure' && a.row.status === 'open')
    throw domainError('CONFLICT', 'incident_not_recovered', 'contain the incident and restore service before asking to close it', { status: a.row.status });
  await db.transaction(async (tx) => {
    await tx.execute(sql`update incident_reports set fields = ${JSON.stringify(fields)}::jsonb, status = 'submitted', submitted_at = now(),
                           submitted_by = ${actor.kind === 'user' ? actor.userId : null}, reviewed_at = null, version = version + 1, updated_at = now()
                          where id = ${r.id}`);
    if (r.kind === 'closure') {
      await tx.execute(sql`update incidents set status = 'closure_review', version = version + 1, updated_at = now() where id = ${a.row.id}`);
    } else {
      await moveReportWork(deps, tx, actor, r.id, 'submit', 'owner', null, audit);
    }
    await refreshNextDue(tx, a.row.id);
    await writeTimeline(tx, a.row.id, actorRef(actor), [{ kind: r.kind === 'closure' ? 'closure_submitted' : 'report_submitted', params: { report: r.kind } }]);
    await recordAudit(tx, audit, {
      action: 'incident.report_submitted',
      entityType: 'incident_report',
      entityId: r.id,
      orgId: a.row.org_id,
      orgPath: a.row.org_path,
      before: { status: r.status },
      after: { status: 'submitted', kind: r.kind },
    });
  });
}

async function moveReportWork(
  deps: IncidentDeps,
  tx: Db,
  actor: Actor,
  reportId: string,
  action: 'submit' | 'accept' | 'return',
  side: 'owner' | 'reviewer',
  reason: string | null,
  audit: AuditContext,
): Promise<void> {
  const [w] = await queryRows<{ id: string }>(tx, sql`select id from work_items where kind = ${REPORT_WORK_KIND} and source_id = ${reportId}`);
  if (!w) return;
  const v = await getVisibleItem(deps.work, tx, actor, w.id);
  await act(deps.work, tx, actor, v, action, { version: Number(v.row.version), asSource: side, reason, audit });
}

/** The receiving side (the province, standing body of the response team) acknowledges a filed report or returns it with words. */
export async function reviewReport(
  deps: IncidentDeps,
  actor: Actor,
  incidentId: string,
  reportId: string,
  body: { decision: 'accept' | 'return'; comment?: string | undefined; version: number },
  audit: AuditContext,
): Promise<void> {
  const { db } = deps;
  const a = await visibleCase(db, actor, incidentId);
  const r = await reportOf(db, a, reportId);
  if (r.kind === 'closure') throw domainError('CONFLICT', 'incident_closure_review_elsewhere', 'a closure is reviewed with the closure review');
  if (!canReviewReports(actor, a.row)) throw domainError('FORBIDDEN', 'incident_report_not_reviewer', 'the province receives and reviews statutory reports');
  if (r.status !== 'submitted') throw domainError('CONFLICT', 'incident_report_not_submitted', 'only a submitted report is reviewed', { status: r.status });
  checkReportVersion(r, body.version);
  const comment = body.comment?.trim() || null;
  if (body.decision === 'return' && !comment)
    throw domainError('VALIDATION_FAILED', 'work_reason_required', 'a reason is required', {}, [{ path: 'comment', message: 'required' }]);
  await db.transaction(async (tx) => {
    await tx.execute(sql`update incident_reports set status = ${body.decision === 'accept' ? 'accepted' : 'returned'}, reviewed_at = now(),
                           review_comment = ${comment}, version = version + 1, updated_at = now() where id = ${r.id}`);
    await moveReportWork(deps, tx, actor, r.id, body.decision, 'reviewer', comment, audit);
    await refreshNextDue(tx, a.row.id);
    await writeTimeline(tx, a.row.id, actorRef(actor), [
      { kind: body.decision === 'accept' ? 'report_accepted' : 'report_returned', comment, params: { report: r.kind } },
    ]);
    await recordAudit(tx, audit, {
      action: 'incident.report_reviewed',
      entityType: 'incident_report',
      entityId: r.id,
      orgId: a.row.org_id,
      orgPath: a.row.org_path,
      before: { status: 'submitted' },
      after: { decision: body.decision, ...(comment ? { comment } : {}) },
    });
  });
}

/** Opens the closure report (once), pre-filled from nothing: cause, impact, actions, lessons are the unit's words. */
export async function startClosure(deps: IncidentDeps, actor: Actor, incidentId: string, audit: AuditContext): Promise<string> {
  const { db } = deps;
  const a = await visibleCase(db, actor, incidentId);
  requireFiler(a);
  if (a.row.status === 'closure_review') throw domainError('CONFLICT', 'incident_in_closure_review', 'the closure is already being reviewed');
  return db.transaction(async (tx) => {
    const [r] = await queryRows<{ id: string; inserted: boolean }>(
      tx,
      sql`insert into incident_reports (incident_id, kind) values (${a.row.id}, 'closure')
          on conflict (incident_id, kind) do update set updated_at = now() returning id, (xmax = 0) as inserted`,
    );
    if (r!.inserted) {
      await writeTimeline(tx, a.row.id, actorRef(actor), [{ kind: 'closure_started' }]);
      await recordAudit(tx, audit, {
        action: 'incident.closure_started',
        entityType: 'incident',
        entityId: a.row.id,
        orgId: a.row.org_id,
        orgPath: a.row.org_path,
        after: { report: r!.id },
      });
    }
    return r!.id;
  });
}

/**
 * The reporter's parent reviews the closure: accepting closes the case; returning sends it back
 * (recovered, the closure report open again) with words. Separation of duties: whoever filed the
 * closure cannot review it, and the unit itself has no grant above itself.
 */
export async function reviewClosure(
  deps: IncidentDeps,
  actor: Actor,
  incidentId: string,
  body: { decision: 'accept' | 'return'; comment?: string | undefined; version: number },
  audit: AuditContext,
): Promise<void> {
  const { db } = deps;
  const a = await visibleCase(db, actor, incidentId);
  if (!canReviewClosure(actor, a.row)) throw domainError('FORBIDDEN', 'incident_closure_not_reviewer', 'the unit’s parent reviews the closure');
  requireVersion(a, body.version);
  if (a.row.status !== 'closure_review')
    throw domainError('CONFLICT', 'incident_not_in_closure_review', 'no closure is waiting for review', { status: a.row.status });
  const closure = (await findReports(db, a.row.id)).find((x) => x.kind === 'closure');
  if (closure?.submitted_by && actor.kind === 'user' && closure.submitted_by === actor.userId)
    throw domainError('FORBIDDEN', 'incident_closure_own', 'the person who asked to close a case cannot approve it');
  const comment = body.comment?.trim() || null;
  if (body.decision === 'return' && !comment)
    throw domainError('VALIDATION_FAILED', 'work_reason_required', 'a reason is required', {}, [{ path: 'comment', message: 'required' }]);
  const accept = body.decision === 'accept';
  await db.transaction(async (tx) => {
    await tx.execute(sql`update incidents set status = ${accept ? 'closed' : 'recovered'}, closed_at = ${accept ? sql`now()` : sql`null`},
                           version = version + 1, updated_at = now() where id = ${a.row.id}`);
    if (closure)
      await tx.execute(sql`update incident_reports set status = ${accept ? 'accepted' : 'returned'}, reviewed_at = now(), review_comment = ${comment},
                             version = version + 1, updated_at = now() where id = ${closure.id}`);
    await writeTimeline(tx, a.row.id, actorRef(actor), [{ kind: accept ? 'closure_accepted' : 'closure_returned', comment }]);
    await recordAudit(tx, audit, {
      action: 'incident.closure_reviewed',
      entityType: 'incident',
      entityId: a.row.id,
      orgId: a.row.org_id,
      orgPath: a.row.org_path,
      before: { status: 'closure_review' },
      after: { status: accept ? 'closed' : 'recovered', ...(comment ? { comment } : {}) },
    });
  });
}
