/**
 * The group resolver's view of the shared cloud client (`src/cloud/client.ts`): DataWorks 2024-05-18 reads (GET)
 * and VPC actions (POST, parameters in the query string), all RPC.
 */
import type { z } from 'zod';
import { CloudClient } from '../../cloud/client.js';
import type { ApiSpec, CloudClientOptions } from '../../cloud/client.js';
import { ramActionOf } from '../../cloud/errors.js';
import type { Limiter } from '../../cloud/limiter.js';
import type { Service } from '../../cloud/endpoints.js';

const API_VERSION: Record<Service, string> = { dataworks: '2024-05-18', vpc: '2016-04-28' };
/** DataWorks 2024 reads are GET; VPC actions are POST with the parameters in the query string. */
const API_METHOD: Record<Service, 'GET' | 'POST'> = { dataworks: 'GET', vpc: 'POST' };

export function resolverApiSpec(service: Service, action: string): ApiSpec {
  return {
    endpoint: service,
    version: API_VERSION[service],
    action,
    style: 'RPC',
    method: API_METHOD[service],
    ramAction: ramActionOf(action)
  };
}

export interface ApiClientOptions extends Omit<CloudClientOptions, 'limiterFor'> {
  /** One limit over every call of the resolver. */
  limiter: Limiter;
}

/** Calls one action and returns its validated body; every failure is an `ApiCallError`. */
export class ApiClient {
  private readonly cloud: CloudClient;

  constructor(options: ApiClientOptions) {
    const { limiter, ...rest } = options;
    this.cloud = new CloudClient({ ...rest, limiterFor: () => limiter });
  }

  /** Requests sent, retries included. */
  get requests(): number {
    return this.cloud.requests;
  }

  call<S extends z.ZodType>(
    service: Service,
    region: string,
    action: string,
    query: Record<string, string | number>,
    schema: S,
    /** Overrides the service's method for an action the SDK sends otherwise (DataWorks writes and tests are POST). */
    method?: 'GET' | 'POST'
  ): Promise<z.output<S>> {
    const spec = resolverApiSpec(service, action);
    return this.cloud.call(method ? { ...spec, method } : spec, region, { query }, schema);
  }
}
