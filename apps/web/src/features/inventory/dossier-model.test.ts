import { describe, expect, it } from 'vitest';
import { DOSSIER_NEXT, dossierTimeline, stepNeeds, stepsForOthers, submissionToConfirm, unmetRequirements, type DossierLike } from './dossier-model';

const base: DossierLike = {
  status: 'drafting',
  submittedOn: null,
  appraisedOn: null,
  approvedOn: null,
  decisionNumber: null,
  appraisalDue: null,
  approvalDue: null,
};

describe('dossierTimeline', () => {
  it('starts at drafting with nothing due', () => {
    const steps = dossierTimeline(base, '2026-03-01');
    expect(steps.map((s) => s.state)).toEqual(['current', 'waiting', 'waiting', 'waiting']);
    expect(steps.every((s) => !s.overdue)).toBe(true);
  });

  it('shows the appraisal deadline after submission and flags it overdue', () => {
    const d = { ...base, status: 'submitted' as const, submittedOn: '2026-02-01', appraisalDue: '2026-02-20' };
    const steps = dossierTimeline(d, '2026-03-01');
    expect(steps.map((s) => s.state)).toEqual(['done', 'current', 'waiting', 'waiting']);
    expect(steps[1]?.on).toBe('2026-02-01');
    expect(steps[2]).toMatchObject({ step: 'appraised', due: '2026-02-20', overdue: true });
    expect(dossierTimeline(d, '2026-02-20')[2]?.overdue).toBe(false);
  });

  it('marks every step done once approved, with no dues left', () => {
    const d = {
      ...base,
      status: 'approved' as const,
      submittedOn: '2026-02-01',
      appraisedOn: '2026-02-10',
      approvedOn: '2026-02-15',
      approvalDue: '2026-02-25',
    };
    const steps = dossierTimeline(d, '2026-03-30');
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(steps.map((s) => s.due)).toEqual([null, null, null, null]);
  });

  it('sends a returned dossier back to drafting', () => {
    const steps = dossierTimeline({ ...base, status: 'returned', submittedOn: '2026-02-01' }, '2026-03-01');
    expect(steps[0]?.state).toBe('returned');
    expect(steps[1]?.state).toBe('waiting');
  });
});

describe('dossier steps', () => {
  it('offers only the next steps of the workflow', () => {
    expect(DOSSIER_NEXT.drafting).toEqual(['submitted']);
    expect(DOSSIER_NEXT.submitted).toEqual(['appraised', 'returned']);
    expect(DOSSIER_NEXT.returned).toEqual(['submitted']);
    expect(DOSSIER_NEXT.approved).toEqual([]);
  });

  it('asks for a decision number on approval and a reason on return', () => {
    expect(stepNeeds('approved')).toEqual({ decisionNumber: true, noteRequired: false });
    expect(stepNeeds('returned')).toEqual({ decisionNumber: false, noteRequired: true });
    expect(stepNeeds('submitted')).toEqual({ decisionNumber: false, noteRequired: false });
  });
});

describe('submitting with requirements not met', () => {
  it('counts the requirements neither met nor not applicable, and asks only on submission', () => {
    const c = { total: 40, met: 25, notApplicable: 5 };
    expect(unmetRequirements(c)).toBe(10);
    expect(submissionToConfirm('submitted', c)).toBe(10);
    expect(submissionToConfirm('appraised', c)).toBe(0);
    expect(submissionToConfirm('submitted', { total: 3, met: 2, notApplicable: 1 })).toBe(0);
    expect(unmetRequirements({ total: 0, met: 0, notApplicable: 0 })).toBe(0);
  });
});

describe('steps recorded by others', () => {
  it('names the appraising authority’s steps the submitting unit may not record', () => {
    expect(stepsForOthers('submitted', [])).toEqual(['appraised', 'returned']);
    expect(stepsForOthers('submitted', ['appraised', 'returned'])).toEqual([]);
    expect(stepsForOthers('drafting', ['submitted'])).toEqual([]);
  });
});
