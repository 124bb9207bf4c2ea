/**
 * ClickHouse. Community edition (default): clickhouse 2019-11-11 `DescribeDBClusterAccessWhiteList` →
 * `DBClusterAccessWhiteList.IPArray[]` (not under `Items`). Enterprise edition: clickhouse 2023-05-22
 * `DescribeSecurityIPList` (`DBInstanceId`, `RegionId`) → `Data.GroupItems[]` (`GroupName`, `SecurityIPList`,
 * `WhitelistNetType`, `GroupTag`).
 */
import { z } from 'zod';
import { list, optionalText, plainGroups, rpcRequest, rpcSpec, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';
import { ipArrayGroups, ipArraySchema } from './adb-mysql.js';

const communitySchema = z.object({ DBClusterAccessWhiteList: ipArraySchema.shape.Items });

export const clickhouseCommunityApi: DeployedApi<typeof communitySchema> = {
  spec: rpcSpec('clickhouse', 'clickhouse', '2019-11-11', 'DescribeDBClusterAccessWhiteList'),
  request: rpcRequest('DBClusterId'),
  schema: communitySchema,
  read: (body, request) => whitelistOf(request, ipArrayGroups(body.DBClusterAccessWhiteList))
};

const enterpriseSchema = z.object({
  Data: z.object({
    GroupItems: list(z.object({ GroupName: optionalText, GroupTag: optionalText, SecurityIPList: optionalText }))
  })
});

export const clickhouseEnterpriseApi: DeployedApi<typeof enterpriseSchema> = {
  spec: rpcSpec('clickhouse', 'clickhouse', '2023-05-22', 'DescribeSecurityIPList'),
  request: rpcRequest('DBInstanceId', true),
  schema: enterpriseSchema,
  read: (body, request) =>
    whitelistOf(
      request,
      plainGroups(
        (body.Data?.GroupItems ?? []).map((g) => ({
          name: g.GroupName,
          attribute: g.GroupTag,
          entries: g.SecurityIPList
        }))
      )
    )
};
