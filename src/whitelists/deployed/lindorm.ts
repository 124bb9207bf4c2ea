/**
 * Lindorm: hitsdb 2020-06-15 `GetInstanceIpWhiteList` → `GroupList[]` (`GroupName`, comma string
 * `SecurityIpList`); older instances answer only the flat `IpList[]`, read then as one group `default`.
 * `127.0.0.1` means nobody (the product profile applies).
 */
import { z } from 'zod';
import { list, optionalText, plainGroups, rpcRequest, rpcSpec, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';

// A real answer carries at least one of the two lists: one with neither is not an empty whitelist.
const schema = z
  .object({
    GroupList: list(z.object({ GroupName: optionalText, SecurityIpList: optionalText })).optional(),
    IpList: list(z.string()).optional()
  })
  .refine((body) => body.GroupList !== undefined || body.IpList !== undefined, {
    message: 'neither GroupList nor IpList is present'
  })
  .transform((body) => ({ GroupList: body.GroupList ?? [], IpList: body.IpList ?? [] }));

export const lindormApi: DeployedApi<typeof schema> = {
  spec: rpcSpec('lindorm', 'lindorm', '2020-06-15', 'GetInstanceIpWhiteList'),
  request: rpcRequest('InstanceId'),
  schema,
  read(body, request) {
    const groups =
      body.GroupList.length > 0
        ? body.GroupList.map((g) => ({ name: g.GroupName, attribute: '', entries: g.SecurityIpList }))
        : [{ name: 'default', attribute: '', entries: body.IpList.join(',') }];
    return whitelistOf(request, plainGroups(groups));
  }
};
