import { isClosed, type WorkStatus } from './state-machine.js';

/**
 * Reminders and escalation as data: a policy per kind of work, evaluated here, fired by the
 * server's durable timers. Pure: the same item, policy and ancestors always give the same
 * timers, so a timer can be recomputed when it fires and dropped if it no longer applies.
 */
export interface EscalationPolicy {
  /** Remind the owing org this many hours before the due date (each a separate reminder). */
  remindBeforeHours: number[];
  /** Remind this many hours before the acknowledgement is due, when there is such a date. */
  remindBeforeAckHours: number[];
  /**
   * Once overdue: step 0 fires `afterOverdueHours[0]` after due and tells the coordinators of
   * the nearest ancestor that has any; each next step goes one such ancestor higher.
   */
  escalateAfterOverdueHours: number[];
  /** Once submitted, remind the reviewer this many hours before their own deadline (a dossier's appraisal). */
  remindBeforeReviewHours?: number[];
}

export const DEFAULT_POLICY: EscalationPolicy = { remindBeforeHours: [48], remindBeforeAckHours: [4], escalateAfterOverdueHours: [0, 48] };

export type TimerKind = 'remind_due' | 'remind_ack' | 'remind_review' | 'escalate';
export interface Timer {
  kind: TimerKind;
  /** Index within its list in the policy: reminder n, or escalation step n. */
  step: number;
  at: Date;
  /** Stable key: one timer per item, kind and step, however often it is planned. */
  key: string;
}

export interface TimedItem {
  id: string;
  status: WorkStatus;
  dueAt: Date | null;
  ackDueAt: Date | null;
  reviewDueAt?: Date | null;
}

const HOUR = 3_600_000;

function sane(hours: number[]): number[] {
  return [...new Set(hours.filter((h) => Number.isFinite(h) && h >= 0))].sort((a, b) => a - b);
}

/** Every timer the item will need under the policy, earliest first. Closed items need none. */
export function planTimers(item: TimedItem, policy: EscalationPolicy): Timer[] {
  if (isClosed(item.status)) return [];
  const out: Timer[] = [];
  const key = (kind: TimerKind, step: number) => `${item.id}:${kind}:${step}`;
  if (item.dueAt) {
    const due = item.dueAt.getTime();
    // the largest lead first: reminder 0 is the earliest one
    sane(policy.remindBeforeHours)
      .reverse()
      .forEach((h, step) => out.push({ kind: 'remind_due', step, at: new Date(due - h * HOUR), key: key('remind_due', step) }));
    sane(policy.escalateAfterOverdueHours).forEach((h, step) => out.push({ kind: 'escalate', step, at: new Date(due + h * HOUR), key: key('escalate', step) }));
  }
  if (item.ackDueAt && item.status === 'pending') {
    const due = item.ackDueAt.getTime();
    sane(policy.remindBeforeAckHours)
      .reverse()
      .forEach((h, step) => out.push({ kind: 'remind_ack', step, at: new Date(due - h * HOUR), key: key('remind_ack', step) }));
  }
  if (item.reviewDueAt && item.status === 'submitted') {
    const due = item.reviewDueAt.getTime();
    sane(policy.remindBeforeReviewHours ?? [])
      .reverse()
      .forEach((h, step) => out.push({ kind: 'remind_review', step, at: new Date(due - h * HOUR), key: key('remind_review', step) }));
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}

/**
 * The policy as the server's timer handler reads it: for each kind of timer, the hours of each
 * step in step order (reminders: the largest lead first; escalations: the shortest delay first),
 * the same order `planTimers` numbers them in.
 */
export function policySteps(policy: EscalationPolicy): Record<TimerKind, number[]> {
  return {
    remind_due: sane(policy.remindBeforeHours).reverse(),
    remind_ack: sane(policy.remindBeforeAckHours).reverse(),
    remind_review: sane(policy.remindBeforeReviewHours ?? []).reverse(),
    escalate: sane(policy.escalateAfterOverdueHours),
  };
}

/**
 * When a timer fires: does it still apply to the item as it is now? Closed items, a due date
 * moved, an acknowledgement already given — then the timer does nothing.
 */
export function timerStillApplies(timer: Pick<Timer, 'kind' | 'step' | 'at' | 'key'>, item: TimedItem, policy: EscalationPolicy): boolean {
  // submitted: the next move is the reviewer's, so the owing org is neither reminded nor chased
  if (item.status === 'submitted' && timer.kind !== 'remind_review') return false;
  const now = planTimers(item, policy).find((t) => t.key === timer.key);
  return now !== undefined && now.at.getTime() === timer.at.getTime();
}

/** An ancestor of the owing org, nearest first, and whether anyone there coordinates. */
export interface AncestorAudience {
  orgId: string;
  hasCoordinators: boolean;
}

/**
 * Who an escalation step goes to: step 0 to the nearest ancestor that has coordinators, step 1
 * to the next such ancestor above it, and so on; past the top, the topmost one again (someone
 * must always be told).
 */
export function escalationTarget(step: number, ancestorsNearestFirst: readonly AncestorAudience[]): string | null {
  const staffed = ancestorsNearestFirst.filter((a) => a.hasCoordinators);
  if (staffed.length === 0) return null;
  return staffed[Math.min(step, staffed.length - 1)]!.orgId;
}
