import { describe, expect, it } from 'vitest';
import { filterKey, readAssetFilters, readIpRangeFilters, readLevel, readSystemFilters, toSearch } from './inventory-filters';

const ORG = '0b7c6a52-5d0e-4a57-9a44-3d8f4a1c2b10';

describe('registry filters from the address bar', () => {
  it('reads known values and drops the rest', () => {
    const p = new URLSearchParams(`under=${ORG}&q=%20c%E1%BB%95ng%20&category=portal&level=3&dossier=approved`);
    expect(readSystemFilters(p)).toEqual({ under: ORG, q: 'cổng', category: 'portal', level: 3, dossier: 'approved' });
    const bad = new URLSearchParams('under=../x&category=nope&level=7&dossier=lost');
    expect(readSystemFilters(bad)).toEqual({ under: undefined, q: undefined, category: undefined, level: undefined, dossier: undefined });
  });

  it('reads levels 1–5 and "none" only', () => {
    expect(readLevel('none')).toBe('none');
    expect(readLevel('5')).toBe(5);
    expect(readLevel('0')).toBeUndefined();
    expect(readLevel('2.5')).toBeUndefined();
    expect(readLevel(null)).toBeUndefined();
  });

  it('reads asset and IP filters', () => {
    expect(readAssetFilters(new URLSearchParams('hygiene=firewall_off&kind=billboard&ip=10.0.0.1'))).toMatchObject({
      hygiene: 'firewall_off',
      kind: 'billboard',
      ip: '10.0.0.1',
    });
    expect(readAssetFilters(new URLSearchParams('hygiene=dirty')).hygiene).toBeUndefined();
    expect(readIpRangeFilters(new URLSearchParams('overlapping=true')).overlapping).toBe('true');
    expect(readIpRangeFilters(new URLSearchParams('overlapping=yes')).overlapping).toBeUndefined();
  });
});

describe('toSearch', () => {
  it('leaves out empty values', () => {
    expect(toSearch({ under: ORG, level: 3, q: '', dossier: undefined })).toBe(`?under=${ORG}&level=3`);
    expect(toSearch({})).toBe('');
  });

  it('round-trips through the readers', () => {
    const f = { under: ORG, level: 'none' as const, dossier: 'submitted' as const };
    expect(readSystemFilters(new URLSearchParams(toSearch(f)))).toMatchObject(f);
  });
});

describe('filterKey', () => {
  it('ignores unset filters', () => {
    expect(filterKey({ a: 1, b: undefined })).toBe(filterKey({ a: 1 }));
    expect(filterKey({ a: 1 })).not.toBe(filterKey({ a: 2 }));
  });
});
