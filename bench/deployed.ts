/**
 * Deployed-whitelist benchmark: 1,000 instances spread over the eleven product APIs in three regions, against the
 * fake OpenAPI server with 50 ms of latency per call; the real client signs every request. ECS security groups
 * take two pages each and share ten prefix lists.
 *
 * Figures: API calls against the bound (one per instance, plus the extra ECS pages, plus each prefix list once),
 * and wall time against the critical path: the longest per-API queue given its concurrency,
 * max over APIs of ceil(calls ÷ limit) × latency. The naive figure, run in the same process, reads one instance
 * after another with concurrency 1 and nothing shared (measured on a sample, scaled: it is linear).
 */
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/io.js';
import type { ProductId } from '../src/model.js';
import { DEFAULT_API_CONCURRENCY } from '../src/cloud/tuning.js';
import { PRODUCT_ENDPOINT_KEYS } from '../src/cloud/endpoint-keys.js';
import { createDeployedReader } from '../src/whitelists/deployed/index.js';
import type { DeployedRequest } from '../src/whitelists/deployed/types.js';
import { DEFAULT_KEYS, startFakeAlibaba } from '../__tests__/fakes/alibaba-openapi.js';
import type { FakeDeployed } from '../__tests__/fakes/alibaba-openapi.js';
import {
  adbBody,
  clickhouseCommunityBody,
  ecsRule,
  elasticsearchBody,
  gpdbBody,
  lindormBody,
  maxcomputeBody,
  polardbBody,
  rdsBody,
  securityIpsBody
} from '../__tests__/fakes/deployed-bodies.js';

const INSTANCES = 1000;
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1'];
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const ECS_RULES = 8;
const ECS_PAGE = 5;
const PREFIX_LISTS = 10;
const NAIVE_SAMPLE = 44;

const products = PRODUCT_ENDPOINT_KEYS as readonly ProductId[];

const ONE_CALL: Partial<Record<ProductId, [string, (i: number) => Record<string, unknown>]>> = {
  rds: ['DescribeDBInstanceIPArrayList@2014-08-15', () => rdsBody([['default', '192.0.2.0/24, 198.51.100.1']])],
  polardb: ['DescribeDBClusterAccessWhitelist@2017-08-01', () => polardbBody([['default', '192.0.2.0/24']])],
  redis: ['DescribeSecurityIps@2015-01-01', () => securityIpsBody([['default', '192.0.2.0/24']])],
  mongodb: ['DescribeSecurityIps@2015-12-01', () => securityIpsBody([['default', '192.0.2.0/24']])],
  'adb-mysql': ['DescribeDBClusterAccessWhiteList@2019-03-15', () => adbBody([['default', '192.0.2.0/24']])],
  'adb-pg': ['DescribeDBInstanceIPArrayList@2016-05-03', () => gpdbBody([['default', '192.0.2.0/24']])],
  clickhouse: [
    'DescribeDBClusterAccessWhiteList@2019-11-11',
    () => clickhouseCommunityBody([['default', '192.0.2.0/24']])
  ],
  elasticsearch: [
    'DescribeInstance@2017-06-13',
    () => elasticsearchBody([['default', ['192.0.2.0/24'], 'PRIVATE_ES']], { enablePublic: false })
  ],
  lindorm: ['GetInstanceIpWhiteList@2020-06-15', () => lindormBody([['default', '192.0.2.0/24']])],
  maxcompute: ['GetProject@2022-01-04', (i) => maxcomputeBody(`project_${i}`, '', '192.0.2.0/24')]
};

function buildWorkload(): { deployed: FakeDeployed; requests: DeployedRequest[] } {
  const deployed: FakeDeployed = { bodies: {}, securityGroups: {}, prefixLists: {} };
  for (let p = 0; p < PREFIX_LISTS; p++) deployed.prefixLists![`pl-${p}`] = [`203.0.113.${p * 16}/28`];
  const requests: DeployedRequest[] = [];
  for (let i = 0; i < INSTANCES; i++) {
    const product = products[i % products.length]!;
    const instance = `${product}-${i}`;
    const region = REGIONS[i % REGIONS.length]!;
    if (product === 'ecs-security-group') {
      deployed.securityGroups![instance] = Array.from({ length: ECS_RULES }, (_, r) =>
        ecsRule(
          `sgr-${i}-${r}`,
          r === 0 ? { SourcePrefixListId: `pl-${i % PREFIX_LISTS}` } : { SourceCidrIp: `192.0.2.${r}` }
        )
      );
    } else {
      const [key, body] = ONE_CALL[product]!;
      (deployed.bodies![key] ??= {})[instance] = body(i);
    }
    requests.push({ dataSource: `source-${i}`, product, instance, region, network: 'private', port: 3306 });
  }
  return { deployed, requests };
}

export async function benchDeployed(): Promise<void> {
  const { deployed, requests } = buildWorkload();
  const fake = await startFakeAlibaba({
    scenario: { resourceGroups: [], vswitches: [], natGateways: [], deployed },
    keys: DEFAULT_KEYS,
    latencyMs: LATENCY_MS,
    maxPageSize: { DescribeSecurityGroupAttribute: ECS_PAGE }
  });
  try {
    const settings = {
      endpoints: Object.fromEntries(PRODUCT_ENDPOINT_KEYS.map((key) => [key, fake.url])),
      credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'SECRET_TEST' },
      allowInstanceCredentials: false
    };
    const deps = { logger: silentLogger, env: {} };
    // Warm-up: load the SDK and open the first connections, outside the timings.
    await createDeployedReader(settings, deps).read(requests.slice(0, products.length));
    fake.requests.length = 0;

    const start = performance.now();
    const results = await createDeployedReader(settings, deps).read(requests);
    const wall = performance.now() - start;
    const failed = [...results.values()].filter((r) => !r.ok).length;
    const calls = fake.requests.length;

    const ecsGroups = requests.filter((r) => r.product === 'ecs-security-group').length;
    const ecsPages = Math.ceil(ECS_RULES / ECS_PAGE);
    // A prefix list is regional: each (region, list) pair the rules name is asked once.
    const prefixListsAsked = new Set(
      requests.flatMap((r, i) => (r.product === 'ecs-security-group' ? [`${r.region}/${i % PREFIX_LISTS}`] : []))
    ).size;
    const bound = INSTANCES + ecsGroups * (ecsPages - 1) + prefixListsAsked;
    const perApi = new Map<string, number>();
    for (const request of requests) {
      const extra = request.product === 'ecs-security-group' ? ecsPages : 1;
      perApi.set(request.product, (perApi.get(request.product) ?? 0) + extra);
    }
    perApi.set('ecs-security-group', (perApi.get('ecs-security-group') ?? 0) + prefixListsAsked);
    const [longestApi, longestCalls] = [...perApi.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const critical = Math.ceil(longestCalls / DEFAULT_API_CONCURRENCY) * LATENCY_MS;

    // Naive: one instance after another, concurrency 1, a fresh reader each (nothing shared).
    const naiveStart = performance.now();
    let naiveCalls = 0;
    const sample = requests.slice(0, NAIVE_SAMPLE);
    for (const request of sample) {
      const one = await createDeployedReader(settings, {
        ...deps,
        concurrency: Object.fromEntries(PRODUCT_ENDPOINT_KEYS.map((k) => [k, 1]))
      }).read([request]);
      naiveCalls += one.get(request.dataSource)!.apiCalls;
    }
    const scale = INSTANCES / NAIVE_SAMPLE;
    const naiveWall = (performance.now() - naiveStart) * scale;

    const line = (label: string, value: string): void => console.log(`${label.padEnd(34)}${value}`);
    line(
      'workload:',
      `${INSTANCES} instances over ${products.length} APIs in ${REGIONS.length} regions, ${LATENCY_MS} ms per call, ` +
        `${DEFAULT_API_CONCURRENCY} in flight per API`
    );
    line(
      'reader API calls:',
      `${calls} (bound ${bound} = ${INSTANCES} instances + ${ecsGroups} × ${ecsPages - 1} extra ECS pages + ` +
        `${prefixListsAsked} prefix lists, one per region and list)${calls <= bound ? ', at the bound' : ', OVER THE BOUND'}`
    );
    line(
      'reader wall time:',
      `${wall.toFixed(0)} ms; critical path ${critical} ms = ceil(${longestCalls} ${longestApi} calls ÷ ` +
        `${DEFAULT_API_CONCURRENCY}) × ${LATENCY_MS} ms; ratio ${(wall / critical).toFixed(2)}x (target ≤ 1.2x)`
    );
    line('reader results:', `${results.size - failed} read, ${failed} failed`);
    line(
      'naive (one at a time):',
      `${(naiveWall / 1000).toFixed(1)} s for ${Math.round(naiveCalls * scale)} calls (measured on ${NAIVE_SAMPLE}, ` +
        `scaled ×${scale.toFixed(1)}); ${(naiveWall / wall).toFixed(1)}x the reader's wall time`
    );
  } finally {
    await fake.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDeployed();
