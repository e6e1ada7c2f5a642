import { sql } from 'drizzle-orm';
import type { Checklist, RegulationPack, RequirementBodySchema } from '@khien/contracts';
import type { z } from 'zod';
import { requirementsForLevel } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { FileStore } from '../../platform/files/files.js';
import { files as filesTable } from '../../platform/files/files.tables.js';
import { addEvidence, findItemIdBySource, getVisibleItem, keepEvidence, updateCheck, upsertItem, type WorkContext } from '../work/index.js';
import { requirementRows } from './systems.repo.js';
import { checklistIds } from './packs.service.js';
import { getVisibleSystemRow, getWritableSystemRow, packOfRow, type Row } from './systems.service.js';

/** The requirement checklist of a system's level: status, note and evidence per requirement. */
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
    packTitle: pack.title,
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

/** The system's work item, opened now if it was classified before the work module existed. */
async function systemItem(work: WorkContext, db: Db, row: Row, pack: RegulationPack, level: number): Promise<string> {
  return (
    (await findItemIdBySource(db, 'system', row.id)) ??
    (await db.transaction((tx) => upsertItem(work, tx, { kind: 'system', sourceId: row.id, orgId: row.org_id, checksTotal: checklistIds(pack, level).size })))
  );
}

/** One requirement's status, note and evidence list; the checklist is the system's work item's checks (a requirement met is a check done). */
export async function setRequirement(
  work: WorkContext,
  db: Db,
  actor: Actor,
  id: string,
  requirementId: string,
  body: z.infer<typeof RequirementBodySchema>,
  audit: AuditContext,
) {
  const row = await getWritableSystemRow(db, actor, id);
  const { pack, level } = checklistPack(row);
  if (!checklistIds(pack, level).has(requirementId))
    throw new AppError('NOT_FOUND', 'Yêu cầu không thuộc danh mục của cấp độ này / not in this level’s checklist');
  if (body.status === 'not_applicable' && !body.note.trim())
    throw new AppError('VALIDATION_FAILED', 'Cần ghi lý do không áp dụng / a reason is required', [{ path: 'note', message: 'required' }]);
  const itemId = await systemItem(work, db, row, pack, level);
  const v = await getVisibleItem(work, db, actor, itemId);
  await updateCheck(
    work,
    db,
    actor,
    v,
    requirementId,
    { status: body.status === 'met' ? 'done' : body.status, report: body.note, reason: body.status === 'not_applicable' ? body.note : null },
    audit,
  );
  // only files already attached here may stay; new ones arrive through the upload route
  if (body.evidenceFileIds) await keepEvidence(db, itemId, requirementId, body.evidenceFileIds);
  return itemOf(await getChecklist(db, actor, id), requirementId)!;
}

export async function addRequirementEvidence(
  work: WorkContext,
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
  const itemId = await systemItem(work, db, row, pack, level);
  await addEvidence(db, store, actor, await getVisibleItem(work, db, actor, itemId), requirementId, file, audit);
  return itemOf(await getChecklist(db, actor, id), requirementId)!;
}
