import { LIMITS } from './types.js';

// XML 1.0 forbids C0 controls other than tab/newline/CR (and lone surrogates): one of them in a name
// would make Word refuse the whole file, so they go before anything is written.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC (Vietnamese typed on Windows often arrives decomposed), XML-safe, trimmed, bounded. */
export function cleanText(value: string | null | undefined, max: number = LIMITS.text): string {
  if (!value) return '';
  const text = value.normalize('NFC').replace(XML_INVALID, '').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** One line: inner line breaks and runs of spaces become single spaces. */
export function cleanLine(value: string | null | undefined, max: number = LIMITS.text): string {
  return cleanText(value, max).replace(/\s+/g, ' ');
}

/** Upper case as printed in the header and the signature block (Vietnamese has no special casing rules). */
export function upperVi(value: string): string {
  return value.toLocaleUpperCase('vi-VN');
}

/** Non-empty lines of a multi-line text (paragraphs separated by \n). */
export function splitLines(value: string | null | undefined, max: number = Number.MAX_SAFE_INTEGER): string[] {
  const lines = cleanText(value, LIMITS.text * 8)
    .split(/\r?\n/)
    .map((l) => cleanLine(l))
    .filter((l) => l.length > 0);
  return lines.slice(0, max);
}

/** 1234567 → "1.234.567" (Vietnamese groups thousands with dots). */
export function formatCount(n: number): string {
  const whole = Math.trunc(Number.isFinite(n) ? n : 0);
  const digits = Math.abs(whole)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return whole < 0 ? `-${digits}` : digits;
}

/** part/total as "83,3%" (decimal comma); "0%" when there is nothing to count. */
export function formatPercent(part: number, total: number): string {
  if (!(total > 0)) return '0%';
  const value = Math.round((part / total) * 1000) / 10;
  return `${value.toFixed(value % 1 === 0 ? 0 : 1).replace('.', ',')}%`;
}

function stripEndPunctuation(value: string): string {
  return value.replace(/[\s;,.]+$/u, '');
}

/**
 * Lines "- X;" with "." on the last, as in "Kính gửi" and "Nơi nhận". At most `max` lines: the rest are
 * counted on the last one, so a list of 10,000 organisations stays one page long.
 */
export function dashList(items: readonly string[], max: number, restLabel: (rest: number) => string): string[] {
  const names = items.map((i) => stripEndPunctuation(cleanLine(i).replace(/^[-–—•]\s*/u, ''))).filter((i) => i.length > 0);
  const shown = names.length > max ? [...names.slice(0, max - 1), restLabel(names.length - (max - 1))] : names;
  return shown.map((name, i) => `- ${name}${i === shown.length - 1 ? '.' : ';'}`);
}

/** "Nơi nhận" lines, with the archive line ("Lưu: VT, …") last, added when missing. */
export function copiesToLines(copiesTo: readonly string[]): string[] {
  const items = copiesTo.map((c) => cleanLine(c).replace(/^[-–—•]\s*/u, '')).filter((c) => c.length > 0);
  const isArchive = (c: string): boolean => /^lưu\b/iu.test(c);
  const archive = items.find(isArchive) ?? 'Lưu: VT';
  const others = items.filter((c) => !isArchive(c));
  const list = dashList(others, LIMITS.addressLines - 1, (rest) => `Các cơ quan, đơn vị khác (${formatCount(rest)})`);
  const last = list.length ? list.length - 1 : -1;
  return [...list.map((line, i) => (i === last ? `${line.slice(0, -1)};` : line)), `- ${stripEndPunctuation(archive)}.`];
}

/** The end of an administrative text is marked "./." (Decree 30/2020, Annex I). */
export function withEndMark(value: string): string {
  const text = value.trimEnd();
  if (!text || text.endsWith('/.')) return text;
  return text.endsWith('.') ? `${text}/.` : `${stripEndPunctuation(text)}./.`;
}
