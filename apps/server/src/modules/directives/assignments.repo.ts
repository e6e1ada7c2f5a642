import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { scopeSql, type Scope } from '../../platform/policy.js';
import { findUserNames } from '../users/index.js';

export interface AssignmentListFilter {
  directiveId?: string | undefined;
  scope: Scope | null;
  status?: string | undefined;
  orgId?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * A directive's assignments (its work items) with their task progress; `scope` null = every
 * recipient (the issuer's view). Read here with the directive's own filters (not drafts, this
 * directive) in one statement: the issuer's recipients table pages through 66,420 of them.
 */
export async function findAssignments(db: Db, f: AssignmentListFilter) {
  const conds = [sql`a.kind = 'directive'`, f.scope ? scopeSql(f.scope, sql`o.path`) : sql`true`];
  if (f.directiveId) conds.push(sql`a.source_id = ${f.directiveId}`);
  else conds.push(sql`d.status <> 'draft'`);
  if (f.status) conds.push(sql`a.status = ${f.status}`);
  if (f.orgId) conds.push(sql`a.org_id = ${f.orgId}`);
  const where = sql.join(conds, sql` and `);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select a.*, a.source_id as directive_id, org_label(o) as org_name, o.kind as org_kind, a.checks_total as total_tasks, a.checks_done as done_tasks
          from work_items a join orgs o on o.id = a.org_id join directives d on d.id = a.source_id
         where ${where}
         order by a.due_at nulls last, o.path
         limit ${f.limit} offset ${f.offset}`,
  );
  const [total] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from work_items a join orgs o on o.id = a.org_id join directives d on d.id = a.source_id where ${where}`,
  );
  const names = await findUserNames(
    db,
    rows.map((r) => r.assignee_user_id as string | null),
  );
  const withNames: (Record<string, unknown> & { assignee_name: string | null })[] = rows.map((r) =>
    Object.assign(r, { assignee_name: names.get(r.assignee_user_id as string) ?? null }),
  );
  return { rows: withNames, total: Number(total?.n ?? 0) };
}
