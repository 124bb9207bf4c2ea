/** Builds the typed Config from data that passed every check, attaching the position of each node. */
import { ADDRESS_LIST_NAMES, MODULES } from '../model.js';
import type {
  AccessConfig,
  AddressListOverride,
  Config,
  DataSourceConfig,
  GroupFacts,
  Located,
  ModuleName,
  ResourceGroupConfig,
  WaiverConfig,
  WhitelistSourceConfig
} from '../model.js';
import { inferWhitelistFormat, normaliseRepoPath } from './paths.js';
import type {
  AccessInput,
  ConfigInput,
  DataSourceInput,
  ResourceGroupInput,
  WaiverInput,
  WhitelistSourceInput
} from './schema.js';
import type { DataPath, YamlSource } from './yaml-source.js';

type FactsInput = Pick<ResourceGroupInput, 'privateCidrs' | 'publicIps' | 'vswitches'>;

/** Only called after the semantic checks, which reject every path this would refuse. */
function repoPath(raw: string): string {
  const normal = normaliseRepoPath(raw);
  if ('error' in normal) throw new Error(`internal: unchecked path ${raw}`);
  return normal.path;
}

class ConfigBuilder {
  constructor(
    private readonly input: ConfigInput,
    private readonly source: YamlSource
  ) {}

  build(file: string): Config {
    return {
      path: file,
      version: 1,
      region: this.input.region,
      resourceGroups: this.source
        .keysInOrder(['resourceGroups'])
        .map((name) => this.group(name, this.input.resourceGroups![name])),
      addressLists: this.addressLists(),
      dataSources: this.source
        .keysInOrder(['dataSources'])
        .map((name) => this.dataSource(name, this.input.dataSources[name])),
      waivers: (this.input.waivers ?? []).map((waiver, index) => this.waiver(waiver, ['waivers', index]))
    };
  }

  private located(values: string[], path: DataPath): Located<string>[] {
    return values.map((value, index) => ({ value, pos: this.source.valuePos([...path, index]) }));
  }

  /** Keeps "not given" (undefined) apart from "given empty" ([]): for publicIps the two mean different things. */
  private facts(facts: FactsInput, path: DataPath): GroupFacts {
    const result: GroupFacts = { pos: this.source.ownerPos(path) };
    if (facts.privateCidrs) result.privateCidrs = this.located(facts.privateCidrs, [...path, 'privateCidrs']);
    if (facts.publicIps) result.publicIps = this.located(facts.publicIps, [...path, 'publicIps']);
    if (facts.vswitches) result.vswitches = this.located(facts.vswitches, [...path, 'vswitches']);
    return result;
  }

  private group(name: string, group: ResourceGroupInput): ResourceGroupConfig {
    const path = ['resourceGroups', name];
    const modules: Partial<Record<ModuleName, GroupFacts>> = {};
    for (const module of this.source.keysInOrder([...path, 'modules'])) {
      const override = group.modules?.[module as keyof NonNullable<ResourceGroupInput['modules']>];
      if (override && (MODULES as readonly string[]).includes(module)) {
        modules[module as ModuleName] = this.facts(override, [...path, 'modules', module]);
      }
    }
    const result: ResourceGroupConfig = {
      name,
      type: group.type,
      region: group.region ?? this.input.region,
      ...this.facts(group, path),
      modules
    };
    if (group.id !== undefined) result.id = { value: group.id, pos: this.source.valuePos([...path, 'id']) };
    return result;
  }

  private addressLists(): AddressListOverride[] {
    const overrides: AddressListOverride[] = [];
    for (const list of this.source.keysInOrder(['addressLists'])) {
      const listName = ADDRESS_LIST_NAMES.find((known) => known === list);
      const byRegion = listName ? this.input.addressLists?.[listName] : undefined;
      if (!listName || !byRegion) continue;
      for (const region of this.source.keysInOrder(['addressLists', list])) {
        const value = byRegion[region];
        const path = ['addressLists', list, region];
        const entries = Array.isArray(value) ? value : value.entries;
        const entriesPath = Array.isArray(value) ? path : [...path, 'entries'];
        overrides.push({
          list: listName,
          region,
          replace: Array.isArray(value) ? false : (value.replace ?? false),
          entries: this.located(entries, entriesPath),
          pos: this.source.ownerPos(path)
        });
      }
    }
    return overrides;
  }

  private dataSource(name: string, dataSource: DataSourceInput): DataSourceConfig {
    const path = ['dataSources', name];
    const whitelist =
      dataSource.whitelist === undefined
        ? []
        : Array.isArray(dataSource.whitelist)
          ? dataSource.whitelist.map((item, index) => this.whitelistSource(item, [...path, 'whitelist', index]))
          : [this.whitelistSource(dataSource.whitelist, [...path, 'whitelist'])];
    const result: DataSourceConfig = {
      name,
      product: dataSource.product,
      region: dataSource.region ?? this.input.region,
      network: dataSource.network,
      whitelist,
      access: dataSource.access.map((item, index) => this.access(item, [...path, 'access', index])),
      pos: this.source.ownerPos(path)
    };
    if (dataSource.port !== undefined) result.port = dataSource.port;
    if (dataSource.dataworks !== undefined) {
      result.dataworks = {
        workspace: String(dataSource.dataworks.workspace),
        name: dataSource.dataworks.name,
        env: dataSource.dataworks.env ?? 'prod',
        pos: this.source.ownerPos([...path, 'dataworks'])
      };
    }
    if (dataSource.instance !== undefined) {
      result.instance = { value: dataSource.instance, pos: this.source.valuePos([...path, 'instance']) };
    }
    if (dataSource.edition !== undefined) result.edition = dataSource.edition;
    if (dataSource.deployedGroups !== undefined) {
      result.deployedGroups = this.located(dataSource.deployedGroups, [...path, 'deployedGroups']);
    }
    return result;
  }

  private whitelistSource(item: WhitelistSourceInput, path: DataPath): WhitelistSourceConfig {
    const file = repoPath(item.file);
    const result: WhitelistSourceConfig = {
      file,
      format: item.format ?? inferWhitelistFormat(file, item.select !== undefined),
      pos: this.source.valuePos(path)
    };
    if (item.select !== undefined) result.select = item.select;
    if (item.tfvars !== undefined) result.tfvars = item.tfvars.map(repoPath);
    return result;
  }

  private access(item: AccessInput, path: DataPath): AccessConfig {
    const result: AccessConfig = { module: item.module, pos: this.source.valuePos(path) };
    if (item.resourceGroups) result.resourceGroups = this.located(item.resourceGroups, [...path, 'resourceGroups']);
    if (item.region !== undefined) result.region = item.region;
    return result;
  }

  private waiver(waiver: WaiverInput, path: DataPath): WaiverConfig {
    return {
      dataSource: waiver.dataSource,
      entry: { value: waiver.entry, pos: this.source.valuePos([...path, 'entry']) },
      reason: waiver.reason.trim(),
      expires: waiver.expires,
      ...(waiver.scope !== undefined ? { scope: waiver.scope } : {}),
      pos: this.source.valuePos(path)
    };
  }
}

export function buildConfig(input: ConfigInput, source: YamlSource, file: string): Config {
  return new ConfigBuilder(input, source).build(file);
}
