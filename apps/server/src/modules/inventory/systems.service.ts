import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DossierStatus, RegulationPack, System, SystemInput, SystemPatchSchema } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { authorize, requireSomewhere, scopeFor, type Actor } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { getOrgRef } from '../orgs/index.js';
import { infoSystems } from './inventory.tables.js';
import { findSystemById, findSystems, requirementRows, type SystemRow } from './systems.repo.js';
import { checklistIds } from './packs.service.js';
import { dossierStepsFor } from './dossier-duties.js';
import { lookupRegulationPack } from '../../platform/regulations.js';

/** Information systems: the registry (list, read, create, edit, delete). Level and dossier: system-level.service.ts; checklist: system-checklist.service.ts. */
/** The pack (and version) the system was classified under; the newest version if that one is gone. */
export function packOfRow(row: { pack_id: string | null; pack_version: string | null }): RegulationPack | null {
  if (!row.pack_id) return null;
  return (row.pack_version ? lookupRegulationPack(row.pack_id, row.pack_version) : null) ?? lookupRegulationPack(row.pack_id);
}

export type Row = NonNullable<Awaited<ReturnType<typeof findSystemById>>>;

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
export const staleVersion = () => domainError('CONFLICT', 'system_stale_version', 'changed by someone else, reload');

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
    packTitle: packOfRow(row)?.title ?? null,
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
  if (!visible) throw domainError('NOT_FOUND', 'system_not_found', 'system not found');
  return row;
}

export async function getWritableSystemRow(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await getVisibleSystemRow(db, actor, id);
  authorize(actor, 'inventory:write', row.org_path);
  return row;
}

export async function getSystem(db: Db, actor: Actor, id: string): Promise<System> {
  const row = await getVisibleSystemRow(db, actor, id);
  const [reqs, dossierSteps] = await Promise.all([requirementRows(db, [id]), dossierStepsFor(db, actor, row)]);
  return { ...toSystem(row, reqs), dossierSteps };
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
