import { daysInSolarMonth } from './lunar.js';
import type { DutyMessage, ICalEvent, ICalExportOptions, ICalProblem, Shift } from './types.js';

/**
 * iCalendar (RFC 5545) for duty rosters: export for people's calendar apps, and a forgiving
 * import that reads what Google, Outlook and hand-made files send and lists what it could not.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LOCAL = 7 * HOUR;
export const ICAL_MAX_BYTES = 5 * 1024 * 1024;
export const ICAL_MAX_EVENTS = 20_000;
/** Occurrences of one RRULE; an open-ended rule stops here with a warning. */
export const ICAL_MAX_OCCURRENCES = 1_000;
const MAX_PROBLEMS = 1_000;

// ---------- export ----------

/** What TEXT may hold: well-formed UTF-16, LF newlines, no control characters but tab (RFC 5545 §3.1). */
export function cleanText(s: string): string {
  let out = '';
  for (const ch of s.toWellFormed().replace(/\r\n?/g, '\n')) {
    const c = ch.charCodeAt(0);
    if (c === 9 || c === 10 || (c >= 32 && c !== 127)) out += ch;
  }
  return out;
}
const clean = cleanText;

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return clean(s)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** A parameter value, always quoted, with RFC 6868 caret-encoding for what a quoted value cannot hold. */
const paramValue = (s: string) => `"${clean(s).replace(/\^/g, '^^').replace(/\n/g, '^n').replace(/"/g, "^'")}"`;

const utf8Length = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** Folds a content line at 75 octets, between code points so a multi-byte character is never split. */
export function foldLine(line: string): string {
  let out = '';
  let bytes = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    // 75 octets per physical line; a continuation line's leading space is one of them
    if (bytes + n > 75) {
      out += '\r\n ';
      bytes = 1;
    }
    out += ch;
    bytes += n;
  }
  return out;
}

const utcStamp = (t: Date | number) => new Date(Math.floor(+t / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');

/** The same shift gets the same UID on every export, so calendar apps update it instead of adding a copy. */
export function shiftUid(s: Shift, uidDomain: string): string {
  const slot = s.index >= 0 ? `${s.rotationId}.${s.index}` : `override.${s.overrideId ?? s.userId}`;
  return `${encodeURIComponent(slot)}.${utcStamp(s.start)}@${uidDomain}`;
}

/** The shifts as a VCALENDAR: CRLF lines folded at 75 octets, times in UTC ("Z"), seconds precision. */
export function shiftsToICalendar(shifts: Shift[], opts: ICalExportOptions): string {
  const stamp = utcStamp(opts.now ?? new Date());
  const name = (id: string) => opts.names[id] ?? id;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Khien//Duty roster//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.calendarName)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  for (const s of shifts) {
    const who = name(s.userId);
    const description = [`Người trực / On duty: ${who}`];
    if (s.overridden && s.originalUserId !== s.userId) description.push(`Thay cho / Covering for: ${name(s.originalUserId)}`);
    if (s.index >= 0) description.push(`Ca / Shift: #${s.index}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(shiftUid(s, opts.uidDomain))}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(s.start)}`,
      `DTEND:${utcStamp(s.end)}`,
      `SUMMARY:${escapeText(`Trực: ${who}`)}`,
      `DESCRIPTION:${escapeText(description.join('\n'))}`,
    );
    const email = opts.emails?.[s.userId];
    if (email) lines.push(`ATTENDEE;CN=${paramValue(who)};ROLE=REQ-PARTICIPANT:mailto:${clean(email).replace(/\s/g, '')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

// ---------- import ----------

const MESSAGES: Record<string, (detail: string) => DutyMessage> = {
  too_large: (d) => ({ vi: `Tệp quá lớn (${d}); giới hạn 5 MB`, en: `File too large (${d}); the limit is 5 MB` }),
  not_icalendar: () => ({ vi: 'Không thấy BEGIN:VCALENDAR — có phải tệp iCalendar?', en: 'No BEGIN:VCALENDAR — is this an iCalendar file?' }),
  bad_line: (d) => ({ vi: `Dòng không đọc được: "${d}"`, en: `Unreadable line: "${d}"` }),
  unbalanced: (d) => ({ vi: `BEGIN/END không khớp: ${d}`, en: `BEGIN/END do not match: ${d}` }),
  unterminated_event: () => ({ vi: 'Sự kiện không có END:VEVENT', en: 'Event without END:VEVENT' }),
  missing_dtstart: () => ({ vi: 'Sự kiện thiếu DTSTART; bỏ qua', en: 'Event without DTSTART; skipped' }),
  bad_date: (d) => ({ vi: `Thời điểm không hợp lệ: "${d}"`, en: `Invalid date-time: "${d}"` }),
  unknown_tzid: (d) => ({ vi: `Múi giờ "${d}" không hỗ trợ; coi như UTC+07:00`, en: `Time zone "${d}" not supported; read as UTC+07:00` }),
  bad_duration: (d) => ({ vi: `DURATION không hợp lệ: "${d}"`, en: `Invalid DURATION: "${d}"` }),
  end_before_start: () => ({ vi: 'Kết thúc trước khi bắt đầu; bỏ qua', en: 'Ends before it starts; skipped' }),
  unsupported_rrule: (d) => ({ vi: `RRULE không hỗ trợ (${d}); chỉ lấy lần đầu`, en: `Unsupported RRULE (${d}); first occurrence only` }),
  rrule_truncated: (d) => ({ vi: `Lặp lại quá nhiều lần; chỉ lấy ${d} lần đầu`, en: `Repeats too often; only the first ${d} occurrences kept` }),
  too_many_events: (d) => ({ vi: `Quá ${d} sự kiện; phần sau bị bỏ`, en: `More than ${d} events; the rest is ignored` }),
  too_many_problems: () => ({ vi: 'Quá nhiều lỗi; không liệt kê thêm', en: 'Too many problems; no more are listed' }),
  internal_error: (d) => ({ vi: `Lỗi khi đọc tệp: ${d}`, en: `Error while reading the file: ${d}` }),
};

interface Prop {
  name: string;
  params: Map<string, string>;
  value: string;
  line: number;
}

/** name *(";" param "=" value *("," value)) ":" value — quoted parameter values may hold ; : , */
function parseContentLine(s: string, line: number): Prop | null {
  const head = /^[A-Za-z0-9-]+/.exec(s);
  if (!head) return null;
  let i = head[0].length;
  const params = new Map<string, string>();
  while (s[i] === ';') {
    const pname = /^[A-Za-z0-9-]+=/.exec(s.slice(i + 1));
    if (!pname) return null;
    i += 1 + pname[0].length;
    const values: string[] = [];
    for (;;) {
      if (s[i] === '"') {
        const close = s.indexOf('"', i + 1);
        if (close < 0) return null;
        values.push(s.slice(i + 1, close));
        i = close + 1;
      } else {
        const m = /^[^";:,]*/.exec(s.slice(i))![0];
        values.push(m);
        i += m.length;
      }
      if (s[i] !== ',') break;
      i++;
    }
    // RFC 6868 caret decoding
    params.set(
      pname[0].slice(0, -1).toUpperCase(),
      values.join(',').replace(/\^(\^|n|')/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^')),
    );
  }
  if (s[i] !== ':') return null;
  return { name: head[0].toUpperCase(), params, value: s.slice(i + 1), line };
}

export function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

interface When {
  ms: number;
  allDay: boolean;
  /** the zone the value was written in (0 for UTC, +7 h otherwise), for weekdays in RRULE */
  zone: number;
}

const LOCAL_ZONES = /ho_chi_minh|saigon|bangkok|phnom_penh|vientiane|jakarta|se asia standard time|etc\/gmt-7$/i;
const UTC_ZONES = /^(utc|etc\/utc|gmt|etc\/gmt|z|zulu)$/i;

type Report = (line: number, code: string, detail?: string) => void;
/** Days an RRULE may step through, for the whole file. */
interface Work {
  steps: number;
}

function parseWhen(value: string, params: Map<string, string>, line: number, report: Report): When | null {
  const v = value.trim();
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  const dt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i.exec(v);
  const parts = (d ?? dt)?.slice(1, 7).map(Number);
  if (!parts || (params.get('VALUE') === 'DATE' && !d)) return (report(line, 'bad_date', v), null);
  const [y, mo, da, h = 0, mi = 0, se = 0] = parts;
  if (mo! < 1 || mo! > 12 || da! < 1 || da! > daysInSolarMonth(y!, mo!) || h > 23 || mi > 59 || se > 60) return (report(line, 'bad_date', v), null);
  // a leap second is read as the last second of its minute
  const wall = Date.UTC(y!, mo! - 1, da!, h, mi, Math.min(se, 59));
  if (d) return { ms: wall - LOCAL, allDay: true, zone: LOCAL };
  if (dt![7]) return { ms: wall, allDay: false, zone: 0 };
  const tzid = params.get('TZID');
  if (tzid !== undefined && UTC_ZONES.test(tzid.trim())) return { ms: wall, allDay: false, zone: 0 };
  if (tzid !== undefined && !LOCAL_ZONES.test(tzid.trim())) report(line, 'unknown_tzid', tzid);
  // floating time and Vietnamese zones: wall time at +07:00
  return { ms: wall - LOCAL, allDay: false, zone: LOCAL };
}

function parseDuration(value: string): number | null {
  const m = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(value.trim());
  if (!m || m[1] === '-' || m.slice(2).every((x) => x === undefined)) return null;
  const [w, d, h, mi, s] = m.slice(2).map((x) => Number(x ?? 0));
  return (((w! * 7 + d!) * 24 + h!) * 60 + mi!) * 60_000 + s! * 1000;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** 0 = Monday … 6 = Sunday of an instant in a zone. */
const weekdayIn = (ms: number, zone: number) => (((Math.floor((ms + zone) / DAY) + 3) % 7) + 7) % 7;

/** The starts of a DAILY/WEEKLY rule's occurrences (DTSTART first), bounded; anything else: DTSTART alone. */
function expandRule(start: When, rule: Prop, report: Report, budget: number, work: Work): number[] {
  const parts = new Map(rule.value.split(';').map((p) => p.split('=', 2).map((x) => x.trim().toUpperCase()) as [string, string]));
  const freq = parts.get('FREQ');
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : Infinity;
  const byday = parts.get('BYDAY')?.split(',');
  const until = parts.has('UNTIL') ? parseWhen(parts.get('UNTIL')!, new Map(), rule.line, report) : null;
  const unknown = [...parts.keys()].filter((k) => !['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST'].includes(k));
  const bad =
    (freq !== 'DAILY' && freq !== 'WEEKLY' && `FREQ=${freq ?? ''}`) ||
    (unknown.length > 0 && unknown.join(',')) ||
    (!(Number.isInteger(interval) && interval >= 1) && 'INTERVAL') ||
    (!(count === Infinity || (Number.isInteger(count) && count >= 1)) && 'COUNT') ||
    (parts.has('UNTIL') && !until && 'UNTIL') ||
    (byday?.some((d) => !WEEKDAYS.includes(d)) && 'BYDAY');
  if (bad) return (report(rule.line, 'unsupported_rrule', bad), [start.ms]);
  // UNTIL as a date means through that whole local day
  const last = until ? (until.allDay ? until.ms + DAY - 1 : until.ms) : Infinity;
  const days = byday ? new Set(byday.map((d) => WEEKDAYS.indexOf(d))) : null;
  const wkst = Math.max(0, WEEKDAYS.indexOf(parts.get('WKST') ?? 'MO'));
  const cap = Math.min(ICAL_MAX_OCCURRENCES, budget);
  const out = [start.ms];
  // step day by day: a DAILY rule takes every interval-th day, a WEEKLY one the days of every interval-th week
  const startDay = Math.floor((start.ms + start.zone) / DAY);
  const weekOf = (day: number) => Math.floor((day - startDay + ((weekdayIn(start.ms, start.zone) - wkst + 7) % 7)) / 7);
  const stride = days ? 1 : freq === 'DAILY' ? interval : 7 * interval;
  for (let step = stride; out.length < count && step < 366 * 60; step += stride) {
    // a file full of sparse rules must not keep the server busy: one budget of days for the file
    if (--work.steps < 0) {
      report(rule.line, 'rrule_truncated', String(out.length));
      break;
    }
    const t = start.ms + step * DAY;
    if (t > last) break;
    const wd = weekdayIn(t, start.zone);
    const take =
      freq === 'DAILY' ? step % interval === 0 && (!days || days.has(wd)) : weekOf(startDay + step) % interval === 0 && (days ? days.has(wd) : step % 7 === 0);
    if (!take) continue;
    if (out.length >= cap) {
      report(rule.line, 'rrule_truncated', String(cap));
      break;
    }
    out.push(t);
  }
  return out;
}

/**
 * Reads an iCalendar file; never throws. DTSTART/DTEND in UTC, with TZID (Vietnamese zones as
 * +07:00, UTC as UTC, any other as +07:00 with a warning), floating (+07:00) or as DATE (all-day
 * from local midnight); DURATION for DTEND; RRULE FREQ=DAILY/WEEKLY with COUNT, UNTIL, INTERVAL,
 * BYDAY expanded (each occurrence keeps the event's UID), EXDATE honoured. Problems carry the line.
 */
export function parseICalendar(text: string): { events: ICalEvent[]; problems: ICalProblem[] } {
  const events: ICalEvent[] = [];
  const problems: ICalProblem[] = [];
  const report: Report = (line, code, detail = '') => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, code, message: MESSAGES[code]!(detail.slice(0, 80)) });
    else if (problems.length === MAX_PROBLEMS) problems.push({ line, code: 'too_many_problems', message: MESSAGES.too_many_problems!('') });
  };
  try {
    if (typeof text !== 'string') return (report(0, 'bad_line', typeof text), { events, problems });
    const bytes = text.length > ICAL_MAX_BYTES ? Infinity : new TextEncoder().encode(text).length;
    if (bytes > ICAL_MAX_BYTES) return (report(0, 'too_large', `${(text.length / 1048576).toFixed(1)} MB+`), { events, problems });
    readLines(text.replace(/^\uFEFF/, ''), events, report, { steps: 2_000_000 });
  } catch (e) {
    report(0, 'internal_error', e instanceof Error ? e.message : String(e));
  }
  return { events, problems };
}

function readLines(text: string, events: ICalEvent[], report: Report, work: Work): void {
  const logical: { text: string; line: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const prev = logical.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && prev) prev.text += raw.slice(1);
    else logical.push({ text: raw, line: i + 1 });
  });
  const stack: string[] = [];
  let event: { props: Prop[]; line: number } | null = null;
  let sawCalendar = false;
  let full = false;
  for (const { text: s, line } of logical) {
    if (full) break;
    if (s.trim() === '') continue;
    const p = parseContentLine(s, line);
    if (!p) {
      report(line, 'bad_line', s);
      continue;
    }
    if (p.name === 'BEGIN') {
      const what = p.value.trim().toUpperCase();
      if (what === 'VCALENDAR') sawCalendar = true;
      if (what === 'VEVENT' && !event) event = { props: [], line };
      stack.push(what);
    } else if (p.name === 'END') {
      const what = p.value.trim().toUpperCase();
      const at = stack.lastIndexOf(what);
      if (at < 0) {
        report(line, 'unbalanced', `END:${what}`);
        continue;
      }
      if (at !== stack.length - 1) report(line, 'unbalanced', `END:${what} closes ${stack.slice(at + 1).join(', ')}`);
      stack.length = at;
      if (event && !stack.includes('VEVENT')) {
        full = !finishEvent(event.props, event.line, events, report, work);
        event = null;
      }
    } else if (event && stack.at(-1) === 'VEVENT') {
      event.props.push(p);
    }
  }
  if (event && !full) {
    report(event.line, 'unterminated_event');
    finishEvent(event.props, event.line, events, report, work);
  }
  if (!sawCalendar) report(1, 'not_icalendar');
}

/** Adds the event's occurrences; false once the event limit is reached. */
function finishEvent(props: Prop[], line: number, events: ICalEvent[], report: Report, work: Work): boolean {
  const get = (name: string) => props.find((p) => p.name === name);
  const dtstart = get('DTSTART');
  if (!dtstart) return (report(line, 'missing_dtstart'), true);
  const start = parseWhen(dtstart.value, dtstart.params, dtstart.line, report);
  if (!start) return true;
  let length = start.allDay ? DAY : 0;
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend) {
    const end = parseWhen(dtend.value, dtend.params, dtend.line, report);
    if (!end) return true;
    length = end.ms - start.ms;
  } else if (duration) {
    const ms = parseDuration(duration.value);
    if (ms === null) return (report(duration.line, 'bad_duration', duration.value), true);
    length = ms;
  }
  if (length < 0) return (report(line, 'end_before_start'), true);
  const rrule = get('RRULE');
  const budget = ICAL_MAX_EVENTS - events.length;
  const starts = rrule ? expandRule(start, rrule, report, budget, work) : [start.ms];
  const excluded = new Set(
    props.filter((p) => p.name === 'EXDATE').flatMap((p) => p.value.split(',').map((v) => parseWhen(v, p.params, p.line, report)?.ms ?? NaN)),
  );
  const attendees = props
    .filter((p) => p.name === 'ATTENDEE')
    .map((p) => (/^mailto:/i.test(p.value) ? p.value.slice(7) : (p.params.get('CN') ?? p.value)))
    .filter((a) => a !== '');
  const uid = get('UID');
  const base = {
    uid: uid ? unescapeText(uid.value) : null,
    summary: unescapeText(get('SUMMARY')?.value ?? ''),
    description: unescapeText(get('DESCRIPTION')?.value ?? ''),
  };
  for (const ms of starts) {
    if (excluded.has(ms)) continue;
    if (events.length >= ICAL_MAX_EVENTS) return (report(line, 'too_many_events', String(ICAL_MAX_EVENTS)), false);
    events.push({ ...base, start: new Date(ms), end: new Date(ms + length), attendees: [...attendees] });
  }
  return true;
}
