import * as contracts from '@khien/contracts';
import type { WorkCheck, WorkSummary } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  CHECK_STATUSES,
  TODO_STATES,
  WORK_ACTIONS,
  WORK_STATUSES,
  actionNeedsReason,
  checkBody,
  checkNeedsReason,
  checkWordKey,
  checksBlockingSubmit,
  compareTodo,
  drillTarget,
  splitByCommune,
  dueWords,
  filtersFromParams,
  groupChecks,
  isDraftDirty,
  joinPages,
  kindChips,
  orderActions,
  orgLine,
  overdueTone,
  overviewTotals,
  paramsFromFilters,
  sortOverviewRows,
  type OverviewRow,
} from './work-model';

function check(key: string, over: Partial<WorkCheck> = {}): WorkCheck {
  return {
    key,
    group: null,
    code: null,
    text: `Việc ${key}`,
    dueAt: null,
    status: 'not_started',
    report: '',
    reason: null,
    evidence: [],
    updatedAt: null,
    updatedBy: null,
    ...over,
  };
}

let seq = 0;
function summary(over: Partial<WorkSummary> = {}): WorkSummary {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    kind: 'directive',
    sourceId: '00000000-0000-4000-8000-000000000000',
    label: 'V/v tăng cường bảo đảm an toàn thông tin',
    link: '/assignments/x',
    orgId: '00000000-0000-4000-8000-0000000000aa',
    orgName: 'Văn phòng HĐND và UBND',
    orgParentName: 'Phường Hạc Thành',
    orgKind: 'agency',
    status: 'pending',
    statusReason: null,
    assigneeUserId: null,
    assigneeName: null,
    dueAt: null,
    ackDueAt: null,
    reviewDueAt: null,
    overdue: false,
    checksDone: 0,
    checksTotal: 3,
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    ...over,
  };
}

function row(orgName: string, open: number, overdue: number, over: Partial<OverviewRow> = {}): OverviewRow {
  return { orgId: `id-${orgName}`, orgName, inCommune: true, open, overdue, submitted: 0, closed: 0, byKind: [], ...over };
}

describe('contract mirrors', () => {
  it.each([
    ['WORK_STATUSES', WORK_STATUSES, contracts.WORK_STATUSES],
    ['WORK_ACTIONS', WORK_ACTIONS, contracts.WORK_ACTIONS],
    ['CHECK_STATUSES', CHECK_STATUSES, contracts.CHECK_STATUSES],
    ['TODO_STATES', TODO_STATES, contracts.TodoStateSchema.options],
  ] as const)('%s equals the contract', (_name, mirror, contract) => {
    expect([...mirror]).toEqual([...contract]);
  });
});

describe('dueWords', () => {
  // 10:00 on 10 March 2026 in Vietnam
  const now = new Date('2026-03-10T03:00:00Z');

  it('counts calendar days in Vietnam, not 24-hour spans', () => {
    expect(dueWords('2026-03-07T10:00:00Z', 'pending', now)).toEqual({ key: 'overdueDays', days: 3 });
    // 23:30 on 9 March in Vietnam is yesterday there, though only 10.5 hours ago
    expect(dueWords('2026-03-09T16:30:00Z', 'acknowledged', now)).toEqual({ key: 'overdueOneDay' });
    expect(dueWords('2026-03-12T10:00:00Z', 'in_progress', now)).toEqual({ key: 'daysLeft', days: 2 });
    // 01:00 on 11 March in Vietnam is tomorrow, though it is 2026-03-10 in UTC
    expect(dueWords('2026-03-10T18:00:00Z', 'returned', now)).toEqual({ key: 'dueTomorrow' });
  });

  it('tells today before and after the deadline passed', () => {
    expect(dueWords('2026-03-10T10:00:00Z', 'pending', now)).toEqual({ key: 'dueToday' });
    expect(dueWords('2026-03-10T01:00:00Z', 'pending', now)).toEqual({ key: 'overdueToday' });
  });

  it('says nothing once the owing org has nothing left to do, or without a date', () => {
    for (const status of ['submitted', 'accepted', 'not_applicable', 'risk_accepted'] as const) {
      expect(dueWords('2026-03-01T00:00:00Z', status, now)).toBeNull();
    }
    expect(dueWords(null, 'pending', now)).toBeNull();
    expect(dueWords('not a date', 'pending', now)).toBeNull();
  });
});

describe('actions', () => {
  it('needs a reason exactly for return, not applicable, accept risk and reopen', () => {
    expect(WORK_ACTIONS.filter(actionNeedsReason)).toEqual(['return', 'not_applicable', 'accept_risk', 'reopen']);
  });

  it('offers actions in the state machine order, each once', () => {
    expect(orderActions(['accept_risk', 'submit', 'acknowledge', 'submit'])).toEqual(['acknowledge', 'submit', 'accept_risk']);
  });
});

describe('checks', () => {
  it('needs a reason for not done, not applicable and risk accepted', () => {
    expect(CHECK_STATUSES.filter(checkNeedsReason)).toEqual(['not_done', 'not_applicable', 'risk_accepted']);
  });

  it('groups by first appearance and keeps the server order inside a group', () => {
    const checks = [
      check('a', { group: 'I. Tổ chức' }),
      check('b', { group: 'II. Kỹ thuật' }),
      check('c', { group: 'I. Tổ chức' }),
      check('d', { group: null }),
      check('e', { group: 'II. Kỹ thuật' }),
    ];
    expect(groupChecks(checks).map((g) => [g.group, g.checks.map((c) => c.key)])).toEqual([
      ['I. Tổ chức', ['a', 'c']],
      ['II. Kỹ thuật', ['b', 'e']],
      [null, ['d']],
    ]);
    expect(groupChecks([])).toEqual([]);
  });

  it('lists for the submit confirmation what is neither done nor set aside', () => {
    const checks = CHECK_STATUSES.map((status) => check(status, { status }));
    expect(checksBlockingSubmit(checks).map((c) => c.key)).toEqual(['not_started', 'in_progress', 'not_done']);
  });

  it("names a status in the kind's own words when there are any", () => {
    const keys = new Set(['work.checkWords.system.done']);
    const exists = (k: string) => keys.has(k);
    expect(checkWordKey('system', 'done', exists)).toBe('work.checkWords.system.done');
    expect(checkWordKey('system', 'not_done', exists)).toBe('work.checkStatus.not_done');
    expect(checkWordKey('directive', 'done', exists)).toBe('work.checkStatus.done');
  });

  it('sends a trimmed reason only where the status takes one, and sees a reason edit as a change only then', () => {
    expect(checkBody({ status: 'done', report: ' Đã cài ', reason: 'x' })).toEqual({ status: 'done', report: 'Đã cài', reason: null });
    expect(checkBody({ status: 'not_applicable', report: '', reason: ' Không có máy chủ ' })).toEqual({
      status: 'not_applicable',
      report: '',
      reason: 'Không có máy chủ',
    });
    const saved = check('k', { status: 'done', report: 'ok' });
    expect(isDraftDirty(saved, { status: 'done', report: 'ok', reason: 'typed then switched away' })).toBe(false);
    expect(isDraftDirty(saved, { status: 'done', report: 'ok!', reason: '' })).toBe(true);
    const na = check('n', { status: 'not_applicable', reason: 'a' });
    expect(isDraftDirty(na, { status: 'not_applicable', report: '', reason: 'b' })).toBe(true);
  });
});

describe('the to-do list', () => {
  it('names the owing org with its parent when there is one', () => {
    expect(orgLine({ orgName: 'Văn phòng HĐND và UBND', orgParentName: 'Phường Hạc Thành' })).toBe('Văn phòng HĐND và UBND — Phường Hạc Thành');
    expect(orgLine({ orgName: 'Sở Khoa học và Công nghệ', orgParentName: null })).toBe('Sở Khoa học và Công nghệ');
  });

  it('sorts overdue first, then by due date, no date last', () => {
    const late = summary({ overdue: true, dueAt: '2026-03-05T00:00:00Z' });
    const later = summary({ overdue: true, dueAt: '2026-03-08T00:00:00Z' });
    const soon = summary({ dueAt: '2026-03-12T00:00:00Z' });
    const undated = summary({ dueAt: null });
    const undatedLate = summary({ overdue: true, dueAt: null });
    expect([undated, soon, later, undatedLate, late].sort(compareTodo)).toEqual([late, later, undatedLate, soon, undated]);
  });

  it('joins pages without repeating an item that moved between requests', () => {
    const [a, b, c] = [summary(), summary(), summary()];
    expect(
      joinPages([
        [a, b],
        [b, c],
      ]).map((x) => x.id),
    ).toEqual([a.id, b.id, c.id]);
  });

  it('reads filters from the URL, junk falling back to the defaults, and writes only what differs', () => {
    expect(filtersFromParams(new URLSearchParams('state=overdue&kind=system&mine=true'))).toEqual({
      state: 'overdue',
      kind: 'system',
      mine: true,
      orgId: null,
    });
    expect(filtersFromParams(new URLSearchParams('state=everything&kind=DROP%20TABLE&mine=1&orgId=../x'))).toEqual({
      state: 'open',
      kind: null,
      mine: false,
      orgId: null,
    });
    expect(paramsFromFilters({ state: 'open', kind: null, mine: false, orgId: null }).toString()).toBe('');
    const f = { state: 'closed', kind: 'directive', mine: true, orgId: '00000000-0000-4000-8000-0000000000aa' } as const;
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });

  it('puts known kinds first and keeps the selected kind even when nothing is left of it', () => {
    const chips = kindChips(
      [
        { kind: 'finding', open: 1, overdue: 0 },
        { kind: 'system', open: 4, overdue: 1 },
        { kind: 'directive', open: 2, overdue: 2 },
      ],
      'alert',
    );
    expect(chips.map((c) => c.kind)).toEqual(['directive', 'system', 'alert', 'finding']);
    expect(chips.find((c) => c.kind === 'alert')).toEqual({ kind: 'alert', open: 0, overdue: 0 });
  });
});

describe("the coordinator's overview", () => {
  it('sorts most overdue first, then most open, then by Vietnamese name', () => {
    const rows = [row('Phường Hạc Thành', 9, 0), row('Xã Đông Sơn', 3, 2), row('Xã Quảng Phú', 5, 2), row('Phường Ba Đình', 9, 0), row('Xã An Nông', 1, 5)];
    expect(sortOverviewRows(rows).map((r) => r.orgName)).toEqual(['Xã An Nông', 'Xã Quảng Phú', 'Xã Đông Sơn', 'Phường Ba Đình', 'Phường Hạc Thành']);
  });

  it('highlights any overdue, strongly when half or more of what is open is late', () => {
    expect(overdueTone({ open: 10, overdue: 0 })).toBe('none');
    expect(overdueTone({ open: 10, overdue: 4 })).toBe('some');
    expect(overdueTone({ open: 10, overdue: 5 })).toBe('most');
    // a server that counts overdue apart from open still gets a strong highlight
    expect(overdueTone({ open: 0, overdue: 2 })).toBe('most');
  });

  it('adds the rows up', () => {
    expect(overviewTotals([row('a', 2, 1, { submitted: 3, closed: 4 }), row('b', 5, 0, { closed: 1 })])).toEqual({
      open: 7,
      overdue: 1,
      submitted: 3,
      closed: 5,
    });
  });

  it('drills from a commune into its units, and from a unit into its list', () => {
    expect(drillTarget('commune', { orgId: 'c1' }, null)).toBe('/work/overview?orgId=c1');
  });

  it('splits communes from the units under none, communes first', () => {
    const row = (orgId: string, inCommune: boolean) => ({ orgId, orgName: orgId, inCommune, open: 1, overdue: 0, submitted: 0, closed: 0, byKind: [] });
    expect(splitByCommune([row('vnpt', false), row('ml', true), row('soc', false)])).toEqual([
      { inCommune: true, rows: [row('ml', true)] },
      { inCommune: false, rows: [row('vnpt', false), row('soc', false)] },
    ]);
    expect(splitByCommune([row('ml', true)])).toHaveLength(1);
    expect(drillTarget('org', { orgId: 'u1' }, 'system')).toBe('/work?orgId=u1&kind=system');
  });
});
