/**
 * An authenticated DataWorks client for `init --workspace` and `--verify`, built from the shared online client
 * (credentials, retries, concurrency limit, deadline) exactly as the resolver builds it. Loaded with a dynamic
 * import only by online runs, so offline runs never load the cloud SDK.
 */
import { openSession, type CloudDeps } from '../cloud/session.js';
import { endpointFor } from '../cloud/endpoints.js';
import { ApiClient } from '../resolve/online/client.js';
import { Limiter } from '../cloud/limiter.js';
import type { OnlineSettings } from '../resolve/types.js';
import { workspaceApi, type WorkspaceApi } from './api.js';

export type SessionDeps = CloudDeps;

export interface WorkspaceSession {
  api: WorkspaceApi;
  /** The same calls over the same client (credentials, retries, concurrency limit, deadline) in another region. */
  apiIn(region: string): WorkspaceApi;
  /** Requests sent so far, retries included. */
  requests(): number;
}

export class SessionError extends Error {}

/** Opens a session in `region`; a missing credential or a bad endpoint is a `SessionError` with one clear line. */
export async function openWorkspaceSession(
  region: string,
  settings: OnlineSettings,
  deps: SessionDeps
): Promise<WorkspaceSession> {
  // The shared session: credentials (masked), proxy, retries, the run's deadline (`--timeout` included).
  const opened = await openSession(settings, deps, () => endpointFor('dataworks', region, settings));
  if (!opened.ok) throw new SessionError(opened.message);
  const { session } = opened;
  const client = new ApiClient({
    credential: session.credential,
    settings,
    limiter: new Limiter(session.tuning.concurrency),
    policy: session.policy,
    clock: session.clock,
    logger: deps.logger
  });
  return {
    api: workspaceApi(client, region),
    apiIn: (other) => workspaceApi(client, other),
    requests: () => client.requests
  };
}
