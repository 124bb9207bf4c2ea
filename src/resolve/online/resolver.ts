/**
 * Online resolution of serverless groups: their Running vSwitch bindings (DataWorks), each vSwitch's CIDRs and the
 * SNAT IPs its addresses leave through (VPC). Every VPC, NAT gateway list and SNAT table is asked once per run,
 * however many groups and data sources share it; independent calls run concurrently (the client limits them).
 */
import type { z } from 'zod';
import { allPages } from '../../cloud/paging.js';
import { parseCidr } from '../../net/index.js';
import type { Finding, ModuleName, ResourceGroupConfig, SourcePosition } from '../../model.js';
import type { Logger } from '../../io.js';
import type { FactEntry, ModuleNetworkFacts, OnlineGroupRequest } from '../types.js';
import { ApiCallError } from './errors.js';
import type { Service } from './endpoints.js';
import {
  describeNatGatewaysResponse,
  describeSnatTableEntriesResponse,
  describeVSwitchesResponse,
  getResourceGroupResponse,
  listNetworksResponse
} from './schemas.js';
import type { NatGateway, NetworkBinding, SnatEntry, VSwitch } from './schemas.js';
import { egressRulesFor } from './snat.js';

/** What the resolver needs from the API layer: one validated call. */
export interface CloudApi {
  call<S extends z.ZodType>(
    service: Service,
    region: string,
    action: string,
    query: Record<string, string | number>,
    schema: S
  ): Promise<z.output<S>>;
}

export const PAGE_SIZE = { dataworks: 100, vpc: 50 } as const;
/** A server that keeps saying "more" must not keep us paging forever. */

export interface GroupsResolution {
  facts: Map<string, Map<ModuleName, ModuleNetworkFacts>>;
  findings: Finding[];
}

interface BindingFacts {
  privateCidrs: FactEntry[];
  publicIps: FactEntry[];
}

/** Resolves every request; failures become findings, never exceptions. */
export async function resolveGroups(
  requests: readonly OnlineGroupRequest[],
  api: CloudApi,
  logger: Logger
): Promise<GroupsResolution> {
  const cloud = new CloudCache(api);
  const results = await Promise.all(requests.map((request) => resolveGroup(request, cloud, logger)));

  // Refused credentials make every answer meaningless: report that one cause for every group.
  const credentialFailure = cloud.credentialFailure;
  if (credentialFailure) {
    return {
      facts: new Map(),
      findings: requests.map(({ group }) => unresolved(group, credentialFailure.message))
    };
  }
  const facts = new Map<string, Map<ModuleName, ModuleNetworkFacts>>();
  const findings: Finding[] = [];
  requests.forEach(({ group }, i) => {
    const result = results[i]!;
    if (result.facts.size > 0) facts.set(group.name, result.facts);
    findings.push(...result.findings);
  });
  return { facts, findings };
}

/** Memoised, shared lookups: the promise is stored, so concurrent askers share one call. */
class CloudCache {
  credentialFailure: ApiCallError | undefined;
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(private readonly api: CloudApi) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = this.memo.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      this.memo.set(key, promise);
    }
    return promise;
  }

  async call<S extends z.ZodType>(
    service: Service,
    region: string,
    action: string,
    query: Record<string, string | number>,
    schema: S
  ): Promise<z.output<S>> {
    if (this.credentialFailure) throw this.credentialFailure;
    try {
      return await this.api.call(service, region, action, query, schema);
    } catch (error) {
      if (error instanceof ApiCallError && error.kind === 'credentials') this.credentialFailure ??= error;
      throw error;
    }
  }

  resourceGroup(region: string, id: string): Promise<z.output<typeof getResourceGroupResponse>['ResourceGroup']> {
    return this.once(`rg:${region}:${id}`, async () => {
      const body = await this.call('dataworks', region, 'GetResourceGroup', { Id: id }, getResourceGroupResponse);
      return body.ResourceGroup;
    });
  }

  bindings(region: string, id: string): Promise<NetworkBinding[]> {
    return this.once(`net:${region}:${id}`, () =>
      allPages('ListNetworks', async (page) => {
        const body = await this.call(
          'dataworks',
          region,
          'ListNetworks',
          { ResourceGroupId: id, PageNumber: page, PageSize: PAGE_SIZE.dataworks },
          listNetworksResponse
        );
        return { items: body.PagingInfo.NetworkList, total: body.PagingInfo.TotalCount };
      })
    );
  }

  vswitches(region: string, vpcId: string): Promise<VSwitch[]> {
    return this.once(`vsw:${region}:${vpcId}`, () =>
      allPages('DescribeVSwitches', async (page) => {
        const body = await this.call(
          'vpc',
          region,
          'DescribeVSwitches',
          { RegionId: region, VpcId: vpcId, PageNumber: page, PageSize: PAGE_SIZE.vpc },
          describeVSwitchesResponse
        );
        return { items: body.VSwitches, total: body.TotalCount };
      })
    );
  }

  natGateways(region: string, vpcId: string): Promise<NatGateway[]> {
    return this.once(`ngw:${region}:${vpcId}`, () =>
      allPages('DescribeNatGateways', async (page) => {
        const body = await this.call(
          'vpc',
          region,
          'DescribeNatGateways',
          { RegionId: region, VpcId: vpcId, PageNumber: page, PageSize: PAGE_SIZE.vpc },
          describeNatGatewaysResponse
        );
        return { items: body.NatGateways, total: body.TotalCount };
      })
    );
  }

  snatEntries(region: string, tableId: string): Promise<SnatEntry[]> {
    return this.once(`stb:${region}:${tableId}`, () =>
      allPages('DescribeSnatTableEntries', async (page) => {
        const body = await this.call(
          'vpc',
          region,
          'DescribeSnatTableEntries',
          { RegionId: region, SnatTableId: tableId, PageNumber: page, PageSize: PAGE_SIZE.vpc },
          describeSnatTableEntriesResponse
        );
        return { items: body.SnatTableEntries, total: body.TotalCount };
      })
    );
  }

  /** The facts of one binding, computed once however many groups and modules share the vSwitch. */
  bindingFacts(region: string, binding: NetworkBinding): Promise<BindingFacts> {
    return this.once(`facts:${region}:${binding.VpcId}:${binding.VswitchId}`, async () => {
      const [vswitches, natGateways] = await settleAll([
        this.vswitches(region, binding.VpcId),
        this.natGateways(region, binding.VpcId)
      ]);
      const vswitch = vswitches.find((v) => v.VSwitchId === binding.VswitchId);
      if (!vswitch) {
        throw new Error(
          `the bound vSwitch ${binding.VswitchId} is not among the ${vswitches.length} vSwitches that ` +
            `DescribeVSwitches lists for ${binding.VpcId}`
        );
      }
      const privateCidrs = [vswitch.CidrBlock, vswitch.Ipv6CidrBlock]
        .filter((text): text is string => text !== undefined)
        .map((text) => ({
          text: canonicalBlock(text, `vSwitch ${vswitch.VSwitchId}`),
          origin: 'api' as const,
          source: vswitch.VSwitchId
        }));

      // VPC NAT gateways (`intranet`) translate to private addresses: never public egress.
      const internetGateways = natGateways.filter((gateway) => gateway.NetworkType === 'internet');
      const tables = await settleAll(
        internetGateways.flatMap((gateway) =>
          gateway.SnatTableIds.map(async (tableId) =>
            (await this.snatEntries(region, tableId)).map((entry) => ({ entry, natGatewayId: gateway.NatGatewayId }))
          )
        )
      );
      const entries = tables.flat().filter(({ entry }) => entry.Status !== 'Deleting');
      const publicIps = egressRulesFor(vswitch.VSwitchId, vswitch.CidrBlock, entries).flatMap((rule) =>
        rule.ips.map((ip) => ({ text: ip, origin: 'api' as const, source: `snat:${rule.entryId}` }))
      );
      return { privateCidrs, publicIps };
    });
  }
}

/**
 * Like Promise.all, but waits for every promise before rejecting with the first failure: nothing this run started
 * may still be running (and retrying) after the run has returned.
 */
async function settleAll<T extends readonly unknown[]>(
  promises: readonly [...{ [K in keyof T]: Promise<T[K]> }]
): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function canonicalBlock(text: string, what: string): string {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`${what} has the block "${text}", which does not parse: ${parsed.reason}`);
  return parsed.entry.canonical;
}

interface GroupResult {
  facts: Map<ModuleName, ModuleNetworkFacts>;
  findings: Finding[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function positionOf(pos: SourcePosition | undefined): Partial<SourcePosition> {
  return pos ? { file: pos.file, line: pos.line, column: pos.column } : {};
}

function unresolved(group: ResourceGroupConfig, reason: string, module?: ModuleName): Finding {
  return {
    rule: 'unresolved',
    severity: 'error',
    message: `resource group "${group.name}"${module ? ` (${module})` : ''} could not be resolved online: ${reason}`,
    resourceGroup: group.name,
    ...(module ? { module } : {}),
    ...positionOf(group.id?.pos ?? group.pos)
  };
}

async function resolveGroup(request: OnlineGroupRequest, cloud: CloudCache, logger: Logger): Promise<GroupResult> {
  const { group } = request;
  const facts = new Map<ModuleName, ModuleNetworkFacts>();
  const findings: Finding[] = [];
  if (!group.id) {
    return { facts, findings: [unresolved(group, 'it has no `id`, which online resolution needs')] };
  }
  const id = group.id.value;
  const region = group.region;

  let running: NetworkBinding[];
  try {
    const [resourceGroup, bindings] = await settleAll([
      cloud.resourceGroup(region, id),
      cloud.bindings(region, id)
    ] as const);
    const type = resourceGroup.ResourceGroupType;
    if (type && type.startsWith('Exclusive')) {
      return {
        facts,
        findings: [
          unresolved(
            group,
            `${id} is a legacy exclusive group (${type}); declare it with type exclusive-integration or ` +
              'exclusive-service and static facts, since no API returns its network'
          )
        ]
      };
    }
    running = bindings.filter((binding) => binding.Status === 'Running');
    for (const binding of bindings) {
      if (binding.Status !== 'Running') {
        logger.debug(`${group.name}: ignoring the ${binding.Status} binding ${binding.VswitchId} (${binding.VpcId})`);
      }
    }
  } catch (error) {
    return { facts, findings: [unresolved(group, messageOf(error))] };
  }

  const { chosenPerModule, findings: selectionFindings } = selectBindings(request, id, running);
  findings.push(...selectionFindings);

  // Each distinct binding once; a failure makes only the modules that use it unresolved.
  const distinct = new Map<string, NetworkBinding>();
  for (const chosen of chosenPerModule.values()) for (const b of chosen) distinct.set(b.VswitchId, b);
  const outcomes = new Map<string, { ok: true; facts: BindingFacts } | { ok: false; reason: string }>();
  await Promise.all(
    [...distinct.values()].map(async (binding) => {
      try {
        outcomes.set(binding.VswitchId, { ok: true, facts: await cloud.bindingFacts(region, binding) });
      } catch (error) {
        outcomes.set(binding.VswitchId, { ok: false, reason: messageOf(error) });
      }
    })
  );

  const failureReasons = new Set<string>();
  for (const [module, chosen] of chosenPerModule) {
    const failed = chosen.map((b) => outcomes.get(b.VswitchId)!).find((o) => !o.ok);
    if (failed && !failed.ok) {
      failureReasons.add(failed.reason);
      continue;
    }
    facts.set(module, mergeFacts(chosen.map((b) => (outcomes.get(b.VswitchId) as { facts: BindingFacts }).facts)));
  }
  for (const reason of [...failureReasons].sort()) findings.push(unresolved(group, reason));
  findings.push(...driftFindings(group, facts));
  return { facts, findings };
}

/**
 * The Running bindings each module uses: all of them, or those the config's `vswitches` (per module where given)
 * names. A named vSwitch that is not a Running binding is reported as drift; a module left with none is
 * unresolved.
 */
function selectBindings(
  request: OnlineGroupRequest,
  id: string,
  running: readonly NetworkBinding[]
): { chosenPerModule: Map<ModuleName, NetworkBinding[]>; findings: Finding[] } {
  const { group } = request;
  const findings: Finding[] = [];
  const chosenPerModule = new Map<ModuleName, NetworkBinding[]>();
  const runningList = running.map((b) => b.VswitchId).join(', ') || 'none';
  const runningIds = new Set(running.map((binding) => binding.VswitchId));
  const reported = new Set<string>();
  let reportedNoBinding = false;

  for (const module of request.modules) {
    const override = group.modules[module]?.vswitches;
    const restriction = override ?? group.vswitches;
    if (!restriction) {
      if (running.length > 0) chosenPerModule.set(module, [...running]);
      else if (!reportedNoBinding) {
        reportedNoBinding = true;
        findings.push(
          unresolved(group, `${id} has no Running network binding (no vSwitch to reach data sources from)`)
        );
      }
      continue;
    }
    const key = override ? `modules.${module}.vswitches` : 'vswitches';
    for (const entry of restriction) {
      if (runningIds.has(entry.value) || reported.has(`${key}:${entry.value}`)) continue;
      reported.add(`${key}:${entry.value}`);
      findings.push({
        rule: 'drift',
        severity: 'warning',
        message:
          `resource group "${group.name}": ${key} lists ${entry.value}, which is not a Running binding of ${id} ` +
          `(Running: ${runningList})`,
        resourceGroup: group.name,
        entry: entry.value,
        ...positionOf(entry.pos)
      });
    }
    const wanted = new Set(restriction.map((v) => v.value));
    const chosen = running.filter((binding) => wanted.has(binding.VswitchId));
    if (chosen.length > 0) {
      chosenPerModule.set(module, chosen);
      continue;
    }
    findings.push(
      unresolved(
        group,
        `none of the vSwitches in ${key} (${[...wanted].join(', ')}) is a Running binding of ${id} ` +
          `(Running: ${runningList})`,
        module
      )
    );
  }
  return { chosenPerModule, findings };
}

function mergeFacts(parts: BindingFacts[]): ModuleNetworkFacts {
  const dedupe = (entries: FactEntry[]): FactEntry[] => {
    const seen = new Map<string, FactEntry>();
    for (const entry of entries) seen.set(`${entry.source}\u0000${entry.text}`, entry);
    return [...seen.values()].sort((a, b) => compareAddresses(a.text, b.text) || compareText(a.source, b.source));
  };
  return {
    privateCidrs: dedupe(parts.flatMap((p) => p.privateCidrs)),
    publicIps: dedupe(parts.flatMap((p) => p.publicIps))
  };
}

/** IPv4 before IPv6, then by address, then by prefix length: the order a reader scans a whitelist in. */
function compareAddresses(a: string, b: string): number {
  const pa = parseCidr(a);
  const pb = parseCidr(b);
  if (!pa.ok || !pb.ok) return compareText(a, b);
  const x = pa.entry;
  const y = pb.entry;
  if (x.version !== y.version) return x.version - y.version;
  if (x.range.first !== y.range.first) return x.range.first < y.range.first ? -1 : 1;
  return x.range.last < y.range.last ? 1 : x.range.last > y.range.last ? -1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One `drift` finding per static key whose value differs from what the API says for the modules it applies to.
 * A group-level key shared by several modules with the same online value gives one finding naming them all.
 */
function driftFindings(group: ResourceGroupConfig, facts: Map<ModuleName, ModuleNetworkFacts>): Finding[] {
  const grouped = new Map<
    string,
    { key: string; modules: ModuleName[]; finding: Omit<Finding, 'message'>; message: (m: ModuleName[]) => string }
  >();
  for (const [module, online] of facts) {
    for (const factKey of ['privateCidrs', 'publicIps'] as const) {
      const override = group.modules[module]?.[factKey];
      const staticEntries = override ?? group[factKey];
      if (!staticEntries) continue;
      const keyName = override ? `modules.${module}.${factKey}` : factKey;
      const onlineEntries = online[factKey] ?? [];
      const staticSet = canonicalMap(staticEntries.map((e) => e.value));
      const onlineSet = canonicalMap(onlineEntries.map((e) => e.text));
      const onlyStatic = [...staticSet]
        .filter(([canonical]) => !onlineSet.has(canonical))
        .map(([, written]) => written);
      const onlyOnline = [...onlineSet]
        .filter(([canonical]) => !staticSet.has(canonical))
        .map(([, written]) => written);
      if (onlyStatic.length === 0 && onlyOnline.length === 0) continue;
      const onlineText = describeOnline(onlineEntries);
      const groupingKey = `${keyName}\u0000${onlineText}`;
      const existing = grouped.get(groupingKey);
      if (existing) {
        existing.modules.push(module);
        continue;
      }
      const pos = staticEntries[0]?.pos ?? (override ? group.modules[module]?.pos : group.pos);
      grouped.set(groupingKey, {
        key: keyName,
        modules: [module],
        finding: {
          rule: 'drift',
          severity: 'warning',
          resourceGroup: group.name,
          ...(override ? { module } : {}),
          ...positionOf(pos)
        },
        message: (modules) =>
          `resource group "${group.name}" (${modules.join(', ')}): the config's ${keyName} ` +
          `[${staticEntries.map((e) => e.value).join(', ')}] differ from the API's [${onlineText}]` +
          (onlyStatic.length ? `; only in the config: ${onlyStatic.join(', ')}` : '') +
          (onlyOnline.length ? `; only in the API: ${onlyOnline.join(', ')}` : '')
      });
    }
  }
  return [...grouped.values()]
    .sort((a, b) => compareText(a.key, b.key))
    .map((g) => ({ ...g.finding, message: g.message(g.modules) }) as Finding);
}

/** Canonical text → the text as written, so `192.0.2.7` and `192.0.2.7/32` compare equal but print as given. */
function canonicalMap(texts: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const text of texts) {
    const parsed = parseCidr(text);
    const canonical = parsed.ok ? parsed.entry.canonical : text;
    if (!map.has(canonical)) map.set(canonical, text);
  }
  return map;
}

function describeOnline(entries: readonly FactEntry[]): string {
  return entries.map((e) => `${e.text} (${e.source})`).join(', ');
}
