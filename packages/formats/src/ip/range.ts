import { addressFromValue, parseAddressValue } from './address.js';
import type { IdentifiedRange, IpAddress, IpRange, IpRangeResult, ParseIpRangeOptions } from './types.js';

const MAX_RANGE_CHARS = 250;

/** Inclusive bounds in the unified 128-bit key space. */
export interface RangeBounds {
  first: bigint;
  last: bigint;
}

export function boundsOf(range: IpRange): RangeBounds {
  return { first: BigInt(`0x${range.firstKey}`), last: BigInt(`0x${range.lastKey}`) };
}

/** Prefix length of the CIDR covering exactly [first, last] in the 128-bit space, or null. */
function exactPrefix(first: bigint, last: bigint): number | null {
  const size = last - first + 1n;
  // a power of two, and first aligned to it
  if ((size & (size - 1n)) !== 0n || (first & (size - 1n)) !== 0n) return null;
  return 128 - (size.toString(2).length - 1);
}

/** Builds the normalised IpRange for inclusive 128-bit bounds (first <= last). */
export function rangeFromBounds(first: bigint, last: bigint): IpRange {
  const a = addressFromValue(first);
  const b = first === last ? a : addressFromValue(last);
  // a range is IPv4 only when it lies wholly inside ::ffff:0:0/96; one that straddles it is IPv6
  const family = a.family === 4 && b.family === 4 ? 4 : 6;
  // in an IPv6 range, write both ends as IPv6 even when one falls in the mapped block
  const firstText = family === 6 && a.family === 4 ? `::ffff:${a.address}` : a.address;
  const lastText = family === 6 && b.family === 4 ? `::ffff:${b.address}` : b.address;
  const prefix = exactPrefix(first, last);
  let cidr: string | null = null;
  if (prefix !== null) cidr = family === 4 ? `${firstText}/${prefix - 96}` : `${firstText}/${prefix}`;
  return { family, first: firstText, last: lastText, cidr, size: last - first + 1n, firstKey: a.key, lastKey: b.key };
}

function parseCidr(s: string, opts: ParseIpRangeOptions): IpRangeResult {
  const slash = s.indexOf('/');
  const addrText = s.slice(0, slash).trim();
  const prefixText = s.slice(slash + 1).trim();
  const addr = parseAddressValue(addrText);
  if ('reason' in addr) return { ok: false, reason: addr.reason };
  if (!/^\d{1,3}$/.test(prefixText)) return { ok: false, reason: `"${s}": prefix "${prefixText}" is not a number` };
  const isV4 = !addrText.includes(':');
  const maxPrefix = isV4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > maxPrefix) return { ok: false, reason: `"${s}": prefix /${prefix} is longer than /${maxPrefix}` };
  const bits = BigInt(maxPrefix - prefix);
  const hostMask = (1n << bits) - 1n;
  const first = addr.value & ~hostMask;
  const last = first | hostMask;
  const warnings: string[] = [];
  if (first !== addr.value) {
    const network = rangeFromBounds(first, last).cidr ?? `${addressFromValue(first).address}/${prefix}`;
    if ((opts.hostBits ?? 'reject') === 'reject') {
      return { ok: false, reason: `"${s}" has host bits set; the network is ${network}` };
    }
    warnings.push(`"${s}" has host bits set; read as ${network}`);
  }
  return { ok: true, range: rangeFromBounds(first, last), warnings };
}

/**
 * Parses an address range as people and feeds write it:
 * - one address: `1.2.3.4`, `2001:db8::1`
 * - a CIDR: `10.0.0.0/8`, `2001:db8::/32` (host bits set: see ParseIpRangeOptions.hostBits)
 * - a dash range: `1.2.3.4-1.2.3.20` (spaces around the dash allowed; both ends the same family)
 * IPv4-mapped IPv6 (::ffff:10.0.0.0/104) reads as the IPv4 range it denotes.
 */
export function parseIpRange(input: string, opts: ParseIpRangeOptions = {}): IpRangeResult {
  if (typeof input !== 'string') return { ok: false, reason: 'not a string' };
  const s = input.trim();
  if (s === '') return { ok: false, reason: 'empty range' };
  if (s.length > MAX_RANGE_CHARS) return { ok: false, reason: `range longer than ${MAX_RANGE_CHARS} characters` };
  if (s.includes('/')) return parseCidr(s, opts);
  const dash = s.indexOf('-');
  if (dash === -1) {
    const addr = parseAddressValue(s);
    if ('reason' in addr) return { ok: false, reason: addr.reason };
    return { ok: true, range: rangeFromBounds(addr.value, addr.value), warnings: [] };
  }
  const startText = s.slice(0, dash);
  const endText = s.slice(dash + 1);
  const a = parseAddressValue(startText);
  if ('reason' in a) return { ok: false, reason: `start of "${s}": ${a.reason}` };
  const b = parseAddressValue(endText);
  if ('reason' in b) return { ok: false, reason: `end of "${s}": ${b.reason}` };
  // judged by notation, so an IPv6 range written with a mapped end (::ffff:1.2.3.4-2001::) still reads back
  if (startText.includes(':') !== endText.includes(':')) return { ok: false, reason: `"${s}" mixes IPv4 and IPv6` };
  if (a.value > b.value) return { ok: false, reason: `"${s}" ends before it starts` };
  return { ok: true, range: rangeFromBounds(a.value, b.value), warnings: [] };
}

/** The canonical text of a range: its CIDR when it is one, else `first-last`. parseIpRange reads it back unchanged. */
export function formatIpRange(range: IpRange): string {
  return range.cidr ?? `${range.first}-${range.last}`;
}

/** True when the two ranges share at least one address (compared in the unified key space). */
export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  // fixed-width lower-case hex: string order is numeric order
  return a.firstKey <= b.lastKey && b.firstKey <= a.lastKey;
}

/** True when `ip` (text or parsed) lies in the range; false for unparseable text. */
export function rangeContains(range: IpRange, ip: string | IpAddress): boolean {
  let key: string;
  if (typeof ip === 'string') {
    const v = parseAddressValue(ip);
    if ('reason' in v) return false;
    key = v.value.toString(16).padStart(32, '0');
  } else {
    key = ip.key;
  }
  return range.firstKey <= key && key <= range.lastKey;
}

/**
 * Every pair of overlapping ranges, each pair once as [earlier, later] in (first asc, last desc) order.
 * Sort by start, then sweep with the still-open ranges kept sorted by end: O(n log n + k) for k pairs —
 * every range still open when another starts overlaps it, so the insertion cost is paid for by the output.
 */
export function findOverlaps<Id>(ranges: readonly IdentifiedRange<Id>[]): Array<[Id, Id]> {
  const items = ranges.map((r, i) => ({ id: r.id, first: r.range.firstKey, last: r.range.lastKey, i }));
  items.sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : x.last < y.last ? 1 : x.last > y.last ? -1 : x.i - y.i));
  const pairs: Array<[Id, Id]> = [];
  // open ranges, sorted by `last` descending so closed ones pop off the end
  const open: typeof items = [];
  for (const cur of items) {
    while (open.length > 0 && open[open.length - 1]!.last < cur.first) open.pop();
    for (const o of open) pairs.push([o.id, cur.id]);
    // insert by last, descending (binary search)
    let lo = 0;
    let hi = open.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (open[mid]!.last >= cur.last) lo = mid + 1;
      else hi = mid;
    }
    open.splice(lo, 0, cur);
  }
  return pairs;
}
