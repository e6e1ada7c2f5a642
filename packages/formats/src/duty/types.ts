/**
 * 24/7 duty (trực) rosters. Every time is an instant (Date); the local zone is Asia/Ho_Chi_Minh,
 * a fixed UTC+07:00 with no daylight saving, so local wall time is plain arithmetic on the instant.
 */

/** A text shown to people, in both languages of the UI. */
export interface DutyMessage {
  vi: string;
  en: string;
}

/** A day of the Vietnamese lunisolar calendar (âm lịch). `year` is the solar year in which its Tết falls. */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** true for the intercalary month (tháng nhuận), which repeats the number of the month before it */
  leap: boolean;
}

export interface Holiday {
  /** yyyy-mm-dd, local calendar day (the whole day 00:00–24:00 +07:00) */
  date: string;
  name: DutyMessage;
  kind: 'public_holiday' | 'tet';
}

/** One year's decisions by the government that replace the computed defaults. */
export interface HolidayOverride {
  year: number;
  /** the Tết days off (yyyy-mm-dd); replaces the five computed ones; [] drops them */
  tet?: string[];
  /** the day off next to Quốc khánh 2/9 (yyyy-mm-dd); null drops it */
  nationalDayExtra?: string | null;
}

export type ShiftLength = { kind: 'daily' } | { kind: 'weekly' } | { kind: 'custom'; hours: number };

export interface Rotation {
  id: string;
  name: string;
  /** the first handover: the start of shift 0; the handover time of day is this instant's local time */
  startsAt: Date;
  length: ShiftLength;
  /**
   * People in order (user ids); shift n goes to participants[n % participants.length]. The list is
   * positional: editing it in place re-deals every shift since shift 0, so a running rotation is
   * changed with `changeParticipants`, and a person on leave is passed to coverage as unavailable.
   */
  participants: string[];
  /**
   * Optional daily window: the rotation covers only these local hours (07:30–17:00 office hours);
   * `to` ≤ `from` ends the next day (22:00–06:00), `to` = `from` is the whole day. `weekdays`
   * (1 = Mon … 7 = Sun) is the weekday on which a window opens. Absent = the whole shift.
   */
  window?: { from: string; to: string; weekdays?: number[] } | null;
  /** the rotation stops here (the last shift is cut short); null/absent = open-ended */
  endsAt?: Date | null;
}

/**
 * An exception to a rotation. `replacesUserId` set: during [start, end) that person's shifts go to
 * `userId` (in rotation `rotationId`, or in every rotation when it is null). `replacesUserId`
 * null: `userId` is on duty during [start, end) in addition (in that rotation, or on their own when
 * `rotationId` is null too — that is how an imported roster is stored). When overrides overlap,
 * the later one in the array wins, so pass them oldest first.
 */
export interface Override {
  id: string;
  rotationId: string | null;
  start: Date;
  end: Date;
  userId: string;
  replacesUserId: string | null;
  reason?: string;
}

export interface Shift {
  /** '' for a person added outside any rotation (an override with rotationId and replacesUserId null) */
  rotationId: string;
  /** the rotation's shift number n; -1 for a person added by an override (no slot of the rotation) */
  index: number;
  start: Date;
  end: Date;
  userId: string;
  /** true when an override put this person here */
  overridden: boolean;
  overrideId: string | null;
  /** whom the rotation had here; for an added person, that person */
  originalUserId: string;
}

export type GapReasonCode = 'holiday' | 'tet' | 'alert_period' | 'no_one' | 'unavailable_person';

export interface Gap {
  start: Date;
  end: Date;
  /** inside a mandatory period (heightened alert, holiday, Tết) */
  mandatory: boolean;
  /** why nobody is there (no_one, or unavailable_person with the user id as label) first, then the period(s) it falls in */
  reasons: { code: GapReasonCode; label?: string }[];
}

export interface MandatoryPeriod {
  start: Date;
  end: Date;
  label: string;
  kind: 'alert_period';
}

export interface Unavailability {
  userId: string;
  /** absent: since always */
  start?: Date;
  /** absent: for good (a disabled account) */
  end?: Date;
}

export interface ICalEvent {
  uid: string | null;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** the address of a mailto: attendee, else its CN, else the value as written */
  attendees: string[];
}

export interface ICalProblem {
  /** 1-based line of the file where the (unfolded) line starts; 0 for the file as a whole */
  line: number;
  code: string;
  message: DutyMessage;
}

export interface ICalExportOptions {
  calendarName: string;
  /** userId → display name; a missing one shows the id */
  names: Record<string, string>;
  /** the right-hand side of every UID (`…@uidDomain`), e.g. the server's host name */
  uidDomain: string;
  /** DTSTAMP; defaults to the clock */
  now?: Date;
  /** userId → e-mail: such people are written as ATTENDEE;CN=…:mailto:… */
  emails?: Record<string, string>;
}

export interface RosterRow {
  /** dd/mm/yyyy, local */
  date: string;
  /** HH:mm local */
  from: string;
  /** HH:mm local; not after `from` means the next day (07:30–07:30 is a 24-hour duty) */
  to: string;
  /** e-mail or name as typed */
  person: string;
  note: string;
}

export interface RosterInputRow {
  row: number;
  date: unknown;
  from: unknown;
  to: unknown;
  person: unknown;
  note?: unknown;
}

export interface RosterAssignment {
  row: number;
  start: Date;
  end: Date;
  person: string;
  note: string;
}

export interface RosterProblem {
  row: number;
  column: string;
  code: string;
  message: DutyMessage;
}
