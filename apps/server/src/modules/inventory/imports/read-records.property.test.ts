import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LineEnds, readCsvFile } from './read-records.js';

// A CSV line may end in CRLF (Excel, Windows), LF or a lone CR (old Mac exports), and one file may mix
// them (rows pasted together from several exports): each ends one row, none merges two, and the row
// numbers are the lines a text editor shows.
const ENDS = ['\r\n', '\n', '\r'] as const;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function read(text: string): Promise<{ header: string[]; rows: { row: number; cells: string[] }[] }> {
  const file = path.join(dir, `${n++}.csv`);
  fs.writeFileSync(file, text);
  const table = await readCsvFile(file, () => undefined);
  const rows: { row: number; cells: string[] }[] = [];
  for await (const r of table.records) rows.push(r);
  return { header: table.header, rows };
}

async function through(chunks: string[]): Promise<string> {
  const t = new LineEnds();
  let out = '';
  t.on('data', (c: string) => (out += c));
  const done = new Promise((resolve) => t.on('end', resolve));
  for (const c of chunks) t.write(c);
  t.end();
  await done;
  return out;
}

/** Plain cells: no quotes, delimiters or line breaks of their own. */
const cell = fc.stringMatching(/^[A-Za-z0-9ĐđăâêôơưÀ-ỹ .-]{1,12}$/).filter((c) => c.trim() !== '');

describe('inventory CSV line ends', () => {
  it('reads CRLF, LF and a lone CR, mixed, as one row each', async () => {
    const { header, rows } = await read('Dải IP,Nhà mạng\r\n10.0.0.0/30,A\n10.0.0.4/30,B\r10.0.0.8/30,C\r\n10.0.0.12/30,D');
    expect(header).toEqual(['Dải IP', 'Nhà mạng']);
    expect(rows).toEqual([
      { row: 2, cells: ['10.0.0.0/30', 'A'] },
      { row: 3, cells: ['10.0.0.4/30', 'B'] },
      { row: 4, cells: ['10.0.0.8/30', 'C'] },
      { row: 5, cells: ['10.0.0.12/30', 'D'] },
    ]);
  });

  it('counts a line break inside quotes as one line, whatever its kind', async () => {
    for (const end of ENDS) {
      const { rows } = await read(`a,b${end}"x${end}y",1${end}z,2${end}`);
      expect(rows.map((r) => r.row)).toEqual([2, 4]);
    }
  });

  it('any mix of line ends gives the rows and row numbers of LF alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 25 }),
        fc.array(fc.constantFrom(...ENDS), { minLength: 26, maxLength: 26 }),
        async (data, ends) => {
          const lines = [['c1', 'c2'], ...data].map((cells) => cells.join(','));
          const mixed = await read(lines.map((l, i) => l + ends[i]).join(''));
          const plain = await read(lines.map((l) => `${l}\n`).join(''));
          expect(mixed).toEqual(plain);
          expect(mixed.rows.map((r) => r.row)).toEqual(data.map((_, i) => i + 2));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('LineEnds: the same text however it is cut into chunks, a CRLF split between two included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', ',', '"', '\r', '\n', '\r\n'), { maxLength: 60 }), fc.array(fc.nat(60)), async (parts, cuts) => {
        const text = parts.join('');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const chunks = [0, ...at, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
        const out = await through(chunks.filter((c) => c !== ''));
        expect(out).toBe(text.replace(/\r\n?/g, '\n'));
        expect(out).not.toContain('\r');
      }),
    );
  });
});
