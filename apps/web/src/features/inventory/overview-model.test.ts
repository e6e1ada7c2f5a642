import { describe, expect, it } from 'vitest';
import { checklistProgress, countsPercent } from './checklist-model';
import { hygieneOf, patchedWithin } from './hygiene-model';
import { chartHeight, dossierCells, levelChartData, levelSeries, shortLabel } from './overview-model';
import { defaultScopeOrg } from './scope';

const levels = (l1: number, l3: number, none: number) => ({ '1': l1, '2': 0, '3': l3, '4': 0, '5': 0, none });

describe('overview chart data', () => {
  it('makes one stacked bar per child org', () => {
    const rows = [
      { orgId: 'a', orgName: 'Xã A', systems: 3, byLevel: levels(1, 1, 1), byDossier: {}, assets: 4 },
      { orgId: 'b', orgName: 'Phường B', systems: 0, byLevel: levels(0, 0, 0), byDossier: {}, assets: 0 },
    ];
    expect(levelChartData(rows)).toEqual([
      { org: 'Xã A', l1: 1, l2: 0, l3: 1, l4: 0, l5: 0, none: 1 },
      { org: 'Phường B', l1: 0, l2: 0, l3: 0, l4: 0, l5: 0, none: 0 },
    ]);
    expect(levelSeries((k) => `L${k}`).map((s) => s.name)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'none']);
  });

  it('shows only the dossier statuses that occur, in workflow order', () => {
    expect(dossierCells({ approved: 2, drafting: 5, returned: 0 }, (s) => s).map((c) => [c.name, c.value])).toEqual([
      ['drafting', 5],
      ['approved', 2],
    ]);
  });

  it('grows the chart with the number of orgs, within bounds', () => {
    expect(chartHeight(1)).toBe(220);
    expect(chartHeight(60)).toBe(60 * 36 + 100);
    expect(chartHeight(10_000)).toBe(2400);
  });
});

describe('shortLabel', () => {
  it('keeps short names, cuts long ones at a word with an ellipsis', () => {
    expect(shortLabel('Phường Mường Lay', 16)).toBe('Phường Mường Lay');
    expect(shortLabel('Văn phòng HĐND và UBND — P. Mường Lay', 16)).toBe('Văn phòng HĐND…');
    expect(shortLabel('Ủyyyyyyyyyyyyyyyyyyyyy', 10)).toBe('Ủyyyyyyyy…');
    expect(shortLabel('Văn phòng HĐND và UBND — P. Mường Lay', 16).length).toBeLessThanOrEqual(16);
  });
});

describe('checklist progress', () => {
  it('counts met and not-applicable as done', () => {
    const p = checklistProgress([{ status: 'met' }, { status: 'not_applicable' }, { status: 'in_progress' }, { status: 'not_started' }]);
    expect(p).toEqual({ total: 4, met: 1, inProgress: 1, notApplicable: 1, notStarted: 1, percent: 50 });
    expect(checklistProgress([]).percent).toBe(0);
    expect(countsPercent({ total: 3, met: 1, notApplicable: 1 })).toBe(67);
  });
});

describe('patchedWithin', () => {
  it('compares calendar days', () => {
    expect(patchedWithin('2026-03-01', '2026-03-31')).toBe(true);
    expect(patchedWithin('2026-03-01', '2026-04-01')).toBe(false);
    expect(patchedWithin(null, '2026-04-01')).toBeNull();
  });
});

describe('hygieneOf', () => {
  const pc = { kind: 'workstation' as const, avProduct: 'BKAV', avLicensed: true, firewallOn: true, lastPatchOn: '2026-03-20' };
  it('judges computers the way the server filters them', () => {
    expect(hygieneOf(pc, '2026-04-01')).toEqual({ antivirus: 'ok', firewall: 'ok', patch: 'ok' });
    expect(hygieneOf({ ...pc, avProduct: null, firewallOn: null, lastPatchOn: null }, '2026-04-01')).toEqual({
      antivirus: 'problem',
      firewall: 'unknown',
      patch: 'problem',
    });
    expect(hygieneOf({ ...pc, avLicensed: null, firewallOn: false }, '2026-05-01')).toEqual({ antivirus: 'problem', firewall: 'problem', patch: 'problem' });
  });

  it('does not judge cameras, billboards or network devices', () => {
    expect(hygieneOf({ ...pc, kind: 'camera' }, '2026-04-01')).toEqual({ antivirus: 'na', firewall: 'na', patch: 'na' });
  });
});

describe('defaultScopeOrg', () => {
  it('starts from the first org-scoped grant', () => {
    const grant = (orgId: string | null, orgName: string | null) => ({ id: 'g', role: 'unit_officer' as const, orgId, orgName });
    expect(defaultScopeOrg({ grants: [grant(null, null), grant('o1', 'Trường')] })).toEqual({ id: 'o1', name: 'Trường' });
    expect(defaultScopeOrg({ grants: [grant(null, null)] })).toBeNull();
  });
});
