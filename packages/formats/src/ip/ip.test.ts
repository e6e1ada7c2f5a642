import { describe, expect, it } from 'vitest';
import { findOverlaps, formatIpRange, IpRangeMatcher, ipKey, parseIpAddress, parseIpRange, rangeContains, rangesOverlap, type IpRange } from './index.js';

function range(s: string): IpRange {
  const r = parseIpRange(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.range;
}

describe('parseIpAddress', () => {
  it('normalises IPv4, IPv6 and IPv4-mapped IPv6', () => {
    expect(parseIpAddress(' 192.168.1.10 ')).toEqual({ ok: true, ip: { family: 4, address: '192.168.1.10', key: '00000000000000000000ffffc0a8010a' } });
    expect(parseIpAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toMatchObject({ ok: true, ip: { family: 6, address: '2001:db8::1' } });
    expect(parseIpAddress('::ffff:10.1.2.3')).toMatchObject({ ok: true, ip: { family: 4, address: '10.1.2.3' } });
    expect(parseIpAddress('fe80::1%eth0')).toMatchObject({ ok: true, ip: { family: 6, address: 'fe80::1', zone: 'eth0' } });
  });

  it('rejects garbage and ambiguous forms with a reason', () => {
    const reasons = ['', '1.2.3', '256.1.1.1', '010.0.0.1', '127.1', '1.2.3.4.5', 'a.b.c.d', '1::2::3', '12345::', 'x'.repeat(200)].map((s) => {
      const r = parseIpAddress(s);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.reason;
    });
    expect(reasons[3]).toMatch(/leading zero/);
    expect(reasons[2]).toMatch(/above 255/);
  });

  it('gives keys that sort like the addresses, IPv4 inside ::ffff:0:0/96', () => {
    const addrs = ['::1', '0.0.0.0', '9.255.255.255', '10.0.0.0', '255.255.255.255', '::1:0:0:0', '2001:db8::', 'ffff::'];
    const keys = addrs.map((a) => ipKey(a)!);
    expect([...keys].sort()).toEqual(keys);
    expect(ipKey('nope')).toBeNull();
  });
});

describe('parseIpRange', () => {
  it('reads single addresses, CIDRs and dash ranges', () => {
    expect(range('1.2.3.4')).toMatchObject({ family: 4, first: '1.2.3.4', last: '1.2.3.4', cidr: '1.2.3.4/32', size: 1n });
    expect(range('10.0.0.0/8')).toMatchObject({ first: '10.0.0.0', last: '10.255.255.255', cidr: '10.0.0.0/8', size: 16777216n });
    expect(range('2001:db8::/32')).toMatchObject({ family: 6, first: '2001:db8::', last: '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', size: 2n ** 96n });
    expect(range('1.2.3.4 - 1.2.3.20')).toMatchObject({ first: '1.2.3.4', last: '1.2.3.20', cidr: null, size: 17n });
    // a dash range that is exactly a CIDR is written as one
    expect(range('1.2.3.0-1.2.3.255').cidr).toBe('1.2.3.0/24');
    expect(range('::ffff:10.0.0.0/104')).toMatchObject({ family: 4, cidr: '10.0.0.0/8' });
    expect(range('0.0.0.0/0').size).toBe(2n ** 32n);
  });

  it('rejects a CIDR with host bits set, naming the network — or normalises it with a warning when asked', () => {
    expect(parseIpRange('10.0.0.1/8')).toEqual({ ok: false, reason: '"10.0.0.1/8" has host bits set; the network is 10.0.0.0/8' });
    const r = parseIpRange('10.0.0.1/8', { hostBits: 'normalise' });
    expect(r.ok && r.range.cidr).toBe('10.0.0.0/8');
    expect(r.ok && r.warnings).toEqual(['"10.0.0.1/8" has host bits set; read as 10.0.0.0/8']);
  });

  it('rejects malformed ranges with a reason', () => {
    for (const [s, re] of [
      ['10.0.0.0/33', /longer than \/32/],
      ['10.0.0.0/x', /not a number/],
      ['1.2.3.20-1.2.3.4', /ends before it starts/],
      ['1.2.3.4-2001:db8::1', /mixes IPv4 and IPv6/],
      ['1.2.3.4-', /end of/],
      ['', /empty/],
    ] as const) {
      const r = parseIpRange(s);
      expect(r.ok ? 'parsed' : r.reason, s).toMatch(re);
    }
  });

  it('formats back to text that parses to the same range', () => {
    for (const s of ['1.2.3.4', '10.0.0.0/8', '1.2.3.4-1.2.3.20', '2001:db8::/32', '::/0', '::ffff:255.255.255.0-::1:0:0:0']) {
      const r = range(s);
      expect(range(formatIpRange(r))).toEqual(r);
    }
  });
});

describe('rangesOverlap and rangeContains', () => {
  it('compare in one key space', () => {
    expect(rangesOverlap(range('10.0.0.0/8'), range('10.255.255.255-11.0.0.5'))).toBe(true);
    expect(rangesOverlap(range('10.0.0.0/8'), range('11.0.0.0/8'))).toBe(false);
    expect(rangesOverlap(range('10.0.0.0/8'), range('2001:db8::/32'))).toBe(false);
    expect(rangeContains(range('10.0.0.0/8'), '10.20.30.40')).toBe(true);
    expect(rangeContains(range('10.0.0.0/8'), '::ffff:10.20.30.40')).toBe(true);
    expect(rangeContains(range('10.0.0.0/8'), '11.0.0.0')).toBe(false);
    expect(rangeContains(range('10.0.0.0/8'), 'garbage')).toBe(false);
  });
});

describe('findOverlaps', () => {
  it('lists each overlapping pair once, nested and chained ones included', () => {
    const pairs = findOverlaps([
      { id: 'province', range: range('10.0.0.0/8') },
      { id: 'commune', range: range('10.1.0.0/16') },
      { id: 'other', range: range('11.0.0.0/8') },
      { id: 'straddle', range: range('10.255.255.255-11.0.0.0') },
      { id: 'v6', range: range('2001:db8::/32') },
    ]);
    expect(pairs).toEqual([
      ['province', 'commune'],
      ['province', 'straddle'],
      ['straddle', 'other'],
    ]);
  });
});

describe('IpRangeMatcher', () => {
  const matcher = new IpRangeMatcher([
    { id: 'province', range: range('10.0.0.0/8') },
    { id: 'commune', range: range('10.1.0.0/16') },
    { id: 'school', range: range('10.1.2.0-10.1.2.99') },
    { id: 'lab', range: range('2001:db8:1::/48') },
  ]);

  it('answers every range holding an address, nested ones included, in input order', () => {
    expect(matcher.match('10.1.2.50')).toEqual(['province', 'commune', 'school']);
    expect(matcher.match('10.1.2.100')).toEqual(['province', 'commune']);
    expect(matcher.match('10.200.0.1')).toEqual(['province']);
    expect(matcher.match('9.255.255.255')).toEqual([]);
    expect(matcher.match('2001:db8:1::42')).toEqual(['lab']);
    expect(matcher.match('not an ip')).toEqual([]);
  });

  it('answers the ranges sharing addresses with a range', () => {
    expect(matcher.matchRange(range('10.1.2.64/26'))).toEqual(['province', 'commune', 'school']);
    expect(matcher.matchRange(range('9.0.0.0/8'))).toEqual([]);
    expect(matcher.matchRange(range('::/0'))).toEqual(['province', 'commune', 'school', 'lab']);
  });

  it('merges neighbouring segments with the same ids', () => {
    const m = new IpRangeMatcher([
      { id: 1, range: range('10.0.0.0/25') },
      { id: 1, range: range('10.0.0.128/25') },
    ]);
    expect(m.segmentCount).toBe(2); // [10.0.0.0 … 10.0.0.255] → 1, then nothing
    expect(m.match('10.0.0.200')).toEqual([1]);
  });
});
