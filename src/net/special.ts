/**
 * Public versus special-purpose address space (IANA special-purpose registries, RFC 6890 and successors), for the
 * `overly-broad-entry` rule: "0.0.0.0/0, ::/0, or a public block shorter than /8 (IPv4) or /32 (IPv6)".
 */
import type { IpVersion } from './address.js';
import { addressBits, maxAddress } from './address.js';
import type { IpRange } from './cidr.js';
import { parseCidr } from './entry.js';
import { IpSet } from './ipset.js';

const NON_PUBLIC_V4 = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private (RFC 1918)
  '100.64.0.0/10', // shared address space (RFC 6598)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link local
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation (TEST-NET-1)
  '192.88.99.0/24', // deprecated 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation (TEST-NET-2)
  '203.0.113.0/24', // documentation (TEST-NET-3)
  '224.0.0.0/4', // multicast
  '240.0.0.0/4' // reserved, and the limited broadcast address
];

// IPv6 unicast space outside 2000::/3 is not allocated for global use, so public space is 2000::/3 minus these.
const NON_PUBLIC_V6 = [
  '::/3',
  '4000::/2',
  '8000::/1',
  '2001::/23', // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  '2001:db8::/32', // documentation
  '2002::/16', // 6to4
  '3fff::/20' // documentation (RFC 9637)
];

let nonPublic: IpSet | undefined;

function nonPublicSpace(): IpSet {
  nonPublic ??= IpSet.build(
    [...NON_PUBLIC_V4, ...NON_PUBLIC_V6].map((text) => {
      const parsed = parseCidr(text);
      if (!parsed.ok) throw new Error(`bad built-in block ${text}: ${parsed.reason}`);
      return parsed.entry.range;
    })
  );
  return nonPublic;
}

/** Whether some address of the range is public (outside private, reserved and documentation space). */
export function isPublicRange(r: IpRange): boolean {
  return !nonPublicSpace().covers(r);
}

/** Prefix below which a public block counts as overly broad. */
export function broadPrefixLimit(version: IpVersion): number {
  return version === 4 ? 8 : 32;
}

/**
 * The `overly-broad-entry` test: the whole address space, or a range that reaches public space and is larger than
 * a /8 (IPv4) or /32 (IPv6) block, i.e. a CIDR with a shorter prefix or an `a-b` range spanning more addresses.
 */
export function isOverlyBroad(r: IpRange): boolean {
  if (r.first === 0n && r.last === maxAddress(r.version)) return true;
  const limitSize = 1n << BigInt(addressBits(r.version) - broadPrefixLimit(r.version));
  return r.last - r.first + 1n > limitSize && isPublicRange(r);
}
