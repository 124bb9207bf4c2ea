/**
 * Online resolution shared by the head and base runs of a baseline check (contract §11: online calls are made
 * once). A group asked for again with the same definition (id, region, static facts, bindings, modules) gets the
 * first run's facts and findings; only groups that differ are resolved again.
 */
import type { GroupFacts, ModuleName, ResourceGroupConfig } from '../model.js';
import type { ModuleNetworkFacts, OnlineGroupRequest, OnlineResolution } from '../resolve/types.js';
import type { Finding } from '../model.js';

interface GroupResult {
  facts: Map<ModuleName, ModuleNetworkFacts> | undefined;
  findings: Finding[];
}

type Resolver = (requests: OnlineGroupRequest[]) => Promise<OnlineResolution>;

function values(facts: GroupFacts): unknown {
  return [
    facts.privateCidrs?.map((c) => c.value),
    facts.publicIps?.map((c) => c.value),
    facts.vswitches?.map((c) => c.value)
  ];
}

/** Everything about a request that can change what the API calls return or what drift is reported. */
function requestKey(request: OnlineGroupRequest): string {
  const g: ResourceGroupConfig = request.group;
  const modules = Object.entries(g.modules)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, facts]) => [name, facts ? values(facts) : null]);
  return JSON.stringify([g.name, g.type, g.id?.value, g.region, values(g), modules, [...request.modules].sort()]);
}

export function shareOnlineResolution(): (
  requests: OnlineGroupRequest[],
  resolve: Resolver
) => Promise<OnlineResolution> {
  const known = new Map<string, GroupResult>();
  /** Findings of a resolution that name no group (run-wide): repeated in every run that resolved something. */
  let runWide: Finding[] = [];
  return async (requests, resolve) => {
    const fresh = requests.filter((r) => !known.has(requestKey(r)));
    let apiCalls = 0;
    if (fresh.length > 0) {
      const resolution = await resolve(fresh);
      apiCalls = resolution.apiCalls;
      runWide = resolution.findings.filter((f) => f.resourceGroup === undefined);
      for (const request of fresh) {
        const name = request.group.name;
        known.set(requestKey(request), {
          facts: resolution.facts.get(name),
          findings: resolution.findings.filter((f) => f.resourceGroup === name)
        });
      }
    }
    const facts = new Map<string, Map<ModuleName, ModuleNetworkFacts>>();
    const findings: Finding[] = [...runWide];
    for (const request of requests) {
      const result = known.get(requestKey(request))!;
      if (result.facts) facts.set(request.group.name, result.facts);
      findings.push(...result.findings);
    }
    return { facts, findings, apiCalls };
  };
}
