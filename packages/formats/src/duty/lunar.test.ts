import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLunarCalendar, fromJulianDayNumber, julianDayNumber, newMoonJde, sunLongitude, vietnamLunarCalendar } from './lunar.js';
import { lunarToSolar, solarToLunar, tetDate, vietnamHolidays } from './index.js';

const china = createLunarCalendar(8);
const iso = (s: { y: number; m: number; d: number } | null) => s && `${s.y}-${String(s.m).padStart(2, '0')}-${String(s.d).padStart(2, '0')}`;

describe('the astronomy under the calendar', () => {
  it('finds the new moon of Meeus example 49.a (1977 Feb 18, JDE 2443192.65118)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it("gives the sun's apparent longitude of Meeus example 25.a (1992 Oct 13.0 TD: 199.90895°)", () => {
    expect(sunLongitude(2448908.5)).toBeCloseTo(199.90895, 3);
  });

  it('converts Julian day numbers both ways', () => {
    expect(julianDayNumber(2000, 1, 1)).toBe(2451545);
    expect(julianDayNumber(1970, 1, 1)).toBe(2440588);
    expect(fromJulianDayNumber(2451545)).toEqual({ y: 2000, m: 1, d: 1 });
    expect(fromJulianDayNumber(julianDayNumber(2024, 2, 29))).toEqual({ y: 2024, m: 2, d: 29 });
  });
});

describe('Tết (mùng 1 tháng Giêng), Vietnam UTC+7', () => {
  it.each([
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    // the new moon is at 23:07 +07:00 on 2 February (00:07 on the 3rd in Beijing), so Vietnam's
    // Tết is the 2nd; 3 February is China's
    [2030, '2030-02-02'],
  ])('%i → %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
  });

  it('differs from China (UTC+8) exactly where a new moon falls between their midnights', () => {
    const cn = (y: number) => iso(china.lunarToSolar({ day: 1, month: 1, year: y, leap: false }));
    expect(cn(1985)).toBe('1985-02-20');
    expect(cn(2007)).toBe('2007-02-18');
    expect(cn(2030)).toBe('2030-02-03');
    for (const y of [2020, 2023, 2024, 2025, 2026, 2027, 2028]) expect(cn(y)).toBe(tetDate(y));
  });

  it('is a first of month one, preceded by the last day of month twelve', () => {
    for (let y = 1900; y <= 2100; y++) {
      const [yy, mm, dd] = tetDate(y).split('-').map(Number) as [number, number, number];
      expect(solarToLunar(yy, mm, dd)).toEqual({ day: 1, month: 1, year: y, leap: false });
      const eve = fromJulianDayNumber(julianDayNumber(yy, mm, dd) - 1);
      const l = solarToLunar(eve.y, eve.m, eve.d);
      expect([l.month, l.year, l.day >= 29]).toEqual([12, y - 1, true]);
      expect(tetDate(y) >= `${y}-01-21` && tetDate(y) <= `${y}-02-20`).toBe(true);
    }
  });
});

describe('lunar dates', () => {
  it('puts Giỗ Tổ Hùng Vương (10/3 âm lịch) on 26/04/2026 and 07/04/2025', () => {
    expect(iso(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false }))).toBe('2026-04-26');
    expect(iso(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false }))).toBe('2025-04-07');
    expect(vietnamHolidays(2026).find((h) => h.name.vi.startsWith('Giỗ Tổ'))?.date).toBe('2026-04-26');
  });

  it('has a leap 2nd month in 2023 and a leap 6th month in 2025, none in 2024 or 2026', () => {
    expect(vietnamLunarCalendar.leapMonthOf(2023)).toBe(2);
    expect(vietnamLunarCalendar.leapMonthOf(2025)).toBe(6);
    expect(vietnamLunarCalendar.leapMonthOf(2024)).toBeNull();
    expect(vietnamLunarCalendar.leapMonthOf(2026)).toBeNull();
    expect(iso(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true }))).toBe('2023-03-22');
    expect(iso(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true }))).toBe('2025-07-25');
    expect(solarToLunar(2025, 7, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar({ day: 1, month: 6, year: 2024, leap: true })).toBeNull();
  });

  it('answers null for a lunar date that does not exist, and refuses a solar date that does not', () => {
    // tháng Chạp of Ất Tỵ (lunar 2025) has 29 days: Tết 2026 is the day after the 29th
    expect(lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toBeNull();
    expect(iso(lunarToSolar({ day: 29, month: 12, year: 2025, leap: false }))).toBe('2026-02-16');
    expect(lunarToSolar({ day: 0, month: 1, year: 2026, leap: false })).toBeNull();
    expect(lunarToSolar({ day: 1, month: 13, year: 2026, leap: false })).toBeNull();
    expect(() => solarToLunar(2026, 2, 31)).toThrow(RangeError);
    expect(() => solarToLunar(1700, 1, 1)).toThrow(RangeError);
  });

  it('round-trips every day from 1900 to 2100, with consecutive lunar days', () => {
    let prev = solarToLunar(1899, 12, 31);
    for (let jdn = julianDayNumber(1900, 1, 1); jdn <= julianDayNumber(2100, 12, 31); jdn++) {
      const { y, m, d } = fromJulianDayNumber(jdn);
      const l = solarToLunar(y, m, d);
      expect(lunarToSolar(l)).toEqual({ y, m, d });
      // a lunar day follows the previous one, or a month begins (after a 29th or a 30th)
      if (l.day !== prev.day + 1 && !(l.day === 1 && (prev.day === 29 || prev.day === 30))) expect.fail(`${y}-${m}-${d}: ${JSON.stringify([prev, l])}`);
      prev = l;
    }
  });

  it('round-trips random days (property) and lunar dates that exist', () => {
    const day = fc.integer({ min: julianDayNumber(1800, 1, 1), max: julianDayNumber(2199, 11, 30) });
    fc.assert(
      fc.property(day, (jdn) => {
        const { y, m, d } = fromJulianDayNumber(jdn);
        const l = solarToLunar(y, m, d);
        return iso(lunarToSolar(l)) === iso({ y, m, d }) && l.day >= 1 && l.day <= 30 && l.month >= 1 && l.month <= 12;
      }),
      { numRuns: 2000 },
    );
    const lunar = fc.record({
      day: fc.integer({ min: 1, max: 30 }),
      month: fc.integer({ min: 1, max: 12 }),
      year: fc.integer({ min: 1801, max: 2198 }),
      leap: fc.boolean(),
    });
    fc.assert(
      fc.property(lunar, (l) => {
        const s = lunarToSolar(l);
        return s === null || JSON.stringify(solarToLunar(s.y, s.m, s.d)) === JSON.stringify(l);
      }),
      { numRuns: 2000 },
    );
  });
});
