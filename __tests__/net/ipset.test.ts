import fc from 'fast-check';
import { IpSet, formatCidr, formatRange, makeCidr, cidrToRange, parseEntry } from '../../src/net/index.js';
import type { Cidr, IpRange, IpVersion } from '../../src/net/index.js';
import { addressesOf, bitmap, mergeable } from './oracle.js';

function range(text: string): IpRange {
  const parsed = parseEntry(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entry.range;
}

function setOf(...texts: string[]): IpSet {
  return IpSet.build(texts.map(range));
}

describe('IpSet.build', () => {
  it('sorts and merges overlapping and adjacent ranges, per version', () => {
    const set = setOf(
      '198.51.100.0/25',
      '192.0.2.128/25',
      '192.0.2.0/25',
      '192.0.2.10',
      '198.51.100.200-198.51.100.210',
      '198.51.100.205/32',
      '2001:db8:0:1::/64',
      '2001:db8::/64',
      '2001:db8:0:3::/64'
    );
    expect(set.ranges(4).map(formatRange)).toEqual([
      '192.0.2.0-192.0.2.255',
      '198.51.100.0-198.51.100.127',
      '198.51.100.200-198.51.100.210'
    ]);
    expect(set.ranges(6).map(formatRange)).toEqual([
      '2001:db8::-2001:db8:0:1:ffff:ffff:ffff:ffff',
      '2001:db8:0:3::-2001:db8:0:3:ffff:ffff:ffff:ffff'
    ]);
    expect(set.rangeCount(4)).toBe(3);
    expect(set.cidrs(6).map(formatCidr)).toEqual(['2001:db8::/63', '2001:db8:0:3::/64']);
    expect(set.isEmpty).toBe(false);
  });

  it('is empty when built from nothing', () => {
    const set = IpSet.build([]);
    expect(set.isEmpty).toBe(true);
    expect(IpSet.EMPTY.isEmpty).toBe(true);
    expect(set.covers(range('192.0.2.1'))).toBe(false);
    expect(set.uncovered(range('192.0.2.0/30')).map(formatCidr)).toEqual(['192.0.2.0/30']);
    expect(set.ranges(4)).toEqual([]);
  });

  it('rejects invalid ranges instead of guessing', () => {
    expect(() => IpSet.build([{ version: 4, first: 5n, last: 4n }])).toThrow(RangeError);
    expect(() => IpSet.build([{ version: 4, first: 0n, last: 1n << 32n }])).toThrow(RangeError);
    expect(() => IpSet.build([{ version: 6, first: -1n, last: 0n }])).toThrow(RangeError);
  });

  it('keeps IPv4 and IPv4-mapped IPv6 apart', () => {
    const set = setOf('::ffff:192.0.2.0/120');
    expect(set.covers(range('192.0.2.1'))).toBe(false);
    expect(set.covers(range('::ffff:192.0.2.1'))).toBe(true);
  });
});

describe('IpSet.covers and uncovered', () => {
  const set = setOf('192.0.2.0/25', '192.0.2.128/26', '192.0.2.200', '2001:db8::/33', '2001:db8:8000::/34');

  it.each([
    [
      '192.0.2.0/24',
      false,
      ['192.0.2.192/29', '192.0.2.201/32', '192.0.2.202/31', '192.0.2.204/30', '192.0.2.208/28', '192.0.2.224/27']
    ],
    ['192.0.2.0/25', true, []],
    ['192.0.2.64/26', true, []],
    ['192.0.2.0-192.0.2.191', true, []],
    ['192.0.2.100-192.0.2.192', false, ['192.0.2.192/32']],
    ['192.0.2.200', true, []],
    ['192.0.2.199-192.0.2.201', false, ['192.0.2.199/32', '192.0.2.201/32']],
    ['198.51.100.0/24', false, ['198.51.100.0/24']],
    ['2001:db8::/32', false, ['2001:db8:c000::/34']],
    ['2001:db8::/33', true, []],
    ['2001:db8:4000::/35', true, []],
    ['2001:db8::1-2001:db8:bfff:ffff:ffff:ffff:ffff:ffff', true, []],
    ['2001:db9::/48', false, ['2001:db9::/48']],
    ['2001:db8::/31', false, ['2001:db8:c000::/34', '2001:db9::/32']]
  ])('%s: covered %s, uncovered %j', (text, covered, uncovered) => {
    expect(set.covers(range(text))).toBe(covered);
    expect(set.uncovered(range(text)).map(formatCidr)).toEqual(uncovered);
  });

  it('refuses inverted query ranges instead of answering for them', () => {
    expect(() => set.covers({ version: 4, first: 0xc0000205n, last: 0xc0000201n })).toThrow(RangeError);
    expect(() => set.covers({ version: 6, first: 2n, last: 1n })).toThrow(RangeError);
    expect(() => set.uncovered({ version: 4, first: 0xc0000205n, last: 0xc0000201n })).toThrow(RangeError);
    expect(() => set.overlaps({ version: 4, first: 0xc0000205n, last: 0xc0000201n })).toThrow(RangeError);
  });

  it('answers overlaps and contains', () => {
    expect(set.overlaps(range('192.0.2.190-192.0.2.195'))).toBe(true);
    expect(set.overlaps(range('192.0.2.192-192.0.2.199'))).toBe(false);
    expect(set.overlaps(range('2001:db8:bfff::-2001:db9::'))).toBe(true);
    expect(set.contains(4, range('192.0.2.200').first)).toBe(true);
    expect(set.contains(4, range('192.0.2.201').first)).toBe(false);
  });
});

/** Random CIDRs inside a small block (the origin's block of 2^hostBits addresses), as the property tests' sets. */
function smallCidrs(version: IpVersion, origin: bigint, hostBits: number): fc.Arbitrary<Cidr[]> {
  const bits = version === 4 ? 32 : 128;
  return fc.array(
    fc
      .tuple(fc.nat((1 << hostBits) - 1), fc.integer({ min: bits - hostBits, max: bits }))
      .map(([offset, prefix]) => makeCidr(version, origin + BigInt(offset), prefix)),
    { maxLength: 12 }
  );
}

function smallRange(version: IpVersion, origin: bigint, size: number): fc.Arbitrary<IpRange> {
  return fc.tuple(fc.nat(size - 1), fc.nat(size - 1)).map(([a, b]) => ({
    version,
    first: origin + BigInt(Math.min(a, b)),
    last: origin + BigInt(Math.max(a, b))
  }));
}

describe.each([
  ['IPv4 192.0.2.0/24', 4 as IpVersion, 0xc0000200n],
  ['IPv6 2001:db8::/120', 6 as IpVersion, 0x20010db8000000000000000000000000n]
])('IpSet against brute force in %s', (_name, version, origin) => {
  const size = 256;
  const cidrs = smallCidrs(version, origin, 8);
  const query = smallRange(version, origin, size);

  it('covers() equals membership of every address', () => {
    fc.assert(
      fc.property(cidrs, query, (blocks, r) => {
        const members = bitmap(blocks.map(cidrToRange), origin, size);
        const set = IpSet.build(blocks.map(cidrToRange));
        let expected = true;
        for (let a = r.first; a <= r.last; a++) expected &&= members[Number(a - origin)]!;
        expect(set.covers(r)).toBe(expected);
      }),
      { numRuns: 500 }
    );
  });

  it('overlaps() equals membership of some address', () => {
    fc.assert(
      fc.property(cidrs, query, (blocks, r) => {
        const members = bitmap(blocks.map(cidrToRange), origin, size);
        let expected = false;
        for (let a = r.first; a <= r.last; a++) expected ||= members[Number(a - origin)]!;
        expect(IpSet.build(blocks.map(cidrToRange)).overlaps(r)).toBe(expected);
      }),
      { numRuns: 300 }
    );
  });

  it('uncovered() is exactly the complement, sorted and minimal', () => {
    fc.assert(
      fc.property(cidrs, query, (blocks, r) => {
        const members = bitmap(blocks.map(cidrToRange), origin, size);
        const missing = IpSet.build(blocks.map(cidrToRange)).uncovered(r);
        const expected: number[] = [];
        for (let a = r.first; a <= r.last; a++) if (!members[Number(a - origin)]) expected.push(Number(a - origin));
        // addressesOf lists addresses in block order, so equality also proves the blocks are sorted and disjoint.
        expect(addressesOf(missing, origin)).toEqual(expected);
        for (let i = 1; i < missing.length; i++) expect(mergeable(missing[i - 1]!, missing[i]!)).toBe(false);
      }),
      { numRuns: 500 }
    );
  });

  it('ranges() are sorted, disjoint, non-adjacent and hold exactly the members', () => {
    fc.assert(
      fc.property(cidrs, (blocks) => {
        const set = IpSet.build(blocks.map(cidrToRange));
        const ranges = set.ranges(version);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.first).toBeGreaterThan(ranges[i - 1]!.last + 1n);
        expect(bitmap(ranges, origin, size)).toEqual(bitmap(blocks.map(cidrToRange), origin, size));
        expect(set.isEmpty).toBe(blocks.length === 0);
      })
    );
  });
});
