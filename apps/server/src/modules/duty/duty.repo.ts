import { sql } from 'drizzle-orm';
import type { Override, Rotation } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { containsPattern } from '../../platform/db/like.js';
import { foldVietnamese } from '@khien/formats';

export interface RotationRow extends Rotation {
  orgId: string;
  version: number;
  createdAt: Date;
}
export interface OverrideRow extends Override {
  orgId: string;
  reason: string;
  createdAt: Date;
}

interface RawRotation {
  id: string;
  org_id: string;
  name: string;
  starts_at: string | Date;
  length_kind: string;
  length_hours: number;
  participant_ids: string[] | string;
  window: Rotation['window'] | null;
  ends_at: string | Date | null;
  version: number;
  created_at: string | Date;
}

// PGlite hands uuid[] back as an array; node-postgres too; a text form only from hand-written casts
const uuids = (v: string[] | string): string[] => (Array.isArray(v) ? v : v.replace(/[{}]/g, '').split(',').filter(Boolean));

function toRotation(r: RawRotation): RotationRow {
  const length: Rotation['length'] =
    r.length_kind === 'daily' ? { kind: 'daily' } : r.length_kind === 'weekly' ? { kind: 'weekly' } : { kind: 'custom', hours: Number(r.length_hours) };
  return {
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    startsAt: new Date(r.starts_at),
    length,
    participants: uuids(r.participant_ids),
    ...(r.window ? { window: r.window } : {}),
    endsAt: r.ends_at ? new Date(r.ends_at) : null,
    version: Number(r.version),
    createdAt: new Date(r.created_at),
  };
}

export async function findRotations(db: Db, orgIds: readonly string[]): Promise<RotationRow[]> {
  if (orgIds.length === 0) return [];
  const rows = await queryRows<RawRotation>(
    db,
    sql`select * from duty_rotations where org_id = any(${`{${orgIds.join(',')}}`}::uuid[]) order by org_id, created_at, id`,
  );
  return rows.map(toRotation);
}

export async function getRotation(db: Db, id: string): Promise<RotationRow | null> {
  const [r] = await queryRows<RawRotation>(db, sql`select * from duty_rotations where id = ${id}`);
  return r ? toRotation(r) : null;
}

export function lengthHours(length: Rotation['length']): number {
  return length.kind === 'daily' ? 24 : length.kind === 'weekly' ? 168 : length.hours;
}

export async function insertRotation(tx: Db, r: Omit<RotationRow, 'id' | 'version' | 'createdAt'>, createdBy: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into duty_rotations (org_id, name, starts_at, length_kind, length_hours, participant_ids, "window", ends_at, created_by)
        values (${r.orgId}, ${r.name}, ${r.startsAt}, ${r.length.kind}, ${lengthHours(r.length)}, ${`{${r.participants.join(',')}}`}::uuid[],
                ${r.window ? JSON.stringify(r.window) : null}::jsonb, ${r.endsAt ?? null}, ${createdBy})
        returning id`,
  );
  return row!.id;
}

/** Writes the rotation as given if its version is still `version`; false when someone changed it meanwhile. */
export async function updateRotation(tx: Db, r: RotationRow, version: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update duty_rotations set name = ${r.name}, starts_at = ${r.startsAt}, length_kind = ${r.length.kind}, length_hours = ${lengthHours(r.length)},
               participant_ids = ${`{${r.participants.join(',')}}`}::uuid[], "window" = ${r.window ? JSON.stringify(r.window) : null}::jsonb,
               ends_at = ${r.endsAt ?? null}, version = version + 1, updated_at = now()
         where id = ${r.id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function deleteRotationRow(tx: Db, id: string): Promise<void> {
  await tx.execute(sql`delete from duty_rotations where id = ${id}`);
}

interface RawOverride {
  id: string;
  org_id: string;
  rotation_id: string | null;
  starts_at: string | Date;
  ends_at: string | Date;
  user_id: string;
  replaces_user_id: string | null;
  reason: string;
  created_at: string | Date;
}
const toOverride = (o: RawOverride): OverrideRow => ({
  id: o.id,
  orgId: o.org_id,
  rotationId: o.rotation_id,
  start: new Date(o.starts_at),
  end: new Date(o.ends_at),
  userId: o.user_id,
  replacesUserId: o.replaces_user_id,
  reason: o.reason,
  createdAt: new Date(o.created_at),
});

/** Overrides of the orgs that overlap [from, to). */
export async function findOverrides(db: Db, orgIds: readonly string[], from: Date, to: Date): Promise<OverrideRow[]> {
  if (orgIds.length === 0) return [];
  const rows = await queryRows<RawOverride>(
    db,
    sql`select * from duty_overrides where org_id = any(${`{${orgIds.join(',')}}`}::uuid[]) and starts_at < ${to} and ends_at > ${from}
        order by starts_at, id`,
  );
  return rows.map(toOverride);
}

export async function getOverride(db: Db, id: string): Promise<OverrideRow | null> {
  const [r] = await queryRows<RawOverride>(db, sql`select * from duty_overrides where id = ${id}`);
  return r ? toOverride(r) : null;
}

export async function insertOverrides(tx: Db, rows: readonly Omit<OverrideRow, 'id' | 'createdAt'>[], createdBy: string): Promise<string[]> {
  if (rows.length === 0) return [];
  const json = JSON.stringify(
    rows.map((o) => ({
      org_id: o.orgId,
      rotation_id: o.rotationId,
      starts_at: o.start.toISOString(),
      ends_at: o.end.toISOString(),
      user_id: o.userId,
      replaces_user_id: o.replacesUserId,
      reason: o.reason,
    })),
  );
  const out = await queryRows<{ id: string }>(
    tx,
    sql`insert into duty_overrides (org_id, rotation_id, starts_at, ends_at, user_id, replaces_user_id, reason, created_by)
        select org_id, rotation_id, starts_at, ends_at, user_id, replaces_user_id, reason, ${createdBy}
          from jsonb_to_recordset(${json}::jsonb) as x(org_id uuid, rotation_id uuid, starts_at timestamptz, ends_at timestamptz, user_id uuid, replaces_user_id uuid, reason text)
        returning id`,
  );
  return out.map((r) => r.id);
}

export async function deleteOverrideRow(tx: Db, id: string): Promise<void> {
  await tx.execute(sql`delete from duty_overrides where id = ${id}`);
}

export interface PersonRow {
  id: string;
  full_name: string;
  email: string;
  phone: string | null;
  disabled: boolean;
}

/** Who may stand on an org's roster: people whose home is the org or who hold a role on it. */
export async function findRosterPeople(db: Db, orgId: string): Promise<PersonRow[]> {
  return queryRows<PersonRow>(
    db,
    sql`select u.id, u.full_name, u.email, u.phone, u.disabled from users u
         where not u.disabled and (u.home_org_id = ${orgId} or exists (select 1 from grants g where g.user_id = u.id and g.org_id = ${orgId}))
         order by u.full_name, u.id limit 500`,
  );
}

export async function findPeople(db: Db, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<PersonRow>(db, sql`select id, full_name, email, phone, disabled from users where id = any(${`{${wanted.join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** People holding the duty officer's role on each org: who answers where no roster is kept. */
export async function findDutyOfficersOn(db: Db, orgIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (orgIds.length === 0) return out;
  const rows = await queryRows<{ org_id: string; user_id: string }>(
    db,
    sql`select distinct g.org_id, g.user_id from grants g join users u on u.id = g.user_id
         where not u.disabled and g.role = 'duty_officer' and g.org_id = any(${`{${orgIds.join(',')}}`}::uuid[])`,
  );
  for (const r of rows) out.set(r.org_id, [...(out.get(r.org_id) ?? []), r.user_id]);
  return out;
}

export interface DutyOrgRow {
  id: string;
  name: string;
  parent_name: string | null;
  kind: string;
  path: string;
  hotline: string | null;
  total: number;
}

/** Orgs of a subtree for the "who is on duty" board; staffed: only those with a roster or duty officers (or without). */
export async function findDutyOrgs(
  db: Db,
  scope: Scope,
  f: { underPath?: string | undefined; q?: string | undefined; staffed: 'all' | 'staffed' | 'none'; limit: number; offset: number },
): Promise<DutyOrgRow[]> {
  const staffedSql = sql`(exists (select 1 from duty_rotations r where r.org_id = o.id) or exists (select 1 from grants g where g.org_id = o.id and g.role = 'duty_officer'))`;
  return queryRows<DutyOrgRow>(
    db,
    sql`select o.id, o.name, p.name as parent_name, o.kind, o.path::text as path,
               (select c.phone from org_contacts c where c.org_id = o.id and c.hotline_24_7 and c.phone is not null order by c.name limit 1) as hotline,
               count(*) over () as total
          from orgs o left join orgs p on p.id = o.parent_id
         where ${scopeSql(scope, sql`o.path`)}
           ${f.underPath ? sql`and o.path <@ ${f.underPath}::ltree` : sql``}
           ${f.q ? sql`and o.search_text like ${containsPattern(foldVietnamese(f.q))}` : sql``}
           ${f.staffed === 'staffed' ? sql`and ${staffedSql}` : f.staffed === 'none' ? sql`and not ${staffedSql}` : sql``}
         order by o.path limit ${f.limit} offset ${f.offset}`,
  );
}
