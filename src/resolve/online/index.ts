/**
 * Online resolution entry point. The engine loads this module with a dynamic import only when it goes online, so
 * the cloud SDK is never loaded by offline runs.
 */
import type { Finding } from '../../model.js';
import type { OnlineGroupRequest, OnlineResolution, OnlineSettings } from '../types.js';
import { ApiClient } from './client.js';
import { endpointFor } from '../../cloud/endpoints.js';
import { Limiter } from '../../cloud/limiter.js';
import { openSession } from '../../cloud/session.js';
import type { CloudDeps } from '../../cloud/session.js';
import { resolveGroups } from './resolver.js';

export { hasCredentials, findCredentialSource } from '../../cloud/credentials-env.js';
export { effectiveTuning } from '../../cloud/tuning.js';
export type { OnlineTuning } from '../../cloud/tuning.js';

export type OnlineDeps = CloudDeps;

export async function resolveOnline(
  requests: OnlineGroupRequest[],
  settings: OnlineSettings,
  deps: OnlineDeps
): Promise<OnlineResolution> {
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

  const opened = await openSession(settings, deps, () => {
    // Every setting is checked before the first call: a typo is one clear message, not one per call.
    for (const { group } of requests) {
      endpointFor('dataworks', group.region, settings);
      endpointFor('vpc', group.region, settings);
    }
  });
  if (!opened.ok) return failAll(opened.message);
  const { session } = opened;
  const api = new ApiClient({
    credential: session.credential,
    settings,
    limiter: new Limiter(session.tuning.concurrency),
    policy: session.policy,
    clock: session.clock,
    logger: deps.logger
  });
  const { facts, findings } = await resolveGroups(requests, api, deps.logger);
  deps.logger.debug(`online: ${api.requests} API requests for ${requests.length} resource groups`);
  return { facts, findings, apiCalls: api.requests };
}
