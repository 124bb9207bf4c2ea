/**
 * Elasticsearch: elasticsearch 2017-06-13 `DescribeInstance`, ROA `GET /openapi/instances/{InstanceId}` →
 * `Result.networkConfig.whiteIpGroupList[]` (`groupName`, JSON array `ips`, `whiteIpType` `PRIVATE_ES` /
 * `PUBLIC_ES` / `PRIVATE_KIBANA` / `PUBLIC_KIBANA`) and `Result.enablePublic`. Instances without group lists answer
 * only the flat `privateNetworkIpWhiteList` / `publicIpWhitelist`, read as the groups `default`.
 * `private` counts the `PRIVATE_ES` groups, `public` the `PUBLIC_ES` groups; Kibana groups admit nobody to the
 * cluster. Public access off: `public` is a disabled network.
 */
import { z } from 'zod';
import type { Network } from '../../model.js';
import type { DeployedGroup } from './types.js';
import { groupName, list, optionalText, splitEntries, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';

const schema = z.object({
  Result: z.object({
    enablePublic: z.boolean().nullish(),
    networkConfig: z
      .object({
        whiteIpGroupList: list(z.object({ groupName: optionalText, ips: list(z.string()), whiteIpType: optionalText }))
      })
      .nullish(),
    privateNetworkIpWhiteList: list(z.string()),
    publicIpWhitelist: list(z.string())
  })
});

const ES_GROUP_NETWORK: Readonly<Record<string, Network>> = { PRIVATE_ES: 'private', PUBLIC_ES: 'public' };

export const elasticsearchApi: DeployedApi<typeof schema> = {
  spec: {
    endpoint: 'elasticsearch',
    version: '2017-06-13',
    action: 'DescribeInstance',
    style: 'ROA',
    method: 'GET',
    ramAction: 'elasticsearch:DescribeInstance'
  },
  request: (request) => ({ pathname: `/openapi/instances/${encodeURIComponent(request.instance)}` }),
  schema,
  read(body, request) {
    const result = body.Result;
    const enablePublic = result.enablePublic;
    if (request.network === 'public' && (enablePublic === null || enablePublic === undefined)) {
      return { ok: false, message: 'DescribeInstance did not say whether public access is on (Result.enablePublic)' };
    }
    const listed = result.networkConfig?.whiteIpGroupList ?? [];
    const groups: DeployedGroup[] = [];
    if (listed.length > 0) {
      for (const [i, group] of listed.entries()) {
        const network = ES_GROUP_NETWORK[group.whiteIpType.trim().toUpperCase()];
        if (!network) continue;
        groups.push({
          name: groupName(group.groupName, `group ${i + 1}`),
          hidden: false,
          networks: [network],
          entries: group.ips.flatMap(splitEntries)
        });
      }
    } else {
      groups.push(
        {
          name: 'default',
          hidden: false,
          networks: ['private'],
          entries: result.privateNetworkIpWhiteList.flatMap(splitEntries)
        },
        {
          name: 'default',
          hidden: false,
          networks: ['public'],
          entries: result.publicIpWhitelist.flatMap(splitEntries)
        }
      );
    }
    return whitelistOf(request, groups, { disabledNetworks: enablePublic === false ? ['public'] : [] });
  }
};
