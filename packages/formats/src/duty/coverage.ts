import { dayOfIso, localDayOf, localMidnight, vietnamHolidays } from './holidays.js';
import { shiftsBetween, standaloneShifts } from './rotation.js';
import type { Gap, GapReasonCode, HolidayOverride, MandatoryPeriod, Override, Rotation, Unavailability } from './types.js';
import { fromJulianDayNumber } from './lunar.js';

type Reason = Gap['reasons'][number];
type Interval = [number, number];

/** The order reasons are listed in: the cause first, then the periods, so the UI can show reasons[0]. */
const ORDER: GapReasonCode[] = ['no_one', 'unavailable_person', 'tet', 'holiday', 'alert_period'];
const reasonOrder = (a: Reason, b: Reason) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code) || (a.label ?? '').localeCompare(b.label ?? '');

export interface CoverageInput {
  rotations: Rotation[];
  overrides: Override[];
  from: Date;
  to: Date;
  mandatory?: MandatoryPeriod[];
  unavailable?: Unavailability[];
  holidayOverrides?: HolidayOverride[];
}

/** [start, end) minus the holes, in order. */
function subtract([start, end]: Interval, holes: Interval[]): Interval[] {
  const out: Interval[] = [];
  let at = start;
  for (const [a, b] of [...holes].sort((x, y) => x[0] - y[0])) {
    if (b <= at || a >= end) continue;
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < end) out.push([at, end]);
  return out;
}

function intersect([start, end]: Interval, others: Interval[]): Interval[] {
  return others.map(([a, b]): Interval => [Math.max(a, start), Math.min(b, end)]).filter(([a, b]) => a < b);
}

/**
 * Gaps in 24/7 coverage in [from, to): the times when nobody available is on duty, across all the
 * given rotations and overrides (people added outside rotations count too). Each gap says why:
 * `no_one` (nobody scheduled) or `unavailable_person` (label: the user id) for a shift whose person
 * cannot take it — that shift stays a gap, it is never handed to the next person — then the
 * periods it lies in: Vietnam's holidays and Tết days (computed, whole local days) and the given
 * mandatory periods. A gap inside any of those is `mandatory`. Gaps are cut where their reasons
 * change (a gap from 20:00 on 31/12 to 08:00 on 1/1 is two gaps, only the second mandatory), and
 * adjacent pieces with the same reasons are merged. The Tết alert period is not added by itself:
 * pass `tetAlertPeriod(year)` in `mandatory` to have it.
 */
export function coverageGaps(input: CoverageInput): Gap[] {
  const from = +input.from;
  const to = +input.to;
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('from/to: not a valid instant');
  if (to <= from) return [];
  const range: Interval = [from, to];

  // +1/−1 events swept in time order; each kind keeps its own counters
  const events: { t: number; kind: 'cover' | 'away' | 'period'; key: string; delta: 1 | -1; reason?: Reason }[] = [];
  const span = (kind: 'cover' | 'away' | 'period', [a, b]: Interval, key: string, reason?: Reason) => {
    events.push({ t: a, kind, key, delta: 1, reason }, { t: b, kind, key, delta: -1, reason });
  };

  const awayOf = new Map<string, Interval[]>();
  for (const u of input.unavailable ?? []) {
    const list = awayOf.get(u.userId) ?? [];
    list.push([u.start ? +u.start : -Infinity, u.end ? +u.end : Infinity]);
    awayOf.set(u.userId, list);
  }
  const shifts = [
    ...input.rotations.flatMap((r) => shiftsBetween(r, input.from, input.to, input.overrides)),
    ...standaloneShifts(input.overrides, input.from, input.to),
  ];
  for (const s of shifts) {
    const [piece] = intersect(range, [[+s.start, +s.end]]);
    if (!piece) continue;
    const away = awayOf.get(s.userId) ?? [];
    for (const part of subtract(piece, away)) span('cover', part, '');
    for (const part of intersect(piece, away)) span('away', part, s.userId);
  }

  const firstYear = fromJulianDayNumber(localDayOf(from)).y;
  const lastYear = fromJulianDayNumber(localDayOf(to - 1)).y;
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of vietnamHolidays(year, input.holidayOverrides)) {
      const day = dayOfIso(h.date)!;
      const [part] = intersect(range, [[+localMidnight(day), +localMidnight(day + 1)]]);
      if (part) span('period', part, `h:${h.date}`, { code: h.kind === 'tet' ? 'tet' : 'holiday', label: h.name.vi });
    }
  }
  (input.mandatory ?? []).forEach((p, i) => {
    const [part] = intersect(range, [[+p.start, +p.end]]);
    if (part) span('period', part, `m:${i}`, { code: 'alert_period', label: p.label });
  });

  events.sort((a, b) => a.t - b.t);
  let covered = 0;
  const away = new Map<string, number>();
  const periods = new Map<string, { count: number; reason: Reason }>();
  const gaps: (Gap & { key: string })[] = [];
  let at = from;
  let i = 0;
  while (at < to) {
    while (i < events.length && events[i]!.t <= at) {
      const e = events[i++]!;
      if (e.kind === 'cover') covered += e.delta;
      else if (e.kind === 'away') away.set(e.key, (away.get(e.key) ?? 0) + e.delta);
      else {
        const p = periods.get(e.key) ?? { count: 0, reason: e.reason! };
        p.count += e.delta;
        periods.set(e.key, p);
      }
    }
    const next = Math.min(to, events[i]?.t ?? to);
    if (covered === 0) {
      const people = [...away].filter(([, n]) => n > 0).map(([userId]): Reason => ({ code: 'unavailable_person', label: userId }));
      const context = [...periods.values()].filter((p) => p.count > 0).map((p) => p.reason);
      const reasons = [...(people.length ? people : [{ code: 'no_one' as const }]), ...context].sort(reasonOrder);
      const key = JSON.stringify(reasons);
      const last = gaps.at(-1);
      if (last && +last.end === at && last.key === key) last.end = new Date(next);
      else gaps.push({ start: new Date(at), end: new Date(next), mandatory: context.length > 0, reasons, key });
    }
    at = next;
  }
  return gaps.map(({ key: _key, ...gap }) => gap);
}
