import { sql } from 'drizzle-orm';
import type { Rollup, TaskStatus } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/policy.js';
import { getEditableDirective } from './directive-access.js';

const MATRIX_ROWS = 500;

// A recipient under no commune (a provincial agency, a telecom) is no commune of its own: it falls in
// the one row with a null key, which the web names "Cấp tỉnh (không thuộc xã, phường)".
const GROUPS = {
  province: { key: sql`province_org_id`, labelled: true },
  commune: { key: sql`commune_org_id`, labelled: true },
  kind: { key: sql`org_kind`, labelled: false },
} as const;

/** The issuer's oversight: progress grouped one way, the recipients × tasks matrix, and who has not acknowledged. */
export async function rollup(db: Db, actor: Actor, id: string, by: Rollup['by']): Promise<Rollup> {
  await getEditableDirective(db, actor, id);
  const rows = await rollupRows(db, id, by);
  const [matrix, notAcknowledged] = await Promise.all([buildMatrix(db, id), findNotAcknowledged(db, id)]);
  return { by, rows, matrix, notAcknowledged };
}

/** Just the grouped figures (what `npm run bench` times as "the roll-up query"). */
export function rollupRows(db: Db, id: string, by: Rollup['by']) {
  return by === 'task' ? byTask(db, id) : byGroup(db, id, by);
}

/**
 * One pass over the directive's assignments (counters kept on each), names joined after grouping.
 * hot path: the work module's items and org names read here in SQL, measured in bench "roll-up
 * query by commune/province" (and below: by task, the matrix, not acknowledged).
 */
async function byGroup(db: Db, id: string, by: keyof typeof GROUPS) {
  const g = GROUPS[by];
  const rows = await queryRows(
    db,
    // the relays (issued children of this directive) are few next to the assignments: counted once, joined by item
    sql`with relays as (
          select d.parent_item_id as item_id, count(ca.id)::int as units
            from directives d left join work_items ca on ca.kind = 'directive' and ca.source_id = d.id
           where d.parent_directive_id = ${id} and d.status <> 'draft' group by 1)
        select x.key::text as key, ${g.labelled ? sql`org_label(o)` : sql`x.key`} as label, x.recipients, x.acknowledged, x.submitted,
               x.accepted, x.overdue, x.tasks_done, x.tasks_total, x.with_units, x.relayed, x.units
          from (select ${g.key} as key, count(*)::int as recipients,
                       count(*) filter (where status <> 'pending')::int as acknowledged,
                       count(*) filter (where status in ('submitted', 'accepted'))::int as submitted,
                       count(*) filter (where status = 'accepted')::int as accepted,
                       count(*) filter (where status in ('pending', 'acknowledged', 'in_progress', 'returned') and due_at < now())::int as overdue,
                       sum(checks_done)::int as tasks_done, sum(checks_total)::int as tasks_total,
                       count(*) filter (where exists (select 1 from orgs c where c.parent_id = w.org_id))::int as with_units,
                       count(r.item_id)::int as relayed, coalesce(sum(r.units), 0)::int as units
                  from work_items w left join relays r on r.item_id = w.id
                 where w.kind = 'directive' and w.source_id = ${id} group by 1) x
          ${g.labelled ? sql`left join orgs o on o.id = x.key` : sql``}
         order by x.key is null, 2`,
  );
  return rows.map(toRow);
}

/** Per task: recipients are the assignments whose sections hold it; done counts come from the (sparse) report rows. */
async function byTask(db: Db, id: string) {
  const rows = await queryRows(
    db,
    sql`with per_section as (
          select s.section_id, count(*)::int as recipients,
                 count(*) filter (where a.status <> 'pending')::int as acknowledged,
                 count(*) filter (where a.status in ('submitted', 'accepted'))::int as submitted,
                 count(*) filter (where a.status = 'accepted')::int as accepted,
                 count(*) filter (where a.status in ('pending', 'acknowledged', 'in_progress', 'returned') and a.due_at < now())::int as overdue
            from work_items a, unnest(a.part_ids) as s(section_id)
           where a.kind = 'directive' and a.source_id = ${id} group by s.section_id),
        done as (
          select check_key::uuid as task_id, count(*)::int as n from work_checks
           where source_id = ${id} and status in ('done', 'not_applicable', 'risk_accepted') group by check_key)
        select t.id::text as key, t.position::text || '. ' || left(t.text, 200) as label, p.recipients, p.acknowledged, p.submitted, p.accepted, p.overdue,
               coalesce(dn.n, 0) as tasks_done, p.recipients as tasks_total
          from directive_tasks t join per_section p on p.section_id = t.section_id left join done dn on dn.task_id = t.id
         where t.directive_id = ${id}
         order by t.position`,
  );
  return rows.map(toRow);
}

function toRow(r: Record<string, unknown>) {
  return {
    key: (r.key as string | null) ?? null,
    label: (r.label as string | null) ?? '',
    recipients: Number(r.recipients),
    acknowledged: Number(r.acknowledged),
    submitted: Number(r.submitted),
    accepted: Number(r.accepted),
    overdue: Number(r.overdue),
    tasksDone: Number(r.tasks_done),
    tasksTotal: Number(r.tasks_total),
    withUnits: r.with_units == null ? null : Number(r.with_units),
    relayed: r.relayed == null ? null : Number(r.relayed),
    units: r.units == null ? null : Number(r.units),
  };
}

async function buildMatrix(db: Db, id: string): Promise<Rollup['matrix']> {
  const tasks = await queryRows<{ id: string; position: number; text: string }>(
    db,
    sql`select id, position, text from directive_tasks where directive_id = ${id} order by position`,
  );
  const cells = await queryRows<{ assignment_id: string; org_name: string; task_id: string | null; status: TaskStatus | null }>(
    db,
    // in org-id order, straight off the (directive_id, org_id) index: sorting 70,000 paths costs seconds on PGlite
    sql`with first as (select a.id, a.org_id, a.part_ids, a.source_id from work_items a
                        where a.kind = 'directive' and a.source_id = ${id} order by a.org_id limit ${MATRIX_ROWS})
        select f.id as assignment_id, org_label(o) as org_name, t.id as task_id, coalesce(at.status, 'not_started') as status
          from first f join orgs o on o.id = f.org_id
          join directive_tasks t on t.directive_id = f.source_id and t.section_id = any(f.part_ids)
          left join work_checks at on at.item_id = f.id and at.check_key = t.id::text
         order by f.org_id`,
  );
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const rows = new Map<string, { assignmentId: string; orgName: string; cells: (TaskStatus | null)[] }>();
  for (const c of cells) {
    let row = rows.get(c.assignment_id);
    if (!row) rows.set(c.assignment_id, (row = { assignmentId: c.assignment_id, orgName: c.org_name, cells: tasks.map(() => null) }));
    if (c.task_id !== null) row.cells[index.get(c.task_id)!] = c.status;
  }
  return { tasks: tasks.map((t) => ({ id: t.id, label: `${t.position}. ${t.text.slice(0, 120)}` })), rows: [...rows.values()] };
}

async function findNotAcknowledged(db: Db, id: string): Promise<Rollup['notAcknowledged']> {
  // hot path: the orgs module's names and contacts joined in the same statement, measured in bench
  // "whole oversight response (roll-up + 500-row matrix + not acknowledged)"
  const rows = await queryRows<{ assignment_id: string; org_id: string; org_name: string; contacts: unknown }>(
    db,
    sql`select a.id as assignment_id, o.id as org_id, org_label(o) as org_name,
               coalesce((select json_agg(json_build_object('name', c.name, 'phone', c.phone)) from org_contacts c where c.org_id = o.id), '[]'::json) as contacts
          from (select id, org_id from work_items where kind = 'directive' and source_id = ${id} and status = 'pending' order by org_id limit ${MATRIX_ROWS}) a
          join orgs o on o.id = a.org_id
         order by a.org_id`,
  );
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    orgId: r.org_id,
    orgName: r.org_name,
    contacts: (typeof r.contacts === 'string' ? JSON.parse(r.contacts) : r.contacts) as { name: string; phone: string | null }[],
  }));
}
