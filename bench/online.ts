/**
 * Online resolution benchmark: 200 serverless groups in 20 VPCs, each VPC with one Internet NAT gateway and one
 * SNAT table, against the fake OpenAPI server with 50 ms of latency per call. The real client signs every request.
 *
 * Figures: API calls against the bound `groups × 2 + VPCs × 2 + SNAT tables`, and wall time against the critical
 * path `max(longest chain of dependent calls, calls ÷ concurrency) × latency`. The baseline, run in the same
 * process, is a naive resolver that resolves each data source's groups one call at a time with nothing shared.
 */
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/io.js';
import type { ResourceGroupConfig } from '../src/model.js';
import { effectiveTuning, resolveOnline } from '../src/resolve/online/index.js';
import type { OnlineGroupRequest, OnlineSettings } from '../src/resolve/types.js';
import { DEFAULT_KEYS, startFakeAlibaba } from '../__tests__/fakes/alibaba-openapi.js';
import type { FakeScenario } from '../__tests__/fakes/alibaba-openapi.js';

const GROUPS = 200;
const VPCS = 20;
const LATENCY_MS = 50;
/** Dependent calls in a row: GetResourceGroup ∥ ListNetworks → DescribeVSwitches ∥ DescribeNatGateways → SNAT. */
const LONGEST_CHAIN = 3;
/** The naive resolver is sequential, so it is timed on a sample of data sources and scaled (it is linear). */
const NAIVE_SAMPLE = 20;

const pos = { file: 'bench.yml', line: 1, column: 1 };

/** vSwitch i gets a /31 of 192.0.2.0/24 or 198.51.100.0/24; VPC v's NAT egresses through 203.0.113.v. */
function vswitchCidr(i: number): string {
  const base = i < 128 ? '192.0.2' : '198.51.100';
  return `${base}.${(i % 128) * 2}/31`;
}

function buildCloud(): { scenario: FakeScenario; groups: ResourceGroupConfig[] } {
  const scenario: FakeScenario = { resourceGroups: [], vswitches: [], natGateways: [] };
  const groups: ResourceGroupConfig[] = [];
  for (let v = 0; v < VPCS; v++) {
    scenario.natGateways.push({
      NatGatewayId: `ngw-${v}`,
      VpcId: `vpc-${v}`,
      NetworkType: 'internet',
      ips: [`203.0.113.${v + 1}`],
      snatTables: {
        [`stb-${v}`]: [
          { SnatEntryId: `snat-${v}-a`, SourceCIDR: '192.0.2.0/24', SnatIp: `203.0.113.${v + 1}` },
          { SnatEntryId: `snat-${v}-b`, SourceCIDR: '198.51.100.0/24', SnatIp: `203.0.113.${v + 1}` }
        ]
      }
    });
  }
  for (let i = 0; i < GROUPS; i++) {
    const vpc = `vpc-${i % VPCS}`;
    const id = `Serverless_res_group_${1000 + i}`;
    scenario.vswitches.push({ VSwitchId: `vsw-${i}`, VpcId: vpc, CidrBlock: vswitchCidr(i) });
    scenario.resourceGroups.push({ Id: id, networks: [{ VpcId: vpc, VswitchId: `vsw-${i}`, Status: 'Running' }] });
    groups.push({
      name: `group-${i}`,
      type: 'serverless',
      id: { value: id, pos },
      region: 'cn-hangzhou',
      modules: {},
      pos
    });
  }
  return { scenario, groups };
}

export async function benchOnline(): Promise<void> {
  const { scenario, groups } = buildCloud();
  const fake = await startFakeAlibaba({ scenario, keys: DEFAULT_KEYS, latencyMs: LATENCY_MS });
  try {
    const settings: OnlineSettings = {
      endpoints: { dataworks: fake.url, vpc: fake.url },
      credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'SECRET_TEST' },
      allowInstanceCredentials: false
    };
    const deps = { logger: silentLogger, env: {} };
    const concurrency = effectiveTuning({}).concurrency;
    const requests: OnlineGroupRequest[] = groups.map((group) => ({ group, modules: ['data-integration'] }));
    const bound = GROUPS * 2 + VPCS * 2 + VPCS;

    // Warm-up: load the SDK and open the first connections, outside the timings.
    await resolveOnline(requests.slice(0, 1), settings, deps);

    let start = performance.now();
    const result = await resolveOnline(requests, settings, deps);
    const wall = performance.now() - start;
    const unresolved = result.findings.filter((f) => f.rule === 'unresolved').length;
    const critical = Math.max(LONGEST_CHAIN, result.apiCalls / concurrency) * LATENCY_MS;

    // Naive: one data source (here: one per group) after another, each resolved alone, one call at a time.
    start = performance.now();
    let naiveCalls = 0;
    for (const request of requests.slice(0, NAIVE_SAMPLE)) {
      const one = await resolveOnline([request], settings, { ...deps, tuning: { concurrency: 1 } });
      naiveCalls += one.apiCalls;
    }
    const scale = GROUPS / NAIVE_SAMPLE;
    const naiveWall = (performance.now() - start) * scale;
    const naiveCallsAll = naiveCalls * scale;
    const naiveCritical = naiveCallsAll * LATENCY_MS;

    const line = (label: string, value: string): void => console.log(`${label.padEnd(34)}${value}`);
    line('workload:', `${GROUPS} serverless groups, ${VPCS} VPCs, ${VPCS} SNAT tables, ${LATENCY_MS} ms per call`);
    line(
      'resolver API calls:',
      `${result.apiCalls} (bound ${bound} = ${GROUPS} groups × 2 + ${VPCS} VPCs × 2 + ${VPCS} SNAT tables)` +
        `${result.apiCalls <= bound ? ', at the bound' : ', OVER THE BOUND'}`
    );
    line(
      'resolver wall time:',
      `${wall.toFixed(0)} ms; critical path ${critical.toFixed(0)} ms = max(${LONGEST_CHAIN} chained calls, ` +
        `${result.apiCalls} calls ÷ ${concurrency}) × ${LATENCY_MS} ms; ratio ${(wall / critical).toFixed(2)}x (target ≤ 2x)`
    );
    line('resolver findings:', `${unresolved} unresolved, ${result.facts.size} groups resolved`);
    line(
      'naive API calls:',
      `${naiveCallsAll} (${(naiveCallsAll / bound).toFixed(2)}x the bound; measured on ${NAIVE_SAMPLE} of ${GROUPS} data sources, scaled ×${scale})`
    );
    line(
      'naive wall time:',
      `${(naiveWall / 1000).toFixed(1)} s; its critical path (one call at a time) ${(naiveCritical / 1000).toFixed(1)} s, ` +
        `ratio ${(naiveWall / naiveCritical).toFixed(2)}x; ${(naiveWall / wall).toFixed(1)}x the resolver's wall time`
    );
  } finally {
    await fake.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchOnline();
