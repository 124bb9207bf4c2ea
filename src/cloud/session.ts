/**
 * One online session: the settings checked, the proxy installed, the credential fetched once (its secrets masked
 * before anything is logged), and the retry policy and clock every call of the run shares.
 */
import type { Logger } from '../io.js';
import { findCredentialSource } from './credentials-env.js';
import type { CredentialSettings } from './credentials-env.js';
import { buildCredential, fetchKeys } from './credentials.js';
import type { Credential } from './credentials.js';
import { stsHost } from './endpoints.js';
import type { EndpointSettings } from './endpoints.js';
import { useProxyEnvironment } from './proxy.js';
import type { RetryClock, RetryPolicy } from './retry.js';
import { effectiveTuning } from './tuning.js';
import type { OnlineTuning } from './tuning.js';

export type CloudSettings = EndpointSettings &
  CredentialSettings & {
    /** The deadline of every online call of the run, in seconds (`--timeout`, input `timeout`); absent: the default. */
    timeoutSeconds?: number;
  };

export interface CloudDeps {
  logger: Logger;
  env: NodeJS.ProcessEnv;
  sleep?: (ms: number) => Promise<void>;
  setSecret?: (secret: string) => void;
  tuning?: Partial<OnlineTuning>;
  /**
   * When the run started (per `tuning.now`): the deadline counts from here, so a session opened late in a run (the
   * connectivity tests after the resolution) shares the run's deadline instead of getting a new one.
   */
  startedAt?: number;
}

export interface CloudSession {
  credential: Credential;
  policy: RetryPolicy;
  clock: RetryClock;
  tuning: OnlineTuning;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens a session, or says in one sentence why not (no or incomplete credentials, a bad endpoint, a failing OIDC
 * exchange). `check` validates the caller's own settings first (its endpoints for every region it will call), so
 * a typo is one clear message, not one per call.
 */
export async function openSession(
  settings: CloudSettings,
  deps: CloudDeps,
  check: () => void = () => undefined
): Promise<{ ok: true; session: CloudSession } | { ok: false; message: string }> {
  // `--timeout` / input `timeout` (seconds) replaces the default deadline of every call of the run; a test's own
  // tuning still wins.
  const deadline = settings.timeoutSeconds !== undefined ? { deadlineMs: settings.timeoutSeconds * 1000 } : {};
  const tuning = effectiveTuning(deps.env, { ...deadline, ...deps.tuning });
  const source = findCredentialSource(settings, deps.env);
  if (source.kind === 'none' || source.kind === 'incomplete') return { ok: false, message: source.message };
  let credential: Credential;
  try {
    check();
    const sts = stsHost(settings);
    useProxyEnvironment(deps.env);
    credential = buildCredential(source, sts, tuning.requestTimeoutMs);
    const keys = await fetchKeys(credential, source.origin);
    deps.setSecret?.(keys.accessKeySecret);
    if (keys.securityToken) deps.setSecret?.(keys.securityToken);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  deps.logger.debug(`online: credentials from ${source.origin}`);
  return {
    ok: true,
    session: {
      credential,
      tuning,
      policy: {
        maxAttempts: tuning.maxAttempts,
        baseDelayMs: tuning.baseDelayMs,
        maxDelayMs: tuning.maxDelayMs,
        requestTimeoutMs: tuning.requestTimeoutMs
      },
      clock: {
        sleep: deps.sleep ?? realSleep,
        now: tuning.now,
        random: tuning.random,
        deadline: (deps.startedAt ?? tuning.now()) + tuning.deadlineMs
      }
    }
  };
}
