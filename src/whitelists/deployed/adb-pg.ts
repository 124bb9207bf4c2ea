/**
 * AnalyticDB for PostgreSQL: gpdb 2016-05-03 `DescribeDBInstanceIPArrayList` → `Items.DBInstanceIPArray[]`
 * (`DBInstanceIPArrayName`, comma string `SecurityIPList`, `DBInstanceIPArrayAttribute`). Asked without a group
 * name, which returns every group (as the Terraform provider does).
 */
import { z } from 'zod';
import { list, optionalText, plainGroups, rpcRequest, rpcSpec, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';

const schema = z.object({
  Items: z.object({
    DBInstanceIPArray: list(
      z.object({
        DBInstanceIPArrayName: optionalText,
        DBInstanceIPArrayAttribute: optionalText,
        SecurityIPList: optionalText
      })
    )
  })
});

export const adbPgApi: DeployedApi<typeof schema> = {
  spec: rpcSpec('adb-pg', 'gpdb', '2016-05-03', 'DescribeDBInstanceIPArrayList'),
  request: rpcRequest('DBInstanceId'),
  schema,
  read: (body, request) =>
    whitelistOf(
      request,
      plainGroups(
        (body.Items?.DBInstanceIPArray ?? []).map((g) => ({
          name: g.DBInstanceIPArrayName,
          attribute: g.DBInstanceIPArrayAttribute,
          entries: g.SecurityIPList
        }))
      )
    )
};
