import { collapseSpaces, foldKeepLength, isLetter, trimEndChars } from './normalise.js';

export type DateProblem = 'blank' | 'invalid' | null;

export interface DispatchDate {
  place: string | null;
  /** ISO yyyy-mm-dd, or null when part of the date is blank or impossible. */
  date: string | null;
  /** The date as written, e.g. "ngày   tháng 01 năm 2024". */
  dateText: string;
  problem: DateProblem;
}

// Matched on the folded text so "ngày", "ngay" and OCR's "ngảy" all count.
// Dots, ellipses and underscores are placeholders for a day or month to be
// filled in by hand after signing.
const WORD_DATE = /ngay[\s.…_]{0,40}(?:(\d{1,2})[\s.…_]{0,20})?thang[\s.…_]{0,40}(?:(\d{1,2})[\s.…_]{0,20})?nam[\s.…_]{0,40}(\d{4})?/;
const NUMERIC_DATE = /ngay\s{0,5}(\d{1,2})\s{0,2}([/.-])\s{0,2}(\d{1,2})\s{0,2}\2\s{0,2}(\d{4})(?!\d)/;
// "Hà Nội, 05/3/2026" without the word "ngày" only counts after a place name.
const PLACE_NUMERIC_DATE = /,\s{0,3}(\d{1,2})\s{0,2}([/.-])\s{0,2}(\d{1,2})\s{0,2}\2\s{0,2}(\d{4})(?!\d)/;

const MAX_PLACE_CHARS = 60;

/**
 * Reads the issue date from one header segment such as "Mường Lay, ngày 05
 * tháng 3 năm 2026": the place, then the date, ending the segment.
 */
export function findDispatchDate(segment: string): DispatchDate | null {
  const folded = foldKeepLength(segment);
  const numeric = NUMERIC_DATE.exec(folded);
  const words = numeric ? null : WORD_DATE.exec(folded);
  const bare = numeric || words ? null : PLACE_NUMERIC_DATE.exec(folded);
  const match = numeric ?? words ?? bare;
  if (!match) return null;

  let start = match.index;
  if (bare) start += match[0].indexOf(match[1] ?? '');
  // "ngay" must be a word of its own, not the tail of another word.
  if (!bare && start > 0 && isLetter(folded[start - 1] ?? '')) return null;
  const placeText = collapseSpaces(trimEndChars(segment.slice(0, bare ? match.index : start), ' ,;:-–'));
  if (placeText.length > MAX_PLACE_CHARS) return null;

  const end = match.index + match[0].length;
  // The issue date closes its line; "…, ngày 27/02/2026 của Công an tỉnh …"
  // is a citation inside a sentence, not the date of this dispatch.
  if (trimEndChars(segment.slice(end), ' .,;)').trim() !== '') return null;
  const dateText = segment.slice(start, end).trimEnd();
  const [day, month, year] = words ? [match[1], match[2], match[3]] : [match[1], match[3], match[4]];
  const place = placeText === '' ? null : placeText;
  if (day === undefined || month === undefined || year === undefined) {
    return { place, date: null, dateText, problem: 'blank' };
  }
  const iso = toIsoDate(Number(year), Number(month), Number(day));
  return { place, date: iso, dateText, problem: iso === null ? 'invalid' : null };
}

export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
