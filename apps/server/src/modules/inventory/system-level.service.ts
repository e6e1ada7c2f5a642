import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Classification, ClassifyBodySchema, DossierBodySchema, DossierStatus, System } from '@khien/contracts';
import { dossierDeadlines, proposeLevel, reassessDue, validateAnswers } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { todayInVietnam } from '../../platform/time.js';
import { findUserNames } from '../users/index.js';
import { act, findItemIdBySource, getVisibleItem, upsertItem, type WorkContext } from '../work/index.js';
import { infoSystems, systemClassifications } from './inventory.tables.js';
import { checklistIds, packById, packInForce } from './packs.service.js';
import { getSystem, getVisibleSystemRow, getWritableSystemRow, packOfRow, staleVersion } from './systems.service.js';
import { DOSSIER_NEXT, REVIEW_STEPS, reviewRefusal } from './dossier-duties.js';

/** A system's security level (the wizard under the pack in force) and its level dossier. */
// ------------------------------------------------------------ classification

type ClassifyBody = z.infer<typeof ClassifyBodySchema>;

export async function classifySystem(db: Db, actor: Actor, id: string, body: ClassifyBody, audit: AuditContext, work: WorkContext): Promise<Classification> {
  const row = await getWritableSystemRow(db, actor, id);
  const pack = body.packId ? packById(body.packId) : (await packInForce(db, row.org_path)).pack;
  const problems = validateAnswers(pack, body.answers);
  if (problems.length > 0)
    throw domainError(
      'VALIDATION_FAILED',
      'level_answers_invalid',
      `invalid answers: ${problems[0]!.message.en}`,
      { count: problems.length },
      problems.map((p) => ({ path: `answers.${p.questionId}`, message: p.message.vi })),
    );
  const proposal = proposeLevel(pack, body.answers, { category: row.category });
  const level = body.level ?? proposal.level;
  if (level < proposal.level)
    throw domainError(
      'VALIDATION_FAILED',
      'level_below_criteria',
      `cannot propose below level ${proposal.level} set by the answers`,
      { level: proposal.level },
      [{ path: 'level', message: `>= ${proposal.level}` }],
    );
  const levelNote = body.levelNote?.trim() || null;
  if (level > proposal.level && !levelNote)
    throw domainError('VALIDATION_FAILED', 'level_reason_required', 'a higher level needs a reason', {}, [{ path: 'levelNote', message: 'required' }]);
  const reasons = proposal.reasons.map((r) => ({ questionId: r.questionId, optionId: r.optionId ?? null, minLevel: r.minLevel, text: r.text, mark: r.mark }));
  const result: Classification = {
    id: null,
    packId: pack.id,
    packVersion: pack.version,
    packTitle: pack.title,
    answers: body.answers,
    proposedLevel: proposal.level,
    level,
    reasons,
    unanswered: proposal.unanswered,
    levelNote,
    classifiedBy: null,
    classifiedAt: null,
  };
  if (body.preview) return result;
  const saved = await db.transaction(async (tx) => {
    const [upd] = await tx
      .update(infoSystems)
      .set({
        packId: pack.id,
        packVersion: pack.version,
        proposedLevel: proposal.level,
        level,
        classifiedAt: new Date(),
        // a new level means a new dossier
        ...(row.level !== level || row.pack_id !== pack.id
          ? { dossierStatus: 'drafting', submittedOn: null, appraisedOn: null, approvedOn: null, decisionNumber: null, appraisalDue: null, approvalDue: null }
          : {}),
        version: sql`${infoSystems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(infoSystems.id, id), eq(infoSystems.version, body.version)))
      .returning({ id: infoSystems.id });
    if (!upd) throw staleVersion();
    const [c] = await tx
      .insert(systemClassifications)
      .values({
        systemId: id,
        packId: pack.id,
        packVersion: pack.version,
        answers: body.answers,
        proposedLevel: proposal.level,
        level,
        reasons,
        levelNote,
        classifiedBy: actor.userId,
      })
      .returning();
    // the checklist of the level is work owed by the system's org; a new level restarts it (a new dossier)
    const changed = row.level !== level || row.pack_id !== pack.id;
    await upsertItem(work, tx, {
      kind: 'system',
      sourceId: id,
      orgId: row.org_id,
      checksTotal: checklistIds(pack, level).size,
      ...(changed ? { restartAs: 'acknowledged' as const, actorLabel: actor.label } : {}),
    });
    await recordAudit(tx, audit, {
      action: 'system.classified',
      entityType: 'info_system',
      entityId: id,
      orgId: row.org_id,
      orgPath: row.org_path,
      before: { level: row.level, packId: row.pack_id },
      after: { level, proposedLevel: proposal.level, packId: pack.id, packVersion: pack.version },
    });
    return c!;
  });
  return { ...result, id: saved.id, classifiedBy: actor.label, classifiedAt: saved.classifiedAt.toISOString() };
}

export async function listClassifications(db: Db, actor: Actor, id: string): Promise<Classification[]> {
  await getVisibleSystemRow(db, actor, id);
  const rows = await queryRows<{
    id: string;
    pack_id: string;
    pack_version: string;
    answers: Record<string, unknown>;
    proposed_level: number;
    level: number;
    reasons: Classification['reasons'];
    level_note: string | null;
    classified_by: string | null;
    classified_at: string | Date;
  }>(db, sql`select c.* from system_classifications c where c.system_id = ${id} order by c.classified_at desc limit 100`);
  const names = await findUserNames(
    db,
    rows.map((r) => r.classified_by),
  );
  return rows.map((r) => ({
    id: r.id,
    packId: r.pack_id,
    packVersion: r.pack_version,
    packTitle: packOfRow(r)?.title ?? null,
    answers: r.answers,
    proposedLevel: r.proposed_level,
    level: r.level,
    reasons: r.reasons,
    unanswered: [],
    levelNote: r.level_note,
    classifiedBy: r.classified_by ? (names.get(r.classified_by) ?? null) : null,
    classifiedAt: new Date(r.classified_at).toISOString(),
  }));
}

// ------------------------------------------------------------ dossier

export async function advanceDossier(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof DossierBodySchema>,
  audit: AuditContext,
  work: WorkContext,
): Promise<System> {
  const row = await getWritableSystemRow(db, actor, id);
  if (row.level === null || !row.pack_id) throw domainError('CONFLICT', 'dossier_needs_level', 'classify the system first');
  const from = row.dossier_status as DossierStatus;
  if (!DOSSIER_NEXT[from].includes(body.status))
    throw domainError('CONFLICT', 'dossier_out_of_order', `dossier cannot go from ${from} to ${body.status}`, { from, to: body.status });
  // separation of duties (dossier-duties.ts): the unit that submitted never appraises, approves or returns its own dossier
  if (REVIEW_STEPS.has(body.status)) {
    const refused = await reviewRefusal(db, actor, row);
    if (refused) throw refused;
  }
  if (body.status === 'approved' && !body.decisionNumber)
    throw domainError('VALIDATION_FAILED', 'decision_number_required', 'decision number required', {}, [{ path: 'decisionNumber', message: 'required' }]);
  if (body.on > todayInVietnam()) throw domainError('VALIDATION_FAILED', 'date_in_future', 'date is in the future', {}, [{ path: 'on', message: 'future' }]);
  const earlier = body.status === 'appraised' ? row.submitted_on : body.status === 'approved' ? (row.appraised_on ?? row.submitted_on) : null;
  if (earlier && body.on < earlier)
    throw domainError('VALIDATION_FAILED', 'date_too_early', `date must be on or after ${earlier}`, { earliest: earlier }, [
      { path: 'on', message: 'too early' },
    ]);
  const pack = packOfRow(row) ?? packById(row.pack_id);
  // a dossier may go with requirements not met (the appraiser judges them): the audit row says how many
  const unmet = body.status === 'submitted' ? unmetOf((await getSystem(db, actor, id)).checklist) : undefined;
  const set: Partial<typeof infoSystems.$inferInsert> = { dossierStatus: body.status };
  if (body.status === 'submitted') {
    const d = dossierDeadlines(pack, row.level, body.on);
    Object.assign(set, { submittedOn: body.on, appraisedOn: null, approvedOn: null, appraisalDue: d.appraisal.dueOn, approvalDue: d.approval.dueOn });
  } else if (body.status === 'appraised') {
    const d = dossierDeadlines(pack, row.level, row.submitted_on ?? body.on, { appraisedOn: body.on });
    Object.assign(set, { appraisedOn: body.on, approvalDue: d.approval.dueOn });
  } else if (body.status === 'approved') {
    Object.assign(set, { approvedOn: body.on, decisionNumber: body.decisionNumber, reassessDue: reassessDue(pack, row.level, body.on)?.dueOn ?? null });
  }
  await db.transaction(async (tx) => {
    const [upd] = await tx
      .update(infoSystems)
      .set({ ...set, version: sql`${infoSystems.version} + 1`, updatedAt: new Date() })
      .where(and(eq(infoSystems.id, id), eq(infoSystems.version, body.version)))
      .returning({ id: infoSystems.id });
    if (!upd) throw staleVersion();
    await moveSystemWork(work, tx, actor, row, body, set, audit);
    await recordAudit(tx, audit, {
      action: 'system.dossier',
      entityType: 'info_system',
      entityId: id,
      orgId: row.org_id,
      orgPath: row.org_path,
      before: { status: from },
      after: { status: body.status, on: body.on, decisionNumber: body.decisionNumber, ...(unmet !== undefined ? { unmetRequirements: unmet } : {}) },
      ...(body.note ? { note: { note: body.note } } : {}),
    });
  });
  return getSystem(db, actor, id);
}

const unmetOf = (c: System['checklist']) => Math.max(0, c.total - c.met - c.notApplicable);

const endOfDay = (d: string | null | undefined) => (d ? new Date(`${d}T23:59:59+07:00`) : null);

/**
 * The dossier's step as the work item's move: submitted is the owing org's submit, approved the
 * reviewer's accept, returned their return; appraised keeps it submitted with the approval as the
 * new review deadline. The inventory has authorised the step (its own rule), so it moves as the source.
 */
async function moveSystemWork(
  work: WorkContext,
  tx: Db,
  actor: Actor,
  row: { id: string; org_id: string; level: number | null },
  body: z.infer<typeof DossierBodySchema>,
  set: Partial<typeof infoSystems.$inferInsert>,
  audit: AuditContext,
): Promise<void> {
  let itemId = await findItemIdBySource(tx, 'system', row.id);
  itemId ??= await upsertItem(work, tx, { kind: 'system', sourceId: row.id, orgId: row.org_id, checksTotal: 0 });
  const v = await getVisibleItem(work, tx, actor, itemId);
  const reviewDue = endOfDay((set.approvalDue ?? set.appraisalDue) as string | null | undefined);
  if (body.status === 'submitted') {
    await act(work, tx, actor, v, 'submit', {
      version: v.row.version,
      asSource: 'owner',
      audit,
      patch: { reviewDueAt: endOfDay(set.appraisalDue as string | null) },
    });
  } else if (body.status === 'appraised') {
    await upsertItem(work, tx, { kind: 'system', sourceId: row.id, orgId: row.org_id, checksTotal: v.row.checksTotal, reviewDueAt: reviewDue });
  } else if (body.status === 'approved') {
    await act(work, tx, actor, v, 'accept', { version: v.row.version, asSource: 'reviewer', audit, patch: { reviewDueAt: null } });
  } else if (body.status === 'returned') {
    const reason = body.note?.trim() || 'Hồ sơ được trả lại để hoàn thiện';
    await act(work, tx, actor, v, 'return', { version: v.row.version, asSource: 'reviewer', reason, audit, patch: { reviewDueAt: null } });
  }
}
