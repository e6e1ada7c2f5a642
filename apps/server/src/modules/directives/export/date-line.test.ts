import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BLANK_DATE, formatNumberLine, formatShortDate, formatTimestampVi, formatVietnameseDateLine } from './date-line.js';

describe('formatVietnameseDateLine', () => {
  it('pads days below 10 and the months 1 and 2, not the other months (Decree 30/2020, Annex I)', () => {
    expect(formatVietnameseDateLine('Mường Lay', '2026-03-05')).toBe('Mường Lay, ngày 05 tháng 3 năm 2026');
    expect(formatVietnameseDateLine('Hà Nội', '2026-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2026');
    expect(formatVietnameseDateLine('Cao Lãnh', '2024-01-31')).toBe('Cao Lãnh, ngày 31 tháng 01 năm 2024');
    expect(formatVietnameseDateLine('Quảng Ngãi', '2025-07-31')).toBe('Quảng Ngãi, ngày 31 tháng 7 năm 2025');
    expect(formatVietnameseDateLine('Điện Biên', '2025-12-10')).toBe('Điện Biên, ngày 10 tháng 12 năm 2025');
    expect(formatVietnameseDateLine('Huế', '2025-10-09')).toBe('Huế, ngày 09 tháng 10 năm 2025');
  });

  it('leaves blanks to fill in by hand when the letter is not dated yet', () => {
    expect(BLANK_DATE).toBe('ngày    tháng    năm 20…');
    expect(formatVietnameseDateLine('Mường Lay', null)).toBe('Mường Lay, ngày    tháng    năm 20…');
    expect(formatVietnameseDateLine('Mường Lay', '  ')).toBe('Mường Lay, ngày    tháng    năm 20…');
  });

  it('starts with "Ngày" when there is no place', () => {
    expect(formatVietnameseDateLine(null, '2026-03-05')).toBe('Ngày 05 tháng 3 năm 2026');
    expect(formatVietnameseDateLine('  ', null)).toBe('Ngày    tháng    năm 20…');
  });

  it('keeps the place in NFC, whatever form it came in', () => {
    const decomposed = 'Mường Lay'.normalize('NFD');
    const line = formatVietnameseDateLine(decomposed, '2026-03-05');
    expect(line).toBe('Mường Lay, ngày 05 tháng 3 năm 2026');
    expect(line.normalize('NFC')).toBe(line);
  });

  it('rejects what is not a date rather than printing a wrong one', () => {
    expect(() => formatVietnameseDateLine('Hà Nội', '2026-02-30')).toThrow(RangeError);
    expect(() => formatVietnameseDateLine('Hà Nội', '05/03/2026')).toThrow(RangeError);
    expect(() => formatVietnameseDateLine('Hà Nội', '2026-3-5')).toThrow(RangeError);
  });

  it('round-trips every real date (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const m = /^Mường Lay, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$/.exec(formatVietnameseDateLine('Mường Lay', iso));
        expect(m).not.toBeNull();
        const [, day, month, year] = m!;
        expect(`${year}-${month!.padStart(2, '0')}-${day}`).toBe(iso);
        // 01, 02 padded; 3 … 12 not
        expect(month!.startsWith('0')).toBe(Number(month) <= 2);
      }),
    );
  });
});

describe('formatShortDate and formatTimestampVi', () => {
  it('follows the same padding rule inside a text', () => {
    expect(formatShortDate('2026-02-27')).toBe('27/02/2026');
    expect(formatShortDate('2026-03-05')).toBe('05/3/2026');
  });

  it('prints timestamps in Vietnam time (UTC+7)', () => {
    expect(formatTimestampVi('2026-03-20T07:30:00.000Z')).toBe('14 giờ 30 phút ngày 20/3/2026');
    expect(formatTimestampVi('2026-02-28T18:05:00Z')).toBe('01 giờ 05 phút ngày 01/3/2026');
  });
});

describe('formatNumberLine', () => {
  it('prints the number, padding numbers below 10', () => {
    expect(formatNumberLine('1082/UBND-CA')).toBe('Số: 1082/UBND-CA');
    expect(formatNumberLine('5/UBND-VP')).toBe('Số: 05/UBND-VP');
    expect(formatNumberLine('05/UBND-VP')).toBe('Số: 05/UBND-VP');
    expect(formatNumberLine('10/UBND-VP')).toBe('Số: 10/UBND-VP');
    expect(formatNumberLine('Số: 628/CAT-PA05')).toBe('Số: 628/CAT-PA05');
  });

  it('leaves room for the number when it is not given yet', () => {
    expect(formatNumberLine('/UBND-HC')).toBe('Số:      /UBND-HC');
    expect(formatNumberLine(null)).toBe('Số:      /');
  });
});
