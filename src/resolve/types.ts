/** What resolvers produce: the network facts of resource groups, per module, with where each fact came from. */
import type { EndpointKey } from '../cloud/endpoint-keys.js';
import type { Finding, FactOrigin, ModuleName, ResourceGroupConfig, SourcePosition } from '../model.js';

/** The names an endpoint override can take (`--endpoint NAME=URL`, input `endpoints`). */
export type EndpointName = EndpointKey;

/** One address block (CIDR or address text) that a group connects from, with its provenance. */
export interface FactEntry {
  text: string;
  origin: FactOrigin;
  /** The binding (`vsw-…`) or the static key (`privateCidrs`, `modules.data-service.publicIps`). */
  source: string;
  /** Where a config fact was written. */
  pos?: SourcePosition;
}

/** The network a group presents to data sources for one module. */
export interface ModuleNetworkFacts {
  /** vSwitch CIDRs (IPv4 and IPv6), or `null` when unknown (then `unresolved` when needed). */
  privateCidrs: FactEntry[] | null;
  /** Public egress IPs; `[]` means the group has no public egress; `null` means unknown. */
  publicIps: FactEntry[] | null;
}

/** A serverless group to resolve online, and the modules whose facts are needed. */
export interface OnlineGroupRequest {
  group: ResourceGroupConfig;
  modules: ModuleName[];
}

export interface OnlineResolution {
  /** Keyed by the group's local name, then module. A group or module missing here was not resolved. */
  facts: Map<string, Map<ModuleName, ModuleNetworkFacts>>;
  /** `unresolved` (with resourceGroup and a message naming the API error or missing RAM action) and `drift`. */
  findings: Finding[];
  /** Number of API calls made, for the bench and debug logs. */
  apiCalls: number;
}

/** Online resolver settings that come from action inputs / CLI flags. */
export interface OnlineSettings {
  /** Overrides: a product id (`rds`, …), `dataworks`, `vpc`, `sts` → URL (which may contain `{region}`). */
  endpoints: Partial<Record<EndpointKey, string>>;
  /** The deadline of every online call of the run, in seconds (`--timeout`, input `timeout`); absent: the default. */
  timeoutSeconds?: number;
  credentials?: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  /** Opt-in for the ECS metadata service and CLI profiles (self-hosted runners on ECS). */
  allowInstanceCredentials: boolean;
}
