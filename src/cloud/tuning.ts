/** Timeouts, retries and concurrency of the cloud client, with the environment seams the bundled tests use. */
import type { ApiEndpointKey } from './endpoints.js';

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
  /** Group resolver: API requests in flight at once over DataWorks and VPC (default 8). */
  concurrency: number;
  random: () => number;
  now: () => number;
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
 * Requests in flight at once per deployed-whitelist API (each product's API is throttled on its own, per account).
 * 8 stays well under the documented per-API flow-control limits; ECS also serves the group's pages and prefix lists.
 */
export const DEFAULT_API_CONCURRENCY = 8;

/** Per-API concurrency: the configured limit of a key, else the default. */
export type ApiConcurrency = Readonly<Partial<Record<ApiEndpointKey, number>>>;

export function concurrencyOf(key: ApiEndpointKey, limits: ApiConcurrency | undefined): number {
  const limit = limits?.[key];
  return limit !== undefined && Number.isInteger(limit) && limit >= 1 ? limit : DEFAULT_API_CONCURRENCY;
}

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
