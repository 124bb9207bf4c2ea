/** Inclusive address ranges and CIDR blocks, and the conversions between them. */
import { addressBits, formatAddress, maxAddress } from './address.js';
import type { IpVersion } from './address.js';

/** Every address from `first` to `last`, both included. */
export interface IpRange {
  readonly version: IpVersion;
  readonly first: bigint;
  readonly last: bigint;
}

/** A CIDR block; `base` has no host bits set. */
export interface Cidr {
  readonly version: IpVersion;
  readonly base: bigint;
  readonly prefix: number;
}

const HOST_MASKS_V4 = Array.from({ length: 33 }, (_, prefix) => (1n << BigInt(32 - prefix)) - 1n);
const HOST_MASKS_V6 = Array.from({ length: 129 }, (_, prefix) => (1n << BigInt(128 - prefix)) - 1n);

/** Mask of the host bits of a block with this prefix (0 <= prefix <= address bits). */
export function hostMask(version: IpVersion, prefix: number): bigint {
  const mask = (version === 4 ? HOST_MASKS_V4 : HOST_MASKS_V6)[prefix];
  if (mask === undefined) throw new RangeError(`prefix ${prefix} is out of range for IPv${version}`);
  return mask;
}

/** A block from any address inside it and a prefix (host bits are cleared); throws on an impossible prefix. */
export function makeCidr(version: IpVersion, address: bigint, prefix: number): Cidr {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > addressBits(version)) {
    throw new RangeError(`prefix ${prefix} is out of range for IPv${version}`);
  }
  return Object.freeze({ version, base: address & ~hostMask(version, prefix) & maxAddress(version), prefix });
}

export function makeRange(version: IpVersion, first: bigint, last: bigint): IpRange {
  if (first < 0n || last > maxAddress(version) || first > last) {
    throw new RangeError(`invalid IPv${version} range ${first}-${last}`);
  }
  return Object.freeze({ version, first, last });
}

export function cidrToRange(c: Cidr): IpRange {
  return Object.freeze({ version: c.version, first: c.base, last: c.base | hostMask(c.version, c.prefix) });
}

export function formatCidr(c: Cidr): string {
  return `${formatAddress(c.version, c.base)}/${c.prefix}`;
}

export function formatRange(r: IpRange): string {
  return `${formatAddress(r.version, r.first)}-${formatAddress(r.version, r.last)}`;
}

/**
 * The minimal list of CIDR blocks whose union is exactly the range, in address order: from the start, always
 * take the largest aligned block that still fits (the greedy choice is optimal because blocks are aligned).
 */
export function rangeToCidrs(r: IpRange): Cidr[] {
  const bits = addressBits(r.version);
  const out: Cidr[] = [];
  let start = r.first;
  for (;;) {
    const remaining = r.last - start + 1n;
    // Largest power of two that divides `start` (alignment) and does not exceed `remaining`.
    let hostBits = start === 0n ? bits : trailingZeros(start);
    while (1n << BigInt(hostBits) > remaining) hostBits--;
    out.push(Object.freeze({ version: r.version, base: start, prefix: bits - hostBits }));
    start += 1n << BigInt(hostBits);
    if (start > r.last) return out;
  }
}

function trailingZeros(value: bigint): number {
  let count = 0;
  let v = value;
  while ((v & 0xffffffffn) === 0n) {
    v >>= 32n;
    count += 32;
  }
  let low = Number(v & 0xffffffffn);
  while ((low & 1) === 0) {
    low >>>= 1;
    count++;
  }
  return count;
}

/** Whether `outer` contains every address of `inner` (same version required). */
export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.version === inner.version && outer.first <= inner.first && inner.last <= outer.last;
}

/** Address order: IPv4 before IPv6, then by first address, then by last. */
export function compareRanges(a: IpRange, b: IpRange): number {
  if (a.version !== b.version) return a.version - b.version;
  if (a.first !== b.first) return a.first < b.first ? -1 : 1;
  if (a.last !== b.last) return a.last < b.last ? -1 : 1;
  return 0;
}
