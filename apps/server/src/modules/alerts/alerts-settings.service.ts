import { sql } from 'drizzle-orm';
import type { AlertChannel, AlertPolicy, RoutingRule } from '@khien/contracts';
import { parseAlertBody, parseIpRange } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { authorize, requireSomewhere, scopeSql, type Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import { policyFor } from './alerts-policy.js';
import { findRulesFor, placeOrgs, routeAlerts } from './alerts-routing.js';
import { newChannelSecret } from './alerts-channels.js';

type RuleInput = { name: string; enabled: boolean; match: RoutingRule['match']; action: RoutingRule['action']; position?: number | undefined };

/** Rules, the policy and channels belong to the coordinator's own org (the province, or a commune for its own subtree). */
async function configurableOrg(db: Db, actor: Actor, orgId: string) {
  const org = await getOrgRef(db, orgId);
  authorize(actor, 'alert:read', org?.path ?? null);
  authorize(actor, 'alert:configure', org!.path);
  return org!;
}

async function checkRule(db: Db, scopePath: string, input: Partial<RuleInput>): Promise<void> {
  if (input.match?.ipCidr && !parseIpRange(input.match.ipCidr, { hostBits: 'normalise' }).ok) {
    throw domainError('VALIDATION_FAILED', 'alert_rule_bad_cidr', 'the CIDR of the rule is not valid', { value: input.match.ipCidr });
  }
  if (input.match && Object.values(input.match).every((v) => v === undefined || v === '')) {
    throw domainError('VALIDATION_FAILED', 'alert_rule_matches_nothing', 'a rule needs at least one condition');
  }
  if (input.action?.routeToOrgId) {
    const target = await getOrgRef(db, input.action.routeToOrgId);
    // a rule routes only inside its own org's subtree
    if (!target || !(target.path === scopePath || target.path.startsWith(`${scopePath}.`))) {
      throw domainError('VALIDATION_FAILED', 'alert_rule_target_outside', 'the rule routes to an org outside its own subtree');
    }
  }
}

interface RuleDbRow {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  match: RoutingRule['match'];
  action: RoutingRule['action'];
  route_to_org_name: string | null;
  version: number;
  scope_org_id: string;
  scope_path: string;
}
const toRule = (r: RuleDbRow): RoutingRule => ({
  id: r.id,
  orgId: r.scope_org_id,
  name: r.name,
  position: Number(r.position),
  enabled: r.enabled,
  match: r.match,
  action: r.action,
  routeToOrgName: r.route_to_org_name,
  version: Number(r.version),
});
const RULE_SELECT = sql`select r.*, t.name as route_to_org_name, s.path::text as scope_path from alert_rules r join orgs s on s.id = r.scope_org_id
  left join orgs t on t.id = (r.action ->> 'routeToOrgId')::uuid`;

export async function listRules(db: Db, actor: Actor): Promise<RoutingRule[]> {
  const scope = requireSomewhere(actor, 'alert:configure');
  const rows = await queryRows<RuleDbRow>(db, sql`${RULE_SELECT} where ${scopeSql(scope, sql`s.path`)} order by r.position, r.created_at limit 500`);
  return rows.map(toRule);
}

async function getRuleRow(db: Db, actor: Actor, id: string): Promise<RuleDbRow> {
  const [r] = await queryRows<RuleDbRow>(db, sql`${RULE_SELECT} where r.id = ${id}`);
  if (!r) throw domainError('NOT_FOUND', 'alert_rule_not_found', 'rule not found');
  authorize(actor, 'alert:read', r.scope_path);
  authorize(actor, 'alert:configure', r.scope_path);
  return r;
}

export async function createRule(db: Db, actor: Actor, orgId: string, input: RuleInput, audit: AuditContext): Promise<RoutingRule> {
  const org = await configurableOrg(db, actor, orgId);
  await checkRule(db, org.path, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into alert_rules (scope_org_id, name, position, enabled, match, action, created_by)
          values (${org.id}, ${input.name.trim()}, ${input.position ?? (await nextPosition(tx, org.id))}, ${input.enabled}, ${JSON.stringify(input.match)}::jsonb,
                  ${JSON.stringify(input.action)}::jsonb, ${actor.userId}) returning id`,
    );
    await recordAudit(tx, audit, { action: 'alert.rule_created', entityType: 'alert_rule', entityId: row!.id, orgId: org.id, orgPath: org.path, after: input });
    return row!.id;
  });
  return toRule(await getRuleRow(db, actor, id));
}

async function nextPosition(db: Db, orgId: string): Promise<number> {
  const [r] = await queryRows<{ p: number | null }>(db, sql`select max(position) as p from alert_rules where scope_org_id = ${orgId}`);
  return Math.min(10_000, Number(r?.p ?? -10) + 10);
}

export async function patchRule(db: Db, actor: Actor, id: string, patch: Partial<RuleInput> & { version: number }, audit: AuditContext): Promise<RoutingRule> {
  const before = await getRuleRow(db, actor, id);
  if (Number(before.version) !== patch.version) throw domainError('CONFLICT', 'stale_version', 'the rule was changed meanwhile; reload');
  await checkRule(db, before.scope_path, patch);
  const next = {
    name: patch.name?.trim() ?? before.name,
    enabled: patch.enabled ?? before.enabled,
    match: patch.match ?? before.match,
    action: patch.action ?? before.action,
    position: patch.position ?? Number(before.position),
  };
  await db.transaction(async (tx) => {
    const done = await queryRows<{ id: string }>(
      tx,
      sql`update alert_rules set name = ${next.name}, enabled = ${next.enabled}, match = ${JSON.stringify(next.match)}::jsonb, action = ${JSON.stringify(next.action)}::jsonb,
                 position = ${next.position}, version = version + 1, updated_at = now() where id = ${id} and version = ${patch.version} returning id`,
    );
    if (done.length === 0) throw domainError('CONFLICT', 'stale_version', 'the rule was changed meanwhile; reload');
    await recordAudit(tx, audit, {
      action: 'alert.rule_updated',
      entityType: 'alert_rule',
      entityId: id,
      orgId: before.scope_org_id,
      orgPath: before.scope_path,
      before: toRule(before),
      after: next,
    });
  });
  return toRule(await getRuleRow(db, actor, id));
}

export async function deleteRule(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<void> {
  const before = await getRuleRow(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from alert_rules where id = ${id}`);
    await recordAudit(tx, audit, {
      action: 'alert.rule_deleted',
      entityType: 'alert_rule',
      entityId: id,
      orgId: before.scope_org_id,
      orgPath: before.scope_path,
      before: toRule(before),
    });
  });
}

/** Where a sample would go and why, with the rules and inventory as they are now; nothing is stored. */
export async function testRouting(db: Db, actor: Actor, orgId: string, format: string, sample: unknown) {
  const org = await configurableOrg(db, actor, orgId);
  const parsed = parseAlertBody(sample, format as 'auto');
  const inputs = parsed.alerts.slice(0, 100).map((a) => ({
    senderPath: org.path,
    senderOrgId: org.id,
    agentId: a.agent.id,
    format: a.format,
    severity: a.severity,
    ruleId: a.ruleId,
    category: a.category,
    title: a.title,
    description: a.description,
    host: a.agent.name ?? a.hostnames[0] ?? null,
    hostnames: a.hostnames,
    ips: a.ips,
    labels: a.labels,
  }));
  const routes = await routeAlerts(db, inputs, await findRulesFor(db, [org.path]));
  const places = await placeOrgs(
    db,
    routes.map((r) => r.orgId),
  );
  return {
    alerts: routes.map((r, i) => ({
      title: inputs[i]!.title,
      severity: r.severity,
      orgId: r.orgId,
      orgName: places.get(r.orgId)?.name ?? null,
      routedBy: r.by,
      route: r.reasons,
    })),
    problems: parsed.problems.slice(0, 100),
  };
}

export async function getPolicy(db: Db, actor: Actor, orgId: string): Promise<AlertPolicy> {
  const org = await getOrgRef(db, orgId);
  authorize(actor, 'alert:read', org?.path ?? null);
  const { stored: _stored, ...p } = await policyFor(db, org!.id);
  return { ...p, orgId: org!.id };
}

export async function putPolicy(db: Db, actor: Actor, orgId: string, body: Omit<AlertPolicy, 'orgId'>, audit: AuditContext): Promise<AlertPolicy> {
  const org = await configurableOrg(db, actor, orgId);
  if (org.kind !== 'province') throw domainError('VALIDATION_FAILED', 'alert_policy_province_only', 'the escalation policy is set per province');
  for (const step of body.chain)
    for (const t of step.targets)
      if (t.org === 'org' && !t.orgId) throw domainError('VALIDATION_FAILED', 'alert_chain_org_missing', 'a chain target of a fixed org names it');
  if (body.chain.some((s) => s.targets.some((t) => t.who === 'roles' && !(t.roles ?? []).length)))
    throw domainError('VALIDATION_FAILED', 'alert_chain_roles_missing', 'a chain target by role names the roles');
  const current = await policyFor(db, org.id);
  if (current.version !== body.version) throw domainError('CONFLICT', 'stale_version', 'the policy was changed meanwhile; reload');
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into alert_policies (org_id, ack_minutes, reraise_minutes, chain, version, updated_by)
                         values (${org.id}, ${JSON.stringify(body.ackMinutes)}::jsonb, ${JSON.stringify(body.reraiseMinutes)}::jsonb, ${JSON.stringify(body.chain)}::jsonb, 1, ${actor.userId})
                         on conflict (org_id) do update set ack_minutes = excluded.ack_minutes, reraise_minutes = excluded.reraise_minutes, chain = excluded.chain,
                                version = alert_policies.version + 1, updated_by = excluded.updated_by, updated_at = now()`);
    await recordAudit(tx, audit, { action: 'alert.policy_updated', entityType: 'org', entityId: org.id, orgId: org.id, orgPath: org.path, after: body });
  });
  return getPolicy(db, actor, org.id);
}

interface ChannelRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  name: string;
  url: string;
  min_severity: string;
  per_minute: number;
  enabled: boolean;
  last_delivered_at: string | Date | null;
  last_error: string | null;
  pending: number;
}
const toChannel = (c: ChannelRow): AlertChannel => ({
  id: c.id,
  orgId: c.org_id,
  orgName: c.org_name,
  name: c.name,
  url: c.url,
  minSeverity: c.min_severity as AlertChannel['minSeverity'],
  perMinute: Number(c.per_minute),
  enabled: c.enabled,
  lastDeliveredAt: c.last_delivered_at ? new Date(c.last_delivered_at).toISOString() : null,
  lastError: c.last_error,
  pending: Number(c.pending),
});
const CHANNEL_SELECT = sql`select c.*, o.name as org_name, o.path::text as org_path,
  (select count(*)::int from alert_deliveries d where d.channel_id = c.id and d.status = 'pending') as pending
  from alert_channels c join orgs o on o.id = c.org_id`;

export async function listChannels(db: Db, actor: Actor): Promise<AlertChannel[]> {
  const scope = requireSomewhere(actor, 'alert:configure');
  return (await queryRows<ChannelRow>(db, sql`${CHANNEL_SELECT} where ${scopeSql(scope, sql`o.path`)} order by o.path, c.name limit 200`)).map(toChannel);
}

export async function createChannel(
  db: Db,
  actor: Actor,
  input: { orgId: string; name: string; url: string; minSeverity: string; perMinute: number; enabled: boolean },
  audit: AuditContext,
): Promise<{ channel: AlertChannel; secret: string }> {
  const org = await configurableOrg(db, actor, input.orgId);
  const secret = newChannelSecret();
  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into alert_channels (org_id, name, url, secret, min_severity, per_minute, enabled, created_by)
          values (${org.id}, ${input.name.trim()}, ${input.url}, ${secret}, ${input.minSeverity}, ${input.perMinute}, ${input.enabled}, ${actor.userId}) returning id`,
    );
    await recordAudit(tx, audit, {
      action: 'alert.channel_created',
      entityType: 'alert_channel',
      entityId: row!.id,
      orgId: org.id,
      orgPath: org.path,
      after: { name: input.name, url: input.url, minSeverity: input.minSeverity, perMinute: input.perMinute },
    });
    return row!.id;
  });
  const [c] = await queryRows<ChannelRow>(db, sql`${CHANNEL_SELECT} where c.id = ${id}`);
  return { channel: toChannel(c!), secret };
}

export async function deleteChannel(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<void> {
  const [c] = await queryRows<ChannelRow>(db, sql`${CHANNEL_SELECT} where c.id = ${id}`);
  if (!c) throw domainError('NOT_FOUND', 'alert_channel_not_found', 'channel not found');
  authorize(actor, 'alert:read', c.org_path);
  authorize(actor, 'alert:configure', c.org_path);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from alert_channels where id = ${id}`);
    await recordAudit(tx, audit, {
      action: 'alert.channel_deleted',
      entityType: 'alert_channel',
      entityId: id,
      orgId: c.org_id,
      orgPath: c.org_path,
      before: { name: c.name, url: c.url },
    });
  });
}
