/**
 * Test and bench support: reads the corpus texts beside this file and the
 * real seeds in shared/seeds, in place. Not exported from the package.
 */
// The parser stays free of I/O; only this helper reads files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { CORPUS, resolveSeedExpectation, SEED_EXPECTATIONS, type ExpectedDispatch } from './corpus.js';

const SEEDS_DIR = new URL('../../../../../../shared/seeds/', import.meta.url);

export interface CorpusCase {
  text: string;
  expected: ExpectedDispatch;
}

export function readCorpusText(file: string): string {
  return readFileSync(new URL(file, import.meta.url), 'utf8');
}

export function findCorpusCases(): CorpusCase[] {
  return CORPUS.map((expected) => ({ text: readCorpusText(expected.file), expected }));
}

export function findSeedCases(): CorpusCase[] {
  return SEED_EXPECTATIONS.map(({ seed, expected }) => {
    const text = readFileSync(new URL(`dispatch-${seed}.txt`, SEEDS_DIR), 'utf8');
    return { text, expected: resolveSeedExpectation(expected, text) };
  });
}
