/**
 * An immutable set of addresses, kept per version as sorted, disjoint, non-adjacent ranges (netipx.IPSet).
 * Because the ranges are merged, "is this block covered by the union" is one binary search: the only range
 * that can cover a block is the last one starting at or before the block's first address.
 *
 * IPv4 bounds live in Float64Arrays (exact below 2^53) so queries compare doubles; IPv6 bounds stay bigints.
 * The starts carry a bucket index (start-index.ts) that keeps the search within cache.
 */
import type { IpVersion } from './address.js';
import { maxAddress } from './address.js';
import { makeRange, rangeToCidrs } from './cidr.js';
import type { Cidr, IpRange } from './cidr.js';
import { V4StartIndex, V6StartIndex } from './start-index.js';

interface MutableRange {
  first: bigint;
  last: bigint;
}

export class IpSet {
  private readonly v4Index: V4StartIndex;
  private readonly v6Index: V6StartIndex;

  private constructor(
    private readonly v4First: Float64Array,
    private readonly v4Last: Float64Array,
    private readonly v6First: readonly bigint[],
    private readonly v6Last: readonly bigint[]
  ) {
    this.v4Index = new V4StartIndex(v4First);
    this.v6Index = new V6StartIndex(v6First);
  }

  static readonly EMPTY = new IpSet(new Float64Array(0), new Float64Array(0), [], []);

  /** Sorts and merges the ranges (overlapping and adjacent ones), per version. Throws on an invalid range. */
  static build(ranges: Iterable<IpRange>): IpSet {
    const v4: MutableRange[] = [];
    const v6: MutableRange[] = [];
    for (const r of ranges) {
      if (r.version !== 4 && r.version !== 6) throw new RangeError(`unknown IP version ${String(r.version)}`);
      if (r.first < 0n || r.first > r.last || r.last > maxAddress(r.version)) {
        throw new RangeError(`invalid IPv${r.version} range ${r.first}-${r.last}`);
      }
      (r.version === 4 ? v4 : v6).push({ first: r.first, last: r.last });
    }
    const merged4 = merge(v4);
    const merged6 = merge(v6);
    const v4First = new Float64Array(merged4.length);
    const v4Last = new Float64Array(merged4.length);
    merged4.forEach((r, i) => {
      v4First[i] = Number(r.first);
      v4Last[i] = Number(r.last);
    });
    return new IpSet(
      v4First,
      v4Last,
      merged6.map((r) => r.first),
      merged6.map((r) => r.last)
    );
  }

  get isEmpty(): boolean {
    return this.v4First.length === 0 && this.v6First.length === 0;
  }

  /** Number of merged ranges of the version. */
  rangeCount(version: IpVersion): number {
    return version === 4 ? this.v4First.length : this.v6First.length;
  }

  /** Whether every address of `r` is in the set. Throws on an inverted range rather than answer for it. */
  covers(r: IpRange): boolean {
    if (r.version === 4) {
      const first = Number(r.first);
      const last = Number(r.last);
      if (first > last) throw invertedRange(r);
      const i = this.v4Index.lastAtOrBefore(first);
      return i >= 0 && (this.v4Last[i] as number) >= last;
    }
    if (r.first > r.last) throw invertedRange(r);
    const i = this.v6Index.lastAtOrBefore(r.first);
    return i >= 0 && (this.v6Last[i] as bigint) >= r.last;
  }

  /** Whether the address is in the set. */
  contains(version: IpVersion, address: bigint): boolean {
    return this.covers({ version, first: address, last: address });
  }

  /** Whether some address of `r` is in the set. */
  overlaps(r: IpRange): boolean {
    if (r.first > r.last) throw invertedRange(r);
    const { last } = this.bounds(r.version);
    const i = this.indexAtOrBefore(r.version, r.last);
    // The range starting at or before r.last with the highest start is the only candidate that can reach r.
    return i >= 0 && last(i) >= r.first;
  }

  /** The addresses of `r` that are not in the set, as a minimal CIDR list in address order. */
  uncovered(r: IpRange): Cidr[] {
    if (r.first > r.last) throw invertedRange(r);
    const { first, last, count } = this.bounds(r.version);
    const out: Cidr[] = [];
    let cursor = r.first;
    let i = this.indexAtOrBefore(r.version, r.first);
    if (i < 0) i = 0;
    for (; i < count && first(i) <= r.last; i++) {
      const rangeLast = last(i);
      if (rangeLast < cursor) continue;
      const rangeFirst = first(i);
      if (rangeFirst > cursor) out.push(...rangeToCidrs(makeRange(r.version, cursor, rangeFirst - 1n)));
      if (rangeLast >= r.last) return out;
      cursor = rangeLast + 1n;
    }
    out.push(...rangeToCidrs(makeRange(r.version, cursor, r.last)));
    return out;
  }

  /** The merged ranges of the version, in order. */
  ranges(version: IpVersion): IpRange[] {
    const { first, last, count } = this.bounds(version);
    const out: IpRange[] = [];
    for (let i = 0; i < count; i++) out.push(makeRange(version, first(i), last(i)));
    return out;
  }

  /** The set as a minimal CIDR list of the version, in order. */
  cidrs(version: IpVersion): Cidr[] {
    return this.ranges(version).flatMap(rangeToCidrs);
  }

  /** Index of the last range of the version starting at or before `address`, or -1. */
  private indexAtOrBefore(version: IpVersion, address: bigint): number {
    return version === 4 ? this.v4Index.lastAtOrBefore(Number(address)) : this.v6Index.lastAtOrBefore(address);
  }

  /** Bigint views of one version's bounds, for the queries that are not on the hot path. */
  private bounds(version: IpVersion): { first: (i: number) => bigint; last: (i: number) => bigint; count: number } {
    if (version === 4) {
      const f = this.v4First;
      const l = this.v4Last;
      return { first: (i) => BigInt(f[i] as number), last: (i) => BigInt(l[i] as number), count: f.length };
    }
    const f = this.v6First;
    const l = this.v6Last;
    return { first: (i) => f[i] as bigint, last: (i) => l[i] as bigint, count: f.length };
  }
}

function invertedRange(r: IpRange): RangeError {
  return new RangeError(`invalid IPv${r.version} range ${r.first}-${r.last}: first is after last`);
}

function merge(ranges: MutableRange[]): MutableRange[] {
  ranges.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: MutableRange[] = [];
  let current: MutableRange | undefined;
  for (const r of ranges) {
    if (current && r.first <= current.last + 1n) {
      if (r.last > current.last) current.last = r.last;
    } else {
      current = { first: r.first, last: r.last };
      out.push(current);
    }
  }
  return out;
}
