/**
 * Answer bodies of the deployed-whitelist APIs in their real shapes (field names from the generated SDK models),
 * for the fake OpenAPI server. Groups are `[name, entries as the API writes them, extra fields]`.
 */
type Extra = Record<string, unknown>;

export const rdsBody = (groups: [string, string, Extra?][]) => ({
  Items: {
    DBInstanceIPArray: groups.map(([name, list, extra]) => ({
      DBInstanceIPArrayName: name,
      DBInstanceIPArrayAttribute: '',
      SecurityIPType: 'IPv4',
      SecurityIPList: list,
      ...extra
    }))
  }
});

export const polardbBody = (groups: [string, string, Extra?][]) => ({
  Items: {
    DBClusterIPArray: groups.map(([name, list, extra]) => ({
      DBClusterIPArrayName: name,
      DBClusterIPArrayAttribute: '',
      SecurityIps: list,
      ...extra
    }))
  },
  DBClusterSecurityGroups: { DBClusterSecurityGroup: [] }
});

/** Redis and MongoDB. */
export const securityIpsBody = (groups: [string, string, Extra?][]) => ({
  SecurityIpGroups: {
    SecurityIpGroup: groups.map(([name, list, extra]) => ({
      SecurityIpGroupName: name,
      SecurityIpGroupAttribute: '',
      SecurityIpList: list,
      ...extra
    }))
  }
});

const ipArray = (groups: [string, string, Extra?][]) => ({
  IPArray: groups.map(([name, list, extra]) => ({
    DBClusterIPArrayName: name,
    DBClusterIPArrayAttribute: '',
    SecurityIPList: list,
    ...extra
  }))
});

export const adbBody = (groups: [string, string, Extra?][]) => ({ Items: ipArray(groups) });
export const clickhouseCommunityBody = (groups: [string, string, Extra?][]) => ({
  DBClusterAccessWhiteList: ipArray(groups)
});
export const clickhouseEnterpriseBody = (groups: [string, string][]) => ({
  Data: {
    DBInstanceID: 'cc-fake',
    DBInstanceName: 'cc-fake',
    GroupItems: groups.map(([name, list]) => ({
      GroupName: name,
      GroupTag: '',
      SecurityIPList: list,
      SecurityIPType: 'ipv4',
      WhitelistNetType: 'mix'
    }))
  }
});

export const gpdbBody = (groups: [string, string, Extra?][]) => ({
  Items: {
    DBInstanceIPArray: groups.map(([name, list, extra]) => ({
      DBInstanceIPArrayName: name,
      DBInstanceIPArrayAttribute: '',
      SecurityIPList: list,
      ...extra
    }))
  }
});

export const lindormBody = (groups: [string, string][], flat: string[] = []) => ({
  InstanceId: 'ld-fake',
  GroupList: groups.map(([name, list]) => ({ GroupName: name, SecurityIpList: list })),
  IpList: flat
});

export const elasticsearchBody = (
  groups: [string, string[], string][],
  options: { enablePublic?: boolean; privateFlat?: string[]; publicFlat?: string[] } = {}
) => ({
  Result: {
    instanceId: 'es-cn-fake',
    status: 'active',
    ...(options.enablePublic === undefined ? {} : { enablePublic: options.enablePublic }),
    networkConfig: {
      type: 'vpc',
      vpcId: 'vpc-fake',
      whiteIpGroupList: groups.map(([groupName, ips, whiteIpType]) => ({ groupName, ips, whiteIpType }))
    },
    privateNetworkIpWhiteList: options.privateFlat ?? [],
    publicIpWhitelist: options.publicFlat ?? []
  }
});

export const maxcomputeBody = (name: string, ipList?: string, vpcIpList?: string) => ({
  httpCode: 200,
  requestId: 'FAKE',
  data: {
    name,
    owner: 'ALIYUN$fake',
    status: 'AVAILABLE',
    ...(ipList === undefined && vpcIpList === undefined
      ? {}
      : { ipWhiteList: { ipList: ipList ?? '', vpcIpList: vpcIpList ?? '' } })
  }
});

/** One ECS rule as `DescribeSecurityGroupAttribute` lists it. */
export const ecsRule = (id: string, fields: Extra) => ({
  SecurityGroupRuleId: id,
  Direction: 'ingress',
  Policy: 'Accept',
  IpProtocol: 'TCP',
  PortRange: '3306/3306',
  Priority: '1',
  SourceCidrIp: '',
  Ipv6SourceCidrIp: '',
  SourceGroupId: '',
  SourcePrefixListId: '',
  Description: '',
  NicType: 'intranet',
  CreateTime: '2024-01-01T00:00:00Z',
  ...fields
});
