import type { Coverage, CoverageGap, Rotation, Shift } from '@khien/contracts';

/**
 * The duty feature's pure logic: calendar days in Vietnam's time, which shift falls on which day,
 * a colour per person, the coverage gap's words, the now-list's filters in the URL.
 */

// Vietnam keeps UTC+7 all year (no daylight saving time): a day there is [00:00+07, 24:00+07).
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export type GapReason = CoverageGap['reasons'][number]['code'];
export const GAP_REASONS = ['tet', 'holiday', 'alert_period', 'no_one', 'unavailable_person'] as const satisfies readonly GapReason[];
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export const DUTY_ENUMS_ARE_EXHAUSTIVE: [Exhaustive<GapReason, (typeof GAP_REASONS)[number]>] = [true];

/** YYYY-MM-DD of the calendar day in Vietnam that holds this instant. */
export function vnDay(value: string | number | Date): string {
  const ms = new Date(value).getTime() + VN_OFFSET_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** HH:mm in Vietnam. */
export function vnTime(value: string | number | Date): string {
  const ms = new Date(value).getTime() + VN_OFFSET_MS;
  return new Date(ms).toISOString().slice(11, 16);
}

/** The instant a Vietnamese calendar day starts, in ms. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}

/** "2026-02-16" + "08:00" → the ISO instant with Vietnam's offset, as the API takes it. */
export function vnInstant(day: string, time: string): string {
  return `${day}T${time}:00+07:00`;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO, as the contract's window weekdays). */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week holding `day`: Vietnamese calendars start the week on Monday. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

export interface DaySegment {
  shift: Shift;
  /** the part of the shift inside this day */
  start: string;
  end: string;
  /** the shift began on an earlier day / goes on into the next */
  fromBefore: boolean;
  goesOn: boolean;
}

export interface CalendarDay {
  date: string;
  weekday: number;
  segments: DaySegment[];
  holidays: Coverage['holidays'];
  alertPeriods: Coverage['alertPeriods'];
  isToday: boolean;
}

/**
 * `count` days from `first`, each with the shifts that overlap it (a shift across midnight shows on
 * both days, cut at midnight), in start order, and the holidays and heightened-alert periods that
 * touch it.
 */
export function layoutDays(
  shifts: readonly Shift[],
  first: string,
  count: number,
  coverage: Pick<Coverage, 'holidays' | 'alertPeriods'> | null,
  now: number,
): CalendarDay[] {
  const today = vnDay(now);
  const days: CalendarDay[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(first, i);
    const from = dayStartMs(date);
    const to = from + DAY_MS;
    const segments = shifts
      .filter((s) => Date.parse(s.start) < to && Date.parse(s.end) > from)
      .map((s) => {
        const start = Math.max(Date.parse(s.start), from);
        const end = Math.min(Date.parse(s.end), to);
        return {
          shift: s,
          start: new Date(start).toISOString(),
          end: new Date(end).toISOString(),
          fromBefore: Date.parse(s.start) < from,
          goesOn: Date.parse(s.end) > to,
        };
      })
      .sort((a, b) => a.start.localeCompare(b.start) || a.shift.rotationName.localeCompare(b.shift.rotationName, 'vi'));
    days.push({
      date,
      weekday: isoWeekday(date),
      segments,
      holidays: (coverage?.holidays ?? []).filter((h) => h.date === date),
      alertPeriods: (coverage?.alertPeriods ?? []).filter((p) => Date.parse(p.start) < to && Date.parse(p.end) > from),
      isToday: date === today,
    });
  }
  return days;
}

/** Colours for people, not red (red is for nobody on duty) and not grey (for the past). */
export const PERSON_COLORS = ['blue', 'teal', 'grape', 'orange', 'cyan', 'lime', 'pink', 'indigo', 'yellow', 'violet', 'green'] as const;

/**
 * One colour per person, stable across weeks: in the order people stand in the rotations, then
 * whoever else holds a shift (an override's stand-in), so the same person keeps the same colour.
 */
export function personColors(rotations: readonly Pick<Rotation, 'participants'>[], shifts: readonly Pick<Shift, 'userId'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const add = (id: string) => {
    if (!out.has(id)) out.set(id, PERSON_COLORS[out.size % PERSON_COLORS.length]!);
  };
  for (const r of rotations) for (const p of r.participants) add(p.userId);
  for (const s of shifts) add(s.userId);
  return out;
}

/** The coverage check's reasons in the order a person weighs them: Tết and holidays first. */
export function sortReasons<T extends { code: GapReason }>(reasons: readonly T[]): T[] {
  return [...reasons].sort((a, b) => GAP_REASONS.indexOf(a.code) - GAP_REASONS.indexOf(b.code));
}

/** Mandatory gaps first (Tết, holidays, alert periods), then by start. */
export function sortGaps(gaps: readonly CoverageGap[]): CoverageGap[] {
  return [...gaps].sort((a, b) => Number(b.mandatory) - Number(a.mandatory) || a.start.localeCompare(b.start));
}

export function gapHours(gap: Pick<CoverageGap, 'start' | 'end'>): number {
  return Math.round((Date.parse(gap.end) - Date.parse(gap.start)) / 3_600_000);
}

/**
 * [today 00:00, today + `days` 00:00) in Vietnam: the coverage check's and the upcoming overrides'
 * window. Whole days, so the query's key stays the same all day (and the cache with it).
 */
export function upcomingRange(now: number, days: number): { from: string; to: string } {
  const today = vnDay(now);
  return { from: vnInstant(today, '00:00'), to: vnInstant(addDays(today, days), '00:00') };
}

/** [Monday 00:00, next Monday 00:00) in Vietnam, for the calendar query. */
export function weekRange(monday: string): { from: string; to: string } {
  return { from: vnInstant(monday, '00:00'), to: vnInstant(addDays(monday, 7), '00:00') };
}

// ---------------------------------------------------------------- who is on duty now: filters in the URL

export type Staffed = 'all' | 'staffed' | 'none';
export const STAFFED = ['all', 'staffed', 'none'] as const satisfies readonly Staffed[];

export interface NowFilters {
  q: string;
  staffed: Staffed;
  offset: number;
}

export function nowFromParams(params: URLSearchParams): NowFilters {
  const staffed = params.get('staffed');
  const offset = Number(params.get('offset') ?? 0);
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    staffed: STAFFED.find((s) => s === staffed) ?? 'all',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function paramsFromNow(f: NowFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q.trim()) out.q = f.q.trim();
  if (f.staffed !== 'all') out.staffed = f.staffed;
  if (f.offset > 0) out.offset = String(f.offset);
  return out;
}

/** A phone number as a tel: link takes digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}
