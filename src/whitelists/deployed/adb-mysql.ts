/**
 * AnalyticDB for MySQL: `Items.IPArray[]` (`DBClusterIPArrayName`, comma string `SecurityIPList`,
 * `DBClusterIPArrayAttribute`). Warehouse edition (default): adb 2019-03-15 `DescribeDBClusterAccessWhiteList`;
 * lakehouse edition: adb 2021-12-01 `DescribeClusterAccessWhiteList`. Same shape, same endpoints.
 */
import { z } from 'zod';
import { list, optionalText, plainGroups, rpcRequest, rpcSpec, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';

export const ipArraySchema = z.object({
  Items: z.object({
    IPArray: list(
      z.object({
        DBClusterIPArrayName: optionalText,
        DBClusterIPArrayAttribute: optionalText,
        SecurityIPList: optionalText
      })
    )
  })
});

export function ipArrayGroups(items: z.output<typeof ipArraySchema>['Items']) {
  return plainGroups(
    (items?.IPArray ?? []).map((g) => ({
      name: g.DBClusterIPArrayName,
      attribute: g.DBClusterIPArrayAttribute,
      entries: g.SecurityIPList
    }))
  );
}

export const adbMysqlWarehouseApi: DeployedApi<typeof ipArraySchema> = {
  spec: rpcSpec('adb-mysql', 'adb', '2019-03-15', 'DescribeDBClusterAccessWhiteList'),
  request: rpcRequest('DBClusterId'),
  schema: ipArraySchema,
  read: (body, request) => whitelistOf(request, ipArrayGroups(body.Items))
};

export const adbMysqlLakehouseApi: DeployedApi<typeof ipArraySchema> = {
  spec: rpcSpec('adb-mysql', 'adb', '2021-12-01', 'DescribeClusterAccessWhiteList'),
  request: rpcRequest('DBClusterId', true),
  schema: ipArraySchema,
  read: (body, request) => whitelistOf(request, ipArrayGroups(body.Items))
};
