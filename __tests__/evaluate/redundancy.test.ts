import fc from 'fast-check';
import { redundantEntryIndexes } from '../../src/evaluate/redundancy.js';
import { IpSet, cidrToRange, parseEntry, type IpRange } from '../../src/net/index.js';

const range = (text: string): IpRange => {
  const parsed = parseEntry(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entry.range;
};

const flagged = (texts: string[]): number[] => [...redundantEntryIndexes(texts.map(range))].sort((a, b) => a - b);

/** The union as merged ranges, comparable with toEqual. */
const unionOf = (ranges: readonly IpRange[]): string[] => {
  const set = IpSet.build(ranges);
  return [...set.ranges(4), ...set.ranges(6)].map((r) => `${r.version}:${r.first}-${r.last}`);
};

const withoutFlagged = (ranges: readonly IpRange[]): IpRange[] => {
  const flags = redundantEntryIndexes(ranges);
  return ranges.filter((_, i) => !flags.has(i));
};

describe('redundantEntryIndexes', () => {
  it('flags the two halves, not all three, when a /24 and its two /25 halves are listed', () => {
    expect(flagged(['192.0.2.0/24', '192.0.2.0/25', '192.0.2.128/25'])).toEqual([1, 2]);
  });

  it('keeps the broader entry even when it comes last', () => {
    expect(flagged(['192.0.2.0/25', '192.0.2.128/25', '192.0.2.0/24'])).toEqual([0, 1]);
  });

  it('flags an entry inside another, and repeats after the first', () => {
    expect(flagged(['192.0.2.0/24', '192.0.2.7', '198.51.100.0/28', '198.51.100.0/28', '2001:db8::/64'])).toEqual([
      1, 3
    ]);
  });

  it('flags an entry covered only by the union of two broader ones', () => {
    expect(flagged(['192.0.2.0/25', '192.0.2.128/25', '192.0.2.100-192.0.2.200'])).toEqual([2]);
  });

  it('keeps entries that only touch or partly overlap, and keeps IPv4 and IPv6 apart', () => {
    expect(flagged(['192.0.2.0/25', '192.0.2.64-192.0.2.200', '2001:db8::1', '::ffff:192.0.2.1'])).toEqual([]);
  });

  const base = 0xc0000200n;
  const arbRange = fc
    .tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 0, max: 63 }))
    .map(([a, b]): IpRange => ({
      version: 4,
      first: base + BigInt(Math.min(a, b)),
      last: base + BigInt(Math.max(a, b))
    }));
  const arbCidr = fc
    .tuple(fc.integer({ min: 26, max: 32 }), fc.integer({ min: 0, max: 63 }))
    .map(([prefix, offset]) =>
      cidrToRange({ version: 4, base: (base + BigInt(offset)) & ~((1n << BigInt(32 - prefix)) - 1n), prefix })
    );

  it('never changes the union: removing every flagged entry together keeps the same addresses', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arbRange, arbCidr), { maxLength: 12 }), (ranges) => {
        expect(unionOf(withoutFlagged(ranges))).toEqual(unionOf(ranges));
      })
    );
  });

  it('flags every entry that can go: the CIDRs kept are disjoint, so none is covered by the others', () => {
    fc.assert(
      fc.property(fc.array(arbCidr, { maxLength: 12 }), (ranges) => {
        const kept = withoutFlagged(ranges);
        for (let i = 0; i < kept.length; i++)
          for (let j = i + 1; j < kept.length; j++)
            expect(kept[i]!.last < kept[j]!.first || kept[j]!.last < kept[i]!.first).toBe(true);
      })
    );
  });

  it('flags only entries that something broader or earlier already covers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arbRange, arbCidr), { maxLength: 12 }), (ranges) => {
        for (const i of redundantEntryIndexes(ranges)) {
          const r = ranges[i]!;
          const size = r.last - r.first;
          const before = ranges.filter((o, j) => o.last - o.first > size || (o.last - o.first === size && j < i));
          expect(IpSet.build(before).covers(r)).toBe(true);
        }
      })
    );
  });

  it('handles 100,000 entries quickly', () => {
    const ranges: IpRange[] = [];
    for (let i = 0; i < 100_000; i++) {
      const first = 0xc6336400n + BigInt((i * 7919) % 60_000);
      ranges.push({ version: 4, first, last: first + BigInt(i % 5) });
    }
    const started = performance.now();
    const flags = redundantEntryIndexes(ranges);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(unionOf(ranges.filter((_, i) => !flags.has(i)))).toEqual(unionOf(ranges));
  });
});
