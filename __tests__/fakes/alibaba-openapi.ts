/**
 * A fake Alibaba Cloud OpenAPI server for tests and the bench: node:http on 127.0.0.1, routed on `x-acs-action`
 * and `x-acs-version`, verifying the ACS3-HMAC-SHA256 signature the real client computes, serving the documented
 * response shapes with paging, and injecting faults per call.
 */
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVSwitch {
  VSwitchId: string;
  VpcId: string;
  CidrBlock: string;
  Ipv6CidrBlock?: string;
}

export interface FakeSnatEntry {
  SnatEntryId: string;
  SourceVSwitchId?: string;
  SourceCIDR?: string;
  /** One address, or several separated by commas. */
  SnatIp: string;
  Status?: string;
}

export interface FakeNatGateway {
  NatGatewayId: string;
  VpcId: string;
  NetworkType: 'internet' | 'intranet';
  /** Addresses bound to the gateway (EIPs, or private addresses for a VPC NAT). */
  ips?: string[];
  /** SNAT table id → its entries. */
  snatTables: Record<string, FakeSnatEntry[]>;
}

export interface FakeNetwork {
  VpcId: string;
  VswitchId: string;
  Status: 'Pending' | 'Creating' | 'Running' | 'Deleting' | 'Deleted';
}

export interface FakeResourceGroup {
  Id: string;
  ResourceGroupType?: string;
  Status?: string;
  networks: FakeNetwork[];
}

/** One environment of a workspace data source (ListDataSources 2024-05-18). */
export interface FakeDataSourceEnvironment {
  Id: number;
  EnvType: 'Prod' | 'Dev';
  ConnectionPropertiesMode: 'InstanceMode' | 'UrlMode' | 'CdhMode';
  /** Served as given: an object, or a JSON string as some answers carry it. */
  ConnectionProperties: Record<string, unknown> | string;
}

export interface FakeWorkspaceDataSource {
  Name: string;
  Type: string;
  environments: FakeDataSourceEnvironment[];
}

export interface FakeWorkspaceGroup {
  Id: string;
  Name: string;
  ResourceGroupType: 'CommonV2' | 'ExclusiveDataIntegration' | 'ExclusiveDataService' | 'ExclusiveScheduler';
  DefaultVpcId?: string;
  DefaultVswitchId?: string;
}

export interface FakeConnectivity {
  ConnectState: 'Connectable' | 'ConfigError' | 'Unreachable' | 'Unsupport';
  ConnectMessage?: string;
  DetailLogs?: { Code: string; Message: string }[];
}

export interface FakeWorkspace {
  /** The workspace (project) id. */
  Id: number;
  dataSources: FakeWorkspaceDataSource[];
  groups: FakeWorkspaceGroup[];
  /** `${DataSourceId}:${ResourceGroupId}` → the test's answer; absent: Connectable. */
  connectivity?: Record<string, FakeConnectivity>;
}

export interface FakeScenario {
  resourceGroups: FakeResourceGroup[];
  vswitches: FakeVSwitch[];
  natGateways: FakeNatGateway[];
  workspaces?: FakeWorkspace[];
  /** Deployed whitelists (see `./deployed-bodies.ts` for builders of each API's real answer). */
  deployed?: FakeDeployed;
}

export interface FakeDeployed {
  /** `Action@Version` → instance id (or project name) → the answer body, for the one-call APIs. */
  bodies?: Record<string, Record<string, unknown>>;
  /** Security group id → its rules (`Permission` objects); the fake pages them with MaxResults / NextToken. */
  securityGroups?: Record<string, Record<string, unknown>[]>;
  /** Prefix list id → its CIDRs. */
  prefixLists?: Record<string, string[]>;
}

interface DeployedRoute {
  method: string;
  /** RPC: the query parameter holding the instance id. */
  idParameter?: string;
  /** ROA: the path, its last part the instance id. */
  path?: RegExp;
  /** What the real API answers for an instance that does not exist. */
  notFound: { status: number; code: string };
}

/** The deployed-whitelist APIs, keyed `Action@Version` (several actions exist in two products). */
const DEPLOYED_ROUTES: Record<string, DeployedRoute> = {
  'DescribeDBInstanceIPArrayList@2014-08-15': {
    method: 'POST',
    idParameter: 'DBInstanceId',
    notFound: { status: 404, code: 'InvalidDBInstanceId.NotFound' }
  },
  'DescribeDBClusterAccessWhitelist@2017-08-01': {
    method: 'POST',
    idParameter: 'DBClusterId',
    notFound: { status: 404, code: 'InvalidDBClusterId.NotFound' }
  },
  'DescribeSecurityIps@2015-01-01': {
    method: 'POST',
    idParameter: 'InstanceId',
    notFound: { status: 404, code: 'InvalidInstanceId.NotFound' }
  },
  'DescribeSecurityIps@2015-12-01': {
    method: 'POST',
    idParameter: 'DBInstanceId',
    notFound: { status: 404, code: 'InvalidDBInstanceId.NotFound' }
  },
  'DescribeDBClusterAccessWhiteList@2019-03-15': {
    method: 'POST',
    idParameter: 'DBClusterId',
    notFound: { status: 404, code: 'InvalidDBClusterId.NotFound' }
  },
  'DescribeClusterAccessWhiteList@2021-12-01': {
    method: 'POST',
    idParameter: 'DBClusterId',
    notFound: { status: 404, code: 'InvalidDBClusterId.NotFound' }
  },
  'DescribeDBInstanceIPArrayList@2016-05-03': {
    method: 'POST',
    idParameter: 'DBInstanceId',
    notFound: { status: 404, code: 'InvalidDBInstanceId.NotFound' }
  },
  'DescribeDBClusterAccessWhiteList@2019-11-11': {
    method: 'POST',
    idParameter: 'DBClusterId',
    notFound: { status: 404, code: 'InvalidDBClusterId.NotFound' }
  },
  'DescribeSecurityIPList@2023-05-22': {
    method: 'POST',
    idParameter: 'DBInstanceId',
    notFound: { status: 404, code: 'InvalidDBInstanceId.NotFound' }
  },
  'DescribeInstance@2017-06-13': {
    method: 'GET',
    path: /^\/openapi\/instances\/([^/]+)$/,
    notFound: { status: 404, code: 'InstanceNotFound' }
  },
  'GetInstanceIpWhiteList@2020-06-15': {
    method: 'POST',
    idParameter: 'InstanceId',
    notFound: { status: 400, code: 'Instance.IsNotValid' }
  },
  'GetProject@2022-01-04': {
    method: 'GET',
    path: /^\/api\/v1\/projects\/([^/]+)$/,
    notFound: { status: 404, code: 'ODPS-0420111' }
  },
  'DescribeSecurityGroupAttribute@2014-05-26': {
    method: 'POST',
    idParameter: 'SecurityGroupId',
    notFound: { status: 404, code: 'InvalidSecurityGroupId.NotFound' }
  },
  'DescribePrefixListAttributes@2014-05-26': {
    method: 'POST',
    idParameter: 'PrefixListId',
    notFound: { status: 404, code: 'InvalidPrefixListId.NotFound' }
  }
};

/** The largest ECS page the fake serves unless told (`maxPageSize.DescribeSecurityGroupAttribute`). */
const ECS_DEFAULT_PAGE = 1000;

function answerDeployed(
  key: string,
  route: DeployedRoute,
  id: string,
  query: Record<string, string>,
  deployed: FakeDeployed,
  maxPageSize: Record<string, number>
): HttpReply {
  const rid = requestId();
  const notFound = (): HttpReply =>
    HttpReply.error(route.notFound.status, route.notFound.code, `The specified instance ${id} is not found.`);
  if (key === 'DescribeSecurityGroupAttribute@2014-05-26') {
    const rules = deployed.securityGroups?.[id];
    if (!rules || !query.RegionId) return notFound();
    const size = Math.min(
      Number(query.MaxResults ?? 100) || 100,
      maxPageSize.DescribeSecurityGroupAttribute ?? ECS_DEFAULT_PAGE
    );
    const start = query.NextToken ? Number(query.NextToken.replace(/^token-/, '')) : 0;
    const matching = rules.filter((r) => !query.Direction || r.Direction === query.Direction);
    const slice = matching.slice(start, start + size);
    const next = start + size < matching.length ? `token-${start + size}` : '';
    return HttpReply.json(200, {
      RequestId: rid,
      RegionId: query.RegionId,
      SecurityGroupId: id,
      SecurityGroupName: id,
      VpcId: 'vpc-fake',
      InnerAccessPolicy: 'Accept',
      Description: '',
      NextToken: next,
      Permissions: { Permission: slice }
    });
  }
  if (key === 'DescribePrefixListAttributes@2014-05-26') {
    const cidrs = deployed.prefixLists?.[id];
    if (!cidrs) return notFound();
    return HttpReply.json(200, {
      RequestId: rid,
      PrefixListId: id,
      PrefixListName: id,
      AddressFamily: cidrs.some((c) => c.includes(':')) ? 'IPv6' : 'IPv4',
      MaxEntries: 200,
      CreationTime: '2024-01-01T00:00:00Z',
      Entries: { Entry: cidrs.map((Cidr) => ({ Cidr, Description: '' })) }
    });
  }
  const body = deployed.bodies?.[key]?.[id];
  if (body === undefined) return notFound();
  return HttpReply.json(200, { RequestId: rid, ...(body as Record<string, unknown>) });
}

export type FakeFault =
  /** A throttling error (400 `Throttling.User` unless told), optionally with `x-acs-retry-after` (ms). */
  | { kind: 'throttle'; status?: number; code?: string; retryAfterMs?: number }
  /** A JSON error body with this status and code (500 InternalError, 503 ServiceUnavailable, 404 ...). */
  | { kind: 'error'; status: number; code: string; message?: string }
  /** A 403 with an AccessDeniedDetail naming the RAM action (omit it to send no detail). */
  | { kind: 'forbidden'; authAction?: string }
  /** An HTML error page, as a load balancer sends for a 502. */
  | { kind: 'html'; status: number }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset' }
  /** The answer comes after `ms` (past the client's timeout, typically). */
  | { kind: 'delay'; ms: number }
  /** HTTP 200 with `Success: false` and `ErrorCode`, as DataWorks reports some failures. */
  | { kind: 'success-false'; code: string; message?: string }
  /** HTTP 200 with JSON of the wrong shape. */
  | { kind: 'malformed' }
  /** HTTP 200 with a body that is not JSON. */
  | { kind: 'not-json' };

export interface FakeKey {
  secret: string;
  /** When set, requests must carry this STS token. */
  securityToken?: string;
  /** The token has expired: every request is refused with `InvalidSecurityToken.Expired`. */
  tokenExpired?: boolean;
}

export interface FakeOptions {
  scenario?: FakeScenario;
  /** AccessKey id → secret (and token). Default: `AKID_TEST` / `SECRET_TEST`. */
  keys?: Record<string, FakeKey>;
  /** Latency added to every answer, in ms. */
  latencyMs?: number;
  /** Per action: the largest page the server serves (to force several pages). */
  maxPageSize?: Record<string, number>;
}

export interface FakeRequestLog {
  action: string;
  version: string;
  method: string;
  query: Record<string, string>;
  accessKeyId: string | undefined;
  signatureOk: boolean;
  status: number;
  fault: FakeFault['kind'] | undefined;
}

export interface FakeAlibaba {
  /** `http://127.0.0.1:PORT`, for the `dataworks=` and `vpc=` endpoints. */
  url: string;
  requests: FakeRequestLog[];
  setScenario(scenario: FakeScenario): void;
  /** Queue `fault` for the next `times` calls of `action` (`*`: any action) whose query has `match`'s values. */
  addFault(action: string, fault: FakeFault, options?: { times?: number; match?: Record<string, string> }): void;
  clearFaults(): void;
  /** Calls of one action (faulted ones included). */
  count(action: string): number;
  /** Most requests in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

export const DEFAULT_KEYS: Record<string, FakeKey> = { AKID_TEST: { secret: 'SECRET_TEST' } };

const ROUTES: Record<string, { version: string; method: string }> = {
  GetResourceGroup: { version: '2024-05-18', method: 'GET' },
  ListNetworks: { version: '2024-05-18', method: 'GET' },
  ListDataSources: { version: '2024-05-18', method: 'GET' },
  ListResourceGroups: { version: '2024-05-18', method: 'GET' },
  TestDataSourceConnectivity: { version: '2024-05-18', method: 'POST' },
  DescribeVSwitches: { version: '2016-04-28', method: 'POST' },
  DescribeNatGateways: { version: '2016-04-28', method: 'POST' },
  DescribeSnatTableEntries: { version: '2016-04-28', method: 'POST' }
};

const SERVER_PAGE_LIMIT: Record<string, { max: number; default: number }> = {
  ListNetworks: { max: 100, default: 10 },
  ListDataSources: { max: 100, default: 10 },
  ListResourceGroups: { max: 100, default: 10 },
  DescribeVSwitches: { max: 50, default: 10 },
  DescribeNatGateways: { max: 50, default: 10 },
  DescribeSnatTableEntries: { max: 50, default: 10 }
};

interface QueuedFault {
  action: string;
  fault: FakeFault;
  remaining: number;
  match: Record<string, string> | undefined;
}

class HttpReply {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly headers: Record<string, string> = { 'content-type': 'application/json;charset=utf-8' }
  ) {}
  static json(status: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
    return new HttpReply(status, JSON.stringify(value), {
      'content-type': 'application/json;charset=utf-8',
      ...headers
    });
  }
  static error(status: number, code: string, message: string, extra: Record<string, unknown> = {}): HttpReply {
    return HttpReply.json(status, { RequestId: requestId(), Code: code, Message: message, ...extra });
  }
}

let requestCounter = 0;
function requestId(): string {
  requestCounter++;
  return `FAKE-${String(requestCounter).padStart(6, '0')}`;
}

/** RFC 3986 encoding as the client signs query values. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Recomputes the ACS3-HMAC-SHA256 signature; returns what is wrong, or undefined when it verifies. */
export function verifyAcs3(
  method: string,
  pathname: string,
  query: Record<string, string>,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
  keys: Record<string, FakeKey>
): { problem?: { status: number; code: string; message: string }; accessKeyId?: string; signatureOk: boolean } {
  const authorization = headers.authorization;
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(
    authorization ?? ''
  );
  if (!match)
    return {
      signatureOk: false,
      problem: {
        status: 400,
        code: 'IncompleteSignature',
        message: 'The authorization header is missing or malformed.'
      }
    };
  const [, accessKeyId, signedHeaderList, signature] = match as unknown as [string, string, string, string];
  const key = keys[accessKeyId];
  if (!key)
    return {
      signatureOk: false,
      problem: { status: 404, code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.' }
    };

  const signed = signedHeaderList.split(';');
  for (const required of [
    'host',
    'x-acs-action',
    'x-acs-version',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-content-sha256'
  ]) {
    if (!signed.includes(required)) {
      return {
        signatureOk: false,
        accessKeyId,
        problem: { status: 400, code: 'IncompleteSignature', message: `The header ${required} is not signed.` }
      };
    }
  }
  const payloadHash = createHash('sha256').update(body).digest('hex');
  if (headers['x-acs-content-sha256'] !== payloadHash) {
    return {
      signatureOk: false,
      accessKeyId,
      problem: { status: 400, code: 'SignatureDoesNotMatch', message: 'The payload hash does not match the body.' }
    };
  }
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${k}=${encode(query[k]!)}`)
    .join('&');
  const canonicalHeaders = signed.map((name) => `${name}:${String(headers[name] ?? '').trim()}\n`).join('');
  const canonicalRequest = [method, pathname, canonicalQuery, canonicalHeaders, signedHeaderList, payloadHash].join(
    '\n'
  );
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const expected = createHmac('sha256', key.secret).update(stringToSign).digest('hex');
  if (expected !== signature) {
    return {
      signatureOk: false,
      accessKeyId,
      problem: {
        status: 400,
        code: 'SignatureDoesNotMatch',
        message: 'The request signature does not conform to Aliyun standards.'
      }
    };
  }

  const token = headers['x-acs-security-token'];
  if (key.securityToken !== undefined || token !== undefined) {
    if (!signed.includes('x-acs-security-token') || token !== key.securityToken) {
      return {
        signatureOk: true,
        accessKeyId,
        problem: {
          status: 400,
          code: 'InvalidSecurityToken.Malformed',
          message: 'The security token you provided is invalid.'
        }
      };
    }
    if (key.tokenExpired) {
      return {
        signatureOk: true,
        accessKeyId,
        problem: { status: 400, code: 'InvalidSecurityToken.Expired', message: 'Specified SecurityToken is expired.' }
      };
    }
  }
  return { signatureOk: true, accessKeyId };
}

function page<T>(
  action: string,
  items: readonly T[],
  query: Record<string, string>,
  maxPageSize: Record<string, number>
) {
  const limits = SERVER_PAGE_LIMIT[action]!;
  const cap = Math.min(limits.max, maxPageSize[action] ?? limits.max);
  const requested = Number(query.PageSize ?? limits.default);
  const pageSize = Math.max(1, Math.min(cap, Number.isFinite(requested) ? requested : limits.default));
  const pageNumber = Math.max(1, Number(query.PageNumber ?? 1));
  const slice = items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return { PageNumber: pageNumber, PageSize: pageSize, TotalCount: items.length, slice };
}

function answer(
  action: string,
  query: Record<string, string>,
  scenario: FakeScenario,
  maxPageSize: Record<string, number>
): HttpReply {
  const rid = requestId();
  switch (action) {
    case 'GetResourceGroup': {
      const group = scenario.resourceGroups.find((g) => g.Id === query.Id);
      if (!group)
        return HttpReply.error(
          404,
          'Forbidden.ResourceGroupNotFound',
          `The resource group ${query.Id} does not exist.`
        );
      return HttpReply.json(200, {
        RequestId: rid,
        Success: true,
        ResourceGroup: {
          Id: group.Id,
          Name: group.Id.toLowerCase(),
          ResourceGroupType: group.ResourceGroupType ?? 'CommonV2',
          Status: group.Status ?? 'Normal',
          PaymentType: 'PostPaid',
          Spec: { Amount: 1, Standard: '2CU' },
          DefaultVpcId: group.networks[0]?.VpcId ?? '',
          DefaultVswitchId: group.networks[0]?.VswitchId ?? '',
          CreateTime: 1727055811000
        }
      });
    }
    case 'ListNetworks': {
      if (!query.ResourceGroupId) return HttpReply.error(400, 'MissingParameter', 'ResourceGroupId is mandatory.');
      const group = scenario.resourceGroups.find((g) => g.Id === query.ResourceGroupId);
      if (!group)
        return HttpReply.error(
          404,
          'Forbidden.ResourceGroupNotFound',
          `The resource group ${query.ResourceGroupId} does not exist.`
        );
      const p = page(action, group.networks, query, maxPageSize);
      return HttpReply.json(200, {
        RequestId: rid,
        Success: true,
        PagingInfo: {
          PageNumber: p.PageNumber,
          PageSize: p.PageSize,
          TotalCount: p.TotalCount,
          NetworkList: p.slice.map((n, i) => ({
            Id: 1000 + i,
            ResourceGroupId: group.Id,
            VpcId: n.VpcId,
            VswitchId: n.VswitchId,
            SecurityGroupId: 'sg-fake',
            Status: n.Status,
            CreateTime: 1727055811000,
            CreateUser: '1107550004'
          }))
        }
      });
    }
    case 'ListDataSources': {
      const workspace = (scenario.workspaces ?? []).find((w) => String(w.Id) === query.ProjectId);
      if (!workspace)
        return HttpReply.error(400, 'Invalid.Tenant.ProjectNotExist', `The project ${query.ProjectId} does not exist.`);
      // Without EnvType, both environments are listed.
      const env = query.EnvType;
      if (env !== undefined && env !== 'Prod' && env !== 'Dev')
        return HttpReply.error(400, 'InvalidParameter', `EnvType ${env} is not Dev or Prod.`);
      const list = workspace.dataSources
        .map((d) => ({ ...d, environments: d.environments.filter((e) => env === undefined || e.EnvType === env) }))
        .filter((d) => d.environments.length > 0);
      const p = page(action, list, query, maxPageSize);
      return HttpReply.json(200, {
        RequestId: rid,
        PagingInfo: {
          PageNumber: p.PageNumber,
          PageSize: p.PageSize,
          TotalCount: p.TotalCount,
          DataSources: p.slice.map((d) => ({
            Name: d.Name,
            Type: d.Type,
            DataSource: d.environments.map((e) => ({
              Id: e.Id,
              Name: d.Name,
              Type: d.Type,
              ProjectId: workspace.Id,
              EnvType: e.EnvType,
              ConnectionPropertiesMode: e.ConnectionPropertiesMode,
              ConnectionProperties: e.ConnectionProperties,
              QualifiedName: `${workspace.Id}:${d.Name}:${e.EnvType}`,
              CreateTime: 1727055811000
            }))
          }))
        }
      });
    }
    case 'ListResourceGroups': {
      const workspace = (scenario.workspaces ?? []).find((w) => String(w.Id) === query.ProjectId);
      if (!workspace)
        return HttpReply.error(400, 'Invalid.Tenant.ProjectNotExist', `The project ${query.ProjectId} does not exist.`);
      // As the API does: without ResourceGroupTypes only serverless (CommonV2) groups come back.
      let types: string[] = ['CommonV2'];
      if (query.ResourceGroupTypes) {
        try {
          types = JSON.parse(query.ResourceGroupTypes) as string[];
        } catch {
          return HttpReply.error(400, 'InvalidParameter', 'ResourceGroupTypes is not a JSON list.');
        }
      }
      const list = workspace.groups.filter((g) => types.includes(g.ResourceGroupType));
      const p = page(action, list, query, maxPageSize);
      return HttpReply.json(200, {
        RequestId: rid,
        Success: true,
        PagingInfo: {
          PageNumber: p.PageNumber,
          PageSize: p.PageSize,
          TotalCount: p.TotalCount,
          ResourceGroupList: p.slice.map((g) => ({
            Id: g.Id,
            Name: g.Name,
            ResourceGroupType: g.ResourceGroupType,
            Status: 'Normal',
            PaymentType: 'PostPaid',
            DefaultVpcId: g.DefaultVpcId ?? '',
            // The API's own spelling in this response.
            DefaultVswicthId: g.DefaultVswitchId ?? '',
            CreateTime: 1727055811000
          }))
        }
      });
    }
    case 'TestDataSourceConnectivity': {
      for (const key of ['DataSourceId', 'ProjectId', 'ResourceGroupId'])
        if (!query[key]) return HttpReply.error(400, 'MissingParameter', `${key} is mandatory.`);
      const workspace = (scenario.workspaces ?? []).find((w) => String(w.Id) === query.ProjectId);
      const known = workspace?.dataSources.some((d) => d.environments.some((e) => String(e.Id) === query.DataSourceId));
      if (!workspace || !known)
        return HttpReply.error(
          400,
          'Invalid.DataSource.NotFound',
          `The data source ${query.DataSourceId} does not exist.`
        );
      const result = workspace.connectivity?.[`${query.DataSourceId}:${query.ResourceGroupId}`] ?? {
        ConnectState: 'Connectable'
      };
      return HttpReply.json(200, {
        RequestId: rid,
        Connectivity: {
          ConnectState: result.ConnectState,
          ConnectMessage: result.ConnectMessage ?? '',
          DetailLogs: (result.DetailLogs ?? []).map((log, i) => ({
            ...log,
            StartTime: 1727055811000 + i,
            EndTime: 1727055811001 + i
          }))
        }
      });
    }
    case 'DescribeVSwitches': {
      if (!query.RegionId && !query.VpcId)
        return HttpReply.error(400, 'MissingParameter', 'RegionId or VpcId is mandatory.');
      const list = scenario.vswitches.filter((v) => !query.VpcId || v.VpcId === query.VpcId);
      const p = page(action, list, query, maxPageSize);
      return HttpReply.json(200, {
        RequestId: rid,
        PageNumber: p.PageNumber,
        PageSize: p.PageSize,
        TotalCount: p.TotalCount,
        VSwitches: {
          VSwitch: p.slice.map((v) => ({
            VSwitchId: v.VSwitchId,
            VpcId: v.VpcId,
            VSwitchName: v.VSwitchId,
            CidrBlock: v.CidrBlock,
            Ipv6CidrBlock: v.Ipv6CidrBlock ?? '',
            EnabledIpv6: v.Ipv6CidrBlock !== undefined,
            ZoneId: 'cn-hangzhou-h',
            Status: 'Available',
            IsDefault: false,
            RouteTable: { RouteTableId: 'vtb-fake', RouteTableType: 'System' },
            Tags: { Tag: [] }
          }))
        }
      });
    }
    case 'DescribeNatGateways': {
      if (!query.RegionId) return HttpReply.error(400, 'MissingParameter', 'RegionId is mandatory.');
      const list = scenario.natGateways.filter((n) => !query.VpcId || n.VpcId === query.VpcId);
      const p = page(action, list, query, maxPageSize);
      return HttpReply.json(200, {
        RequestId: rid,
        PageNumber: p.PageNumber,
        PageSize: p.PageSize,
        TotalCount: p.TotalCount,
        NatGateways: {
          NatGateway: p.slice.map((n) => ({
            NatGatewayId: n.NatGatewayId,
            VpcId: n.VpcId,
            Name: n.NatGatewayId,
            NetworkType: n.NetworkType,
            NatType: 'Enhanced',
            Status: 'Available',
            BusinessStatus: 'Normal',
            IpLists: {
              IpList: (n.ips ?? []).map((ip, i) => ({
                AllocationId: `eip-${n.NatGatewayId}-${i}`,
                IpAddress: ip,
                SnatEntryEnabled: true,
                UsingStatus: 'UsedBySnat'
              }))
            },
            SnatTableIds: { SnatTableId: Object.keys(n.snatTables) },
            ForwardTableIds: { ForwardTableId: [] },
            Tags: { Tag: [] }
          }))
        }
      });
    }
    case 'DescribeSnatTableEntries': {
      if (!query.RegionId) return HttpReply.error(400, 'MissingParameter', 'RegionId is mandatory.');
      const gateway = scenario.natGateways.find((n) => query.SnatTableId && n.snatTables[query.SnatTableId]);
      if (!gateway)
        return HttpReply.error(
          404,
          'InvalidSnatTableId.NotFound',
          `The SNAT table ${query.SnatTableId} does not exist.`
        );
      const entries = gateway.snatTables[query.SnatTableId!]!;
      const p = page(action, entries, query, maxPageSize);
      return HttpReply.json(200, {
        RequestId: rid,
        PageNumber: p.PageNumber,
        PageSize: p.PageSize,
        TotalCount: p.TotalCount,
        SnatTableEntries: {
          SnatTableEntry: p.slice.map((e) => ({
            SnatEntryId: e.SnatEntryId,
            SnatTableId: query.SnatTableId,
            NatGatewayId: gateway.NatGatewayId,
            SnatEntryName: e.SnatEntryId,
            SourceVSwitchId: e.SourceVSwitchId ?? '',
            SourceCIDR: e.SourceCIDR ?? '',
            SnatIp: e.SnatIp,
            Status: e.Status ?? 'Available',
            EipAffinity: '0',
            NetworkInterfaceId: ''
          }))
        }
      });
    }
    default:
      return HttpReply.error(
        404,
        'InvalidApi.NotFound',
        'Specified api is not found, please check your url and method.'
      );
  }
}

function faultReply(fault: FakeFault, action: string): HttpReply | undefined {
  switch (fault.kind) {
    case 'throttle':
      return HttpReply.json(
        fault.status ?? 400,
        {
          RequestId: requestId(),
          Code: fault.code ?? 'Throttling.User',
          Message: 'Request was denied due to user flow control.'
        },
        fault.retryAfterMs !== undefined ? { 'x-acs-retry-after': String(fault.retryAfterMs) } : {}
      );
    case 'error':
      return HttpReply.error(fault.status, fault.code, fault.message ?? `${fault.code} injected by the fake.`);
    case 'forbidden':
      return HttpReply.error(403, 'Forbidden.RAM', 'User not authorized to operate on the specified resource.', {
        ...(fault.authAction
          ? {
              AccessDeniedDetail: {
                AuthAction: fault.authAction,
                NoPermissionType: 'ImplicitDeny',
                PolicyType: 'AccountLevelIdentityBasedPolicy'
              }
            }
          : {})
      });
    case 'html':
      return new HttpReply(
        fault.status,
        '<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>',
        {
          'content-type': 'text/html'
        }
      );
    case 'success-false':
      return HttpReply.json(200, {
        RequestId: requestId(),
        Success: false,
        ErrorCode: fault.code,
        ErrorMessage: fault.message ?? `${fault.code} injected by the fake.`,
        HttpStatusCode: 200
      });
    case 'malformed':
      return HttpReply.json(200, {
        RequestId: requestId(),
        Success: true,
        Unexpected: { Action: action },
        PagingInfo: 'not an object',
        TotalCount: 'many'
      });
    case 'not-json':
      return new HttpReply(200, 'this is not json {', { 'content-type': 'text/plain' });
    case 'reset':
    case 'delay':
      return undefined;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeAlibaba(options: FakeOptions = {}): Promise<FakeAlibaba> {
  let scenario: FakeScenario = options.scenario ?? { resourceGroups: [], vswitches: [], natGateways: [] };
  const keys = options.keys ?? DEFAULT_KEYS;
  const maxPageSize = options.maxPageSize ?? {};
  const requests: FakeRequestLog[] = [];
  let faults: QueuedFault[] = [];
  let inFlight = 0;
  let peak = 0;

  const takeFault = (action: string, query: Record<string, string>): FakeFault | undefined => {
    const index = faults.findIndex(
      (f) =>
        f.remaining > 0 &&
        (f.action === '*' || f.action === action) &&
        Object.entries(f.match ?? {}).every(([k, v]) => query[k] === v)
    );
    if (index < 0) return undefined;
    const queued = faults[index]!;
    queued.remaining--;
    return queued.fault;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          const body = Buffer.concat(chunks);
          const url = new URL(req.url ?? '/', 'http://127.0.0.1');
          const query: Record<string, string> = Object.fromEntries(url.searchParams);
          if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
            Object.assign(query, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
          }
          const action = String(req.headers['x-acs-action'] ?? '');
          const version = String(req.headers['x-acs-version'] ?? '');
          const method = req.method ?? 'GET';
          const verification = verifyAcs3(
            method,
            url.pathname,
            Object.fromEntries(url.searchParams),
            req.headers,
            body,
            keys
          );
          const log: FakeRequestLog = {
            action,
            version,
            method,
            query,
            accessKeyId: verification.accessKeyId,
            signatureOk: verification.signatureOk,
            status: 0,
            fault: undefined
          };
          requests.push(log);
          if (options.latencyMs) await sleep(options.latencyMs);

          let reply: HttpReply;
          const route = ROUTES[action];
          const deployedKey = `${action}@${version}`;
          const deployedRoute = DEPLOYED_ROUTES[deployedKey];
          if (deployedRoute) {
            const pathMatch = deployedRoute.path?.exec(url.pathname);
            const id = deployedRoute.idParameter
              ? (query[deployedRoute.idParameter] ?? '')
              : decodeURIComponent(pathMatch?.[1] ?? '');
            const params = { ...query, ...(deployedRoute.path ? { InstanceId: id } : {}) };
            if (verification.problem) {
              reply = HttpReply.error(
                verification.problem.status,
                verification.problem.code,
                verification.problem.message
              );
            } else if (deployedRoute.method !== method) {
              reply = HttpReply.error(400, 'UnsupportedHTTPMethod', `${action} does not support ${method}.`);
            } else if (deployedRoute.path ? !pathMatch : url.pathname !== '/') {
              reply = HttpReply.error(404, 'InvalidApi.NotFound', `No ${action} at ${url.pathname}.`);
            } else if (!id) {
              reply = HttpReply.error(400, 'MissingParameter', `The instance id of ${action} is mandatory.`);
            } else {
              const fault = takeFault(action, params);
              log.fault = fault?.kind;
              if (fault?.kind === 'reset') {
                req.socket.destroy();
                return;
              }
              if (fault?.kind === 'delay') await sleep(fault.ms);
              reply =
                (fault && faultReply(fault, action)) ??
                answerDeployed(deployedKey, deployedRoute, id, query, scenario.deployed ?? {}, maxPageSize);
            }
            log.query = params;
          } else if (verification.problem) {
            reply = HttpReply.error(
              verification.problem.status,
              verification.problem.code,
              verification.problem.message
            );
          } else if (!route || route.version !== version) {
            reply = HttpReply.error(404, 'InvalidApi.NotFound', `Specified api ${action} (${version}) is not found.`);
          } else if (route.method !== method) {
            reply = HttpReply.error(400, 'UnsupportedHTTPMethod', `${action} does not support ${method}.`);
          } else {
            const fault = takeFault(action, query);
            log.fault = fault?.kind;
            if (fault?.kind === 'reset') {
              req.socket.destroy();
              return;
            }
            if (fault?.kind === 'delay') await sleep(fault.ms);
            reply = (fault && faultReply(fault, action)) ?? answer(action, query, scenario, maxPageSize);
          }
          log.status = reply.status;
          if (res.destroyed || req.socket.destroyed) return;
          res.writeHead(reply.status, reply.headers);
          res.end(reply.body);
        } finally {
          inFlight--;
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setScenario(next) {
      scenario = next;
    },
    addFault(action, fault, opts = {}) {
      faults.push({ action, fault, remaining: opts.times ?? 1, match: opts.match });
    },
    clearFaults() {
      faults = [];
    },
    count(action) {
      return requests.filter((r) => r.action === action).length;
    },
    maxInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}
