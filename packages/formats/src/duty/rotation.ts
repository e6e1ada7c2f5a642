import { localDayOf, localMidnight } from './holidays.js';
import type { Override, Rotation, Shift, ShiftLength } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A query that would deal more shifts than this is refused, not left to eat the server's memory. */
export const MAX_SHIFTS_PER_QUERY = 200_000;

export function shiftLengthMs(length: ShiftLength): number {
  if (length.kind === 'daily') return DAY;
  if (length.kind === 'weekly') return 7 * DAY;
  return length.hours * HOUR;
}

/** Minutes after local midnight of "HH:mm", or null. */
export function parseHhMm(s: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** What is wrong with a rotation (empty when nothing); shiftsBetween refuses one with problems. */
export function findRotationProblems(r: Rotation): string[] {
  const out: string[] = [];
  if (!(r.startsAt instanceof Date) || Number.isNaN(+r.startsAt)) out.push('startsAt: not a valid instant');
  if (r.endsAt && Number.isNaN(+r.endsAt)) out.push('endsAt: not a valid instant');
  if (r.length.kind === 'custom' && !(Number.isFinite(r.length.hours) && r.length.hours >= 1 && r.length.hours <= 744)) {
    out.push(`length.hours: ${r.length.hours} is outside 1–744`);
  }
  if (r.window) {
    if (parseHhMm(r.window.from) === null) out.push(`window.from: "${r.window.from}" is not HH:mm`);
    if (parseHhMm(r.window.to) === null) out.push(`window.to: "${r.window.to}" is not HH:mm`);
    for (const d of r.window.weekdays ?? []) if (!Number.isInteger(d) || d < 1 || d > 7) out.push(`window.weekdays: ${d} is not 1–7`);
  }
  return out;
}

function checkRotation(r: Rotation): void {
  const problems = findRotationProblems(r);
  if (problems.length) throw new RangeError(`rotation ${r.id}: ${problems.join('; ')}`);
}

/** 1 = Monday … 7 = Sunday of a local day number (JDN 0 was a Monday). */
export const weekdayOf = (jdn: number) => (((jdn % 7) + 7) % 7) + 1;

/** Shift n before windows and overrides, or null when the rotation has no shift n. */
export function baseShift(r: Rotation, n: number): { start: number; end: number; userId: string } | null {
  const len = shiftLengthMs(r.length);
  const start = +r.startsAt + n * len;
  const stop = r.endsAt ? +r.endsAt : Infinity;
  if (n < 0 || !Number.isInteger(n) || start >= stop || r.participants.length === 0) return null;
  return { start, end: Math.min(start + len, stop), userId: r.participants[n % r.participants.length]! };
}

/** The parts of [start, end) inside the rotation's daily window, adjacent parts joined. */
function windowPieces(r: Rotation, start: number, end: number): [number, number][] {
  if (!r.window) return [[start, end]];
  const from = parseHhMm(r.window.from)!;
  const to = parseHhMm(r.window.to)!;
  const minutes = to > from ? to - from : to + 1440 - from;
  const days = r.window.weekdays ? new Set(r.window.weekdays) : null;
  const out: [number, number][] = [];
  // from the day before: a window that opens the evening before may reach into the shift
  for (let day = localDayOf(start) - 1; day <= localDayOf(end - 1); day++) {
    if (days && !days.has(weekdayOf(day))) continue;
    const opens = +localMidnight(day) + from * 60_000;
    const a = Math.max(start, opens);
    const b = Math.min(end, opens + minutes * 60_000);
    if (a >= b) continue;
    const last = out.at(-1);
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

const applies = (o: Override, rotationId: string) => (o.rotationId === rotationId || o.rotationId === null) && +o.start < +o.end;

/** One piece of a rotation's shift with the overrides that replace its person cut in at their edges. */
function overridePiece(r: Rotation, n: number, start: number, end: number, userId: string, overrides: Override[]): Shift[] {
  const relevant = overrides.filter((o) => o.replacesUserId === userId && applies(o, r.id) && +o.start < end && +o.end > start);
  const cuts = [...new Set([start, end, ...relevant.flatMap((o) => [+o.start, +o.end]).filter((t) => t > start && t < end)])].sort((a, b) => a - b);
  const out: Shift[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    // the later override wins: it was made with the earlier one in view
    const o = relevant.findLast((x) => +x.start <= a && +x.end >= b) ?? null;
    const last = out.at(-1);
    if (last && last.overrideId === (o?.id ?? null)) {
      last.end = new Date(b);
      continue;
    }
    out.push({
      rotationId: r.id,
      index: n,
      start: new Date(a),
      end: new Date(b),
      userId: o ? o.userId : userId,
      overridden: o !== null,
      overrideId: o?.id ?? null,
      originalUserId: userId,
    });
  }
  return out;
}

const byTime = (a: Shift, b: Shift) => +a.start - +b.start || +a.end - +b.end || a.index - b.index || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

function addedShift(o: Override, rotationId: string): Shift {
  return {
    rotationId,
    index: -1,
    start: new Date(o.start),
    end: new Date(o.end),
    userId: o.userId,
    overridden: true,
    overrideId: o.id,
    originalUserId: o.userId,
  };
}

function checkRange(from: Date, to: Date): void {
  if (Number.isNaN(+from) || Number.isNaN(+to)) throw new RangeError('from/to: not a valid instant');
}

/**
 * The rotation's shifts that overlap [from, to), in time order, with their own full bounds (not
 * cut to the range, so "until 07:30 tomorrow" stays right). Overrides replace people exactly
 * between their edges, splitting a shift there; people added to this rotation come with index -1.
 */
export function shiftsBetween(rotation: Rotation, from: Date, to: Date, overrides: Override[] = []): Shift[] {
  checkRotation(rotation);
  checkRange(from, to);
  if (+to <= +from) return [];
  const len = shiftLengthMs(rotation.length);
  const first = Math.max(0, Math.floor((+from - +rotation.startsAt) / len));
  const last = Math.ceil((+to - +rotation.startsAt) / len) - 1;
  if (last - first + 1 > MAX_SHIFTS_PER_QUERY) throw new RangeError(`rotation ${rotation.id}: more than ${MAX_SHIFTS_PER_QUERY} shifts in the range`);
  const out: Shift[] = [];
  for (let n = first; n <= last; n++) {
    const base = baseShift(rotation, n);
    if (!base) break;
    for (const [a, b] of windowPieces(rotation, base.start, base.end)) {
      for (const s of overridePiece(rotation, n, a, b, base.userId, overrides)) if (+s.start < +to && +s.end > +from) out.push(s);
    }
  }
  for (const o of overrides) {
    if (o.rotationId === rotation.id && o.replacesUserId === null && +o.start < +o.end && +o.start < +to && +o.end > +from)
      out.push(addedShift(o, rotation.id));
  }
  return out.sort(byTime);
}

/** People on duty outside any rotation (overrides with rotationId and replacesUserId null) overlapping [from, to). */
export function standaloneShifts(overrides: Override[], from: Date, to: Date): Shift[] {
  return overrides
    .filter((o) => o.rotationId === null && o.replacesUserId === null && +o.start < +o.end && +o.start < +to && +o.end > +from)
    .map((o) => addedShift(o, ''))
    .sort(byTime);
}

/** Everyone on duty at an instant, overrides applied: exactly the shifts of shiftsBetween that contain it. */
export function onDutyAt(rotations: Rotation[], overrides: Override[], at: Date): Shift[] {
  // Dates are whole milliseconds, so a shift overlaps [at, at + 1 ms) exactly when it contains at
  const next = new Date(+at + 1);
  return [...rotations.flatMap((r) => shiftsBetween(r, at, next, overrides)), ...standaloneShifts(overrides, at, next)].sort(byTime);
}

/**
 * Shifts a and b trade people, as two overrides over the whole of each shift (so a swap is stored,
 * shown and undone like any other override). Same person on both, or a = b: nothing to swap, [].
 */
export function swapShifts(rotation: Rotation, a: number, b: number, idPrefix: string): Override[] {
  checkRotation(rotation);
  const sa = baseShift(rotation, a);
  const sb = baseShift(rotation, b);
  if (!sa || !sb) throw new RangeError(`rotation ${rotation.id}: no shift ${!sa ? a : b}`);
  if (a === b || sa.userId === sb.userId) return [];
  const reason = `swap #${a} <-> #${b}`;
  return [
    { id: `${idPrefix}-a`, rotationId: rotation.id, start: new Date(sa.start), end: new Date(sa.end), userId: sb.userId, replacesUserId: sa.userId, reason },
    { id: `${idPrefix}-b`, rotationId: rotation.id, start: new Date(sb.start), end: new Date(sb.end), userId: sa.userId, replacesUserId: sb.userId, reason },
  ];
}

/**
 * A change of people in a running rotation, without re-dealing the past or skipping anyone.
 * Editing `participants` in place would move everybody (shift n → participants[n % length] from
 * shift 0), so instead the rotation ends at the first handover at or after `at` and a successor
 * starts there with the new list, turned so that it begins with the person who was due at that
 * handover — or, if they left, the next one of the old order who stays. The caller's order is
 * kept otherwise: newcomers go where the caller put them. Whoever is on duty at `at` finishes
 * their shift. A person listed twice continues from the same occurrence.
 */
export function changeParticipants(input: { rotation: Rotation; participants: string[]; at: Date; newId: string }): {
  ended: Rotation;
  next: Rotation;
  handoverAt: Date;
} {
  const { rotation, participants, at, newId } = input;
  checkRotation(rotation);
  if (participants.length === 0) throw new RangeError('participants: at least one person');
  const len = shiftLengthMs(rotation.length);
  const n = Math.max(0, Math.ceil((+at - +rotation.startsAt) / len));
  const handoverAt = new Date(+rotation.startsAt + n * len);
  if (rotation.endsAt && +handoverAt >= +rotation.endsAt) throw new RangeError(`rotation ${rotation.id} ends before its next handover`);
  const old = rotation.participants;
  let head = 0;
  for (let step = 0; step < old.length; step++) {
    const pos = (n + step) % old.length;
    const person = old[pos]!;
    // which occurrence of that person the old slot is, so a person listed twice continues in step
    const occurrence = old.slice(0, pos).filter((p) => p === person).length;
    const positions = participants.flatMap((p, i) => (p === person ? [i] : []));
    if (positions.length) {
      head = positions[occurrence] ?? positions[0]!;
      break;
    }
  }
  return {
    ended: { ...rotation, endsAt: handoverAt },
    next: {
      ...rotation,
      id: newId,
      startsAt: handoverAt,
      participants: [...participants.slice(head), ...participants.slice(0, head)],
      endsAt: rotation.endsAt ?? null,
    },
    handoverAt,
  };
}
