import type { OnDutyRow } from '@khien/contracts';
import { onDutyAt } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { scopeFor, type Actor } from '../../platform/policy.js';
import { findDutyOfficersOn, findDutyOrgs, findOverrides, findPeople, findRotations } from './duty.repo.js';
import { toPerson, visibleOrg } from './duty.service.js';

export interface OnDuty {
  source: 'roster' | 'role' | 'none';
  people: { userId: string; until: Date | null; rotationName: string | null; overridden: boolean }[];
}

/**
 * Who answers for each org at `at`: the people its roster puts on duty (overrides applied);
 * where it keeps no roster, or the roster has a hole, the holders of the duty officer's role on
 * it; else nobody — and the caller (the alert chain) goes on to its next step rather than
 * telling no one. A disabled account on the roster answers nothing: the coverage check names it.
 */
export async function findOnDutyNow(db: Db, orgIds: readonly string[], at = new Date()): Promise<Map<string, OnDuty>> {
  const ids = [...new Set(orgIds)];
  const out = new Map<string, OnDuty>();
  if (ids.length === 0) return out;
  const rotations = await findRotations(db, ids);
  const overrides = await findOverrides(db, ids, new Date(at.getTime() - 1), new Date(at.getTime() + 1));
  const people = await findPeople(db, [...rotations.flatMap((r) => r.participants), ...overrides.map((o) => o.userId)]);
  const needRole: string[] = [];
  for (const orgId of ids) {
    const rs = rotations.filter((r) => r.orgId === orgId);
    const os = overrides.filter((o) => o.orgId === orgId);
    const names = new Map(rs.map((r) => [r.id, r.name]));
    const shifts = rs.length || os.length ? onDutyAt(rs, os, at) : [];
    const active = shifts.filter((s) => people.get(s.userId) && !people.get(s.userId)!.disabled);
    if (active.length) {
      const seen = new Set<string>();
      out.set(orgId, {
        source: 'roster',
        people: active
          .filter((s) => !seen.has(s.userId) && seen.add(s.userId))
          .map((s) => ({ userId: s.userId, until: s.end, rotationName: names.get(s.rotationId) ?? null, overridden: s.overridden })),
      });
    } else needRole.push(orgId);
  }
  const officers = await findDutyOfficersOn(db, needRole);
  for (const orgId of needRole) {
    const who = officers.get(orgId) ?? [];
    out.set(
      orgId,
      who.length
        ? { source: 'role', people: who.map((userId) => ({ userId, until: null, rotationName: null, overridden: false })) }
        : { source: 'none', people: [] },
    );
  }
  return out;
}

/** The "who is on duty now" board: every org of the caller's subtree (or under one org), a page at a time. */
export async function listOnDuty(
  db: Db,
  actor: Actor,
  q: { orgId?: string | undefined; q?: string | undefined; staffed: 'all' | 'staffed' | 'none'; limit: number; offset: number },
): Promise<{ items: OnDutyRow[]; total: number }> {
  const under = q.orgId ? await visibleOrg(db, actor, q.orgId, 'duty:read') : null;
  const rows = await findDutyOrgs(db, scopeFor(actor, 'duty:read'), { underPath: under?.path, q: q.q, staffed: q.staffed, limit: q.limit, offset: q.offset });
  const now = await findOnDutyNow(
    db,
    rows.map((r) => r.id),
  );
  const people = await findPeople(
    db,
    [...now.values()].flatMap((d) => d.people.map((p) => p.userId)),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => {
      const d = now.get(r.id) ?? { source: 'none' as const, people: [] };
      return {
        orgId: r.id,
        orgName: r.name,
        orgParentName: r.parent_name,
        orgKind: r.kind as OnDutyRow['orgKind'],
        source: d.source,
        hotline: r.hotline,
        people: d.people.map((p) => ({
          ...toPerson(people.get(p.userId), p.userId),
          until: p.until?.toISOString() ?? null,
          rotationName: p.rotationName,
          overridden: p.overridden,
        })),
      };
    }),
  };
}
