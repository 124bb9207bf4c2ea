/**
 * RDS: Rds 2014-08-15 `DescribeDBInstanceIPArrayList` → `Items.DBInstanceIPArray[]`, one per group
 * (`DBInstanceIPArrayName`, comma string `SecurityIPList`, `DBInstanceIPArrayAttribute: hidden` for system groups).
 * In enhanced whitelist mode a group has `WhitelistNetworkType` `Classic` (admits classic/public clients), `VPC`
 * (VPC clients) or `MIX`; the current SDK models do not list the field, so it is optional.
 */
import { z } from 'zod';
import type { Network } from '../../model.js';
import type { DeployedGroup } from './types.js';
import {
  BOTH_NETWORKS,
  groupName,
  isHiddenAttribute,
  list,
  optionalText,
  rpcRequest,
  rpcSpec,
  splitEntries,
  whitelistOf
} from './common.js';
import type { DeployedApi } from './common.js';

const schema = z.object({
  Items: z.object({
    DBInstanceIPArray: list(
      z.object({
        DBInstanceIPArrayName: optionalText,
        DBInstanceIPArrayAttribute: optionalText,
        SecurityIPList: optionalText,
        SecurityIPType: optionalText,
        WhitelistNetworkType: optionalText
      })
    )
  })
});

/** `private` counts VPC, MIX and untyped groups; `public` counts Classic, MIX and untyped groups. */
export function rdsNetworks(type: string): readonly Network[] | undefined {
  switch (type.trim().toLowerCase()) {
    case '':
    case 'mix':
      return BOTH_NETWORKS;
    case 'vpc':
      return ['private'];
    case 'classic':
      return ['public'];
    default:
      return undefined;
  }
}

export const rdsApi: DeployedApi<typeof schema> = {
  spec: rpcSpec('rds', 'rds', '2014-08-15', 'DescribeDBInstanceIPArrayList'),
  request: rpcRequest('DBInstanceId'),
  schema,
  read(body, request) {
    const groups: DeployedGroup[] = [];
    for (const [i, item] of (body.Items?.DBInstanceIPArray ?? []).entries()) {
      const name = groupName(item.DBInstanceIPArrayName, `group ${i + 1}`);
      const networks = rdsNetworks(item.WhitelistNetworkType);
      if (!networks) {
        // An unknown network type could admit either network or none: fail closed rather than guess.
        return {
          ok: false,
          message: `group "${name}" has the network type "${item.WhitelistNetworkType.slice(0, 40)}", which is none of Classic, VPC, MIX`
        };
      }
      groups.push({
        name,
        hidden: isHiddenAttribute(item.DBInstanceIPArrayAttribute),
        networks,
        entries: splitEntries(item.SecurityIPList)
      });
    }
    return whitelistOf(request, groups);
  }
};
