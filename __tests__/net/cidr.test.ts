import fc from 'fast-check';
import { cidrToRange, formatCidr, makeCidr, parseEntry, rangeToCidrs } from '../../src/net/index.js';
import type { IpRange } from '../../src/net/index.js';
import { addressesOf, mergeable, trieCover } from './oracle.js';

function range(text: string): IpRange {
  const parsed = parseEntry(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entry.range;
}

describe('cidrToRange', () => {
  it('spans the block', () => {
    expect(cidrToRange({ version: 4, base: 0xc0000280n, prefix: 25 })).toEqual({
      version: 4,
      first: 0xc0000280n,
      last: 0xc00002ffn
    });
    expect(cidrToRange({ version: 6, base: 0n, prefix: 0 })).toEqual({
      version: 6,
      first: 0n,
      last: (1n << 128n) - 1n
    });
  });
});

describe('makeCidr', () => {
  it('clears host bits and rejects impossible prefixes', () => {
    expect(formatCidr(makeCidr(4, 0xc0000207n, 24))).toBe('192.0.2.0/24');
    expect(() => makeCidr(4, 0n, 33)).toThrow(RangeError);
    expect(() => makeCidr(6, 0n, -1)).toThrow(RangeError);
  });
});

describe('rangeToCidrs', () => {
  it.each([
    ['192.0.2.0-192.0.2.255', ['192.0.2.0/24']],
    ['192.0.2.7-192.0.2.7', ['192.0.2.7/32']],
    ['192.0.2.1-192.0.2.6', ['192.0.2.1/32', '192.0.2.2/31', '192.0.2.4/31', '192.0.2.6/32']],
    ['192.0.2.128-198.51.100.0', null],
    ['0.0.0.0-255.255.255.255', ['0.0.0.0/0']],
    ['203.0.113.255-203.0.113.255', ['203.0.113.255/32']],
    ['2001:db8::-2001:db8::ff', ['2001:db8::/120']],
    ['2001:db8::1-2001:db8::4', ['2001:db8::1/128', '2001:db8::2/127', '2001:db8::4/128']],
    ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', ['::/0']]
  ])('%s', (text, expected) => {
    const r = range(text);
    const cover = rangeToCidrs(r);
    if (expected) expect(cover.map(formatCidr)).toEqual(expected);
    expect(cover).toEqual(trieCover(r.version, r.first, r.last));
  });

  it('equals the trie cover (exact and minimal) for random IPv4 ranges between documentation blocks', () => {
    const address = fc.oneof(
      fc.integer({ min: 0xc0000200, max: 0xc00002ff }), // 192.0.2.0/24
      fc.integer({ min: 0xc6336400, max: 0xc63364ff }), // 198.51.100.0/24
      fc.integer({ min: 0xcb007100, max: 0xcb0071ff }) // 203.0.113.0/24
    );
    fc.assert(
      fc.property(address, address, (a, b) => {
        const [first, last] = a <= b ? [BigInt(a), BigInt(b)] : [BigInt(b), BigInt(a)];
        expect(rangeToCidrs({ version: 4, first, last })).toEqual(trieCover(4, first, last));
      })
    );
  });

  it('equals the trie cover for random IPv6 ranges in 2001:db8::/32', () => {
    const base = 0x20010db8n << 96n;
    const address = fc.bigInt(base, base + (1n << 96n) - 1n);
    fc.assert(
      fc.property(address, address, (a, b) => {
        const [first, last] = a <= b ? [a, b] : [b, a];
        expect(rangeToCidrs({ version: 6, first, last })).toEqual(trieCover(6, first, last));
      }),
      { numRuns: 200 }
    );
  });

  it('covers exactly a small range, in order, with no mergeable neighbours', () => {
    const origin = 0xc0000200n; // 192.0.2.0
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const cover = rangeToCidrs({ version: 4, first: origin + BigInt(low), last: origin + BigInt(high) });
        const expected = Array.from({ length: high - low + 1 }, (_, i) => low + i);
        expect(addressesOf(cover, origin)).toEqual(expected);
        for (let i = 1; i < cover.length; i++) expect(mergeable(cover[i - 1]!, cover[i]!)).toBe(false);
      })
    );
  });
});
