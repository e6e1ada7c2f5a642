import { describe, expect, it } from 'vitest';
import { nameKeys } from './directive-import-match.js';

describe('an issuing body named as letters name it', () => {
  it('matches the org of the tree written out, abbreviated, upper-cased or without its diacritics', () => {
    const org = new Set(nameKeys('Phường Mường Lay'));
    for (const written of ['UỶ BAN NHÂN DÂN PHƯỜNG MƯỜNG LAY', 'UBND phường Mường Lay', 'Ủy ban nhân dân phường Mường Lay', 'PHUONG MUONG LAY']) {
      expect(
        nameKeys(written).some((k) => org.has(k)),
        written,
      ).toBe(true);
    }
    expect(nameKeys('CÔNG AN TỈNH ĐIỆN BIÊN')).toEqual(nameKeys('Công an tỉnh Điện Biên'));
  });

  it('does not take one place for another', () => {
    const org = new Set(nameKeys('Phường Mường Lay'));
    expect(nameKeys('UBND xã Mường Lay').some((k) => org.has(k))).toBe(false);
    expect(nameKeys('UBND phường Mường Thanh').some((k) => org.has(k))).toBe(false);
  });
});
