import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allowedActions,
  CLOSED_STATUSES,
  DEFAULT_POLICY,
  escalationTarget,
  isOverdue,
  planTimers,
  policySteps,
  timerStillApplies,
  transition,
  unsettledChecks,
  WORK_ACTIONS,
  WORK_STATUSES,
  type EscalationPolicy,
  type WorkStatus,
} from './index.js';

const status = fc.constantFrom(...WORK_STATUSES);
const action = fc.constantFrom(...WORK_ACTIONS);
const side = fc.constantFrom('owner' as const, 'reviewer' as const);

describe('work state machine', () => {
  it('walks the usual path of a directive assignment', () => {
    let s: WorkStatus = 'pending';
    for (const [a, who, reason] of [
      ['acknowledge', 'owner', null],
      ['start', 'owner', null],
      ['submit', 'owner', null],
      ['return', 'reviewer', 'Thiếu ảnh chụp màn hình'],
      ['submit', 'owner', null],
      ['accept', 'reviewer', null],
    ] as const) {
      const r = transition(s, a, who, reason);
      expect(r.ok, `${s} -${a}->`).toBe(true);
      if (r.ok) s = r.to;
    }
    expect(s).toBe('accepted');
  });

  it('refuses reporting before the receipt is acknowledged, naming what is allowed', () => {
    expect(transition('pending', 'submit', 'owner')).toEqual({
      ok: false,
      code: 'transition_not_allowed',
      from: 'pending',
      allowed: ['acknowledge', 'not_applicable'],
    });
  });

  it('needs a reason to return, set aside, accept a risk or reopen', () => {
    expect(transition('submitted', 'return', 'reviewer', '  ')).toEqual({ ok: false, code: 'reason_required' });
    expect(transition('in_progress', 'not_applicable', 'owner')).toEqual({ ok: false, code: 'reason_required' });
    expect(transition('accepted', 'reopen', 'reviewer', 'Kiểm tra lại')).toEqual({ ok: true, to: 'returned' });
  });

  it('an answer is always one of: moved per the rules, not allowed from here, wrong side, reason missing', () => {
    fc.assert(
      fc.property(status, action, side, fc.option(fc.string(), { nil: null }), (from, a, who, reason) => {
        const r = transition(from, a, who, reason);
        if (r.ok) {
          expect(allowedActions(from, who)).toContain(a);
          expect(WORK_STATUSES).toContain(r.to);
        } else if (r.code === 'transition_not_allowed') {
          expect(r.allowed).not.toContain(a);
          expect(r.allowed.every((x) => transition(from, x, who, 'lý do').ok)).toBe(true);
        }
      }),
    );
  });

  it('a closed item leaves its status only by the reviewer reopening it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLOSED_STATUSES), action, side, (from, a, who) => {
        const r = transition(from, a, who, 'lý do');
        if (r.ok) expect([a, who, r.to]).toEqual(['reopen', 'reviewer', 'returned']);
      }),
    );
  });

  it('from any status, some sequence of moves reaches a closed status', () => {
    for (const from of WORK_STATUSES) {
      const seen = new Set<WorkStatus>([from]);
      const queue = [from];
      while (queue.length) {
        const s = queue.shift()!;
        for (const who of ['owner', 'reviewer'] as const)
          for (const a of allowedActions(s, who)) {
            const r = transition(s, a, who, 'lý do');
            if (r.ok && !seen.has(r.to)) {
              seen.add(r.to);
              queue.push(r.to);
            }
          }
      }
      expect(
        [...seen].some((s) => CLOSED_STATUSES.includes(s)),
        from,
      ).toBe(true);
    }
  });

  it('overdue counts only while the next move is the owing org’s', () => {
    const due = new Date('2026-12-01T00:00:00Z');
    const after = new Date('2026-12-02T00:00:00Z');
    expect(isOverdue('acknowledged', due, after)).toBe(true);
    expect(isOverdue('submitted', due, after)).toBe(false);
    expect(isOverdue('accepted', due, after)).toBe(false);
    expect(isOverdue('pending', null, after)).toBe(false);
  });

  it('names the checks still holding a submission back', () => {
    expect(unsettledChecks(['done', 'not_started', 'not_applicable', 'in_progress'])).toEqual([1, 3]);
  });
});

describe('escalation policy', () => {
  const hours = fc.array(fc.integer({ min: 0, max: 24 * 30 }), { maxLength: 4 });
  const policy: fc.Arbitrary<EscalationPolicy> = fc.record({ remindBeforeHours: hours, remindBeforeAckHours: hours, escalateAfterOverdueHours: hours });
  const date = fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true });
  const item = fc.record({ id: fc.uuid(), status, dueAt: fc.option(date, { nil: null }), ackDueAt: fc.option(date, { nil: null }) });

  it('plans reminders before the due date and escalations after it, once each, earliest first', () => {
    const dueAt = new Date('2026-12-10T02:00:00Z');
    const timers = planTimers(
      { id: 'a', status: 'acknowledged', dueAt, ackDueAt: null },
      { remindBeforeHours: [24, 72], remindBeforeAckHours: [], escalateAfterOverdueHours: [0, 48] },
    );
    expect(timers.map((t) => [t.kind, t.step, t.at.toISOString()])).toEqual([
      ['remind_due', 0, '2026-12-07T02:00:00.000Z'],
      ['remind_due', 1, '2026-12-09T02:00:00.000Z'],
      ['escalate', 0, '2026-12-10T02:00:00.000Z'],
      ['escalate', 1, '2026-12-12T02:00:00.000Z'],
    ]);
  });

  it('timers are sorted, keyed uniquely, reminders never after due, escalations never before', () => {
    fc.assert(
      fc.property(item, policy, (it, p) => {
        const ts = planTimers(it, p);
        expect(new Set(ts.map((t) => t.key)).size).toBe(ts.length);
        for (let i = 1; i < ts.length; i++) expect(ts[i]!.at.getTime()).toBeGreaterThanOrEqual(ts[i - 1]!.at.getTime());
        for (const t of ts) {
          if (t.kind === 'remind_due') expect(t.at.getTime()).toBeLessThanOrEqual(it.dueAt!.getTime());
          if (t.kind === 'escalate') expect(t.at.getTime()).toBeGreaterThanOrEqual(it.dueAt!.getTime());
          if (t.kind === 'remind_ack') expect(t.at.getTime()).toBeLessThanOrEqual(it.ackDueAt!.getTime());
        }
        if (CLOSED_STATUSES.includes(it.status)) expect(ts).toEqual([]);
      }),
    );
  });

  it('a timer does nothing once the item is closed, submitted, or its date has moved', () => {
    fc.assert(
      fc.property(item, policy, status, fc.integer({ min: 1, max: 1000 }), (it, p, later, shiftHours) => {
        for (const t of planTimers(it, p)) {
          expect(timerStillApplies(t, it, p)).toBe(it.status !== 'submitted');
          if (CLOSED_STATUSES.includes(later) || later === 'submitted') expect(timerStillApplies(t, { ...it, status: later }, p)).toBe(false);
          const moved = {
            ...it,
            dueAt: it.dueAt && new Date(it.dueAt.getTime() + shiftHours * 3_600_000),
            ackDueAt: it.ackDueAt && new Date(it.ackDueAt.getTime() + shiftHours * 3_600_000),
          };
          expect(timerStillApplies(t, moved, p)).toBe(false);
        }
      }),
    );
  });

  it('the acknowledgement reminder stops once the receipt is acknowledged', () => {
    const it0 = { id: 'x', status: 'pending' as const, dueAt: null, ackDueAt: new Date('2026-12-03T00:00:00Z') };
    const [t] = planTimers(it0, DEFAULT_POLICY);
    expect(t!.kind).toBe('remind_ack');
    expect(timerStillApplies(t!, { ...it0, status: 'acknowledged' }, DEFAULT_POLICY)).toBe(false);
  });

  it('escalates to the nearest staffed ancestor, then the next, never to nobody while someone is staffed', () => {
    const up = [
      { orgId: 'to-dan-pho', hasCoordinators: false },
      { orgId: 'xa', hasCoordinators: true },
      { orgId: 'huyen-cu', hasCoordinators: false },
      { orgId: 'tinh', hasCoordinators: true },
    ];
    expect([0, 1, 2].map((s) => escalationTarget(s, up))).toEqual(['xa', 'tinh', 'tinh']);
    expect(escalationTarget(0, [{ orgId: 'a', hasCoordinators: false }])).toBeNull();
  });

  it('once submitted, only the reviewer’s own deadline is reminded (a dossier’s appraisal)', () => {
    const policy = { remindBeforeHours: [48], remindBeforeAckHours: [], escalateAfterOverdueHours: [0], remindBeforeReviewHours: [24, 72] };
    const review = new Date('2026-12-10T17:00:00Z');
    const item = { id: 'he-thong', status: 'submitted' as const, dueAt: new Date('2026-12-05T00:00:00Z'), ackDueAt: null, reviewDueAt: review };
    const timers = planTimers(item, policy);
    expect(timers.map((t) => [t.kind, t.step, t.at.toISOString()])).toEqual([
      ['remind_due', 0, '2026-12-03T00:00:00.000Z'],
      ['escalate', 0, '2026-12-05T00:00:00.000Z'],
      ['remind_review', 0, '2026-12-07T17:00:00.000Z'],
      ['remind_review', 1, '2026-12-09T17:00:00.000Z'],
    ]);
    expect(timers.filter((t) => timerStillApplies(t, item, policy)).map((t) => t.kind)).toEqual(['remind_review', 'remind_review']);
    // returned to the owing org: the review reminders no longer apply
    expect(timers.filter((t) => t.kind === 'remind_review').some((t) => timerStillApplies(t, { ...item, status: 'returned' }, policy))).toBe(false);
  });

  it('numbers the policy’s steps as planTimers does: the largest lead first, the shortest delay first', () => {
    expect(
      policySteps({ remindBeforeHours: [4, 48, 4], remindBeforeAckHours: [], escalateAfterOverdueHours: [48, 0], remindBeforeReviewHours: [24, 72] }),
    ).toEqual({
      remind_due: [48, 4],
      remind_ack: [],
      remind_review: [72, 24],
      escalate: [0, 48],
    });
  });
});
