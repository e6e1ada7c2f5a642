/**
 * Times as senders write them: ISO 8601 / RFC 3339 with Z, +07:00, +0700 or +07 (Wazuh and Suricata write
 * +0000), epoch seconds or milliseconds, and the month-name forms of RFC 3164 and CEF.
 */

export type TimeResult = { date: Date; text?: undefined } | { date: null; text: string | null };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

// Times before 1970 or after 9999 are a sender's placeholder (Go's 0001-01-01) or a broken clock, not an event time.
const MIN_MS = 0;
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Builds a UTC instant from calendar fields, or null when a field is out of range. */
export function fromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 60) return null;
  // a leap second is read as :59.999 rather than refused: it happened, within a second
  const sec = s === 60 ? 59 : s;
  const msPart = s === 60 ? 999 : ms;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, msPart);
  const t = date.getTime() - offsetMinutes * 60_000;
  return t >= MIN_MS && t <= MAX_MS ? new Date(t) : null;
}

function parseOffset(z: string | undefined, assume: number): number | null {
  if (z === undefined) return assume;
  if (z === 'Z' || z === 'z' || z === 'UTC') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? '0');
  if (h > 23 || mi > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

/** ISO 8601 / RFC 3339 text; a missing zone means `assumeOffsetMinutes` (default UTC). */
export function parseIso(s: string, assumeOffsetMinutes = 0): Date | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const off = parseOffset(m[8], assumeOffsetMinutes);
  if (off === null) return null;
  const frac = m[7] ?? '';
  const ms = frac === '' ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  return fromFields(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? '0'), Number(m[5] ?? '0'), Number(m[6] ?? '0'), ms, off);
}

/** Epoch seconds below 10^11 (until year 5138), milliseconds above. */
export function fromEpoch(n: number): Date | null {
  if (!Number.isFinite(n) || n < 0) return null;
  const ms = n < 1e11 ? n * 1000 : n;
  return ms <= MAX_MS ? new Date(Math.floor(ms)) : null;
}

/**
 * "May 11 12:29:18", "May  1 12:29:18.123", "May 11 2022 12:29:18", optionally followed by a zone
 * (Z, +07:00, UTC). Without a year the year is the one that puts the time nearest before receivedAt
 * (a December line received on 1 January belongs to last year).
 */
export function parseMonthName(s: string, receivedAt: Date, assumeOffsetMinutes = 0): Date | null {
  const m = /^([A-Za-z]{3})\s+(\d{1,2})(?:\s+(\d{4}))?\s+(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  if (!Object.hasOwn(MONTHS, name)) return null;
  const month = MONTHS[name]!;
  const off = parseOffset(m[8] === 'GMT' ? 'Z' : m[8], assumeOffsetMinutes);
  if (off === null) return null;
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const build = (y: number) => fromFields(y, month, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]), ms, off);
  if (m[3] !== undefined) return build(Number(m[3]));
  const ref = Number.isFinite(receivedAt.getTime()) ? receivedAt : new Date();
  const year = ref.getUTCFullYear();
  const d = build(year);
  // more than a day ahead of the receiver: the line was written last year (clock skew of hours is normal)
  if (d !== null && d.getTime() > ref.getTime() + 86_400_000) return build(year - 1);
  return d ?? build(year - 1);
}

/**
 * Reads a sender's time field. Strings: ISO 8601, all-digit epoch, or the month-name form.
 * Numbers: epoch seconds or millis when `epoch` allows them. Absent (undefined, null, '') gives
 * { date: null, text: null }; present but unreadable gives { date: null, text } for the time_unparsed label.
 */
export function readTime(v: unknown, opts: { epoch?: boolean; receivedAt?: Date; assumeOffsetMinutes?: number } = {}): TimeResult {
  if (v === undefined || v === null) return { date: null, text: null };
  if (typeof v === 'number') {
    const d = opts.epoch ? fromEpoch(v) : null;
    return d ? { date: d } : { date: null, text: String(v) };
  }
  if (typeof v !== 'string') return { date: null, text: JSON.stringify(v)?.slice(0, 100) ?? 'unknown' };
  const s = v.trim();
  if (s === '') return { date: null, text: null };
  if (/^\d{9,13}(?:\.\d+)?$/.test(s) && opts.epoch) {
    const d = fromEpoch(Number(s));
    if (d) return { date: d };
  }
  const iso = parseIso(s, opts.assumeOffsetMinutes ?? 0);
  if (iso) return { date: iso };
  const mn = parseMonthName(s, opts.receivedAt ?? new Date(), opts.assumeOffsetMinutes ?? 0);
  if (mn) return { date: mn };
  return { date: null, text: s.slice(0, 100) };
}
