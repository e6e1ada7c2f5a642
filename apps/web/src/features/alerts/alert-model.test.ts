import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  ALERT_ACTIONS,
  ALERT_FORMATS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  LIST_STATUSES,
  ROUTE_BASES,
  agoWords,
  canSeeBoard,
  clockVn,
  countdownWords,
  defaultMine,
  eventWords,
  isConflict,
  listQuery,
  orderActions,
  paramsFromQueue,
  prettyRaw,
  queueFromParams,
  routeWords,
} from './alert-model';
import { boardChartData, boardTotals, shortName } from './board-model';
import { matchPairs, movePatches, orderRules, parseSample, ruleBody, ruleFormErrors, ruleFormOf, emptyRuleForm } from './rules-model';

const grants = (...roles: contracts.Role[]) => roles.map((role, i) => ({ id: `g${i}`, role, orgId: null, orgName: null }));
const T0 = Date.parse('2026-02-16T08:00:00+07:00');
const MIN = 60_000;

describe('enum mirrors', () => {
  it.each([
    ['ALERT_SEVERITIES', ALERT_SEVERITIES, contracts.ALERT_SEVERITY_VALUES],
    ['ALERT_STATUSES', ALERT_STATUSES, contracts.ALERT_STATUSES],
    ['ALERT_FORMATS', ALERT_FORMATS, contracts.ALERT_FORMATS],
    ['ROUTE_BASES', ROUTE_BASES, contracts.ROUTE_BASES],
    ['LIST_STATUSES', LIST_STATUSES, contracts.AlertListQuerySchema.shape.status.unwrap().options],
  ] as const)('%s equals the contract', (_name, mirror, contract) => {
    expect([...mirror]).toEqual([...contract]);
  });

  it('offers every action the contract knows, and only those', () => {
    // the detail offers promotion too, which opens an incident rather than acting on the alert
    expect([...ALERT_ACTIONS, 'promote'].sort()).toEqual([...contracts.AlertDetailSchema.shape.actions.element.options].sort());
    expect([...ALERT_ACTIONS].sort()).toEqual([...contracts.AlertActionBodySchema.shape.action.options].sort());
  });
});

describe('countdown to the acknowledgement deadline', () => {
  const due = new Date(T0 + 15 * MIN).toISOString();

  it('counts down in minutes, then says how far past it is', () => {
    expect(countdownWords(due, T0)).toEqual({ overdue: false, key: 'alerts.countdown.left.minutes', params: { m: 15 } });
    // 4 min 59 s left reads "4 minutes", never rounds up to a minute that is not there
    expect(countdownWords(due, T0 + 10 * MIN + 1_000)?.params).toEqual({ m: 4 });
    expect(countdownWords(due, T0 + 14 * MIN + 30_000)).toEqual({ overdue: false, key: 'alerts.countdown.left.lessThanMinute', params: {} });
    expect(countdownWords(due, T0 + 15 * MIN)).toMatchObject({ overdue: true, key: 'alerts.countdown.over.lessThanMinute' });
    expect(countdownWords(due, T0 + 22 * MIN)).toEqual({ overdue: true, key: 'alerts.countdown.over.minutes', params: { m: 7 } });
  });

  it('uses hours and minutes under a day, days and hours beyond', () => {
    expect(countdownWords(due, T0 + 15 * MIN + 135 * MIN)).toEqual({ overdue: true, key: 'alerts.countdown.over.hours', params: { h: 2, m: 15 } });
    const far = new Date(T0 + 50 * 60 * MIN).toISOString();
    expect(countdownWords(far, T0)).toEqual({ overdue: false, key: 'alerts.countdown.left.days', params: { d: 2, h: 2 } });
  });

  it('has nothing to say without a deadline', () => {
    expect(countdownWords(null, T0)).toBeNull();
    expect(countdownWords('not a date', T0)).toBeNull();
  });
});

describe('time since received', () => {
  const at = new Date(T0).toISOString();
  it.each([
    [20_000, 'alerts.ago.justNow', {}],
    [5 * MIN, 'alerts.ago.minutes', { n: 5 }],
    [59 * MIN + 59_000, 'alerts.ago.minutes', { n: 59 }],
    [3 * 60 * MIN, 'alerts.ago.hours', { n: 3 }],
    [49 * 60 * MIN, 'alerts.ago.days', { n: 2 }],
  ] as const)('%i ms later: %s', (later, key, params) => {
    expect(agoWords(at, T0 + later)).toEqual({ key, params });
  });

  it('tells the time in Vietnam whatever the browser zone', () => {
    expect(clockVn('2026-02-16T01:02:03Z')).toBe('08:02:03');
  });
});

describe('route reasons and timeline events', () => {
  it('names a known reason by its code, with its params', () => {
    expect(routeWords({ code: 'ip_range', params: { ip: '10.0.0.5', range: '10.0.0.0/24' } })).toEqual({
      key: 'alerts.route.ip_range',
      params: { ip: '10.0.0.5', range: '10.0.0.0/24' },
    });
  });

  it('says a severity set by a rule in words', () => {
    expect(routeWords({ code: 'severity_set', params: { rule: 'Máy chủ cổng', severity: 'critical' } }, (s) => `<${s}>`)).toEqual({
      key: 'alerts.route.severity_set',
      params: { rule: 'Máy chủ cổng', severity: '<critical>' },
    });
  });

  it('still says something for a code this web does not know', () => {
    expect(routeWords({ code: 'new_basis', params: {} })).toEqual({ key: 'alerts.route.unknown', params: { code: 'new_basis' } });
    expect(eventWords({ kind: 'archived', params: null })).toEqual({ key: 'alerts.events.unknown', params: { kind: 'archived' } });
  });

  it('numbers chain steps from 1, as the editor shows them', () => {
    // as the server writes them: the step's index, its label, how many people were told
    expect(eventWords({ kind: 'escalated', params: { step: 1, label: 'Công an xã', people: 2 } })).toEqual({
      key: 'alerts.events.escalated',
      params: { step: 2, label: ' – Công an xã', people: 2 },
    });
    expect(eventWords({ kind: 'notified', params: { step: '0', label: '', people: 3 } }).params).toEqual({ step: 1, label: '', people: 3 });
    // booleans and nulls are not words
    expect(eventWords({ kind: 'repeated', params: { count: 3, flag: true, gone: null } }).params).toEqual({ count: 3 });
  });

  it('recognises a stale version, and indents the raw body when it is JSON', () => {
    expect(isConflict({ code: 'CONFLICT' })).toBe(true);
    expect(isConflict({ code: 'NOT_FOUND' })).toBe(false);
    expect(isConflict(null)).toBe(false);
    expect(prettyRaw('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyRaw('<14>Feb 16 host sshd')).toBe('<14>Feb 16 host sshd');
  });

  it('offers actions in one order whatever order the server sends', () => {
    expect(orderActions(['resolve', 'note', 'acknowledge', 'note'])).toEqual(['acknowledge', 'note', 'resolve']);
  });
});

describe('who sees what', () => {
  it('opens the queue on "mine" for those who answer alerts, on everything for coordinators', () => {
    expect(defaultMine({ grants: grants('duty_officer') })).toBe(true);
    expect(defaultMine({ grants: grants('unit_officer') })).toBe(true);
    expect(defaultMine({ grants: grants('telecom_contact') })).toBe(true);
    expect(defaultMine({ grants: grants('commune_coordinator') })).toBe(false);
    expect(defaultMine({ grants: grants('province_coordinator', 'duty_officer') })).toBe(false);
    expect(defaultMine({ grants: grants('auditor') })).toBe(false);
  });

  it('shows the board to coordinators and to whoever configures alerts', () => {
    expect(canSeeBoard({ grants: grants('commune_coordinator'), permissions: ['alert:read'] })).toBe(true);
    expect(canSeeBoard({ grants: grants('duty_officer'), permissions: ['alert:read'] })).toBe(false);
    expect(canSeeBoard({ grants: grants('duty_officer'), permissions: ['alert:read', 'alert:configure'] })).toBe(true);
    expect(canSeeBoard({ grants: grants('commune_coordinator'), permissions: [] })).toBe(false);
  });
});

describe('queue filters in the URL', () => {
  it('keeps only what differs from the person’s defaults', () => {
    const f = queueFromParams(new URLSearchParams(''), true);
    expect(f).toEqual({ mine: true, status: 'open', severity: null, overdue: false, q: '' });
    expect(paramsFromQueue(f, true)).toEqual({});
    expect(paramsFromQueue({ ...f, mine: false, severity: 'critical', overdue: true, q: ' web ' }, true)).toEqual({
      mine: '0',
      severity: 'critical',
      overdue: '1',
      q: 'web',
    });
    expect(queueFromParams(new URLSearchParams('mine=1&status=bogus&severity=huge'), false)).toEqual({
      mine: true,
      status: 'open',
      severity: null,
      overdue: false,
      q: '',
    });
  });

  it('sends mine=1 and overdue=1 only when set', () => {
    const f = queueFromParams(new URLSearchParams('mine=0&status=all'), true);
    expect(listQuery(f, 30, 60)).toEqual({ status: 'all', severity: undefined, mine: undefined, overdue: undefined, q: undefined, limit: 30, offset: 60 });
  });
});

describe('the board', () => {
  const rows = [
    { communeId: 'a', communeName: 'Phường Mường Thanh', open: 4, unacknowledged: 1, overdue: 0, critical: 1 },
    { communeId: 'b', communeName: 'Xã Thanh Nưa', open: 2, unacknowledged: 2, overdue: 2, critical: 0 },
    { communeId: null, communeName: null, open: 1, unacknowledged: 1, overdue: 0, critical: 0 },
  ];
  it('puts the worst commune first and adds the columns up', () => {
    expect(boardChartData(rows, 'Chưa xác định xã').map((r) => r.commune)).toEqual(['Xã Thanh Nưa', 'Phường Mường Thanh', 'Chưa xác định xã']);
    expect(boardTotals(rows)).toEqual({ open: 7, unacknowledged: 4, overdue: 2, critical: 1 });
  });
  it('cuts a long name at a word', () => {
    expect(shortName('Phường Mường Thanh', 26)).toBe('Phường Mường Thanh');
    expect(shortName('Ủy ban nhân dân phường Noong Bua', 16)).toBe('Ủy ban nhân dân…');
  });
});

describe('routing rules', () => {
  const rule = (id: string, position: number): contracts.RoutingRule => ({
    id,
    orgId: 'p',
    name: `Quy tắc ${id}`,
    position,
    enabled: true,
    match: { format: 'suricata', ipCidr: '10.1.0.0/16' },
    action: { routeToOrgId: 'o1' },
    routeToOrgName: 'Sở Y tế',
    version: 3,
  });

  it('round-trips a rule through the form, leaving empty conditions out', () => {
    const f = ruleFormOf(rule('a', 0));
    expect(ruleBody(f, 'p')).toEqual({
      orgId: 'p',
      name: 'Quy tắc a',
      enabled: true,
      match: { format: 'suricata', ipCidr: '10.1.0.0/16' },
      action: { routeToOrgId: 'o1' },
    });
    expect(matchPairs(rule('a', 0).match)).toEqual([
      { field: 'format', value: 'suricata' },
      { field: 'ipCidr', value: '10.1.0.0/16' },
    ]);
  });

  it('needs a name and somewhere to send or a severity to set', () => {
    expect(ruleFormErrors(emptyRuleForm())).toEqual(['name_required', 'condition_required', 'route_or_severity_required']);
    const f = { ...emptyRuleForm(), name: 'x', setSeverity: 'high' as const, text: { ...emptyRuleForm().text, labelValue: 'prod' } };
    // a label's value alone is a condition, but not one the server can compare
    expect(ruleFormErrors(f)).toEqual(['label_key_required']);
  });

  it('moves a rule by renumbering the list in its new order', () => {
    const ordered = orderRules([rule('c', 5), rule('a', 1), rule('b', 3)]);
    expect(ordered.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const sent = (patches: { rule: { id: string }; position: number }[]) => patches.map((p) => [p.rule.id, p.position]);
    // positions 1, 3, 5 renumbered 0, 1, 2 in the new order; a keeps its 1, so it is not sent
    expect(sent(movePatches(ordered, 1, -1))).toEqual([
      ['b', 0],
      ['c', 2],
    ]);
    const dense = orderRules([rule('a', 0), rule('b', 1), rule('c', 2)]);
    expect(sent(movePatches(dense, 2, -1))).toEqual([
      ['c', 1],
      ['b', 2],
    ]);
    expect(movePatches(dense, 0, -1)).toEqual([]);
    expect(movePatches(dense, 2, 1)).toEqual([]);
  });

  it('reads the pasted sample as JSON or says it is not', () => {
    expect(parseSample('[{"rule":{"level":12}}]')).toEqual({ ok: true, value: [{ rule: { level: 12 } }] });
    expect(parseSample('{bad')).toEqual({ ok: false });
    expect(parseSample('  ')).toEqual({ ok: false });
  });
});
