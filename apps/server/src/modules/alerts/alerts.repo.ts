import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/like.js';

export interface AlertRow {
  id: string;
  title: string;
  severity: string;
  status: string;
  format: string;
  org_id: string | null;
  org_name: string | null;
  org_path: string | null;
  org_parent_name: string | null;
  commune_name: string | null;
  routed_by: string | null;
  host: string | null;
  ips: string[];
  occurred_at: string | Date | null;
  received_at: string | Date;
  last_seen_at: string | Date;
  count: number;
  ack_due_at: string | Date | null;
  acknowledged_at: string | Date | null;
  acknowledged_by_name: string | null;
  escalation_step: number;
  overdue: boolean;
  version: number;
  total?: number;
}

export const SUMMARY_COLUMNS = sql`a.id, a.title, a.severity, a.status, a.format, a.org_id, o.name as org_name, o.path::text as org_path,
  p.name as org_parent_name, c.name as commune_name, a.routed_by, a.host, a.ips, a.occurred_at, a.received_at, a.last_seen_at, a.count,
  a.ack_due_at, a.acknowledged_at, ack.full_name as acknowledged_by_name, a.escalation_step,
  (a.status = 'new' and a.ack_due_at is not null and a.ack_due_at < now()) as overdue, a.version`;
export const SUMMARY_FROM = sql`alerts a join orgs o on o.id = a.org_id left join orgs p on p.id = o.parent_id
  left join orgs c on c.id = a.commune_org_id left join users ack on ack.id = a.acknowledged_by`;

export interface AlertFilter {
  scope: SQL;
  status: 'open' | 'new' | 'acknowledged' | 'resolved' | 'promoted' | 'all';
  severity?: string | undefined;
  underPath?: string | undefined;
  minePaths?: string[] | undefined;
  overdue?: boolean;
  q?: string | undefined;
}

function where(f: AlertFilter): SQL {
  const parts: SQL[] = [f.scope];
  if (f.status === 'open') parts.push(sql`a.status in ('new', 'acknowledged')`);
  else if (f.status !== 'all') parts.push(sql`a.status = ${f.status}`);
  if (f.severity) parts.push(sql`a.severity = ${f.severity}`);
  if (f.underPath) parts.push(sql`o.path <@ ${f.underPath}::ltree`);
  if (f.minePaths) parts.push(f.minePaths.length ? sql`o.path <@ ${`{${f.minePaths.map((p) => `"${p}"`).join(',')}}`}::ltree[]` : sql`false`);
  if (f.overdue) parts.push(sql`a.status = 'new' and a.ack_due_at < now()`);
  if (f.q)
    parts.push(
      sql`(lower(a.title) like ${containsPattern(f.q.toLowerCase())} or lower(coalesce(a.host, '')) like ${containsPattern(f.q.toLowerCase())} or ${f.q} = any(a.ips))`,
    );
  return sql.join(parts, sql` and `);
}

export async function findAlerts(db: Db, f: AlertFilter, page: { limit: number; offset: number }): Promise<AlertRow[]> {
  return queryRows<AlertRow>(
    db,
    sql`select ${SUMMARY_COLUMNS}, count(*) over () as total from ${SUMMARY_FROM}
         where ${where(f)}
         order by (a.status = 'new' and a.ack_due_at < now()) desc, a.received_at desc, a.id
         limit ${page.limit} offset ${page.offset}`,
  );
}

export interface AlertDetailRow extends AlertRow {
  description: string;
  source_severity: string;
  rule_id: string | null;
  category: string | null;
  labels: Record<string, string>;
  agent_id: string | null;
  asset_id: string | null;
  asset_name: string | null;
  route: { code: string; params: Record<string, string> }[] | null;
  sender_label: string;
  raw: unknown;
  province_org_id: string | null;
  org_path: string;
}

export async function getAlertRow(db: Db, id: string): Promise<AlertDetailRow | null> {
  const [r] = await queryRows<AlertDetailRow>(
    db,
    sql`select ${SUMMARY_COLUMNS}, a.description, a.source_severity, a.rule_id, a.category, a.labels, a.agent_id, a.asset_id, s.name as asset_name,
               a.route, a.sender_label, a.raw, a.province_org_id
          from ${SUMMARY_FROM} left join assets s on s.id = a.asset_id
         where a.id = ${id}`,
  );
  return r ?? null;
}

export async function findAlertEvents(db: Db, id: string) {
  return queryRows<{
    at: string | Date;
    kind: string;
    actor_label: string;
    comment: string | null;
    params: Record<string, string | number | boolean | null> | null;
  }>(db, sql`select at, kind, actor_label, comment, params from alert_events where alert_id = ${id} order by at, id limit 500`);
}

export async function boardByCommune(db: Db, scope: SQL, underPath: string | undefined) {
  return queryRows<{ commune_id: string | null; commune_name: string | null; open: number; unacknowledged: number; overdue: number; critical: number }>(
    db,
    sql`select a.commune_org_id as commune_id, c.name as commune_name, count(*)::int as open,
               count(*) filter (where a.status = 'new')::int as unacknowledged,
               count(*) filter (where a.status = 'new' and a.ack_due_at < now())::int as overdue,
               count(*) filter (where a.severity = 'critical')::int as critical
          from alerts a join orgs o on o.id = a.org_id left join orgs c on c.id = a.commune_org_id
         where ${scope} and a.status in ('new', 'acknowledged') ${underPath ? sql`and o.path <@ ${underPath}::ltree` : sql``}
         group by a.commune_org_id, c.name order by overdue desc, open desc, c.name nulls last limit 500`,
  );
}

export async function boardNotAcknowledged(db: Db, scope: SQL, underPath: string | undefined) {
  return queryRows<{ org_id: string; org_name: string; org_parent_name: string | null; count: number; oldest_due_at: string | Date | null }>(
    db,
    sql`select a.org_id, o.name as org_name, p.name as org_parent_name, count(*)::int as count, min(a.ack_due_at) as oldest_due_at
          from alerts a join orgs o on o.id = a.org_id left join orgs p on p.id = o.parent_id
         where ${scope} and a.status = 'new' ${underPath ? sql`and o.path <@ ${underPath}::ltree` : sql``}
         group by a.org_id, o.name, p.name order by min(a.ack_due_at) nulls last, count(*) desc limit 100`,
  );
}
