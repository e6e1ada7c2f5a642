/**
 * The real Wazuh 4.x alerts in ../shared/data/wazuh/alerts_from_wazuh_tests.jsonl (wazuh/wazuh 4.9.0,
 * tests/integration/test_integratord), read in place, as alerts.json lines, as one posted object, and
 * turned into the body Wazuh's shuffle integration posts.
 */
import { describe, expect, it } from 'vitest';
import { readSharedData, toShuffleBody } from './alerts.test-support.js';
import { detectAlertFormat, parseAlertBody, parseAlertLines, type NormalisedAlert } from './index.js';

const TEXT = readSharedData('wazuh/alerts_from_wazuh_tests.jsonl');
const LINES = TEXT.split('\n').filter((l) => l.trim() !== '');
const ALERTS = LINES.map((l) => JSON.parse(l) as Parameters<typeof toShuffleBody>[0]);

function only(r: { alerts: NormalisedAlert[]; problems: unknown[] }): NormalisedAlert {
  expect(r.problems).toEqual([]);
  expect(r.alerts).toHaveLength(1);
  return r.alerts[0]!;
}

function expectTheSshBruteForce(a: NormalisedAlert): void {
  expect(a.dedupKey).toBe('wazuh:1652272159.1549653:000');
  expect(a.title).toBe('sshd: brute force trying to get access to the system. Non existent user.');
  expect(a.severity).toBe('high');
  expect(a.sourceSeverity).toBe('rule.level=10');
  expect(a.occurredAt?.toISOString()).toBe('2022-05-11T12:29:19.905Z');
  expect(a.ips).toEqual(['172.17.1.1']);
  expect(a.agent).toEqual({ id: '000', name: 'localhost.localdomain', ip: null });
  expect(a.hostnames).toEqual(['localhost.localdomain', 'localhost']);
  expect(a.ruleId).toBe('5712');
  expect(a.category).toBe('authentication_failures');
  expect(a.status).toBe('firing');
  expect(a.description).toContain('May 11 12:29:18 localhost sshd[17584]: Invalid user paco from 172.17.1.1 port 56404');
  expect(a.labels['rule.mitre.id']).toBe('T1110');
  expect(a.labels['data.srcuser']).toBe('paco');
  expect(a.labels.location).toBe('/var/log/secure');
}

describe('Wazuh 4.x alerts from the Wazuh test suite', () => {
  it('has the lines this test was written for', () => {
    expect(ALERTS.length).toBeGreaterThanOrEqual(2);
  });

  it('reads every line as a wazuh alert, and as auto', () => {
    for (const format of ['wazuh', 'auto'] as const) {
      const r = parseAlertLines(TEXT, format);
      expect(r.problems).toEqual([]);
      expect(r.alerts).toHaveLength(LINES.length);
      for (const a of r.alerts) {
        expect(a.format).toBe('wazuh');
        expectTheSshBruteForce(a);
      }
    }
  });

  it('reads one alert object as a posted body (what custom-khien sends)', () => {
    expect(detectAlertFormat(ALERTS[0])).toBe('wazuh');
    const a = only(parseAlertBody(ALERTS[0], 'auto'));
    expectTheSshBruteForce(a);
    expect(a.raw).toEqual(ALERTS[0]);
  });

  it('reads the Shuffle body built from the same alert to the same alert', () => {
    const direct = only(parseAlertBody(ALERTS[0], 'wazuh'));
    const body = toShuffleBody(ALERTS[0]!);
    expect(body.severity).toBe(3);
    expect(detectAlertFormat(body)).toBe('wazuh_shuffle');
    for (const format of ['wazuh_shuffle', 'auto'] as const) {
      const viaShuffle = only(parseAlertBody(body, format));
      expect(viaShuffle.format).toBe('wazuh_shuffle');
      expectTheSshBruteForce(viaShuffle);
      expect({ ...viaShuffle, format: 'wazuh', raw: null }).toEqual({ ...direct, raw: null });
      expect(viaShuffle.raw).toBe(body);
    }
  });

  it('reads a Shuffle body whose all_fields was stripped from its own fields', () => {
    const { all_fields: _, ...bare } = toShuffleBody(ALERTS[0]!);
    const a = only(parseAlertBody(bare, 'wazuh_shuffle'));
    expect(a.dedupKey).toBe('wazuh:1652272159.1549653');
    expect(a.title).toBe('sshd: brute force trying to get access to the system. Non existent user.');
    expect(a.severity).toBe('high');
    expect(a.sourceSeverity).toBe('severity=3');
    expect(a.occurredAt?.toISOString()).toBe('2022-05-11T12:29:19.905Z');
    expect(a.ruleId).toBe('5712');
  });

  it('reads the alert inside an indexer hit and a search answer', () => {
    const hit = { _index: 'wazuh-alerts-4.x-2022.05.11', _id: 'x1', _source: ALERTS[0] };
    expectTheSshBruteForce(only(parseAlertBody(hit, 'auto')));
    const r = parseAlertBody({ hits: { hits: [hit, hit] } }, 'auto');
    expect(r.alerts).toHaveLength(2);
  });
});
