/** Every deployed-whitelist reader, through the real signing client, against the fake OpenAPI server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { silentLogger } from '../../src/io.js';
import { createDeployedReader, ramActionsOf } from '../../src/whitelists/deployed/index.js';
import type { DeployedReaderDeps } from '../../src/whitelists/deployed/index.js';
import type { DeployedReadResult, DeployedRequest, DeployedWhitelist } from '../../src/whitelists/deployed/types.js';
import type { CloudSettings } from '../../src/cloud/session.js';
import { startFakeAlibaba } from '../fakes/alibaba-openapi.js';
import type { FakeAlibaba, FakeDeployed } from '../fakes/alibaba-openapi.js';
import {
  adbBody,
  clickhouseCommunityBody,
  clickhouseEnterpriseBody,
  ecsRule,
  elasticsearchBody,
  gpdbBody,
  lindormBody,
  maxcomputeBody,
  polardbBody,
  rdsBody,
  securityIpsBody
} from '../fakes/deployed-bodies.js';

const PRODUCT_KEYS = [
  'rds',
  'polardb',
  'redis',
  'mongodb',
  'adb-mysql',
  'adb-pg',
  'clickhouse',
  'elasticsearch',
  'lindorm',
  'ecs-security-group',
  'maxcompute'
] as const;

const deployed: FakeDeployed = {
  bodies: {
    'DescribeDBInstanceIPArrayList@2014-08-15': {
      'rm-main': rdsBody([
        ['default', '127.0.0.1'],
        ['dataworks', '192.0.2.0/24, 198.51.100.7 ,,'],
        ['classic_only', '203.0.113.0/28', { WhitelistNetworkType: 'Classic' }],
        ['vpc_only', '203.0.113.16/28', { WhitelistNetworkType: 'VPC' }],
        ['mixed', '203.0.113.32/28', { WhitelistNetworkType: 'MIX' }],
        ['dts', '203.0.113.64/26', { DBInstanceIPArrayAttribute: 'hidden' }],
        ['empty', '']
      ]),
      'rm-odd': rdsBody([['g', '192.0.2.1', { WhitelistNetworkType: 'Galaxy' }]])
    },
    'DescribeDBClusterAccessWhitelist@2017-08-01': {
      'pc-main': polardbBody([
        ['default', '192.0.2.0/24'],
        ['hidden_sys', '198.51.100.0/24', { DBClusterIPArrayAttribute: 'hidden' }]
      ])
    },
    'DescribeSecurityIps@2015-01-01': {
      'r-main': securityIpsBody([
        ['default', '192.0.2.10,192.0.2.11'],
        ['ali_dms_group', '198.51.100.0/27'],
        ['sys', '198.51.100.32/27', { SecurityIpGroupAttribute: 'hidden' }]
      ])
    },
    'DescribeSecurityIps@2015-12-01': { 'dds-main': securityIpsBody([['default', '192.0.2.0/25,192.0.2.128/25']]) },
    'DescribeDBClusterAccessWhiteList@2019-03-15': { 'am-main': adbBody([['default', '192.0.2.1']]) },
    'DescribeClusterAccessWhiteList@2021-12-01': { 'amv-main': adbBody([['lake', '192.0.2.2']]) },
    'DescribeDBInstanceIPArrayList@2016-05-03': {
      'gp-main': gpdbBody([
        ['default', '192.0.2.3'],
        ['two', '']
      ])
    },
    'DescribeDBClusterAccessWhiteList@2019-11-11': { 'cc-main': clickhouseCommunityBody([['default', '192.0.2.4']]) },
    'DescribeSecurityIPList@2023-05-22': {
      'cc-ent': clickhouseEnterpriseBody([['default', '192.0.2.5,2001:db8::/64']])
    },
    'DescribeInstance@2017-06-13': {
      'es-cn-main': elasticsearchBody(
        [
          ['default', ['192.0.2.0/24'], 'PRIVATE_ES'],
          ['internet', ['198.51.100.0/24'], 'PUBLIC_ES'],
          ['kibana', ['203.0.113.0/24'], 'PRIVATE_KIBANA']
        ],
        { enablePublic: false }
      ),
      'es-cn-flat': elasticsearchBody([], {
        enablePublic: true,
        privateFlat: ['192.0.2.9'],
        publicFlat: ['198.51.100.9']
      }),
      'es-cn-unsaid': elasticsearchBody([['default', ['192.0.2.0/24'], 'PRIVATE_ES']])
    },
    'GetInstanceIpWhiteList@2020-06-15': {
      'ld-main': lindormBody([
        ['default', '127.0.0.1'],
        ['dw', '192.0.2.0/24']
      ]),
      'ld-flat': lindormBody([], ['192.0.2.6', '192.0.2.7'])
    },
    'GetProject@2022-01-04': {
      both: maxcomputeBody('both', '198.51.100.1', '192.0.2.0/24'),
      'vpc-only': maxcomputeBody('vpc-only', '', '192.0.2.0/24'),
      'public-only': maxcomputeBody('public-only', '198.51.100.1', ''),
      open: maxcomputeBody('open', '', ''),
      unset: maxcomputeBody('unset')
    }
  },
  securityGroups: {
    'sg-main': [
      ecsRule('r1', { SourceCidrIp: '192.0.2.0/24', Description: 'dataworks' }),
      ecsRule('r2', { SourceCidrIp: '198.51.100.0/24', PortRange: '-1/-1', IpProtocol: 'ALL' }),
      ecsRule('r3', { SourceCidrIp: '203.0.113.0/24', PortRange: '22/22' }),
      // A Drop rule of priority 5 denies its addresses to Accept rules of priority 5 (a tie) and below (6–100).
      ecsRule('r4', { SourceCidrIp: '203.0.113.128/25', Policy: 'Drop', Priority: '5' }),
      ecsRule('r5', { SourceGroupId: 'sg-other' }),
      ecsRule('r6', { SourcePrefixListId: 'pl-shared' }),
      ecsRule('r7', { Ipv6SourceCidrIp: '2001:db8::/48', PortRange: '3000/4000' }),
      ecsRule('r8', { SourceCidrIp: '203.0.113.8', IpProtocol: 'UDP' }),
      ecsRule('r9', { SourceCidrIp: '198.51.100.200', Direction: 'egress' }),
      ecsRule('r10', { SourceCidrIp: '203.0.113.0/24', Priority: '10' }),
      ecsRule('r11', { SourceCidrIp: '203.0.113.128/26', Priority: '5' })
    ],
    'sg-second': [ecsRule('s1', { SourcePrefixListId: 'pl-shared' })],
    'sg-pages': Array.from({ length: 25 }, (_, i) => ecsRule(`p${i}`, { SourceCidrIp: `192.0.2.${i}` })),
    'sg-badport': [ecsRule('b1', { SourceCidrIp: '192.0.2.1', PortRange: 'any' })]
  },
  prefixLists: { 'pl-shared': ['203.0.113.192/27', '203.0.113.224/27'] }
};

let fake: FakeAlibaba;
let settings: CloudSettings;

beforeAll(async () => {
  fake = await startFakeAlibaba({
    scenario: { resourceGroups: [], vswitches: [], natGateways: [], deployed },
    maxPageSize: { DescribeSecurityGroupAttribute: 10 }
  });
  settings = {
    endpoints: Object.fromEntries(PRODUCT_KEYS.map((key) => [key, fake.url])),
    credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'SECRET_TEST' },
    allowInstanceCredentials: false
  };
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
});

const deps = (extra: Partial<DeployedReaderDeps> = {}): DeployedReaderDeps => ({
  logger: silentLogger,
  env: {},
  sleep: async () => undefined,
  tuning: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 },
  ...extra
});

function request(product: DeployedRequest['product'], instance: string, extra: Partial<DeployedRequest> = {}) {
  return {
    dataSource: `${product}:${instance}`,
    product,
    instance,
    region: 'cn-hangzhou',
    network: 'private',
    ...extra
  } as DeployedRequest;
}

async function readOne(req: DeployedRequest, extra: Partial<DeployedReaderDeps> = {}): Promise<DeployedReadResult> {
  const results = await createDeployedReader(settings, deps(extra)).read([req]);
  return results.get(req.dataSource)!;
}

async function whitelist(req: DeployedRequest): Promise<DeployedWhitelist> {
  const result = await readOne(req);
  if (!result.ok) throw new Error(`expected a whitelist, got: ${result.message}`);
  return result.whitelist;
}

const summary = (w: DeployedWhitelist) =>
  w.groups.map((g) => `${g.name}${g.hidden ? ' (hidden)' : ''} [${g.networks.join('+')}]: ${g.entries.join(' ')}`);

describe('one-call readers', () => {
  it('RDS: comma strings with blanks, empty groups, hidden groups and network types', async () => {
    const w = await whitelist(request('rds', 'rm-main'));
    expect(summary(w)).toEqual([
      'default [private+public]: 127.0.0.1',
      'dataworks [private+public]: 192.0.2.0/24 198.51.100.7',
      'classic_only [public]: 203.0.113.0/28',
      'vpc_only [private]: 203.0.113.16/28',
      'mixed [private+public]: 203.0.113.32/28',
      'dts (hidden) [private+public]: 203.0.113.64/26',
      'empty [private+public]: '
    ]);
    expect(w).toMatchObject({
      product: 'rds',
      instance: 'rm-main',
      region: 'cn-hangzhou',
      disabledNetworks: [],
      emptyAllowsAll: false
    });
    const call = fake.requests.find((r) => r.action === 'DescribeDBInstanceIPArrayList')!;
    expect(call).toMatchObject({ version: '2014-08-15', method: 'POST', signatureOk: true });
    expect(call.query.DBInstanceId).toBe('rm-main');
  });

  it('RDS: an unknown network type is unresolved, not guessed', async () => {
    const result = await readOne(request('rds', 'rm-odd'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('"Galaxy"') });
  });

  it.each<[DeployedRequest, string[]]>([
    [
      request('polardb', 'pc-main'),
      ['default [private+public]: 192.0.2.0/24', 'hidden_sys (hidden) [private+public]: 198.51.100.0/24']
    ],
    [
      request('redis', 'r-main'),
      [
        'default [private+public]: 192.0.2.10 192.0.2.11',
        'ali_dms_group (hidden) [private+public]: 198.51.100.0/27',
        'sys (hidden) [private+public]: 198.51.100.32/27'
      ]
    ],
    [request('mongodb', 'dds-main'), ['default [private+public]: 192.0.2.0/25 192.0.2.128/25']],
    [request('adb-mysql', 'am-main'), ['default [private+public]: 192.0.2.1']],
    [request('adb-mysql', 'amv-main', { edition: 'lakehouse' }), ['lake [private+public]: 192.0.2.2']],
    [request('adb-pg', 'gp-main'), ['default [private+public]: 192.0.2.3', 'two [private+public]: ']],
    [request('clickhouse', 'cc-main'), ['default [private+public]: 192.0.2.4']],
    [request('clickhouse', 'cc-ent', { edition: 'enterprise' }), ['default [private+public]: 192.0.2.5 2001:db8::/64']],
    [request('lindorm', 'ld-main'), ['default [private+public]: 127.0.0.1', 'dw [private+public]: 192.0.2.0/24']],
    [request('lindorm', 'ld-flat'), ['default [private+public]: 192.0.2.6 192.0.2.7']]
  ])('%o', async (req, expected) => {
    expect(summary(await whitelist(req))).toEqual(expected);
    expect(fake.requests.every((r) => r.signatureOk)).toBe(true);
  });

  it('MongoDB empty means everyone, as its profile says; RDS empty means nobody', async () => {
    expect((await whitelist(request('mongodb', 'dds-main'))).emptyAllowsAll).toBe(true);
    expect((await whitelist(request('rds', 'rm-main'))).emptyAllowsAll).toBe(false);
  });

  it('sends the edition’s action and version', async () => {
    await whitelist(request('adb-mysql', 'amv-main', { edition: 'lakehouse' }));
    await whitelist(request('clickhouse', 'cc-ent', { edition: 'enterprise' }));
    expect(fake.requests.map((r) => `${r.action}@${r.version} ${r.query.RegionId ?? ''}`)).toEqual([
      'DescribeClusterAccessWhiteList@2021-12-01 cn-hangzhou',
      'DescribeSecurityIPList@2023-05-22 cn-hangzhou'
    ]);
  });
});

describe('Elasticsearch (ROA)', () => {
  it('private and public groups by type, Kibana groups left out, public access off disables public', async () => {
    const w = await whitelist(request('elasticsearch', 'es-cn-main'));
    expect(summary(w)).toEqual(['default [private]: 192.0.2.0/24', 'internet [public]: 198.51.100.0/24']);
    expect(w.disabledNetworks).toEqual(['public']);
    const call = fake.requests[0]!;
    expect(call).toMatchObject({ action: 'DescribeInstance', method: 'GET', signatureOk: true });
    expect(call.query.InstanceId).toBe('es-cn-main');
  });

  it('falls back to the flat arrays', async () => {
    const w = await whitelist(request('elasticsearch', 'es-cn-flat'));
    expect(summary(w)).toEqual(['default [private]: 192.0.2.9', 'default [public]: 198.51.100.9']);
    expect(w.disabledNetworks).toEqual([]);
  });

  it('a public source on an instance that does not say whether public access is on is unresolved', async () => {
    expect(await readOne(request('elasticsearch', 'es-cn-unsaid', { network: 'public' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('enablePublic')
    });
    expect((await readOne(request('elasticsearch', 'es-cn-unsaid'))).ok).toBe(true);
  });
});

describe('MaxCompute (ROA)', () => {
  it.each<[string, string[], string[], boolean]>([
    ['both', ['ipList [public]: 198.51.100.1', 'vpcIpList [private]: 192.0.2.0/24'], [], false],
    ['vpc-only', ['ipList [public]: ', 'vpcIpList [private]: 192.0.2.0/24'], ['public'], false],
    ['public-only', ['ipList [public]: 198.51.100.1', 'vpcIpList [private]: '], ['private'], false],
    ['open', ['ipList [public]: ', 'vpcIpList [private]: '], [], true],
    ['unset', ['ipList [public]: ', 'vpcIpList [private]: '], [], true]
  ])('project %s', async (name, groups, disabled, allowAll) => {
    const w = await whitelist(request('maxcompute', name));
    expect(summary(w)).toEqual(groups);
    expect(w.disabledNetworks).toEqual(disabled);
    expect(w.emptyAllowsAll).toBe(allowAll);
  });
});

describe('ECS security groups', () => {
  it('counts ingress Accept TCP rules covering the port, follows prefix lists, and ignores source-group rules', async () => {
    const w = await whitelist(request('ecs-security-group', 'sg-main', { port: 3306 }));
    expect(summary(w)).toEqual([
      'dataworks [private+public]: 192.0.2.0/24',
      'r2 [private+public]: 198.51.100.0/24',
      'r6 [private+public]: 203.0.113.192/27 203.0.113.224/27',
      'r7 [private+public]: 2001:db8::/48',
      'r10 [private+public]: 203.0.113.0/25',
      'r11 [private+public]: '
    ]);
    expect(w.emptyAllowsAll).toBe(false);
    expect(fake.count('DescribePrefixListAttributes')).toBe(1);
  });

  it('without a port every admitting rule counts', async () => {
    const w = await whitelist(request('ecs-security-group', 'sg-main'));
    expect(w.groups.map((g) => g.name)).toContain('r3');
  });

  it('reads every page and asks each prefix list once per run', async () => {
    const results = await createDeployedReader(settings, deps()).read([
      request('ecs-security-group', 'sg-pages', { port: 3306 }),
      request('ecs-security-group', 'sg-main', { port: 3306 }),
      request('ecs-security-group', 'sg-second', { port: 3306 })
    ]);
    const pages = results.get('ecs-security-group:sg-pages')!;
    expect(pages.ok && pages.whitelist.groups.length).toBe(25);
    expect(pages.apiCalls).toBe(3);
    expect(fake.count('DescribeSecurityGroupAttribute')).toBe(3 + 1 + 1);
    expect(fake.count('DescribePrefixListAttributes')).toBe(1);
    const second = results.get('ecs-security-group:sg-second')!;
    expect(second.ok && second.whitelist.groups[0]!.entries).toEqual(['203.0.113.192/27', '203.0.113.224/27']);
  });

  it('a port range that does not parse is unresolved', async () => {
    expect(await readOne(request('ecs-security-group', 'sg-badport', { port: 3306 }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('"any" does not parse')
    });
  });
});

describe('faults', () => {
  it('retries throttling and 5xx, then reads', async () => {
    fake.addFault('DescribeDBInstanceIPArrayList', { kind: 'throttle', retryAfterMs: 1 });
    fake.addFault('DescribeDBInstanceIPArrayList', { kind: 'error', status: 503, code: 'ServiceUnavailable' });
    const result = await readOne(request('rds', 'rm-main'));
    expect(result.ok).toBe(true);
    expect(fake.count('DescribeDBInstanceIPArrayList')).toBe(3);
  });

  it('throttling that does not stop is unresolved after the retries', async () => {
    fake.addFault('GetProject', { kind: 'throttle' }, { times: 10 });
    const result = await readOne(request('maxcompute', 'both'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('gave up after 3 attempts') });
  });

  it.each<[DeployedRequest, string, string]>([
    [request('rds', 'rm-main'), 'DescribeDBInstanceIPArrayList', 'rds:DescribeDBInstanceIPArrayList'],
    [request('mongodb', 'dds-main'), 'DescribeSecurityIps', 'dds:DescribeSecurityIps'],
    [request('maxcompute', 'both'), 'GetProject', 'odps:GetProject'],
    [request('elasticsearch', 'es-cn-main'), 'DescribeInstance', 'elasticsearch:DescribeInstance']
  ])('a 403 without detail names the RAM action (%o)', async (req, action, ramAction) => {
    fake.addFault(action, { kind: 'forbidden' });
    const result = await readOne(req);
    expect(result).toMatchObject({ ok: false, ramAction });
    expect(!result.ok && result.message).toContain(`must allow ${ramAction}`);
  });

  it('a 403 on a prefix list names its RAM action, from the answer when it has one', async () => {
    fake.addFault('DescribePrefixListAttributes', {
      kind: 'forbidden',
      authAction: 'ecs:DescribePrefixListAttributes'
    });
    expect(await readOne(request('ecs-security-group', 'sg-main', { port: 3306 }))).toMatchObject({
      ok: false,
      ramAction: 'ecs:DescribePrefixListAttributes'
    });
  });

  it('a malformed body is an unexpected shape, never a crash', async () => {
    fake.addFault('DescribeSecurityIps', { kind: 'malformed' });
    const result = await readOne(request('redis', 'r-main'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('unexpected shape') });
    expect(!result.ok && result.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  });

  it('an instance that does not exist is unresolved with the API’s words', async () => {
    const result = await readOne(request('polardb', 'pc-nope'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('InvalidDBClusterId.NotFound') });
    const es = await readOne(request('elasticsearch', 'es-cn-nope'));
    expect(es).toMatchObject({ ok: false, message: expect.stringContaining('InstanceNotFound') });
  });

  it('refused credentials are one cause for every instance', async () => {
    const results = await createDeployedReader(
      { ...settings, credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'WRONG' } },
      deps()
    ).read([request('rds', 'rm-main'), request('maxcompute', 'both')]);
    for (const result of results.values()) {
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining('credentials were refused') });
    }
  });

  it('no credentials, a product without an API, an unknown edition and an absurd id are results, not calls', async () => {
    const results = await createDeployedReader(
      { endpoints: settings.endpoints, allowInstanceCredentials: false },
      deps()
    ).read([
      request('hologres', 'hgpostcn-x'),
      request('adb-mysql', 'am-main', { edition: 'serverless' }),
      request('rds', 'rm x'),
      request('rds', 'rm-main')
    ]);
    expect(results.get('hologres:hgpostcn-x')).toMatchObject({ ok: false, message: expect.stringContaining('no API') });
    expect(results.get('adb-mysql:am-main')).toMatchObject({
      ok: false,
      message: expect.stringContaining('warehouse, lakehouse')
    });
    expect(results.get('rds:rm x')).toMatchObject({ ok: false, message: expect.stringContaining('blanks') });
    expect(results.get('rds:rm-main')).toMatchObject({ ok: false, apiCalls: 0 });
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps each API under its own concurrency limit', async () => {
    const reqs = Array.from({ length: 12 }, (_, i) => ({ ...request('rds', 'rm-main'), dataSource: `rds-${i}` }));
    const slow = await startFakeAlibaba({
      scenario: { resourceGroups: [], vswitches: [], natGateways: [], deployed },
      latencyMs: 20
    });
    try {
      const results = await createDeployedReader(
        { ...settings, endpoints: { rds: slow.url } },
        deps({ concurrency: { rds: 3 } })
      ).read(reqs);
      expect([...results.values()].every((r) => r.ok)).toBe(true);
      expect(slow.maxInFlight()).toBe(3);
    } finally {
      await slow.close();
    }
  });
});

it('names the read actions of every product (for the least-privilege policy)', () => {
  expect(ramActionsOf('ecs-security-group')).toEqual([
    'ecs:DescribeSecurityGroupAttribute',
    'ecs:DescribePrefixListAttributes'
  ]);
  expect(ramActionsOf('adb-mysql')).toEqual([
    'adb:DescribeDBClusterAccessWhiteList',
    'adb:DescribeClusterAccessWhiteList'
  ]);
  expect(ramActionsOf('redis')).toEqual(['kvstore:DescribeSecurityIps']);
  expect(ramActionsOf('hologres')).toEqual([]);
});
