/**
 * The keys of the `endpoints` input and `--endpoint`: one per product with a deployed-whitelist API, plus the
 * services the group resolver and OIDC use. Kept free of the cloud SDK, so that parsing settings offline loads none.
 */
export const PRODUCT_ENDPOINT_KEYS = [
  'rds',
  'polardb',
  'redis',
  'mongodb',
  'adb-mysql',
  'adb-pg',
  'clickhouse',
  'elasticsearch',
  'lindorm',
  'ecs-security-group',
  'maxcompute'
] as const;

export const ENDPOINT_KEYS = [...PRODUCT_ENDPOINT_KEYS, 'dataworks', 'vpc', 'sts'] as const;

export type ProductEndpointKey = (typeof PRODUCT_ENDPOINT_KEYS)[number];
export type EndpointKey = (typeof ENDPOINT_KEYS)[number];

/** The placeholder an endpoint URL may contain, replaced by the region of each call. */
export const REGION_PLACEHOLDER = '{region}';

export function isEndpointKey(name: string): name is EndpointKey {
  return (ENDPOINT_KEYS as readonly string[]).includes(name);
}
