import type { DossierStatus } from '@khien/contracts';

/**
 * The level dossier: drafting → submitted → appraised → approved, or returned to the owner at the
 * appraisal or approval step (then submitted again). The server enforces it; the UI offers only these.
 */
export const DOSSIER_NEXT: Record<DossierStatus, readonly DossierStatus[]> = {
  drafting: ['submitted'],
  submitted: ['appraised', 'returned'],
  appraised: ['approved', 'returned'],
  returned: ['submitted'],
  // the end: a changed system is classified again, which starts a new dossier
  approved: [],
};

export interface DossierLike {
  status: DossierStatus;
  submittedOn: string | null;
  appraisedOn: string | null;
  approvedOn: string | null;
  decisionNumber: string | null;
  appraisalDue: string | null;
  approvalDue: string | null;
}

export type StepState = 'done' | 'current' | 'waiting' | 'returned';

export interface TimelineStep {
  step: 'drafting' | 'submitted' | 'appraised' | 'approved';
  state: StepState;
  /** the day it happened (YYYY-MM-DD) */
  on: string | null;
  /** the day it is due, for a step not yet done */
  due: string | null;
  overdue: boolean;
}

const ORDER = ['drafting', 'submitted', 'appraised', 'approved'] as const;

/** The four steps with what happened and what is due; `today` is YYYY-MM-DD in Vietnam. */
export function dossierTimeline(d: DossierLike, today: string): TimelineStep[] {
  const reached: Record<(typeof ORDER)[number], boolean> = {
    drafting: true,
    submitted: d.status === 'submitted' || d.status === 'appraised' || d.status === 'approved',
    appraised: d.status === 'appraised' || d.status === 'approved',
    approved: d.status === 'approved',
  };
  const on: Record<(typeof ORDER)[number], string | null> = {
    drafting: null,
    submitted: d.submittedOn,
    appraised: d.appraisedOn,
    approved: d.approvedOn,
  };
  const due: Record<(typeof ORDER)[number], string | null> = { drafting: null, submitted: null, appraised: d.appraisalDue, approved: d.approvalDue };
  const current = d.status === 'returned' ? 'drafting' : d.status;
  return ORDER.map((step) => {
    const done = reached[step] && step !== current;
    let state: StepState = done ? 'done' : step === current ? 'current' : 'waiting';
    if (d.status === 'returned' && step === 'drafting') state = 'returned';
    if (d.status === 'approved' && step === 'approved') state = 'done';
    const pendingDue = reached[step] ? null : due[step];
    return { step, state, on: reached[step] ? on[step] : null, due: pendingDue, overdue: pendingDue !== null && pendingDue < today };
  });
}

/** What the step dialog must ask for. */
export function stepNeeds(status: DossierStatus): { decisionNumber: boolean; noteRequired: boolean } {
  return { decisionNumber: status === 'approved', noteRequired: status === 'returned' };
}

export interface ChecklistCounts {
  total: number;
  met: number;
  notApplicable: number;
}

/** Requirements neither met nor set aside as not applicable: what a submission would go with. */
export function unmetRequirements(c: ChecklistCounts): number {
  return Math.max(0, c.total - c.met - c.notApplicable);
}

/** The count a submission must be confirmed with (0: nothing to confirm). */
export function submissionToConfirm(step: DossierStatus, c: ChecklistCounts): number {
  return step === 'submitted' ? unmetRequirements(c) : 0;
}

/**
 * The steps that come next but are not the caller's (the appraisal, approval and return are the
 * appraising authority's, never the submitting unit's): the page says who records them.
 */
export function stepsForOthers(status: DossierStatus, mine: readonly DossierStatus[]): DossierStatus[] {
  return DOSSIER_NEXT[status].filter((s) => !mine.includes(s));
}
