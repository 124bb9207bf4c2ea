/**
 * The one place that talks to Alibaba Cloud: `@alicloud/openapi-core`'s generic `callApi` (RPC and ROA, signed with
 * ACS3-HMAC-SHA256), wrapped in our retry loop, a concurrency limit per API, and zod validation of what is read.
 */
import * as openApiCore from '@alicloud/openapi-core';
import type { z } from 'zod';
import type { Logger } from '../io.js';
import type { Credential } from './credentials.js';
import { ApiCallError, isTransientCode } from './errors.js';
import { interopDefault } from './interop.js';
import { endpointFor } from './endpoints.js';
import type { ApiEndpointKey, Endpoint, EndpointSettings } from './endpoints.js';
import type { Limiter } from './limiter.js';
import { withRetry } from './retry.js';
import type { RetryClock, RetryPolicy } from './retry.js';

const OpenApi = interopDefault(openApiCore.default);
const { $OpenApiUtil, OpenApiUtil } = openApiCore;

export type Query = Record<string, string | number>;

/** One API action: where it lives, how it is called, and the RAM action that allows it. */
export interface ApiSpec {
  endpoint: ApiEndpointKey;
  version: string;
  action: string;
  style: 'RPC' | 'ROA';
  method: 'GET' | 'POST';
  /** Named in the message of a 403 whose answer does not name it (`rds:DescribeDBInstanceIPArrayList`). */
  ramAction: string;
}

export interface ApiRequest {
  query?: Query;
  /** ROA: the path, its variable parts already percent-encoded. RPC: `/`. */
  pathname?: string;
}

/** What the resolver and the readers need: one validated call. */
export interface CloudCaller {
  call<S extends z.ZodType>(spec: ApiSpec, region: string, request: ApiRequest, schema: S): Promise<z.output<S>>;
}

export interface CloudClientOptions {
  credential: Credential;
  settings: EndpointSettings;
  /** The limiter of an API's calls (the group resolver shares one; the readers have one per API). */
  limiterFor: (key: ApiEndpointKey) => Limiter;
  policy: RetryPolicy;
  clock: RetryClock;
  logger: Logger;
}

/** Calls one action and returns its validated body; every failure is an `ApiCallError`. */
export class CloudClient implements CloudCaller {
  /** Requests sent, retries included. */
  requests = 0;
  /** Requests sent per `endpoint key:action`, retries included (for the bench and debug logs). */
  readonly requestsByApi = new Map<string, number>();
  private readonly clients = new Map<string, InstanceType<typeof OpenApi>>();

  constructor(private readonly options: CloudClientOptions) {}

  async call<S extends z.ZodType>(spec: ApiSpec, region: string, request: ApiRequest, schema: S): Promise<z.output<S>> {
    const endpoint = endpointFor(spec.endpoint, region, this.options.settings);
    const client = this.clientFor(endpoint);
    const query = request.query ?? {};
    const params = new $OpenApiUtil.Params({
      action: spec.action,
      version: spec.version,
      protocol: endpoint.protocol,
      pathname: request.pathname ?? '/',
      method: spec.method,
      authType: 'AK',
      style: spec.style,
      reqBodyType: spec.style === 'ROA' ? 'json' : 'formData',
      // Read the body as text and parse it here, so a success body that is not JSON gets a clear message.
      bodyType: 'string'
    });
    const label = `${spec.action} (${describeRequest(request)})`;
    const { policy, clock, logger } = this.options;
    const limiter = this.options.limiterFor(spec.endpoint);
    const counter = `${spec.endpoint}:${spec.action}`;
    const body = await withRetry(
      spec.action,
      policy,
      clock,
      (timeoutMs) =>
        limiter.run(async () => {
          this.requests++;
          this.requestsByApi.set(counter, (this.requestsByApi.get(counter) ?? 0) + 1);
          const openApiRequest = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
          // The runtime object is read field by field; the timeouts set here override the client's.
          const runtime = { readTimeout: timeoutMs, connectTimeout: timeoutMs } as Parameters<typeof client.callApi>[2];
          const response = await client.callApi(params, openApiRequest, runtime);
          const parsedBody = parseBody(spec.action, response.body);
          const failure = applicationError(spec.action, parsedBody);
          if (failure) throw failure;
          return parsedBody;
        }),
      (error, attempt, delayMs) => logger.debug(`${label}: ${error.message}; retry ${attempt} in ${delayMs} ms`),
      spec.ramAction
    );
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiCallError(
        `${spec.action} returned a response of an unexpected shape: ${describeIssues(parsed.error)}`,
        'permanent',
        spec.action,
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

/**
 * A 200 body that reports a failure: `Success: false` with its code in `ErrorCode` (DataWorks) or `Code`, or a
 * non-empty `errorCode` (MaxCompute's ROA bodies).
 */
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
  const roaCode = stringField(record.errorCode);
  if (record.Success !== false && roaCode === undefined) return undefined;
  const code = stringField(record.ErrorCode) ?? stringField(record.Code) ?? roaCode ?? 'unknown';
  const message = stringField(record.ErrorMessage) ?? stringField(record.Message) ?? stringField(record.errorMsg) ?? '';
  const requestId = stringField(record.RequestId) ?? stringField(record.requestId);
  return new ApiCallError(
    `${action} answered ${roaCode === undefined ? 'Success: false with ' : 'with error '}${code}` +
      `${message ? `: ${message}` : ''}${requestId ? ` (request id ${requestId})` : ''}`,
    isTransientCode(code) ? 'transient' : 'permanent',
    action,
    code
  );
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;
}

function describeRequest(request: ApiRequest): string {
  const parts = Object.entries(request.query ?? {})
    .filter(([key]) => key !== 'PageSize' && key !== 'RegionId' && key !== 'MaxResults')
    .map(([key, value]) => `${key}=${value}`);
  if (request.pathname && request.pathname !== '/') parts.unshift(request.pathname);
  return parts.join(' ');
}

/** `PagingInfo.NetworkList[2].VswitchId: expected string` — the first few problems, one line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map(
      (issue) =>
        `${
          issue.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '') || '(body)'
        }: ${readable(issue.message)}`
    )
    .join('; ');
}

/** zod says "received undefined"; a user reads "nothing". */
function readable(message: string): string {
  return message.replace(/\bundefined\b/g, 'nothing').replace(/\bNaN\b/g, 'not a number');
}
