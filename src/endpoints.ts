/**
 * Parses the `endpoints` input and `--endpoint` flags: `dataworks=URL`, `vpc=URL`, `sts=URL`, and one per product
 * with a deployed-whitelist API (`rds=URL`, …). A URL may hold `{region}`, replaced by the region of each call.
 */
import { DEPLOYED_API_PRODUCTS } from './products/deployed-apis.js';
import type { EndpointName, OnlineSettings } from './resolve/types.js';
import { didYouMean } from './suggest.js';

const SERVICES: readonly EndpointName[] = ['dataworks', 'vpc', 'sts', ...DEPLOYED_API_PRODUCTS];
type Service = EndpointName;

/** The one placeholder a URL may hold. */
export const REGION_PLACEHOLDER = '{region}';

export type EndpointParse = { ok: true; endpoints: OnlineSettings['endpoints'] } | { ok: false; error: string };

export function parseEndpointSpecs(specs: readonly string[]): EndpointParse {
  const endpoints: OnlineSettings['endpoints'] = {};
  for (const raw of specs) {
    const spec = raw.trim();
    if (spec === '' || spec.startsWith('#')) continue;
    const eq = spec.indexOf('=');
    const name = (eq < 0 ? spec : spec.slice(0, eq)).trim();
    const value = eq < 0 ? '' : spec.slice(eq + 1).trim();
    if (!SERVICES.includes(name as Service)) {
      return {
        ok: false,
        error: `endpoint "${spec}": expected NAME=URL with NAME one of ${SERVICES.join(', ')}${didYouMean(name, SERVICES)}`
      };
    }
    // The URL is checked with a region in place of the placeholder; any other brace is a mistake.
    const sample = value.split(REGION_PLACEHOLDER).join('cn-hangzhou');
    if (/[{}]/.test(sample)) {
      return { ok: false, error: `endpoint "${spec}": the only placeholder a URL may hold is ${REGION_PLACEHOLDER}` };
    }
    let url: URL;
    try {
      url = new URL(sample);
    } catch {
      return { ok: false, error: `endpoint "${spec}": "${value}" is not a URL; expected e.g. ${name}=https://host` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, error: `endpoint "${spec}": the scheme must be https or http, not ${url.protocol}` };
    }
    if (endpoints[name as Service] !== undefined) {
      return { ok: false, error: `endpoint "${name}" is given twice` };
    }
    endpoints[name as Service] = value;
  }
  return { ok: true, endpoints };
}
