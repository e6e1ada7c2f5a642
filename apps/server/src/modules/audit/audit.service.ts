import { and, desc, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { requireSomewhere, scopeSql, type Actor } from '../../platform/policy.js';
import { getVisibleOrg } from '../orgs/index.js';
import { findUserIdsMatching, findUserNames } from '../users/index.js';
import { containsPattern, prefixPattern } from '../../platform/db/like.js';
import { classifyActorLabel, personOf } from './audit-actors.js';

type Filter = {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  orgId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
};

/**
 * Entries are scoped by where the org sits now (so a moved commune's history moves
 * with it), falling back to the path recorded at the time for orgs since deleted.
 */
export async function listAudit(db: Db, actor: Actor, f: Filter): Promise<{ items: AuditEntry[]; total: number }> {
  // the org filter resolves first: an org outside the caller's tree is 404 whatever their rights
  const underPath = f.orgId ? (await getVisibleOrg(db, actor, f.orgId)).path : undefined;
  const scope = requireSomewhere(actor, 'audit:read');
  const effectivePath = sql`coalesce((select o.path from orgs o where o.id = ${auditLog.orgId}), ${auditLog.orgPath})`;
  const conds: SQL[] = [scopeSql(scope, effectivePath)];
  if (f.action) conds.push(sql`${auditLog.action} like ${prefixPattern(f.action)}`);
  if (f.entityType) conds.push(sql`${auditLog.entityType} = ${f.entityType}`);
  if (f.entityId) conds.push(sql`${auditLog.entityId} = ${f.entityId}`);
  if (f.actor) {
    // the label as recorded (e-mail, "cli:…", token name) or the name shown for it today
    const people = await findUserIdsMatching(db, f.actor);
    const byName = people.length ? sql` or ${auditLog.actorUserId} = any(${`{${people.join(',')}}`}::uuid[])` : sql``;
    conds.push(sql`(${auditLog.actorLabel} ilike ${containsPattern(f.actor)}${byName})`);
  }
  if (underPath) conds.push(sql`${effectivePath} <@ ${underPath}::ltree`);
  if (f.from) conds.push(sql`${auditLog.at} >= ${new Date(f.from)}`);
  if (f.to) conds.push(sql`${auditLog.at} <= ${new Date(f.to)}`);
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(f.limit).offset(f.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  const names = await findUserNames(db, rows.map(personOf));
  return {
    items: rows.map((r) => {
      const { kind, detail } = classifyActorLabel(r.actorLabel);
      const person = personOf(r);
      return {
        seq: r.seq,
        at: r.at.toISOString(),
        actorUserId: r.actorUserId,
        actorTokenId: r.actorTokenId,
        actorLabel: r.actorLabel,
        actorKind: kind,
        actorName: person ? (names.get(person) ?? null) : null,
        actorDetail: detail,
        ip: r.ip,
        requestId: r.requestId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        orgId: r.orgId,
        changes: r.changes as AuditEntry['changes'],
      };
    }),
    total: Number(totals[0]?.n ?? 0),
  };
}
