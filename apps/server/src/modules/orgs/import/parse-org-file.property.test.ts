import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ORG_KINDS } from '@khien/contracts';
import { ORG_COLUMNS, OrgImportRefusedError, parseOrgFile, type ParsedOrgFile } from './index.js';
import { xlsxFromValues } from './test-support.js';

/** Parses, and checks what must hold for every input: a result with sane rows, or a documented refusal. */
async function parseSafely(data: Buffer, filename: string): Promise<ParsedOrgFile | OrgImportRefusedError> {
  let parsed: ParsedOrgFile;
  try {
    parsed = await parseOrgFile(data, filename);
  } catch (err) {
    if (err instanceof OrgImportRefusedError) return err;
    throw err;
  }
  const errorRows = new Set(parsed.errors.filter((e) => e.field === null || !e.field.includes(' ')).map((e) => e.row));
  for (const row of parsed.rows) {
    expect(row.name.trim()).not.toBe('');
    expect(row.name.length).toBeLessThanOrEqual(255);
    expect(row.shortName.length).toBeLessThanOrEqual(64);
    expect(ORG_KINDS).toContain(row.kind);
    expect(row.row).toBeGreaterThanOrEqual(1);
    if (row.contact) expect(row.contact.name).not.toBe('');
    // never half a row: a row is either imported or reported (header problems aside)
    if (row.row > 1) expect(parsed.errors.some((e) => e.row === row.row && errorRows.has(e.row))).toBe(false);
  }
  for (const e of parsed.errors) {
    expect(e.row).toBeGreaterThanOrEqual(1);
    // said in both languages, never "vi / en" in one
    expect(e.text.vi).not.toBe('');
    expect(e.text.en).not.toBe('');
    expect(e.code).toMatch(/^[a-z_]+$/);
  }
  return parsed;
}

const cellChars = fc.constantFrom(
  ...'aăâđeêioôơuưyAĐXxã, ;\t"\'\n\r=+-@/>0123456789.\u00a0\u0301\u0000\ufeff#'.split(''),
  'Xã',
  'Phường',
  'Trường học',
  'có',
  'không',
  '0912 345 678',
  'a@b.vn',
  ' / ',
);
const cell = fc.array(cellChars, { maxLength: 12 }).map((parts) => parts.join(''));
const headerCell = fc.oneof(fc.constantFrom(...ORG_COLUMNS.flatMap((c) => [c.header, c.key, c.header.toUpperCase()])), cell);

const csvLike = fc
  .record({
    header: fc.array(headerCell, { minLength: 1, maxLength: 12 }),
    rows: fc.array(fc.array(cell, { maxLength: 13 }), { maxLength: 25 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
  })
  .map(({ header, rows, delimiter, eol, quoteAll }) =>
    [header, ...rows].map((r) => r.map((v) => (quoteAll ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter)).join(eol),
  );

const encodings = fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'windows1258');
function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf8bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  if (encoding === 'windows1258') return iconv.encode(text, 'windows1258');
  return Buffer.from(text, 'utf8');
}

const names = fc.constantFrom('x.csv', 'x.xlsx', 'x.json', 'x', 'x.txt');

describe('parseOrgFile properties', () => {
  it('random bytes: a result with non-empty names, or a documented refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), names, async (bytes, name) => {
        await parseSafely(Buffer.from(bytes), name);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes behind a zip, JSON or BOM prefix', async () => {
    const prefixes = fc.constantFrom(
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
      [0x5b],
      [0x7b],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0xd0, 0xcf, 0x11, 0xe0],
    );
    await fc.assert(
      fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 2000 }), names, async (prefix, bytes, name) => {
        await parseSafely(Buffer.concat([Buffer.from(prefix), Buffer.from(bytes)]), name);
      }),
      { numRuns: 300 },
    );
  });

  it('random CSV-ish text in any supported encoding', async () => {
    await fc.assert(
      fc.asyncProperty(csvLike, encodings, names, async (text, encoding, name) => {
        await parseSafely(encode(text, encoding), name);
      }),
      { numRuns: 400 },
    );
  });

  it('CSV-ish text with a valid header: every non-empty data row is imported or reported', async () => {
    const table = fc.record({
      rows: fc.array(fc.tuple(cell, cell, cell, cell), { minLength: 1, maxLength: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(table, async ({ rows }) => {
        const text = ['ten;loai;lien_he_ten;lien_he_dien_thoai', ...rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(';'))].join('\n');
        const parsed = await parseSafely(Buffer.from(text, 'utf8'), 'x.csv');
        if (parsed instanceof OrgImportRefusedError) {
          // all rows blank, or so many NULs that the text looks binary
          expect(parsed.reason).toBe(text.includes('\u0000') ? parsed.reason : 'empty');
          expect(['empty', 'unsupported_format']).toContain(parsed.reason);
          return;
        }
        const seen = new Set([...parsed.rows.map((r) => r.row), ...parsed.errors.map((e) => e.row)]);
        // eslint-disable-next-line no-control-regex
        const blank = (v: string) => v.replace(/[\s\u0000\u00a0\ufeff]|\u0301/g, '') === '';
        const nonEmpty = rows.flatMap((r, i) => (r.some((v) => !blank(v)) ? [i] : []));
        // a record starts on line 2 + its index + the line breaks inside earlier (quoted) cells
        const breaks = (r: string[]) => r.reduce((n, v) => n + (v.match(/\r\n?|\n/g)?.length ?? 0), 0);
        for (const i of nonEmpty) expect(seen.has(i + 2 + rows.slice(0, i).reduce((n, r) => n + breaks(r), 0))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON values: admin units or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), async (json) => {
        await parseSafely(Buffer.from(json, 'utf8'), 'x.json');
      }),
      { numRuns: 300 },
    );
  });

  it('JSON shaped like admin units with random values', async () => {
    const unit = fc.record({
      Code: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
      Name: fc.string({ maxLength: 20 }),
      FullName: fc.string({ maxLength: 30 }),
    });
    const provinces = fc.array(
      fc.record({
        Code: fc.oneof(fc.string({ maxLength: 4 }), fc.nat(99)),
        Name: fc.string({ maxLength: 20 }),
        FullName: fc.string({ maxLength: 30 }),
        Wards: fc.array(unit, { maxLength: 6 }),
      }),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(provinces, async (list) => {
        await parseSafely(Buffer.from(JSON.stringify(list), 'utf8'), 'x.json');
      }),
      { numRuns: 200 },
    );
  });

  it('random XLSX cells', async () => {
    const value = fc.oneof(
      cell,
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      cell.map((text) => ({ richText: [{ text }] })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(headerCell, { minLength: 1, maxLength: 11 }),
        fc.array(fc.array(value, { maxLength: 11 }), { maxLength: 8 }),
        async (header, rows) => {
          await parseSafely(await xlsxFromValues([header, ...rows]), 'x.xlsx');
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
