import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Checklist,
  Classification,
  ClassifyBodySchema,
  DossierBodySchema,
  DossierStatus,
  RegulationPack,
  RequirementBodySchema,
  System,
  SystemInput,
  SystemPatchSchema,
} from '@khien/contracts';
import { dossierDeadlines, foldVietnamese, proposeLevel, reassessDue, requirementsForLevel, validateAnswers } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { authorize, requireSomewhere, scopeFor, type Actor } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { FileStore } from '../../platform/files/files.js';
import { files as filesTable } from '../../platform/files/files.tables.js';
import { getOrgRef } from '../orgs/index.js';
import { infoSystems, systemClassifications, systemRequirements } from './inventory.tables.js';
import { findSystemById, findSystems, requirementRows, type SystemRow } from './systems.repo.js';
import { checklistIds, packById, packInForce } from './packs.service.js';
import { lookupRegulationPack } from '../../platform/regulations.js';
import { todayInVietnam } from '../../platform/time.js';

/** The pack (and version) the system was classified under; the newest version if that one is gone. */
function packOfRow(row: { pack_id: string | null; pack_version: string | null }): RegulationPack | null {
  if (!row.pack_id) return null;
  return (row.pack_version ? lookupRegulationPack(row.pack_id, row.pack_version) : null) ?? lookupRegulationPack(row.pack_id);
}

type Row = NonNullable<Awaited<ReturnType<typeof findSystemById>>>;

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const staleVersion = () => new AppError('CONFLICT', 'Hệ thống đã được người khác sửa, hãy tải lại / changed by someone else, reload');

function checklistCounts(row: SystemRow, reqs: { requirement_id: string; status: string }[]): System['checklist'] {
  const counts = { total: 0, met: 0, inProgress: 0, notApplicable: 0 };
  const pack = row.pack_id ? packOfRow(row) : undefined;
  if (!pack || row.level === null) return counts;
  const ids = checklistIds(pack, row.level);
  counts.total = ids.size;
  for (const r of reqs) {
    if (!ids.has(r.requirement_id)) continue;
    if (r.status === 'met') counts.met++;
    else if (r.status === 'in_progress') counts.inProgress++;
    else if (r.status === 'not_applicable') counts.notApplicable++;
  }
  return counts;
}

function toSystem(row: SystemRow, reqs: { requirement_id: string; status: string }[]): System {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    operatorOrgId: row.operator_org_id,
    operatorOrgName: row.operator_org_name,
    name: row.name,
    purpose: row.purpose,
    category: row.category as System['category'],
    userCount: row.user_count,
    userKinds: row.user_kinds,
    dataKinds: row.data_kinds,
    personalDataSubjects: row.personal_data_subjects,
    internetFacing: row.internet_facing,
    hosting: row.hosting,
    hostingProvider: row.hosting_provider,
    notes: row.notes,
    packId: row.pack_id,
    packVersion: row.pack_version,
    proposedLevel: row.proposed_level,
    level: row.level,
    classifiedAt: iso(row.classified_at),
    dossier: {
      status: row.dossier_status as DossierStatus,
      submittedOn: row.submitted_on,
      appraisedOn: row.appraised_on,
      approvedOn: row.approved_on,
      decisionNumber: row.decision_number,
      appraisalDue: row.appraisal_due,
      approvalDue: row.approval_due,
    },
    reassessDue: row.reassess_due,
    checklist: checklistCounts(row, reqs),
    assetCount: Number(row.asset_count),
    version: row.version,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export async function listSystems(
  db: Db,
  actor: Actor,
  q: {
    under?: string | undefined;
    q?: string | undefined;
    category?: string | undefined;
    level?: number | 'none' | undefined;
    dossier?: string | undefined;
    sort: 'name' | 'level' | 'updated';
    limit: number;
    offset: number;
  },
) {
  const scope = requireSomewhere(actor, 'inventory:read');
  let underPath: string | undefined;
  if (q.under) {
    const org = await getOrgRef(db, q.under);
    authorize(actor, 'inventory:read', org?.path ?? null);
    underPath = org!.path;
  }
  const { rows, total } = await findSystems(db, { ...q, scope, underPath, q: q.q ? foldVietnamese(q.q) : undefined });
  const reqs = await requirementRows(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      toSystem(
        r,
        reqs.filter((x) => x.system_id === r.id),
      ),
    ),
    total,
  };
}

/** A system the caller may see (owner or operator in scope), else 404. */
export async function getVisibleSystemRow(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await findSystemById(db, id);
  const scope = scopeFor(actor, 'inventory:read');
  const visible =
    row && (scope.all || scope.paths.some((p) => [row.org_path, row.operator_org_path].some((x) => x !== null && (x === p || x.startsWith(`${p}.`)))));
  if (!visible) throw new AppError('NOT_FOUND', 'Không tìm thấy hệ thống / system not found');
  return row;
}

async function getWritableSystemRow(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await getVisibleSystemRow(db, actor, id);
  authorize(actor, 'inventory:write', row.org_path);
  return row;
}

export async function getSystem(db: Db, actor: Actor, id: string): Promise<System> {
  const row = await getVisibleSystemRow(db, actor, id);
  return toSystem(row, await requirementRows(db, [id]));
}

async function checkOrgs(db: Db, actor: Actor, orgId: string, operatorOrgId: string | null) {
  const org = await getOrgRef(db, orgId);
  authorize(actor, 'inventory:write', org?.path ?? null);
  if (operatorOrgId) {
    const op = await getOrgRef(db, operatorOrgId);
    // the operator may sit anywhere the caller can see (a provincial data centre, a vendor)
    authorize(actor, 'org:read', op?.path ?? null);
  }
  return org!;
}

function rowValues(input: Partial<SystemInput>) {
  const v: Partial<typeof infoSystems.$inferInsert> = {};
  if (input.orgId !== undefined) v.orgId = input.orgId;
  if (input.operatorOrgId !== undefined) v.operatorOrgId = input.operatorOrgId;
  if (input.name !== undefined) v.name = input.name;
  if (input.purpose !== undefined) v.purpose = input.purpose;
  if (input.category !== undefined) v.category = input.category;
  if (input.userCount !== undefined) v.userCount = input.userCount;
  if (input.userKinds !== undefined) v.userKinds = [...new Set(input.userKinds)];
  if (input.dataKinds !== undefined) v.dataKinds = [...new Set(input.dataKinds)];
  if (input.personalDataSubjects !== undefined) v.personalDataSubjects = input.personalDataSubjects;
  if (input.internetFacing !== undefined) v.internetFacing = input.internetFacing;
  if (input.hosting !== undefined) v.hosting = input.hosting;
  if (input.hostingProvider !== undefined) v.hostingProvider = input.hostingProvider;
  if (input.notes !== undefined) v.notes = input.notes;
  return v;
}

const AUDITED = ['name', 'category', 'orgId', 'operatorOrgId', 'internetFacing', 'hosting', 'userCount', 'personalDataSubjects', 'dataKinds'] as const;
function audited(v: Partial<typeof infoSystems.$inferInsert>) {
  return Object.fromEntries(AUDITED.filter((k) => k in v).map((k) => [k, v[k]]));
}

export async function createSystem(db: Db, actor: Actor, input: SystemInput, audit: AuditContext): Promise<System> {
  const org = await checkOrgs(db, actor, input.orgId, input.operatorOrgId);
  const values = { ...rowValues(input), searchText: foldVietnamese(input.name), createdBy: actor.userId } as typeof infoSystems.$inferInsert;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(infoSystems).values(values).returning({ id: infoSystems.id });
    await recordAudit(tx, audit, {
      action: 'system.created',
      entityType: 'info_system',
      entityId: row!.id,
      orgId: org.id,
      orgPath: org.path,
      after: audited(values),
    });
    return row!.id;
  });
  return getSystem(db, actor, id);
}

export async function updateSystem(db: Db, actor: Actor, id: string, patch: z.infer<typeof SystemPatchSchema>, audit: AuditContext): Promise<System> {
  const before = await getWritableSystemRow(db, actor, id);
  const { version, ...input } = patch;
  const org =
    input.orgId !== undefined || input.operatorOrgId !== undefined
      ? await checkOrgs(db, actor, input.orgId ?? before.org_id, input.operatorOrgId ?? before.operator_org_id)
      : null;
  const values = rowValues(input);
  if (input.name !== undefined) values.searchText = foldVietnamese(input.name);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(infoSystems)
      .set({ ...values, version: sql`${infoSystems.version} + 1`, updatedAt: new Date() })
      .where(and(eq(infoSystems.id, id), eq(infoSystems.version, version)))
      .returning({ id: infoSystems.id });
    if (!row) throw staleVersion();
    await recordAudit(tx, audit, {
      action: 'system.updated',
      entityType: 'info_system',
      entityId: id,
      orgId: org?.id ?? before.org_id,
      orgPath: org?.path ?? before.org_path,
      before: audited(rowValues({ ...fromRow(before) })),
      after: audited(values),
    });
  });
  return getSystem(db, actor, id);
}

function fromRow(r: Row): Partial<SystemInput> {
  return {
    name: r.name,
    category: r.category as SystemInput['category'],
    orgId: r.org_id,
    operatorOrgId: r.operator_org_id,
    internetFacing: r.internet_facing,
    hosting: r.hosting as SystemInput['hosting'],
    userCount: r.user_count,
    personalDataSubjects: r.personal_data_subjects,
    dataKinds: r.data_kinds as SystemInput['dataKinds'],
  };
}

export async function deleteSystem(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<void> {
  const before = await getWritableSystemRow(db, actor, id);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(infoSystems)
      .where(and(eq(infoSystems.id, id), eq(infoSystems.version, version)))
      .returning({ id: infoSystems.id });
    if (!row) throw staleVersion();
    await recordAudit(tx, audit, {
      action: 'system.deleted',
      entityType: 'info_system',
      entityId: id,
      orgId: before.org_id,
      orgPath: before.org_path,
      before: { name: before.name, level: before.level, dossierStatus: before.dossier_status },
    });
  });
}

// ------------------------------------------------------------ classification

type ClassifyBody = z.infer<typeof ClassifyBodySchema>;

export async function classifySystem(db: Db, actor: Actor, id: string, body: ClassifyBody, audit: AuditContext): Promise<Classification> {
  const row = await getWritableSystemRow(db, actor, id);
  const pack = body.packId ? packById(body.packId) : (await packInForce(db, row.org_path)).pack;
  const problems = validateAnswers(pack, body.answers);
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `Câu trả lời không hợp lệ: ${problems[0]!.message.vi} / invalid answers`,
      problems.map((p) => ({ path: `answers.${p.questionId}`, message: p.message.vi })),
    );
  const proposal = proposeLevel(pack, body.answers, { category: row.category });
  const level = body.level ?? proposal.level;
  if (level < proposal.level)
    throw new AppError(
      'VALIDATION_FAILED',
      `Không được đề xuất thấp hơn cấp ${proposal.level} mà các câu trả lời xác định / cannot propose below the criteria`,
      [{ path: 'level', message: `>= ${proposal.level}` }],
    );
  const levelNote = body.levelNote?.trim() || null;
  if (level > proposal.level && !levelNote)
    throw new AppError('VALIDATION_FAILED', 'Đề xuất cấp cao hơn cần ghi lý do / a higher level needs a reason', [{ path: 'levelNote', message: 'required' }]);
  const reasons = proposal.reasons.map((r) => ({ questionId: r.questionId, optionId: r.optionId ?? null, minLevel: r.minLevel, text: r.text, mark: r.mark }));
  const result: Classification = {
    id: null,
    packId: pack.id,
    packVersion: pack.version,
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
    full_name: string | null;
    classified_at: string | Date;
  }>(
    db,
    sql`select c.*, u.full_name from system_classifications c left join users u on u.id = c.classified_by where c.system_id = ${id} order by c.classified_at desc limit 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    packId: r.pack_id,
    packVersion: r.pack_version,
    answers: r.answers,
    proposedLevel: r.proposed_level,
    level: r.level,
    reasons: r.reasons,
    unanswered: [],
    levelNote: r.level_note,
    classifiedBy: r.full_name,
    classifiedAt: new Date(r.classified_at).toISOString(),
  }));
}

// ------------------------------------------------------------ dossier

/** Which step may follow which: a returned dossier is corrected and submitted again. */
const NEXT: Record<DossierStatus, DossierStatus[]> = {
  drafting: ['submitted'],
  submitted: ['appraised', 'returned'],
  appraised: ['approved', 'returned'],
  approved: [],
  returned: ['submitted'],
};

export async function advanceDossier(db: Db, actor: Actor, id: string, body: z.infer<typeof DossierBodySchema>, audit: AuditContext): Promise<System> {
  const row = await getWritableSystemRow(db, actor, id);
  if (row.level === null || !row.pack_id) throw new AppError('CONFLICT', 'Hãy xác định cấp độ trước khi lập hồ sơ / classify the system first');
  const from = row.dossier_status as DossierStatus;
  if (!NEXT[from].includes(body.status))
    throw new AppError('CONFLICT', `Không chuyển được hồ sơ từ "${from}" sang "${body.status}" / dossier cannot go from ${from} to ${body.status}`);
  if (body.status === 'approved' && !body.decisionNumber)
    throw new AppError('VALIDATION_FAILED', 'Cần số quyết định phê duyệt / decision number required', [{ path: 'decisionNumber', message: 'required' }]);
  if (body.on > todayInVietnam())
    throw new AppError('VALIDATION_FAILED', 'Ngày không được ở tương lai / date is in the future', [{ path: 'on', message: 'future' }]);
  const earlier = body.status === 'appraised' ? row.submitted_on : body.status === 'approved' ? (row.appraised_on ?? row.submitted_on) : null;
  if (earlier && body.on < earlier)
    throw new AppError('VALIDATION_FAILED', `Ngày phải từ ${earlier} trở đi / date must be on or after ${earlier}`, [{ path: 'on', message: 'too early' }]);
  const pack = packOfRow(row) ?? packById(row.pack_id);
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
    await recordAudit(tx, audit, {
      action: 'system.dossier',
      entityType: 'info_system',
      entityId: id,
      orgId: row.org_id,
      orgPath: row.org_path,
      before: { status: from },
      after: { status: body.status, on: body.on, decisionNumber: body.decisionNumber },
      ...(body.note ? { note: { note: body.note } } : {}),
    });
  });
  return getSystem(db, actor, id);
}

// ------------------------------------------------------------ checklist

function checklistPack(row: Row): { pack: RegulationPack; level: number } {
  const pack = row.pack_id ? packOfRow(row) : undefined;
  if (!pack || row.level === null) throw new AppError('CONFLICT', 'Hệ thống chưa được xác định cấp độ / the system has no level yet');
  return { pack, level: row.level };
}

export async function getChecklist(db: Db, actor: Actor, id: string): Promise<Checklist> {
  const row = await getVisibleSystemRow(db, actor, id);
  const { pack, level } = checklistPack(row);
  const reqs = await requirementRows(db, [id]);
  const byId = new Map(reqs.map((r) => [r.requirement_id, r]));
  const fileIds = [...new Set(reqs.flatMap((r) => r.evidence_file_ids))];
  const names = new Map<string, string>();
  if (fileIds.length > 0) {
    const fs = await db
      .select({ id: filesTable.id, filename: filesTable.filename })
      .from(filesTable)
      .where(
        sql`${filesTable.id} in (${sql.join(
          fileIds.map((f) => sql`${f}`),
          sql`, `,
        )})`,
      );
    for (const f of fs) names.set(f.id, f.filename);
  }
  return {
    packId: pack.id,
    packVersion: pack.version,
    level,
    groups: requirementsForLevel(pack, level).map((g) => ({
      id: g.id,
      code: g.code ?? null,
      title: g.title,
      kind: g.kind,
      items: g.requirements.map((q) => {
        const r = byId.get(q.id);
        return {
          id: q.id,
          code: q.code ?? null,
          text: q.text,
          mark: q.mark,
          status: (r?.status ?? 'not_started') as Checklist['groups'][number]['items'][number]['status'],
          note: r?.note ?? '',
          evidence: (r?.evidence_file_ids ?? []).map((f) => ({ id: f, filename: names.get(f) ?? f })),
          updatedAt: r ? new Date(r.updated_at).toISOString() : null,
          updatedBy: r?.updated_by_name ?? null,
        };
      }),
    })),
  };
}

function itemOf(list: Checklist, requirementId: string) {
  for (const g of list.groups) for (const i of g.items) if (i.id === requirementId) return i;
  return undefined;
}

export async function setRequirement(
  db: Db,
  actor: Actor,
  id: string,
  requirementId: string,
  body: z.infer<typeof RequirementBodySchema> & { addEvidence?: string },
  audit: AuditContext,
) {
  const row = await getWritableSystemRow(db, actor, id);
  const { pack, level } = checklistPack(row);
  if (!checklistIds(pack, level).has(requirementId))
    throw new AppError('NOT_FOUND', 'Yêu cầu không thuộc danh mục của cấp độ này / not in this level’s checklist');
  if (body.status === 'not_applicable' && !body.note.trim())
    throw new AppError('VALIDATION_FAILED', 'Cần ghi lý do không áp dụng / a reason is required', [{ path: 'note', message: 'required' }]);
  const [current] = await db
    .select()
    .from(systemRequirements)
    .where(and(eq(systemRequirements.systemId, id), eq(systemRequirements.requirementId, requirementId)));
  let evidence = body.evidenceFileIds ?? current?.evidenceFileIds ?? [];
  if (body.evidenceFileIds) {
    // only files already attached here may stay; new ones arrive through the upload route
    const known = new Set(current?.evidenceFileIds ?? []);
    evidence = body.evidenceFileIds.filter((f) => known.has(f));
  }
  if (body.addEvidence) evidence = [...evidence, body.addEvidence].slice(-20);
  await db.transaction(async (tx) => {
    await tx
      .insert(systemRequirements)
      .values({ systemId: id, requirementId, status: body.status, note: body.note, evidenceFileIds: evidence, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: [systemRequirements.systemId, systemRequirements.requirementId],
        set: { status: body.status, note: body.note, evidenceFileIds: evidence, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await recordAudit(tx, audit, {
      action: 'system.requirement',
      entityType: 'info_system',
      entityId: id,
      orgId: row.org_id,
      orgPath: row.org_path,
      before: current ? { requirementId, status: current.status, evidence: current.evidenceFileIds.length } : { requirementId, status: 'not_started' },
      after: { requirementId, status: body.status, evidence: evidence.length },
    });
  });
  return itemOf(await getChecklist(db, actor, id), requirementId)!;
}

export async function addRequirementEvidence(
  db: Db,
  store: FileStore,
  actor: Actor,
  id: string,
  requirementId: string,
  file: { data: Buffer; filename: string; mime: string },
  audit: AuditContext,
) {
  const row = await getWritableSystemRow(db, actor, id);
  const { pack, level } = checklistPack(row);
  if (!checklistIds(pack, level).has(requirementId))
    throw new AppError('NOT_FOUND', 'Yêu cầu không thuộc danh mục của cấp độ này / not in this level’s checklist');
  const [current] = await db
    .select()
    .from(systemRequirements)
    .where(and(eq(systemRequirements.systemId, id), eq(systemRequirements.requirementId, requirementId)));
  const stored = await store.put(db, { ...file, createdBy: actor.userId });
  return setRequirement(
    db,
    actor,
    id,
    requirementId,
    { status: (current?.status ?? 'in_progress') as 'in_progress', note: current?.note ?? '', addEvidence: stored.id },
    audit,
  );
}

/** Evidence of one of the system's requirements, for download. */
export async function readEvidence(db: Db, store: FileStore, actor: Actor, id: string, fileId: string) {
  await getVisibleSystemRow(db, actor, id);
  const [hit] = await queryRows<{ n: number }>(
    db,
    sql`select 1 as n from system_requirements where system_id = ${id} and evidence_file_ids ? ${fileId} limit 1`,
  );
  if (!hit) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp / file not found');
  return store.get(db, fileId);
}
