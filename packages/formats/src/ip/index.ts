export { ipKey, parseIpAddress } from './address.js';
export { findOverlaps, formatIpRange, parseIpRange, rangeContains, rangesOverlap } from './range.js';
export { IpRangeMatcher } from './matcher.js';
export type { IdentifiedRange, IpAddress, IpAddressResult, IpFamily, IpRange, IpRangeResult, ParseIpRangeOptions } from './types.js';
