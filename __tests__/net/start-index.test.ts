import fc from 'fast-check';
import { V4StartIndex, V6StartIndex } from '../../src/net/start-index.js';

function linearLastAtOrBefore<T extends number | bigint>(starts: readonly T[], value: T): number {
  let answer = -1;
  starts.forEach((start, i) => {
    if (start <= value) answer = i;
  });
  return answer;
}

describe('start indexes agree with a linear scan', () => {
  it('IPv4, over the documentation blocks', () => {
    // The three documentation /24s lie far apart, so the index spans a wide range with dense clusters.
    const address = fc.oneof(
      fc.integer({ min: 0xc0000200, max: 0xc00002ff }), // 192.0.2.0/24
      fc.integer({ min: 0xc6336400, max: 0xc63364ff }), // 198.51.100.0/24
      fc.integer({ min: 0xcb007100, max: 0xcb0071ff }) // 203.0.113.0/24
    );
    fc.assert(
      fc.property(fc.uniqueArray(address, { maxLength: 300 }), fc.array(address, { maxLength: 50 }), (raw, queries) => {
        const starts = [...raw].sort((a, b) => a - b);
        const index = new V4StartIndex(Float64Array.from(starts));
        for (const q of [...queries, ...starts, ...starts.map((s) => s - 1), 0, 0xffffffff]) {
          expect(index.lastAtOrBefore(q)).toBe(linearLastAtOrBefore(starts, q));
        }
      })
    );
  });

  it('IPv6, over 2001:db8::/32 and densely in 2001:db8::/112', () => {
    const base = 0x20010db8n << 96n;
    const address = fc.oneof(fc.bigInt(base, base + (1n << 96n) - 1n), fc.bigInt(base, base + 0xffffn));
    fc.assert(
      fc.property(fc.uniqueArray(address, { maxLength: 300 }), fc.array(address, { maxLength: 50 }), (raw, queries) => {
        const starts = [...raw].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const index = new V6StartIndex(starts);
        for (const q of [...queries, ...starts, ...starts.map((s) => s - 1n), 0n, (1n << 128n) - 1n]) {
          expect(index.lastAtOrBefore(q)).toBe(linearLastAtOrBefore(starts, q));
        }
      })
    );
  });
});
