/**
 * The one place that talks to Alibaba Cloud: `@alicloud/openapi-core`'s generic `callApi` (RPC style, signed with
 * ACS3-HMAC-SHA256), wrapped in our retry loop, a concurrency limit, and zod validation of what is read.
 */
import * as openApiCore from '@alicloud/openapi-core';
import type { z } from 'zod';
import type { Credential } from './credentials.js';
import { ApiCallError, isTransientCode } from './errors.js';
import { interopDefault } from './interop.js';
import { endpointFor } from './endpoints.js';
import type { Endpoint, Service } from './endpoints.js';
import type { Limiter } from './limiter.js';
import { withRetry } from './retry.js';
import type { RetryClock, RetryPolicy } from './retry.js';
import { describeIssues } from './schemas.js';
import type { OnlineSettings } from '../types.js';
import type { Logger } from '../../io.js';

const OpenApi = interopDefault(openApiCore.default);
const { $OpenApiUtil, OpenApiUtil } = openApiCore;

type Query = Record<string, string | number>;

const API_VERSION: Record<Service, string> = { dataworks: '2024-05-18', vpc: '2016-04-28' };
/** DataWorks 2024 reads are GET; VPC actions are POST with the parameters in the query string. */
const API_METHOD: Record<Service, 'GET' | 'POST'> = { dataworks: 'GET', vpc: 'POST' };

export interface ApiClientOptions {
  credential: Credential;
  settings: OnlineSettings;
  limiter: Limiter;
  policy: RetryPolicy;
  clock: RetryClock;
  logger: Logger;
}

/** Calls one action and returns its validated body; every failure is an `ApiCallError`. */
export class ApiClient {
  /** Requests sent, retries included. */
  requests = 0;
  private readonly clients = new Map<string, InstanceType<typeof OpenApi>>();

  constructor(private readonly options: ApiClientOptions) {}

  async call<S extends z.ZodType>(
    service: Service,
    region: string,
    action: string,
    query: Query,
    schema: S,
    /** Overrides the service's method for an action the SDK sends otherwise (DataWorks writes and tests are POST). */
    method: 'GET' | 'POST' = API_METHOD[service]
  ): Promise<z.output<S>> {
    const endpoint = endpointFor(service, region, this.options.settings);
    const client = this.clientFor(endpoint);
    const params = new $OpenApiUtil.Params({
      action,
      version: API_VERSION[service],
      protocol: endpoint.protocol,
      pathname: '/',
      method,
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      // Read the body as text and parse it here, so a success body that is not JSON gets a clear message.
      bodyType: 'string'
    });
    const label = `${action} (${describeQuery(query)})`;
    const { policy, clock, limiter, logger } = this.options;
    const body = await withRetry(
      action,
      policy,
      clock,
      (timeoutMs) =>
        limiter.run(async () => {
          this.requests++;
          const request = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
          // The runtime object is read field by field; the timeouts set here override the client's.
          const runtime = { readTimeout: timeoutMs, connectTimeout: timeoutMs } as Parameters<typeof client.callApi>[2];
          const response = await client.callApi(params, request, runtime);
          const parsedBody = parseBody(action, response.body);
          const failure = applicationError(action, parsedBody);
          if (failure) throw failure;
          return parsedBody;
        }),
      (error, attempt, delayMs) => logger.debug(`${label}: ${error.message}; retry ${attempt} in ${delayMs} ms`)
    );
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiCallError(
        `${action} returned a response of an unexpected shape: ${describeIssues(parsed.error)}`,
        'permanent',
        action,
        'UnexpectedResponse'
      );
    }
    return parsed.data;
  }

  private clientFor(endpoint: Endpoint): InstanceType<typeof OpenApi> {
    const key = `${endpoint.protocol}://${endpoint.host}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new OpenApi(
        new $OpenApiUtil.Config({
          credential: this.options.credential,
          endpoint: endpoint.host,
          protocol: endpoint.protocol,
          readTimeout: this.options.policy.requestTimeoutMs,
          connectTimeout: this.options.policy.requestTimeoutMs
        })
      );
      this.clients.set(key, client);
    }
    return client;
  }
}

function parseBody(action: string, body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // A 200 whose body is not JSON comes from something in between (a proxy, a captive portal): try again.
    throw new ApiCallError(`${action}: the response body is not JSON`, 'transient', action, 'MalformedBody');
  }
}

/** A 200 body with `Success: false` is an error, with its code in `ErrorCode` (DataWorks) or `Code`. */
function applicationError(action: string, body: unknown): ApiCallError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return new ApiCallError(
      `${action}: the response body is not a JSON object`,
      'permanent',
      action,
      'UnexpectedResponse'
    );
  }
  const record = body as Record<string, unknown>;
  if (record.Success !== false) return undefined;
  const code = stringField(record.ErrorCode) ?? stringField(record.Code) ?? 'unknown';
  const message = stringField(record.ErrorMessage) ?? stringField(record.Message) ?? '';
  const requestId = stringField(record.RequestId);
  return new ApiCallError(
    `${action} answered Success: false with ${code}${message ? `: ${message}` : ''}${requestId ? ` (request id ${requestId})` : ''}`,
    isTransientCode(code) ? 'transient' : 'permanent',
    action,
    code
  );
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function describeQuery(query: Query): string {
  return Object.entries(query)
    .filter(([key]) => key !== 'PageSize' && key !== 'RegionId')
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}
