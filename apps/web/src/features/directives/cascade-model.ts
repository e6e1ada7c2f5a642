import type { Cascade, CascadeNode, RelayCounts } from '@khien/contracts';

/**
 * The cascade panel's words, as translation keys with their values, so the rules (what is said,
 * in which order, what is left out) are tested without rendering.
 */

export interface Phrase {
  key: string;
  values?: Record<string, number | string>;
}

/** "12/15 đơn vị đã triển khai · 3 quá hạn triển khai · 2 cấp · 340 đơn vị nhận". */
export function cascadeSummary(summary: Cascade['summary']): Phrase[] {
  const out: Phrase[] = [];
  if (summary.withUnits > 0) out.push({ key: 'directives.cascade.summary.relayed', values: { relayed: summary.relayed, withUnits: summary.withUnits } });
  else out.push({ key: 'directives.cascade.summary.noUnits' });
  if (summary.notRelayedOverdue > 0) out.push({ key: 'directives.cascade.summary.overdue', values: { n: summary.notRelayedOverdue } });
  if (summary.deep.levels > 1) out.push({ key: 'directives.cascade.summary.levels', values: { n: summary.deep.levels } });
  out.push({ key: 'directives.cascade.summary.units', values: { n: summary.deep.units } });
  return out;
}

export type RelayState = 'relayed' | 'overdue' | 'owed' | 'notRelayed' | 'none';

/**
 * Where a recipient stands on relaying: relayed (an issued relay), overdue (asked by a date that has
 * passed), owed (asked, date to come), not relayed (has units, not asked by a date), none (no units).
 */
export function relayState(node: Pick<CascadeNode, 'hasUnits' | 'relays' | 'relayOverdue' | 'relayDueAt'>): RelayState {
  if (node.relays.length > 0) return 'relayed';
  if (!node.hasUnits) return 'none';
  if (node.relayOverdue) return 'overdue';
  return node.relayDueAt ? 'owed' : 'notRelayed';
}

/** A received assignment's relay, as its page tells it: relayed (an issued relay), or late (asked by a date now past). */
export function assignmentRelay(a: { relays: readonly { status: string }[]; relayDueAt: string | null }, now: Date): { relayed: boolean; late: boolean } {
  const relayed = a.relays.some((r) => r.status !== 'draft');
  return { relayed, late: !relayed && a.relayDueAt !== null && new Date(a.relayDueAt).getTime() < now.getTime() };
}

/** One relay's figures: its units and their reports one level down, then every level below when there are more. */
export function relayFigures(counts: RelayCounts, deep: RelayCounts & { levels: number }): Phrase[] {
  const out: Phrase[] = [{ key: 'directives.cascade.relay.units', values: { n: counts.units } }];
  if (counts.units > 0) out.push({ key: 'directives.cascade.relay.submitted', values: { n: counts.submitted, total: counts.units } });
  if (counts.tasksTotal > 0) out.push({ key: 'directives.rollup.tasksDoneOf', values: { done: counts.tasksDone, total: counts.tasksTotal } });
  if (counts.overdue > 0) out.push({ key: 'directives.cascade.relay.overdue', values: { n: counts.overdue } });
  if (deep.levels > 1) out.push({ key: 'directives.cascade.relay.deep', values: { levels: deep.levels, units: deep.units } });
  return out;
}

/** The pages loaded so far, one list (a recipient never twice, should a page shift under a refetch). */
export function mergePages(pages: readonly Pick<Cascade, 'items'>[]): CascadeNode[] {
  const seen = new Set<string>();
  const out: CascadeNode[] = [];
  for (const p of pages) {
    for (const item of p.items) {
      if (seen.has(item.assignmentId)) continue;
      seen.add(item.assignmentId);
      out.push(item);
    }
  }
  return out;
}

/** The offset of the next page, or undefined when every recipient is loaded. */
export function nextOffset(pages: readonly Pick<Cascade, 'items' | 'total'>[]): number | undefined {
  const loaded = pages.reduce((n, p) => n + p.items.length, 0);
  const total = pages[pages.length - 1]?.total ?? 0;
  return loaded < total && (pages[pages.length - 1]?.items.length ?? 0) > 0 ? loaded : undefined;
}
