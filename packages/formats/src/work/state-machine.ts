/**
 * Work owed by an org: one state machine for every source (a directive's assignment, a system's
 * checklist, and later findings, alerts, incidents…). Pure: no clock, no database; the server
 * asks `transition()` and stores what it answers.
 *
 *   pending ─acknowledge→ acknowledged ─start→ in_progress ─submit→ submitted ─accept→ accepted
 *                               └──────submit──────────────────────────↑      │
 *                                       returned ←──────── return ─────────────┘ (then start or submit again)
 *   any open status ─not_applicable (reason)→ not_applicable     (the owing org: "does not concern us")
 *   any open or submitted status ─accept_risk (reason)→ risk_accepted   (the reviewer: "left as it is, knowingly")
 *   accepted | not_applicable | risk_accepted ─reopen (reason)→ returned   (the reviewer)
 */
export const WORK_STATUSES = ['pending', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'not_applicable', 'risk_accepted'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const WORK_ACTIONS = ['acknowledge', 'start', 'submit', 'return', 'accept', 'not_applicable', 'accept_risk', 'reopen'] as const;
export type WorkAction = (typeof WORK_ACTIONS)[number];

/** Who acts: the org that owes the work, or the org that reviews it. */
export type WorkSide = 'owner' | 'reviewer';

export const OPEN_STATUSES: readonly WorkStatus[] = ['pending', 'acknowledged', 'in_progress', 'returned'];
export const CLOSED_STATUSES: readonly WorkStatus[] = ['accepted', 'not_applicable', 'risk_accepted'];

interface Rule {
  from: readonly WorkStatus[];
  to: WorkStatus;
  side: WorkSide;
  reason: boolean;
}

const RULES: Record<WorkAction, Rule> = {
  acknowledge: { from: ['pending'], to: 'acknowledged', side: 'owner', reason: false },
  // reporting needs the receipt acknowledged first (a source with no receipt step opens its items acknowledged)
  start: { from: ['acknowledged', 'returned'], to: 'in_progress', side: 'owner', reason: false },
  submit: { from: ['acknowledged', 'in_progress', 'returned'], to: 'submitted', side: 'owner', reason: false },
  // sending back needs words: the owing org must know what to fix
  return: { from: ['submitted'], to: 'returned', side: 'reviewer', reason: true },
  accept: { from: ['submitted'], to: 'accepted', side: 'reviewer', reason: false },
  not_applicable: { from: OPEN_STATUSES, to: 'not_applicable', side: 'owner', reason: true },
  accept_risk: { from: [...OPEN_STATUSES, 'submitted'], to: 'risk_accepted', side: 'reviewer', reason: true },
  reopen: { from: CLOSED_STATUSES, to: 'returned', side: 'reviewer', reason: true },
};

export type TransitionResult =
  | { ok: true; to: WorkStatus }
  | { ok: false; code: 'transition_not_allowed'; from: WorkStatus; allowed: WorkAction[] }
  | { ok: false; code: 'wrong_side'; side: WorkSide }
  | { ok: false; code: 'reason_required' };

/** What `side` may do from `from`: for buttons, and for the 409 that names the current status. */
export function allowedActions(from: WorkStatus, side: WorkSide): WorkAction[] {
  return WORK_ACTIONS.filter((a) => RULES[a].side === side && RULES[a].from.includes(from));
}

export function transition(from: WorkStatus, action: WorkAction, side: WorkSide, reason?: string | null): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(from)) return { ok: false, code: 'transition_not_allowed', from, allowed: allowedActions(from, side) };
  if (rule.side !== side) return { ok: false, code: 'wrong_side', side: rule.side };
  if (rule.reason && !(reason ?? '').trim()) return { ok: false, code: 'reason_required' };
  return { ok: true, to: rule.to };
}

export function isClosed(status: WorkStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Overdue is about the owing org: only statuses where the next move is theirs count. */
export function isOverdue(status: WorkStatus, dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() <= now.getTime() && OPEN_STATUSES.includes(status);
}

/**
 * A check is one task or requirement of an item. Sources name the statuses in their own
 * words (a requirement's `done` reads "met"); the values are shared.
 */
export const CHECK_STATUSES = ['not_started', 'in_progress', 'done', 'not_done', 'not_applicable', 'risk_accepted'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export function checkNeedsReason(status: CheckStatus): boolean {
  return status === 'not_applicable' || status === 'risk_accepted' || status === 'not_done';
}

/** Settled checks let an item be submitted: done, or set aside with a reason. */
export function checkIsSettled(status: CheckStatus): boolean {
  return status === 'done' || status === 'not_applicable' || status === 'risk_accepted' || status === 'not_done';
}

/** The checks still holding a submission back, by their position. */
export function unsettledChecks(statuses: readonly CheckStatus[]): number[] {
  return statuses.flatMap((s, i) => (checkIsSettled(s) ? [] : [i]));
}
