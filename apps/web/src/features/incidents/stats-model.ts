import type { IncidentCategory, IncidentStats } from '@khien/contracts';

/** The province's picture: chart rows by month × category, communes worst first, totals. */

export type CommuneRow = IncidentStats['byCommune'][number];
export const COMMUNE_COLUMNS = ['total', 'open', 'breached'] as const;
export type CommuneColumn = (typeof COMMUNE_COLUMNS)[number];

/** "2026-03" → "03/2026" (the app's day/month order). */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** A distinct colour per category, stable from one month range to the next. */
export const CATEGORY_COLORS: Record<IncidentCategory, string> = {
  malware: 'red.6',
  intrusion: 'orange.6',
  defacement: 'yellow.6',
  data_leak: 'grape.6',
  ddos: 'blue.6',
  account_takeover: 'cyan.6',
  phishing: 'teal.6',
  fraud: 'pink.6',
  ransomware: 'violet.6',
  vulnerability_exploit: 'indigo.6',
  service_outage: 'lime.7',
  other: 'gray.6',
};

export interface ChartSeries {
  category: IncidentCategory;
  total: number;
}

/**
 * The categories that had any case in the range, most cases first (the biggest block sits at the
 * bottom of each stacked bar), and one row per month, oldest first, with a count per category.
 */
export function chartOf(stats: Pick<IncidentStats, 'months' | 'byCategory'>): { series: ChartSeries[]; rows: Record<string, string | number>[] } {
  const series = stats.byCategory
    .map((c) => ({ category: c.category, total: c.counts.reduce((n, x) => n + x, 0) }))
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
  const rows = stats.months.map((month, i) => {
    const row: Record<string, string | number> = { month: monthLabel(month) };
    for (const s of series) row[s.category] = stats.byCategory.find((c) => c.category === s.category)?.counts[i] ?? 0;
    return row;
  });
  return { series, rows };
}

/** Worst first: breached, then open, then total; ties by name in Vietnamese order, "no commune" last. */
export function sortCommunes(rows: readonly CommuneRow[], noCommune: string): CommuneRow[] {
  return [...rows].sort(
    (a, b) =>
      b.breached - a.breached ||
      b.open - a.open ||
      b.total - a.total ||
      Number(a.communeName === null) - Number(b.communeName === null) ||
      (a.communeName ?? noCommune).localeCompare(b.communeName ?? noCommune, 'vi'),
  );
}

export function communeTotals(rows: readonly CommuneRow[]): Record<CommuneColumn, number> {
  const out = { total: 0, open: 0, breached: 0 };
  for (const r of rows) for (const k of COMMUNE_COLUMNS) out[k] += r[k];
  return out;
}
