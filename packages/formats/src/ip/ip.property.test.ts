import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { findOverlaps, formatIpRange, IpRangeMatcher, parseIpAddress, parseIpRange, rangeContains, rangesOverlap, type IpRange } from './index.js';

// Pieces of addresses and ranges, so random strings reach the CIDR, dash and IPv6 paths.
const PIECES = ['1', '0', '10', '255', '256', '010', '.', '.', ':', '::', 'ffff', 'db8', '/', '/8', '/32', '/128', '-', ' ', '%eth0', 'x', '2001', 'fe80'];
const ipish = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), ipish);

const octet = fc.integer({ min: 0, max: 255 });
const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const v6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((parts) => new ipaddr.IPv6(parts).toNormalizedString());

/** Ranges crowded into 10.0.0.0/22, so that overlaps and nesting are common. */
const crowdedRange = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 1023 }), fc.integer({ min: 0, max: 200 })).map(([start, len]) => {
    const a = (n: number) => `10.0.${n >> 8}.${n & 255}`;
    return `${a(start)}-${a(Math.min(1023, start + len))}`;
  }),
  fc.tuple(fc.integer({ min: 0, max: 1023 }), fc.integer({ min: 22, max: 32 })).map(([n, p]) => {
    const size = 2 ** (32 - p);
    const base = n - (n % size);
    return `10.0.${base >> 8}.${base & 255}/${p}`;
  }),
);

function parsed(s: string): IpRange {
  const r = parseIpRange(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.range;
}

const pairKey = ([a, b]: [number, number]): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

describe('ip properties', () => {
  it('never throws on arbitrary text, and every answer is ok with a value or not ok with a reason', () => {
    fc.assert(
      // a boolean predicate, not expect(): thousands of runs stay fast
      fc.property(anyText, (s) => {
        const a = parseIpAddress(s);
        const r = parseIpRange(s);
        const n = parseIpRange(s, { hostBits: 'normalise' });
        return (
          typeof (a.ok ? a.ip.address : a.reason) === 'string' &&
          typeof (r.ok ? r.range.first : r.reason) === 'string' &&
          typeof (n.ok ? n.range.first : n.reason) === 'string'
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('normalisation is idempotent: a parsed range formats to text that parses to the same range', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          crowdedRange,
          v4,
          v6,
          fc.tuple(v6, fc.integer({ min: 0, max: 128 })).map(([a, p]) => `${a}/${p}`),
        ),
        (s) => {
          const r = parseIpRange(s, { hostBits: 'normalise' });
          if (!r.ok) return;
          const again = parseIpRange(formatIpRange(r.range));
          expect(again.ok && again.range).toEqual(r.range);
          expect(again.ok && again.warnings).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with ipaddr.js on valid addresses', () => {
    fc.assert(
      fc.property(fc.oneof(v4, v6), (s) => {
        const r = parseIpAddress(s);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const ref = ipaddr.process(s); // folds IPv4-mapped IPv6 to IPv4, as we do
        expect(r.ip.address).toBe(ref.toString());
        expect(parseIpAddress(r.ip.address)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('findOverlaps equals the brute-force O(n²) answer', () => {
    fc.assert(
      fc.property(fc.array(crowdedRange, { maxLength: 60 }), (texts) => {
        const ranges = texts.map((t, id) => ({ id, range: parsed(t) }));
        const expected = new Set<string>();
        for (let i = 0; i < ranges.length; i++)
          for (let j = i + 1; j < ranges.length; j++) if (rangesOverlap(ranges[i]!.range, ranges[j]!.range)) expected.add(pairKey([i, j]));
        const got = findOverlaps(ranges).map(pairKey);
        expect(got.length).toBe(new Set(got).size); // each pair once
        expect(new Set(got)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('IpRangeMatcher answers what a linear scan answers', () => {
    const probe = fc.integer({ min: 0, max: 1100 }).map((n) => `10.0.${n >> 8}.${n & 255}`);
    fc.assert(
      fc.property(
        fc.array(crowdedRange, { maxLength: 40 }),
        fc.array(probe, { maxLength: 30 }),
        fc.array(crowdedRange, { maxLength: 5 }),
        (texts, ips, queries) => {
          const ranges = texts.map((t, id) => ({ id, range: parsed(t) }));
          const m = new IpRangeMatcher(ranges);
          for (const ip of ips) expect(m.match(ip)).toEqual(ranges.filter((r) => rangeContains(r.range, ip)).map((r) => r.id));
          for (const q of queries) {
            const qr = parsed(q);
            expect(m.matchRange(qr)).toEqual(ranges.filter((r) => rangesOverlap(r.range, qr)).map((r) => r.id));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
