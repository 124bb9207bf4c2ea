/** Shared builders for the online tests: config groups, a recording logger, and the cloud of the scenarios. */
import type { ModuleName, ResourceGroupConfig, SourcePosition } from '../../src/model.js';
import type { Logger } from '../../src/io.js';
import type { FactEntry, ModuleNetworkFacts, OnlineResolution } from '../../src/resolve/types.js';
import type { FakeScenario } from '../fakes/alibaba-openapi.js';

export const CONFIG_FILE = '.github/dataworks-whitelist.yml';

export function at(line: number, column = 5): SourcePosition {
  return { file: CONFIG_FILE, line, column };
}

export function located(values: string[], line: number): { value: string; pos: SourcePosition }[] {
  return values.map((value, i) => ({ value, pos: at(line, 20 + i * 10) }));
}

export function serverlessGroup(
  name: string,
  id: string,
  extra: Partial<Omit<ResourceGroupConfig, 'name' | 'type' | 'id'>> = {}
): ResourceGroupConfig {
  return {
    name,
    type: 'serverless',
    id: { value: id, pos: at(4, 9) },
    region: 'cn-hangzhou',
    modules: {},
    pos: at(3, 3),
    ...extra
  };
}

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`)
  };
}

/** Texts of a fact list, for compact assertions. */
export function texts(entries: FactEntry[] | null | undefined): string[] | null {
  return entries ? entries.map((e) => e.text) : null;
}

export function moduleFacts(
  result: OnlineResolution,
  group: string,
  module: ModuleName
): ModuleNetworkFacts | undefined {
  return result.facts.get(group)?.get(module);
}

export const GROUP_A = 'Serverless_res_group_100_200';
export const GROUP_B = 'Serverless_res_group_300_400';
export const GROUP_C = 'Serverless_res_group_500_600';

/**
 * The cloud of the scenarios:
 * - GROUP_A: bindings in vpc-one (vsw-one-a, IPv6 too) and vpc-two (vsw-two-a), plus a Deleted binding in vpc-gone.
 * - vpc-two: a VPC-wide SNAT entry with two IPs, a per-vSwitch entry for vsw-two-a, a /32 entry inside vsw-two-c,
 *   and a VPC NAT gateway (intranet) whose entry must not count.
 * - GROUP_B: bound to vsw-two-b and vsw-two-c (vpc-two): the VPC-wide entry, and the /32 inside vsw-two-c.
 * - GROUP_C: bound to vsw-three-a in vpc-three, which has no NAT gateway.
 */
export function scenarioCloud(): FakeScenario {
  return {
    resourceGroups: [
      {
        Id: GROUP_A,
        networks: [
          { VpcId: 'vpc-one', VswitchId: 'vsw-one-a', Status: 'Running' },
          { VpcId: 'vpc-two', VswitchId: 'vsw-two-a', Status: 'Running' },
          { VpcId: 'vpc-gone', VswitchId: 'vsw-gone-a', Status: 'Deleted' }
        ]
      },
      {
        Id: GROUP_B,
        networks: [
          { VpcId: 'vpc-two', VswitchId: 'vsw-two-b', Status: 'Running' },
          { VpcId: 'vpc-two', VswitchId: 'vsw-two-c', Status: 'Running' }
        ]
      },
      { Id: GROUP_C, networks: [{ VpcId: 'vpc-three', VswitchId: 'vsw-three-a', Status: 'Running' }] }
    ],
    vswitches: [
      { VSwitchId: 'vsw-one-a', VpcId: 'vpc-one', CidrBlock: '192.0.2.0/27', Ipv6CidrBlock: '2001:db8:1:0::/64' },
      { VSwitchId: 'vsw-one-b', VpcId: 'vpc-one', CidrBlock: '192.0.2.32/27' },
      { VSwitchId: 'vsw-two-a', VpcId: 'vpc-two', CidrBlock: '192.0.2.64/27' },
      { VSwitchId: 'vsw-two-b', VpcId: 'vpc-two', CidrBlock: '192.0.2.96/27' },
      { VSwitchId: 'vsw-two-c', VpcId: 'vpc-two', CidrBlock: '192.0.2.128/27' },
      { VSwitchId: 'vsw-gone-a', VpcId: 'vpc-gone', CidrBlock: '192.0.2.160/27' },
      { VSwitchId: 'vsw-three-a', VpcId: 'vpc-three', CidrBlock: '192.0.2.192/27' }
    ],
    natGateways: [
      {
        NatGatewayId: 'ngw-one',
        VpcId: 'vpc-one',
        NetworkType: 'internet',
        ips: ['198.51.100.1'],
        snatTables: {
          'stb-one': [{ SnatEntryId: 'snat-one-vsw', SourceVSwitchId: 'vsw-one-a', SnatIp: '198.51.100.1' }]
        }
      },
      {
        NatGatewayId: 'ngw-two',
        VpcId: 'vpc-two',
        NetworkType: 'internet',
        ips: ['203.0.113.1', '203.0.113.2', '203.0.113.10', '203.0.113.20'],
        snatTables: {
          'stb-two': [
            { SnatEntryId: 'snat-two-vpc', SourceCIDR: '192.0.2.0/24', SnatIp: '203.0.113.1,203.0.113.2' },
            { SnatEntryId: 'snat-two-a', SourceVSwitchId: 'vsw-two-a', SnatIp: '203.0.113.10' },
            { SnatEntryId: 'snat-two-host', SourceCIDR: '192.0.2.130/32', SnatIp: '203.0.113.20' }
          ]
        }
      },
      {
        NatGatewayId: 'ngw-two-private',
        VpcId: 'vpc-two',
        NetworkType: 'intranet',
        ips: ['192.0.2.250'],
        snatTables: {
          'stb-two-private': [{ SnatEntryId: 'snat-two-private', SourceCIDR: '192.0.2.96/27', SnatIp: '192.0.2.250' }]
        }
      }
    ]
  };
}
