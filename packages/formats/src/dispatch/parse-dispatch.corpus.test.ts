import { describe, expect, it } from 'vitest';
import { DISPATCH_FIELDS } from './corpus/corpus.js';
import { findCorpusCases, findSeedCases } from './corpus/corpus-files.test-support.js';
import { looksLikeDispatch, parseDispatch } from './index.js';

/*
 * Every field of every corpus text (corpus/*.txt, expectations written by hand
 * in corpus/expected-*.ts) and of the three real seeds. The bench counts the
 * same fields (bench/src/dispatch-score-bench.ts); here each must be right.
 */

const CASES = [...findCorpusCases(), ...findSeedCases()];

describe.each(CASES.map((c) => [c.expected.file, c] as const))('%s', (_file, { text, expected }) => {
  const parsed = parseDispatch(text);
  const fields = DISPATCH_FIELDS.filter((f) => f.appliesTo?.(expected) ?? true);

  it.each(fields.map((f) => [f.name, f] as const))('reads the %s', (_name, field) => {
    expect(field.actual(parsed, expected)).toEqual(field.expected(expected));
  });

  it('is taken for a dispatch, with no parse failure', () => {
    expect(looksLikeDispatch(parsed)).toBe(true);
    expect(parsed.warnings).not.toContain('Không đọc được cấu trúc văn bản, cần nhập tay');
  });
});

describe('the corpus', () => {
  it('has at least twelve texts of its own beside the seeds', () => {
    expect(findCorpusCases().length).toBeGreaterThanOrEqual(12);
  });

  it('names each text once, each with a layout of its own', () => {
    const files = CASES.map((c) => c.expected.file);
    expect(new Set(files).size).toBe(files.length);
    const layouts = CASES.map((c) => c.expected.layout);
    expect(new Set(layouts).size).toBe(layouts.length);
  });
});
