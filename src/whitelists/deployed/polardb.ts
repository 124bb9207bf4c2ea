/**
 * PolarDB: polardb 2017-08-01 `DescribeDBClusterAccessWhitelist` → `Items.DBClusterIPArray[]`
 * (`DBClusterIPArrayName`, comma string `SecurityIps`, `DBClusterIPArrayAttribute: hidden`).
 */
import { z } from 'zod';
import { list, optionalText, plainGroups, rpcRequest, rpcSpec, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';

const schema = z.object({
  Items: z.object({
    DBClusterIPArray: list(
      z.object({
        DBClusterIPArrayName: optionalText,
        DBClusterIPArrayAttribute: optionalText,
        SecurityIps: optionalText
      })
    )
  })
});

export const polardbApi: DeployedApi<typeof schema> = {
  spec: rpcSpec('polardb', 'polardb', '2017-08-01', 'DescribeDBClusterAccessWhitelist'),
  request: rpcRequest('DBClusterId'),
  schema,
  read: (body, request) =>
    whitelistOf(
      request,
      plainGroups(
        (body.Items?.DBClusterIPArray ?? []).map((g) => ({
          name: g.DBClusterIPArrayName,
          attribute: g.DBClusterIPArrayAttribute,
          entries: g.SecurityIps
        }))
      )
    )
};
