/**
 * ECS security groups: Ecs 2014-05-26 `DescribeSecurityGroupAttribute` (`RegionId`, `SecurityGroupId`,
 * `Direction=ingress`, `MaxResults`, `NextToken`; every page, an empty `NextToken` ends) → `Permissions.Permission[]`,
 * one rule each. A rule admits DataWorks when it is ingress, `Accept`, TCP (or all protocols), and its `PortRange`
 * covers the data source's `port` (`-1/-1` = every port; no `port`: every rule counts). Its addresses are
 * `SourceCidrIp` / `Ipv6SourceCidrIp`, or the entries of the prefix list `SourcePrefixListId`
 * (`DescribePrefixListAttributes` → `Entries.Entry[].Cidr`, each list asked once per run). A rule that names a
 * source security group admits instances of that group, never a CIDR: it contributes nothing.
 */
import { z } from 'zod';
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
  SourceGroupId: optionalText
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

/** Whether a rule admits TCP connections to `port` from its sources, or why that cannot be told. */
function admits(rule: EcsRule, port: number | undefined): boolean | string {
  const direction = rule.Direction.trim().toLowerCase();
  if (direction !== '' && direction !== 'ingress') return false;
  // ECS's default policy is accept.
  const policy = rule.Policy.trim().toLowerCase();
  if (policy !== '' && policy !== 'accept') return false;
  const protocol = rule.IpProtocol.trim().toUpperCase();
  if (protocol !== 'TCP' && protocol !== 'ALL') return false;
  if (port === undefined) return true;
  const range = parsePortRange(rule.PortRange);
  if (range === undefined) return `the port range "${rule.PortRange.slice(0, 40)}" does not parse`;
  return range === 'all' || (range.from <= port && port <= range.to);
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
  const groups: DeployedGroup[] = [];
  for (const [i, rule] of rules.entries()) {
    const verdict = admits(rule, request.port);
    if (typeof verdict === 'string') {
      return { ok: false, message: `rule ${rule.SecurityGroupRuleId || i + 1} of ${request.instance}: ${verdict}` };
    }
    if (!verdict) continue;
    const name = rule.Description.trim() || rule.SecurityGroupRuleId.trim() || `rule ${i + 1}`;
    const prefixList = rule.SourcePrefixListId.trim();
    let entries: string[];
    if (prefixList) {
      const listed = prefixLists.get(prefixList);
      if (!listed) return { ok: false, message: `the prefix list ${prefixList} was not read` };
      entries = [...listed];
    } else {
      entries = [...splitEntries(rule.SourceCidrIp), ...splitEntries(rule.Ipv6SourceCidrIp)];
    }
    // A rule with only a source security group admits no CIDR: nothing to add.
    if (entries.length === 0 && rule.SourceGroupId.trim() !== '') continue;
    groups.push({ name, hidden: false, networks: BOTH_NETWORKS, entries });
  }
  return whitelistOf(request, groups, { emptyAllowsAll: false });
}

/** The prefix lists that the counted rules name (only those are asked for). */
export function prefixListsNeeded(rules: readonly EcsRule[], request: DeployedRequest): string[] {
  const needed = new Set<string>();
  for (const rule of rules) {
    const id = rule.SourcePrefixListId.trim();
    if (id && admits(rule, request.port) === true) needed.add(id);
  }
  return [...needed];
}
