/**
 * Text clean-up shared by every stage of the dispatch parser. Everything here
 * is linear in the input: the parser may see up to 2,000,000 characters pasted
 * from PDF, Word or OCR output.
 */

import { closeSpaceBeforePunctuation, decodeEntities } from './web-text.js';

export const MAX_DISPATCH_CHARS = 2_000_000;

// NBSP and friends come from Word and PDF copy-paste; treating them as spaces
// lets "Số:\u00a01082" and "Số: 1082" parse the same.
const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Runs after line breaks and tabs are converted, so only stray controls are left.
const CONTROL = /(?!\n)\p{Cc}/gu;
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085\f\v]/g;

export interface NormalisedInput {
  text: string;
  truncated: boolean;
}

export function normaliseInput(raw: string): NormalisedInput {
  const truncated = raw.length > MAX_DISPATCH_CHARS;
  const head = truncated ? raw.slice(0, MAX_DISPATCH_CHARS) : raw;
  // Entities first: "&#769;" is a combining mark that NFC must still see.
  const text = decodeEntities(head)
    .normalize('NFC')
    .replace(LINE_BREAK, '\n')
    // A tab separates the two header columns in Word exports, so it must
    // survive as a column gap (3+ spaces) rather than collapse to one space.
    .replace(/\t/g, '    ')
    .replace(SPACE_LIKE, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '');
  return { text: closeSpaceBeforePunctuation(text), truncated };
}

/** Removes Markdown emphasis and escapes that converters add around headings and signatures. */
export function stripMarkdown(line: string): string {
  if (!/[\\#*_~]/.test(line)) return line;
  let s = line.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  s = s.replace(/^(\s{0,3})#{1,6}\s+/, '$1');
  // "* item" is a Markdown bullet, not emphasis: keep it as a bullet.
  const star = /^(\s*)\*\s+(?=\S)/.exec(s);
  if (star) s = `${star[1] ?? ''}- ${s.slice(star[0].length)}`;
  s = s.replace(/\*+/g, '').replace(/__+/g, '').replace(/~~/g, '');
  // Single underscores only count as emphasis at word edges, so identifiers
  // such as "file_name" stay intact.
  s = s.replace(/(^|[\s(])_(?=\S)/g, '$1').replace(/(\S)_(?=$|[\s).,;:])/g, '$1');
  return s;
}

// Memo of per-character folds; bounded by the 65,536 UTF-16 units it can hold.
const foldCache = new Map<string, string>();

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) if (s.charCodeAt(i) > 127) return false;
  return true;
}

function foldChar(c: string): string {
  const cached = foldCache.get(c);
  if (cached !== undefined) return cached;
  let out: string;
  if (c === 'đ' || c === 'Đ') out = 'd';
  else {
    const decomposed = c.normalize('NFD');
    const base = decomposed[0] ?? c;
    if (decomposed.length > 1 && base.charCodeAt(0) < 128) out = base.toLowerCase();
    else {
      const lower = c.toLowerCase();
      out = lower.length === 1 ? lower : c;
    }
  }
  foldCache.set(c, out);
  return out;
}

/**
 * Lower-cases and strips Vietnamese marks one UTF-16 unit at a time, so an
 * index found in the folded string is the same index in the original. That
 * lets OCR-damaged keywords ("Kinh gui", "ngay 05 thang 3") be matched on the
 * fold while the value is cut from the original text.
 */
export function foldKeepLength(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  const out: string[] = [];
  for (const c of s) {
    if (c.length === 1) out.push(c.charCodeAt(0) < 128 ? c.toLowerCase() : foldChar(c));
    else out.push(c);
  }
  return out.join('');
}

export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

/**
 * The leading run of capitalised, letters-only words: "Nguyễn Văn A - Phó
 * Trưởng …" gives "Nguyễn Văn A". A loop rather than /\p{Lu}\p{L}*…/u, whose
 * Unicode tables cost milliseconds to load on the first parse.
 */
export function leadingCapitalisedWords(s: string, maxWords: number): string {
  const words: string[] = [];
  let i = 0;
  while (words.length < maxWords) {
    let j = i;
    while (j < s.length && isLetter(s[j] ?? '')) j += 1;
    const word = s.slice(i, j);
    if (word === '' || !isUpperLetter(word[0] ?? '')) break;
    words.push(word);
    if (s[j] !== ' ') break;
    i = j + 1;
  }
  return words.join(' ');
}

export function isUpperLetter(c: string): boolean {
  return isLetter(c) && c === c.toUpperCase();
}

/** Share of letters that are capitals; official header and signature lines are all capitals. */
export function uppercaseRatio(s: string): number {
  let letters = 0;
  let upper = 0;
  for (const c of s) {
    if (!isLetter(c)) continue;
    letters += 1;
    if (c === c.toUpperCase()) upper += 1;
  }
  return letters === 0 ? 0 : upper / letters;
}

export function countLetters(s: string): number {
  let n = 0;
  for (const c of s) if (isLetter(c)) n += 1;
  return n;
}

/** True when the first letter of `s` is lower case: Vietnamese paragraphs never start that way. */
export function startsLowercase(s: string): boolean {
  for (const c of s) {
    if (isLetter(c)) return c === c.toLowerCase();
    if (/\d/.test(c)) return false;
  }
  return false;
}

/**
 * Drops trailing characters found in `chars`. A loop rather than /[…]+$/,
 * which V8 retries from every position and so goes quadratic on long runs.
 */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1] ?? '')) end -= 1;
  return s.slice(0, end);
}

export function trimStartChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start] ?? '')) start += 1;
  return s.slice(start);
}

/** A list entry without its bullet and closing ";" or "." ("- Lưu: VT, CA." → "Lưu: VT, CA"). */
export function stripListEnd(s: string): string {
  const noBullet = s.trim().replace(/^[-–—+•]\s*/, '');
  let out = trimEndChars(noBullet, ' ;,.');
  if (out.endsWith('./')) out = trimEndChars(out.slice(0, -2), ' ;,.');
  return out;
}

export function endsSentence(s: string): boolean {
  return /[.;:!?…]["'”’)\]]*$/.test(s);
}

export function firstWord(s: string): string {
  const i = s.indexOf(' ');
  return i < 0 ? s : s.slice(0, i);
}

/** Lines made only of rule characters ("-----", "___", "***") separate header blocks. */
export function isRule(s: string): boolean {
  const compact = s.replace(/\s/g, '');
  return compact.length >= 2 && /^[-_=~*.…·•–—]+$/.test(compact);
}

/**
 * Splits a line on gaps of three or more spaces, which is how two-column
 * headers ("UBND …      CỘNG HOÀ …") and signature blocks survive PDF
 * extraction. Gaps inside a date or a blank number ("ngày      tháng 01",
 * "Số:     /UBND") are space left for handwriting, so those pieces are glued
 * back with their original spacing.
 */
export function splitColumns(line: string): string[] {
  const trimmed = line.trim();
  if (trimmed === '') return [];
  if (!/\s{3}/.test(trimmed)) return [trimmed];
  const parts = trimmed.split(/(\s{3,})/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i] ?? '';
    const gap = parts[i - 1] ?? ' ';
    const prev = out[out.length - 1];
    if (prev !== undefined && shouldGlueColumns(prev, part)) out[out.length - 1] = prev + gap + part;
    else out.push(part);
  }
  return out;
}

function shouldGlueColumns(left: string, right: string): boolean {
  const l = foldKeepLength(left);
  const r = foldKeepLength(right);
  if (/(?:^|[\s,])(?:ngay|thang|nam)[\s.…_\d]{0,12}$/.test(l) && /^[.…_\s\d]{0,12}(?:thang|nam)|^\d/.test(r)) {
    return true;
  }
  return /^s[o06]\s{0,3}[:;.]?[\s\d.…_]{0,12}$/.test(l) && /^[.…_\s\d]{0,12}\//.test(r);
}

// Wider than any wrapping tool's setting; a paragraph-per-line text has a 95th
// percentile far above it.
const MAX_WRAP_WIDTH = 140;
const LONG_LINE_SHARE = 0.7;
const MIN_LONG_LINES = 4;
const MIN_OPEN_SHARE = 0.4;

export interface Layout {
  /** The text was hard-wrapped at a fixed width (e.g. 60 or 72 columns). */
  hardWrapped: boolean;
  width: number;
}

/**
 * Guesses whether the text was hard-wrapped. In wrapped text a line that
 * ends with a full stop may still be mid-paragraph, and a line that starts
 * with "- " may be the tail of "Cục An toàn thông tin - Bộ …".
 */
export function measureLayout(lines: readonly string[]): Layout {
  const texts: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t !== '') texts.push(collapseSpaces(t));
  }
  if (texts.length < 5) return { hardWrapped: false, width: Number.POSITIVE_INFINITY };
  const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(0.95 * (lengths.length - 1))] ?? 0;
  if (width > MAX_WRAP_WIDTH) return { hardWrapped: false, width: Number.POSITIVE_INFINITY };
  // A short letter typed one paragraph per line also stays under the limit;
  // what gives wrapping away is long lines that stop mid-sentence.
  const long = texts.filter((t) => t.length >= LONG_LINE_SHARE * width);
  const open = long.filter((t) => !endsSentence(t)).length;
  return long.length >= MIN_LONG_LINES && open < MIN_OPEN_SHARE * long.length
    ? { hardWrapped: false, width: Number.POSITIVE_INFINITY }
    : { hardWrapped: true, width };
}

// Lines are measured after Markdown markers ("**2.**") are stripped, so a
// wrapped line can look a few characters shorter than the wrap width.
const WRAP_SLACK = 6;

/** A break the wrapping tool would have made: the next word did not fit on the previous line. */
export function isWrapBreak(prev: string, next: string, layout: Layout): boolean {
  return layout.hardWrapped && prev.length + 1 + firstWord(next).length > layout.width - WRAP_SLACK;
}
