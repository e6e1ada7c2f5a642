import { sql } from 'drizzle-orm';
import type { AlertPolicy, AlertSeverityValue } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { notifyMany, type NotifyInput } from '../notifications/index.js';
import { ackDueAt, policyFor, reraiseAt, stepDueAt } from './alerts-policy.js';
import { findRulesFor, placeOrgs, routeAlerts, type RouteInput } from './alerts-routing.js';
import { resolveStep } from './alerts-chain.js';
import { deliveriesFor, type ChannelMessage } from './alerts-channels.js';

const BATCH = 1000;

interface DueRow {
  id: string;
  sender_org_id: string;
  sender_path: string;
  sender_label: string;
  status: string;
  sender_status: string;
  severity: AlertSeverityValue;
  format: string;
  title: string;
  description: string;
  rule_id: string | null;
  category: string | null;
  host: string | null;
  hostnames: string[];
  ips: string[];
  labels: Record<string, string>;
  agent_id: string | null;
  org_id: string | null;
  org_path: string | null;
  org_name: string | null;
  commune_org_id: string | null;
  province_org_id: string | null;
  routed_at: string | Date | null;
  ack_due_at: string | Date | null;
  acknowledged_at: string | Date | null;
  acknowledged_by: string | null;
  escalation_step: number;
  received_at: string | Date;
}

interface Change {
  id: string;
  status: string;
  severity: AlertSeverityValue;
  orgId: string | null;
  communeOrgId: string | null;
  provinceOrgId: string | null;
  assetId?: string | null;
  routedBy?: string;
  route?: unknown;
  routedAt: Date | null;
  ackDueAt: Date | null;
  escalationStep: number;
  nextActionAt: Date | null;
  resolvedAt?: Date;
  bump: boolean;
}
interface Ev {
  alertId: string;
  kind: string;
  actor: string;
  params: Record<string, string | number | boolean | null>;
}

export interface ProcessResult {
  routed: number;
  notified: number;
  escalated: number;
  reraised: number;
  resolved: number;
}

const d = (v: string | Date | null): Date | null => (v ? new Date(v) : null);

/**
 * Everything due on the alerts, in batches: route the new ones, tell the chain's next step of
 * those not acknowledged in time (a step that finds nobody hands on to the next at once), raise
 * again the acknowledged ones left open, close those their sender resolved. Rows are taken with
 * `for update skip locked`, so several processes share the work, and the new state is written
 * in the same transaction as the notifications and channel messages it causes: a crash loses
 * nothing and tells nobody twice.
 */
export async function processDueAlerts(db: Db, now = new Date()): Promise<ProcessResult> {
  const total: ProcessResult = { routed: 0, notified: 0, escalated: 0, reraised: 0, resolved: 0 };
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await queryRows<DueRow>(
        tx,
        sql`select a.id, a.sender_org_id, s.path::text as sender_path, a.sender_label, a.status, a.sender_status, a.severity, a.format, a.title, a.description,
                   a.rule_id, a.category, a.host, a.hostnames, a.ips, a.labels, a.agent_id, a.org_id, o.path::text as org_path, o.name as org_name,
                   a.commune_org_id, a.province_org_id, a.received_at, a.routed_at, a.ack_due_at, a.acknowledged_at, a.acknowledged_by, a.escalation_step
              from alerts a join orgs s on s.id = a.sender_org_id left join orgs o on o.id = a.org_id
             where a.next_action_at <= ${now}
             order by a.next_action_at limit ${BATCH} for update of a skip locked`,
      );
      if (rows.length === 0) return 0;
      await handle(tx, rows, now, total);
      return rows.length;
    });
    if (n < BATCH) break;
  }
  return total;
}

async function handle(tx: Db, rows: DueRow[], now: Date, total: ProcessResult): Promise<void> {
  const changes = new Map<string, Change>();
  const events: Ev[] = [];
  const notes: NotifyInput[] = [];
  const messages: ChannelMessage[] = [];
  const base = (r: DueRow): Change => ({
    id: r.id,
    status: r.status,
    severity: r.severity,
    orgId: r.org_id,
    communeOrgId: r.commune_org_id,
    provinceOrgId: r.province_org_id,
    routedAt: d(r.routed_at),
    ackDueAt: d(r.ack_due_at),
    escalationStep: Number(r.escalation_step),
    nextActionAt: null,
    bump: false,
  });
  for (const r of rows) changes.set(r.id, base(r));

  // the sender resolved it (Alertmanager's "resolved", a syslog clear): closed, by the sender's word
  for (const r of rows) {
    if (r.sender_status === 'resolved' && (r.status === 'new' || r.status === 'acknowledged')) {
      Object.assign(changes.get(r.id)!, { status: 'resolved', resolvedAt: now, nextActionAt: null, bump: true });
      events.push({ alertId: r.id, kind: 'resolved', actor: r.sender_label, params: { bySender: true } });
      total.resolved++;
    }
  }

  // routing: once, when first due
  const unrouted = rows.filter((r) => !r.routed_at && changes.get(r.id)!.status === 'new');
  if (unrouted.length) {
    const inputs: RouteInput[] = unrouted.map((r) => ({
      senderPath: r.sender_path,
      senderOrgId: r.sender_org_id,
      agentId: r.agent_id,
      format: r.format,
      severity: r.severity,
      ruleId: r.rule_id,
      category: r.category,
      title: r.title,
      description: r.description,
      host: r.host,
      hostnames: r.hostnames ?? [],
      ips: r.ips ?? [],
      labels: r.labels ?? {},
    }));
    const routes = await routeAlerts(
      tx,
      inputs,
      await findRulesFor(
        tx,
        inputs.map((i) => i.senderPath),
      ),
    );
    const places = await placeOrgs(
      tx,
      routes.map((x) => x.orgId),
    );
    unrouted.forEach((r, i) => {
      const route = routes[i]!;
      const place = places.get(route.orgId);
      Object.assign(changes.get(r.id)!, {
        orgId: route.orgId,
        communeOrgId: place?.communeId ?? null,
        provinceOrgId: place?.provinceId ?? null,
        assetId: route.assetId,
        routedBy: route.by,
        route: route.reasons,
        routedAt: now,
        severity: route.severity,
        escalationStep: 0,
      });
      r.org_path = place?.path ?? null;
      r.org_name = place?.name ?? null;
      events.push({ alertId: r.id, kind: 'routed', actor: 'hệ thống', params: { org: place?.name ?? '', by: route.by } });
      total.routed++;
    });
  }

  const policies = new Map<string, AlertPolicy>();
  const policyOf = async (c: Change) => {
    const key = c.provinceOrgId ?? '';
    if (!policies.has(key)) policies.set(key, await policyFor(tx, c.provinceOrgId));
    return policies.get(key)!;
  };
  for (const r of rows) {
    const c = changes.get(r.id)!;
    // the deadline runs from when we received it: routing takes a moment, the sender's clock may be wrong
    if (c.status === 'new' && c.routedAt && r.routed_at === null) c.ackDueAt = ackDueAt(await policyOf(c), c.severity, new Date(r.received_at));
  }

  // the chain, in rounds: each round fires the due step of every alert still owed one
  const open = rows.filter((r) => changes.get(r.id)!.status === 'new' && changes.get(r.id)!.orgId);
  let forced = new Set<string>();
  for (let round = 0; round < 12; round++) {
    const firing: DueRow[] = [];
    for (const r of open) {
      const c = changes.get(r.id)!;
      const policy = await policyOf(c);
      const due = stepDueAt(policy, c.escalationStep, c.routedAt ?? now, c.ackDueAt);
      if (due && (due <= now || forced.has(r.id))) firing.push(r);
    }
    if (firing.length === 0) break;
    const nextForced = new Set<string>();
    // alerts at the same step of the same policy are told together
    const groups = new Map<string, DueRow[]>();
    for (const r of firing) {
      const c = changes.get(r.id)!;
      const k = `${c.provinceOrgId ?? ''}|${c.escalationStep}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    for (const group of groups.values()) {
      const c0 = changes.get(group[0]!.id)!;
      const policy = await policyOf(c0);
      const step = c0.escalationStep;
      const def = policy.chain[step]!;
      const told = await resolveStep(
        tx,
        def.targets,
        group.map((r) => changes.get(r.id)! as { orgId: string; communeOrgId: string | null; provinceOrgId: string | null }),
        now,
      );
      group.forEach((r, i) => {
        const c = changes.get(r.id)!;
        const people = told[i]!.people;
        const kind = step === 0 ? 'notified' : 'escalated';
        events.push({
          alertId: r.id,
          kind: people.length ? kind : 'nobody_told',
          actor: 'hệ thống',
          params: { step, label: def.label, people: people.length },
        });
        if (people.length) {
          notes.push({
            userIds: people,
            kind: step === 0 ? 'alert.new' : 'alert.escalated',
            params: { title: r.title.slice(0, 300), severity: c.severity, orgName: r.org_name ?? '', step, label: def.label },
            link: `/alerts/${r.id}`,
            // mail for what cannot wait: the serious ones, and every escalation
            email: step > 0 || c.severity === 'critical' || c.severity === 'high',
          });
          if (step === 0) total.notified++;
          else total.escalated++;
        } else nextForced.add(r.id);
        if (r.org_path)
          messages.push({
            alertId: r.id,
            orgPath: r.org_path,
            severity: c.severity,
            step,
            label: def.label,
            title: r.title,
            orgName: r.org_name ?? '',
            people: people.length,
            at: now,
          });
        c.escalationStep = step + 1;
      });
    }
    forced = nextForced;
  }
  for (const r of open) {
    const c = changes.get(r.id)!;
    const policy = await policyOf(c);
    const next = stepDueAt(policy, c.escalationStep, c.routedAt ?? now, c.ackDueAt);
    c.nextActionAt = next && next > now ? next : null;
  }

  // acknowledged and left open: raised again to whoever acknowledged it and to the owner's duty
  const forgotten = rows.filter((r) => r.status === 'acknowledged' && changes.get(r.id)!.status === 'acknowledged');
  for (const r of forgotten) {
    const c = changes.get(r.id)!;
    const policy = await policyOf(c);
    const people = r.acknowledged_by ? [r.acknowledged_by] : [];
    const duty = c.orgId
      ? await resolveStep(tx, policy.chain[0]!.targets, [c as { orgId: string; communeOrgId: string | null; provinceOrgId: string | null }], now)
      : [];
    const all = [...new Set([...people, ...(duty[0]?.people ?? [])])];
    notes.push({
      userIds: all,
      kind: 'alert.reraised',
      params: { title: r.title.slice(0, 300), severity: c.severity, orgName: r.org_name ?? '' },
      link: `/alerts/${r.id}`,
      email: true,
    });
    events.push({ alertId: r.id, kind: 'reraised', actor: 'hệ thống', params: { people: all.length } });
    c.nextActionAt = reraiseAt(policy, c.severity, now);
    total.reraised++;
  }

  await writeChanges(tx, [...changes.values()], now);
  await writeEvents(tx, events, now);
  await notifyMany(tx, notes);
  await deliveriesFor(tx, messages);
}

async function writeChanges(tx: Db, changes: readonly Change[], now: Date): Promise<void> {
  const json = JSON.stringify(
    changes.map((c) => ({
      id: c.id,
      status: c.status,
      severity: c.severity,
      org_id: c.orgId,
      commune_org_id: c.communeOrgId,
      province_org_id: c.provinceOrgId,
      asset_id: c.assetId ?? null,
      set_route: c.routedBy !== undefined,
      routed_by: c.routedBy ?? null,
      route: c.route ?? null,
      routed_at: c.routedAt?.toISOString() ?? null,
      ack_due_at: c.ackDueAt?.toISOString() ?? null,
      escalation_step: c.escalationStep,
      next_action_at: c.nextActionAt?.toISOString() ?? null,
      resolved_at: c.resolvedAt?.toISOString() ?? null,
      bump: c.bump,
    })),
  );
  await tx.execute(sql`
    update alerts a set status = x.status, severity = x.severity, org_id = x.org_id, commune_org_id = x.commune_org_id, province_org_id = x.province_org_id,
           asset_id = case when x.set_route then x.asset_id else a.asset_id end,
           routed_by = case when x.set_route then x.routed_by else a.routed_by end,
           route = case when x.set_route then x.route else a.route end,
           routed_at = x.routed_at, ack_due_at = x.ack_due_at, escalation_step = x.escalation_step, next_action_at = x.next_action_at,
           resolved_at = coalesce(x.resolved_at, a.resolved_at), version = a.version + (case when x.bump then 1 else 0 end), updated_at = ${now}
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, status text, severity text, org_id uuid, commune_org_id uuid, province_org_id uuid, asset_id uuid,
           set_route boolean, routed_by text, route jsonb, routed_at timestamptz, ack_due_at timestamptz, escalation_step int, next_action_at timestamptz,
           resolved_at timestamptz, bump boolean)
     where a.id = x.id`);
}

/** In the order given: one microsecond apart, so a timeline written in one go reads in that order. */
export async function writeEvents(tx: Db, events: readonly Ev[], now: Date, comment: string | null = null): Promise<void> {
  if (events.length === 0) return;
  const json = JSON.stringify(events.map((e, n) => ({ a: e.alertId, k: e.kind, u: e.actor, p: e.params, n })));
  await tx.execute(sql`
    insert into alert_events (alert_id, at, kind, actor_label, comment, params)
    select x.a, ${now}::timestamptz + x.n * interval '1 microsecond', x.k, x.u, ${comment}, x.p
      from jsonb_to_recordset(${json}::jsonb) as x(a uuid, k text, u text, p jsonb, n int)`);
}
