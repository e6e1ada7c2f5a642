import type { InventoryOverview } from '@khien/contracts';
import { DOSSIER_STATUSES, SECURITY_LEVELS } from '../../lib/enums';
import { LEVEL_CHART_COLORS, DOSSIER_CHART_COLORS } from './inventory-colors';

export type LevelKey = '1' | '2' | '3' | '4' | '5' | 'none';
export const LEVEL_KEYS: readonly LevelKey[] = [...SECURITY_LEVELS.map((l) => String(l) as LevelKey), 'none'];

type Row = InventoryOverview['rows'][number];

/** One bar per child org, stacked by level; series keys are "l1"…"l5" and "none". */
export function levelChartData(rows: readonly Row[]): Record<string, string | number>[] {
  return rows.map((r) => {
    const point: Record<string, string | number> = { org: r.orgName };
    for (const k of LEVEL_KEYS) point[k === 'none' ? 'none' : `l${k}`] = r.byLevel[k];
    return point;
  });
}

export function levelSeries(label: (key: LevelKey) => string): { name: string; label: string; color: string }[] {
  return LEVEL_KEYS.map((k) => ({ name: k === 'none' ? 'none' : `l${k}`, label: label(k), color: LEVEL_CHART_COLORS[k] }));
}

/** Donut cells for the dossier statuses that occur, in workflow order. */
export function dossierCells(byDossier: Record<string, number>, label: (s: (typeof DOSSIER_STATUSES)[number]) => string) {
  return DOSSIER_STATUSES.filter((s) => (byDossier[s] ?? 0) > 0).map((s) => ({ name: label(s), value: byDossier[s] ?? 0, color: DOSSIER_CHART_COLORS[s] }));
}

/** Taller charts for more orgs, so 60 communes stay readable as horizontal bars. */
/** An axis label cut at a word where it can, with "…", so labels never run into each other (the tooltip names it in full). */
export function shortLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function chartHeight(rowCount: number): number {
  return Math.min(2400, Math.max(220, rowCount * 36 + 100));
}
