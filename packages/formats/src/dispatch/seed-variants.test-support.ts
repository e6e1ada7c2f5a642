/**
 * Test support: the real dispatches in ../shared/seeds and the ways real
 * copies of them get damaged (CRLF, NFD, Markdown, re-wrapping, OCR slips,
 * two-column headers). Not exported from the package.
 */
// The parser stays free of I/O; only this test helper reads the real seed files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';

export const SEED_NAMES = ['cao-lanh-2024', 'muong-lay-2026', 'quang-ngai-2025'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

const SEEDS_DIR = new URL('../../../../../shared/seeds/', import.meta.url);

export function readSeed(name: SeedName): string {
  return readFileSync(new URL(`dispatch-${name}.txt`, SEEDS_DIR), 'utf8');
}

export function withCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

export function withNfd(text: string): string {
  return text.normalize('NFD');
}

export function withoutMarkdown(text: string): string {
  return text.replace(/\*+/g, '');
}

/** Bold headings and keywords, italic "Nơi nhận", underscored subject, as Markdown converters write them. */
export function withMoreMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (/^\d{1,2}\.\s/.test(t)) return t.replace(/^(\d{1,2}\.)/, '**$1**');
      if (/^(Số|Kính gửi):/.test(t)) return t.replace(/^(Số|Kính gửi):/, '**$1:**');
      if (/^Nơi nhận:/.test(t)) return `*${t}*`;
      if (/^(V\/v|Về việc)\s/.test(t)) return `__${t}__`;
      if (/^- /.test(t)) return t.replace(/^- (\S+)/, '- *$1*');
      return line;
    })
    .join('\n');
}

/** Greedy re-wrap of every line at `width` columns, the way e-mail clients and some OCR tools do. */
export function rewrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const words = line
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let current = '';
    for (const word of words) {
      if (current === '') current = word;
      else if (current.length + 1 + word.length <= width) current += ` ${word}`;
      else {
        out.push(current);
        current = word;
      }
    }
    out.push(current);
  }
  return out.join('\n');
}

/** Typical OCR and no-diacritics damage to the keywords a parser leans on. */
export function withOcrSlips(text: string): string {
  return text
    .replace(/^Số:( ?)(\d+)\//m, 'S6:$1$2 /')
    .replace(/^Số:/m, 'Sô:')
    .replace(/Kính gửi/g, 'Kinh gui')
    .replace(/Nơi nhận/g, 'Noi nhan')
    .replace(/^V\/v /m, 'V.v ')
    .replace(/^(\s*)Về việc /m, '$1Ve viec ')
    .replace(/ngày (\S*\s*)tháng (\S+) năm/, 'ngay $1thang $2 nam');
}

/** NBSP between words and tab indents, as copied out of Word. */
export function withNbspAndTabs(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? line : `\t${line.replace(/ (?=\S)/, '\u00a0')}`))
    .join('\n');
}

interface HeaderColumns {
  left: string[];
  right: string[];
  rest: string[];
}

/** Splits the header into the issuing-body column and the national-title column. */
function headerColumns(text: string): HeaderColumns {
  const lines = text.split('\n');
  const stop = lines.findIndex((l) => /^\s*(V\/v|Về việc|Kính gửi)/.test(l));
  const head = lines
    .slice(0, stop < 0 ? 0 : stop)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim());
  const right = head.filter((l) => /CỘNG HO|Độc lập|, ngày/.test(l));
  const left = head.filter((l) => !right.includes(l));
  return { left, right, rest: lines.slice(stop < 0 ? 0 : stop) };
}

/** Both header columns side by side on the same lines, separated by a run of spaces. */
export function withSideBySideHeader(text: string): string {
  const { left, right, rest } = headerColumns(text);
  if (left.length + right.length === 0) return text;
  const rows = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < rows; i += 1) out.push(`${(left[i] ?? '').padEnd(40)}          ${right[i] ?? ''}`.trimEnd());
  return [...out, '', ...rest].join('\n');
}

/** The two header columns extracted alternately, one line from each. */
export function withInterleavedHeader(text: string): string {
  const { left, right, rest } = headerColumns(text);
  if (left.length + right.length === 0) return text;
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    if (left[i] !== undefined) out.push(left[i] ?? '');
    if (right[i] !== undefined) out.push(right[i] ?? '');
  }
  return [...out, '', ...rest].join('\n');
}

/** Each column collapsed onto a single line, the columns separated by spaces. */
export function withOneLineHeader(text: string): string {
  const { left, right, rest } = headerColumns(text);
  if (left.length + right.length === 0) return text;
  const issuer = left.filter((l) => !/^Số/.test(l));
  const number = left.filter((l) => /^Số/.test(l));
  const national = right.filter((l) => !/, ngày/.test(l));
  const date = right.filter((l) => /, ngày/.test(l));
  const out = [`${issuer.join(' ')}        ${national.join(' ')}`.trim(), `${number.join(' ')}      ${date.join(' ')}`.trim()];
  return [...out.filter((l) => l !== ''), '', ...rest].join('\n');
}

/** Deterministic shuffle so a failing case can be replayed. */
export function shuffleLines(text: string, seed: number): string {
  const lines = text.split('\n');
  let state = seed >>> 0 || 1;
  for (let i = lines.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    const tmp = lines[i] ?? '';
    lines[i] = lines[j] ?? '';
    lines[j] = tmp;
  }
  return lines.join('\n');
}
