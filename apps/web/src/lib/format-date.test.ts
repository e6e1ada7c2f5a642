import { describe, expect, it } from 'vitest';
import { endOfDayVn, formatDate, formatDateTime, parseDayMonthYear, startOfDayVn, todayVn } from './format-date';

describe('formatDateTime', () => {
  it('shows dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh whatever the input zone', () => {
    expect(formatDateTime('2025-12-31T17:30:00Z')).toBe('01/01/2026 00:30');
    expect(formatDateTime('2025-07-01T08:05:00+07:00')).toBe('01/07/2025 08:05');
  });

  it('uses 00 for midnight, not 24', () => {
    expect(formatDateTime('2025-03-09T17:00:00Z')).toBe('10/03/2025 00:00');
  });

  it('leaves empty and unparseable values readable', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('Vietnam calendar days', () => {
  it('formats a date alone', () => {
    expect(formatDate('2025-12-31T17:30:00Z')).toBe('01/01/2026');
  });

  it('bounds a day in +07:00', () => {
    expect(startOfDayVn('2025-07-01')).toBe('2025-07-01T00:00:00+07:00');
    expect(endOfDayVn('2025-07-01')).toBe('2025-07-01T23:59:59+07:00');
  });

  it("knows today's date in Vietnam", () => {
    expect(todayVn(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01');
  });
});

describe('parseDayMonthYear', () => {
  it('reads dd/MM/yyyy and ISO dates', () => {
    expect(parseDayMonthYear('1/7/2025')).toBe('2025-07-01');
    expect(parseDayMonthYear('31.12.2025')).toBe('2025-12-31');
    expect(parseDayMonthYear('2025-07-01')).toBe('2025-07-01');
  });

  it('refuses impossible dates', () => {
    expect(parseDayMonthYear('31/02/2025')).toBeNull();
    expect(parseDayMonthYear('12/31/2025')).toBeNull();
    expect(parseDayMonthYear('hôm qua')).toBeNull();
  });
});
