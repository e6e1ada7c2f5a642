import type { Rotation, ShiftLengthValue } from '@khien/contracts';
import { vnDay, vnInstant, vnTime } from './duty-model';
import type { OverrideBody, RotationBody, RotationPatch } from './duty-api';

/** The roster's forms as data: what the rotation and override dialogs edit, check and send. */

export type LengthKind = ShiftLengthValue['kind'];
export const LENGTH_KINDS = ['daily', 'weekly', 'custom'] as const satisfies readonly LengthKind[];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface RotationForm {
  name: string;
  /** the first handover, in Vietnam: its time of day is every handover's */
  handoverDate: string;
  handoverTime: string;
  lengthKind: LengthKind;
  customHours: number;
  participantIds: string[];
  /** on duty only inside a daily window (office hours, nights) */
  windowOn: boolean;
  windowFrom: string;
  windowTo: string;
  /** empty: every day */
  windowWeekdays: number[];
}

export function emptyRotationForm(today: string): RotationForm {
  return {
    name: '',
    handoverDate: today,
    handoverTime: '08:00',
    lengthKind: 'daily',
    customHours: 12,
    participantIds: [],
    windowOn: false,
    windowFrom: '17:00',
    windowTo: '07:30',
    windowWeekdays: [],
  };
}

export function rotationFormOf(r: Rotation): RotationForm {
  return {
    name: r.name,
    handoverDate: vnDay(r.startsAt),
    handoverTime: vnTime(r.startsAt),
    lengthKind: r.length.kind,
    customHours: r.length.kind === 'custom' ? r.length.hours : 12,
    participantIds: r.participants.map((p) => p.userId),
    windowOn: r.window !== null,
    windowFrom: r.window?.from ?? '17:00',
    windowTo: r.window?.to ?? '07:30',
    windowWeekdays: r.window?.weekdays ?? [],
  };
}

export type RotationField = 'name' | 'handover' | 'customHours' | 'participantIds' | 'window';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Field → i18n key of what is wrong; empty when the form can be sent. */
export function rotationErrors(f: RotationForm): Partial<Record<RotationField, string>> {
  const out: Partial<Record<RotationField, string>> = {};
  if (!f.name.trim()) out.name = 'common.required';
  if (!DAY.test(f.handoverDate) || !HH_MM.test(f.handoverTime)) out.handover = 'duty.rotation.handoverInvalid';
  if (f.lengthKind === 'custom' && !(Number.isInteger(f.customHours) && f.customHours >= 1 && f.customHours <= 744))
    out.customHours = 'duty.rotation.hoursRange';
  if (f.participantIds.length === 0) out.participantIds = 'duty.rotation.peopleRequired';
  if (f.windowOn && (!HH_MM.test(f.windowFrom) || !HH_MM.test(f.windowTo) || f.windowFrom === f.windowTo)) out.window = 'duty.rotation.windowInvalid';
  return out;
}

function lengthOf(f: RotationForm): ShiftLengthValue {
  return f.lengthKind === 'custom' ? { kind: 'custom', hours: f.customHours } : { kind: f.lengthKind };
}

function windowOf(f: RotationForm): RotationBody['window'] {
  if (!f.windowOn) return null;
  // every day, or none ticked: no weekday list (the contract's "every day")
  const days = [...new Set(f.windowWeekdays)].sort((a, b) => a - b);
  return { from: f.windowFrom, to: f.windowTo, ...(days.length > 0 && days.length < 7 ? { weekdays: days } : {}) };
}

export function rotationBody(f: RotationForm, orgId: string): RotationBody {
  return {
    orgId,
    name: f.name.trim(),
    startsAt: vnInstant(f.handoverDate, f.handoverTime),
    length: lengthOf(f),
    participantIds: [...f.participantIds],
    window: windowOf(f),
  };
}

export function rotationPatch(f: RotationForm, version: number): RotationPatch {
  const { orgId: _orgId, ...rest } = rotationBody(f, '');
  return { ...rest, version };
}

/**
 * A time of day as typed: "8:00", "08:00", "0800", "8h", "17h30" → "HH:mm"; null when it is not one.
 * Typed rather than a native time field, which shows "08:00 AM" in an English browser.
 */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})(?:[:hH.]?(\d{2}))?[hH]?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** `list` with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

// ---------------------------------------------------------------- overrides

export interface OverrideForm {
  userId: string | null;
  replacesUserId: string | null;
  rotationId: string | null;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  reason: string;
}

export function emptyOverrideForm(today: string): OverrideForm {
  return { userId: null, replacesUserId: null, rotationId: null, fromDate: today, fromTime: '08:00', toDate: today, toTime: '17:00', reason: '' };
}

export type OverrideField = 'userId' | 'range' | 'replacesUserId';

export function overrideErrors(f: OverrideForm): Partial<Record<OverrideField, string>> {
  const out: Partial<Record<OverrideField, string>> = {};
  if (!f.userId) out.userId = 'common.required';
  if (!DAY.test(f.fromDate) || !DAY.test(f.toDate) || !HH_MM.test(f.fromTime) || !HH_MM.test(f.toTime)) out.range = 'duty.override.rangeInvalid';
  else if (Date.parse(vnInstant(f.toDate, f.toTime)) <= Date.parse(vnInstant(f.fromDate, f.fromTime))) out.range = 'duty.override.endBeforeStart';
  if (f.userId && f.replacesUserId === f.userId) out.replacesUserId = 'duty.override.samePerson';
  return out;
}

export function overrideBody(f: OverrideForm, orgId: string): OverrideBody {
  return {
    orgId,
    rotationId: f.rotationId,
    start: vnInstant(f.fromDate, f.fromTime),
    end: vnInstant(f.toDate, f.toTime),
    userId: f.userId ?? '',
    replacesUserId: f.replacesUserId,
    reason: f.reason.trim(),
  };
}
