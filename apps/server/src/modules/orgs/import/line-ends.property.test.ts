import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.js';

// A CSV line may end in CRLF (Excel, Windows), LF (everything else) or a lone CR (old Mac exports),
// and one file may mix them (rows pasted together): each ends one row, none merges two.
const ENDS = ['\r\n', '\n', '\r'] as const;

/** Plain cells: no quotes, delimiters or line breaks of their own. */
const cell = fc.stringMatching(/^[A-Za-z0-9ĐđăâêôơưÀ-ỹ .-]{0,12}$/);
const row = fc.array(cell, { minLength: 2, maxLength: 5 }).filter((cells) => cells.some((c) => c.trim() !== ''));

describe('org CSV line ends', () => {
  it('CRLF, LF and a lone CR, mixed in one file, each end a row', () => {
    const text = ['ten,loai', 'Xã A,Xã', 'Xã B,Xã', 'Xã C,Xã', 'Xã D,Xã'].map((l, i) => l + ENDS[i % 3]).join('');
    const { rows, errors } = readCsv(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.cells[0]?.text])).toEqual([
      [1, 'ten'],
      [2, 'Xã A'],
      [3, 'Xã B'],
      [4, 'Xã C'],
      [5, 'Xã D'],
    ]);
  });

  it('any mix of line ends reads the same rows, on the same lines, as LF alone', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.array(fc.constantFrom(...ENDS), { minLength: 30, maxLength: 30 }), (rows, ends) => {
        const lines = rows.map((cells) => cells.join(','));
        const mixed = readCsv(lines.map((l, i) => l + ends[i]).join(''));
        const plain = readCsv(lines.map((l) => `${l}\n`).join(''));
        expect(mixed).toEqual(plain);
        expect(mixed.rows).toHaveLength(rows.length);
        expect(mixed.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
      }),
    );
  });

  it('a line break inside quotes stays in its cell, whatever the line end', () => {
    for (const end of ENDS) {
      const { rows } = readCsv(`ten,loai${end}"Xã${end}Mới",Xã${end}Xã B,Xã${end}`);
      expect(rows.map((r) => r.cells[0]?.text)).toEqual(['ten', expect.stringMatching(/^Xã\s+Mới$/), 'Xã B']);
      // the quoted record starts on line 2; the next one on line 4
      expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    }
  });
});
