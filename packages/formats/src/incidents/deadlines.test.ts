// The packs are read in place; only this test touches files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { RegulationPackSchema, type IncidentReporting } from '@khien/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDetectedAt, incidentDeadlines, proposeSerious, type IncidentRulesLike } from './deadlines.js';
import { missingFields } from './fields.js';

const PACKS = new URL('../../../../regulations/packs/', import.meta.url);
const load = (file: string): IncidentReporting => RegulationPackSchema.parse(JSON.parse(readFileSync(new URL(file, PACKS), 'utf8'))).incidentReporting;
// the contracts' type fits the shape formats reads
const nd331: IncidentRulesLike = load('vn-nd331-2026.json');
const nd85: IncidentRulesLike = load('vn-nd85-2016.json');

const detectedAt = new Date('2026-09-04T15:30:00+07:00');
const flags = { serious: false, personalData: false, nationalSecurity: false };
const hoursAfter = (d: Date) => (d.getTime() - detectedAt.getTime()) / 3_600_000;
const summary = (rules: IncidentRulesLike, f: Partial<typeof flags>) =>
  incidentDeadlines(rules, { detectedAt, ...flags, ...f }).map((d) => [d.kind, hoursAfter(d.dueAt), d.immediate]);

describe('incidentDeadlines under the shipped packs', () => {
  it('a level-3 system under Decree 331 is serious and owes 24 h and 72 h reports', () => {
    const serious = proposeSerious(nd331, { severity: 'medium', maxSystemLevel: 3 });
    expect(serious).toBe(true);
    const d = incidentDeadlines(nd331, { detectedAt, ...flags, serious });
    expect(d.map((x) => [x.kind, x.hours, x.dueAt.toISOString(), x.immediate])).toEqual([
      ['initial', 24, '2026-09-05T08:30:00.000Z', false],
      ['full', 72, '2026-09-07T08:30:00.000Z', false],
    ]);
    expect(d[0]!.basis).toEqual({
      vi: 'Nghị định 331/2026/NĐ-CP, Điều 31: thông báo ban đầu trong 24 giờ',
      en: 'Decree 331/2026/NĐ-CP, Art. 31: initial notice within 24 hours',
    });
    expect(d[1]!.basis.vi).toBe('Nghị định 331/2026/NĐ-CP, Điều 31: báo cáo đầy đủ trong 72 giờ');
    expect(d.every((x) => x.mark === 'R')).toBe(true);
  });

  it('the same case under Decree 85 owes the 5-day report of Decision 05/2017', () => {
    const d = incidentDeadlines(nd85, { detectedAt, ...flags, serious: proposeSerious(nd85, { severity: 'medium', maxSystemLevel: 3 }) });
    expect(d.map((x) => [x.kind, x.hours, x.dueAt.toISOString()])).toEqual([['five_day', 120, '2026-09-09T08:30:00.000Z']]);
    expect(d[0]!.basis).toEqual({ vi: 'Quyết định 05/2017/QĐ-TTg: báo cáo sự cố trong 5 ngày', en: 'Decision 05/2017/QĐ-TTg: incident report within 5 days' });
    expect(d[0]!.mark).toBe('V');
  });

  it('a case that is not serious owes nothing under 331 and still the 5 days under 85', () => {
    expect(summary(nd331, {})).toEqual([]);
    expect(summary(nd85, {})).toEqual([['five_day', 120, false]]);
  });

  it('personal data adds the 72 h breach notice of Law 91/2025 under both packs', () => {
    expect(summary(nd331, { serious: true, personalData: true })).toEqual([
      ['initial', 24, false],
      ['full', 72, false],
      ['personal_data', 72, false],
    ]);
    expect(summary(nd85, { personalData: true })).toEqual([
      ['personal_data', 72, false],
      ['five_day', 120, false],
    ]);
    const notice = incidentDeadlines(nd85, { detectedAt, ...flags, personalData: true })[0]!;
    expect(notice.basis.vi).toBe('Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: thông báo vi phạm trong 72 giờ');
    expect(notice.mark).toBe('R');
  });

  it('national security makes the initial notice due at detection', () => {
    const d = incidentDeadlines(nd331, { detectedAt, ...flags, serious: true, nationalSecurity: true });
    expect(d.map((x) => [x.kind, hoursAfter(x.dueAt), x.immediate])).toEqual([
      ['initial', 0, true],
      ['full', 72, false],
    ]);
    expect(d[0]!.basis.vi).toContain('ngay lập tức');
    expect(d[0]!.basis.en).toContain('at once');
    // a threat to national security owes the reports even when "serious" was left unticked
    expect(summary(nd331, { nationalSecurity: true })).toEqual([
      ['initial', 0, true],
      ['full', 72, false],
    ]);
  });
});

describe('incidentDeadlines', () => {
  const rules: IncidentRulesLike = { initialNoticeHours: 24, fullReportHours: 72, deadlineDays: 5, personalDataBreachHours: 72, mark: 'R' };

  it('counts exact hours across a weekend and a month end, with no working-day logic', () => {
    const friday = new Date('2026-10-30T23:00:00Z');
    const d = incidentDeadlines(rules, { detectedAt: friday, serious: true, personalData: true, nationalSecurity: false });
    expect(d.map((x) => [x.kind, x.dueAt.toISOString()])).toEqual([
      ['initial', '2026-10-31T23:00:00.000Z'],
      ['full', '2026-11-02T23:00:00.000Z'],
      ['personal_data', '2026-11-02T23:00:00.000Z'],
      ['five_day', '2026-11-04T23:00:00.000Z'],
    ]);
  });

  it('is always sorted by due time, each due at detection plus its hours', () => {
    const hours = fc.option(fc.integer({ min: 0, max: 8760 }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          initialNoticeHours: hours,
          fullReportHours: hours,
          deadlineDays: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
          personalDataBreachHours: hours,
        }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (r, serious, personalData, nationalSecurity) => {
          const d = incidentDeadlines({ ...r, mark: 'R' }, { detectedAt, serious, personalData, nationalSecurity });
          for (let i = 1; i < d.length; i++) if (d[i - 1]!.dueAt > d[i]!.dueAt) return false;
          return d.every(
            (x) =>
              x.dueAt.getTime() === detectedAt.getTime() + x.hours * 3_600_000 && x.immediate === (x.hours === 0 && x.kind === 'initial' && nationalSecurity),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses an invalid detection time', () => {
    expect(() => incidentDeadlines(rules, { detectedAt: new Date('nope'), ...flags })).toThrow(RangeError);
  });
});

describe('proposeSerious', () => {
  it.each([
    ['low', 3, true],
    ['low', 2, false],
    ['high', null, true],
    ['critical', 1, true],
    ['medium', null, false],
    ['medium', 5, true],
  ] as const)('under 331: %s on a level-%s system → %s', (severity, maxSystemLevel, expected) => {
    expect(proposeSerious(nd331, { severity, maxSystemLevel })).toBe(expected);
    expect(proposeSerious(nd85, { severity, maxSystemLevel })).toBe(expected);
  });

  it('follows the pack, and without seriousWhen proposes only a critical case', () => {
    expect(proposeSerious({ seriousWhen: { severities: ['critical'], mark: '?' } }, { severity: 'high', maxSystemLevel: 5 })).toBe(false);
    expect(proposeSerious({ seriousWhen: { minLevel: 4, mark: '?' } }, { severity: 'critical', maxSystemLevel: 3 })).toBe(false);
    expect(proposeSerious({}, { severity: 'critical', maxSystemLevel: null })).toBe(true);
    expect(proposeSerious({}, { severity: 'high', maxSystemLevel: 5 })).toBe(false);
  });
});

describe('checkDetectedAt', () => {
  const now = new Date('2026-09-04T10:00:00Z');
  const opts = { now, notBefore: null };

  it.each(['2026-09-04T16:30:00+07:00', '2026-09-04T09:30Z', '2026-09-04T09:30:00.123Z', '2026-09-04T16:30:00+0700', '2026-09-04T10:04:59Z'])(
    'accepts %s',
    (s) => {
      const r = checkDetectedAt(s, opts);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.at.getTime()).toBe(new Date(s.replace('+0700', '+07:00')).getTime());
    },
  );

  it.each(['2026-09-04T16:30:00', '2026-09-04', '04/09/2026 16:30', '2026-02-30T10:00:00Z', '2026-09-04T25:00:00Z', '', 'now'])(
    'refuses %j as invalid: an offset is required',
    (s) => {
      expect(checkDetectedAt(s, opts)).toEqual({ ok: false, code: 'detected_at_invalid' });
    },
  );

  it('allows five minutes of clock skew, no more', () => {
    expect(checkDetectedAt('2026-09-04T10:05:00Z', opts).ok).toBe(true);
    expect(checkDetectedAt('2026-09-04T10:05:01Z', opts)).toEqual({ ok: false, code: 'detected_at_future' });
  });

  it('refuses a time before notBefore, or before 2000 without one', () => {
    expect(checkDetectedAt('1999-12-31T23:59:59Z', opts)).toEqual({ ok: false, code: 'detected_at_too_early' });
    expect(checkDetectedAt('2000-01-01T00:00:00Z', opts).ok).toBe(true);
    const notBefore = new Date('2026-09-01T00:00:00Z');
    expect(checkDetectedAt('2026-08-31T23:59:59Z', { now, notBefore })).toEqual({ ok: false, code: 'detected_at_too_early' });
    expect(checkDetectedAt('2026-09-01T07:00:00+07:00', { now, notBefore }).ok).toBe(true);
  });
});

describe('missingFields', () => {
  it('counts absent, null, undefined and blank text as missing, and keeps the required order', () => {
    const fields = { a: 'x', b: '', c: '   \n', d: null, e: undefined, f: 0, g: false, h: [] };
    expect(missingFields(fields, ['h', 'g', 'f', 'e', 'd', 'c', 'b', 'a', 'z'])).toEqual(['e', 'd', 'c', 'b', 'z']);
    expect(missingFields({}, ['constructor', 'toString'])).toEqual(['constructor', 'toString']);
    expect(missingFields({ a: 'x' }, [])).toEqual([]);
  });
});
