import { sql, type SQL } from 'drizzle-orm';
import type { Permission } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { inScope, scopeFor, scopeSql, type Actor, type Scope } from '../../platform/policy.js';

/** The columns every read of one case needs, with the paths access is decided on. */
export interface CaseRow {
  id: string;
  code: string;
  org_id: string;
  org_path: string;
  org_name: string;
  org_parent_id: string | null;
  org_parent_name: string | null;
  parent_path: string | null;
  handler_org_id: string;
  handler_path: string;
  handler_name: string;
  commune_org_id: string | null;
  commune_name: string | null;
  province_org_id: string | null;
  province_path: string | null;
  title: string;
  description: string;
  severity: string;
  category: string;
  status: string;
  serious: boolean;
  personal_data: boolean;
  national_security: boolean;
  detected_at: string | Date;
  occurred_at: string | Date | null;
  reported_at: string | Date;
  reported_by: string | null;
  pack_id: string;
  pack_version: string;
  merged_into_id: string | null;
  reopened_reason: string | null;
  next_due_at: string | Date | null;
  next_due_kind: string | null;
  version: number;
  /** paths of the orgs invited into the case (the response team) */
  member_paths: string[];
}

export const CASE_COLUMNS = sql`i.id, i.code, i.org_id, o.path::text as org_path, o.name as org_name, o.parent_id as org_parent_id, p.name as org_parent_name,
  p.path::text as parent_path, i.handler_org_id, h.path::text as handler_path, h.name as handler_name, i.commune_org_id, c.name as commune_name,
  i.province_org_id, pv.path::text as province_path, i.title, i.description, i.severity, i.category, i.status, i.serious, i.personal_data, i.national_security, i.detected_at,
  i.occurred_at, i.reported_at, i.reported_by, i.pack_id, i.pack_version, i.merged_into_id, i.reopened_reason, i.next_due_at, i.next_due_kind, i.version`;
export const CASE_FROM = sql`incidents i join orgs o on o.id = i.org_id join orgs h on h.id = i.handler_org_id
  left join orgs p on p.id = o.parent_id left join orgs c on c.id = i.commune_org_id left join orgs pv on pv.id = i.province_org_id`;

/**
 * Who sees a case: anyone with the permission on the unit's subtree (its commune and the province
 * above), on the handling org's, or on an org invited into it — the response team, which sees this
 * case and nothing else of the unit's. As SQL over `i`, `o`, `h` for lists.
 */
export function visibleSql(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return sql`(${scopeSql(scope, sql`o.path`)} or ${scopeSql(scope, sql`h.path`)}
    or exists (select 1 from incident_members m join orgs mo on mo.id = m.org_id where m.incident_id = i.id and ${scopeSql(scope, sql`mo.path`)}))`;
}

export async function findCase(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<CaseRow | undefined> {
  const [r] = await queryRows<CaseRow>(
    db,
    sql`select ${CASE_COLUMNS},
               coalesce((select array_agg(mo.path::text) from incident_members m join orgs mo on mo.id = m.org_id where m.incident_id = i.id), '{}') as member_paths
          from ${CASE_FROM} where i.id = ${id} ${opts.lock ? sql`for update of i` : sql``}`,
  );
  return r ? { ...r, member_paths: r.member_paths ?? [] } : undefined;
}

/** How an actor stands to one case. */
export interface CaseAccess {
  row: CaseRow;
  /** 'subtree': through the unit's tree or the handling org; 'team': only as an invited org */
  via: 'subtree' | 'team';
  has(permission: Permission): boolean;
}

function standing(actor: Actor, row: CaseRow, permission: Permission): 'subtree' | 'team' | null {
  const scope = scopeFor(actor, permission);
  if (inScope(scope, row.org_path) || inScope(scope, row.handler_path)) return 'subtree';
  if (row.member_paths.some((p) => inScope(scope, p))) return 'team';
  return null;
}

export function accessOf(actor: Actor, row: CaseRow): CaseAccess | null {
  const via = standing(actor, row, 'incident:read');
  if (!via) return null;
  return { row, via, has: (permission) => standing(actor, row, permission) !== null };
}

/** The case as this actor may see it; 404 as if it did not exist otherwise. */
export async function visibleCase(db: Db, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<CaseAccess> {
  const row = await findCase(db, id, opts);
  const access = row ? accessOf(actor, row) : null;
  if (!access) throw domainError('NOT_FOUND', 'incident_not_found', 'incident not found');
  return access;
}

/** Seen, but the move needs more (403); a closed or merged case takes no change (409) but reopening. */
export function requireWritable(a: CaseAccess, permission: Permission = 'incident:report'): void {
  if (!a.has(permission)) throw domainError('FORBIDDEN', 'incident_not_yours', 'you may read this incident but not change it');
  if (a.row.status === 'closed') throw domainError('CONFLICT', 'incident_closed', 'this incident is closed; reopen it with a reason first');
  if (a.row.status === 'merged') throw domainError('CONFLICT', 'incident_merged', 'this incident was merged into another', { into: a.row.merged_into_id });
}

export function requireVersion(a: CaseAccess, version: number | undefined): void {
  if (version !== undefined && version !== Number(a.row.version))
    throw domainError('CONFLICT', 'stale_version', 'someone else changed this incident meanwhile; reload', { version: Number(a.row.version) });
}

/** The reviewer of a closure is the reporter's parent: a grant on an org strictly above the unit. */
export function canReviewClosure(actor: Actor, row: CaseRow): boolean {
  if (!row.parent_path) return false;
  return inScope(scopeFor(actor, 'incident:review'), row.parent_path);
}

/** Statutory reports are received by the province (standing body of the response team): a review grant covering it. */
export function canReviewReports(actor: Actor, row: CaseRow): boolean {
  return row.province_path !== null && inScope(scopeFor(actor, 'incident:review'), row.province_path);
}
