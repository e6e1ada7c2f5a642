/**
 * The real lists in ../shared/data (read in place, never copied into the repository):
 * Spamhaus DROP, the MISP warninglists and the IPsum botnet list.
 */
// The parsers stay free of I/O; only this test reads the shared data files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOverlaps, IpRangeMatcher, parseIpAddress, parseIpRange, rangeContains, type IpRange } from './index.js';

const DATA = new URL('../../../../../shared/data/', import.meta.url);

function readLines(path: string): string[] {
  return readFileSync(new URL(path, DATA), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function mustParse(s: string): IpRange {
  const r = parseIpRange(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.range;
}

describe('Spamhaus DROP (iplists/spamhaus_drop_v4.cidr.txt)', () => {
  const lines = readLines('iplists/spamhaus_drop_v4.cidr.txt');
  const ranges = lines.map((s, id) => ({ id, range: mustParse(s) }));

  it('reads every line as an IPv4 CIDR that formats back to itself', () => {
    expect(lines.length).toBeGreaterThan(1600);
    for (const { id, range } of ranges) {
      expect(range.family).toBe(4);
      expect(range.cidr).toBe(lines[id]);
    }
  });

  it('finds the same overlaps as a brute-force scan', () => {
    const brute = new Set<string>();
    for (let i = 0; i < ranges.length; i++)
      for (let j = i + 1; j < ranges.length; j++) {
        const [a, b] = [ranges[i]!.range, ranges[j]!.range];
        if (a.firstKey <= b.lastKey && b.firstKey <= a.lastKey) brute.add(`${i}-${j}`);
      }
    const found = findOverlaps(ranges).map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`));
    expect(new Set(found)).toEqual(brute);
  });

  it('matches the IPsum botnet list (120k addresses) the same as a linear scan, on a sample', () => {
    const ipsum = readLines('iplists/ipsum.txt').map((l) => l.split('\t')[0]!);
    expect(ipsum.length).toBeGreaterThan(100_000);
    const matcher = new IpRangeMatcher(ranges);
    const hits = ipsum.map((ip) => matcher.match(ip));
    expect(hits.filter((h) => h.length > 0).length).toBeGreaterThan(0);
    // every 97th address checked against all 1,700 networks
    for (let i = 0; i < ipsum.length; i += 97) {
      const ip = parseIpAddress(ipsum[i]!);
      if (!ip.ok) throw new Error(ip.reason);
      const expected = ranges.filter((r) => rangeContains(r.range, ip.ip)).map((r) => r.id);
      expect(hits[i], ipsum[i]).toEqual(expected);
    }
    expect(ipsum.filter((ip) => !parseIpAddress(ip).ok)).toEqual([]);
  });
});

describe('MISP warninglists (misp-warninglists/*.json)', () => {
  const files = readdirSync(new URL('misp-warninglists/', DATA)).filter((f) => f.endsWith('.json'));

  it('reads every entry of every cidr list, bare IPs included', () => {
    expect(files.length).toBeGreaterThan(0);
    let bare = 0;
    const failures: string[] = [];
    for (const f of files) {
      const doc = JSON.parse(readFileSync(new URL(`misp-warninglists/${f}`, DATA), 'utf8')) as { type: string; list: string[] };
      expect(doc.type).toBe('cidr');
      for (const entry of doc.list) {
        const r = parseIpRange(entry, { hostBits: 'normalise' });
        if (!r.ok) failures.push(`${f}: ${r.reason}`);
        else if (!entry.includes('/')) {
          bare++;
          // a bare IP is a one-address range
          if (r.range.size !== 1n) failures.push(`${f}: ${entry} has size ${r.range.size}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(bare).toBeGreaterThan(0);
  });

  it('knows RFC 1918 space from the rfc1918 list', () => {
    const list = (JSON.parse(readFileSync(new URL('misp-warninglists/rfc1918.json', DATA), 'utf8')) as { list: string[] }).list;
    const matcher = new IpRangeMatcher(list.map((c) => ({ id: c, range: mustParse(c) })));
    expect(matcher.match('172.20.1.1')).toEqual(['172.16.0.0/12']);
    expect(matcher.match('192.168.100.5')).toEqual(['192.168.0.0/16']);
    expect(matcher.match('8.8.8.8')).toEqual([]);
  });
});
