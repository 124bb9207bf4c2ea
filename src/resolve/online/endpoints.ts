/** API endpoints per service and region, and the user's overrides (whose URL scheme sets the protocol). */
import type { OnlineSettings } from '../types.js';

export type Service = 'dataworks' | 'vpc';

export interface Endpoint {
  /** `host` or `host:port`, as the OpenAPI client's `endpoint` wants it. */
  host: string;
  protocol: 'HTTPS' | 'HTTP';
}

/** The DataWorks endpoint table is regional except for these regions, which use the central endpoint. */
const DATAWORKS_CENTRAL_REGIONS = new Set(['cn-qingdao', 'cn-huhehaote']);
/** The VPC client's own endpoint map sends these regions to the central endpoint. */
const VPC_CENTRAL_REGIONS = new Set(['cn-hangzhou']);

export function defaultEndpoint(service: Service, region: string): Endpoint {
  if (service === 'dataworks') {
    const host = DATAWORKS_CENTRAL_REGIONS.has(region) ? 'dataworks.aliyuncs.com' : `dataworks.${region}.aliyuncs.com`;
    return { host, protocol: 'HTTPS' };
  }
  const host = VPC_CENTRAL_REGIONS.has(region) ? 'vpc.aliyuncs.com' : `vpc.${region}.aliyuncs.com`;
  return { host, protocol: 'HTTPS' };
}

/** Parses an override URL; only the scheme and `host[:port]` matter (the APIs live at `/`). */
export function parseEndpointUrl(name: string, text: string): Endpoint {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`endpoint ${name}="${text}" is not a URL; expected e.g. ${name}=https://host[:port]`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`endpoint ${name}="${text}": the scheme must be https or http`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username || url.password) {
    throw new Error(`endpoint ${name}="${text}": give only the scheme, host and port (the APIs live at /)`);
  }
  return { host: url.host, protocol: url.protocol === 'http:' ? 'HTTP' : 'HTTPS' };
}

export function endpointFor(service: Service, region: string, settings: OnlineSettings): Endpoint {
  const override = settings.endpoints[service];
  return override ? parseEndpointUrl(service, override) : defaultEndpoint(service, region);
}

/** The STS host for OIDC: the credentials library calls STS over HTTPS only, so an http override is refused. */
export function stsHost(settings: OnlineSettings): string | undefined {
  const override = settings.endpoints.sts;
  if (!override) return undefined;
  const endpoint = parseEndpointUrl('sts', override);
  if (endpoint.protocol !== 'HTTPS') {
    throw new Error(`endpoint sts="${override}": STS is called over https only`);
  }
  return endpoint.host;
}
