import { describe, expect, it } from 'vitest';
import { hygieneItems, hygieneOf, patchedWithin } from './hygiene-model';

const pc = { kind: 'workstation' as const, avProduct: 'BKAV Pro', avLicensed: true, firewallOn: true, lastPatchOn: '2026-03-01' };

describe('hygiene of an asset', () => {
  it('judges a patch date against today, unknown when missing', () => {
    expect(patchedWithin('2026-03-01', '2026-03-31')).toBe(true);
    expect(patchedWithin('2026-03-01', '2026-04-01')).toBe(false);
    expect(patchedWithin(null, '2026-04-01')).toBeNull();
  });

  it('lists the three checks of a computer in order, with their states', () => {
    expect(hygieneItems(pc, '2026-03-10')).toEqual([
      { check: 'antivirus', state: 'ok' },
      { check: 'firewall', state: 'ok' },
      { check: 'patch', state: 'ok' },
    ]);
    const bad = hygieneItems({ ...pc, avLicensed: false, firewallOn: null, lastPatchOn: null }, '2026-03-10');
    expect(bad.map((x) => x.state)).toEqual(['problem', 'unknown', 'problem']);
  });

  it('has none for what is not a computer', () => {
    expect(hygieneOf({ ...pc, kind: 'camera' }, '2026-03-10').antivirus).toBe('na');
    expect(hygieneItems({ ...pc, kind: 'billboard' }, '2026-03-10')).toEqual([]);
  });
});
