import fc from 'fast-check';
import { redundantEntryIndexes } from '../../src/evaluate/redundancy.js';
import { parseEntry, type IpRange } from '../../src/net/index.js';

const range = (text: string): IpRange => {
  const parsed = parseEntry(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entry.range;
};

describe('redundantEntryIndexes', () => {
  it('flags an entry inside another, and repeats after the first', () => {
    const ranges = ['192.0.2.0/24', '192.0.2.7', '198.51.100.0/28', '198.51.100.0/28', '2001:db8::/64'].map(range);
    expect([...redundantEntryIndexes(ranges)].sort()).toEqual([1, 3]);
  });

  it('flags an entry covered only by the union of two others', () => {
    const ranges = ['192.0.2.0/25', '192.0.2.128/25', '192.0.2.100-192.0.2.200'].map(range);
    expect([...redundantEntryIndexes(ranges)]).toEqual([2]);
  });

  it('keeps entries that only touch or partly overlap', () => {
    const ranges = ['192.0.2.0/25', '192.0.2.64-192.0.2.200', '2001:db8::1'].map(range);
    expect(redundantEntryIndexes(ranges).size).toBe(0);
  });

  it('agrees with a brute-force check on random ranges inside 192.0.2.0/26', () => {
    const base = 0xc0000200n;
    const arbRange = fc
      .tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 0, max: 63 }))
      .map(([a, b]): IpRange => ({
        version: 4,
        first: base + BigInt(Math.min(a, b)),
        last: base + BigInt(Math.max(a, b))
      }));
    fc.assert(
      fc.property(fc.array(arbRange, { maxLength: 8 }), (ranges) => {
        const got = redundantEntryIndexes(ranges);
        ranges.forEach((r, i) => {
          const earlierTwin = ranges.slice(0, i).some((o) => o.first === r.first && o.last === r.last);
          const others = ranges.filter((o, j) => j !== i && !(o.first === r.first && o.last === r.last));
          let coveredByOthers = true;
          for (let a = r.first; a <= r.last; a++)
            if (!others.some((o) => o.first <= a && a <= o.last)) coveredByOthers = false;
          expect(got.has(i)).toBe(earlierTwin || coveredByOthers);
        });
      })
    );
  });
});
