/**
 * Rules of the configuration that a shape cannot express: references between sections, which module may use
 * which resource group, path safety and whitelist-source options. They read the raw data defensively, so they
 * run (and report) alongside the shape checks even when other parts of the file are malformed.
 */
import { GROUP_TYPES, MODULES, NETWORKS, PRODUCTS, WHITELIST_FORMATS } from '../model.js';
import type { Finding, GroupType, ModuleName, Network, ProductId, WhitelistFormat } from '../model.js';
import { DEPLOYED_API_PRODUCTS, PRODUCT_EDITIONS, hasDeployedApi } from '../products/deployed-apis.js';
import { didYouMean } from '../suggest.js';
import { pathText } from './issues.js';
import { EDITIONS } from './schema.js';
import { inferWhitelistFormat, normaliseRepoPath } from './paths.js';
import { invalidConfig, isPlainObject } from './yaml-source.js';
import type { DataPath, YamlSource } from './yaml-source.js';

/** Which resource-group types each module can run on (contract §1). */
export const MODULE_GROUP_TYPES: Record<ModuleName, readonly GroupType[]> = {
  'data-integration': ['serverless', 'exclusive-integration', 'shared'],
  'data-service': ['serverless', 'exclusive-service', 'shared'],
  'metadata-collection': ['serverless', 'exclusive-integration', 'shared'],
  'data-analysis': []
};

const RESOURCE_GROUP_MODULES: readonly ModuleName[] = ['data-integration', 'data-service'];
const MODULE_TITLES: Record<ModuleName, string> = {
  'data-integration': 'Data Integration',
  'data-service': 'Data Service',
  'metadata-collection': 'Metadata Collection',
  'data-analysis': 'Data Analysis'
};
const GROUP_FACT_KEYS = ['privateCidrs', 'publicIps', 'vswitches', 'modules'] as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function namesList(names: readonly string[], none: string): string {
  return names.length > 0 ? names.join(', ') : none;
}

class SemanticChecker {
  readonly findings: Finding[] = [];
  private readonly groups: Record<string, unknown>;
  private readonly groupNames: string[];

  constructor(
    private readonly data: Record<string, unknown>,
    private readonly source: YamlSource
  ) {
    this.groups = isPlainObject(data.resourceGroups) ? data.resourceGroups : {};
    this.groupNames = source.keysInOrder(['resourceGroups']);
  }

  run(): Finding[] {
    this.checkGroups();
    this.checkDataSources();
    this.checkWaivers();
    return this.findings;
  }

  /** A finding on the value at `path`. */
  private atValue(path: DataPath, message: string): void {
    this.findings.push(invalidConfig(this.source.valuePos(path), `${pathText(path)}: ${message}`));
  }

  /** A finding on the key at `path` (for keys that should not be there). */
  private atKey(path: DataPath, message: string): void {
    this.findings.push(invalidConfig(this.source.ownerPos(path), `${pathText(path)}: ${message}`));
  }

  private groupType(name: string): GroupType | undefined {
    const group = Object.hasOwn(this.groups, name) ? this.groups[name] : undefined;
    return isPlainObject(group) ? oneOf(GROUP_TYPES, group.type) : undefined;
  }

  private checkGroups(): void {
    for (const name of this.groupNames) {
      const group = this.groups[name];
      const type = this.groupType(name);
      if (!isPlainObject(group) || !type) continue;
      const base = ['resourceGroups', name];
      if (type === 'shared') {
        for (const key of ['id', ...GROUP_FACT_KEYS]) {
          if (Object.hasOwn(group, key)) {
            this.atKey(
              [...base, key],
              `a shared group takes no ${key}: its addresses are the region's published shared-integration and shared-service lists`
            );
          }
        }
        continue;
      }
      if (type !== 'serverless' && Object.hasOwn(group, 'id')) {
        this.atKey(
          [...base, 'id'],
          `id is used only by serverless groups (online resolution); the addresses of ${type} groups are always their static facts`
        );
      }
      if (!isPlainObject(group.modules)) continue;
      for (const module of this.source.keysInOrder([...base, 'modules'])) {
        // data-analysis runs on no group: the shape check already rejects an override for it.
        const moduleName = oneOf(MODULES, module);
        if (moduleName && moduleName !== 'data-analysis' && !MODULE_GROUP_TYPES[moduleName].includes(type)) {
          this.atKey(
            [...base, 'modules', module],
            `${module} cannot run on ${type} groups, so this override would never apply; modules this group serves: ${usersOf(type).join(', ')}`
          );
        }
      }
    }
  }

  private checkDataSources(): void {
    const sources = this.data.dataSources;
    if (!isPlainObject(sources)) return;
    const names = this.source.keysInOrder(['dataSources']);
    if (names.length === 0) {
      this.atValue(['dataSources'], 'expected at least one data source; a config without any checks nothing');
    }
    for (const name of names) {
      const dataSource = sources[name];
      if (!isPlainObject(dataSource)) continue;
      const base = ['dataSources', name];
      this.checkDeployedKeys(dataSource, base);
      const whitelist = dataSource.whitelist;
      if (Array.isArray(whitelist)) {
        whitelist.forEach((item, index) => this.checkWhitelistSource(item, [...base, 'whitelist', index]));
      } else {
        this.checkWhitelistSource(whitelist, [...base, 'whitelist']);
      }
      if (Array.isArray(dataSource.access)) {
        const product = oneOf(PRODUCTS, dataSource.product);
        const network = oneOf(NETWORKS, dataSource.network);
        dataSource.access.forEach((item, index) =>
          this.checkAccess(item, [...base, 'access', index], product, network)
        );
      }
    }
  }

  /** Contract §9: `whitelist`, `instance` or both; `instance` only where an API exists; `edition` per product. */
  private checkDeployedKeys(dataSource: Record<string, unknown>, base: DataPath): void {
    const hasWhitelist = Object.hasOwn(dataSource, 'whitelist');
    const hasInstance = Object.hasOwn(dataSource, 'instance');
    const product = oneOf(PRODUCTS, dataSource.product);
    if (!hasWhitelist && !hasInstance) {
      this.findings.push(
        invalidConfig(
          this.source.valuePos(base),
          `${pathText(base)}: missing key "whitelist" or "instance"; give the whitelist kept as code (whitelist), ` +
            'the cloud instance whose deployed whitelist is read online (instance), or both'
        )
      );
    }
    if (hasInstance && product && !hasDeployedApi(product)) {
      this.atKey(
        [...base, 'instance'],
        `${product} has no API that returns a deployed whitelist, so instance cannot be checked; remove it and keep ` +
          `the whitelist as code (products with an API: ${DEPLOYED_API_PRODUCTS.join(', ')})`
      );
    }
    // An edition of no product at all is the shape check's finding; here, one that does not fit this product.
    if (Object.hasOwn(dataSource, 'edition') && product && oneOf(EDITIONS, dataSource.edition)) {
      const editions = PRODUCT_EDITIONS[product];
      if (!editions) {
        this.atKey(
          [...base, 'edition'],
          `edition applies only to adb-mysql (warehouse, lakehouse) and clickhouse (community, enterprise); this data source's product is ${product}`
        );
      } else if (!editions.includes(dataSource.edition as string)) {
        this.atValue(
          [...base, 'edition'],
          `${product} editions are ${editions.join(', ')}; got ${JSON.stringify(dataSource.edition)}`
        );
      }
    }
    if (Object.hasOwn(dataSource, 'deployedGroups')) {
      if (!hasInstance) {
        this.atKey(
          [...base, 'deployedGroups'],
          'deployedGroups chooses the groups of the deployed whitelist to compare with the files; add instance, or remove it'
        );
      } else if (!hasWhitelist) {
        this.atKey(
          [...base, 'deployedGroups'],
          'deployedGroups chooses the deployed groups compared with the whitelist files, and this data source has none; remove it'
        );
      }
    }
  }

  private checkWhitelistSource(item: unknown, path: DataPath): void {
    if (!isPlainObject(item)) return;
    const file = typeof item.file === 'string' && item.file.length > 0 ? item.file : undefined;
    if (file !== undefined) {
      const normal = normaliseRepoPath(file);
      if ('error' in normal) this.atValue([...path, 'file'], normal.error);
    }
    const explicit = oneOf(WHITELIST_FORMATS, item.format);
    if (item.format !== undefined && !explicit) return;
    const format: WhitelistFormat | undefined =
      explicit ?? (file !== undefined ? inferWhitelistFormat(file, Object.hasOwn(item, 'select')) : undefined);
    if (!format) return;
    const formatText = explicit
      ? `format is ${format}`
      : `format is ${format} (from the file name; set format to change it)`;
    if (format === 'terraform' && !Object.hasOwn(item, 'select')) {
      this.findings.push(
        invalidConfig(
          this.source.valuePos(path),
          `missing key "select" in ${pathText(path)}; a terraform source needs the resource address (TYPE.NAME) that holds the whitelist`
        )
      );
    }
    if (format === 'text' && Object.hasOwn(item, 'select')) {
      this.atKey(
        [...path, 'select'],
        `select applies only to yaml, json and terraform sources; this source's ${formatText}`
      );
    }
    if (Object.hasOwn(item, 'tfvars')) {
      if (format !== 'terraform') {
        this.atKey([...path, 'tfvars'], `tfvars applies only to terraform sources; this source's ${formatText}`);
      } else if (Array.isArray(item.tfvars)) {
        item.tfvars.forEach((tfvars, index) => {
          if (typeof tfvars !== 'string' || tfvars.length === 0) return;
          const normal = normaliseRepoPath(tfvars);
          if ('error' in normal) this.atValue([...path, 'tfvars', index], normal.error);
        });
      }
    }
  }

  private checkAccess(item: unknown, path: DataPath, product?: ProductId, network?: Network): void {
    if (!isPlainObject(item)) return;
    const module = oneOf(MODULES, item.module);
    if (!module) return;
    const hasGroups = Object.hasOwn(item, 'resourceGroups');
    if (module === 'data-analysis') {
      if (hasGroups) {
        this.atKey(
          [...path, 'resourceGroups'],
          'data-analysis runs on DataWorks-maintained nodes and takes no resourceGroups; remove the key'
        );
      }
      if (product && product !== 'maxcompute') {
        this.atValue(
          [...path, 'module'],
          `data-analysis applies only to maxcompute sources; this data source's product is ${product}`
        );
      }
      return;
    }
    if (RESOURCE_GROUP_MODULES.includes(module)) {
      if (!hasGroups) {
        this.atValue(
          [...path, 'module'],
          `${module} reaches the source through a resource group: add resourceGroups (defined: ${namesList(this.groupNames, 'none')})`
        );
      }
      if (Object.hasOwn(item, 'region')) {
        this.atKey(
          [...path, 'region'],
          `region applies only to platform modules (metadata-collection, data-analysis); a resource group's region is set on the group`
        );
      }
    }
    if (!Array.isArray(item.resourceGroups)) return;
    item.resourceGroups.forEach((name, index) => {
      if (typeof name !== 'string') return;
      const at = [...path, 'resourceGroups', index];
      if (!Object.hasOwn(this.groups, name)) {
        this.atValue(
          at,
          `resource group ${JSON.stringify(name)} is not defined; defined resource groups: ${namesList(this.groupNames, 'none (define them under resourceGroups)')}` +
            didYouMean(name, this.groupNames)
        );
        return;
      }
      const type = this.groupType(name);
      if (!type) return;
      const allowed = MODULE_GROUP_TYPES[module];
      if (!allowed.includes(type)) {
        this.atValue(
          at,
          `${module} cannot use the ${type} group ${JSON.stringify(name)}; it runs on ${allowed.join(', ')} groups`
        );
      } else if (type === 'shared' && network === 'private' && RESOURCE_GROUP_MODULES.includes(module)) {
        this.atValue(
          at,
          `the shared ${MODULE_TITLES[module]} resource group cannot reach VPC sources; use a serverless or exclusive group for this private source`
        );
      }
    });
  }

  private checkWaivers(): void {
    const waivers = this.data.waivers;
    if (!Array.isArray(waivers)) return;
    const sources = isPlainObject(this.data.dataSources) ? this.data.dataSources : {};
    const defined = this.source.keysInOrder(['dataSources']);
    waivers.forEach((waiver, index) => {
      if (!isPlainObject(waiver) || typeof waiver.dataSource !== 'string') return;
      if (!Object.hasOwn(sources, waiver.dataSource)) {
        this.atValue(
          ['waivers', index, 'dataSource'],
          `data source ${JSON.stringify(waiver.dataSource)} is not defined; defined data sources: ${namesList(defined, 'none')}` +
            didYouMean(waiver.dataSource, defined)
        );
        return;
      }
      const dataSource = sources[waiver.dataSource];
      if (!isPlainObject(dataSource)) return;
      if (waiver.scope === 'deployed' && !Object.hasOwn(dataSource, 'instance')) {
        this.atValue(
          ['waivers', index, 'scope'],
          `scope deployed waives misses of the deployed whitelist, and data source ${JSON.stringify(waiver.dataSource)} names no instance`
        );
      }
      if (waiver.scope === 'declared' && !Object.hasOwn(dataSource, 'whitelist')) {
        this.atValue(
          ['waivers', index, 'scope'],
          `scope declared waives misses of the whitelist files, and data source ${JSON.stringify(waiver.dataSource)} has none`
        );
      }
    });
  }
}

function usersOf(type: GroupType): ModuleName[] {
  return MODULES.filter((module) => MODULE_GROUP_TYPES[module].includes(type));
}

/** Every cross-reference and semantic problem at once; nothing when the top level is not a mapping. */
export function semanticFindings(data: unknown, source: YamlSource): Finding[] {
  return isPlainObject(data) ? new SemanticChecker(data, source).run() : [];
}
