/**
 * "Index of the last start <= x" over a sorted array of range starts, the one query behind IpSet. A plain binary
 * search over 100,000 starts misses the cache at almost every step, so a bucket table (one slot per slice of the
 * address span between the lowest and highest start, about one slot per start) narrows the search to the few
 * starts of one slice first.
 */

const MAX_BUCKETS = 1 << 16;

function bucketCountFor(n: number): number {
  let count = 1;
  while (count < n && count < MAX_BUCKETS) count *= 2;
  return count;
}

/** Starts of IPv4 ranges, as doubles (exact: below 2^32). */
export class V4StartIndex {
  private readonly min: number;
  private readonly bucketSize: number;
  private readonly buckets: Uint32Array;

  constructor(readonly starts: Float64Array) {
    const n = starts.length;
    this.min = n > 0 ? (starts[0] as number) : 0;
    const span = n > 0 ? (starts[n - 1] as number) - this.min + 1 : 1;
    let bucketSize = 1;
    while (span / bucketSize > bucketCountFor(n)) bucketSize *= 2;
    this.bucketSize = bucketSize;
    this.buckets = fillBuckets(n, Math.ceil(span / bucketSize), (i) =>
      Math.floor(((starts[i] as number) - this.min) / bucketSize)
    );
  }

  /** Index of the last start <= value, or -1. */
  lastAtOrBefore(value: number): number {
    const { starts, buckets } = this;
    if (starts.length === 0 || value < this.min) return -1;
    const bucket = Math.floor((value - this.min) / this.bucketSize);
    if (bucket >= buckets.length - 1) return starts.length - 1;
    let lo = buckets[bucket] as number;
    let hi = buckets[bucket + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** Starts of IPv6 ranges, as bigints. */
export class V6StartIndex {
  private readonly min: bigint;
  private readonly shift: bigint;
  private readonly buckets: Uint32Array;

  constructor(readonly starts: readonly bigint[]) {
    const n = starts.length;
    this.min = n > 0 ? (starts[0] as bigint) : 0n;
    const span = n > 0 ? (starts[n - 1] as bigint) - this.min + 1n : 1n;
    let shift = 0n;
    while (span >> shift > BigInt(bucketCountFor(n))) shift++;
    this.shift = shift;
    const bucketCount = Number(((span - 1n) >> shift) + 1n);
    this.buckets = fillBuckets(n, bucketCount, (i) => Number(((starts[i] as bigint) - this.min) >> shift));
  }

  /** Index of the last start <= value, or -1. */
  lastAtOrBefore(value: bigint): number {
    const { starts, buckets } = this;
    if (starts.length === 0 || value < this.min) return -1;
    const offset = (value - this.min) >> this.shift;
    if (offset >= BigInt(buckets.length - 1)) return starts.length - 1;
    const bucket = Number(offset);
    let lo = buckets[bucket] as number;
    let hi = buckets[bucket + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as bigint) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** buckets[b] = index of the first start in bucket b or later; buckets[bucketCount] = n. */
function fillBuckets(n: number, bucketCount: number, bucketOf: (i: number) => number): Uint32Array {
  const buckets = new Uint32Array(bucketCount + 1);
  let i = 0;
  for (let b = 0; b <= bucketCount; b++) {
    while (i < n && bucketOf(i) < b) i++;
    buckets[b] = i;
  }
  return buckets;
}
