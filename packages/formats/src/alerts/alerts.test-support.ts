/** Test support: the hand-made fixtures in test-fixtures/alerts, the real files in ../shared/data, and a Shuffle body builder. */
// The parsers stay free of I/O; only this test helper reads files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../test-fixtures/alerts/', import.meta.url);
const DATA = new URL('../../../../../shared/data/', import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(readFixture(name)) as unknown;
}

export function readSharedData(path: string): string {
  return readFileSync(new URL(path, DATA), 'utf8');
}

type WazuhAlert = { rule: { level: number; id: string; description?: string }; full_log?: string; timestamp: string; id: string };

/**
 * The body Wazuh 4.x's integrations/shuffle.py posts for an alert, written out from reading that script
 * (generate_msg): severity 1 for level ≤ 4, 2 for 5–7, 3 above; the rule description or "N/A" as title;
 * full_log (or null) as text; the whole alert as all_fields; then the <options> object merged over the top.
 */
export function toShuffleBody(alert: WazuhAlert, options: Record<string, unknown> = {}): Record<string, unknown> {
  const level = alert.rule.level;
  const severity = level <= 4 ? 1 : level <= 7 ? 2 : 3;
  return {
    severity,
    pretext: 'WAZUH Alert',
    title: alert.rule.description !== undefined ? alert.rule.description : 'N/A',
    text: alert.full_log ?? null,
    rule_id: alert.rule.id,
    timestamp: alert.timestamp,
    id: alert.id,
    all_fields: alert,
    ...options,
  };
}
