import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeParticipants,
  coverageGaps,
  onDutyAt,
  rowsToAssignments,
  shiftLengthMs,
  shiftsBetween,
  shiftsToRows,
  type Override,
  type Rotation,
  type Shift,
} from './index.js';

const H = 3_600_000;
const MIN = 60_000;
const POOL = ['an', 'binh', 'chi', 'dung', 'em', 'giang', 'hoa'];
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const rotationArb = (id: string, withWindow: boolean) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    startsAt: fc.integer({ min: Date.UTC(2020, 0, 1) / MIN, max: Date.UTC(2030, 0, 1) / MIN }).map((m) => new Date(m * MIN)),
    length: fc.oneof(
      fc.constant({ kind: 'daily' as const }),
      fc.constant({ kind: 'weekly' as const }),
      fc.integer({ min: 1, max: 48 }).map((hours) => ({ kind: 'custom' as const, hours })),
    ),
    participants: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 5 }),
    ...(withWindow
      ? {
          window: fc.option(
            fc.record({ from: hhmm, to: hhmm, weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), { nil: undefined }) }),
            { nil: undefined },
          ),
        }
      : {}),
  }) as fc.Arbitrary<Rotation>;

/** Overrides around a rotation's start: replacing, adding, in it or in every rotation, on their own. */
const overridesArb = (base: Date) =>
  fc
    .array(
      fc.record({
        offset: fc.integer({ min: -48 * 60, max: 20 * 24 * 60 }),
        minutes: fc.integer({ min: 0, max: 72 * 60 }),
        userId: fc.constantFrom(...POOL),
        replacesUserId: fc.option(fc.constantFrom(...POOL), { nil: null }),
        rotationId: fc.constantFrom('r1', 'r2', null),
      }),
      { maxLength: 8 },
    )
    .map((list) =>
      list.map((o, i): Override => {
        const start = new Date(+base + o.offset * MIN);
        return { id: `o${i}`, rotationId: o.rotationId, start, end: new Date(+start + o.minutes * MIN), userId: o.userId, replacesUserId: o.replacesUserId };
      }),
    );

const scenario = fc
  .tuple(rotationArb('r1', true), rotationArb('r2', true))
  .chain(([r1, r2]) =>
    fc.tuple(
      fc.constant<Rotation[]>([r1, { ...r2, startsAt: new Date(+r1.startsAt + ((+r2.startsAt % (10 * 24 * H)) - 5 * 24 * H)) }]),
      overridesArb(r1.startsAt),
    ),
  );

const key = (s: Shift) => `${s.rotationId}|${s.index}|${+s.start}|${+s.end}|${s.userId}|${s.overrideId}`;

describe('rotation properties', () => {
  it('gives every participant exactly k shifts over k full cycles', () => {
    fc.assert(
      fc.property(rotationArb('r1', false), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 50 }), (r, k, skip) => {
        const len = shiftLengthMs(r.length);
        const from = new Date(+r.startsAt + skip * len);
        const to = new Date(+from + k * r.participants.length * len);
        const counts = new Map<string, number>();
        for (const s of shiftsBetween(r, from, to)) counts.set(s.userId, (counts.get(s.userId) ?? 0) + 1);
        return r.participants.every((p) => counts.get(p) === k) && counts.size === r.participants.length;
      }),
      { numRuns: 300 },
    );
  });

  it('tiles time with no gap and no overlap, overrides or not (their edges only split shifts)', () => {
    fc.assert(
      fc.property(scenario, ([[r], overrides]) => {
        const rotation = { ...r!, window: undefined };
        const from = new Date(+rotation.startsAt);
        const to = new Date(+from + 15 * 24 * H);
        const own = shiftsBetween(rotation, from, to, overrides).filter((s) => s.index >= 0);
        expect(own[0]!.start).toEqual(from);
        expect(+own.at(-1)!.end).toBeGreaterThanOrEqual(+to);
        for (let i = 1; i < own.length; i++) expect(own[i]!.start).toEqual(own[i - 1]!.end);
        // every override edge inside a shift of the person it replaces is a cut
        for (const o of overrides.filter((x) => x.replacesUserId !== null && (x.rotationId ?? 'r1') === 'r1' && +x.end > +x.start)) {
          for (const edge of [+o.start, +o.end]) {
            const inside = own.find((s) => +s.start < edge && edge < +s.end);
            // …unless a later override covers both sides of it
            if (inside && inside.originalUserId === o.replacesUserId)
              expect(overrides.findIndex((x) => x.id === inside.overrideId)).toBeGreaterThan(overrides.indexOf(o));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('onDutyAt(t) is exactly the shifts of shiftsBetween that contain t', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: -3 * 24 * 60, max: 25 * 24 * 60 }),
        fc.nat(),
        fc.constantFrom(0, -1, 1, 30_000),
        ([rotations, overrides], minutes, pick, ms) => {
          const from = new Date(+rotations[0]!.startsAt - 7 * 24 * H);
          const to = new Date(+from + 40 * 24 * H);
          const all = rotations.flatMap((r) => shiftsBetween(r, from, to, overrides));
          // half the time on a shift's edge, where off-by-one errors live, a millisecond either side
          const edges = all.flatMap((s) => [+s.start, +s.end]).filter((e) => e > +from && e < +to - MIN);
          const t = new Date((pick % 2 && edges.length ? edges[pick % edges.length]! : +rotations[0]!.startsAt + minutes * MIN) + ms);
          const standalone = overrides.filter((o) => o.rotationId === null && o.replacesUserId === null && o.start <= t && t < o.end).length;
          const expected = all.filter((s) => s.start <= t && t < s.end);
          const got = onDutyAt(rotations, overrides, t);
          expect(
            got
              .filter((s) => s.rotationId !== '')
              .map(key)
              .sort(),
          ).toEqual(expected.map(key).sort());
          expect(got.filter((s) => s.rotationId === '')).toHaveLength(standalone);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never skips anyone when people leave: the successor deals the old order without them', () => {
    fc.assert(
      fc.property(rotationArb('r1', false), fc.integer({ min: 0, max: 40 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (r, shiftNo, leaves) => {
        const stay = r.participants.filter((_, i) => !leaves[i]);
        if (stay.length === 0) return;
        const len = shiftLengthMs(r.length);
        const at = new Date(+r.startsAt + shiftNo * len - 1);
        const { ended, next, handoverAt } = changeParticipants({ rotation: r, participants: stay, at, newId: 'r1b' });
        const horizon = new Date(+handoverAt + 3 * r.participants.length * len);
        const before = shiftsBetween(r, r.startsAt, handoverAt).map((s) => s.userId);
        expect(shiftsBetween(ended, r.startsAt, horizon).map((s) => s.userId)).toEqual(before);
        const old = shiftsBetween(r, handoverAt, new Date(+handoverAt + 3 * r.participants.length * len)).map((s) => s.userId);
        const now = shiftsBetween(next, handoverAt, horizon).map((s) => s.userId);
        expect(now.slice(0, 2 * stay.length)).toEqual(old.filter((p) => stay.includes(p)).slice(0, 2 * stay.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe('coverage properties', () => {
  it('gaps and the time of available people on duty add up to the range, never overlapping', () => {
    fc.assert(
      fc.property(scenario, fc.subarray(POOL), ([rotations, overrides], away) => {
        const from = new Date(+rotations[0]!.startsAt - 2 * 24 * H);
        const to = new Date(+from + 20 * 24 * H);
        const gaps = coverageGaps({ rotations, overrides, from, to, unavailable: away.map((userId) => ({ userId })) });
        const onDuty = [
          ...rotations.flatMap((r) => shiftsBetween(r, from, to, overrides)),
          ...overrides.filter((o) => o.rotationId === null && o.replacesUserId === null),
        ]
          .filter((s) => !away.includes(s.userId))
          .map((s): [number, number] => [Math.max(+s.start, +from), Math.min(+s.end, +to)])
          .filter(([a, b]) => a < b)
          .sort((a, b) => a[0] - b[0]);
        let covered = 0;
        let reach = +from;
        for (const [a, b] of onDuty) {
          covered += Math.max(0, b - Math.max(a, reach));
          reach = Math.max(reach, b);
        }
        const gapTime = gaps.reduce((sum, g) => sum + (+g.end - +g.start), 0);
        expect(gapTime + covered).toBe(+to - +from);
        for (const [i, g] of gaps.entries()) {
          expect(+g.start).toBeLessThan(+g.end);
          if (i > 0) expect(+g.start).toBeGreaterThanOrEqual(+gaps[i - 1]!.end);
          expect(onDuty.some(([a, b]) => a < +g.end && b > +g.start)).toBe(false);
          expect(g.mandatory).toBe(g.reasons.some((x) => x.code !== 'no_one' && x.code !== 'unavailable_person'));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('roster row properties', () => {
  it('never throws on whatever a spreadsheet reader hands over', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.date({ noInvalidDate: false }),
      fc.constantFrom(null, undefined, true, '31/02/2026', '7h30', '24:00', '29/02/2024'),
      fc.object(),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.nat(), date: cell, from: cell, to: cell, person: cell, note: cell }), { maxLength: 10 }), (rows) => {
        const r = rowsToAssignments(rows);
        return (
          r.assignments.every((a) => +a.end > +a.start && +a.end - +a.start <= 24 * H) &&
          r.problems.every((p) => p.message.vi.length > 0 && p.message.en.length > 0)
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back the rows it writes: the same people for the same minutes', () => {
    fc.assert(
      fc.property(rotationArb('r1', true), (r) => {
        const shifts = shiftsBetween(r, r.startsAt, new Date(+r.startsAt + 10 * 24 * H));
        const { assignments, problems } = rowsToAssignments(shiftsToRows(shifts, {}).map((x, i) => ({ row: i + 2, ...x })));
        expect(problems).toEqual([]);
        const total = (list: { start: Date; end: Date }[]) => list.reduce((s, x) => s + (+x.end - +x.start), 0);
        expect(total(assignments)).toBe(total(shifts));
        expect(assignments.map((a) => a.person)).toEqual(shiftsToRows(shifts, {}).map((x) => x.person));
        expect(assignments[0]?.start ?? null).toEqual(shifts[0]?.start ?? null);
      }),
      { numRuns: 200 },
    );
  });
});
