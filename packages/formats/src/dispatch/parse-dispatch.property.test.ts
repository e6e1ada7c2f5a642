import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeDispatch, parseDispatch, type ParsedDispatch } from './index.js';
import { readSeed, SEED_NAMES } from './seed-variants.test-support.js';

const PARSE_FAILED = 'Không đọc được cấu trúc văn bản, cần nhập tay';

function isSingleLine(s: string): boolean {
  return !s.includes('\n') && !s.includes('\r');
}

/** Checks the shape a caller relies on, whatever the input was. */
function expectWellFormed(p: ParsedDispatch): void {
  // parseDispatch has a last-resort catch; reaching it would hide a bug.
  expect(p.warnings).not.toContain(PARSE_FAILED);
  const nullableLine = (v: string | null): boolean => v === null || (typeof v === 'string' && isSingleLine(v));
  expect(nullableLine(p.number)).toBe(true);
  expect(nullableLine(p.place)).toBe(true);
  expect(nullableLine(p.dateText)).toBe(true);
  expect(nullableLine(p.issuer)).toBe(true);
  expect(nullableLine(p.subject)).toBe(true);
  expect(nullableLine(p.governingBody)).toBe(true);
  expect(nullableLine(p.documentType)).toBe(true);
  for (const r of p.references) {
    expect(typeof r.kind === 'string' && isSingleLine(r.kind) && isSingleLine(r.text)).toBe(true);
    for (const v of [r.documentType, r.number, r.issuer]) expect(nullableLine(v)).toBe(true);
    if (r.date !== null) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  if (p.date !== null) {
    expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${p.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.date);
  }
  expect(typeof p.preamble).toBe('string');
  expect(typeof p.closing).toBe('string');
  for (const list of [p.recipients, p.copiesTo, p.warnings]) {
    expect(Array.isArray(list)).toBe(true);
    for (const item of list) expect(typeof item === 'string' && isSingleLine(item)).toBe(true);
  }
  for (const s of p.sections) {
    expect(typeof s.heading === 'string' && isSingleLine(s.heading)).toBe(true);
    expect(nullableLine(s.addressees)).toBe(true);
    expect(s.intro === undefined || isSingleLine(s.intro)).toBe(true);
    expect(s.part === undefined || isSingleLine(s.part)).toBe(true);
    for (const t of s.tasks) expect(typeof t === 'string' && isSingleLine(t)).toBe(true);
  }
  for (const c of p.contacts) {
    expect(typeof c.name).toBe('string');
    expect(c.title === undefined || nullableLine(c.title)).toBe(true);
    expect(c.phone).toMatch(/^\+?\d{8,13}$/);
  }
  expect(Object.keys(p.signer).sort()).toEqual(['authority', 'name', 'title']);
  expect(nullableLine(p.signer.title)).toBe(true);
  expect(nullableLine(p.signer.name)).toBe(true);
  expect(p.signer.authority === null || typeof p.signer.authority === 'string').toBe(true);
  expect(typeof looksLikeDispatch(p)).toBe('boolean');
}

// Pieces of real dispatches, so random strings reach the header, list and
// signature paths instead of stopping at the first unknown character.
const DISPATCH_PIECES = [
  'Số:',
  'S6:',
  '1082',
  '/UBND-CA',
  ' /',
  'Kính gửi:',
  'Kinh gui',
  'Nơi nhận:',
  'V/v ',
  'Về việc ',
  'ngày',
  ' tháng ',
  ' năm ',
  '2026',
  '05',
  '5/3/2026',
  'Mường Lay, ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'UỶ BAN NHÂN DÂN',
  'TM. ',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Lù Văn Ánh',
  '- ',
  '+ ',
  '• ',
  'a) ',
  '1. ',
  '2. ',
  'I. ',
  '1.1. ',
  '**',
  '*',
  '__',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '   ',
  '          ',
  '\u00a0',
  ';',
  '.',
  './.',
  ':',
  ',',
  '(',
  ')',
  'đồng chí Nguyễn Văn A',
  ', số điện thoại: ',
  '0912.345.678',
  '+84 912 345 678',
  'Công an phường',
  'Các cơ quan, đơn vị',
  ' triển khai ',
  '\ufffd',
  'e\u0301',
  'ư',
  'Ư',
  'Thực hiện ',
  'Căn cứ Luật ',
  'Công văn số ',
  ' của ',
  'KẾ HOẠCH',
  'Điều 1. ',
  'II. ',
  '¹',
  '[1]',
  '&amp;',
  '&#273;',
  '| ',
  ' |',
  '|---|',
  '(0215) 3826.117',
  ', Phó Trưởng phòng, ',
  'CHỦ TỊCH UBND TỈNH điện:',
  'như sau:',
];
const dispatchLike = fc.array(fc.constantFrom(...DISPATCH_PIECES), { maxLength: 200 }).map((a) => a.join(''));

describe('parseDispatch never throws and keeps its shape', () => {
  it.each([
    ['any string', fc.string({ maxLength: 2000 })],
    ['any Unicode, lone surrogates included', fc.string({ unit: 'binary', maxLength: 2000 })],
    ['grapheme strings', fc.string({ unit: 'grapheme', maxLength: 500 })],
    ['dispatch-like fragments', dispatchLike],
  ])('on %s', (_label, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        expectWellFormed(parseDispatch(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for NFC and NFD input', () => {
    fc.assert(
      fc.property(fc.oneof(dispatchLike, fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
        expect(parseDispatch(text.normalize('NFD'))).toEqual(parseDispatch(text.normalize('NFC')));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result for LF and CRLF line endings', () => {
    fc.assert(
      fc.property(dispatchLike, (text) => {
        const lf = text.replace(/\r/g, '');
        expect(parseDispatch(lf.replace(/\n/g, '\r\n'))).toEqual(parseDispatch(lf));
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(SEED_NAMES)('line shuffles of %s', (name) => {
  const lines = readSeed(name).split('\n');

  it('never throw and keep the shape', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(lines, { minLength: lines.length }), (shuffled) => {
        expectWellFormed(parseDispatch(shuffled.join('\n')));
      }),
      { numRuns: 200 },
    );
  });

  it('never throw on any subset of the lines in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(lines), (subset) => {
        expectWellFormed(parseDispatch(subset.join('\n')));
      }),
      { numRuns: 200 },
    );
  });
});

describe('looksLikeDispatch rejects text that is not a dispatch', () => {
  it.each([
    ['Latin prose', fc.lorem({ maxCount: 20, mode: 'sentences' })],
    ['lines of Latin words', fc.array(fc.lorem({ maxCount: 8 }), { maxLength: 30 }).map((l) => l.join('\n'))],
    ['any string', fc.string({ maxLength: 500 })],
    ['any Unicode', fc.string({ unit: 'binary', maxLength: 500 })],
  ])('%s', (_label, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        expect(looksLikeDispatch(parseDispatch(text))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('Vietnamese prose and lists without a dispatch skeleton', () => {
    const words = ['Hôm nay', 'trời', 'mưa', 'phở', 'bò', 'ngon', 'người dân', 'chợ', 'cá', 'rau', 'nấu', 'thịt'];
    const line = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    const listLine = fc.tuple(fc.constantFrom('', '- ', '1. ', '2. '), line).map(([m, l]) => m + l);
    fc.assert(
      fc.property(fc.array(listLine, { maxLength: 40 }), (ls) => {
        expect(looksLikeDispatch(parseDispatch(ls.join('\n')))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
