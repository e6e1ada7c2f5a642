export { createLunarCalendar, lunarToSolar, solarToLunar, vietnamLunarCalendar, type LunarCalendar } from './lunar.js';
export { tetAlertPeriod, tetDate, vietnamHolidays } from './holidays.js';
export { changeParticipants, findRotationProblems, onDutyAt, shiftLengthMs, shiftsBetween, standaloneShifts, swapShifts } from './rotation.js';
export { coverageGaps, type CoverageInput } from './coverage.js';
export { parseICalendar, shiftsToICalendar, ICAL_MAX_BYTES, ICAL_MAX_EVENTS } from './ical.js';
export { rowsToAssignments, shiftsToRows, MAX_ROSTER_ROWS } from './roster-rows.js';
export type {
  DutyMessage,
  Gap,
  GapReasonCode,
  Holiday,
  HolidayOverride,
  ICalEvent,
  ICalExportOptions,
  ICalProblem,
  LunarDate,
  MandatoryPeriod,
  Override,
  RosterAssignment,
  RosterInputRow,
  RosterProblem,
  RosterRow,
  Rotation,
  Shift,
  ShiftLength,
  Unavailability,
} from './types.js';
