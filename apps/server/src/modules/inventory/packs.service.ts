import { sql } from 'drizzle-orm';
import type { RegulationPack } from '@khien/contracts';
import { requirementsForLevel } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { authorize, requireSomewhere, type Actor } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { listRegulationPacks, lookupRegulationPack } from '../../platform/regulations.js';
import { getOrgRef } from '../orgs/index.js';
import { todayInVietnam } from '../../platform/time.js';
import { regulationChoices } from './inventory.tables.js';

/** The pack a province uses when nobody chose one: the newest in force today. */
export function defaultPack(today = todayInVietnam()): RegulationPack {
  const packs = listRegulationPacks();
  const inForce = packs.filter((p) => p.inForce.from <= today && (!p.inForce.until || p.inForce.until > today));
  const pick = (inForce.length > 0 ? inForce : packs).sort((a, b) => b.inForce.from.localeCompare(a.inForce.from))[0];
  if (!pick) throw domainError('INTERNAL', 'no_regulation_pack', 'no regulation pack installed');
  return pick;
}

export function packById(id: string): RegulationPack {
  const pack = lookupRegulationPack(id);
  if (!pack)
    throw domainError('VALIDATION_FAILED', 'regulation_pack_unknown', `unknown regulation pack ${id}`, { id }, [{ path: 'packId', message: 'unknown pack' }]);
  return pack;
}

/** The nearest choice at or above the org, as (pack, org that chose it). */
export async function packInForce(db: Db, orgPath: string): Promise<{ pack: RegulationPack; chosenAt: { id: string; name: string } | null }> {
  const [row] = await queryRows<{ pack_id: string; org_id: string; name: string }>(
    db,
    sql`select c.pack_id, o.id as org_id, o.name from regulation_choices c join orgs o on o.id = c.org_id
         where o.path @> ${orgPath}::ltree order by o.depth desc limit 1`,
  );
  const chosen = row ? lookupRegulationPack(row.pack_id) : undefined;
  if (row && chosen) return { pack: chosen, chosenAt: { id: row.org_id, name: row.name } };
  return { pack: defaultPack(), chosenAt: null };
}

export function packSummaries() {
  return listRegulationPacks().map((p) => ({
    id: p.id,
    version: p.version,
    title: p.title,
    inForce: { from: p.inForce.from, until: p.inForce.until ?? null },
    requirementCount: p.requirementGroups.reduce((n, g) => n + g.requirements.length, 0),
  }));
}

export async function getPackChoice(db: Db, actor: Actor, orgId: string) {
  const org = await getOrgRef(db, orgId);
  authorize(actor, 'inventory:read', org?.path ?? null);
  const { pack, chosenAt } = await packInForce(db, org!.path);
  return { orgId, packId: pack.id, chosenAt: chosenAt?.id ?? null, chosenAtName: chosenAt?.name ?? null, packs: packSummaries() };
}

export async function choosePack(db: Db, actor: Actor, body: { orgId: string; packId: string }, audit: AuditContext) {
  const org = await getOrgRef(db, body.orgId);
  authorize(actor, 'regulation:choose', org?.path ?? null);
  const pack = packById(body.packId);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(regulationChoices)
      .where(sql`${regulationChoices.orgId} = ${org!.id}`);
    await tx
      .insert(regulationChoices)
      .values({ orgId: org!.id, packId: pack.id, chosenBy: actor.userId })
      .onConflictDoUpdate({ target: regulationChoices.orgId, set: { packId: pack.id, chosenBy: actor.userId, chosenAt: new Date() } });
    await recordAudit(tx, audit, {
      action: 'regulation.chosen',
      entityType: 'org',
      entityId: org!.id,
      orgId: org!.id,
      orgPath: org!.path,
      before: before ? { packId: before.packId } : null,
      after: { packId: pack.id, packVersion: pack.version },
    });
  });
  return getPackChoice(db, actor, org!.id);
}

export function getPack(actor: Actor, id: string): RegulationPack {
  // any reader of any inventory may read the published rules
  requireSomewhere(actor, 'inventory:read');
  const pack = lookupRegulationPack(id);
  if (!pack) throw domainError('NOT_FOUND', 'regulation_pack_not_found', 'no such pack');
  return pack;
}

/** The requirement ids of the checklist a level brings under a pack. */
export function checklistIds(pack: RegulationPack, level: number): Set<string> {
  return new Set(requirementsForLevel(pack, level).flatMap((g) => g.requirements.map((r) => r.id)));
}
