/** Our own retry loop (the SDK's runtime retry options do nothing): exponential backoff with full jitter. */
import { ApiCallError, classifySdkError } from './errors.js';

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** The backoff ceiling of attempt n is min(maxDelayMs, baseDelayMs × 2^(n-1)); the delay is uniform below it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per-request timeout (connect and read): the client treats its connect timeout as the idle timeout. */
  requestTimeoutMs: number;
}

export interface RetryClock {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  /** Absolute time (per `now`) after which no new attempt starts. */
  deadline: number;
}

export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `attempt` until it succeeds, fails for a reason a retry cannot fix, runs out of attempts, or would cross
 * the deadline. `attempt` gets the timeout to use, shortened so that no request outlives the deadline.
 */
export async function withRetry<T>(
  action: string,
  policy: RetryPolicy,
  clock: RetryClock,
  attempt: (timeoutMs: number) => Promise<T>,
  onRetry?: (error: ApiCallError, attempt: number, delayMs: number) => void,
  /** The RAM action a 403 names when the answer does not say (default: the group resolver's). */
  ramAction?: string
): Promise<T> {
  for (let n = 1; ; n++) {
    const remaining = clock.deadline - clock.now();
    if (remaining <= 0) {
      throw new ApiCallError(
        `${action}: the overall deadline passed before the call could be made`,
        'permanent',
        action,
        'Deadline'
      );
    }
    try {
      return await attempt(Math.min(policy.requestTimeoutMs, remaining));
    } catch (raw) {
      const error = classifySdkError(raw, action, ramAction);
      if (error.kind !== 'transient') throw error;
      if (n >= policy.maxAttempts) {
        throw new ApiCallError(`${error.message} (gave up after ${n} attempts)`, 'permanent', action, error.code);
      }
      // The server knows when its throttle resets; its wait wins over our guess.
      const delay = error.retryAfterMs !== undefined ? error.retryAfterMs : backoffDelay(n, policy, clock.random);
      if (clock.now() + delay >= clock.deadline) {
        throw new ApiCallError(
          `${error.message} (gave up after ${n} attempts: the next retry would pass the overall deadline)`,
          'permanent',
          action,
          error.code
        );
      }
      onRetry?.(error, n, delay);
      await clock.sleep(delay);
    }
  }
}
