import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeLevel, validateAnswers } from './propose-level.js';
import { buildPack } from './test-pack.test-support.js';
import type { AnswerValue, Answers, Mark, PackQuestion, RegulationPackLike } from './types.js';

const text = { vi: 'x', en: 'x' };
const mark = fc.constantFrom<Mark>('V', 'R', '?');
const level = fc.integer({ min: 1, max: 5 });

const optionsArb = (ids: fc.Arbitrary<string[]>) =>
  ids.chain((xs) =>
    fc.tuple(...xs.map((id) => fc.record({ id: fc.constant(id), text: fc.constant(text), minLevel: fc.option(level, { nil: undefined }), mark }))),
  );

const questionArb = (id: string): fc.Arbitrary<PackQuestion> =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom<'single' | 'multi'>('single', 'multi'), optionsArb(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1 })))
      .map(([kind, options]) => ({ id, text, kind, options, mark: '?' as const })),
    optionsArb(fc.subarray(['yes', 'no'])).map((options) => ({ id, text, kind: 'boolean' as const, options, mark: '?' as const })),
    fc
      .array(
        fc.record({
          a: fc.integer({ min: -10, max: 200 }),
          w: fc.integer({ min: 1, max: 200 }),
          open: fc.constantFrom('none', 'low', 'high'),
          minLevel: level,
          mark,
        }),
        { maxLength: 4 },
      )
      .map((ts) => ({
        id,
        text,
        kind: 'number' as const,
        thresholds: ts.map((x) => ({
          gte: x.open === 'low' ? undefined : x.a,
          lt: x.open === 'high' ? undefined : x.a + x.w,
          minLevel: x.minLevel,
          text,
          mark: x.mark,
        })),
        mark: '?' as const,
      })),
  );

const packArb: fc.Arbitrary<RegulationPackLike> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArb(`q${i}`))))
  .map((questions) => buildPack({ criteria: { questions } }));

/** A well-formed answer to a question. */
function answerArb(q: PackQuestion): fc.Arbitrary<AnswerValue> {
  const ids = (q.options ?? []).map((o) => o.id);
  switch (q.kind) {
    case 'single':
      return fc.constantFrom(...ids);
    case 'multi':
      return fc.subarray(ids);
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.integer({ min: -20, max: 500 });
  }
}

/** A pack, a well-formed partial set of answers, and one more well-formed answer to add. */
const scenarioArb = packArb.chain((pack) => {
  const qs = pack.criteria.questions;
  return fc.record({
    pack: fc.constant(pack),
    answered: fc.tuple(...qs.map((q) => fc.option(answerArb(q), { nil: undefined }))),
    extraIndex: fc.nat({ max: qs.length - 1 }),
    extra: fc.tuple(...qs.map(answerArb)),
  });
});

function toAnswers(pack: RegulationPackLike, values: readonly (AnswerValue | undefined)[]): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  pack.criteria.questions.forEach((q, i) => {
    const v = values[i];
    if (v !== undefined) out[q.id] = v;
  });
  return out;
}

describe('proposeLevel properties', () => {
  it('is always 1..5, the highest reason, at least 1', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pack, answered }) => {
        const p = proposeLevel(pack, toAnswers(pack, answered));
        expect(p.level).toBeGreaterThanOrEqual(1);
        expect(p.level).toBeLessThanOrEqual(5);
        expect(p.level).toBe(Math.max(1, ...p.reasons.map((r) => r.minLevel)));
        expect(p.unanswered).toEqual(pack.criteria.questions.filter((_, i) => answered[i] === undefined).map((q) => q.id));
      }),
    );
  });

  it('never lowers the level when an answer is added to an unanswered question', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pack, answered, extraIndex, extra }) => {
        const id = pack.criteria.questions[extraIndex]!.id;
        const before = toAnswers(pack, answered);
        if (before[id] !== undefined) return;
        const after = { ...before, [id]: extra[extraIndex]! };
        expect(proposeLevel(pack, after).level).toBeGreaterThanOrEqual(proposeLevel(pack, before).level);
      }),
    );
  });

  it('never lowers the level when a multi answer gains an option', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ pack, answered }, pick) => {
        const answers = toAnswers(pack, answered);
        for (const q of pack.criteria.questions) {
          const current = answers[q.id];
          if (q.kind !== 'multi' || !Array.isArray(current)) continue;
          const ids = (q.options ?? []).map((o) => o.id);
          const added = ids[pick % ids.length]!;
          const after: Answers = { ...answers, [q.id]: [...(current as string[]), added] };
          expect(proposeLevel(pack, after).level).toBeGreaterThanOrEqual(proposeLevel(pack, answers).level);
        }
      }),
    );
  });

  it('finds nothing wrong with well-formed answers (numbers within bounds)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pack, answered }) => {
        const answers = toAnswers(pack, answered);
        for (const [k, v] of Object.entries(answers)) if (typeof v === 'number' && v < 0) answers[k] = -v;
        expect(validateAnswers(pack, answers)).toEqual([]);
      }),
    );
  });

  it('never throws on arbitrary answers', () => {
    const junk = fc.oneof(fc.string(), fc.array(fc.string()), fc.boolean(), fc.double(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(packArb, fc.dictionary(fc.constantFrom('q0', 'q1', 'q2', 'q3', 'other', '__proto__'), junk), (pack, answers) => {
        const p = proposeLevel(pack, answers as Answers);
        expect(p.level).toBeGreaterThanOrEqual(1);
        expect(Array.isArray(validateAnswers(pack, answers as Answers))).toBe(true);
      }),
    );
  });
});
