import { IpSet, type IpRange } from '../net/index.js';

/**
 * Indexes of entries covered by the other entries of the same list. An exact repeat is redundant after its first
 * occurrence; a distinct entry is redundant when every one of its addresses lies in at least one other entry,
 * which is the same as lying where at least two distinct entries overlap.
 */
export function redundantEntryIndexes(ranges: readonly IpRange[]): Set<number> {
  const redundant = new Set<number>();
  const firstByKey = new Map<string, number>();
  const distinct: { range: IpRange; index: number }[] = [];
  ranges.forEach((range, index) => {
    const key = `${range.version}:${range.first}:${range.last}`;
    if (firstByKey.has(key)) redundant.add(index);
    else {
      firstByKey.set(key, index);
      distinct.push({ range, index });
    }
  });
  const doubly = IpSet.build(overlapsOfTwoOrMore(distinct.map((d) => d.range)));
  for (const { range, index } of distinct) if (doubly.covers(range)) redundant.add(index);
  return redundant;
}

/** The addresses that lie in at least two of the ranges, by a sweep over their boundaries. */
function overlapsOfTwoOrMore(ranges: readonly IpRange[]): IpRange[] {
  const result: IpRange[] = [];
  for (const version of [4, 6] as const) {
    const events: { at: bigint; delta: number }[] = [];
    for (const r of ranges) {
      if (r.version !== version) continue;
      events.push({ at: r.first, delta: 1 }, { at: r.last + 1n, delta: -1 });
    }
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.delta - b.delta));
    let depth = 0;
    let openedAt: bigint | null = null;
    for (const e of events) {
      depth += e.delta;
      if (depth >= 2 && openedAt === null) openedAt = e.at;
      else if (depth < 2 && openedAt !== null) {
        if (e.at > openedAt) result.push({ version, first: openedAt, last: e.at - 1n });
        openedAt = null;
      }
    }
  }
  return result;
}
