/**
 * Reads the deployed whitelists of many instances through the shared cloud client: one call per instance, plus
 * the pages of an ECS security group and the prefix lists its rules name (each list asked once per run), with a
 * concurrency limit per API. Every failure (no credentials, a denial, an instance that does not exist, throttling
 * or 5xx after retries, an answer of an unexpected shape) is a result `{ ok: false, message }`, never an exception.
 *
 * This module loads the cloud SDK: import it dynamically, only when the run is online.
 */
import type { z } from 'zod';
import { CloudClient } from '../../cloud/client.js';
import type { CloudCaller } from '../../cloud/client.js';
import { ApiCallError } from '../../cloud/errors.js';
import { ENDPOINT_KEYS } from '../../cloud/endpoint-keys.js';
import { parseEndpointUrl } from '../../cloud/endpoints.js';
import type { ApiEndpointKey } from '../../cloud/endpoints.js';
import { Limiter } from '../../cloud/limiter.js';
import { openSession } from '../../cloud/session.js';
import type { CloudDeps, CloudSettings } from '../../cloud/session.js';
import { concurrencyOf } from '../../cloud/tuning.js';
import type { ApiConcurrency } from '../../cloud/tuning.js';
import type { ProductId } from '../../model.js';
import { adbMysqlLakehouseApi, adbMysqlWarehouseApi } from './adb-mysql.js';
import { adbPgApi } from './adb-pg.js';
import { clickhouseCommunityApi, clickhouseEnterpriseApi } from './clickhouse.js';
import type { DeployedApi, ReaderResult } from './common.js';
import {
  ECS_MAX_PAGES,
  ecsPrefixListSchema,
  ecsPrefixListSpec,
  ecsRulesRequest,
  ecsRulesSchema,
  ecsRulesSpec,
  ecsWhitelist,
  prefixListEntries,
  prefixListsNeeded
} from './ecs-security-group.js';
import type { EcsRule } from './ecs-security-group.js';
import { elasticsearchApi } from './elasticsearch.js';
import { lindormApi } from './lindorm.js';
import { maxcomputeApi } from './maxcompute.js';
import { mongodbApi } from './mongodb.js';
import { polardbApi } from './polardb.js';
import { rdsApi } from './rds.js';
import { redisApi } from './redis.js';
import type { DeployedReadResult, DeployedRequest, DeployedWhitelistReader } from './types.js';

export type { DeployedApi, ReaderResult } from './common.js';

/** The one-call APIs, per product and edition (the first edition listed is the default). */
const SINGLE_CALL_APIS: Partial<Record<ProductId, Readonly<Record<string, DeployedApi>>>> = {
  rds: { default: rdsApi },
  polardb: { default: polardbApi },
  redis: { default: redisApi },
  mongodb: { default: mongodbApi },
  'adb-mysql': { warehouse: adbMysqlWarehouseApi, lakehouse: adbMysqlLakehouseApi },
  'adb-pg': { default: adbPgApi },
  clickhouse: { community: clickhouseCommunityApi, enterprise: clickhouseEnterpriseApi },
  elasticsearch: { default: elasticsearchApi },
  lindorm: { default: lindormApi },
  maxcompute: { default: maxcomputeApi }
};

/** The RAM actions each product's reader uses (for the README's least-privilege policy and for tests). */
export function ramActionsOf(product: ProductId): string[] {
  if (product === 'ecs-security-group') return [ecsRulesSpec.ramAction, ecsPrefixListSpec.ramAction];
  return Object.values(SINGLE_CALL_APIS[product] ?? {}).map((api) => api.spec.ramAction);
}

/** Instance ids and project names are short; anything else is refused before it reaches a URL. */
const MAX_INSTANCE_LENGTH = 128;

export interface DeployedReaderDeps extends CloudDeps {
  /** Requests in flight at once per API (endpoint key); default 8 each. */
  concurrency?: ApiConcurrency;
  /** A client already open for this run (shared with the group resolver), instead of opening a session. */
  caller?: CloudCaller;
}

export function createDeployedReader(settings: CloudSettings, deps: DeployedReaderDeps): DeployedWhitelistReader {
  return { read: (requests) => readDeployed(requests, settings, deps) };
}

async function readDeployed(
  requests: readonly DeployedRequest[],
  settings: CloudSettings,
  deps: DeployedReaderDeps
): Promise<Map<string, DeployedReadResult>> {
  const results = new Map<string, DeployedReadResult>();
  const runnable: DeployedRequest[] = [];
  for (const request of requests) {
    const refusal = refuse(request);
    if (refusal) results.set(request.dataSource, { ok: false, message: refusal, apiCalls: 0 });
    else runnable.push(request);
  }
  if (runnable.length === 0) return results;

  let caller = deps.caller;
  if (!caller) {
    const opened = await openSession(settings, deps, () => {
      // Every override is checked once, before any call: a typo is one clear message, not one per instance.
      for (const key of ENDPOINT_KEYS) {
        const url = settings.endpoints[key];
        if (url) parseEndpointUrl(key, url);
      }
    });
    if (!opened.ok) {
      for (const request of runnable)
        results.set(request.dataSource, { ok: false, message: opened.message, apiCalls: 0 });
      return results;
    }
    const limiters = new Map<ApiEndpointKey, Limiter>();
    caller = new CloudClient({
      credential: opened.session.credential,
      settings,
      policy: opened.session.policy,
      clock: opened.session.clock,
      logger: deps.logger,
      limiterFor: (key) => {
        let limiter = limiters.get(key);
        if (!limiter) {
          limiter = new Limiter(concurrencyOf(key, deps.concurrency));
          limiters.set(key, limiter);
        }
        return limiter;
      }
    });
  }

  const reader = new InstanceReader(caller);
  const settled = await Promise.all(runnable.map((request) => reader.read(request)));
  runnable.forEach((request, i) => results.set(request.dataSource, settled[i]!));
  // Refused credentials make every answer meaningless: report that one cause everywhere.
  const credentialFailure = reader.credentialFailure;
  if (credentialFailure) {
    for (const request of runnable) {
      results.set(request.dataSource, { ok: false, message: credentialFailure.message, apiCalls: 0 });
    }
  }
  return results;
}

/** Why a request cannot be asked at all (a product without an API, an unknown edition, an absurd id). */
function refuse(request: DeployedRequest): string | undefined {
  if (request.instance.length === 0 || request.instance.length > MAX_INSTANCE_LENGTH) {
    return `the instance id must be 1 to ${MAX_INSTANCE_LENGTH} characters`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(request.instance)) return 'the instance id contains blanks or control characters';
  if (request.product === 'ecs-security-group') return undefined;
  const editions = SINGLE_CALL_APIS[request.product];
  if (!editions) return `no API reads the deployed whitelist of product ${request.product}`;
  if (request.edition !== undefined && !Object.hasOwn(editions, request.edition)) {
    const known = Object.keys(editions).filter((e) => e !== 'default');
    return known.length > 0
      ? `edition "${request.edition.slice(0, 40)}" is none of ${known.join(', ')}`
      : `product ${request.product} has no editions`;
  }
  return undefined;
}

/** Reads instances; memoises the ECS prefix lists so that each is asked once per run. */
class InstanceReader {
  credentialFailure: ApiCallError | undefined;
  private readonly prefixLists = new Map<string, Promise<string[]>>();

  constructor(private readonly caller: CloudCaller) {}

  async read(request: DeployedRequest): Promise<DeployedReadResult> {
    const calls = { count: 0 };
    try {
      const outcome =
        request.product === 'ecs-security-group'
          ? await this.readSecurityGroup(request, calls)
          : await this.readSingle(request, calls);
      return outcome.ok
        ? { ok: true, whitelist: outcome.whitelist, apiCalls: calls.count }
        : { ok: false, message: outcome.message, apiCalls: calls.count };
    } catch (error) {
      return this.failure(error, calls.count);
    }
  }

  private async readSingle(request: DeployedRequest, calls: { count: number }): Promise<ReaderResult> {
    const editions = SINGLE_CALL_APIS[request.product]!;
    const api = (request.edition !== undefined ? editions[request.edition] : undefined) ?? Object.values(editions)[0]!;
    calls.count++;
    const body: z.output<typeof api.schema> = await this.caller.call(
      api.spec,
      request.region,
      api.request(request),
      api.schema
    );
    return api.read(body, request);
  }

  private async readSecurityGroup(request: DeployedRequest, calls: { count: number }): Promise<ReaderResult> {
    const rules: EcsRule[] = [];
    const seenTokens = new Set<string>();
    let token = '';
    for (let page = 1; ; page++) {
      if (page > ECS_MAX_PAGES) {
        return { ok: false, message: `DescribeSecurityGroupAttribute kept paging past ${ECS_MAX_PAGES} pages` };
      }
      calls.count++;
      const body = await this.caller.call(
        ecsRulesSpec,
        request.region,
        ecsRulesRequest(request, token),
        ecsRulesSchema
      );
      rules.push(...(body.Permissions?.Permission ?? []));
      token = body.NextToken.trim();
      if (token === '') break;
      if (seenTokens.has(token)) {
        return { ok: false, message: 'DescribeSecurityGroupAttribute answered the same NextToken twice' };
      }
      seenTokens.add(token);
    }
    const prefixLists = new Map<string, string[]>();
    await Promise.all(
      prefixListsNeeded(rules, request).map(async (id) => {
        prefixLists.set(id, await this.prefixList(request.region, id, calls));
      })
    );
    return ecsWhitelist(rules, prefixLists, request);
  }

  /** Each prefix list (per region) is asked once per run; concurrent askers share the one call. */
  private prefixList(region: string, id: string, calls: { count: number }): Promise<string[]> {
    const key = `${region}\u0000${id}`;
    let pending = this.prefixLists.get(key);
    if (!pending) {
      calls.count++;
      pending = this.caller
        .call(ecsPrefixListSpec, region, { query: { RegionId: region, PrefixListId: id } }, ecsPrefixListSchema)
        .then(prefixListEntries);
      this.prefixLists.set(key, pending);
    }
    return pending;
  }

  private failure(error: unknown, apiCalls: number): DeployedReadResult {
    if (error instanceof ApiCallError) {
      if (error.kind === 'credentials') this.credentialFailure ??= error;
      return {
        ok: false,
        message: error.message,
        ...(error.authAction ? { ramAction: error.authAction } : {}),
        apiCalls
      };
    }
    // Not a cloud error (a bad region in an endpoint, say): its message, never a stack.
    const message = error instanceof Error ? error.message : 'the deployed whitelist could not be read';
    return { ok: false, message, apiCalls };
  }
}
