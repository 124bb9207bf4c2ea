/**
 * From a DataWorks data source (ListDataSources) to a config data source: the product its type maps to, and the
 * instance, region and mode read from its connection properties (keys: shared/reference/cloud-whitelist-apis.md §5).
 */
import type { ProductId } from '../model.js';

/** Products whose deployed whitelist no API returns (contract §9): `instance` on them is an invalid config. */
const NO_DEPLOYED_API: ReadonlySet<ProductId> = new Set(['hologres', 'polardb-x', 'oss', 'other']);

interface TypeMapping {
  product: ProductId;
  /** The connection property that names the instance, and how to read it. */
  instance: (props: ConnectionProperties) => string | undefined;
}

const instanceId = (props: ConnectionProperties): string | undefined => props.text('instanceId');

/** The one mapping table: DataWorks `Type` → product and instance key. Types not here are written commented out. */
export const DATAWORKS_TYPES: Readonly<Record<string, TypeMapping>> = {
  mysql: { product: 'rds', instance: instanceId },
  postgresql: { product: 'rds', instance: instanceId },
  sqlserver: { product: 'rds', instance: instanceId },
  polardb: { product: 'polardb', instance: (p) => p.text('clusterId') },
  polardbx20: { product: 'polardb-x', instance: instanceId },
  analyticdb_for_mysql: { product: 'adb-mysql', instance: instanceId },
  hologres: { product: 'hologres', instance: instanceId },
  maxcompute: { product: 'maxcompute', instance: (p) => p.text('project') },
  odps: { product: 'maxcompute', instance: (p) => p.text('project') },
  clickhouse: { product: 'clickhouse', instance: instanceId },
  // URL mode only: the instance is the first label of the seed server's host (`ld-….lindorm.rds.aliyuncs.com`).
  lindorm: { product: 'lindorm', instance: (p) => p.text('instanceId') ?? lindormInstance(p.text('seedserver')) }
};

/** DataWorks types that name a product whose connection keys are not confirmed: the user maps them by hand. */
const UNCONFIRMED: Readonly<Record<string, ProductId>> = {
  redis: 'redis',
  mongodb: 'mongodb',
  elasticsearch: 'elasticsearch',
  analyticdb_for_postgresql: 'adb-pg'
};

function lindormInstance(seed: string | undefined): string | undefined {
  const match = seed === undefined ? null : /^(ld-[a-z0-9]+)(?=[-.])/i.exec(seed.trim());
  return match?.[1];
}

/** At most this much of a connection-properties string is decoded: they are a few hundred bytes. */
const MAX_PROPERTIES_TEXT = 64 * 1024;

/** The connection properties of one environment, read defensively: an object, or a JSON string of one. */
export class ConnectionProperties {
  private readonly values: Record<string, unknown>;

  constructor(raw: unknown) {
    this.values = ConnectionProperties.decode(raw);
  }

  private static decode(raw: unknown): Record<string, unknown> {
    let value = raw;
    if (typeof value === 'string' && value.length <= MAX_PROPERTIES_TEXT) {
      try {
        value = JSON.parse(value) as unknown;
      } catch {
        return {};
      }
    }
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  }

  /** A property as text: strings as given (trimmed), finite numbers as digits; anything else is absent. */
  text(key: string): string | undefined {
    if (!Object.hasOwn(this.values, key)) return undefined;
    const value = this.values[key];
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
  }
}

export type MappedDataSource =
  | { ok: true; product: ProductId; instance: string; region: string | undefined; crossAccount: boolean; mode: string }
  | { ok: false; reason: string; product?: ProductId };

/** What the config can say about one environment of a DataWorks data source, or why it cannot be checked. */
export function mapDataSource(type: string, mode: string | undefined, rawProperties: unknown): MappedDataSource {
  const typeKey = type.toLowerCase();
  const mapping = Object.hasOwn(DATAWORKS_TYPES, typeKey) ? DATAWORKS_TYPES[typeKey] : undefined;
  if (!mapping) {
    const guess = Object.hasOwn(UNCONFIRMED, typeKey) ? UNCONFIRMED[typeKey] : undefined;
    return guess
      ? {
          ok: false,
          product: guess,
          reason: `the connection properties of DataWorks type ${type} are not mapped yet; set product ${guess} and its instance by hand`
        }
      : { ok: false, reason: `DataWorks type ${type} maps to no product this tool checks` };
  }
  if (NO_DEPLOYED_API.has(mapping.product)) {
    return {
      ok: false,
      product: mapping.product,
      reason: `no API returns the deployed whitelist of ${mapping.product}; add a whitelist file source instead`
    };
  }
  const props = new ConnectionProperties(rawProperties);
  const instance = mapping.instance(props);
  if (instance === undefined) {
    return {
      ok: false,
      product: mapping.product,
      reason:
        mode === 'UrlMode'
          ? 'URL mode (host and port) names no instance; add instance or a whitelist file source by hand'
          : 'the connection properties name no instance'
    };
  }
  return {
    ok: true,
    product: mapping.product,
    instance,
    region: props.text('regionId'),
    crossAccount: props.text('crossAccountOwnerId') !== undefined,
    mode: mode ?? 'unknown'
  };
}
