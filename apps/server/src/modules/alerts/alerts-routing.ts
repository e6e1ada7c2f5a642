import { sql } from 'drizzle-orm';
import type { AlertSeverityValue } from '@khien/contracts';
import { hostIdentityKeys, parseIpAddress } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { applyRules, type RuleRow, type RuleSubject } from './routing-rules.js';

export type RouteBasis = 'rule' | 'agent' | 'hostname' | 'asset_ip' | 'ip_range' | 'fallback';
export interface RouteReason {
  code: string;
  params: Record<string, string>;
}
export interface RouteInput extends RuleSubject {
  /** the sender's org path: nothing outside it is ever an owner */
  senderPath: string;
  senderOrgId: string;
  agentId: string | null;
}
export interface Route {
  orgId: string;
  assetId: string | null;
  by: RouteBasis;
  severity: AlertSeverityValue;
  reasons: RouteReason[];
}

interface Hit {
  i: number;
  kind: 'identity' | 'host' | 'ip' | 'range';
  val: string;
  asset_id: string | null;
  asset_name: string | null;
  org_id: string;
  org_name: string;
  range: string | null;
}

const FALLBACK_KINDS = "('commune', 'ward', 'special_zone', 'province')";

/** Host names to try: as given and without the domain ("pc-01.truong.edu.vn" is asset "pc-01"). */
function hostCandidates(a: RouteInput): string[] {
  const out = new Set<string>();
  for (const h of [a.host, ...a.hostnames]) {
    const v = h?.trim().toLowerCase();
    if (!v || v === 'localhost' || v === 'localhost.localdomain') continue;
    out.add(v.slice(0, 255));
    const short = v.split('.')[0]!;
    if (short && !/^\d+$/.test(short)) out.add(short);
  }
  return [...out];
}

/**
 * Where each alert goes, for a batch at once: the coordinator's rules first; then the machine
 * by its agent identity, by host name, by its address among the assets; then the owned IP space;
 * else the nearest commune, ward or province at or above the sender, whose coordinator sorts it
 * out. Only orgs inside the sender's own subtree can own its alerts: a commune's Wazuh cannot
 * route into another commune. Every step that decided (or failed to) leaves a reason.
 */
export async function routeAlerts(
  db: Db,
  batch: readonly RouteInput[],
  rules: readonly (RuleRow & { scopePath: string; routeToPath: string | null })[],
): Promise<Route[]> {
  const candidates: { i: number; kind: 'identity' | 'host' | 'ip'; val: string; scope: string }[] = [];
  batch.forEach((a, i) => {
    if (a.agentId) {
      const manager = a.labels['manager'] ?? a.labels['wazuh.manager'];
      for (const key of [
        ...hostIdentityKeys({ source: 'wazuh', agentId: a.agentId, macs: [] }),
        ...(manager ? hostIdentityKeys({ source: 'wazuh', agentId: a.agentId, sourceInstance: manager, macs: [] }) : []),
      ])
        candidates.push({ i, kind: 'identity', val: key, scope: a.senderPath });
    }
    for (const h of hostCandidates(a)) candidates.push({ i, kind: 'host', val: h, scope: a.senderPath });
    for (const ip of a.ips.slice(0, 20)) {
      const p = parseIpAddress(ip);
      if (p.ok) candidates.push({ i, kind: 'ip', val: p.ip.address, scope: a.senderPath });
    }
  });
  const hits = candidates.length ? await lookup(db, candidates) : [];
  const byAlert = new Map<number, Hit[]>();
  for (const h of hits) byAlert.set(h.i, [...(byAlert.get(h.i) ?? []), h]);
  const fallbacks = await fallbackOrgs(db, [...new Set(batch.map((a) => a.senderOrgId))]);

  return batch.map((a, i) => {
    const reasons: RouteReason[] = [];
    const ruled = applyRules(
      rules.filter((r) => a.senderPath === r.scopePath || a.senderPath.startsWith(`${r.scopePath}.`)),
      a,
    );
    const severity = ruled.severity;
    if (ruled.severityRule) reasons.push({ code: 'severity_set', params: { rule: ruled.severityRule.name, severity } });
    const rr = ruled.routeRule as (RuleRow & { routeToPath: string | null }) | null;
    // a rule's target must lie inside the sender's subtree too
    if (rr?.routeToPath && (rr.routeToPath === a.senderPath || rr.routeToPath.startsWith(`${a.senderPath}.`))) {
      reasons.push({ code: 'rule_matched', params: { rule: rr.name } });
      return { orgId: rr.action.routeToOrgId!, assetId: null, by: 'rule', severity, reasons };
    }
    const mine = byAlert.get(i) ?? [];
    for (const [kind, by] of [
      ['identity', 'agent'],
      ['host', 'hostname'],
      ['ip', 'asset_ip'],
      ['range', 'ip_range'],
    ] as const) {
      const found = mine.filter((h) => h.kind === kind);
      const orgs = [...new Set(found.map((h) => h.org_id))];
      if (orgs.length === 1) {
        const h = found[0]!;
        const params: Record<string, string> =
          kind === 'identity'
            ? { agent: a.agentId ?? '', asset: h.asset_name ?? '' }
            : kind === 'host'
              ? { host: h.val, asset: h.asset_name ?? '' }
              : kind === 'ip'
                ? { ip: h.val, asset: h.asset_name ?? '' }
                : { ip: h.val, range: h.range ?? '' };
        reasons.push({ code: by, params });
        return { orgId: h.org_id, assetId: kind === 'range' ? null : h.asset_id, by, severity, reasons };
      }
      if (orgs.length > 1)
        reasons.push({ code: kind === 'host' ? 'ambiguous_host' : `ambiguous_${by}`, params: { host: found[0]!.val, count: String(orgs.length) } });
      else if (kind === 'identity' && a.agentId) reasons.push({ code: 'unknown_agent', params: { agent: a.agentId } });
    }
    const fb = fallbacks.get(a.senderOrgId)!;
    reasons.push({ code: 'no_owner_found', params: {} }, { code: 'fallback_coordinator', params: { org: fb.name } });
    return { orgId: fb.id, assetId: null, by: 'fallback', severity, reasons };
  });
}

async function lookup(db: Db, candidates: readonly { i: number; kind: string; val: string; scope: string }[]): Promise<Hit[]> {
  const json = JSON.stringify(candidates);
  return queryRows<Hit>(
    db,
    sql`with c as (select * from jsonb_to_recordset(${json}::jsonb) as x(i int, kind text, val text, scope text))
        select c.i, 'identity' as kind, c.val, a.id as asset_id, a.name as asset_name, a.org_id, o.name as org_name, null as range
          from c join asset_identities ai on ai.key = c.val join assets a on a.id = ai.asset_id join orgs o on o.id = a.org_id
         where c.kind = 'identity' and o.path <@ c.scope::ltree
        union all
        select c.i, 'host', c.val, a.id, a.name, a.org_id, o.name, null
          from c join assets a on lower(a.hostname) = c.val join orgs o on o.id = a.org_id
         where c.kind = 'host' and o.path <@ c.scope::ltree
        union all
        select c.i, 'ip', c.val, a.id, a.name, a.org_id, o.name, null
          from c join assets a on a.ip_addresses @> array[c.val] join orgs o on o.id = a.org_id
         where c.kind = 'ip' and o.path <@ c.scope::ltree
        union all
        select c.i, 'range', c.val, null, null, r.org_id, o.name, r.range
          from c join ip_ranges r on r.first_ip <= c.val::inet and r.last_ip >= c.val::inet and r.family = family(c.val::inet)
          join orgs o on o.id = r.org_id
         where c.kind = 'ip' and o.path <@ c.scope::ltree
           and (r.valid_to is null or r.valid_to >= current_date) and (r.valid_from is null or r.valid_from <= current_date)`,
  );
}

/** The nearest commune, ward, special zone or province at or above each sender org (the sender itself if none). */
export async function fallbackOrgs(db: Db, senderOrgIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  if (senderOrgIds.length === 0) return new Map();
  const rows = await queryRows<{ sender: string; id: string; name: string }>(
    db,
    sql`select s.id as sender, coalesce(f.id, s.id) as id, coalesce(f.name, s.name) as name
          from orgs s left join lateral (
            select a.id, a.name from orgs a where a.path @> s.path and a.kind in ${sql.raw(FALLBACK_KINDS)} order by nlevel(a.path) desc limit 1
          ) f on true
         where s.id = any(${`{${senderOrgIds.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.sender, { id: r.id, name: r.name }]));
}

/** Each owner's commune (or ward) and province, fixed on the alert so the board groups without walking the tree. */
export async function placeOrgs(
  db: Db,
  orgIds: readonly string[],
): Promise<Map<string, { name: string; path: string; communeId: string | null; provinceId: string | null }>> {
  if (orgIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string; path: string; commune_id: string | null; province_id: string | null }>(
    db,
    sql`select o.id, o.name, o.path::text as path,
               (select a.id from orgs a where a.path @> o.path and a.kind in ('commune', 'ward', 'special_zone') order by nlevel(a.path) desc limit 1) as commune_id,
               (select a.id from orgs a where a.path @> o.path and a.kind = 'province' order by nlevel(a.path) desc limit 1) as province_id
          from orgs o where o.id = any(${`{${[...new Set(orgIds)].join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, path: r.path, communeId: r.commune_id, provinceId: r.province_id }]));
}

/** The enabled rules that can apply to senders at these paths (scoped at or above them), with their scope and target paths. */
export async function findRulesFor(db: Db, senderPaths: readonly string[]): Promise<(RuleRow & { scopePath: string; routeToPath: string | null })[]> {
  if (senderPaths.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    name: string;
    position: number;
    enabled: boolean;
    match: RuleRow['match'];
    action: RuleRow['action'];
    scope_path: string;
    route_path: string | null;
  }>(
    db,
    sql`select r.id, r.name, r.position, r.enabled, r.match, r.action, s.path::text as scope_path, t.path::text as route_path
          from alert_rules r join orgs s on s.id = r.scope_org_id
          left join orgs t on t.id = (r.action ->> 'routeToOrgId')::uuid
         where r.enabled and s.path @> any(${`{${[...new Set(senderPaths)].map((p) => `"${p}"`).join(',')}}`}::ltree[])
         order by r.position, r.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: Number(r.position),
    enabled: r.enabled,
    match: r.match,
    action: r.action,
    scopePath: r.scope_path,
    routeToPath: r.route_path,
  }));
}
