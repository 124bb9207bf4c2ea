/**
 * The keys of the `endpoints` input and `--endpoint`: one per product with a deployed-whitelist API, plus the
 * services the group resolver and OIDC use. Kept free of the cloud SDK, so that parsing settings offline loads none.
 */
import { DEPLOYED_API_PRODUCTS } from '../products/deployed-apis.js';

/** One key per product with a deployed-whitelist API: the product table is the one list of them. */
export const PRODUCT_ENDPOINT_KEYS = DEPLOYED_API_PRODUCTS;

export const ENDPOINT_KEYS = [...PRODUCT_ENDPOINT_KEYS, 'dataworks', 'vpc', 'sts'] as const;

export type ProductEndpointKey = (typeof PRODUCT_ENDPOINT_KEYS)[number];
export type EndpointKey = (typeof ENDPOINT_KEYS)[number];

/** The placeholder an endpoint URL may contain, replaced by the region of each call. */
export const REGION_PLACEHOLDER = '{region}';

export function isEndpointKey(name: string): name is EndpointKey {
  return (ENDPOINT_KEYS as readonly string[]).includes(name);
}
