import { isDeepStrictEqual } from 'node:util';
import { parseDispatch } from '@khien/formats';
import { DISPATCH_FIELDS } from '../../packages/formats/src/dispatch/corpus/corpus.js';
import { findCorpusCases, findSeedCases } from '../../packages/formats/src/dispatch/corpus/corpus-files.test-support.js';
import type { Row } from './directives-bench.js';

/**
 * How faithfully the dispatch parser reads the corpus of real-world layouts
 * (packages/formats/src/dispatch/corpus) and the three real seeds: one row per
 * field, counting the texts whose field comes out exactly as written by hand.
 * A quality score rather than a timing, so it is the same on every machine.
 */
export function benchDispatchScore(): Row[] {
  const cases = [...findCorpusCases(), ...findSeedCases()].map((c) => ({ expected: c.expected, parsed: parseDispatch(c.text) }));
  return DISPATCH_FIELDS.map((field) => {
    const scored = cases.filter((c) => field.appliesTo?.(c.expected) ?? true);
    const correct = scored.filter((c) => isDeepStrictEqual(field.actual(c.parsed, c.expected), field.expected(c.expected))).length;
    const pct = scored.length === 0 ? 100 : Math.round((100 * correct) / scored.length);
    return {
      target: `dispatch parser: ${field.name}`,
      workload: `${scored.length} texts`,
      measured: `${correct}/${scored.length} correct (${pct} %)`,
      goal: 'all',
      ok: correct === scored.length,
    };
  });
}
