import { describe, expect, it } from 'vitest';
import {
  changeParticipants,
  coverageGaps,
  onDutyAt,
  rowsToAssignments,
  shiftsBetween,
  shiftsToRows,
  solarToLunar,
  swapShifts,
  tetAlertPeriod,
  vietnamHolidays,
  type Override,
  type Rotation,
} from './index.js';

const H = 3_600_000;
const at = (s: string) => new Date(s);
/** Local wall time (+07:00) as an instant. */
const local = (s: string) => new Date(`${s}+07:00`);
const buildRotation = (over: Partial<Rotation> = {}): Rotation => ({
  id: 'r1',
  name: 'Trực 24/7',
  startsAt: local('2026-03-02T07:30:00'),
  length: { kind: 'daily' },
  participants: ['an', 'binh', 'chi'],
  ...over,
});
const buildOverride = (over: Partial<Override> & Pick<Override, 'start' | 'end' | 'userId'>): Override => ({
  id: 'o1',
  rotationId: 'r1',
  replacesUserId: null,
  ...over,
});
const people = (r: Rotation, from: Date, to: Date, o: Override[] = []) => shiftsBetween(r, from, to, o).map((s) => s.userId);

describe('vietnamHolidays', () => {
  it('lists the 11 days of Labour Code 2019 art. 112 for 2026, with Tết computed', () => {
    const h = vietnamHolidays(2026);
    expect(h.map((x) => [x.date, x.kind])).toEqual([
      ['2026-01-01', 'public_holiday'],
      ['2026-02-16', 'tet'],
      ['2026-02-17', 'tet'],
      ['2026-02-18', 'tet'],
      ['2026-02-19', 'tet'],
      ['2026-02-20', 'tet'],
      ['2026-04-26', 'public_holiday'],
      ['2026-04-30', 'public_holiday'],
      ['2026-05-01', 'public_holiday'],
      ['2026-09-01', 'public_holiday'],
      ['2026-09-02', 'public_holiday'],
    ]);
    expect(h.map((x) => x.name.vi)).toContain('Tết Nguyên đán (mùng 1 tháng Giêng)');
    expect(h[0]!.name).toEqual({ vi: 'Tết Dương lịch', en: "New Year's Day" });
    expect(h.find((x) => x.date === '2026-02-16')!.name.vi).toBe('Tết Nguyên đán (29 tháng Chạp)');
    expect(h.find((x) => x.date === '2026-04-26')!.name.vi).toBe('Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)');
    expect(h.find((x) => x.date === '2026-09-02')!.name.vi).toBe('Quốc khánh (2/9)');
    // composed diacritics, so a search for "Tết" finds them
    for (const x of h) expect(x.name.vi).toBe(x.name.vi.normalize('NFC'));
  });

  it("takes Tết as the lunar year's last day plus mùng 1–4, a 29th or a 30th of tháng Chạp", () => {
    expect(
      vietnamHolidays(2024)
        .filter((h) => h.kind === 'tet')
        .map((h) => h.date),
    ).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']);
    expect(vietnamHolidays(2024)[1]!.name.vi).toBe('Tết Nguyên đán (30 tháng Chạp)');
    expect(
      vietnamHolidays(2027)
        .filter((h) => h.kind === 'tet')
        .map((h) => h.date),
    ).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
    // the much-reported six years in a row without a "30 Tết"
    for (let y = 2025; y <= 2030; y++) expect(vietnamHolidays(y)[1]!.name.vi).toBe('Tết Nguyên đán (29 tháng Chạp)');
  });

  it("lets the government's decision replace Tết and the day next to 2/9", () => {
    const tet = ['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'];
    const h = vietnamHolidays(2025, [
      { year: 2024, tet: [] },
      { year: 2025, tet, nationalDayExtra: '2025-09-01' },
    ]);
    expect(h.filter((x) => x.kind === 'tet').map((x) => x.date)).toEqual(tet);
    expect(h.find((x) => x.date === '2025-01-25')!.name.vi).toBe('Tết Nguyên đán (26 tháng Chạp)');
    expect(vietnamHolidays(2026, [{ year: 2026, nationalDayExtra: '2026-09-03' }]).map((x) => x.date)).toContain('2026-09-03');
    expect(vietnamHolidays(2026, [{ year: 2026, nationalDayExtra: null }])).toHaveLength(10);
    expect(() => vietnamHolidays(2026, [{ year: 2026, tet: ['2026-02-30'] }])).toThrow(/2026-02-30/);
  });
});

describe('tetAlertPeriod', () => {
  it('runs from 00:00 on 23 tháng Chạp to 00:00 on mùng 11 tháng Giêng (local)', () => {
    const p = tetAlertPeriod(2027);
    expect(p.start).toEqual(local('2027-01-30T00:00:00'));
    expect(p.end).toEqual(local('2027-02-16T00:00:00'));
    expect(solarToLunar(2027, 1, 30)).toEqual({ day: 23, month: 12, year: 2026, leap: false });
    expect(solarToLunar(2027, 2, 15)).toEqual({ day: 10, month: 1, year: 2027, leap: false });
    expect(p.kind).toBe('alert_period');
  });
});

describe('shiftsBetween', () => {
  it('starts a daily rotation with a 07:30 local handover at 00:30Z and deals people in order', () => {
    const s = shiftsBetween(buildRotation(), at('2026-03-02T00:00:00Z'), at('2026-03-06T00:00:00Z'));
    expect(s[0]!.start.toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(s.map((x) => [x.index, x.userId])).toEqual([
      [0, 'an'],
      [1, 'binh'],
      [2, 'chi'],
      [3, 'an'],
    ]);
    for (let i = 1; i < s.length; i++) expect(s[i]!.start).toEqual(s[i - 1]!.end);
  });

  it('makes weekly shifts 168 h and custom ones their hours', () => {
    const w = shiftsBetween(buildRotation({ length: { kind: 'weekly' } }), at('2026-03-01T00:00:00Z'), at('2026-03-30T00:00:00Z'));
    expect(w.every((x) => +x.end - +x.start === 168 * H)).toBe(true);
    const c = shiftsBetween(buildRotation({ length: { kind: 'custom', hours: 12 } }), local('2026-03-02T07:30:00'), local('2026-03-03T07:30:00'));
    expect(c.map((x) => [x.start.toISOString(), x.userId])).toEqual([
      ['2026-03-02T00:30:00.000Z', 'an'],
      ['2026-03-02T12:30:00.000Z', 'binh'],
    ]);
  });

  it('returns whole shifts that overlap the range, nothing before startsAt, nothing after endsAt', () => {
    const r = buildRotation({ endsAt: local('2026-03-04T12:00:00') });
    const s = shiftsBetween(r, at('2026-02-01T00:00:00Z'), at('2026-04-01T00:00:00Z'));
    expect(s.map((x) => x.userId)).toEqual(['an', 'binh', 'chi']);
    expect(s[2]!.end).toEqual(local('2026-03-04T12:00:00'));
    expect(shiftsBetween(r, local('2026-03-03T08:00:00'), local('2026-03-03T09:00:00'))[0]!.start).toEqual(local('2026-03-03T07:30:00'));
  });

  it('splits a shift exactly at the edges of an override, which replaces only the person named', () => {
    const o = buildOverride({ start: local('2026-03-03T12:00:00'), end: local('2026-03-03T18:00:00'), userId: 'dung', replacesUserId: 'binh' });
    const s = shiftsBetween(buildRotation(), local('2026-03-03T08:00:00'), local('2026-03-03T20:00:00'), [o]);
    expect(s.map((x) => [x.start.toISOString(), x.end.toISOString(), x.userId, x.overridden, x.originalUserId])).toEqual([
      ['2026-03-03T00:30:00.000Z', '2026-03-03T05:00:00.000Z', 'binh', false, 'binh'],
      ['2026-03-03T05:00:00.000Z', '2026-03-03T11:00:00.000Z', 'dung', true, 'binh'],
      ['2026-03-03T11:00:00.000Z', '2026-03-04T00:30:00.000Z', 'binh', false, 'binh'],
    ]);
    expect(s[1]!.overrideId).toBe('o1');
    // an override naming someone else, or another rotation, leaves the shift alone
    expect(people(buildRotation(), local('2026-03-03T08:00:00'), local('2026-03-03T09:00:00'), [{ ...o, replacesUserId: 'an' }])).toEqual(['binh']);
    expect(people(buildRotation(), local('2026-03-03T13:00:00'), local('2026-03-03T14:00:00'), [{ ...o, rotationId: 'r2' }])).toEqual(['binh']);
    expect(people(buildRotation(), local('2026-03-03T13:00:00'), local('2026-03-03T14:00:00'), [{ ...o, rotationId: null }])).toEqual(['dung']);
  });

  it('lets the later of two overlapping overrides win, and adds a person with index -1', () => {
    const a = buildOverride({ id: 'a', start: local('2026-03-02T07:30:00'), end: local('2026-03-03T07:30:00'), userId: 'dung', replacesUserId: 'an' });
    const b = buildOverride({ id: 'b', start: local('2026-03-02T10:00:00'), end: local('2026-03-02T11:00:00'), userId: 'em', replacesUserId: 'an' });
    const add = buildOverride({ id: 'c', start: local('2026-03-02T09:00:00'), end: local('2026-03-02T10:00:00'), userId: 'giang' });
    const s = shiftsBetween(buildRotation(), local('2026-03-02T08:00:00'), local('2026-03-02T12:00:00'), [a, b, add]);
    expect(s.map((x) => [x.userId, x.index, x.overrideId])).toEqual([
      ['dung', 0, 'a'],
      ['giang', -1, 'c'],
      ['em', 0, 'b'],
      ['dung', 0, 'a'],
    ]);
  });

  it('covers only the window hours on the window days', () => {
    const r = buildRotation({ length: { kind: 'weekly' }, window: { from: '07:30', to: '17:00', weekdays: [1, 2, 3, 4, 5] } });
    const s = shiftsBetween(r, local('2026-03-02T00:00:00'), local('2026-03-09T00:00:00'));
    expect(s).toHaveLength(5);
    expect(s.every((x) => x.index === 0 && x.userId === 'an' && +x.end - +x.start === 9.5 * H)).toBe(true);
    expect(s[4]!.start).toEqual(local('2026-03-06T07:30:00'));
    const night = buildRotation({ window: { from: '22:00', to: '06:00' } });
    expect(shiftsBetween(night, local('2026-03-02T12:00:00'), local('2026-03-03T12:00:00')).map((x) => [x.start, x.end, x.userId])).toEqual([
      [local('2026-03-02T22:00:00'), local('2026-03-03T06:00:00'), 'an'],
    ]);
  });

  it('refuses a rotation that does not make sense', () => {
    expect(() => shiftsBetween(buildRotation({ length: { kind: 'custom', hours: 0 } }), at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'))).toThrow(
      /1–744/,
    );
    expect(() => shiftsBetween(buildRotation({ window: { from: '7:30', to: '17:00' } }), at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'))).toThrow(
      /HH:mm/,
    );
    expect(shiftsBetween(buildRotation({ participants: [] }), at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toEqual([]);
  });
});

describe('onDutyAt and swapShifts', () => {
  it('names everyone on duty, people added outside rotations included', () => {
    const other = buildRotation({ id: 'r2', participants: ['hoa'], startsAt: local('2026-01-01T00:00:00') });
    const alone = buildOverride({ id: 'x', rotationId: null, start: local('2026-03-03T09:00:00'), end: local('2026-03-03T10:00:00'), userId: 'khanh' });
    const now = onDutyAt([buildRotation(), other], [alone], local('2026-03-03T09:30:00'));
    expect(now.map((s) => [s.rotationId, s.userId])).toEqual([
      ['r2', 'hoa'],
      ['r1', 'binh'],
      ['', 'khanh'],
    ]);
    expect(onDutyAt([buildRotation()], [], local('2026-03-03T07:30:00'))[0]!.userId).toBe('binh');
    expect(onDutyAt([buildRotation()], [], local('2026-03-02T07:29:59'))).toEqual([]);
  });

  it('swaps two shifts as two overrides over the whole of each', () => {
    const r = buildRotation();
    const o = swapShifts(r, 0, 4, 'sw');
    expect(o.map((x) => [x.id, x.userId, x.replacesUserId, x.start])).toEqual([
      ['sw-a', 'binh', 'an', local('2026-03-02T07:30:00')],
      ['sw-b', 'an', 'binh', local('2026-03-06T07:30:00')],
    ]);
    expect(people(r, local('2026-03-02T08:00:00'), local('2026-03-07T07:00:00'), o)).toEqual(['binh', 'binh', 'chi', 'an', 'an']);
    expect(swapShifts(r, 0, 3, 'sw')).toEqual([]);
    expect(() => swapShifts(buildRotation({ endsAt: local('2026-03-03T07:30:00') }), 0, 1, 'sw')).toThrow(/no shift 1/);
  });
});

describe('changing the people of a running rotation', () => {
  const r = buildRotation({ participants: ['an', 'binh', 'chi', 'dung'] });
  const handover = local('2026-03-07T07:30:00'); // shift 5: binh's

  it('editing the list in place would re-deal shifts since shift 0 (why the list is positional)', () => {
    expect(people({ ...r, participants: ['an', 'chi', 'dung'] }, handover, local('2026-03-10T07:00:00'))).toEqual(['dung', 'an', 'chi']);
    expect(people(r, handover, local('2026-03-10T07:00:00'))).toEqual(['binh', 'chi', 'dung']);
  });

  it('continues with the next person when the one due leaves, nobody skipped, the past untouched', () => {
    const { ended, next, handoverAt } = changeParticipants({
      rotation: r,
      participants: ['an', 'chi', 'dung'],
      at: local('2026-03-06T12:00:00'),
      newId: 'r1b',
    });
    expect(handoverAt).toEqual(handover);
    expect(people(ended, local('2026-03-02T08:00:00'), local('2026-03-10T00:00:00'))).toEqual(['an', 'binh', 'chi', 'dung', 'an']);
    expect(people(next, handover, local('2026-03-13T07:00:00'))).toEqual(['chi', 'dung', 'an', 'chi', 'dung', 'an']);
  });

  it('keeps the one due first when a newcomer joins, then goes round everyone once', () => {
    const { next } = changeParticipants({ rotation: r, participants: ['an', 'binh', 'em', 'chi', 'dung'], at: handover, newId: 'r1b' });
    expect(next.participants).toEqual(['binh', 'em', 'chi', 'dung', 'an']);
    expect(next.startsAt).toEqual(handover);
  });
});

describe('coverageGaps', () => {
  const from = local('2027-02-03T00:00:00');
  const to = local('2027-02-12T00:00:00');
  const holey = [
    buildRotation({ startsAt: local('2027-02-01T00:00:00'), endsAt: local('2027-02-07T00:00:00') }),
    buildRotation({ id: 'r2', startsAt: local('2027-02-08T00:00:00') }),
  ];

  it('finds one mandatory gap, reason tet, for a hole on mùng 2 Tết 2027', () => {
    const gaps = coverageGaps({ rotations: holey, overrides: [], from, to });
    expect(gaps).toEqual([
      {
        start: local('2027-02-07T00:00:00'),
        end: local('2027-02-08T00:00:00'),
        mandatory: true,
        reasons: [{ code: 'no_one' }, { code: 'tet', label: 'Tết Nguyên đán (mùng 2 tháng Giêng)' }],
      },
    ]);
    const alert = coverageGaps({ rotations: holey, overrides: [], from, to, mandatory: [tetAlertPeriod(2027)] });
    expect(alert[0]!.reasons.map((x) => x.code)).toEqual(['no_one', 'tet', 'alert_period']);
  });

  it('finds nothing when the roster covers everything', () => {
    expect(coverageGaps({ rotations: [buildRotation({ startsAt: local('2027-01-01T00:00:00') })], overrides: [], from, to })).toEqual([]);
    const fill = buildOverride({ rotationId: null, start: local('2027-02-07T00:00:00'), end: local('2027-02-08T00:00:00'), userId: 'khanh' });
    expect(coverageGaps({ rotations: holey, overrides: [fill], from, to })).toEqual([]);
  });

  it("keeps an unavailable person's shift as a gap, never handing it to the next person", () => {
    const r = buildRotation({ startsAt: local('2027-03-01T07:30:00') });
    const input = { rotations: [r], overrides: [], from: local('2027-03-01T07:30:00'), to: local('2027-03-07T07:30:00') };
    const gaps = coverageGaps({ ...input, unavailable: [{ userId: 'chi' }] });
    expect(gaps.map((g) => [g.start, g.end, g.mandatory, g.reasons])).toEqual([
      [local('2027-03-03T07:30:00'), local('2027-03-04T07:30:00'), false, [{ code: 'unavailable_person', label: 'chi' }]],
      [local('2027-03-06T07:30:00'), local('2027-03-07T07:30:00'), false, [{ code: 'unavailable_person', label: 'chi' }]],
    ]);
    // leave for part of a shift: only that part
    const part = coverageGaps({ ...input, unavailable: [{ userId: 'an', start: local('2027-03-01T12:00:00'), end: local('2027-03-01T14:00:00') }] });
    expect(part.map((g) => [g.start, g.end])).toEqual([[local('2027-03-01T12:00:00'), local('2027-03-01T14:00:00')]]);
    // somebody else taking it over closes the gap
    const cover = buildOverride({ start: local('2027-03-03T07:30:00'), end: local('2027-03-04T07:30:00'), userId: 'dung', replacesUserId: 'chi' });
    expect(coverageGaps({ ...input, to: local('2027-03-05T07:30:00'), overrides: [cover], unavailable: [{ userId: 'chi' }] })).toEqual([]);
  });

  it('cuts a gap where it enters a holiday and merges pieces with the same reasons', () => {
    const r = buildRotation({ window: { from: '08:00', to: '20:00' }, startsAt: local('2026-12-01T00:00:00') });
    const gaps = coverageGaps({ rotations: [r], overrides: [], from: local('2026-12-31T08:00:00'), to: local('2027-01-02T08:00:00') });
    expect(gaps.map((g) => [g.start, g.end, g.mandatory])).toEqual([
      [local('2026-12-31T20:00:00'), local('2027-01-01T00:00:00'), false],
      [local('2027-01-01T00:00:00'), local('2027-01-01T08:00:00'), true],
      [local('2027-01-01T20:00:00'), local('2027-01-02T00:00:00'), true],
      [local('2027-01-02T00:00:00'), local('2027-01-02T08:00:00'), false],
    ]);
    expect(gaps[1]!.reasons).toEqual([{ code: 'no_one' }, { code: 'holiday', label: 'Tết Dương lịch' }]);
    const twoNights = coverageGaps({ rotations: [r], overrides: [], from: local('2026-12-01T20:00:00'), to: local('2026-12-03T08:00:00') });
    expect(twoNights).toHaveLength(2);
    expect(coverageGaps({ rotations: [], overrides: [], from: local('2026-12-01T00:00:00'), to: local('2026-12-08T00:00:00') })).toHaveLength(1);
  });
});

describe('roster rows', () => {
  it('names both problems of a row with 31/02/2026 and a bad time', () => {
    const { assignments, problems } = rowsToAssignments([{ row: 2, date: '31/02/2026', from: '7:3O', to: '17:00', person: 'an@so.gov.vn' }]);
    expect(assignments).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'date', 'impossible_date'],
      [2, 'from', 'bad_time'],
    ]);
    expect(problems[0]!.message.vi).toContain('31/02/2026');
    expect(problems[1]!.message.en).toContain('7:3O');
  });

  it('reads dd/mm/yyyy, Excel serials and dates, 7h30; to before from is the next day, equal is 24 h', () => {
    const { assignments, problems } = rowsToAssignments([
      { row: 2, date: '02/03/2026', from: '07:30', to: '07:30', person: ' Nguyễn  Văn An ' },
      { row: 3, date: 46084, from: 0.9166666666666666, to: '6h', person: 'binh@so.gov.vn', note: 'đêm' },
      { row: 4, date: new Date(Date.UTC(2026, 2, 5)), from: '13:00', to: '24:00', person: 'chi' },
    ]);
    expect(problems).toEqual([]);
    expect(assignments.map((a) => [a.row, a.start, a.end, a.person, a.note])).toEqual([
      [2, local('2026-03-02T07:30:00'), local('2026-03-03T07:30:00'), 'Nguyễn Văn An', ''],
      [3, local('2026-03-03T22:00:00'), local('2026-03-04T06:00:00'), 'binh@so.gov.vn', 'đêm'],
      [4, local('2026-03-05T13:00:00'), local('2026-03-06T00:00:00'), 'chi', ''],
    ]);
  });

  it('reports every missing cell and a person booked twice at once', () => {
    const { problems } = rowsToAssignments([
      { row: 2, date: '', from: null, to: undefined, person: '   ' },
      { row: 3, date: '02/03/2026', from: '07:30', to: '17:00', person: 'An' },
      { row: 4, date: '02/03/2026', from: '16:00', to: '18:00', person: 'an' },
      { row: 5, date: '02/03/2026', from: '16:00', to: '18:00', person: 'binh' },
      { row: 6, date: '45/13/2026', from: '24:00', to: '25:00', person: { name: 'x' } },
    ]);
    expect(problems.map((p) => `${p.row}:${p.column}:${p.code}`)).toEqual([
      '2:date:missing',
      '2:from:missing',
      '2:to:missing',
      '2:person:missing',
      '4:from:overlap',
      '6:date:bad_date',
      '6:from:bad_time',
      '6:to:bad_time',
      '6:person:bad_person',
    ]);
    expect(problems[4]!.message.en).toContain('row 3');
  });

  it('writes one row per 24 hours of a shift, which reads back to the same times', () => {
    const r = buildRotation({ length: { kind: 'custom', hours: 36 } });
    const shifts = shiftsBetween(r, local('2026-03-02T07:30:00'), local('2026-03-04T00:00:00'), [
      buildOverride({ start: local('2026-03-02T07:30:00'), end: local('2026-03-03T19:30:00'), userId: 'dung', replacesUserId: 'an' }),
    ]);
    const rows = shiftsToRows(shifts, { dung: 'Đặng Dung', an: 'Lê An' });
    expect(rows).toEqual([
      { date: '02/03/2026', from: '07:30', to: '07:30', person: 'Đặng Dung', note: 'Thay cho Lê An' },
      { date: '03/03/2026', from: '07:30', to: '19:30', person: 'Đặng Dung', note: 'Thay cho Lê An' },
      { date: '03/03/2026', from: '19:30', to: '19:30', person: 'binh', note: '' },
      { date: '04/03/2026', from: '19:30', to: '07:30', person: 'binh', note: '' },
    ]);
    const back = rowsToAssignments(rows.map((x, i) => ({ row: i + 2, ...x })));
    expect(back.problems).toEqual([]);
    expect(back.assignments.map((a) => +a.end - +a.start)).toEqual([24 * H, 12 * H, 24 * H, 12 * H]);
  });
});
