/** Test support: the hand-written inventory fixtures in test-fixtures/inventory (see the README there). */
// The parsers stay free of I/O; only this test helper reads the fixture files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../test-fixtures/inventory/', import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function fixtureLines(name: string): string[] {
  return readFixture(name).split('\n');
}
