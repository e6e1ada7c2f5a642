import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../i18n/resources';
import {
  LENGTH_KINDS,
  emptyOverrideForm,
  emptyRotationForm,
  moveItem,
  parseTime,
  overrideBody,
  overrideErrors,
  rotationBody,
  rotationErrors,
  rotationFormOf,
  rotationPatch,
} from './duty-forms';
import {
  GAP_REASONS,
  STAFFED,
  addDays,
  isoWeekday,
  layoutDays,
  nowFromParams,
  paramsFromNow,
  personColors,
  sortGaps,
  sortReasons,
  telHref,
  upcomingRange,
  vnDay,
  vnTime,
  weekRange,
  weekStart,
} from './duty-model';

type Tree = { [key: string]: string | Tree };
function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
const vi = RESOURCES.vi as unknown as Tree;
const en = RESOURCES.en as unknown as Tree;
const missing = (keys: readonly string[]) =>
  [
    ['vi', vi],
    ['en', en],
  ].flatMap(([lng, tree]) => keys.filter((k) => !lookup(tree as Tree, k)).map((k) => `${lng as string}:${k}`));

const shift = (start: string, end: string, userId = 'u1', index = 0): contracts.Shift => ({
  rotationId: 'r1',
  rotationName: 'Trực đêm',
  index,
  start,
  end,
  userId,
  userName: userId,
  overridden: false,
  overrideId: null,
  originalUserId: userId,
  originalUserName: userId,
});

describe('days in Vietnam', () => {
  it('reads the day and time in Asia/Ho_Chi_Minh, whatever the browser zone', () => {
    // 23:30 UTC is already 06:30 the next morning in Hà Nội
    expect(vnDay('2026-02-16T23:30:00Z')).toBe('2026-02-17');
    expect(vnTime('2026-02-16T23:30:00Z')).toBe('06:30');
    expect(vnDay('2026-02-16T16:59:59Z')).toBe('2026-02-16');
  });

  it('starts weeks on Monday', () => {
    expect(isoWeekday('2026-02-16')).toBe(1);
    expect(isoWeekday('2026-02-22')).toBe(7);
    expect(weekStart('2026-02-22')).toBe('2026-02-16');
    expect(weekStart('2026-02-16')).toBe('2026-02-16');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(weekRange('2026-02-16')).toEqual({ from: '2026-02-16T00:00:00+07:00', to: '2026-02-23T00:00:00+07:00' });
  });

  it('asks for whole days ahead, so the query key holds all day', () => {
    const morning = Date.parse('2026-02-16T01:00:00Z');
    expect(upcomingRange(morning, 30)).toEqual({ from: '2026-02-16T00:00:00+07:00', to: '2026-03-18T00:00:00+07:00' });
    expect(upcomingRange(morning + 10 * 3_600_000, 30)).toEqual(upcomingRange(morning, 30));
  });
});

describe('the calendar layout', () => {
  const night = shift('2026-02-16T17:00:00+07:00', '2026-02-17T08:00:00+07:00', 'an');
  const day = shift('2026-02-17T08:00:00+07:00', '2026-02-17T17:00:00+07:00', 'binh', 1);
  const coverage = {
    holidays: [{ date: '2026-02-17', name: { vi: 'Mùng 1 Tết', en: 'Tết day 1' }, kind: 'tet' as const }],
    alertPeriods: [{ start: '2026-02-10T00:00:00+07:00', end: '2026-02-17T00:00:00+07:00', label: 'Cao điểm Tết' }],
  };
  const days = layoutDays([day, night], '2026-02-16', 3, coverage, Date.parse('2026-02-17T03:00:00Z'));

  it('puts a night shift on both days, cut at midnight in Vietnam', () => {
    expect(days.map((d) => d.segments.map((s) => s.shift.userId))).toEqual([['an'], ['an', 'binh'], []]);
    expect(days[0]!.segments[0]).toMatchObject({ start: '2026-02-16T10:00:00.000Z', end: '2026-02-16T17:00:00.000Z', fromBefore: false, goesOn: true });
    expect(days[1]!.segments[0]).toMatchObject({ start: '2026-02-16T17:00:00.000Z', end: '2026-02-17T01:00:00.000Z', fromBefore: true, goesOn: false });
  });

  it('marks Tết, the heightened-alert period and today on their days', () => {
    expect(days.map((d) => d.holidays.map((h) => h.kind))).toEqual([[], ['tet'], []]);
    // the period ends at midnight of the 17th: the 16th only
    expect(days.map((d) => d.alertPeriods.length)).toEqual([1, 0, 0]);
    expect(days.map((d) => d.isToday)).toEqual([false, true, false]);
    expect(days.map((d) => d.weekday)).toEqual([1, 2, 3]);
  });

  it('a shift ending at midnight does not spill into the next day', () => {
    const [d1, d2] = layoutDays([shift('2026-02-16T08:00:00+07:00', '2026-02-17T00:00:00+07:00')], '2026-02-16', 2, null, 0);
    expect(d1!.segments).toHaveLength(1);
    expect(d2!.segments).toHaveLength(0);
  });

  it('gives each person one colour, in rotation order, then stand-ins', () => {
    const person = (userId: string) => ({ userId, name: userId, email: null, phone: null });
    const colors = personColors([{ participants: [person('an'), person('binh')] }], [shift('x', 'y', 'chi'), shift('x', 'y', 'an')]);
    expect([...colors.entries()]).toEqual([
      ['an', 'blue'],
      ['binh', 'teal'],
      ['chi', 'grape'],
    ]);
  });
});

describe('the coverage check', () => {
  it('mirrors the contract’s reasons and names each in both languages', () => {
    expect([...GAP_REASONS].sort()).toEqual([...contracts.CoverageGapSchema.shape.reasons.element.shape.code.options].sort());
    expect(missing(GAP_REASONS.map((r) => `duty.reasons.${r}`))).toEqual([]);
    expect(GAP_REASONS.map((r) => lookup(vi, `duty.reasons.${r}`))).toEqual(['Tết', 'Ngày lễ', 'Thời gian cao điểm', 'Không có ai', 'Người không thể trực']);
    expect(lookup(vi, 'duty.coverage.mandatory')).toBe('Bắt buộc');
  });

  it('lists mandatory gaps first, Tết before the rest of the reasons', () => {
    const gap = (start: string, mandatory: boolean) => ({ start, end: start, mandatory, reasons: [] });
    expect(sortGaps([gap('2026-03-01', false), gap('2026-04-01', true), gap('2026-02-01', true)]).map((g) => g.start)).toEqual([
      '2026-02-01',
      '2026-04-01',
      '2026-03-01',
    ]);
    expect(sortReasons([{ code: 'no_one' }, { code: 'tet' }, { code: 'alert_period' }]).map((r) => r.code)).toEqual(['tet', 'alert_period', 'no_one']);
  });
});

describe('the now-list', () => {
  it('keeps its filters in the URL', () => {
    expect(nowFromParams(new URLSearchParams('staffed=none&q=xa&offset=50'))).toEqual({ q: 'xa', staffed: 'none', offset: 50 });
    expect(nowFromParams(new URLSearchParams('staffed=bogus&offset=-1'))).toEqual({ q: '', staffed: 'all', offset: 0 });
    expect(paramsFromNow({ q: ' ', staffed: 'all', offset: 0 })).toEqual({});
    expect(missing(STAFFED.map((s) => `duty.now.staffed.${s}`))).toEqual([]);
  });

  it('dials digits only', () => {
    expect(telHref('0215 3 826 123')).toBe('tel:02153826123');
    expect(telHref('+84 (215) 382-6123')).toBe('tel:+842153826123');
  });
});

describe('the roster forms', () => {
  const rotation: contracts.Rotation = {
    id: 'r1',
    orgId: 'o1',
    orgName: 'UBND xã',
    name: 'Trực đêm',
    startsAt: '2026-02-16T10:00:00Z',
    length: { kind: 'custom', hours: 12 },
    participants: [
      { userId: 'a', name: 'An', email: null, phone: null },
      { userId: 'b', name: 'Bình', email: null, phone: null },
    ],
    window: { from: '17:00', to: '07:30', weekdays: [1, 2, 3, 4, 5] },
    endsAt: null,
    version: 2,
    createdAt: '2026-02-01T00:00:00Z',
  };

  it('round-trips a rotation in Vietnam’s time and passes the contract', () => {
    const f = rotationFormOf(rotation);
    expect(f).toMatchObject({
      handoverDate: '2026-02-16',
      handoverTime: '17:00',
      lengthKind: 'custom',
      customHours: 12,
      participantIds: ['a', 'b'],
      windowOn: true,
    });
    const body = rotationBody(f, 'o1');
    expect(body.startsAt).toBe('2026-02-16T17:00:00+07:00');
    expect(Date.parse(body.startsAt)).toBe(Date.parse(rotation.startsAt));
    expect(body.window).toEqual({ from: '17:00', to: '07:30', weekdays: [1, 2, 3, 4, 5] });
    const orgId = '00000000-0000-4000-8000-000000000001';
    const ids = ['00000000-0000-4000-8000-00000000000a'];
    expect(contracts.RotationBodySchema.safeParse({ ...body, orgId, participantIds: ids }).success).toBe(true);
    const patch = rotationPatch(f, 2);
    expect(patch).not.toHaveProperty('orgId');
    expect(contracts.RotationPatchSchema.safeParse({ ...patch, participantIds: ids }).success).toBe(true);
  });

  it('sends no weekday list for every day', () => {
    const f = { ...rotationFormOf(rotation), windowWeekdays: [1, 2, 3, 4, 5, 6, 7] };
    expect(rotationBody(f, 'o1').window).toEqual({ from: '17:00', to: '07:30' });
    expect(rotationBody({ ...f, windowOn: false }, 'o1').window).toBeNull();
  });

  it('says what is missing, with keys that exist in both languages', () => {
    const errors = rotationErrors({
      ...emptyRotationForm('2026-02-16'),
      lengthKind: 'custom',
      customHours: 0,
      windowOn: true,
      windowFrom: '08:00',
      windowTo: '08:00',
    });
    expect(Object.keys(errors).sort()).toEqual(['customHours', 'name', 'participantIds', 'window']);
    const overrideKeys = [
      ...Object.values(overrideErrors({ ...emptyOverrideForm('2026-02-16'), toTime: '07:00' })),
      ...Object.values(overrideErrors({ ...emptyOverrideForm('2026-02-16'), userId: 'a', replacesUserId: 'a', fromTime: 'x' })),
    ];
    expect(overrideKeys).toEqual(['common.required', 'duty.override.endBeforeStart', 'duty.override.rangeInvalid', 'duty.override.samePerson']);
    expect(missing([...Object.values(errors), ...overrideKeys])).toEqual([]);
    expect(missing(LENGTH_KINDS.map((k) => `duty.rotation.lengths.${k}`))).toEqual([]);
    expect(missing([1, 2, 3, 4, 5, 6, 7].map((d) => `duty.weekdays.${d}`))).toEqual([]);
  });

  it('builds an override in Vietnam’s time', () => {
    const body = overrideBody({ ...emptyOverrideForm('2026-02-17'), userId: 'b', replacesUserId: 'a', reason: ' nghỉ phép ' }, 'o1');
    expect(body).toEqual({
      orgId: 'o1',
      rotationId: null,
      start: '2026-02-17T08:00:00+07:00',
      end: '2026-02-17T17:00:00+07:00',
      userId: 'b',
      replacesUserId: 'a',
      reason: 'nghỉ phép',
    });
  });

  it('reads a time of day the way people type it, in 24 hours', () => {
    expect(['8:00', '08:00', '0800', '8h', '17h30', '7.30', ' 23:59 '].map(parseTime)).toEqual(['08:00', '08:00', '08:00', '08:00', '17:30', '07:30', '23:59']);
    expect(['24:00', '12:60', 'abc', '', '8:0'].map(parseTime)).toEqual([null, null, null, null, null]);
  });

  it('moves people up and down the order', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
