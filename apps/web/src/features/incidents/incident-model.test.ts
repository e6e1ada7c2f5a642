import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  EVENT_KINDS,
  INCIDENT_ACTIONS,
  INDICATOR_TYPES,
  LIST_STATUSES,
  PATCH_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
  SEVERITIES,
  STATUSES,
  barActions,
  countdownWords,
  eventDetail,
  eventWords,
  filtersFromParams,
  hasReason,
  isConflict,
  isTooLarge,
  joinVn,
  listQuery,
  paramsFromFilters,
  parseIndicatorLines,
  refusedIndicators,
  splitVn,
} from './incident-model';

const T0 = Date.parse('2026-02-16T08:00:00+07:00');
const MIN = 60_000;

describe('enum mirrors', () => {
  it.each([
    ['SEVERITIES', SEVERITIES, contracts.INCIDENT_SEVERITIES],
    ['CATEGORIES', CATEGORIES, contracts.INCIDENT_CATEGORIES],
    ['STATUSES', STATUSES, contracts.INCIDENT_STATUSES],
    ['INDICATOR_TYPES', INDICATOR_TYPES, contracts.INDICATOR_TYPES],
    ['REPORT_KINDS', REPORT_KINDS, contracts.INCIDENT_REPORT_KINDS],
    ['REPORT_STATUSES', REPORT_STATUSES, contracts.INCIDENT_REPORT_STATUSES],
    ['EVENT_KINDS', EVENT_KINDS, contracts.INCIDENT_EVENT_KINDS],
    ['LIST_STATUSES', LIST_STATUSES, contracts.IncidentListQuerySchema.shape.status.unwrap().options],
    ['PATCH_STATUSES', PATCH_STATUSES, contracts.IncidentPatchSchema.shape.status.unwrap().options],
  ] as const)('%s equals the contract', (_name, mirror, contract) => {
    expect([...mirror]).toEqual([...contract]);
  });

  it('orders every action the contract knows, and only those', () => {
    expect([...INCIDENT_ACTIONS].sort()).toEqual([...contracts.IncidentDetailSchema.shape.actions.element.options].sort());
  });

  it('puts in the bar only the moves without a section of their own, in order', () => {
    expect(barActions(['indicator', 'reopen', 'note', 'status', 'note', 'task'])).toEqual(['status', 'note', 'reopen']);
  });
});

describe('the list filters in the URL', () => {
  it('reads defaults from an empty URL and writes nothing back', () => {
    const f = filtersFromParams(new URLSearchParams());
    expect(f).toEqual({ status: 'active', severity: null, category: null, communeId: null, breached: false, personalData: false, q: '', offset: 0 });
    expect(paramsFromFilters(f)).toEqual({});
  });

  it('round-trips every filter and ignores values it does not know', () => {
    const params = new URLSearchParams({
      status: 'closed',
      severity: 'high',
      category: 'ddos',
      commune: 'c1',
      breached: '1',
      personalData: '1',
      q: ' web ',
      offset: '30',
    });
    const f = filtersFromParams(params);
    expect(paramsFromFilters(f)).toEqual({
      status: 'closed',
      severity: 'high',
      category: 'ddos',
      commune: 'c1',
      breached: '1',
      personalData: '1',
      q: 'web',
      offset: '30',
    });
    expect(filtersFromParams(new URLSearchParams({ status: 'merged', severity: 'info', category: 'x', commune: 'a b', offset: '-5' }))).toMatchObject({
      status: 'active',
      severity: null,
      category: null,
      communeId: null,
      offset: 0,
    });
  });

  it('sends flags as "1" and leaves out what is not set', () => {
    const f = filtersFromParams(new URLSearchParams({ breached: '1' }));
    expect(listQuery(f, 30)).toEqual({
      status: 'active',
      severity: undefined,
      category: undefined,
      communeId: undefined,
      breached: '1',
      personalData: undefined,
      q: undefined,
      limit: 30,
      offset: 0,
    });
  });
});

describe('countdown to a report deadline', () => {
  const due = new Date(T0 + 3 * 60 * MIN + 12 * MIN).toISOString();

  it('says hours and minutes left ("còn 3 giờ 12 phút")', () => {
    expect(countdownWords(due, T0)).toEqual({ overdue: false, key: 'incidents.countdown.left.hours', params: { h: 3, m: 12 } });
    // 59 s short of a minute: never rounds up to a minute that is not there
    expect(countdownWords(due, T0 + 1_000)?.params).toEqual({ h: 3, m: 11 });
    expect(countdownWords(due, T0 + 3 * 60 * MIN + 11 * MIN + 1_000)?.key).toBe('incidents.countdown.left.lessThanMinute');
  });

  it('counts the deadline minute as overdue, then how far past it is ("quá hạn 2 giờ")', () => {
    expect(countdownWords(due, Date.parse(due))).toMatchObject({ overdue: true, key: 'incidents.countdown.over.lessThanMinute' });
    expect(countdownWords(due, Date.parse(due) + 2 * 60 * MIN)).toEqual({ overdue: true, key: 'incidents.countdown.over.hours', params: { h: 2, m: 0 } });
    expect(countdownWords(due, Date.parse(due) + 20 * MIN)).toEqual({ overdue: true, key: 'incidents.countdown.over.minutes', params: { m: 20 } });
  });

  it('uses days and hours for the 72 h and 5-day reports; nothing without a deadline', () => {
    expect(countdownWords(new Date(T0 + 72 * 60 * MIN).toISOString(), T0)).toEqual({
      overdue: false,
      key: 'incidents.countdown.left.days',
      params: { d: 3, h: 0 },
    });
    expect(countdownWords(null, T0)).toBeNull();
    expect(countdownWords('not a date', T0)).toBeNull();
  });
});

describe('timeline events in words', () => {
  it('names known kinds and keeps an unknown one with its code', () => {
    expect(eventWords({ kind: 'taken_over' })).toEqual({ key: 'incidents.events.taken_over', params: {} });
    expect(eventWords({ kind: 'teleported' })).toEqual({ key: 'incidents.events.unknown', params: { kind: 'teleported' } });
  });

  it('takes from the params what the sentence can say in words', () => {
    expect(eventDetail({ params: { from: 'open', to: 'contained' } })).toEqual({ status: 'contained' });
    expect(eventDetail({ params: { kind: 'full' } })).toEqual({ reportKind: 'full' });
    expect(eventDetail({ params: { code: 'SC-2026-0001', to: 'nonsense' } })).toEqual({ text: 'SC-2026-0001' });
    expect(eventDetail({ params: null })).toEqual({});
  });
});

describe('indicators typed one per line', () => {
  it("skips blank lines and repeats, and remembers each value's line", () => {
    expect(parseIndicatorLines('  1.2.3.4 \n\nevil.example\n1.2.3.4\r\nhxxp://x[.]vn/a\n')).toEqual([
      { value: '1.2.3.4', line: 1 },
      { value: 'evil.example', line: 3 },
      { value: 'hxxp://x[.]vn/a', line: 5 },
    ]);
    expect(parseIndicatorLines('a\nb\nc', 2)).toHaveLength(2);
  });

  it("maps the server's refused positions back to the lines typed", () => {
    const lines = parseIndicatorLines('ok.vn\n\nnot valid\nalso bad');
    expect(
      refusedIndicators({ 'indicators.1.value': 'not an indicator', 'indicators.2': 'too long', title: 'x', 'indicators.9.value': 'ghost' }, lines),
    ).toEqual([
      { value: 'not valid', line: 3, message: 'not an indicator' },
      { value: 'also bad', line: 4, message: 'too long' },
    ]);
  });
});

describe('Vietnam date and time parts', () => {
  it("splits a timestamp in Vietnam's time whatever the browser zone, and joins it back", () => {
    expect(splitVn('2026-02-16T01:05:00Z')).toEqual({ date: '2026-02-16', time: '08:05' });
    expect(splitVn('2026-02-16T20:30:00Z')).toEqual({ date: '2026-02-17', time: '03:30' });
    expect(joinVn('2026-02-17', '3:30')).toBe('2026-02-17T03:30:00+07:00');
    expect(Date.parse(joinVn('2026-02-16', '08:05') ?? '')).toBe(Date.parse('2026-02-16T01:05:00Z'));
  });

  it('refuses a missing or impossible part', () => {
    expect(joinVn('', '10:00')).toBeNull();
    expect(joinVn('2026-02-16', '')).toBeNull();
    expect(joinVn('2026-02-16', '24:00')).toBeNull();
    expect(joinVn('2026-02-16', '10:60')).toBeNull();
    expect(splitVn(null)).toEqual({ date: '', time: '' });
  });
});

describe('errors', () => {
  it('tells a conflict, a reason and a refused file apart', () => {
    expect(isConflict({ code: 'CONFLICT' })).toBe(true);
    expect(isConflict(new Error('x'))).toBe(false);
    expect(hasReason({ code: 'VALIDATION_FAILED', reason: 'detected_at_future' }, 'detected_at_future')).toBe(true);
    expect(isTooLarge({ status: 413 })).toBe(true);
    expect(isTooLarge(null)).toBe(false);
  });
});
