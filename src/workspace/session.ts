/**
 * An authenticated DataWorks client for `init --workspace` and `--verify`, built from the shared online client
 * (credentials, retries, concurrency limit, deadline) exactly as the resolver builds it. Loaded with a dynamic
 * import only by online runs, so offline runs never load the cloud SDK.
 */
import type { Logger } from '../io.js';
import { ApiClient } from '../resolve/online/client.js';
import { findCredentialSource } from '../resolve/online/credentials-env.js';
import { buildCredential, fetchKeys } from '../resolve/online/credentials.js';
import { endpointFor, stsHost } from '../resolve/online/endpoints.js';
import { effectiveTuning, type OnlineTuning } from '../resolve/online/index.js';
import { Limiter } from '../resolve/online/limiter.js';
import { useProxyEnvironment } from '../resolve/online/proxy.js';
import type { OnlineSettings } from '../resolve/types.js';
import { workspaceApi, type WorkspaceApi } from './api.js';

export interface SessionDeps {
  logger: Logger;
  env: NodeJS.ProcessEnv;
  sleep?: (ms: number) => Promise<void>;
  setSecret?: (secret: string) => void;
  tuning?: Partial<OnlineTuning>;
  /**
   * When the run started (per `tuning.now`): the deadline counts from here, so calls made late in a run (the
   * connectivity tests after the resolution) share the run's deadline instead of getting a new one.
   */
  startedAt?: number;
}

export interface WorkspaceSession {
  api: WorkspaceApi;
  /** The same calls over the same client (credentials, retries, concurrency limit, deadline) in another region. */
  apiIn(region: string): WorkspaceApi;
  /** Requests sent so far, retries included. */
  requests(): number;
}

export class SessionError extends Error {}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a session in `region`; a missing credential or a bad endpoint is a `SessionError` with one clear line. */
export async function openWorkspaceSession(
  region: string,
  settings: OnlineSettings,
  deps: SessionDeps
): Promise<WorkspaceSession> {
  const tuning = effectiveTuning(deps.env, deps.tuning);
  const source = findCredentialSource(settings, deps.env);
  if (source.kind === 'none' || source.kind === 'incomplete') throw new SessionError(source.message);
  let client: ApiClient;
  try {
    endpointFor('dataworks', region, settings);
    const sts = stsHost(settings);
    useProxyEnvironment(deps.env);
    const credential = buildCredential(source, sts, tuning.requestTimeoutMs);
    const keys = await fetchKeys(credential, source.origin);
    deps.setSecret?.(keys.accessKeySecret);
    if (keys.securityToken) deps.setSecret?.(keys.securityToken);
    client = new ApiClient({
      credential,
      settings,
      limiter: new Limiter(tuning.concurrency),
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
      },
      logger: deps.logger
    });
  } catch (error) {
    throw new SessionError(error instanceof Error ? error.message : String(error));
  }
  deps.logger.debug(`workspace: credentials from ${source.origin}`);
  return {
    api: workspaceApi(client, region),
    apiIn: (other) => workspaceApi(client, other),
    requests: () => client.requests
  };
}
