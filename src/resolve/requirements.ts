/**
 * Works out the address blocks each data source's whitelist must allow, with every chain that required them:
 * static facts and published lists offline, plus online facts for the serverless groups resolved through the API.
 * Pure: all inputs are values.
 */
import type {
  AccessConfig,
  AddressListName,
  Config,
  DataSourceConfig,
  Finding,
  GroupFacts,
  Located,
  ModuleName,
  ResourceGroupConfig,
  SourcePosition,
  Via
} from '../model.js';
import { type Cidr, formatCidr, parseCidr } from '../net/index.js';
import { type EffectiveList, LIST_PAGES, bundledRegions, effectiveList } from '../lists/index.js';
import type { FactEntry, ModuleNetworkFacts, OnlineResolution } from './types.js';

export interface RequiredBlock {
  cidr: Cidr;
  /** Canonical CIDR text. */
  text: string;
  via: Via[];
}

export interface Requirements {
  /** Per data source name, in a stable order (IPv4 before IPv6, then by address and prefix). */
  perSource: Map<string, RequiredBlock[]>;
  findings: Finding[];
  /** The published lists used, once each, in first-use order. */
  usedLists: EffectiveList[];
}

export interface RequirementOptions {
  /** Facts of the groups resolved online; a group in `attemptedOnline` but absent from it failed to resolve. */
  online?: OnlineResolution;
  attemptedOnline?: ReadonlySet<string>;
  /**
   * Whether a product's whitelist can express a block of this family and size. Contract §1: required IPv6 blocks
   * apply only to products that accept IPv6 (a product that takes single IPv6 addresses only, like MongoDB,
   * cannot hold a vSwitch's IPv6 block, so DataWorks reaches it over IPv4).
   */
  canExpress(product: DataSourceConfig['product'], cidr: Cidr): boolean;
}

/** The published list a shared resource group connects from, per module it serves. */
const SHARED_GROUP_LIST: Record<'data-integration' | 'data-service', AddressListName> = {
  'data-integration': 'shared-integration',
  'data-service': 'shared-service'
};

/** The facts a group presents to one module: a per-module key replaces the group's, others are inherited. */
export function staticFactsFor(group: ResourceGroupConfig, module: ModuleName): ModuleNetworkFacts {
  const override: GroupFacts | undefined = group.modules[module];
  const pick = (key: 'privateCidrs' | 'publicIps'): FactEntry[] | null => {
    const fromOverride = override?.[key];
    const values: Located<string>[] | undefined = fromOverride ?? group[key];
    if (values === undefined) return null;
    const source = fromOverride ? `modules.${module}.${key}` : key;
    return values.map((v) => ({ text: v.value, origin: 'config', source, pos: v.pos }));
  };
  return { privateCidrs: pick('privateCidrs'), publicIps: pick('publicIps') };
}

export function resolveRequirements(config: Config, options: RequirementOptions): Requirements {
  const findings: Finding[] = [];
  const usedLists = new Map<string, EffectiveList>();
  const reportedBadFacts = new Set<string>();
  const perSource = new Map<string, RequiredBlock[]>();
  const groupsByName = new Map(config.resourceGroups.map((g) => [g.name, g]));

  for (const ds of config.dataSources) {
    const blocks = new Map<string, RequiredBlock>();

    // Published list entries with host bits set are normalised silently, as the contract asks.
    const require = (text: string, via: Via, pos: SourcePosition | undefined): void => {
      const parsed = parseCidr(text);
      if (!parsed.ok || !parsed.entry.cidr) {
        const key = pos ? `${pos.file}:${pos.line}:${pos.column}` : `${via.source}:${text}`;
        if (!reportedBadFacts.has(key)) {
          reportedBadFacts.add(key);
          findings.push({
            rule: pos ? 'invalid-config' : 'unresolved',
            severity: 'error',
            message: `"${text}" is not an IP address or CIDR block: ${parsed.ok ? 'expected an address or CIDR, not a range' : parsed.reason}`,
            dataSource: ds.name,
            module: via.module,
            resourceGroup: via.resourceGroup,
            raw: text,
            ...pos
          });
        }
        return;
      }
      const cidr = parsed.entry.cidr;
      if (!options.canExpress(ds.product, cidr)) return;
      const canonical = formatCidr(cidr);
      const existing = blocks.get(canonical);
      if (existing) {
        if (!existing.via.some((v) => sameVia(v, via))) existing.via.push(via);
      } else {
        blocks.set(canonical, { cidr, text: canonical, via: [via] });
      }
    };

    const requireList = (access: AccessConfig, list: AddressListName, region: string, group?: string): void => {
      const effective = effectiveList(list, region, config.addressLists);
      if (!effective) {
        const known = bundledRegions(list);
        findings.push({
          rule: 'unresolved',
          severity: 'error',
          message:
            `no "${list}" address list for region ${region}: copy it from ${LIST_PAGES[list]} into ` +
            `addressLists.${list}.${region} in the config` +
            (known.length ? ` (bundled regions: ${known.join(', ')})` : ' (this list is not bundled for any region)'),
          dataSource: ds.name,
          module: access.module,
          resourceGroup: group,
          ...access.pos
        });
        return;
      }
      usedLists.set(`${list}:${region}`, effective);
      for (const entry of effective.entries) {
        require(entry.text, {
          module: access.module,
          resourceGroup: group,
          origin: entry.origin,
          source: `${list}:${region}`
        }, entry.pos);
      }
    };

    const requireGroup = (access: AccessConfig, group: ResourceGroupConfig, refPos: SourcePosition): void => {
      const module = access.module;
      if (group.type === 'shared') {
        // Metadata collection on the shared group is the platform list of where it runs (contract §1).
        if (module === 'metadata-collection') requireList(access, 'metadata-collection', access.region ?? ds.region);
        else
          requireList(
            access,
            SHARED_GROUP_LIST[module === 'data-service' ? module : 'data-integration'],
            group.region,
            group.name
          );
        return;
      }
      let facts: ModuleNetworkFacts;
      const online = options.online?.facts.get(group.name)?.get(module);
      if (online) {
        facts = online;
      } else if (options.attemptedOnline?.has(group.name)) {
        // The online resolver already reported why; falling back to static facts would hide the failure.
        findings.push({
          rule: 'unresolved',
          severity: 'error',
          message: `the addresses of resource group "${group.name}" for ${module} could not be resolved online (see the resource group's own finding)`,
          dataSource: ds.name,
          module,
          resourceGroup: group.name,
          ...refPos
        });
        return;
      } else {
        facts = staticFactsFor(group, module);
      }
      const key = ds.network === 'private' ? 'privateCidrs' : 'publicIps';
      const entries = facts[key];
      if (entries === null) {
        findings.push({
          rule: 'unresolved',
          severity: 'error',
          message:
            `resource group "${group.name}" has no ${key} for ${module}, and ${ds.network} data source "${ds.name}" needs them: ` +
            (group.type === 'serverless' && group.id
              ? `add ${key} to the group in the config, or resolve online`
              : `add ${key} to the group in the config`),
          dataSource: ds.name,
          module,
          resourceGroup: group.name,
          ...group.pos
        });
        return;
      }
      if (entries.length === 0) {
        findings.push(
          ds.network === 'public'
            ? {
                rule: 'no-public-egress',
                severity: 'error',
                message: `public data source "${ds.name}" is reached through resource group "${group.name}" (${module}), which has no public egress: bind an Internet NAT gateway with a SNAT entry to its vSwitch, or reach the source privately`,
                dataSource: ds.name,
                module,
                resourceGroup: group.name,
                ...refPos
              }
            : {
                rule: 'unresolved',
                severity: 'error',
                message: `resource group "${group.name}" has no private network (no vSwitch CIDR) for ${module}, so it cannot reach private data source "${ds.name}"`,
                dataSource: ds.name,
                module,
                resourceGroup: group.name,
                ...refPos
              }
        );
        return;
      }
      for (const entry of entries) {
        require(entry.text, {
          module,
          resourceGroup: group.name,
          origin: entry.origin,
          source: entry.source
        }, entry.pos);
      }
    };

    for (const access of ds.access) {
      const groups = access.resourceGroups ?? [];
      if (access.module === 'data-analysis') {
        requireList(access, 'data-analysis', access.region ?? ds.region);
        continue;
      }
      if (access.module === 'metadata-collection' && groups.length === 0) {
        requireList(access, 'metadata-collection', access.region ?? ds.region);
        continue;
      }
      for (const ref of groups) {
        const group = groupsByName.get(ref.value);
        // The config loader rejects dangling names; this guards the invariant instead of trusting it blindly.
        if (!group) {
          findings.push({
            rule: 'invalid-config',
            severity: 'error',
            message: `unknown resource group "${ref.value}"`,
            dataSource: ds.name,
            module: access.module,
            ...ref.pos
          });
          continue;
        }
        requireGroup(access, group, ref.pos);
      }
    }

    perSource.set(
      ds.name,
      [...blocks.values()].sort((a, b) => compareCidr(a.cidr, b.cidr))
    );
  }
  return { perSource, findings, usedLists: [...usedLists.values()] };
}

function sameVia(a: Via, b: Via): boolean {
  return a.module === b.module && a.resourceGroup === b.resourceGroup && a.origin === b.origin && a.source === b.source;
}

export function compareCidr(a: Cidr, b: Cidr): number {
  if (a.version !== b.version) return a.version - b.version;
  if (a.base !== b.base) return a.base < b.base ? -1 : 1;
  return a.prefix - b.prefix;
}
