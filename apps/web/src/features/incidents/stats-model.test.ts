import { describe, expect, it } from 'vitest';
import { chartOf, communeTotals, monthLabel, sortCommunes, type CommuneRow } from './stats-model';

describe('the chart by month and category', () => {
  it('stacks the categories that had cases, biggest first, one row per month', () => {
    const { series, rows } = chartOf({
      months: ['2026-01', '2026-02', '2026-03'],
      byCategory: [
        { category: 'phishing', counts: [1, 0, 2] },
        { category: 'ddos', counts: [0, 0, 0] },
        { category: 'malware', counts: [4, 1, 0] },
      ],
    });
    expect(series).toEqual([
      { category: 'malware', total: 5 },
      { category: 'phishing', total: 3 },
    ]);
    expect(rows).toEqual([
      { month: '01/2026', malware: 4, phishing: 1 },
      { month: '02/2026', malware: 1, phishing: 0 },
      { month: '03/2026', malware: 0, phishing: 2 },
    ]);
  });

  it('writes a month day-first like every date in the app', () => {
    expect(monthLabel('2025-12')).toBe('12/2025');
    expect(monthLabel('bad')).toBe('bad');
  });
});

describe('the commune table', () => {
  const row = (communeName: string | null, total: number, open: number, breached: number): CommuneRow => ({
    communeId: communeName,
    communeName,
    total,
    open,
    breached,
  });

  // ă comes before â in the Vietnamese alphabet
  it('puts breaches first, then open, then total, then the name in Vietnamese order, unknown last', () => {
    const rows = [row('Xã Ẳng Nưa', 3, 1, 0), row(null, 9, 9, 0), row('Phường Him Lam', 2, 2, 1), row('Xã Âm Thượng', 3, 1, 0)];
    expect(sortCommunes(rows, '—').map((r) => r.communeName)).toEqual(['Phường Him Lam', null, 'Xã Ẳng Nưa', 'Xã Âm Thượng']);
    expect(sortCommunes([row(null, 1, 0, 0), row('Xã B', 1, 0, 0)], '—').map((r) => r.communeName)).toEqual(['Xã B', null]);
  });

  it('adds up the columns', () => {
    expect(communeTotals([row('a', 3, 1, 0), row('b', 2, 2, 1)])).toEqual({ total: 5, open: 3, breached: 1 });
  });
});
