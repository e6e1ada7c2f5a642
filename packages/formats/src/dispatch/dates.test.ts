import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDispatchDate, toIsoDate } from './dates.js';

describe('findDispatchDate', () => {
  it.each([
    ['Mường Lay, ngày 05 tháng 3 năm 2026', { place: 'Mường Lay', date: '2026-03-05', dateText: 'ngày 05 tháng 3 năm 2026', problem: null }],
    ['Hà Nội, ngày 5/3/2026', { place: 'Hà Nội', date: '2026-03-05', dateText: 'ngày 5/3/2026', problem: null }],
    ['Hà Nội, 05.03.2026', { place: 'Hà Nội', date: '2026-03-05', dateText: '05.03.2026', problem: null }],
    ['Cao Lãnh, ngày   tháng 01 năm 2024', { place: 'Cao Lãnh', date: null, dateText: 'ngày   tháng 01 năm 2024', problem: 'blank' }],
    ['Cao Lãnh, ngày … tháng … năm 2024', { place: 'Cao Lãnh', date: null, dateText: 'ngày … tháng … năm 2024', problem: 'blank' }],
    ['ngày 30 tháng 02 năm 2026', { place: null, date: null, dateText: 'ngày 30 tháng 02 năm 2026', problem: 'invalid' }],
    ['Đà Nẵng, ngảy 1 thảng 12 nắm 2025', { place: 'Đà Nẵng', date: '2025-12-01', dateText: 'ngảy 1 thảng 12 nắm 2025', problem: null }],
  ])('reads "%s"', (segment, expected) => {
    expect(findDispatchDate(segment)).toEqual(expected);
  });

  it.each(['Thực hiện Công văn số 907/CAT-PA05, ngày 27/02/2026 của Công an tỉnh Điện Biên', 'trong ngày hôm nay', 'Số: 1082/UBND-CA', ''])(
    'finds no issue date in "%s"',
    (segment) => {
      expect(findDispatchDate(segment)).toBeNull();
    },
  );

  it('agrees with the calendar for every day it accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1990, max: 2100 }), (d, m, y) => {
        const iso = toIsoDate(y, m, d);
        const real = new Date(Date.UTC(y, m - 1, d));
        const valid = m >= 1 && m <= 12 && real.getUTCDate() === d && real.getUTCMonth() === m - 1;
        expect(iso !== null).toBe(valid);
        if (iso !== null) expect(findDispatchDate(`Huế, ngày ${d} tháng ${m} năm ${y}`)?.date).toBe(iso);
      }),
    );
  });
});
