import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import type { WorkContext } from './work.service.js';
import { scheduleTimers } from './work-timers.js';

/**
 * Opens the work of one source for many orgs at once, as one set-based statement: `rows` is a
 * query with the columns org_id, org_kind, part_ids, checks_total, due_at, reviewer_org_id,
 * commune_org_id, province_org_id (and optionally status, ack_due_at) — one row per owing org.
 * Opening again adds nothing for an org that already has its item. The timers for the
 * distinct due dates are planned in the same transaction. Returns the number of items now open.
 */
export async function openWork(ctx: WorkContext, tx: Db, kind: string, sourceId: string, rows: SQL, opts: { status?: string } = {}): Promise<number> {
  await tx.execute(sql`
    insert into work_items (kind, source_id, org_id, org_kind, part_ids, checks_total, due_at, reviewer_org_id, commune_org_id, province_org_id, status)
    select ${kind}, ${sourceId}::uuid, r.org_id, r.org_kind, r.part_ids, r.checks_total, r.due_at, r.reviewer_org_id, r.commune_org_id, r.province_org_id,
           ${opts.status ?? 'pending'}
      from (${rows}) r
    on conflict (kind, source_id, org_id) do nothing`);
  return planSourceTimers(ctx, tx, kind, sourceId);
}

/** Timers for every distinct date of a source's items (few: a directive's sections share them); the item count. */
export async function planSourceTimers(ctx: WorkContext, tx: Db, kind: string, sourceId: string): Promise<number> {
  const dates = await queryRows<{ due_at: string | Date | null; ack_due_at: string | Date | null; review_due_at: string | Date | null; n: number }>(
    tx,
    sql`select due_at, ack_due_at, review_due_at, count(*)::int as n from work_items where kind = ${kind} and source_id = ${sourceId}
         group by 1, 2, 3`,
  );
  const d = (v: string | Date | null) => (v ? new Date(v) : null);
  await scheduleTimers(
    tx,
    ctx.sources.get(kind),
    { kind, sourceId },
    dates.map((r) => ({ dueAt: d(r.due_at), ackDueAt: d(r.ack_due_at), reviewDueAt: d(r.review_due_at) })),
  );
  return dates.reduce((n, r) => n + Number(r.n), 0);
}

/**
 * One item for one org (a system's checklist), created or brought up to date by its source:
 * counts and dates the source knows. A new status given means the source restarts the work
 * (a new security level is a new dossier): steps and review fields are cleared and the history
 * says so.
 */
export async function upsertItem(
  ctx: WorkContext,
  tx: Db,
  v: {
    kind: string;
    sourceId: string;
    orgId: string;
    checksTotal: number;
    dueAt?: Date | null;
    reviewDueAt?: Date | null;
    restartAs?: 'acknowledged' | 'pending';
    actorLabel?: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string; inserted: boolean }>(
    tx,
    sql`insert into work_items (kind, source_id, org_id, org_kind, checks_total, due_at, review_due_at, status, commune_org_id, province_org_id)
        select ${v.kind}, ${v.sourceId}::uuid, o.id, o.kind, ${v.checksTotal}, ${v.dueAt ?? null}::timestamptz, ${v.reviewDueAt ?? null}::timestamptz,
               ${v.restartAs ?? 'acknowledged'},
               (select c.id from orgs c where c.path @> o.path and c.kind in ('commune', 'ward', 'special_zone') order by c.depth desc limit 1),
               (select p.id from orgs p where p.path @> o.path and p.kind = 'province' order by p.depth desc limit 1)
          from orgs o where o.id = ${v.orgId}
        on conflict (kind, source_id, org_id) do update set checks_total = excluded.checks_total, updated_at = now()
          ${v.dueAt !== undefined ? sql`, due_at = excluded.due_at` : sql``}
          ${v.reviewDueAt !== undefined ? sql`, review_due_at = excluded.review_due_at, review_remind_step = 0` : sql``}
        returning id, (xmax = 0) as inserted`,
  );
  const id = row!.id;
  if (v.restartAs && !row!.inserted) {
    await tx.execute(sql`update work_items set status = ${v.restartAs}, status_reason = null, submitted_at = null, reviewed_at = null, review_comment = null,
                           review_due_at = null, remind_step = 0, ack_remind_step = 0, review_remind_step = 0, escalate_step = 0,
                           version = version + 1, updated_at = now() where id = ${id}`);
    await tx.execute(sql`insert into work_events (item_id, actor_label, kind) values (${id}, ${v.actorLabel ?? 'hệ thống'}, 'restarted')`);
  }
  const [d] = await queryRows<{ due_at: string | null; ack_due_at: string | null; review_due_at: string | null; status: string }>(
    tx,
    sql`select due_at, ack_due_at, review_due_at, status from work_items where id = ${id}`,
  );
  const date = (x: string | Date | null | undefined) => (x ? new Date(x) : null);
  await scheduleTimers(tx, ctx.sources.get(v.kind), { kind: v.kind, itemId: id }, [
    { dueAt: date(d?.due_at), ackDueAt: date(d?.ack_due_at), reviewDueAt: date(d?.review_due_at), status: d?.status },
  ]);
  return id;
}

/** The item a source knows by its own id (a system's checklist), if opened. */
export async function findItemIdBySource(tx: Db, kind: string, sourceId: string): Promise<string | undefined> {
  const [r] = await queryRows<{ id: string }>(tx, sql`select id from work_items where kind = ${kind} and source_id = ${sourceId} order by created_at limit 1`);
  return r?.id;
}
