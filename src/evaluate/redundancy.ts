import type { IpRange } from '../net/index.js';

/**
 * Indexes of entries that can all be removed together without changing the union of the list (issue 9 §3).
 *
 * Flagging every entry that the *others* cover is wrong advice: in `10.0.0.0/24`, `10.0.0.0/25`, `10.0.0.128/25`
 * each entry is covered by the other two, and removing all three removes the coverage. Instead the entries are
 * ranked broader first, then earlier first, and an entry is flagged when the entries ranked before it already
 * cover it. By induction the kept entries ranked up to any point have the same union as all entries ranked up to
 * that point, so removing every flagged entry leaves the union unchanged. The broader, earlier entry is the one
 * kept; an exact repeat is flagged after its first occurrence. For CIDRs (which nest or are disjoint) nothing
 * more could be removed: the kept entries are disjoint.
 *
 * Time O(n log n): boundaries are compressed to elementary segments, and "covered so far" is a union-find over
 * them that points at the next segment not yet covered, so each segment is marked once.
 */
export function redundantEntryIndexes(ranges: readonly IpRange[]): Set<number> {
  const redundant = new Set<number>();
  for (const version of [4, 6] as const) {
    const indexes: number[] = [];
    ranges.forEach((r, i) => {
      if (r.version === version) indexes.push(i);
    });
    if (indexes.length > 1) for (const i of redundantOfOneVersion(ranges, indexes)) redundant.add(i);
  }
  return redundant;
}

function redundantOfOneVersion(ranges: readonly IpRange[], indexes: readonly number[]): number[] {
  const boundaries = [...new Set(indexes.flatMap((i) => [ranges[i]!.first, ranges[i]!.last + 1n]))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0
  );
  const segmentAt = new Map<bigint, number>(boundaries.map((b, s) => [b, s]));
  // Segment s is [boundaries[s], boundaries[s + 1]); segment count = boundaries.length - 1. `next[s]` leads to the
  // first uncovered segment at or after s (the sentinel `segments` when none).
  const segments = boundaries.length - 1;
  const next = Array.from({ length: segments + 1 }, (_, s) => s);
  const firstUncovered = (s: number): number => {
    let root = s;
    while (next[root] !== root) root = next[root]!;
    // Path compression keeps later look-ups near constant time.
    while (next[s] !== root) {
      const up = next[s]!;
      next[s] = root;
      s = up;
    }
    return root;
  };

  const ranked = [...indexes].sort((a, b) => {
    const sizeA = ranges[a]!.last - ranges[a]!.first;
    const sizeB = ranges[b]!.last - ranges[b]!.first;
    return sizeA > sizeB ? -1 : sizeA < sizeB ? 1 : a - b;
  });
  const redundant: number[] = [];
  for (const i of ranked) {
    const from = segmentAt.get(ranges[i]!.first)!;
    const to = segmentAt.get(ranges[i]!.last + 1n)!;
    let s = firstUncovered(from);
    if (s >= to) {
      redundant.push(i);
      continue;
    }
    while (s < to) {
      next[s] = s + 1;
      s = firstUncovered(s + 1);
    }
  }
  return redundant.sort((a, b) => a - b);
}
