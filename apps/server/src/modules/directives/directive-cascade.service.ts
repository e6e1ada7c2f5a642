import { sql, type SQL } from 'drizzle-orm';
import type { Cascade, CascadeNode, RelayCounts } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { getVisibleDirective } from './directive-access.js';

/**
 * The cascade (issue 11): per recipient of a directive, whether it relayed, when, to how many
 * units and how far they got — and the same summed over every level below. The web opens a relay
 * by asking for its own cascade, so one page is one level, whatever the depth.
 *
 * hot path: the work module's items and the orgs read here in SQL, measured in bench "cascade of a
 * directive relayed by every commune".
 */

const OPEN = sql`('pending', 'acknowledged', 'in_progress', 'returned')`;
const MAX_LEVELS = 10;

type Deep = RelayCounts & { levels: number };

const counts = (r: Record<string, unknown> | undefined): RelayCounts => ({
  units: Number(r?.units ?? 0),
  acknowledged: Number(r?.acknowledged ?? 0),
  submitted: Number(r?.submitted ?? 0),
  accepted: Number(r?.accepted ?? 0),
  overdue: Number(r?.overdue ?? 0),
  tasksDone: Number(r?.tasks_done ?? 0),
  tasksTotal: Number(r?.tasks_total ?? 0),
});
const deep = (r: Record<string, unknown> | undefined): Deep => ({ ...counts(r), levels: Number(r?.levels ?? 0) });

/** The assignment figures of `w`, as the columns `counts` reads. */
const FIGURES = sql`count(w.id)::int as units,
  count(w.id) filter (where w.status <> 'pending')::int as acknowledged,
  count(w.id) filter (where w.status in ('submitted', 'accepted'))::int as submitted,
  count(w.id) filter (where w.status = 'accepted')::int as accepted,
  count(w.id) filter (where w.status in ${OPEN} and w.due_at < now())::int as overdue,
  coalesce(sum(w.checks_done), 0)::int as tasks_done, coalesce(sum(w.checks_total), 0)::int as tasks_total`;

/** Every issued directive below `roots` (roots included) with its level under them (roots are level 1). */
function treeBelow(roots: SQL): SQL {
  return sql`with recursive tree(id, root, level) as (
      select d.id, d.id, 1 from directives d where d.id = any(${roots})
      union all
      select c.id, t.root, t.level + 1 from directives c join tree t on c.parent_directive_id = t.id
       where c.status <> 'draft' and t.level < ${MAX_LEVELS})`;
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export async function cascade(db: Db, actor: Actor, id: string, q: { limit: number; offset: number; notRelayed?: boolean | undefined }): Promise<Cascade> {
  const d = await getVisibleDirective(db, actor, id);
  if (d.side !== 'issuer') throw domainError('FORBIDDEN', 'cascade_issuer_only', 'only the issuing side follows the cascade');
  const relayedSql = sql`exists (select 1 from directives r where r.parent_item_id = w.id and r.status <> 'draft')`;
  const unitsSql = sql`exists (select 1 from orgs c where c.parent_id = w.org_id)`;
  const relayLateSql = sql`(rw.due_at < now() and not ${relayedSql})`;
  const where = sql`w.kind = 'directive' and w.source_id = ${id} ${q.notRelayed ? sql`and ${unitsSql} and not ${relayedSql}` : sql``}`;
  const [page, [total], [summary], [below]] = await Promise.all([
    queryRows(
      db,
      sql`select w.id, w.org_id, org_label(o) as org_name, o.kind as org_kind, w.status, w.due_at, w.checks_done, w.checks_total,
                 ${unitsSql} as has_units, rw.due_at as relay_due_at, coalesce(${relayLateSql}, false) as relay_overdue
            from work_items w join orgs o on o.id = w.org_id
            left join work_items rw on rw.kind = 'directive_relay' and rw.source_id = w.source_id and rw.org_id = w.org_id
           where ${where}
           order by coalesce(${relayLateSql}, false) desc, o.path
           limit ${q.limit} offset ${q.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from work_items w where ${where}`),
    queryRows(
      db,
      sql`select count(*)::int as recipients, count(*) filter (where ${unitsSql})::int as with_units,
                 count(*) filter (where ${relayedSql})::int as relayed,
                 count(*) filter (where ${relayLateSql})::int as late
            from work_items w left join work_items rw on rw.kind = 'directive_relay' and rw.source_id = w.source_id and rw.org_id = w.org_id
           where w.kind = 'directive' and w.source_id = ${id}`,
    ),
    queryRows(
      db,
      sql`${treeBelow(uuidArray([id]))}
          select ${FIGURES}, max(t.level)::int as levels from tree t join work_items w on w.kind = 'directive' and w.source_id = t.id`,
    ),
  ]);
  const items = await withRelays(db, page);
  return {
    directiveId: d.id,
    number: d.number,
    subject: d.subject,
    relayWithinDays: d.relayWithinDays,
    summary: {
      recipients: Number(summary?.recipients ?? 0),
      withUnits: Number(summary?.with_units ?? 0),
      relayed: Number(summary?.relayed ?? 0),
      notRelayedOverdue: Number(summary?.late ?? 0),
      deep: deep(below),
    },
    items,
    total: Number(total?.n ?? 0),
  };
}

/** The page's recipients with their issued relays, each counted one level down and over every level below. */
async function withRelays(db: Db, page: Record<string, unknown>[]): Promise<CascadeNode[]> {
  const itemIds = page.map((r) => r.id as string);
  const relays = itemIds.length
    ? await queryRows(
        db,
        sql`select id, parent_item_id, number, subject, status, issued_at from directives
             where parent_item_id = any(${uuidArray(itemIds)}) and status <> 'draft' order by issued_at`,
      )
    : [];
  const relayIds = relays.map((r) => r.id as string);
  const [oneLevel, below] = relayIds.length
    ? await Promise.all([
        queryRows(
          db,
          sql`select w.source_id as id, ${FIGURES} from work_items w where w.kind = 'directive' and w.source_id = any(${uuidArray(relayIds)}) group by w.source_id`,
        ),
        queryRows(
          db,
          sql`${treeBelow(uuidArray(relayIds))}
              select t.root as id, ${FIGURES}, max(t.level)::int as levels
                from tree t join work_items w on w.kind = 'directive' and w.source_id = t.id group by t.root`,
        ),
      ])
    : [[], []];
  const byId = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [r.id as string, r]));
  const one = byId(oneLevel);
  const all = byId(below);
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return page.map((r) => ({
    assignmentId: r.id as string,
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    orgKind: r.org_kind as CascadeNode['orgKind'],
    status: r.status as CascadeNode['status'],
    dueAt: iso(r.due_at),
    overdue:
      ['pending', 'acknowledged', 'in_progress', 'returned'].includes(r.status as string) && Boolean(r.due_at) && new Date(r.due_at as string) < new Date(),
    tasksDone: Number(r.checks_done),
    tasksTotal: Number(r.checks_total),
    hasUnits: Boolean(r.has_units),
    relayDueAt: iso(r.relay_due_at),
    relayOverdue: Boolean(r.relay_overdue),
    relays: relays
      .filter((x) => x.parent_item_id === r.id)
      .map((x) => ({
        directiveId: x.id as string,
        number: (x.number as string | null) ?? null,
        subject: x.subject as string,
        status: x.status as CascadeNode['relays'][number]['status'],
        issuedAt: iso(x.issued_at),
        counts: counts(one.get(x.id as string)),
        deep: deep(all.get(x.id as string)),
      })),
  }));
}
