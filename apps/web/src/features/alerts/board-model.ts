import type { AlertBoard } from '@khien/contracts';

/** The board's pure parts: chart rows, totals, names cut to fit beside a bar. */

export type CommuneRow = AlertBoard['byCommune'][number];
export const BOARD_COLUMNS = ['open', 'unacknowledged', 'overdue', 'critical'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

/** Worst first: overdue, then unacknowledged, then open; ties by name in Vietnamese order. */
export function sortCommunes(rows: readonly CommuneRow[], noCommune: string): CommuneRow[] {
  return [...rows].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.unacknowledged - a.unacknowledged ||
      b.open - a.open ||
      (a.communeName ?? noCommune).localeCompare(b.communeName ?? noCommune, 'vi'),
  );
}

export function boardChartData(rows: readonly CommuneRow[], noCommune: string) {
  return sortCommunes(rows, noCommune).map((r) => ({
    commune: r.communeName ?? noCommune,
    open: r.open,
    unacknowledged: r.unacknowledged,
    overdue: r.overdue,
    critical: r.critical,
  }));
}

export function boardTotals(rows: readonly CommuneRow[]): Record<BoardColumn, number> {
  const out = { open: 0, unacknowledged: 0, overdue: 0, critical: 0 };
  for (const r of rows) for (const k of BOARD_COLUMNS) out[k] += r[k];
  return out;
}

/** "Phường Mường Thanh" fits; a longer name is cut at a word with "…" (the table has it whole). */
export function shortName(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  // the cut falls between two words: keep them all
  if (name[max - 1] === ' ') return `${cut.trimEnd()}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
