/**
 * MongoDB: Dds 2015-12-01 `DescribeSecurityIps` (host `mongodb.…`, RAM service `dds`) → the same
 * `SecurityIpGroups.SecurityIpGroup[]` shape as Redis.
 */
import { rpcRequest, rpcSpec, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';
import { securityIpGroups, securityIpGroupsSchema } from './redis.js';

export const mongodbApi: DeployedApi<typeof securityIpGroupsSchema> = {
  spec: rpcSpec('mongodb', 'dds', '2015-12-01', 'DescribeSecurityIps'),
  request: rpcRequest('DBInstanceId'),
  schema: securityIpGroupsSchema,
  read: (body, request) => whitelistOf(request, securityIpGroups(body))
};
