/**
 * MaxCompute: MaxCompute 2022-01-04 `GetProject`, ROA `GET /api/v1/projects/{projectName}` →
 * `data.ipWhiteList.ipList` (comma string; Internet and classic network: `public`) and `vpcIpList` (`private`).
 * Both empty: everyone may connect. Only one set: the other network is denied outright.
 */
import { z } from 'zod';
import type { Network } from '../../model.js';
import { optionalText, splitEntries, whitelistOf } from './common.js';
import type { DeployedApi } from './common.js';

const schema = z.object({
  data: z.object({
    name: optionalText,
    ipWhiteList: z.object({ ipList: optionalText, vpcIpList: optionalText }).nullish()
  })
});

export const maxcomputeApi: DeployedApi<typeof schema> = {
  spec: {
    endpoint: 'maxcompute',
    version: '2022-01-04',
    action: 'GetProject',
    style: 'ROA',
    method: 'GET',
    ramAction: 'odps:GetProject'
  },
  request: (request) => ({ pathname: `/api/v1/projects/${encodeURIComponent(request.instance)}` }),
  schema,
  read(body, request) {
    const publicEntries = splitEntries(body.data.ipWhiteList?.ipList ?? '');
    const privateEntries = splitEntries(body.data.ipWhiteList?.vpcIpList ?? '');
    const disabledNetworks: Network[] = [];
    if (publicEntries.length > 0 && privateEntries.length === 0) disabledNetworks.push('private');
    if (privateEntries.length > 0 && publicEntries.length === 0) disabledNetworks.push('public');
    return whitelistOf(
      request,
      [
        { name: 'ipList', hidden: false, networks: ['public'], entries: publicEntries },
        { name: 'vpcIpList', hidden: false, networks: ['private'], entries: privateEntries }
      ],
      { disabledNetworks, emptyAllowsAll: publicEntries.length === 0 && privateEntries.length === 0 }
    );
  }
};
