/**
 * API endpoints per API and region, and the user's overrides: one URL per endpoint key (product id, `dataworks`,
 * `vpc`, `sts`), whose scheme sets the protocol and which may contain `{region}`.
 */
import { REGION_PLACEHOLDER } from './endpoint-keys.js';
import type { EndpointKey, ProductEndpointKey } from './endpoint-keys.js';
import { PRODUCT_ENDPOINT_TABLES } from './endpoint-table.js';

/** The group resolver's services (kept under this name for its callers). */
export type Service = 'dataworks' | 'vpc';

/** Every key an API call can be addressed by (`sts` is only an override: the credentials library calls it). */
export type ApiEndpointKey = Exclude<EndpointKey, 'sts'>;

export interface Endpoint {
  /** `host` or `host:port`, as the OpenAPI client's `endpoint` wants it. */
  host: string;
  protocol: 'HTTPS' | 'HTTP';
}

/** What endpoint resolution reads from the settings; any record of key → URL fits. */
export interface EndpointSettings {
  endpoints: Readonly<Partial<Record<string, string>>>;
}

/** The DataWorks endpoint table is regional except for these regions, which use the central endpoint. */
const DATAWORKS_CENTRAL_REGIONS = new Set(['cn-qingdao', 'cn-huhehaote']);
/** The VPC client's own endpoint map sends these regions to the central endpoint. */
const VPC_CENTRAL_REGIONS = new Set(['cn-hangzhou']);

/** A region goes into a host name: only what region ids are made of, so a config can never steer the host. */
const REGION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkedRegion(region: string): string {
  if (!REGION_ID.test(region) || region.length > 64) {
    throw new Error(`region "${region.slice(0, 64)}" is not a region id (lowercase letters, digits and dashes)`);
  }
  return region;
}

/** Central hosts per product, inverted once: region → host. */
const CENTRAL_HOST = new Map<ProductEndpointKey, Map<string, string>>(
  Object.entries(PRODUCT_ENDPOINT_TABLES).map(([key, table]) => {
    const byRegion = new Map<string, string>();
    for (const [host, regions] of Object.entries(table.hosts)) for (const r of regions) byRegion.set(r, host);
    return [key as ProductEndpointKey, byRegion];
  })
);

export function defaultEndpoint(key: ApiEndpointKey, region: string): Endpoint {
  const r = checkedRegion(region);
  if (key === 'dataworks') {
    return {
      host: DATAWORKS_CENTRAL_REGIONS.has(r) ? 'dataworks.aliyuncs.com' : `dataworks.${r}.aliyuncs.com`,
      protocol: 'HTTPS'
    };
  }
  if (key === 'vpc') {
    return { host: VPC_CENTRAL_REGIONS.has(r) ? 'vpc.aliyuncs.com' : `vpc.${r}.aliyuncs.com`, protocol: 'HTTPS' };
  }
  const central = CENTRAL_HOST.get(key)?.get(r);
  return { host: central ?? `${PRODUCT_ENDPOINT_TABLES[key].regionalHost}.${r}.aliyuncs.com`, protocol: 'HTTPS' };
}

/**
 * Parses an override URL; only the scheme and `host[:port]` matter (the APIs live at `/`). `{region}` in the host
 * is replaced by `region`; without a region it is checked with a sample region.
 */
export function parseEndpointUrl(name: string, text: string, region?: string): Endpoint {
  const substituted = text.split(REGION_PLACEHOLDER).join(region === undefined ? 'cn-hangzhou' : checkedRegion(region));
  let url: URL;
  try {
    url = new URL(substituted);
  } catch {
    throw new Error(`endpoint ${name}="${text}" is not a URL; expected e.g. ${name}=https://host[:port]`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`endpoint ${name}="${text}": the scheme must be https or http`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new Error(`endpoint ${name}="${text}": give only the scheme, host and port (the APIs live at /)`);
  }
  return { host: url.host, protocol: url.protocol === 'http:' ? 'HTTP' : 'HTTPS' };
}

/** Generic so that a literal carrying the rest of the online settings is accepted as it is. */
export function endpointFor<S extends EndpointSettings>(key: ApiEndpointKey, region: string, settings: S): Endpoint {
  const override = settings.endpoints[key];
  return override ? parseEndpointUrl(key, override, region) : defaultEndpoint(key, region);
}

/** The STS host for OIDC: the credentials library calls STS over HTTPS only, so an http override is refused. */
export function stsHost<S extends EndpointSettings>(settings: S): string | undefined {
  const override = settings.endpoints.sts;
  if (!override) return undefined;
  if (override.includes(REGION_PLACEHOLDER)) {
    throw new Error(`endpoint sts="${override}": STS takes no {region} (set ALIBABA_CLOUD_STS_REGION instead)`);
  }
  const endpoint = parseEndpointUrl('sts', override);
  if (endpoint.protocol !== 'HTTPS') {
    throw new Error(`endpoint sts="${override}": STS is called over https only`);
  }
  return endpoint.host;
}
