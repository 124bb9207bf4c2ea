/**
 * Redis / Tair: R-kvstore 2015-01-01 `DescribeSecurityIps` → `SecurityIpGroups.SecurityIpGroup[]`
 * (`SecurityIpGroupName`, comma string `SecurityIpList`, `SecurityIpGroupAttribute: hidden`). The groups DMS and
 * DAS add (`ali_dms_group`, `hdm_security_ips`) are system groups too: the Terraform provider skips them as well.
 */
import { z } from 'zod';
import { list, optionalText, plainGroups, rpcRequest, rpcSpec, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';

export const securityIpGroupsSchema = z.object({
  SecurityIpGroups: z.object({
    SecurityIpGroup: list(
      z.object({
        SecurityIpGroupName: optionalText,
        SecurityIpGroupAttribute: optionalText,
        SecurityIpList: optionalText
      })
    )
  })
});

export const REDIS_SYSTEM_GROUPS = ['ali_dms_group', 'hdm_security_ips'] as const;

export function securityIpGroups(body: z.output<typeof securityIpGroupsSchema>, hiddenNames: readonly string[] = []) {
  return plainGroups(
    (body.SecurityIpGroups?.SecurityIpGroup ?? []).map((g) => ({
      name: g.SecurityIpGroupName,
      attribute: g.SecurityIpGroupAttribute,
      entries: g.SecurityIpList
    })),
    hiddenNames
  );
}

export const redisApi: DeployedApi<typeof securityIpGroupsSchema> = {
  spec: rpcSpec('redis', 'kvstore', '2015-01-01', 'DescribeSecurityIps'),
  request: rpcRequest('InstanceId'),
  schema: securityIpGroupsSchema,
  read: (body, request) => whitelistOf(request, securityIpGroups(body, REDIS_SYSTEM_GROUPS))
};
