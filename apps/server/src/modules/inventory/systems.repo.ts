import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { containsPattern } from '../../platform/db/like.js';
import { findUserNames } from '../users/index.js';

export interface SystemRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  operator_org_id: string | null;
  operator_org_name: string | null;
  name: string;
  purpose: string;
  category: string;
  user_count: number | null;
  user_kinds: string[];
  data_kinds: string[];
  personal_data_subjects: number | null;
  internet_facing: boolean;
  hosting: string;
  hosting_provider: string | null;
  notes: string;
  pack_id: string | null;
  pack_version: string | null;
  proposed_level: number | null;
  level: number | null;
  classified_at: string | Date | null;
  dossier_status: string;
  submitted_on: string | null;
  appraised_on: string | null;
  approved_on: string | null;
  decision_number: string | null;
  appraisal_due: string | null;
  approval_due: string | null;
  reassess_due: string | null;
  version: number;
  created_at: string | Date;
  updated_at: string | Date;
  asset_count: number;
}

const SELECT = sql`
  select s.id, s.org_id, o.path::text as org_path, org_label(o) as org_name, s.operator_org_id, org_label(op) as operator_org_name,
         s.name, s.purpose, s.category, s.user_count, s.user_kinds, s.data_kinds, s.personal_data_subjects, s.internet_facing,
         s.hosting, s.hosting_provider, s.notes, s.pack_id, s.pack_version, s.proposed_level, s.level, s.classified_at,
         s.dossier_status, s.submitted_on::text as submitted_on, s.appraised_on::text as appraised_on, s.approved_on::text as approved_on,
         s.decision_number, s.appraisal_due::text as appraisal_due, s.approval_due::text as approval_due, s.reassess_due::text as reassess_due,
         s.version, s.created_at, s.updated_at,
         (select count(*) from asset_systems x where x.system_id = s.id)::int as asset_count
    from info_systems s
    join orgs o on o.id = s.org_id
    left join orgs op on op.id = s.operator_org_id`;

/** Visible: the owner or the operator is in the caller's read scope. */
export function systemVisible(scope: Scope): SQL {
  return sql`(${scopeSql(scope, sql`o.path`)} or (op.id is not null and ${scopeSql(scope, sql`op.path`)}))`;
}

export interface SystemFilter {
  scope: Scope;
  underPath?: string | undefined;
  q?: string | undefined;
  category?: string | undefined;
  level?: number | 'none' | undefined;
  dossier?: string | undefined;
  sort: 'name' | 'level' | 'updated';
  limit: number;
  offset: number;
}

export async function findSystems(db: Db, f: SystemFilter): Promise<{ rows: SystemRow[]; total: number }> {
  const conds: SQL[] = [systemVisible(f.scope)];
  if (f.underPath) conds.push(sql`(o.path <@ ${f.underPath}::ltree or (op.id is not null and op.path <@ ${f.underPath}::ltree))`);
  if (f.q) conds.push(sql`s.search_text like ${containsPattern(f.q)}`);
  if (f.category) conds.push(sql`s.category = ${f.category}`);
  if (f.level === 'none') conds.push(sql`s.level is null`);
  else if (f.level !== undefined) conds.push(sql`s.level = ${f.level}`);
  if (f.dossier) conds.push(sql`s.dossier_status = ${f.dossier}`);
  const where = sql.join(conds, sql` and `);
  const order = f.sort === 'level' ? sql`s.level desc nulls last, s.name` : f.sort === 'updated' ? sql`s.updated_at desc` : sql`lower(s.name)`;
  const rows = await queryRows<SystemRow>(db, sql`${SELECT} where ${where} order by ${order}, s.id limit ${f.limit} offset ${f.offset}`);
  const [n] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from info_systems s join orgs o on o.id = s.org_id left join orgs op on op.id = s.operator_org_id where ${where}`,
  );
  return { rows, total: Number(n?.n ?? 0) };
}

export async function findSystemById(db: Db, id: string): Promise<(SystemRow & { operator_org_path: string | null }) | undefined> {
  const [row] = await queryRows<SystemRow & { operator_org_path: string | null }>(
    db,
    sql`select q.*, op2.path::text as operator_org_path from (${SELECT} where s.id = ${id}) q left join orgs op2 on op2.id = q.operator_org_id`,
  );
  return row;
}

export async function requirementRows(db: Db, systemIds: string[]) {
  if (systemIds.length === 0) return [];
  const rows = await queryRows<{
    system_id: string;
    requirement_id: string;
    status: string;
    note: string;
    evidence_file_ids: string[];
    updated_at: string | Date;
    updated_by: string | null;
  }>(
    db,
    // a system's checklist is its work item's checks (modules/work): read here with the systems
    // list, one statement for a page of systems (a call per system would be 50 queries a page)
    sql`select w.source_id as system_id, r.check_key as requirement_id, case r.status when 'done' then 'met' else r.status end as status,
               r.report as note, to_json(coalesce((select array_agg(e.file_id::text order by e.created_at, e.file_id) from work_evidence e
                                                    where e.check_id = r.id), '{}'::text[])) as evidence_file_ids,
               r.updated_at, r.updated_by
          from work_checks r join work_items w on w.id = r.item_id
         where w.kind = 'system' and w.source_id in (${sql.join(
           systemIds.map((i) => sql`${i}`),
           sql`, `,
         )})`,
  );
  for (const r of rows) if (typeof r.evidence_file_ids === 'string') r.evidence_file_ids = JSON.parse(r.evidence_file_ids) as string[];
  const names = await findUserNames(
    db,
    rows.map((r) => r.updated_by),
  );
  return rows.map(({ updated_by, ...r }) => ({ ...r, updated_by_name: updated_by ? (names.get(updated_by) ?? null) : null }));
}
