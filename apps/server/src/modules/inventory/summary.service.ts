import { sql } from 'drizzle-orm';
import type { InventoryOverview, InventorySummary } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { authorize, scopeFor, scopeSql, type Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import { HYGIENE } from './assets.service.js';
import { checklistIds, packInForce } from './packs.service.js';
import { lookupRegulationPack } from '../../platform/regulations.js';

type LevelCounts = InventorySummary['systems']['byLevel'];
const emptyLevels = (): LevelCounts => ({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, none: 0 });

async function orgFor(db: Db, actor: Actor, orgId: string) {
  const org = await getOrgRef(db, orgId);
  authorize(actor, 'inventory:read', org?.path ?? null);
  return org!;
}

/** Counts for one org's subtree, limited to what the caller may read. */
export async function inventorySummary(db: Db, actor: Actor, orgId: string): Promise<InventorySummary> {
  const org = await orgFor(db, actor, orgId);
  const scope = scopeFor(actor, 'inventory:read');
  const within = sql`o.path <@ ${org.path}::ltree and ${scopeSql(scope, sql`o.path`)}`;
  const levels = await queryRows<{ level: number | null; status: string; n: number; overdue: number }>(
    db,
    sql`select s.level, s.dossier_status as status, count(*)::int as n, count(*) filter (where s.reassess_due < current_date)::int as overdue
          from info_systems s join orgs o on o.id = s.org_id where ${within} group by 1, 2`,
  );
  const byLevel = emptyLevels();
  const byDossier: Record<string, number> = {};
  let total = 0;
  let overdue = 0;
  for (const r of levels) {
    byLevel[r.level === null ? 'none' : (String(r.level) as '1')] += r.n;
    byDossier[r.status] = (byDossier[r.status] ?? 0) + r.n;
    total += r.n;
    overdue += r.overdue;
  }
  // requirement progress: the checklist of each (pack, level) against its rows
  const reqs = await queryRows<{ pack_id: string; level: number; systems: number; met: string[] | null }>(
    db,
    sql`select s.pack_id, s.level, count(distinct s.id)::int as systems,
               array_agg(r.check_key) filter (where r.status in ('done', 'not_applicable', 'risk_accepted')) as met
          from info_systems s join orgs o on o.id = s.org_id
          -- the checklist is the system's work item's checks (modules/work), counted with the systems here
          left join work_items w on w.kind = 'system' and w.source_id = s.id left join work_checks r on r.item_id = w.id
         where ${within} and s.level is not null and s.pack_id is not null group by 1, 2`,
  );
  let requirementsTotal = 0;
  let requirementsMet = 0;
  for (const r of reqs) {
    const pack = lookupRegulationPack(r.pack_id);
    if (!pack) continue;
    const ids = checklistIds(pack, r.level);
    requirementsTotal += ids.size * r.systems;
    requirementsMet += (r.met ?? []).filter((id) => ids.has(id)).length;
  }
  const [a] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where ${HYGIENE.no_antivirus})::int as no_av,
               count(*) filter (where ${HYGIENE.firewall_off})::int as fw_off,
               count(*) filter (where ${HYGIENE.unpatched_30d})::int as unpatched,
               coalesce(sum(a.software_count), 0)::int as software
          from assets a join orgs o on o.id = a.org_id where ${within}`,
  );
  const kinds = await queryRows<{ kind: string; n: number }>(
    db,
    sql`select a.kind, count(*)::int as n from assets a join orgs o on o.id = a.org_id where ${within} group by 1`,
  );
  const [ip] = await queryRows<{ total: number; overlapping: number }>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where exists (select 1 from ip_ranges b join orgs ob on ob.id = b.org_id
                   where b.id <> r.id and b.family = r.family and b.first_ip <= r.last_ip and r.first_ip <= b.last_ip and ${scopeSql(scope, sql`ob.path`)}))::int as overlapping
          from ip_ranges r join orgs o on o.id = r.org_id where ${within}`,
  );
  const { pack } = await packInForce(db, org.path);
  return {
    orgId: org.id,
    orgName: org.name,
    packId: pack.id,
    systems: { total, byLevel, byDossier, reassessOverdue: overdue, requirementsMet, requirementsTotal },
    assets: {
      total: Number(a?.total ?? 0),
      byKind: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
      noAntivirus: Number(a?.no_av ?? 0),
      firewallOff: Number(a?.fw_off ?? 0),
      unpatched30d: Number(a?.unpatched ?? 0),
      software: Number(a?.software ?? 0),
    },
    ipRanges: { total: Number(ip?.total ?? 0), overlapping: Number(ip?.overlapping ?? 0) },
  };
}

/** One row per child org (e.g. the communes of a province) with its subtree's systems by level and dossier status. */
export async function inventoryOverview(db: Db, actor: Actor, orgId: string): Promise<InventoryOverview> {
  const org = await orgFor(db, actor, orgId);
  const scope = scopeFor(actor, 'inventory:read');
  // each system counts under the child whose subtree holds its owner: the child is the owner path's prefix
  const rows = await queryRows<{ child_id: string; child_name: string; level: number | null; status: string | null; n: number }>(
    db,
    sql`select c.id as child_id, org_label(c) as child_name, s.level, s.dossier_status as status, count(s.id)::int as n
          from orgs c
          left join orgs o on o.path <@ c.path and ${scopeSql(scope, sql`o.path`)}
          left join info_systems s on s.org_id = o.id
         where c.parent_id = ${org.id}
         group by 1, 2, 3, 4`,
  );
  const assetRows = await queryRows<{ child_id: string; n: number }>(
    db,
    sql`select c.id as child_id, count(a.id)::int as n
          from orgs c join orgs o on o.path <@ c.path and ${scopeSql(scope, sql`o.path`)} join assets a on a.org_id = o.id
         where c.parent_id = ${org.id} group by 1`,
  );
  const assetsByChild = new Map(assetRows.map((r) => [r.child_id, r.n]));
  const byChild = new Map<string, InventoryOverview['rows'][number]>();
  const totals = { byLevel: emptyLevels(), byDossier: {} as Record<string, number>, systems: 0, assets: 0 };
  for (const r of rows) {
    let row = byChild.get(r.child_id);
    if (!row) {
      row = { orgId: r.child_id, orgName: r.child_name, systems: 0, byLevel: emptyLevels(), byDossier: {}, assets: assetsByChild.get(r.child_id) ?? 0 };
      byChild.set(r.child_id, row);
    }
    if (r.n === 0 || r.status === null) continue;
    const key = r.level === null ? 'none' : (String(r.level) as '1');
    row.systems += r.n;
    row.byLevel[key] += r.n;
    row.byDossier[r.status] = (row.byDossier[r.status] ?? 0) + r.n;
    totals.systems += r.n;
    totals.byLevel[key] += r.n;
    totals.byDossier[r.status] = (totals.byDossier[r.status] ?? 0) + r.n;
  }
  // systems owned by the org itself (not under any child) count in the totals too
  const [own] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from info_systems where org_id = ${org.id}`);
  if (own && own.n > 0) {
    const self = await queryRows<{ level: number | null; status: string; n: number }>(
      db,
      sql`select level, dossier_status as status, count(*)::int as n from info_systems where org_id = ${org.id} group by 1, 2`,
    );
    for (const r of self) {
      const key = r.level === null ? 'none' : (String(r.level) as '1');
      totals.systems += r.n;
      totals.byLevel[key] += r.n;
      totals.byDossier[r.status] = (totals.byDossier[r.status] ?? 0) + r.n;
    }
  }
  const [allAssets] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from assets a join orgs o on o.id = a.org_id where o.path <@ ${org.path}::ltree and ${scopeSql(scope, sql`o.path`)}`,
  );
  totals.assets = Number(allAssets?.n ?? 0);
  const sorted = [...byChild.values()].sort((a, b) => b.systems - a.systems || a.orgName.localeCompare(b.orgName, 'vi'));
  return { orgId: org.id, orgName: org.name, totals, rows: sorted };
}
