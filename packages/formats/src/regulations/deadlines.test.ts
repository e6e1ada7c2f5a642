import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths, addWorkingDays, dossierDeadlines, isWorkingDay, reassessDue } from './deadlines.js';
import { buildPack } from './test-pack.test-support.js';

describe('addWorkingDays', () => {
  it.each([
    // Friday 2026-03-06 + 1 working day = Monday 2026-03-09
    ['2026-03-06', 1, '2026-03-09'],
    ['2026-03-06', 5, '2026-03-13'],
    // submitted on a Saturday: the count starts on Monday
    ['2026-03-07', 1, '2026-03-09'],
    ['2026-03-02', 15, '2026-03-23'],
    ['2026-12-28', 5, '2027-01-04'],
    ['2026-03-07', 0, '2026-03-07'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('refuses what is not a date or a count', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('06/03/2026', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-06', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-06', 1.5)).toThrow(RangeError);
  });

  it('lands on a working day, n working days later, never more than n + 2·⌈n/5⌉ + 2 calendar days on', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), (from, n) => {
        const due = addWorkingDays(from, n);
        expect(isWorkingDay(due)).toBe(true);
        let count = 0;
        for (let d = addCalendarDays(from, 1); d <= due; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) count++;
        expect(count).toBe(n);
        const span = (Date.parse(due) - Date.parse(from)) / 86_400_000;
        expect(span).toBeLessThanOrEqual(n + 2 * Math.ceil(n / 5) + 2);
      }),
      { numRuns: 100 },
    );
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-19', 24)).toBe('2028-08-19');
  });
});

describe('dossierDeadlines', () => {
  const pack = buildPack();

  it('counts appraisal from submission and approval from the appraisal due date', () => {
    const d = dossierDeadlines(pack, 3, '2026-09-01');
    expect(d.invalidReturn).toEqual({ dueOn: '2026-09-08', workingDays: 5, mark: 'R' });
    expect(d.appraisal).toMatchObject({ dueOn: '2026-09-22', workingDays: 15, from: '2026-09-01' });
    expect(d.approval).toMatchObject({ dueOn: '2026-10-01', workingDays: 7, from: '2026-09-22' });
  });

  it('counts approval from the actual appraisal date once there is one', () => {
    expect(dossierDeadlines(pack, 3, '2026-09-01', { appraisedOn: '2026-09-10' }).approval.dueOn).toBe('2026-09-21');
  });

  it('uses calendar days where the pack says so', () => {
    expect(dossierDeadlines(pack, 4, '2026-09-01').appraisal).toMatchObject({ dueOn: '2026-10-01', calendarDays: 30, workingDays: null });
  });

  it('gives no date where the pack states no limit', () => {
    const d = dossierDeadlines(pack, 1, '2026-09-01');
    expect(d.appraisal.dueOn).toBeNull();
    expect(d.approval.dueOn).toBeNull();
    expect(d.approval.from).toBeNull();
  });

  it('refuses an unknown level or a bad date', () => {
    expect(() => dossierDeadlines(pack, 6, '2026-09-01')).toThrow(RangeError);
    expect(() => dossierDeadlines(pack, 3, '1/9/2026')).toThrow(RangeError);
  });
});

describe('reassessDue', () => {
  it('adds the level’s interval with its mark, or says there is none', () => {
    const pack = buildPack();
    expect(reassessDue(pack, 3, '2026-09-30')).toEqual({ dueOn: '2028-09-30', months: 24, mark: '?' });
    expect(reassessDue(pack, 4, '2026-09-30')).toEqual({ dueOn: '2027-09-30', months: 12, mark: 'R' });
    expect(reassessDue(pack, 1, '2026-09-30')).toBeNull();
  });
});
