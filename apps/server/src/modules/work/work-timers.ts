import { sql, type SQL } from 'drizzle-orm';
import { escalationTarget, planTimers, policySteps, type TimerKind } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { defineJob, enqueueMany, jobName, type AnyJobDefinition } from '../../platform/jobs/index.js';
import { recordAuditBatch } from '../../platform/audit/audit.js';
import { notifyUsers } from '../notifications/index.js';
import type { WorkContext } from './work.service.js';
import type { WorkSource } from './work-sources.js';

/**
 * Reminders and escalation, fired by durable timers (platform/jobs). A timer names a group —
 * every item of one source (a directive's 66,420 assignments share a handful of due dates) or
 * one item — and a moment; when it fires, the handler reads the items as they are now and acts
 * on those whose step is due by the kind's policy, stamping the step so nothing is sent twice.
 * A timer whose items were closed, moved or already handled meanwhile finds nothing to do. The
 * sweep runs the same handler over everything every ten minutes: the backstop for a timer
 * enqueued by an older version or lost with a restored backup.
 */
export const WORK_TIMER_JOB = jobName<{ kind: string; sourceId?: string; itemId?: string }>('work.timer');
const BATCH = 500;
const HOUR = 3_600_000;

export interface TimerGroup {
  kind: string;
  sourceId?: string | undefined;
  itemId?: string | undefined;
}

/**
 * Plans the timers of a group of items from their dates, inside the caller's transaction:
 * one job per distinct moment, keyed so planning again (a due date edited back) adds nothing.
 */
export async function scheduleTimers(
  tx: Db,
  source: WorkSource,
  group: TimerGroup,
  dates: readonly { dueAt: Date | null; ackDueAt: Date | null; reviewDueAt?: Date | null; status?: string }[],
): Promise<number> {
  const groupId = group.itemId ?? group.sourceId ?? 'all';
  const moments = new Map<string, Date>();
  for (const d of dates) {
    const item = { id: groupId, status: (d.status ?? 'pending') as 'pending', dueAt: d.dueAt, ackDueAt: d.ackDueAt, reviewDueAt: d.reviewDueAt ?? null };
    // the acknowledgement reminders are planned as if still pending, the review ones as if submitted
    for (const t of [...planTimers(item, source.policy), ...planTimers({ ...item, status: 'submitted' }, source.policy)]) moments.set(t.at.toISOString(), t.at);
  }
  const now = Date.now();
  const jobs = [...moments.values()]
    .filter((at) => at.getTime() > now - HOUR)
    .map((at) => ({
      data: { kind: group.kind, ...(group.sourceId ? { sourceId: group.sourceId } : {}), ...(group.itemId ? { itemId: group.itemId } : {}) },
      startAfter: at,
      singletonKey: `${group.kind}:${groupId}:${at.toISOString()}`,
    }));
  if (jobs.length) await enqueueMany(tx, WORK_TIMER_JOB, jobs);
  return jobs.length;
}

interface Due {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  reviewer_org_id: string | null;
  reviewer_org_path: string | null;
  assignee_user_id: string | null;
  source_id: string;
  due_at: string | Date | null;
}

const COLUMN: Record<TimerKind, { step: string; date: string; statuses: SQL }> = {
  remind_due: { step: 'remind_step', date: 'due_at', statuses: sql`('pending', 'acknowledged', 'in_progress', 'returned')` },
  remind_ack: { step: 'ack_remind_step', date: 'ack_due_at', statuses: sql`('pending')` },
  remind_review: { step: 'review_remind_step', date: 'review_due_at', statuses: sql`('submitted')` },
  escalate: { step: 'escalate_step', date: 'due_at', statuses: sql`('pending', 'acknowledged', 'in_progress', 'returned')` },
};

/** Everything due now for the group (or every group): reminders, acknowledgement and review reminders, escalations. */
export async function runTimers(ctx: WorkContext, db: Db, group: Partial<TimerGroup> = {}, now = new Date()): Promise<Record<TimerKind, number>> {
  const done: Record<TimerKind, number> = { remind_due: 0, remind_ack: 0, remind_review: 0, escalate: 0 };
  for (const source of ctx.sources.all()) {
    if (group.kind && group.kind !== source.kind) continue;
    const steps = policySteps(source.policy);
    for (const kind of ['remind_ack', 'remind_due', 'remind_review', 'escalate'] as const) {
      // the latest step first: an item that missed an earlier reminder gets only the current one
      for (let step = steps[kind].length - 1; step >= 0; step--) done[kind] += await fireStep(ctx, db, source, group, kind, step, steps[kind][step]!, now);
    }
  }
  return done;
}

async function fireStep(
  ctx: WorkContext,
  db: Db,
  source: WorkSource,
  group: Partial<TimerGroup>,
  kind: TimerKind,
  step: number,
  hours: number,
  now: Date,
): Promise<number> {
  const c = COLUMN[kind];
  const stepCol = sql.raw(`w.${c.step}`);
  const dateCol = sql.raw(`w.${c.date}`);
  const shift = kind === 'escalate' ? sql`${dateCol} + make_interval(hours => ${hours})` : sql`${dateCol} - make_interval(hours => ${hours})`;
  // a reminder whose deadline has passed is not sent late: the escalation speaks then
  const window = kind === 'escalate' ? sql`${shift} <= ${now}` : sql`${shift} <= ${now} and ${dateCol} > ${now}`;
  const filter = sql.join(
    [
      sql`w.kind = ${source.kind}`,
      ...(group.sourceId ? [sql`w.source_id = ${group.sourceId}`] : []),
      ...(group.itemId ? [sql`w.id = ${group.itemId}`] : []),
      ...(source.inactiveSql ? [sql`not ${source.inactiveSql}`] : []),
    ],
    sql` and `,
  );
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await queryRows<Due>(
        tx,
        sql`select w.id, w.org_id, o.name as org_name, o.path::text as org_path, w.reviewer_org_id, ro.path::text as reviewer_org_path,
                   w.assignee_user_id, w.source_id, ${dateCol} as due_at
              from work_items w join orgs o on o.id = w.org_id left join orgs ro on ro.id = w.reviewer_org_id
             where ${filter} and w.status in ${c.statuses} and ${stepCol} <= ${step} and ${dateCol} is not null and ${window}
             order by ${dateCol} limit ${BATCH} for update of w skip locked`,
      );
      if (due.length === 0) return 0;
      const labels = await source.describe(
        tx,
        due.map((d) => ({ id: d.id, kind: source.kind, sourceId: d.source_id, orgId: d.org_id, partIds: [], status: '' })),
      );
      for (const d of due) await tell(ctx, tx, source, kind, step, d, labels.get(d.id) ?? { label: source.kind, link: `/work/${d.id}` });
      const ids = `{${due.map((d) => d.id).join(',')}}`;
      const stamp = kind === 'escalate' ? sql`, escalated_at = ${now}` : kind === 'remind_due' ? sql`, reminded_at = ${now}` : sql``;
      await tx.execute(sql`update work_items w set ${sql.raw(c.step)} = ${step + 1} ${stamp} where w.id = any(${ids}::uuid[])`);
      if (kind === 'escalate') {
        await tx.execute(
          sql`insert into work_events (item_id, actor_label, kind, params) select unnest(${ids}::uuid[]), 'hệ thống', 'escalated', ${JSON.stringify({ step })}::jsonb`,
        );
        await recordAuditBatch(
          tx,
          { actor: null, systemLabel: 'work timers', ip: null, requestId: null },
          due.map((d) => ({
            action: 'work.escalated',
            entityType: 'work_item',
            entityId: d.id,
            orgId: d.org_id,
            orgPath: d.org_path,
            after: { kind: source.kind, step, escalatedAt: now.toISOString() },
          })),
        );
      }
      return due.length;
    });
    total += n;
    if (n < BATCH) break;
  }
  return total;
}

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

async function tell(
  ctx: WorkContext,
  tx: Db,
  source: WorkSource,
  kind: TimerKind,
  step: number,
  d: Due,
  described: { label: string; link: string },
): Promise<void> {
  const { label, link } = described;
  if (kind === 'escalate') {
    const ladder = await ctx.audience.above(tx, d.org_path, source.escalateRoles);
    const target = escalationTarget(
      step,
      ladder.map((a) => ({ orgId: a.orgId, hasCoordinators: a.userIds.length > 0 })),
    );
    const people = ladder.find((a) => a.orgId === target)?.userIds ?? [];
    await notifyUsers(tx, {
      userIds: people,
      kind: 'work.overdue',
      params: { label, orgName: d.org_name, dueAt: iso(d.due_at) },
      link,
      email: true,
    });
    return;
  }
  let people: string[];
  if (kind === 'remind_review' && d.reviewer_org_id && d.reviewer_org_path) people = await ctx.audience.onOrg(tx, d.reviewer_org_id, source.reviewerRoles);
  else people = d.assignee_user_id ? [d.assignee_user_id] : await ctx.audience.onOrg(tx, d.org_id, source.ownerRoles);
  await notifyUsers(tx, {
    userIds: people,
    kind: kind === 'remind_due' ? 'work.reminder' : `work.${kind}`,
    params: { label, orgName: d.org_name, dueAt: iso(d.due_at) },
    link,
    email: true,
  });
}

/** The timer job and the sweep behind it. */
export function workJobs(ctx: WorkContext, db: Db): AnyJobDefinition[] {
  return [
    defineJob({
      name: WORK_TIMER_JOB,
      oneWaitingPerKey: true,
      handler: async (data) => {
        if (typeof data?.kind !== 'string') return;
        await runTimers(ctx, db, { kind: data.kind, sourceId: data.sourceId, itemId: data.itemId });
      },
    }),
    defineJob({ name: 'work.timer-sweep', cron: '*/10 * * * *', handler: async () => void (await runTimers(ctx, db)) }),
  ];
}
