/** Brute-force oracles for the address engine's properties, written independently of the code under test. */
import type { Cidr, IpRange, IpVersion } from '../../src/net/index.js';

/**
 * The minimal CIDR cover of [first, last] by recursive descent of the binary trie: a node fully inside the range
 * is one block, a node outside is nothing, anything else is split in two. Every CIDR is a trie node, so the
 * maximal nodes inside the range are the unique minimal cover.
 */
export function trieCover(version: IpVersion, first: bigint, last: bigint): Cidr[] {
  const bits = version === 4 ? 32 : 128;
  const out: Cidr[] = [];
  const visit = (base: bigint, prefix: number): void => {
    const end = base + (1n << BigInt(bits - prefix)) - 1n;
    if (end < first || base > last) return;
    if (first <= base && end <= last) {
      out.push({ version, base, prefix });
      return;
    }
    const half = 1n << BigInt(bits - prefix - 1);
    visit(base, prefix + 1);
    visit(base + half, prefix + 1);
  };
  visit(0n, 0);
  return out;
}

/** Every address of the blocks, as offsets from `origin`, in list order. */
export function addressesOf(blocks: readonly Cidr[], origin: bigint): number[] {
  const out: number[] = [];
  for (const block of blocks) {
    const size = 1n << BigInt((block.version === 4 ? 32 : 128) - block.prefix);
    for (let a = block.base; a < block.base + size; a++) out.push(Number(a - origin));
  }
  return out;
}

/** Whether two blocks could be replaced by their common parent (same prefix, siblings). */
export function mergeable(a: Cidr, b: Cidr): boolean {
  if (a.version !== b.version || a.prefix !== b.prefix || a.prefix === 0) return false;
  const size = 1n << BigInt((a.version === 4 ? 32 : 128) - a.prefix);
  const [low, high] = a.base < b.base ? [a, b] : [b, a];
  return high.base === low.base + size && low.base % (size * 2n) === 0n;
}

/** A membership bitmap of a small space starting at `origin`, from ranges. */
export function bitmap(ranges: readonly IpRange[], origin: bigint, size: number): boolean[] {
  const members = new Array<boolean>(size).fill(false);
  for (const r of ranges) {
    for (let a = r.first; a <= r.last; a++) members[Number(a - origin)] = true;
  }
  return members;
}
