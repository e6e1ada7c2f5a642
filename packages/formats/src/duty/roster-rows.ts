import { localDayOf, localMidnight } from './holidays.js';
import { daysInSolarMonth, fromJulianDayNumber, julianDayNumber } from './lunar.js';
import type { DutyMessage, RosterAssignment, RosterInputRow, RosterProblem, RosterRow, Shift } from './types.js';

/**
 * A roster as spreadsheet rows (the server turns them into XLSX bytes and back): one row per
 * person and duty of at most 24 hours, in local time. "to" not after "from" is the next day, so
 * 07:30–07:30 is the usual 24-hour duty and 22:00–06:00 a night.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const MAX_ROSTER_ROWS = 20_000;
const MAX_PERSON = 320;
const MAX_NOTE = 2_000;

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (t: number) => {
  const minutes = Math.floor(((((t + 7 * 60 * MINUTE) % DAY) + DAY) % DAY) / MINUTE);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};

/**
 * One row per 24 hours of each shift (a weekly shift is seven 24-hour rows), in time order. Times
 * are whole minutes: seconds are dropped. The note names whom an override replaced.
 */
export function shiftsToRows(shifts: Shift[], names: Record<string, string>): RosterRow[] {
  const name = (id: string) => names[id] ?? id;
  const rows: { at: number; row: RosterRow }[] = [];
  for (const s of shifts) {
    for (let a = +s.start; a < +s.end; a += DAY) {
      const { y, m, d } = fromJulianDayNumber(localDayOf(a));
      const note = s.overridden && s.originalUserId !== s.userId ? `Thay cho ${name(s.originalUserId)}` : '';
      rows.push({ at: a, row: { date: `${pad(d)}/${pad(m)}/${y}`, from: hhmm(a), to: hhmm(Math.min(a + DAY, +s.end)), person: name(s.userId), note } });
    }
  }
  return rows.sort((x, y) => x.at - y.at).map((r) => r.row);
}

/** The value as the message quotes it; never throws, whatever the spreadsheet reader handed over. */
function show(v: unknown): string {
  try {
    const s = v instanceof Date ? (Number.isNaN(+v) ? 'Invalid Date' : v.toISOString()) : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    return (s ?? '').slice(0, 60);
  } catch {
    return '?';
  }
}

const MESSAGES: Record<string, (value: string, extra: string) => DutyMessage> = {
  missing: () => ({ vi: 'Ô này bắt buộc nhưng đang trống', en: 'This cell is required but empty' }),
  bad_date: (v) => ({ vi: `"${v}" không phải ngày dạng dd/mm/yyyy`, en: `"${v}" is not a date as dd/mm/yyyy` }),
  impossible_date: (v) => ({ vi: `Ngày "${v}" không tồn tại`, en: `The date "${v}" does not exist` }),
  bad_time: (v) => ({ vi: `"${v}" không phải giờ dạng HH:mm (00:00–23:59)`, en: `"${v}" is not a time as HH:mm (00:00–23:59)` }),
  bad_person: (v) => ({ vi: `"${v}" không phải e-mail hay tên người`, en: `"${v}" is not an e-mail or a name` }),
  bad_note: (v) => ({ vi: `"${v}" không phải văn bản`, en: `"${v}" is not text` }),
  too_long: (v, max) => ({ vi: `Dài quá ${max} ký tự: "${v}…"`, en: `Longer than ${max} characters: "${v}…"` }),
  overlap: (v, other) => ({ vi: `${v} đã có ca trùng giờ ở dòng ${other}`, en: `${v} already has an overlapping duty in row ${other}` }),
  too_many_rows: (_, max) => ({ vi: `Quá ${max} dòng; phần sau bị bỏ`, en: `More than ${max} rows; the rest is ignored` }),
};

type Report = (column: string, code: string, value: unknown, extra?: string) => void;

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The local day number of a cell: "dd/mm/yyyy" (also d/m/yyyy, with - or .), yyyy-mm-dd, a Date (its UTC date) or an Excel serial. */
function readDate(v: unknown, report: Report): number | null {
  if (empty(v)) return (report('date', 'missing', v), null);
  let parts: number[] | null = null;
  if (typeof v === 'string') {
    const s = v.trim();
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (vn) parts = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
    else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (v instanceof Date && !Number.isNaN(+v)) {
    // XLSX readers hand out a date cell as midnight UTC of that date
    parts = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()];
  } else if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 2958465) {
    // Excel's serial day: day 1 is 1900-01-01, and 60 its phantom 29/02/1900, so count from 30/12/1899
    const { y, m, d } = fromJulianDayNumber(julianDayNumber(1899, 12, 30) + v);
    parts = [y, m, d];
  }
  const [y, m, d] = parts ?? [];
  if (y === undefined || m === undefined || d === undefined || y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31)
    return (report('date', 'bad_date', v), null);
  if (d > daysInSolarMonth(y, m)) return (report('date', 'impossible_date', v), null);
  return julianDayNumber(y, m, d);
}

/** Minutes after midnight of a cell: "HH:mm", "H:mm", "HH:mm:ss", "7h30", "7h", a day fraction or a time-only Date. `to` may be 24:00. */
function readTime(v: unknown, column: 'from' | 'to', report: Report): number | null {
  if (empty(v)) return (report(column, 'missing', v), null);
  let h = NaN;
  let m = NaN;
  let s = 0;
  if (typeof v === 'string') {
    const x = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|[hH](\d{2})?)$/.exec(v.trim());
    if (x) [h, m, s] = [Number(x[1]), Number(x[2] ?? x[4] ?? 0), Number(x[3] ?? 0)];
  } else if (typeof v === 'number' && v >= 0 && v <= 1) {
    const minutes = Math.round(v * 1440);
    [h, m] = [Math.floor(minutes / 60), minutes % 60];
  } else if (v instanceof Date && !Number.isNaN(+v)) {
    [h, m] = [v.getUTCHours(), v.getUTCMinutes()];
  }
  const ok = Number.isInteger(h) && m >= 0 && m <= 59 && s >= 0 && s <= 59 && (h <= 23 || (column === 'to' && h === 24 && m === 0 && s === 0));
  return ok ? h * 60 + m : (report(column, 'bad_time', v), null);
}

function readText(v: unknown, column: string, max: number, required: boolean, report: Report): string | null {
  if (empty(v)) return required ? (report(column, 'missing', v), null) : '';
  if (typeof v !== 'string' && typeof v !== 'number') return (report(column, required ? 'bad_person' : 'bad_note', v), null);
  const s = String(v).replace(/\s+/g, ' ').trim();
  if (s.length > max) return (report(column, 'too_long', s.slice(0, 40), String(max)), null);
  return s;
}

/**
 * Spreadsheet rows → dated duties. Every bad row is reported with all its problems (row, column,
 * code, a message that quotes the value); good rows become assignments. A person with two
 * overlapping rows is reported on the later row (both rows stay in `assignments`): overlaps
 * between different people are normal (two on duty at once) and not reported. An import should go
 * ahead only when `problems` is empty.
 */
export function rowsToAssignments(rows: RosterInputRow[]): { assignments: RosterAssignment[]; problems: RosterProblem[] } {
  const assignments: RosterAssignment[] = [];
  const problems: RosterProblem[] = [];
  for (const [i, r] of rows.entries()) {
    if (i >= MAX_ROSTER_ROWS) {
      problems.push({ row: r.row, column: '', code: 'too_many_rows', message: MESSAGES.too_many_rows!('', String(MAX_ROSTER_ROWS)) });
      break;
    }
    const report: Report = (column, code, value, extra = '') => problems.push({ row: r.row, column, code, message: MESSAGES[code]!(show(value), extra) });
    const day = readDate(r.date, report);
    const from = readTime(r.from, 'from', report);
    const to = readTime(r.to, 'to', report);
    const person = readText(r.person, 'person', MAX_PERSON, true, report);
    const note = readText(r.note, 'note', MAX_NOTE, false, report);
    if (day === null || from === null || to === null || person === null || note === null) continue;
    const midnight = +localMidnight(day);
    const start = midnight + from * MINUTE;
    // not after "from" is the next day: 07:30–07:30 is 24 hours, 22:00–06:00 a night
    const end = midnight + (to > from ? to : to + 1440) * MINUTE;
    assignments.push({ row: r.row, start: new Date(start), end: new Date(end), person, note });
  }
  const byPerson = new Map<string, RosterAssignment[]>();
  for (const a of assignments) {
    const key = a.person.normalize('NFC').toLowerCase();
    byPerson.set(key, [...(byPerson.get(key) ?? []), a]);
  }
  for (const list of byPerson.values()) {
    list.sort((a, b) => +a.start - +b.start || a.row - b.row);
    let reach: RosterAssignment | null = null;
    for (const a of list) {
      if (reach && +a.start < +reach.end)
        problems.push({ row: a.row, column: 'from', code: 'overlap', message: MESSAGES.overlap!(a.person, String(reach.row)) });
      if (!reach || +a.end > +reach.end) reach = a;
    }
  }
  return { assignments, problems: problems.sort((a, b) => a.row - b.row) };
}
