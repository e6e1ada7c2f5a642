import { cleanLine } from './text.js';

/** What the clerk fills in by hand when a letter is printed before it is dated. */
export const BLANK_DATE = 'ngày    tháng    năm 20…';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses yyyy-mm-dd, rejecting dates that do not exist (2026-02-30). */
export function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(isoDate.trim());
  if (!m) throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${JSON.stringify(isoDate)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${JSON.stringify(isoDate)}`);
  }
  return { year, month, day };
}

/** Decree 30/2020, Annex I: days below 10 and the months 1 and 2 take a leading zero ("05", "02"), other months do not ("3"). */
export function padDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function padMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/**
 * "Mường Lay, ngày 05 tháng 3 năm 2026". Without a date, blanks to fill in by hand:
 * "Mường Lay, ngày    tháng    năm 20…". Without a place the line starts with "Ngày".
 */
export function formatVietnameseDateLine(place: string | null, isoDate: string | null, written: string | null = null): string {
  let when = written ? partialDate(written) : BLANK_DATE;
  if (isoDate && isoDate.trim()) {
    const { year, month, day } = parseIsoDate(isoDate);
    when = `ngày ${padDay(day)} tháng ${padMonth(month)} năm ${year}`;
  }
  const where = cleanLine(place, 200);
  return where ? `${where}, ${when}` : `N${when.slice(1)}`;
}

const BLANK = '    ';

/**
 * A date written with parts left for the clerk ("ngày   tháng 01 năm 2024"): the parts given are
 * kept, each missing one is the blank filled by hand — "ngày    tháng 01 năm 2024".
 */
export function partialDate(written: string): string {
  const m = /ngày[\s….]*(\d{1,2})?[\s….]*tháng[\s….]*(\d{1,2})?[\s….]*năm[\s….]*(\d{4})?/iu.exec(cleanLine(written, 200));
  if (!m) return BLANK_DATE;
  const [day, month, year] = [m[1], m[2], m[3]].map((x) => (x ? Number(x) : null));
  const d = day && day >= 1 && day <= 31 ? padDay(day) : BLANK;
  const mo = month && month >= 1 && month <= 12 ? padMonth(month) : BLANK;
  return `ngày ${d} tháng ${mo} năm ${year ?? '20…'}`;
}

/** "05/3/2026", as dates are cited inside a text ("Công văn số 907/CAT-PA05 ngày 27/02/2026"). */
export function formatShortDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${padDay(day)}/${padMonth(month)}/${year}`;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** An ISO timestamp in Vietnam time: { date: "2026-03-20", time: "14:30" }. */
export function toVietnamTime(isoTimestamp: string): { date: string; time: string } {
  const ms = Date.parse(isoTimestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO timestamp: ${JSON.stringify(isoTimestamp)}`);
  const local = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** "14 giờ 30 phút ngày 20/3/2026". */
export function formatTimestampVi(isoTimestamp: string): string {
  const { date, time } = toVietnamTime(isoTimestamp);
  const [h, min] = time.split(':');
  return `${h} giờ ${min} phút ngày ${formatShortDate(date)}`;
}

/**
 * The number line: "Số: 05/UBND-VP" (a number below 10 takes a leading zero). A missing number leaves
 * room for the clerk: null → "Số:      /", "/UBND-HC" → "Số:      /UBND-HC".
 */
export function formatNumberLine(number: string | null): string {
  const value = cleanLine(number, 100).replace(/^số\s*:?\s*/iu, '');
  const blank = '      ';
  if (!value) return `Số:${blank}/`;
  if (value.startsWith('/')) return `Số:${blank}${value}`;
  const m = /^(\d+)(.*)$/u.exec(value);
  if (m && m[1] && Number(m[1]) < 10 && m[1].length === 1 && Number(m[1]) > 0) return `Số: 0${m[1]}${m[2] ?? ''}`;
  return `Số: ${value}`;
}
