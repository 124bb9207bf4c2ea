/**
 * What every deployed-whitelist reader shares: how an API is described, how its answer becomes a
 * `DeployedWhitelist`, and the tolerant zod pieces (absent lists are empty, comma strings are split).
 * Pure: no I/O here, and no cloud SDK (only its types), so the readers can be tested on plain bodies.
 */
import { z } from 'zod';
import type { ApiRequest, ApiSpec } from '../../cloud/client.js';
import type { Network, ProductId } from '../../model.js';
import { productProfile } from '../../products/index.js';
import type { DeployedGroup, DeployedRequest, DeployedWhitelist } from './types.js';

export const BOTH_NETWORKS: readonly Network[] = ['private', 'public'];

/** A deployed whitelist larger than this is not something any product allows: refuse it rather than churn on it. */
export const MAX_DEPLOYED_ENTRIES = 20_000;

export type ReaderResult = { ok: true; whitelist: DeployedWhitelist } | { ok: false; message: string };

/** One call per instance: the API, the request for one data source, the answer's schema, and the reader. */
export interface DeployedApi<S extends z.ZodType = z.ZodType> {
  spec: ApiSpec;
  request(request: DeployedRequest): ApiRequest;
  schema: S;
  read(body: z.output<S>, request: DeployedRequest): ReaderResult;
}

/** Text that may be absent or null (absent and empty mean the same). */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? '');

/** A list that may be absent or null: then it is empty. */
export function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);
}

/** `"192.0.2.1, 192.0.2.0/24,,"` → the entries, trimmed, empties dropped. Some products separate with blanks too. */
export function splitEntries(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export function isHiddenAttribute(attribute: string | null | undefined): boolean {
  return (attribute ?? '').trim().toLowerCase() === 'hidden';
}

/** Builds the whitelist, refusing one whose size no product allows (a broken or hostile answer). */
export function whitelistOf(
  request: DeployedRequest,
  groups: DeployedGroup[],
  extra: { disabledNetworks?: Network[]; emptyAllowsAll?: boolean } = {}
): ReaderResult {
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  if (total > MAX_DEPLOYED_ENTRIES) {
    return {
      ok: false,
      message: `the deployed whitelist holds ${total} entries, more than the ${MAX_DEPLOYED_ENTRIES} any product allows`
    };
  }
  return {
    ok: true,
    whitelist: {
      product: request.product,
      instance: request.instance,
      region: request.region,
      groups,
      disabledNetworks: extra.disabledNetworks ?? [],
      emptyAllowsAll: extra.emptyAllowsAll ?? emptyMeansAllowAll(request.product)
    }
  };
}

export function emptyMeansAllowAll(product: ProductId): boolean {
  return productProfile(product).emptyMeansAllowAll;
}

/** A group name as shown in findings: never empty. */
export function groupName(name: string, fallback: string): string {
  const trimmed = name.trim();
  return trimmed === '' ? fallback : trimmed;
}

/** The usual RPC request: the instance id under the API's parameter name, and the region. */
export function rpcRequest(idParameter: string, withRegion = false) {
  return (request: DeployedRequest): ApiRequest => ({
    query: { [idParameter]: request.instance, ...(withRegion ? { RegionId: request.region } : {}) }
  });
}

/** An RPC spec of a deployed-whitelist API, with the RAM action `<ramService>:<action>`. */
export function rpcSpec(endpoint: ApiSpec['endpoint'], ramService: string, version: string, action: string): ApiSpec {
  return { endpoint, version, action, style: 'RPC', method: 'POST', ramAction: `${ramService}:${action}` };
}

/** One group as the simple products report it: a name, an attribute, a comma string. */
export interface PlainGroup {
  name: string;
  attribute: string;
  entries: string;
}

/** Groups that admit both networks (the product does not tell networks apart); `hidden` from the attribute. */
export function plainGroups(items: readonly PlainGroup[], hiddenNames: readonly string[] = []): DeployedGroup[] {
  return items.map((item, i) => {
    const name = groupName(item.name, `group ${i + 1}`);
    return {
      name,
      hidden: isHiddenAttribute(item.attribute) || hiddenNames.includes(name),
      networks: BOTH_NETWORKS,
      entries: splitEntries(item.entries)
    };
  });
}
