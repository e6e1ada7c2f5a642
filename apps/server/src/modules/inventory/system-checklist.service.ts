import { and, eq, sql } from 'drizzle-orm';
import type { Checklist, RegulationPack, RequirementBodySchema } from '@khien/contracts';
import type { z } from 'zod';
import { requirementsForLevel } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { FileStore } from '../../platform/files/files.js';
import { files as filesTable } from '../../platform/files/files.tables.js';
import { systemRequirements } from './inventory.tables.js';
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

/** The inventory's reader for the one download route: evidence of a requirement of a system the actor can see. */
export async function inventoryFileReader(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  const systems = await queryRows<{ system_id: string }>(
    db,
    sql`select distinct system_id from system_requirements where evidence_file_ids ? ${fileId} limit 50`,
  );
  for (const s of systems) {
    try {
      await getVisibleSystemRow(db, actor, s.system_id);
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
    }
  }
  return false;
}
