import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureLines, readFixture } from './fixtures.test-support.js';
import { hostIdentityKeys, parseOsqueryLine, parseWazuhInventory, type HostObservation, type OsqueryLineResult } from './index.js';

const osqueryLines = fixtureLines('osquery-results-windows.log')
  .concat(fixtureLines('osquery-results-linux.log'))
  .filter((l) => l !== '');
const wazuhDocs = [
  'wazuh-api-packages-ubuntu.json',
  'wazuh-api-packages-windows-page.json',
  'wazuh-api-os.json',
  'wazuh-api-hardware.json',
  'wazuh-api-netaddr.json',
  'wazuh-api-netiface.json',
  'wazuh-api-agents.json',
  'wazuh-indexer-packages-4x.json',
  'wazuh-indexer-packages-5x.ndjson',
].map(readFixture);

/** A real line or document with a slice cut out, a slice repeated, or a character swapped. */
function damaged(sources: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...sources),
      fc.nat(),
      fc.nat(),
      fc.constantFrom('cut', 'repeat', 'swap', 'truncate'),
      fc.constantFrom('"', '{', ']', ',', '1', 'null', ':', '\\'),
    )
    .map(([s, a, b, how, c]) => {
      const i = a % (s.length + 1);
      const j = Math.min(s.length, i + (b % 40));
      if (how === 'cut') return s.slice(0, i) + s.slice(j);
      if (how === 'repeat') return s.slice(0, j) + s.slice(i);
      if (how === 'swap') return s.slice(0, i) + c + s.slice(i + 1);
      return s.slice(0, i);
    });
}

/** Arbitrary JSON values, shaped like inventory at the top so the deep paths run. */
const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.record({ name: fc.jsonValue(), snapshot: fc.jsonValue(), hostIdentifier: fc.jsonValue(), unixTime: fc.jsonValue(), decorations: fc.jsonValue() }),
  fc.record({
    name: fc.constantFrom('deb_packages', 'programs', 'os_version'),
    diffResults: fc.record({
      added: fc.array(fc.dictionary(fc.constantFrom('name', 'version', 'arch', 'publisher', 'interface', 'address', 'mac', 'platform'), fc.jsonValue())),
    }),
  }),
  fc.record({
    data: fc.record({
      affected_items: fc.array(
        fc.dictionary(
          fc.constantFrom('name', 'version', 'format', 'agent_id', 'os', 'iface', 'address', 'mac', 'id', 'status', 'scan', 'board_serial'),
          fc.jsonValue(),
        ),
      ),
      total_affected_items: fc.jsonValue(),
    }),
  }),
  fc.record({
    hits: fc.record({ hits: fc.array(fc.record({ _source: fc.record({ package: fc.jsonValue(), agent: fc.jsonValue(), wazuh: fc.jsonValue() }) })) }),
  }),
);

function checkObservation(h: HostObservation): void {
  expect(['snapshot', 'added', 'removed']).toContain(h.mode);
  expect(h.observedAt === null || !Number.isNaN(h.observedAt.getTime())).toBe(true);
  expect(Array.isArray(h.identity.macs)).toBe(true);
  for (const s of h.software ?? []) {
    expect(typeof s.product === 'string' && s.product !== '').toBe(true);
    expect(typeof s.version).toBe('string');
  }
  for (const i of h.interfaces ?? []) expect(typeof i.name).toBe('string');
  for (const k of hostIdentityKeys(h.identity)) expect(k).toMatch(/^(uuid|serial|osquery|wazuh-agent|host-mac):./);
}

function checkOsquery(r: OsqueryLineResult, lineNo: number): void {
  if ('error' in r) {
    expect(r.error.line).toBe(lineNo);
    expect(r.error.message.startsWith(`line ${lineNo}: `)).toBe(true);
  } else {
    r.hosts.forEach(checkObservation);
  }
}

describe('inventory parser properties', () => {
  it('parseOsqueryLine never throws, and every error names its line', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          damaged(osqueryLines),
          jsonish.map((v) => JSON.stringify(v)),
        ),
        fc.integer({ min: 1, max: 1_000_000 }),
        (line, lineNo) => {
          checkOsquery(parseOsqueryLine(line, lineNo), lineNo);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('parseWazuhInventory never throws, on text or on parsed JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          damaged(wazuhDocs),
          jsonish.map((v) => JSON.stringify(v)),
          jsonish,
        ),
        (input) => {
          const r = parseWazuhInventory(input);
          expect(Array.isArray(r.errors)).toBe(true);
          r.hosts.forEach(checkObservation);
          for (const e of r.errors) expect(typeof e.message).toBe('string');
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a truncated snapshot line is an error for that line, never a shorter inventory', () => {
    const snapshots = osqueryLines.filter((l) => l.includes('"snapshot":['));
    fc.assert(
      fc.property(fc.constantFrom(...snapshots), fc.nat(), (line, n) => {
        const cut = 1 + (n % (line.length - 1)); // not empty (a blank line is no error), strictly shorter
        const r = parseOsqueryLine(line.slice(0, cut), 9);
        expect('error' in r ? r.error.line : 'parsed').toBe(9);
      }),
      { numRuns: 500 },
    );
  });
});
