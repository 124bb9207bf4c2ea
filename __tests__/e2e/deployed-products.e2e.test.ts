/**
 * Every product with a deployed-whitelist API reads it through the bundled CLI against the fake OpenAPI server
 * (signature-checked): one data source per product and edition, each instance allowing exactly the block the
 * check requires, so every deployed column is ✓ and every API is asked once.
 */
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
import { startFakeAlibaba, type FakeAlibaba, type FakeScenario } from '../fakes/alibaba-openapi.js';
import { makeRepo, runCliBundle } from './harness.js';

const SECRET = 'E2eEveryProductSecretNeverPrinted3';
const BLOCK = '192.0.2.0/24';

interface ProductCase {
  name: string;
  product: string;
  edition?: string;
  instance: string;
  /** `Action@Version` the reader asks, and the body the fake answers. */
  action: string;
  body: unknown;
}

const CASES: ProductCase[] = [
  {
    name: 'rds',
    product: 'rds',
    instance: 'rm-e2e',
    action: 'DescribeDBInstanceIPArrayList@2014-08-15',
    body: rdsBody([['dataworks', BLOCK]])
  },
  {
    name: 'polardb',
    product: 'polardb',
    instance: 'pc-e2e',
    action: 'DescribeDBClusterAccessWhitelist@2017-08-01',
    body: polardbBody([['dataworks', BLOCK]])
  },
  {
    name: 'redis',
    product: 'redis',
    instance: 'r-e2e',
    action: 'DescribeSecurityIps@2015-01-01',
    body: securityIpsBody([['dataworks', BLOCK]])
  },
  {
    name: 'mongodb',
    product: 'mongodb',
    instance: 'dds-e2e',
    action: 'DescribeSecurityIps@2015-12-01',
    body: securityIpsBody([['dataworks', BLOCK]])
  },
  {
    name: 'adb-warehouse',
    product: 'adb-mysql',
    edition: 'warehouse',
    instance: 'am-e2e',
    action: 'DescribeDBClusterAccessWhiteList@2019-03-15',
    body: adbBody([['dataworks', BLOCK]])
  },
  {
    name: 'adb-lakehouse',
    product: 'adb-mysql',
    edition: 'lakehouse',
    instance: 'amv-e2e',
    action: 'DescribeClusterAccessWhiteList@2021-12-01',
    body: adbBody([['dataworks', BLOCK]])
  },
  {
    name: 'adb-pg',
    product: 'adb-pg',
    instance: 'gp-e2e',
    action: 'DescribeDBInstanceIPArrayList@2016-05-03',
    body: gpdbBody([['dataworks', BLOCK]])
  },
  {
    name: 'clickhouse-community',
    product: 'clickhouse',
    instance: 'cc-e2e1',
    action: 'DescribeDBClusterAccessWhiteList@2019-11-11',
    body: clickhouseCommunityBody([['dataworks', BLOCK]])
  },
  {
    name: 'clickhouse-enterprise',
    product: 'clickhouse',
    edition: 'enterprise',
    instance: 'cc-e2e2',
    action: 'DescribeSecurityIPList@2023-05-22',
    body: clickhouseEnterpriseBody([['dataworks', BLOCK]])
  },
  {
    name: 'elasticsearch',
    product: 'elasticsearch',
    instance: 'es-cn-e2e',
    action: 'DescribeInstance@2017-06-13',
    body: elasticsearchBody([['dataworks', [BLOCK], 'PRIVATE_ES']], { enablePublic: false })
  },
  {
    name: 'lindorm',
    product: 'lindorm',
    instance: 'ld-e2e',
    action: 'GetInstanceIpWhiteList@2020-06-15',
    body: lindormBody([['dataworks', BLOCK]])
  },
  {
    name: 'maxcompute',
    product: 'maxcompute',
    instance: 'events_e2e',
    action: 'GetProject@2022-01-04',
    body: maxcomputeBody('events_e2e', '', BLOCK)
  }
];

function config(): string {
  const lines = [
    'version: 1',
    'region: cn-hangzhou',
    'resourceGroups:',
    `  legacy: { type: exclusive-integration, privateCidrs: [${BLOCK}], publicIps: [198.51.100.7] }`,
    'dataSources:'
  ];
  for (const c of [...CASES, { name: 'ecs', product: 'ecs-security-group', instance: 'sg-e2e' } as ProductCase]) {
    lines.push(`  ${c.name}:`, `    product: ${c.product}`, '    network: private', `    instance: ${c.instance}`);
    if (c.edition) lines.push(`    edition: ${c.edition}`);
    if (c.product === 'ecs-security-group') lines.push('    port: 3306');
    lines.push('    access: [{ module: data-integration, resourceGroups: [legacy] }]');
  }
  return `${lines.join('\n')}\n`;
}

function scenario(): FakeScenario {
  const bodies: Record<string, Record<string, unknown>> = {};
  for (const c of CASES)
    bodies[c.action] = { ...(bodies[c.action] ?? {}), [c.instance]: c.body as Record<string, unknown> };
  return {
    resourceGroups: [],
    vswitches: [],
    natGateways: [],
    deployed: {
      bodies,
      securityGroups: { 'sg-e2e': [ecsRule('r1', { SourceCidrIp: BLOCK, Description: 'dataworks' })] }
    }
  };
}

let fake: FakeAlibaba;
beforeAll(async () => {
  fake = await startFakeAlibaba({ scenario: scenario(), keys: { AKID_E2E: { secret: SECRET } } });
});
afterAll(() => fake.close());

interface Report {
  status: string;
  required: { dataSource: string; covered: boolean | null; deployed?: boolean | null }[];
  findings: { rule: string; dataSource?: string; message: string }[];
}

describe('every product reads its deployed whitelist through the bundled CLI', () => {
  it('one call per instance (a page for the security group), every block deployed, nothing unresolved', async () => {
    const root = makeRepo({ '.github/dataworks-whitelist.yml': config() });
    const products = [...new Set([...CASES.map((c) => c.product), 'ecs-security-group'])];
    const endpoints = products.flatMap((name) => ['--endpoint', `${name}=${fake.url}`]);
    const result = await runCliBundle(['check', '--deployed', 'always', '--format', 'json', ...endpoints], {
      cwd: root,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKID_E2E',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
        DATAWORKS_WHITELIST_GUARD_TIMEOUT_MS: '3000',
        DATAWORKS_WHITELIST_GUARD_RETRY_BASE_MS: '20',
        DATAWORKS_WHITELIST_GUARD_MAX_ATTEMPTS: '2'
      }
    });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings.filter((f) => f.rule === 'unresolved')).toEqual([]);
    expect(report.status).toBe('pass');
    expect(result.exitCode).toBe(0);
    const names = [...CASES.map((c) => c.name), 'ecs'];
    expect(report.required.map((r) => [r.dataSource, r.covered, r.deployed])).toEqual(
      names.map((name) => [name, true, true])
    );
    // The fake counts by action name, which two products may share (their versions differ): one call per instance.
    const perAction = new Map<string, number>();
    for (const c of CASES) {
      const action = c.action.split('@')[0]!;
      perAction.set(action, (perAction.get(action) ?? 0) + 1);
    }
    for (const [action, calls] of perAction) expect([action, fake.count(action)]).toEqual([action, calls]);
    expect(fake.count('DescribeSecurityGroupAttribute')).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });
});
