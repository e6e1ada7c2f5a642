import { sql, type SQL } from 'drizzle-orm';
import type { TodoPage, WorkOverview } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import type { Permission } from '@khien/contracts';
import { inScope, scopeFor, scopeSql, type Actor } from '../../platform/policy.js';
import { domainError } from '../../platform/errors.js';
import { findUserNames } from '../users/index.js';
import type { WorkContext } from './work.service.js';
import { refOf, toSummary } from './work.service.js';
import { findItemsPage, type ItemRow } from './work.repo.js';
import type { WorkLabel } from './work-sources.js';

const OPEN = sql`('pending', 'acknowledged', 'in_progress', 'returned')`;
const CLOSED = sql`('accepted', 'not_applicable', 'risk_accepted')`;

/** Items of every registered kind whose owing org lies in the actor's scope for `pick(permissions)`. */
function kindsInScope(ctx: WorkContext, actor: Actor, pick: (p: { read: Permission; report: Permission }) => Permission, kind?: string): SQL {
  const parts = ctx.sources
    .all()
    .filter((s) => !kind || s.kind === kind)
    .map((s) => sql`(w.kind = ${s.kind} and ${scopeSql(scopeFor(actor, pick(s.permissions)), sql`o.path`)})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

async function orgPathOf(db: Db, orgId: string): Promise<{ path: string; name: string; kind: string } | undefined> {
  const [o] = await queryRows<{ path: string; name: string; kind: string }>(db, sql`select path::text as path, name, kind from orgs where id = ${orgId}`);
  return o;
}

export interface TodoQuery {
  kind?: string | undefined;
  state: 'open' | 'overdue' | 'submitted' | 'closed' | 'all';
  orgId?: string | undefined;
  mine?: 'true' | 'false' | undefined;
  limit: number;
  offset: number;
}

/**
 * "Việc cần làm": everything owed by the orgs the actor reports for, of every kind, overdue
 * first, then by due date. The base filter is the report scope (o.path <@ …) so a commune
 * officer's page reads a few orgs' items through work_items_org_id_idx.
 */
export async function listTodo(ctx: WorkContext, db: Db, actor: Actor, q: TodoQuery): Promise<TodoPage> {
  const base: SQL[] = [kindsInScope(ctx, actor, (p) => p.report)];
  if (q.orgId) {
    const org = await orgPathOf(db, q.orgId);
    base.push(org ? sql`o.path <@ ${org.path}::ltree` : sql`false`);
  }
  if (q.mine === 'true') base.push(sql`w.assignee_user_id = ${actor.userId}`);
  const inactive = ctx.sources.all().flatMap((s) => (s.inactiveSql ? [sql`(w.kind = ${s.kind} and ${s.inactiveSql})`] : []));
  if (inactive.length) base.push(sql`not (${sql.join(inactive, sql` or `)})`);
  const baseSql = sql.join(base, sql` and `);
  const state: Record<TodoQuery['state'], SQL> = {
    open: sql`w.status in ${OPEN}`,
    overdue: sql`w.status in ${OPEN} and w.due_at <= now()`,
    submitted: sql`w.status = 'submitted'`,
    closed: sql`w.status in ${CLOSED}`,
    all: sql`true`,
  };
  const where = sql.join([baseSql, state[q.state], ...(q.kind ? [sql`w.kind = ${q.kind}`] : [])], sql` and `);
  // the per-kind counts first: for the usual states they are also the page's total, so no count(*) of its own
  const kinds = await queryRows<{ kind: string; open: number; overdue: number; submitted: number }>(
    db,
    sql`select w.kind, count(*) filter (where w.status in ${OPEN})::int as open,
               count(*) filter (where w.status in ${OPEN} and w.due_at <= now())::int as overdue,
               count(*) filter (where w.status = 'submitted')::int as submitted
          from work_items w join orgs o on o.id = w.org_id where ${baseSql} group by w.kind order by w.kind`,
  );
  const counted = q.state === 'open' || q.state === 'overdue' || q.state === 'submitted' ? q.state : null;
  const knownTotal = counted ? kinds.filter((k) => !q.kind || k.kind === q.kind).reduce((n, k) => n + Number(k[counted]), 0) : undefined;
  const page = await findItemsPage(db, where, q.limit, q.offset, knownTotal);
  const labels = await describeRows(ctx, db, page.rows);
  const names = await findUserNames(
    db,
    page.rows.map((r) => r.assigneeUserId),
  );
  const sum = (k: 'open' | 'overdue' | 'submitted') => kinds.reduce((n, r) => n + Number(r[k]), 0);
  return {
    items: page.rows.map((r) => toSummary(r, labels.get(r.id), r.assigneeUserId ? (names.get(r.assigneeUserId) ?? null) : null)),
    total: page.total,
    kinds: kinds.map((k) => ({ kind: k.kind, open: Number(k.open), overdue: Number(k.overdue) })),
    counts: { open: sum('open'), overdue: sum('overdue'), submitted: sum('submitted') },
  };
}

/** Labels and links from each row's source, one call per kind. */
export async function describeRows(ctx: WorkContext, db: Db, rows: readonly ItemRow[]): Promise<Map<string, WorkLabel>> {
  const out = new Map<string, WorkLabel>();
  const byKind = new Map<string, ItemRow[]>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  for (const [kind, items] of byKind) {
    if (!ctx.sources.has(kind)) continue;
    for (const [id, l] of await ctx.sources.get(kind).describe(db, items.map(refOf))) out.set(id, l);
  }
  return out;
}

const COMMUNE_KINDS = new Set(['commune', 'ward', 'special_zone']);

/**
 * The coordinator's view: under an org (default: the top of the actor's read scope), what each
 * commune owes — or, at a commune or below, each unit — across kinds, most overdue first.
 */
export async function workOverview(
  ctx: WorkContext,
  db: Db,
  actor: Actor,
  q: { orgId?: string | undefined; kind?: string | undefined },
): Promise<WorkOverview> {
  const scope = kindsInScope(ctx, actor, (p) => p.read, q.kind);
  let org: { id: string; path: string; name: string; kind: string } | null = null;
  if (q.orgId) {
    const o = await orgPathOf(db, q.orgId);
    // an org outside what the caller may read does not exist for them
    if (!o || !inScope(scopeFor(actor, 'org:read'), o.path)) throw domainError('NOT_FOUND', 'org_not_found', 'org not found');
    org = { id: q.orgId, ...o };
  } else {
    const top = actor.grants.filter((g) => g.orgPath !== null).sort((a, b) => a.orgPath!.length - b.orgPath!.length)[0];
    if (top && !actor.grants.some((g) => g.orgPath === null)) {
      const [o] = await queryRows<{ id: string; path: string; name: string; kind: string }>(
        db,
        sql`select id, path::text as path, name, kind from orgs where path = ${top.orgPath}::ltree`,
      );
      if (o) org = o;
    }
  }
  const by: WorkOverview['by'] = org && (COMMUNE_KINDS.has(org.kind) || (await isBelowCommune(db, org.path))) ? 'org' : 'commune';
  const key = by === 'org' ? sql`w.org_id` : sql`coalesce(w.commune_org_id, w.org_id)`;
  const within = org ? sql`o.path <@ ${org.path}::ltree` : sql`true`;
  const rows = await queryRows<{ key: string; in_commune: boolean; kind: string; open: number; overdue: number; submitted: number; closed: number }>(
    db,
    sql`select ${key}::text as key, (w.commune_org_id is not null) as in_commune, w.kind,
               count(*) filter (where w.status in ${OPEN})::int as open,
               count(*) filter (where w.status in ${OPEN} and w.due_at <= now())::int as overdue,
               count(*) filter (where w.status = 'submitted')::int as submitted,
               count(*) filter (where w.status in ${CLOSED})::int as closed
          from work_items w join orgs o on o.id = w.org_id
         where ${scope} and ${within}
         group by 1, 2, 3`,
  );
  const keys = [...new Set(rows.map((r) => r.key))];
  const names = keys.length
    ? await queryRows<{ id: string; name: string }>(
        db,
        sql`select id::text as id, org_label(orgs) as name from orgs where id = any(${`{${keys.join(',')}}`}::uuid[])`,
      )
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const grouped = new Map<string, WorkOverview['rows'][number]>();
  for (const r of rows) {
    const g = grouped.get(r.key) ?? {
      orgId: r.key,
      orgName: nameOf.get(r.key) ?? r.key,
      // by commune, a provincial agency or a telecom is listed apart, never as a commune
      inCommune: by === 'org' || r.in_commune,
      open: 0,
      overdue: 0,
      submitted: 0,
      closed: 0,
      byKind: [],
    };
    g.open += Number(r.open);
    g.overdue += Number(r.overdue);
    g.submitted += Number(r.submitted);
    g.closed += Number(r.closed);
    g.byKind.push({ kind: r.kind, open: Number(r.open), overdue: Number(r.overdue) });
    grouped.set(r.key, g);
  }
  const out = [...grouped.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.orgName.localeCompare(b.orgName, 'vi'));
  return { orgId: org?.id ?? null, orgName: org?.name ?? null, by, rows: out, kinds: [...new Set(rows.map((r) => r.kind))].sort() };
}

async function isBelowCommune(db: Db, path: string): Promise<boolean> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from orgs where path @> ${path}::ltree and path <> ${path}::ltree and kind in ('commune', 'ward', 'special_zone')`,
  );
  return Number(r?.n ?? 0) > 0;
}
