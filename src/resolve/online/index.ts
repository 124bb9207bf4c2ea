/**
 * Online resolution entry point. The engine loads this module with a dynamic import only when it goes online, so
 * the cloud SDK is never loaded by offline runs.
 */
import type { Finding } from '../../model.js';
import type { Logger } from '../../io.js';
import type { OnlineGroupRequest, OnlineResolution, OnlineSettings } from '../types.js';
import { ApiClient } from './client.js';
import { findCredentialSource } from './credentials-env.js';
import { buildCredential, fetchKeys } from './credentials.js';
import type { Credential } from './credentials.js';
import { endpointFor, stsHost } from './endpoints.js';
import { Limiter } from './limiter.js';
import { useProxyEnvironment } from './proxy.js';
import { resolveGroups } from './resolver.js';
import type { RetryPolicy } from './retry.js';

export { hasCredentials, findCredentialSource } from './credentials-env.js';

export interface OnlineTuning {
  /** Connect and read timeout of one request (default 15 000 ms). */
  requestTimeoutMs: number;
  /** No attempt starts later than this after the start (default 120 000 ms). */
  deadlineMs: number;
  /** Attempts per call, the first included (default 5). */
  maxAttempts: number;
  /** Backoff: the delay before retry n is uniform in [0, min(maxDelayMs, baseDelayMs × 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** API requests in flight at once (default 8). */
  concurrency: number;
  random: () => number;
  now: () => number;
}

export interface OnlineDeps {
  logger: Logger;
  env: NodeJS.ProcessEnv;
  sleep?: (ms: number) => Promise<void>;
  setSecret?: (secret: string) => void;
  tuning?: Partial<OnlineTuning>;
}

const DEFAULT_TUNING: OnlineTuning = {
  requestTimeoutMs: 15_000,
  deadlineMs: 120_000,
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  concurrency: 8,
  random: Math.random,
  now: Date.now
};

/**
 * Test seams for runs of the bundled action, where no code can be injected: environment variables shorten the
 * timeouts and backoff. Production leaves them unset.
 */
const TUNING_VARIABLES: Partial<Record<keyof OnlineTuning, string>> = {
  requestTimeoutMs: 'DATAWORKS_WHITELIST_GUARD_TIMEOUT_MS',
  deadlineMs: 'DATAWORKS_WHITELIST_GUARD_DEADLINE_MS',
  maxAttempts: 'DATAWORKS_WHITELIST_GUARD_MAX_ATTEMPTS',
  baseDelayMs: 'DATAWORKS_WHITELIST_GUARD_RETRY_BASE_MS',
  maxDelayMs: 'DATAWORKS_WHITELIST_GUARD_RETRY_MAX_MS'
};

export function effectiveTuning(env: NodeJS.ProcessEnv, overrides: Partial<OnlineTuning> = {}): OnlineTuning {
  const tuning: OnlineTuning = { ...DEFAULT_TUNING };
  for (const [key, variable] of Object.entries(TUNING_VARIABLES) as [keyof OnlineTuning, string][]) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value > 0) (tuning as unknown as Record<string, number>)[key] = value;
  }
  return { ...tuning, ...overrides };
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function resolveOnline(
  requests: OnlineGroupRequest[],
  settings: OnlineSettings,
  deps: OnlineDeps
): Promise<OnlineResolution> {
  // `--timeout` / input `timeout` (seconds) replaces the default deadline of the whole run's calls.
  const deadline = settings.timeoutSeconds !== undefined ? { deadlineMs: settings.timeoutSeconds * 1000 } : {};
  const tuning = effectiveTuning(deps.env, { ...deadline, ...deps.tuning });
  const failAll = (reason: string): OnlineResolution => ({
    facts: new Map(),
    apiCalls: 0,
    findings: requests.map(({ group }): Finding => {
      const pos = group.id?.pos ?? group.pos;
      return {
        rule: 'unresolved',
        severity: 'error',
        message: `resource group "${group.name}" could not be resolved online: ${reason}`,
        resourceGroup: group.name,
        file: pos.file,
        line: pos.line,
        column: pos.column
      };
    })
  });
  if (requests.length === 0) return { facts: new Map(), findings: [], apiCalls: 0 };

  const source = findCredentialSource(settings, deps.env);
  if (source.kind === 'none' || source.kind === 'incomplete') return failAll(source.message);

  let credential: Credential;
  try {
    // Every setting is checked before the first call: a typo is one clear message, not one per call.
    for (const { group } of requests) {
      endpointFor('dataworks', group.region, settings);
      endpointFor('vpc', group.region, settings);
    }
    const sts = stsHost(settings);
    useProxyEnvironment(deps.env);
    credential = buildCredential(source, sts, tuning.requestTimeoutMs);
    const keys = await fetchKeys(credential, source.origin);
    deps.setSecret?.(keys.accessKeySecret);
    if (keys.securityToken) deps.setSecret?.(keys.securityToken);
  } catch (error) {
    return failAll(error instanceof Error ? error.message : String(error));
  }
  deps.logger.debug(`online: credentials from ${source.origin}`);

  const policy: RetryPolicy = {
    maxAttempts: tuning.maxAttempts,
    baseDelayMs: tuning.baseDelayMs,
    maxDelayMs: tuning.maxDelayMs,
    requestTimeoutMs: tuning.requestTimeoutMs
  };
  const api = new ApiClient({
    credential,
    settings,
    limiter: new Limiter(tuning.concurrency),
    policy,
    clock: {
      sleep: deps.sleep ?? realSleep,
      now: tuning.now,
      random: tuning.random,
      deadline: tuning.now() + tuning.deadlineMs
    },
    logger: deps.logger
  });
  const { facts, findings } = await resolveGroups(requests, api, deps.logger);
  deps.logger.debug(`online: ${api.requests} API requests for ${requests.length} resource groups`);
  return { facts, findings, apiCalls: api.requests };
}
