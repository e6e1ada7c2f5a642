import ipaddr from 'ipaddr.js';
import type { IpAddress, IpAddressResult, IpFamily } from './types.js';

/** Longest text worth parsing: a full IPv6 with an embedded IPv4 is 45 chars, plus a zone. */
const MAX_ADDRESS_CHARS = 100;

/** ::ffff:0:0 — where IPv4 lives in the one 128-bit key space. */
export const V4_MAPPED_BASE = 0xffff00000000n;
export const V4_MAPPED_LAST = V4_MAPPED_BASE + 0xffffffffn;
const V4_KEY_PREFIX = '00000000000000000000ffff';

const FOUR_PART_DECIMAL = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Strict dotted quad → 32-bit number, or a reason. Written out because it is the hot path for 120k-line IP lists. */
function parseV4(s: string): number | string {
  const m = FOUR_PART_DECIMAL.exec(s);
  if (!m) return 'not an IPv4 address';
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    // 010.0.0.1 is octal to some parsers and decimal to others: refuse to guess
    if (part.length > 1 && part.startsWith('0')) return `leading zero in "${part}" is ambiguous (octal or decimal)`;
    const v = Number(part);
    if (v > 255) return `octet ${part} is above 255`;
    n = n * 256 + v;
  }
  return n;
}

/** A 128-bit value in the unified key space → the IpAddress it denotes (IPv4 when inside ::ffff:0:0/96). */
export function addressFromValue(value: bigint): IpAddress {
  if (value >= V4_MAPPED_BASE && value <= V4_MAPPED_LAST) {
    // number arithmetic, not bigint: this runs for every address of a 120k-line list
    const n = Number(value - V4_MAPPED_BASE);
    return { family: 4, address: `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`, key: V4_KEY_PREFIX + n.toString(16).padStart(8, '0') };
  }
  const key = value.toString(16).padStart(32, '0');
  const parts: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) parts.push(Number((value >> shift) & 0xffffn));
  return { family: 6, address: new ipaddr.IPv6(parts).toRFC5952String(), key };
}

export function familyOfValue(value: bigint): IpFamily {
  return value >= V4_MAPPED_BASE && value <= V4_MAPPED_LAST ? 4 : 6;
}

/** Parses an address to its 128-bit value in the unified key space, or a reason. */
export function parseAddressValue(input: string): { value: bigint; zone?: string } | { reason: string } {
  if (typeof input !== 'string') return { reason: 'not a string' };
  const s = input.trim();
  if (s === '') return { reason: 'empty address' };
  if (s.length > MAX_ADDRESS_CHARS) return { reason: `address longer than ${MAX_ADDRESS_CHARS} characters` };
  if (!s.includes(':')) {
    const v4 = parseV4(s);
    if (typeof v4 === 'string') return { reason: `"${s}": ${v4}` };
    return { value: V4_MAPPED_BASE + BigInt(v4) };
  }
  if (!ipaddr.IPv6.isValid(s)) return { reason: `"${s}": not an IPv6 address` };
  const v6 = ipaddr.IPv6.parse(s);
  let value = 0n;
  for (const p of v6.parts) value = (value << 16n) | BigInt(p);
  return v6.zoneId ? { value, zone: v6.zoneId } : { value };
}

/**
 * Parses one IPv4 or IPv6 address (surrounding spaces ignored) to its normalised form.
 * Rejects what is ambiguous rather than guessing: leading-zero octets, short forms like 127.1.
 */
export function parseIpAddress(input: string): IpAddressResult {
  const parsed = parseAddressValue(input);
  if ('reason' in parsed) return { ok: false, reason: parsed.reason };
  const ip = addressFromValue(parsed.value);
  if (parsed.zone !== undefined) ip.zone = parsed.zone;
  return { ok: true, ip };
}

/** The sortable 32-hex-digit key of an address, or null when it does not parse. */
export function ipKey(input: string): string | null {
  const parsed = parseAddressValue(input);
  return 'reason' in parsed ? null : parsed.value.toString(16).padStart(32, '0');
}
