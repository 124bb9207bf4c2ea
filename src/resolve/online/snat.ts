/**
 * Which SNAT entries give a vSwitch its public egress. SNAT picks, for each source address, the entry with the
 * longest source prefix that contains it. So an entry contributes to a vSwitch exactly when some address of the
 * vSwitch lies in the entry's source range and in no strictly longer entry's range.
 */
import { IpSet, parseCidr } from '../../net/index.js';
import type { IpRange } from '../../net/index.js';
import type { SnatEntry } from './schemas.js';

export interface EgressRule {
  entryId: string;
  natGatewayId: string;
  /** The source range as a CIDR text (a `SourceVSwitchId` entry stands for that vSwitch's CIDR). */
  source: string;
  /** The entry's SNAT IPs, split from the comma-separated `SnatIp`. */
  ips: string[];
}

interface ParsedRule {
  rule: EgressRule;
  range: IpRange;
  prefix: number;
}

/** Splits `SnatIp` ("198.51.100.1,198.51.100.2") and checks each address; throws with the entry named. */
export function splitSnatIps(entry: SnatEntry): string[] {
  const ips = entry.SnatIp.split(',')
    .map((ip) => ip.trim())
    .filter((ip) => ip !== '');
  for (const ip of ips) {
    const parsed = parseCidr(ip);
    if (!parsed.ok || parsed.entry.form !== 'address') {
      throw new Error(`SNAT entry ${entry.SnatEntryId} has SnatIp "${entry.SnatIp}", which is not a list of addresses`);
    }
  }
  if (ips.length === 0) throw new Error(`SNAT entry ${entry.SnatEntryId} has an empty SnatIp`);
  return ips;
}

/**
 * The SNAT rules that some address of the vSwitch uses, in the order given. Entries of other vSwitches and
 * entries without a source are not about this vSwitch; vSwitches of one VPC never overlap.
 */
export function egressRulesFor(
  vswitchId: string,
  vswitchCidr: string,
  entries: readonly { entry: SnatEntry; natGatewayId: string }[]
): EgressRule[] {
  const target = parseCidr(vswitchCidr);
  if (!target.ok || !target.entry.cidr || target.entry.version !== 4) {
    throw new Error(`vSwitch ${vswitchId} has CidrBlock "${vswitchCidr}", which is not an IPv4 CIDR block`);
  }
  const targetRange = target.entry.range;

  const candidates: ParsedRule[] = [];
  for (const { entry, natGatewayId } of entries) {
    let sourceText: string;
    if (entry.SourceVSwitchId) {
      if (entry.SourceVSwitchId !== vswitchId) continue;
      sourceText = vswitchCidr;
    } else if (entry.SourceCIDR) {
      sourceText = entry.SourceCIDR;
    } else {
      continue;
    }
    const source = parseCidr(sourceText);
    if (!source.ok || !source.entry.cidr) {
      throw new Error(`SNAT entry ${entry.SnatEntryId} has SourceCIDR "${sourceText}", which is not a CIDR block`);
    }
    if (source.entry.version !== 4) continue;
    const range = source.entry.range;
    if (range.last < targetRange.first || range.first > targetRange.last) continue;
    candidates.push({
      rule: {
        entryId: entry.SnatEntryId,
        natGatewayId,
        source: source.entry.canonical,
        ips: splitSnatIps(entry)
      },
      range,
      prefix: source.entry.cidr.prefix
    });
  }

  return candidates
    .filter((candidate) => {
      // CIDR blocks either nest or are disjoint, so the overlap is the smaller of the two.
      const overlap: IpRange = {
        version: 4,
        first: candidate.range.first > targetRange.first ? candidate.range.first : targetRange.first,
        last: candidate.range.last < targetRange.last ? candidate.range.last : targetRange.last
      };
      const longer = IpSet.build(candidates.filter((other) => other.prefix > candidate.prefix).map((o) => o.range));
      return !longer.covers(overlap);
    })
    .map((candidate) => candidate.rule);
}
