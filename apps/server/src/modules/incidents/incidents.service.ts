import { sql } from 'drizzle-orm';
import type { IncidentCreateBody, IncidentDetail, IncidentListQuery, IncidentSummary, RegulationPack } from '@khien/contracts';
import { checkDetectedAt, classifyIndicator, proposeSerious } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { authorize, requireSomewhere, scopeFor, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import { getOrgRef } from '../orgs/index.js';
import { defaultPack, packInForce } from '../inventory/index.js';
import type { WorkContext } from '../work/index.js';
import { canReviewClosure, CASE_COLUMNS, CASE_FROM, findCase, visibleCase, visibleSql, type CaseAccess, type CaseRow } from './incidents-access.js';
import { findReports, packOfCase, reportSummary, syncReports } from './incidents-reports.js';
import { loadParts, loadTimeline, nextCode, writeTimeline, type TimelineEntry } from './incidents.repo.js';

export interface IncidentDeps {
  db: Db;
  work: WorkContext;
}

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);
const COMMUNE_KINDS = `{commune,ward,special_zone}`;
export const TIMELINE_PAGE = 200;

export function toSummary(r: CaseRow, now = new Date()): IncidentSummary {
  const due = r.next_due_at ? new Date(r.next_due_at) : null;
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    severity: r.severity as IncidentSummary['severity'],
    category: r.category as IncidentSummary['category'],
    status: r.status as IncidentSummary['status'],
    orgId: r.org_id,
    orgName: r.org_name,
    orgParentName: r.org_parent_name,
    communeName: r.commune_name,
    handlerOrgId: r.handler_org_id,
    handlerOrgName: r.handler_name,
    serious: r.serious,
    personalData: r.personal_data,
    detectedAt: iso(r.detected_at)!,
    reportedAt: iso(r.reported_at)!,
    nextDueAt: iso(r.next_due_at),
    nextDueKind: r.next_due_kind as IncidentSummary['nextDueKind'],
    breached: due !== null && due.getTime() < now.getTime(),
    packId: r.pack_id,
    version: Number(r.version),
  };
}

/**
 * The pack in force for the unit when the incident was detected: the one its province chose (the
 * province decides what is in force for it, as for classification), otherwise the newest pack in
 * force on the day of detection. Fixed on the case once opened: a later choice changes nothing.
 */
export async function packAtDetection(db: Db, orgPath: string, detectedAt: Date): Promise<RegulationPack> {
  const { pack, chosenAt } = await packInForce(db, orgPath);
  return chosenAt ? pack : defaultPack(todayInVietnam(detectedAt));
}

/** Indicators as the server keeps them: classified, refanged, normalised; 422 naming each bad one. */
export function cleanIndicators(list: readonly { type?: string | undefined; value: string; note?: string | undefined }[]) {
  const out: { type: string; value: string; note: string | null }[] = [];
  const details: { path: string; message: string }[] = [];
  list.forEach((x, i) => {
    const r = classifyIndicator(x.value, x.type as Parameters<typeof classifyIndicator>[1]);
    if (r.ok) out.push({ type: r.type, value: r.value, note: x.note?.trim() || null });
    else details.push({ path: `indicators.${i}.value`, message: `${r.message.vi} / ${r.message.en}` });
  });
  if (details.length > 0) throw domainError('VALIDATION_FAILED', 'indicators_invalid', 'some indicators are not valid', { count: details.length }, details);
  return out;
}

async function orgAnchors(db: Db, orgId: string): Promise<{ commune: string | null; province: string | null }> {
  const [r] = await queryRows<{ commune: string | null; province: string | null }>(
    db,
    sql`select (select c.id from orgs c where c.path @> o.path and c.kind = any(${COMMUNE_KINDS}::text[]) order by c.depth desc limit 1) as commune,
               (select p.id from orgs p where p.path @> o.path and p.kind = 'province' order by p.depth desc limit 1) as province
          from orgs o where o.id = ${orgId}`,
  );
  return r ?? { commune: null, province: null };
}

/** Affected systems and assets must be the unit's (its subtree); their level proposes "serious" and their age bounds the detection time. */
async function checkAffected(db: Db, orgPath: string, systemIds: readonly string[], assetIds: readonly string[]) {
  const systems = systemIds.length
    ? await queryRows<{ id: string; level: number | null; created_at: string }>(
        db,
        sql`select s.id, s.level, s.created_at from info_systems s join orgs o on o.id = s.org_id
             where s.id = any(${`{${systemIds.join(',')}}`}::uuid[]) and o.path <@ ${orgPath}::ltree`,
      )
    : [];
  const assets = assetIds.length
    ? await queryRows<{ id: string }>(
        db,
        sql`select a.id from assets a join orgs o on o.id = a.org_id where a.id = any(${`{${assetIds.join(',')}}`}::uuid[]) and o.path <@ ${orgPath}::ltree`,
      )
    : [];
  const details = [
    ...systemIds.flatMap((id, i) => (systems.some((s) => s.id === id) ? [] : [{ path: `systemIds.${i}`, message: 'not a system of this unit' }])),
    ...assetIds.flatMap((id, i) => (assets.some((a) => a.id === id) ? [] : [{ path: `assetIds.${i}`, message: 'not an asset of this unit' }])),
  ];
  if (details.length > 0) throw domainError('VALIDATION_FAILED', 'incident_affected_unknown', 'some systems or assets are not the unit’s', {}, details);
  const levels = systems.map((s) => s.level).filter((l): l is number => l !== null);
  const oldest = systems.map((s) => new Date(s.created_at)).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return { maxLevel: levels.length ? Math.max(...levels) : null, notBefore: oldest };
}

export function detectionTime(value: string, notBefore: Date | null, field = 'detectedAt'): Date {
  const r = checkDetectedAt(value, { now: new Date(), notBefore });
  if (r.ok) return r.at;
  const early = notBefore ? 'before the affected system was registered' : 'too far in the past';
  const params: Record<string, string> = notBefore ? { notBefore: notBefore.toISOString() } : {};
  if (r.code === 'detected_at_future')
    throw domainError('VALIDATION_FAILED', 'detected_at_future', `${field} is in the future`, params, [{ path: field, message: 'in the future' }]);
  if (r.code === 'detected_at_too_early')
    throw domainError('VALIDATION_FAILED', 'detected_at_too_early', `${field} is ${early}`, params, [{ path: field, message: early }]);
  throw domainError('VALIDATION_FAILED', 'detected_at_invalid', `${field} is not a date and time with its offset (ISO 8601)`, params, [
    { path: field, message: 'not an ISO 8601 date and time with offset' },
  ]);
}

/** Opens a case (by hand, or from alerts with `promoted` set by the caller), its reports and their deadlines, in one transaction. */
export async function createIncident(
  deps: IncidentDeps,
  actor: Actor,
  body: IncidentCreateBody,
  audit: AuditContext,
  opts: { tx?: Db; timeline?: TimelineEntry[] } = {},
): Promise<string> {
  // inside the caller's transaction when given one: PGlite has one connection, a read beside it would wait forever
  const db = opts.tx ?? deps.db;
  const org = await getOrgRef(db, body.orgId);
  authorize(actor, 'incident:report', org?.path ?? null);
  const { maxLevel, notBefore } = await checkAffected(db, org!.path, body.systemIds, body.assetIds);
  const detectedAt = detectionTime(body.detectedAt, notBefore);
  const occurredAt = body.occurredAt ? detectionTime(body.occurredAt, null, 'occurredAt') : null;
  if (occurredAt && occurredAt.getTime() > detectedAt.getTime())
    throw domainError('VALIDATION_FAILED', 'occurred_after_detected', 'the incident cannot start after it was detected', {}, [
      { path: 'occurredAt', message: 'after detectedAt' },
    ]);
  const indicators = cleanIndicators(body.indicators);
  const pack = await packAtDetection(db, org!.path, detectedAt);
  const serious = body.serious ?? proposeSerious(pack.incidentReporting, { severity: body.severity, maxSystemLevel: maxLevel });
  const anchors = await orgAnchors(db, org!.id);
  const run = async (tx: Db) => {
    const code = await nextCode(tx, Number(todayInVietnam(detectedAt).slice(0, 4)));
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into incidents (code, org_id, handler_org_id, commune_org_id, province_org_id, title, description, severity, category, serious,
                                 personal_data, national_security, detected_at, occurred_at, pack_id, pack_version, reported_by)
          values (${code}, ${org!.id}, ${org!.id}, ${anchors.commune}, ${anchors.province}, ${body.title.trim()}, ${body.description.trim()}, ${body.severity},
                  ${body.category}, ${serious}, ${body.personalData}, ${body.nationalSecurity}, ${detectedAt}, ${occurredAt}, ${pack.id}, ${pack.version},
                  ${actor.kind === 'user' ? actor.userId : null})
          returning id`,
    );
    const id = row!.id;
    await linkAffected(tx, id, body.systemIds, body.assetIds);
    await insertIndicators(tx, id, actor, indicators);
    await writeTimeline(tx, id, actorRef(actor), [
      { kind: 'created', params: { code, serious, pack: pack.id, severity: body.severity } },
      ...(opts.timeline ?? []),
      ...(indicators.length ? [{ kind: 'indicator_added' as const, params: { count: indicators.length } }] : []),
    ]);
    const caseRow = (await findCase(tx, id))!;
    await syncReports(deps.work, tx, caseRow);
    await recordAudit(tx, audit, {
      action: 'incident.created',
      entityType: 'incident',
      entityId: id,
      orgId: org!.id,
      orgPath: org!.path,
      after: { code, title: body.title, severity: body.severity, category: body.category, serious, personalData: body.personalData, pack: pack.id },
    });
    return id;
  };
  return opts.tx ? run(opts.tx) : deps.db.transaction(run);
}

export function actorRef(actor: Actor): { userId: string | null; label: string } {
  return { userId: actor.kind === 'user' ? actor.userId : null, label: actor.label };
}

export async function linkAffected(tx: Db, id: string, systemIds: readonly string[], assetIds: readonly string[]): Promise<void> {
  if (systemIds.length)
    await tx.execute(
      sql`insert into incident_systems (incident_id, system_id) select ${id}, unnest(${`{${systemIds.join(',')}}`}::uuid[]) on conflict do nothing`,
    );
  if (assetIds.length)
    await tx.execute(
      sql`insert into incident_assets (incident_id, asset_id) select ${id}, unnest(${`{${assetIds.join(',')}}`}::uuid[]) on conflict do nothing`,
    );
}

/** Adds indicators, skipping those the case already has; the number added. */
export async function insertIndicators(
  tx: Db,
  id: string,
  actor: Actor,
  list: readonly { type: string; value: string; note: string | null }[],
): Promise<number> {
  if (list.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into incident_indicators (incident_id, type, value, note, added_by)
        select ${id}, x.type, x.value, x.note, ${actor.kind === 'user' ? actor.userId : null}::uuid
          from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(type text, value text, note text)
        on conflict (incident_id, type, value) do nothing returning id`,
  );
  return rows.length;
}

export async function getIncident(db: Db, actor: Actor, id: string): Promise<IncidentDetail> {
  return detailOf(db, actor, await visibleCase(db, actor, id));
}

export async function detailOf(db: Db, actor: Actor, a: CaseAccess): Promise<IncidentDetail> {
  const r = a.row;
  const [parts, reports, timeline, mergedInto] = await Promise.all([
    loadParts(db, r.id),
    findReports(db, r.id),
    loadTimeline(db, r.id, { limit: TIMELINE_PAGE, offset: 0 }),
    r.merged_into_id ? queryRows<{ code: string }>(db, sql`select code from incidents where id = ${r.merged_into_id}`) : Promise.resolve([]),
  ]);
  const pack = packOfCase(r);
  return {
    ...toSummary(r),
    description: r.description,
    nationalSecurity: r.national_security,
    occurredAt: iso(r.occurred_at),
    packVersion: r.pack_version,
    packTitle: pack.title,
    reopenedReason: r.reopened_reason,
    mergedIntoId: r.merged_into_id,
    mergedIntoCode: mergedInto[0]?.code ?? null,
    merged: parts.merged,
    systems: parts.systems,
    assets: parts.assets.map(({ id, name, kind, ips }) => ({ id, name, kind, ips })),
    alerts: parts.alerts,
    indicators: parts.indicators,
    indicatorsTotal: parts.indicatorsTotal,
    evidence: parts.evidence,
    team: parts.team,
    tasks: parts.tasks,
    reports: reports.map((x) => reportSummary(x)),
    timeline: timeline.items,
    timelineTotal: timeline.total,
    actions: actionsOf(actor, a),
    access: a.via,
  };
}

/** What the caller may do now; the web shows nothing else. */
export function actionsOf(actor: Actor, a: CaseAccess): IncidentDetail['actions'] {
  const r = a.row;
  const out: IncidentDetail['actions'] = [];
  const write = a.has('incident:report');
  const manage = a.has('incident:manage') && a.via === 'subtree';
  if (r.status === 'merged') return out;
  if (r.status === 'closed') {
    if (write || canReviewClosure(actor, r)) out.push('reopen');
    return out;
  }
  if (write) {
    out.push('note', 'indicator', 'evidence', 'task');
    if (a.via === 'subtree') out.push('edit', 'status', 'report');
    if (r.status !== 'closure_review' && a.via === 'subtree') out.push('close');
  }
  if (manage) {
    out.push('invite', 'merge');
    if (r.handler_org_id === r.org_id || !scopeForPath(actor, r.handler_path)) out.push('take_over');
  }
  if (r.status === 'closure_review' && canReviewClosure(actor, r)) out.push('review_closure');
  return [...new Set(out)];
}

function scopeForPath(actor: Actor, path: string): boolean {
  const s = scopeFor(actor, 'incident:manage');
  return s.all || s.paths.some((p) => path === p || path.startsWith(`${p}.`));
}

export async function listIncidents(db: Db, actor: Actor, q: IncidentListQuery): Promise<{ items: IncidentSummary[]; total: number }> {
  const scope = requireSomewhere(actor, 'incident:read');
  const where = [visibleSql(scope)];
  if (q.status === 'active') where.push(sql`i.status in ('open', 'contained', 'recovered', 'closure_review')`);
  else if (q.status !== 'all') where.push(sql`i.status = ${q.status}`);
  if (q.severity) where.push(sql`i.severity = ${q.severity}`);
  if (q.category) where.push(sql`i.category = ${q.category}`);
  if (q.communeId) {
    await filterOrg(db, actor, q.communeId);
    where.push(sql`i.commune_org_id = ${q.communeId}`);
  }
  if (q.orgId) where.push(sql`o.path <@ ${(await filterOrg(db, actor, q.orgId)).path}::ltree`);
  if (q.breached === '1') where.push(sql`i.next_due_at < now()`);
  if (q.personalData === '1') where.push(sql`i.personal_data`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(i.code ilike ${like} or i.title ilike ${like} or o.name ilike ${like})`);
  }
  const cond = sql.join(where, sql` and `);
  const [rows, total] = await Promise.all([
    queryRows<CaseRow>(
      db,
      sql`select ${CASE_COLUMNS}, '{}'::text[] as member_paths from ${CASE_FROM} where ${cond}
           order by (i.next_due_at < now()) desc nulls last, i.next_due_at asc nulls last, i.reported_at desc
           limit ${q.limit} offset ${q.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${CASE_FROM} where ${cond}`),
  ]);
  return { items: rows.map((r) => toSummary(r)), total: Number(total[0]?.n ?? 0) };
}

/** An org named in a filter: one the reader can see, or 404 as if it did not exist. */
export async function filterOrg(db: Db, actor: Actor, orgId: string): Promise<{ id: string; path: string }> {
  const org = await getOrgRef(db, orgId);
  authorize(actor, 'incident:read', org?.path ?? null);
  return org!;
}
