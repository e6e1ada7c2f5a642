import { parseAddressValue } from './address.js';
import { boundsOf } from './range.js';
import type { IdentifiedRange, IpAddress, IpRange } from './types.js';

const NONE: readonly never[] = Object.freeze([]);

/**
 * Answers "which of these ranges hold this address?" for many addresses.
 *
 * Built once: the range ends cut the 128-bit space into elementary segments, each holding the ids of
 * every range covering it (nested and overlapping ranges included), so a lookup is one binary search.
 * Memory is the sum over segments of their id lists: about 2n for disjoint or shallowly nested ranges,
 * up to n²/2 if n ranges all nest inside each other — fine for owned ranges and block lists, not for
 * adversarial input of millions of nested ranges.
 */
export class IpRangeMatcher<Id> {
  /** Segment starts, ascending. Segment i is [starts[i], starts[i+1] - 1]; the last runs to the end of the space. */
  private readonly starts: bigint[] = [];
  private readonly ids: (readonly Id[])[] = [];
  /** The position of each id's first range in the input, to answer in input order. */
  private readonly firstOrder = new Map<Id, number>();
  readonly rangeCount: number;

  constructor(entries: Iterable<IdentifiedRange<Id>>) {
    const events: { at: bigint; id: Id; delta: 1 | -1 }[] = [];
    let order = 0;
    for (const { id, range } of entries) {
      if (!this.firstOrder.has(id)) this.firstOrder.set(id, order);
      const { first, last } = boundsOf(range);
      events.push({ at: first, id, delta: 1 }, { at: last + 1n, id, delta: -1 });
      order++;
    }
    this.rangeCount = order;
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    // how many of an id's ranges cover the current point
    const active = new Map<Id, number>();
    for (let i = 0; i < events.length;) {
      const at = events[i]!.at;
      for (; i < events.length && events[i]!.at === at; i++) {
        const e = events[i]!;
        const count = (active.get(e.id) ?? 0) + e.delta;
        if (count === 0) active.delete(e.id);
        else active.set(e.id, count);
      }
      const list = active.size === 0 ? NONE : this.inInputOrder(active.keys());
      const prev = this.ids[this.ids.length - 1];
      // merge neighbours with the same ids, so adjacent feed CIDRs do not double the table
      if (prev !== undefined && sameIds(prev, list)) continue;
      this.starts.push(at);
      this.ids.push(list);
    }
  }

  /** Number of elementary segments (for tests and sizing). */
  get segmentCount(): number {
    return this.starts.length;
  }

  /** Ids of the ranges holding `ip`, in the order the ranges were given; [] for none or unparseable text. */
  match(ip: string | IpAddress): Id[] {
    let value: bigint;
    if (typeof ip === 'string') {
      const v = parseAddressValue(ip);
      if ('reason' in v) return [];
      value = v.value;
    } else {
      value = BigInt(`0x${ip.key}`);
    }
    const i = this.segmentAt(value);
    return i < 0 ? [] : [...this.ids[i]!];
  }

  /** Ids of the ranges sharing at least one address with `range`, in the order the ranges were given. */
  matchRange(range: IpRange): Id[] {
    const { first, last } = boundsOf(range);
    let i = Math.max(this.segmentAt(first), 0);
    const seen = new Set<Id>();
    for (; i < this.starts.length && this.starts[i]! <= last; i++) {
      for (const id of this.ids[i]!) seen.add(id);
    }
    return this.inInputOrder(seen.keys());
  }

  private inInputOrder(ids: Iterable<Id>): Id[] {
    return [...ids].sort((a, b) => this.firstOrder.get(a)! - this.firstOrder.get(b)!);
  }

  /** Index of the segment containing value, or -1 when value is before the first segment. */
  private segmentAt(value: bigint): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= value) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

function sameIds<Id>(a: readonly Id[], b: readonly Id[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
