/**
 * ECS security groups: Ecs 2014-05-26 `DescribeSecurityGroupAttribute` (`RegionId`, `SecurityGroupId`,
 * `Direction=ingress`, `MaxResults`, `NextToken`; every page, an empty `NextToken` ends) → `Permissions.Permission[]`,
 * one rule each. A rule admits DataWorks when it is ingress, `Accept`, TCP (or all protocols), and its `PortRange`
 * covers the data source's `port` (`-1/-1` = every port; no `port`: every rule counts). Its addresses are
 * `SourceCidrIp` / `Ipv6SourceCidrIp`, or the entries of the prefix list `SourcePrefixListId`
 * (`DescribePrefixListAttributes` → `Entries.Entry[].Cidr`, each list asked once per run). A rule that names a
 * source security group admits instances of that group, never a CIDR: it contributes nothing.
 *
 * Drop rules are subtracted: for a source address, the matching rule of the highest priority (lowest `Priority`
 * number, 1–100, default 1) decides, and a Drop rule wins a tie. So an Accept rule of priority p admits its addresses
 * minus those of every matching Drop rule of priority ≤ p; counting it whole would pass what ECS denies.
 */
import { z } from 'zod';
import { formatCidr, IpSet, parseEntry, type IpRange } from '../../net/index.js';
import type { ApiSpec } from '../../cloud/client.js';
import type { DeployedGroup, DeployedRequest } from './types.js';
import { BOTH_NETWORKS, list, optionalText, rpcSpec, splitEntries, whitelistOf } from './common.js';
import type { ReaderResult } from './common.js';

export const ECS_PAGE_SIZE = 1000;
/** A server that keeps answering a next token must not keep us paging forever (100 × 1,000 rules). */
export const ECS_MAX_PAGES = 100;

export const ecsRulesSpec: ApiSpec = rpcSpec(
  'ecs-security-group',
  'ecs',
  '2014-05-26',
  'DescribeSecurityGroupAttribute'
);
export const ecsPrefixListSpec: ApiSpec = rpcSpec(
  'ecs-security-group',
  'ecs',
  '2014-05-26',
  'DescribePrefixListAttributes'
);

const permission = z.object({
  SecurityGroupRuleId: optionalText,
  Description: optionalText,
  Direction: optionalText,
  Policy: optionalText,
  IpProtocol: optionalText,
  PortRange: optionalText,
  SourceCidrIp: optionalText,
  Ipv6SourceCidrIp: optionalText,
  SourcePrefixListId: optionalText,
  SourceGroupId: optionalText,
  Priority: optionalText
});
export type EcsRule = z.output<typeof permission>;

export const ecsRulesSchema = z.object({
  Permissions: z.object({ Permission: list(permission) }),
  NextToken: optionalText
});

export const ecsPrefixListSchema = z.object({
  Entries: z.object({ Entry: list(z.object({ Cidr: optionalText })) })
});

export function ecsRulesRequest(request: DeployedRequest, nextToken: string) {
  return {
    query: {
      RegionId: request.region,
      SecurityGroupId: request.instance,
      Direction: 'ingress',
      MaxResults: ECS_PAGE_SIZE,
      ...(nextToken ? { NextToken: nextToken } : {})
    }
  };
}

export function prefixListEntries(body: z.output<typeof ecsPrefixListSchema>): string[] {
  return (body.Entries?.Entry ?? []).flatMap((entry) => splitEntries(entry.Cidr));
}

/** `3306/3306`, `1/65535`, `-1/-1` (every port); `undefined` for anything else. */
export function parsePortRange(text: string): { from: number; to: number } | 'all' | undefined {
  const match = /^\s*(-?\d{1,5})\s*\/\s*(-?\d{1,5})\s*$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (from === -1 && to === -1) return 'all';
  if (from < 0 || to > 65535 || from > to) return undefined;
  return { from, to };
}

type RuleVerdict = 'accept' | 'drop' | 'none';

/** Whether a rule accepts or drops TCP connections to `port` from its sources, or why that cannot be told. */
function verdictOf(rule: EcsRule, port: number | undefined): RuleVerdict | string {
  const direction = rule.Direction.trim().toLowerCase();
  if (direction !== '' && direction !== 'ingress') return 'none';
  // ECS's default policy is accept.
  const policy = rule.Policy.trim().toLowerCase();
  const verdict: RuleVerdict = policy === '' || policy === 'accept' ? 'accept' : policy === 'drop' ? 'drop' : 'none';
  if (verdict === 'none') return 'none';
  const protocol = rule.IpProtocol.trim().toUpperCase();
  if (protocol !== 'TCP' && protocol !== 'ALL') return 'none';
  if (port === undefined) return verdict;
  const range = parsePortRange(rule.PortRange);
  if (range === undefined) return `the port range "${rule.PortRange.slice(0, 40)}" does not parse`;
  return range === 'all' || (range.from <= port && port <= range.to) ? verdict : 'none';
}

/** `Priority` 1–100; absent means 1 (the highest), as ECS defaults it. */
function priorityOf(rule: EcsRule): number | undefined {
  const text = rule.Priority.trim();
  if (text === '') return 1;
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= 100 ? value : undefined;
}

/** The source entries of a rule: its CIDRs, or its prefix list's entries; `undefined` when that list was not read. */
function sourcesOf(rule: EcsRule, prefixLists: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const prefixList = rule.SourcePrefixListId.trim();
  if (prefixList) {
    const listed = prefixLists.get(prefixList);
    return listed ? [...listed] : undefined;
  }
  return [...splitEntries(rule.SourceCidrIp), ...splitEntries(rule.Ipv6SourceCidrIp)];
}

/** An Accept rule's entries less what Drop rules of its priority or higher deny (entries left as written when untouched). */
function lessDropped(entries: readonly string[], dropped: IpSet): string[] {
  if (dropped.isEmpty) return [...entries];
  return entries.flatMap((entry) => {
    const parsed = parseEntry(entry);
    // An entry that does not parse is kept as written: the evaluator reports it.
    if (!parsed.ok || !dropped.overlaps(parsed.entry.range)) return [entry];
    return dropped.uncovered(parsed.entry.range).map(formatCidr);
  });
}

/**
 * The rules of every page, with the entries of the prefix lists they name, as one group per admitting rule.
 * `prefixLists` must hold every list a counted rule names (the caller asked for them with `prefixListsNeeded`).
 */
export function ecsWhitelist(
  rules: readonly EcsRule[],
  prefixLists: ReadonlyMap<string, readonly string[]>,
  request: DeployedRequest
): ReaderResult {
  const drops: { priority: number; ranges: IpRange[] }[] = [];
  const accepts: { rule: EcsRule; index: number; priority: number; entries: string[] }[] = [];
  for (const [i, rule] of rules.entries()) {
    const label = `rule ${rule.SecurityGroupRuleId || i + 1} of ${request.instance}`;
    const verdict = verdictOf(rule, request.port);
    if (verdict !== 'accept' && verdict !== 'drop' && verdict !== 'none')
      return { ok: false, message: `${label}: ${verdict}` };
    if (verdict === 'none') continue;
    const priority = priorityOf(rule);
    if (priority === undefined) {
      return {
        ok: false,
        message: `${label}: the priority "${rule.Priority.slice(0, 20)}" is not a number from 1 to 100`
      };
    }
    const entries = sourcesOf(rule, prefixLists);
    if (!entries) return { ok: false, message: `the prefix list ${rule.SourcePrefixListId.trim()} was not read` };
    if (verdict === 'accept') {
      accepts.push({ rule, index: i, priority, entries });
      continue;
    }
    const ranges: IpRange[] = [];
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      // A Drop rule whose addresses cannot be read could deny anything: the whitelist cannot be told.
      if (!parsed.ok)
        return { ok: false, message: `${label}: the Drop rule's source "${entry.slice(0, 60)}" does not parse` };
      ranges.push(parsed.entry.range);
    }
    drops.push({ priority, ranges });
  }
  const groups: DeployedGroup[] = [];
  for (const { rule, index, priority, entries } of accepts) {
    // A rule with only a source security group admits no CIDR: nothing to add.
    if (entries.length === 0 && rule.SourceGroupId.trim() !== '') continue;
    const dropped = IpSet.build(drops.filter((d) => d.priority <= priority).flatMap((d) => d.ranges));
    const name = rule.Description.trim() || rule.SecurityGroupRuleId.trim() || `rule ${index + 1}`;
    groups.push({ name, hidden: false, networks: BOTH_NETWORKS, entries: lessDropped(entries, dropped) });
  }
  return whitelistOf(request, groups, { emptyAllowsAll: false });
}

/** The prefix lists that the counted Accept and Drop rules name (only those are asked for). */
export function prefixListsNeeded(rules: readonly EcsRule[], request: DeployedRequest): string[] {
  const needed = new Set<string>();
  for (const rule of rules) {
    const id = rule.SourcePrefixListId.trim();
    const verdict = verdictOf(rule, request.port);
    if (id && (verdict === 'accept' || verdict === 'drop')) needed.add(id);
  }
  return [...needed];
}
