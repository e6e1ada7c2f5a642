/** Address family. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) count as 4. */
export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** Normalised text: dotted quad for IPv4 (::ffff:a.b.c.d folds to a.b.c.d), RFC 5952 for IPv6, no zone. */
  address: string;
  /**
   * 32 lowercase hex digits of the 128-bit value, IPv4 placed at ::ffff:a.b.c.d (RFC 4291 §2.5.5.2).
   * Byte order equals numeric order, so the DB can compare keys as text.
   */
  key: string;
  /** IPv6 zone (the `eth0` of fe80::1%eth0); kept out of `address` and `key`. */
  zone?: string;
}

export type IpAddressResult = { ok: true; ip: IpAddress } | { ok: false; reason: string };

export interface IpRange {
  family: IpFamily;
  /** Normalised first and last address, inclusive. */
  first: string;
  last: string;
  /** The one CIDR that covers exactly [first, last] (a single address is /32 or /128), else null. */
  cidr: string | null;
  /** Number of addresses, last - first + 1. */
  size: bigint;
  /** Sortable keys of first and last (see IpAddress.key). */
  firstKey: string;
  lastKey: string;
}

export type IpRangeResult = { ok: true; range: IpRange; warnings: string[] } | { ok: false; reason: string };

export interface ParseIpRangeOptions {
  /**
   * What to do with a CIDR whose host bits are set (10.0.0.1/8).
   * 'reject' (default): an error naming the network it probably meant — a person typing their own
   * range most likely made a mistake, and silently widening or narrowing it would misroute alerts.
   * 'normalise': use the network (10.0.0.0/8) and add a warning — for feeds, where the intent is clear.
   */
  hostBits?: 'reject' | 'normalise';
}

export interface IdentifiedRange<Id> {
  id: Id;
  range: IpRange;
}
