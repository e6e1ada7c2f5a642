import type { RequirementStatus } from '../../lib/enums';

export interface ChecklistProgress {
  total: number;
  met: number;
  inProgress: number;
  notApplicable: number;
  notStarted: number;
  /** met and not-applicable count as done, out of the total */
  percent: number;
}

export function checklistProgress(items: readonly { status: RequirementStatus }[]): ChecklistProgress {
  const count = (s: RequirementStatus) => items.filter((i) => i.status === s).length;
  const met = count('met');
  const notApplicable = count('not_applicable');
  const total = items.length;
  return {
    total,
    met,
    inProgress: count('in_progress'),
    notApplicable,
    notStarted: count('not_started'),
    percent: total === 0 ? 0 : Math.round(((met + notApplicable) / total) * 100),
  };
}

/** The same from the counters a system row carries. */
export function countsPercent(c: { total: number; met: number; notApplicable: number }): number {
  return c.total === 0 ? 0 : Math.round(((c.met + c.notApplicable) / c.total) * 100);
}
