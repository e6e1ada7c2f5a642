import { sql } from 'drizzle-orm';
import type { AlertPolicy, Role } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { findOnDutyNow } from '../duty/index.js';
import { findRoleHoldersOn } from '../users/index.js';

type Target = AlertPolicy['chain'][number]['targets'][number];
export interface ChainAlert {
  orgId: string;
  communeOrgId: string | null;
  provinceOrgId: string | null;
}

/** The police org directly under an org (a commune's police, the province's Công an tỉnh), by the org kind. */
async function policeUnder(db: Db, parentIds: readonly string[]): Promise<Map<string, string>> {
  if (parentIds.length === 0) return new Map();
  const rows = await queryRows<{ parent_id: string; id: string }>(
    db,
    sql`select distinct on (parent_id) parent_id, id from orgs
         where kind = 'police' and parent_id = any(${`{${[...new Set(parentIds)].join(',')}}`}::uuid[]) order by parent_id, name, id`,
  );
  return new Map(rows.map((r) => [r.parent_id, r.id]));
}

/**
 * The people one step of the chain tells, for many alerts at once: each target names an org
 * found from the alert's owner and either whoever is on duty there now (the roster, else its
 * duty officers) or the holders of some roles on it. Nobody found is a valid answer: the
 * processor then moves on to the next step at once instead of telling no one.
 */
export async function resolveStep(
  db: Db,
  targets: readonly Target[],
  alerts: readonly ChainAlert[],
  now: Date,
): Promise<{ people: string[]; orgIds: string[] }[]> {
  const communes = alerts.map((a) => a.communeOrgId).filter((x): x is string => !!x);
  const provinces = alerts.map((a) => a.provinceOrgId).filter((x): x is string => !!x);
  const needPolice = targets.some((t) => t.org === 'commune_police' || t.org === 'province_police');
  const police = needPolice ? await policeUnder(db, [...communes, ...provinces]) : new Map<string, string>();
  const orgOf = (t: Target, a: ChainAlert): string | null => {
    switch (t.org) {
      case 'owner':
        return a.orgId;
      case 'owner_commune':
        return a.communeOrgId;
      case 'commune_police':
        return a.communeOrgId ? (police.get(a.communeOrgId) ?? null) : null;
      case 'province':
        return a.provinceOrgId;
      case 'province_police':
        return a.provinceOrgId ? (police.get(a.provinceOrgId) ?? null) : null;
      case 'org':
        return t.orgId ?? null;
    }
  };
  const dutyOrgs = new Set<string>();
  const roleOrgs = new Map<string, Set<string>>();
  for (const a of alerts)
    for (const t of targets) {
      const o = orgOf(t, a);
      if (!o) continue;
      if (t.who === 'on_duty') dutyOrgs.add(o);
      else roleOrgs.set((t.roles ?? []).join(','), (roleOrgs.get((t.roles ?? []).join(',')) ?? new Set()).add(o));
    }
  const onDuty = await findOnDutyNow(db, [...dutyOrgs], now);
  const holders = new Map<string, string[]>();
  for (const [roles, orgs] of roleOrgs) {
    for (const o of orgs) holders.set(`${roles}|${o}`, roles ? await findRoleHoldersOn(db, o, roles.split(',') as Role[]) : []);
  }
  return alerts.map((a) => {
    const people = new Set<string>();
    const orgIds = new Set<string>();
    for (const t of targets) {
      const o = orgOf(t, a);
      if (!o) continue;
      const found = t.who === 'on_duty' ? (onDuty.get(o)?.people.map((p) => p.userId) ?? []) : (holders.get(`${(t.roles ?? []).join(',')}|${o}`) ?? []);
      if (found.length) orgIds.add(o);
      for (const p of found) people.add(p);
    }
    return { people: [...people], orgIds: [...orgIds] };
  });
}
