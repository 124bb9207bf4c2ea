/**
 * Which products have an API that returns the whitelist deployed on an instance (contract §9), and the editions
 * that choose between two APIs. The readers themselves live in `src/whitelists/deployed/`; this table is what the
 * config, the endpoint overrides and the reports need without loading them.
 */
import type { ProductId } from '../model.js';

export const DEPLOYED_API_PRODUCTS = [
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
] as const satisfies readonly ProductId[];
export type DeployedApiProduct = (typeof DEPLOYED_API_PRODUCTS)[number];

export function hasDeployedApi(product: ProductId): product is DeployedApiProduct {
  return (DEPLOYED_API_PRODUCTS as readonly string[]).includes(product);
}

/** The editions of the products whose deployed whitelist comes from one of two APIs; the first is the default. */
export const PRODUCT_EDITIONS: Partial<Record<ProductId, readonly string[]>> = {
  'adb-mysql': ['warehouse', 'lakehouse'],
  clickhouse: ['community', 'enterprise']
};
