import { sql } from 'drizzle-orm';
import type { AlertBoard, AlertDetail, AlertSummary } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { authorize, inScope, scopeFor, scopeSql, requireSomewhere, type Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import { boardByCommune, boardNotAcknowledged, findAlertEvents, findAlerts, getAlertRow, type AlertRow } from './alerts.repo.js';
import { policyFor, reraiseAt } from './alerts-policy.js';
import { writeEvents } from './alerts-processor.js';

const ALERT_EVENT = { acknowledge: 'acknowledged', resolve: 'resolved', note: 'note', reopen: 'reopened' };
const ALERT_AUDIT_ACTION = { acknowledge: 'alert.acknowledged', resolve: 'alert.resolved', note: 'alert.noted', reopen: 'alert.reopened' };
const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null);
const SKEW_AHEAD_MS = 5 * 60_000;
const SKEW_BEHIND_MS = 7 * 86_400_000;

export function toSummary(r: AlertRow): AlertSummary {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity as AlertSummary['severity'],
    status: r.status as AlertSummary['status'],
    format: r.format as AlertSummary['format'],
    orgId: r.org_id,
    orgName: r.org_name,
    orgParentName: r.org_parent_name,
    communeName: r.commune_name,
    routedBy: r.routed_by as AlertSummary['routedBy'],
    host: r.host,
    ips: r.ips ?? [],
    occurredAt: iso(r.occurred_at),
    receivedAt: iso(r.received_at)!,
    lastSeenAt: iso(r.last_seen_at)!,
    count: Number(r.count),
    ackDueAt: iso(r.ack_due_at),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedByName: r.acknowledged_by_name,
    escalationStep: Number(r.escalation_step),
    overdue: Boolean(r.overdue),
    version: Number(r.version),
  };
}

/** The orgs whose alerts are "mine": where I hold a role that answers alerts, and those whose roster I am on. */
async function minePaths(db: Db, actor: Actor): Promise<string[]> {
  const rows = await queryRows<{ path: string }>(
    db,
    sql`select distinct o.path::text as path from grants g join orgs o on o.id = g.org_id
         where g.user_id = ${actor.userId} and g.role in ('duty_officer', 'unit_officer', 'telecom_contact', 'commune_coordinator')
        union
        select distinct o.path::text from duty_rotations r join orgs o on o.id = r.org_id where ${actor.userId} = any(r.participant_ids)
        union
        select distinct o.path::text from duty_overrides d join orgs o on o.id = d.org_id where d.user_id = ${actor.userId} and d.ends_at > now()`,
  );
  return rows.map((r) => r.path);
}

export async function listAlerts(
  db: Db,
  actor: Actor,
  q: {
    status: 'open' | 'new' | 'acknowledged' | 'resolved' | 'promoted' | 'all';
    severity?: string | undefined;
    orgId?: string | undefined;
    mine?: '1' | '0' | undefined;
    overdue?: '1' | '0' | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: AlertSummary[]; total: number }> {
  const scope = requireSomewhere(actor, 'alert:read');
  let underPath: string | undefined;
  if (q.orgId) {
    const org = await getOrgRef(db, q.orgId);
    authorize(actor, 'alert:read', org?.path ?? null);
    underPath = org!.path;
  }
  const rows = await findAlerts(
    db,
    {
      scope: scopeSql(scope, sql`o.path`),
      status: q.status,
      severity: q.severity,
      underPath,
      ...(q.mine === '1' ? { minePaths: await minePaths(db, actor) } : {}),
      overdue: q.overdue === '1',
      q: q.q,
    },
    q,
  );
  return { items: rows.map(toSummary), total: Number(rows[0]?.total ?? 0) };
}

/** Unseen: 404 as if it did not exist. Alerts not routed yet (a moment after intake) have no owner and are unseen too. */
async function visibleAlert(db: Db, actor: Actor, id: string) {
  const r = await getAlertRow(db, id);
  if (!r || !r.org_path || !inScope(scopeFor(actor, 'alert:read'), r.org_path)) throw domainError('NOT_FOUND', 'alert_not_found', 'alert not found');
  return r;
}

function rawText(raw: unknown): string {
  const text = JSON.stringify(raw ?? null, null, 2) ?? 'null';
  return text.length > 65_536 ? `${text.slice(0, 65_536)}\n…` : text;
}

export async function getAlert(db: Db, actor: Actor, id: string): Promise<AlertDetail> {
  const r = await visibleAlert(db, actor, id);
  const events = await findAlertEvents(db, id);
  const canAct = inScope(scopeFor(actor, 'alert:act'), r.org_path);
  const actions: AlertDetail['actions'] = [];
  if (canAct) {
    if (r.status === 'new') actions.push('acknowledge');
    if (r.status === 'new' || r.status === 'acknowledged') actions.push('resolve');
    actions.push('note');
    if (r.status === 'resolved') actions.push('reopen');
  }
  if (r.status !== 'promoted' && inScope(scopeFor(actor, 'incident:report'), r.org_path)) actions.push('promote');
  const occurred = r.occurred_at ? new Date(r.occurred_at).getTime() : null;
  const received = new Date(r.received_at).getTime();
  return {
    ...toSummary(r),
    description: r.description,
    sourceSeverity: r.source_severity,
    ruleId: r.rule_id,
    category: r.category,
    labels: r.labels ?? {},
    agentId: r.agent_id,
    assetId: r.asset_id,
    assetName: r.asset_name,
    route: r.route ?? [],
    senderName: r.sender_label,
    clockSkew: occurred === null ? null : occurred > received + SKEW_AHEAD_MS ? 'future' : occurred < received - SKEW_BEHIND_MS ? 'stale' : null,
    raw: rawText(r.raw),
    timeline: [
      { at: iso(r.received_at)!, kind: 'received', actor: r.sender_label, comment: null, params: { format: r.format } },
      ...events.map((e) => ({ at: iso(e.at)!, kind: e.kind, actor: e.actor_label, comment: e.comment, params: e.params })),
    ],
    actions,
  };
}

/**
 * A person's move on an alert. Acknowledging stops the chain and starts the re-raise clock;
 * resolving ends it; a note only adds to the timeline; reopening a resolved alert puts it back
 * as acknowledged by whoever reopened it. A stale version is refused: someone else acted.
 */
export async function actOnAlert(
  db: Db,
  actor: Actor,
  id: string,
  body: { action: 'acknowledge' | 'resolve' | 'note' | 'reopen'; comment?: string | undefined; version?: number | undefined },
  audit: AuditContext,
): Promise<AlertDetail> {
  const r = await visibleAlert(db, actor, id);
  authorize(actor, 'alert:act', r.org_path);
  if (body.version !== undefined && body.version !== Number(r.version)) {
    throw domainError('CONFLICT', 'stale_version', 'someone else acted on this alert meanwhile; reload', { version: Number(r.version) });
  }
  const allowed: Record<string, string[]> = {
    acknowledge: ['new'],
    resolve: ['new', 'acknowledged'],
    note: ['new', 'acknowledged', 'resolved', 'promoted'],
    reopen: ['resolved'],
  };
  if (!allowed[body.action]!.includes(r.status)) {
    throw domainError('CONFLICT', 'alert_action_not_allowed', `cannot ${body.action} an alert that is ${r.status}`, { action: body.action, status: r.status });
  }
  if (body.action === 'note' && !body.comment?.trim()) throw domainError('VALIDATION_FAILED', 'alert_note_empty', 'a note needs its text');
  const now = new Date();
  const policy = await policyFor(db, r.province_org_id);
  const severity = r.severity as AlertSummary['severity'];
  await db.transaction(async (tx) => {
    if (body.action === 'acknowledge' || body.action === 'reopen') {
      await tx.execute(sql`update alerts set status = 'acknowledged', acknowledged_at = ${now}, acknowledged_by = ${actor.userId}, resolved_at = null,
                                  next_action_at = ${reraiseAt(policy, severity, now)}, version = version + 1, updated_at = ${now} where id = ${id}`);
    } else if (body.action === 'resolve') {
      await tx.execute(
        sql`update alerts set status = 'resolved', resolved_at = ${now}, next_action_at = null, version = version + 1, updated_at = ${now} where id = ${id}`,
      );
    } else {
      await tx.execute(sql`update alerts set version = version + 1, updated_at = ${now} where id = ${id}`);
    }
    await writeEvents(tx, [{ alertId: id, kind: ALERT_EVENT[body.action], actor: actor.label, params: {} }], now, body.comment?.trim() || null);
    await recordAudit(tx, audit, {
      action: ALERT_AUDIT_ACTION[body.action],
      entityType: 'alert',
      entityId: id,
      orgId: r.org_id,
      orgPath: r.org_path,
      before: { status: r.status },
      after: {
        status: body.action === 'note' ? r.status : body.action === 'resolve' ? 'resolved' : 'acknowledged',
        ...(body.comment ? { comment: body.comment } : {}),
      },
    });
  });
  return getAlert(db, actor, id);
}

export async function alertBoard(db: Db, actor: Actor, orgId: string | undefined): Promise<AlertBoard> {
  const scope = requireSomewhere(actor, 'alert:read');
  let underPath: string | undefined;
  if (orgId) {
    const org = await getOrgRef(db, orgId);
    authorize(actor, 'alert:read', org?.path ?? null);
    underPath = org!.path;
  }
  const s = scopeSql(scope, sql`o.path`);
  const [byCommune, breaches, late] = [
    await boardByCommune(db, s, underPath),
    await findAlerts(db, { scope: s, status: 'new', underPath, overdue: true }, { limit: 50, offset: 0 }),
    await boardNotAcknowledged(db, s, underPath),
  ];
  return {
    at: new Date().toISOString(),
    byCommune: byCommune.map((b) => ({
      communeId: b.commune_id,
      communeName: b.commune_name,
      open: b.open,
      unacknowledged: b.unacknowledged,
      overdue: b.overdue,
      critical: b.critical,
    })),
    breaches: breaches.map(toSummary),
    notAcknowledgedBy: late.map((l) => ({
      orgId: l.org_id,
      orgName: l.org_name,
      orgParentName: l.org_parent_name,
      count: l.count,
      oldestDueAt: iso(l.oldest_due_at),
    })),
  };
}

/** What an incident opened from alerts takes from them (modules/incidents promotes, alerts never calls back). */
export interface PromotedAlert {
  id: string;
  title: string;
  severity: string;
  description: string;
  orgId: string;
  orgPath: string;
  host: string | null;
  ips: string[];
  assetId: string | null;
  occurredAt: Date | null;
  receivedAt: Date;
}

/**
 * Marks alerts as promoted to an incident, inside the caller's transaction: each must be seen by
 * the actor (404 otherwise) and not promoted already (409), its chain stops, and its timeline and
 * the audit log say which case it went to.
 */
export async function promoteAlerts(
  tx: Db,
  actor: Actor,
  ids: readonly string[],
  incident: { id: string; code: string },
  audit: AuditContext,
): Promise<PromotedAlert[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    severity: string;
    description: string;
    status: string;
    org_id: string | null;
    org_path: string | null;
    host: string | null;
    ips: string[];
    asset_id: string | null;
    occurred_at: string | Date | null;
    received_at: string | Date;
  }>(
    tx,
    sql`select a.id, a.title, a.severity, a.description, a.status, a.org_id, o.path::text as org_path, a.host, a.ips, a.asset_id, a.occurred_at, a.received_at
          from alerts a left join orgs o on o.id = a.org_id
         where a.id = any(${`{${ids.join(',')}}`}::uuid[]) order by a.received_at for update of a`,
  );
  const read = scopeFor(actor, 'alert:read');
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    if (!r || !r.org_path || !inScope(read, r.org_path)) throw domainError('NOT_FOUND', 'alert_not_found', 'alert not found', { id });
    if (r.status === 'promoted') throw domainError('CONFLICT', 'alert_already_promoted', 'this alert is already part of an incident', { id });
  }
  const now = new Date();
  await tx.execute(sql`update alerts set status = 'promoted', next_action_at = null, version = version + 1, updated_at = ${now}
                        where id = any(${`{${ids.join(',')}}`}::uuid[])`);
  await writeEvents(
    tx,
    rows.map((r) => ({ alertId: r.id, kind: 'promoted', actor: actor.label, params: { incident: incident.code, incidentId: incident.id } })),
    now,
  );
  for (const r of rows) {
    await recordAudit(tx, audit, {
      action: 'alert.promoted',
      entityType: 'alert',
      entityId: r.id,
      orgId: r.org_id,
      orgPath: r.org_path,
      before: { status: r.status },
      after: { status: 'promoted', incident: incident.code },
    });
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity,
    description: r.description,
    orgId: r.org_id!,
    orgPath: r.org_path!,
    host: r.host,
    ips: r.ips ?? [],
    assetId: r.asset_id,
    occurredAt: r.occurred_at ? new Date(r.occurred_at) : null,
    receivedAt: new Date(r.received_at),
  }));
}
