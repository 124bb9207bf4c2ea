/**
 * The online resolver end to end: the real OpenAPI client signs and sends every request to the fake server on
 * 127.0.0.1, which verifies the signature, pages, and injects faults.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { resolveOnline } from '../../src/resolve/online/index.js';
import type { OnlineDeps } from '../../src/resolve/online/index.js';
import type { OnlineGroupRequest, OnlineSettings } from '../../src/resolve/types.js';
import { startFakeAlibaba } from '../fakes/alibaba-openapi.js';
import type { FakeAlibaba } from '../fakes/alibaba-openapi.js';
import {
  GROUP_A,
  GROUP_B,
  GROUP_C,
  located,
  moduleFacts,
  recordingLogger,
  scenarioCloud,
  serverlessGroup,
  texts
} from './helpers.js';

let fake: FakeAlibaba;
let sleeps: number[];
let secrets: string[];

beforeEach(async () => {
  fake = await startFakeAlibaba({ scenario: scenarioCloud() });
  sleeps = [];
  secrets = [];
});

afterEach(async () => {
  await fake.close();
});

function settings(overrides: Partial<OnlineSettings> = {}): OnlineSettings {
  return {
    endpoints: { dataworks: fake.url, vpc: fake.url },
    credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'SECRET_TEST' },
    allowInstanceCredentials: false,
    ...overrides
  };
}

function deps(overrides: Partial<OnlineDeps> = {}): OnlineDeps {
  return {
    logger: recordingLogger(),
    env: {},
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    setSecret: (s) => secrets.push(s),
    tuning: { requestTimeoutMs: 2000, deadlineMs: 20_000, random: () => 0.5 },
    ...overrides
  };
}

function request(name: string, id: string, extra: Parameters<typeof serverlessGroup>[2] = {}): OnlineGroupRequest {
  return { group: serverlessGroup(name, id, extra), modules: ['data-integration'] };
}

describe('resolution of serverless groups', () => {
  it('resolves two bindings in two VPCs, one of them with IPv6', async () => {
    const result = await resolveOnline([request('prod', GROUP_A)], settings(), deps());

    expect(result.findings).toEqual([]);
    const facts = moduleFacts(result, 'prod', 'data-integration');
    expect(facts?.privateCidrs).toEqual([
      { text: '192.0.2.0/27', origin: 'api', source: 'vsw-one-a' },
      { text: '192.0.2.64/27', origin: 'api', source: 'vsw-two-a' },
      { text: '2001:db8:1::/64', origin: 'api', source: 'vsw-one-a' }
    ]);
    expect(facts?.publicIps).toEqual([
      { text: '198.51.100.1', origin: 'api', source: 'snat:snat-one-vsw' },
      { text: '203.0.113.10', origin: 'api', source: 'snat:snat-two-a' }
    ]);
    expect(fake.requests.every((r) => r.signatureOk)).toBe(true);
    expect(result.apiCalls).toBe(fake.requests.length);
  });

  it('takes the longest SNAT prefix, splits comma-separated SnatIp, and ignores VPC NAT gateways', async () => {
    const result = await resolveOnline([request('etl', GROUP_B)], settings(), deps());

    expect(result.findings).toEqual([]);
    const facts = moduleFacts(result, 'etl', 'data-integration');
    expect(texts(facts?.privateCidrs)).toEqual(['192.0.2.96/27', '192.0.2.128/27']);
    // vsw-two-b: only the VPC-wide entry (the VPC NAT's /27 entry must not count);
    // vsw-two-c: the VPC-wide entry plus the /32 entry for one of its addresses.
    expect(facts?.publicIps).toEqual([
      { text: '203.0.113.1', origin: 'api', source: 'snat:snat-two-vpc' },
      { text: '203.0.113.2', origin: 'api', source: 'snat:snat-two-vpc' },
      { text: '203.0.113.20', origin: 'api', source: 'snat:snat-two-host' }
    ]);
    expect(texts(facts?.publicIps)).not.toContain('192.0.2.250');
    // The VPC NAT gateway's SNAT table is never even read.
    expect(fake.requests.filter((r) => r.query.SnatTableId === 'stb-two-private')).toEqual([]);
  });

  it('gives no public egress to a group whose VPC has no NAT gateway', async () => {
    const result = await resolveOnline([request('isolated', GROUP_C)], settings(), deps());

    expect(result.findings).toEqual([]);
    const facts = moduleFacts(result, 'isolated', 'data-integration');
    expect(texts(facts?.privateCidrs)).toEqual(['192.0.2.192/27']);
    expect(facts?.publicIps).toEqual([]);
  });

  it('ignores a Deleted binding and never asks about its VPC', async () => {
    const logger = recordingLogger();
    const result = await resolveOnline([request('prod', GROUP_A)], settings(), deps({ logger }));

    const all = [...(moduleFacts(result, 'prod', 'data-integration')?.privateCidrs ?? [])];
    expect(all.map((e) => e.source)).not.toContain('vsw-gone-a');
    expect(fake.requests.filter((r) => r.query.VpcId === 'vpc-gone')).toEqual([]);
    expect(logger.lines).toContain('debug: prod: ignoring the Deleted binding vsw-gone-a (vpc-gone)');
  });

  it('reads every page when results span three pages', async () => {
    await fake.close();
    const cloud = scenarioCloud();
    cloud.resourceGroups[0]!.networks = [
      { VpcId: 'vpc-two', VswitchId: 'vsw-two-a', Status: 'Running' },
      { VpcId: 'vpc-two', VswitchId: 'vsw-two-b', Status: 'Running' },
      { VpcId: 'vpc-two', VswitchId: 'vsw-two-c', Status: 'Running' },
      { VpcId: 'vpc-two', VswitchId: 'vsw-two-d', Status: 'Running' },
      { VpcId: 'vpc-two', VswitchId: 'vsw-two-e', Status: 'Running' }
    ];
    cloud.vswitches.push(
      { VSwitchId: 'vsw-two-d', VpcId: 'vpc-two', CidrBlock: '192.0.2.160/28' },
      { VSwitchId: 'vsw-two-e', VpcId: 'vpc-two', CidrBlock: '192.0.2.176/28' }
    );
    cloud.natGateways[1]!.snatTables['stb-two']!.push(
      { SnatEntryId: 'snat-two-d', SourceVSwitchId: 'vsw-two-d', SnatIp: '203.0.113.40' },
      { SnatEntryId: 'snat-two-e', SourceCIDR: '192.0.2.176/28', SnatIp: '203.0.113.50' }
    );
    fake = await startFakeAlibaba({
      scenario: cloud,
      maxPageSize: { ListNetworks: 2, DescribeVSwitches: 2, DescribeSnatTableEntries: 2 }
    });

    const result = await resolveOnline([request('prod', GROUP_A)], settings(), deps());

    expect(result.findings).toEqual([]);
    const facts = moduleFacts(result, 'prod', 'data-integration');
    expect(texts(facts?.privateCidrs)).toEqual([
      '192.0.2.64/27',
      '192.0.2.96/27',
      '192.0.2.128/27',
      '192.0.2.160/28',
      '192.0.2.176/28'
    ]);
    expect(texts(facts?.publicIps)).toEqual([
      '203.0.113.1',
      '203.0.113.2',
      '203.0.113.10',
      '203.0.113.20',
      '203.0.113.40',
      '203.0.113.50'
    ]);
    expect(fake.requests.filter((r) => r.action === 'ListNetworks').map((r) => r.query.PageNumber)).toEqual([
      '1',
      '2',
      '3'
    ]);
    expect(fake.requests.filter((r) => r.action === 'DescribeSnatTableEntries').map((r) => r.query.PageNumber)).toEqual(
      ['1', '2', '3']
    );
    expect(fake.count('DescribeVSwitches')).toBe(3);
  });

  it('asks each VPC, NAT list and SNAT table once however many groups share them', async () => {
    const requests = [request('prod', GROUP_A), request('etl', GROUP_B), request('prod-copy', GROUP_A)];
    const result = await resolveOnline(requests, settings(), deps());

    expect(result.findings).toEqual([]);
    const perKey = new Map<string, number>();
    for (const r of fake.requests) {
      const key = `${r.action} ${r.query.VpcId ?? r.query.SnatTableId ?? r.query.ResourceGroupId ?? r.query.Id}`;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(fake.count('DescribeVSwitches')).toBe(2);
    expect(fake.count('DescribeNatGateways')).toBe(2);
    expect(fake.count('DescribeSnatTableEntries')).toBe(2);
    expect(moduleFacts(result, 'prod-copy', 'data-integration')).toEqual(
      moduleFacts(result, 'prod', 'data-integration')
    );
  });

  it('keeps the number of requests in flight under the concurrency limit', async () => {
    await fake.close();
    fake = await startFakeAlibaba({ scenario: scenarioCloud(), latencyMs: 20 });
    const requests = [request('a', GROUP_A), request('b', GROUP_B), request('c', GROUP_C)];
    const result = await resolveOnline(requests, settings(), deps({ tuning: { concurrency: 2 } }));

    expect(result.findings).toEqual([]);
    expect(fake.maxInFlight()).toBe(2);
  });

  it('restricts bindings by the vswitches keys, per module', async () => {
    const group = serverlessGroup('prod', GROUP_A, {
      vswitches: located(['vsw-one-a'], 6),
      modules: { 'data-service': { vswitches: located(['vsw-two-a'], 9), pos: { file: 'x.yml', line: 8, column: 5 } } }
    });
    const result = await resolveOnline([{ group, modules: ['data-integration', 'data-service'] }], settings(), deps());

    expect(result.findings).toEqual([]);
    expect(texts(moduleFacts(result, 'prod', 'data-integration')?.privateCidrs)).toEqual([
      '192.0.2.0/27',
      '2001:db8:1::/64'
    ]);
    expect(texts(moduleFacts(result, 'prod', 'data-service')?.privateCidrs)).toEqual(['192.0.2.64/27']);
    expect(texts(moduleFacts(result, 'prod', 'data-service')?.publicIps)).toEqual(['203.0.113.10']);
  });

  it('reports a vswitches entry that is not a Running binding, and fails the module when none is', async () => {
    const group = serverlessGroup('prod', GROUP_A, { vswitches: located(['vsw-gone-a'], 6) });
    const result = await resolveOnline([{ group, modules: ['data-integration'] }], settings(), deps());

    expect(result.facts.has('prod')).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'drift',
        severity: 'warning',
        resourceGroup: 'prod',
        entry: 'vsw-gone-a',
        line: 6
      }),
      expect.objectContaining({
        rule: 'unresolved',
        severity: 'error',
        resourceGroup: 'prod',
        module: 'data-integration'
      })
    ]);
    expect(result.findings[1]!.message).toContain('Running: vsw-one-a, vsw-two-a');
  });
  it('fails closed, once, for a group whose bindings are all gone', async () => {
    await fake.close();
    const cloud = scenarioCloud();
    cloud.resourceGroups[2]!.networks = [{ VpcId: 'vpc-three', VswitchId: 'vsw-three-a', Status: 'Deleting' }];
    fake = await startFakeAlibaba({ scenario: cloud });
    const result = await resolveOnline(
      [{ group: serverlessGroup('isolated', GROUP_C), modules: ['data-integration', 'data-service'] }],
      settings(),
      deps()
    );

    expect(result.facts.has('isolated')).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'unresolved',
        resourceGroup: 'isolated',
        message: `resource group "isolated" could not be resolved online: ${GROUP_C} has no Running network binding (no vSwitch to reach data sources from)`
      })
    ]);
  });
});

describe('failures', () => {
  it('recovers from throttling, 5xx, an HTML 502, a reset connection and a timeout', async () => {
    fake.addFault('ListNetworks', { kind: 'throttle', retryAfterMs: 250 });
    fake.addFault('GetResourceGroup', { kind: 'throttle', status: 503, code: 'Throttling' });
    fake.addFault('DescribeVSwitches', { kind: 'error', status: 503, code: 'ServiceUnavailable' });
    fake.addFault('DescribeVSwitches', { kind: 'error', status: 500, code: 'InternalError' });
    fake.addFault('DescribeNatGateways', { kind: 'html', status: 502 });
    fake.addFault('DescribeNatGateways', { kind: 'reset' });
    fake.addFault('DescribeSnatTableEntries', { kind: 'delay', ms: 900 });
    fake.addFault('DescribeSnatTableEntries', { kind: 'not-json' });
    const result = await resolveOnline(
      [request('prod', GROUP_A)],
      settings(),
      deps({ tuning: { requestTimeoutMs: 300, random: () => 0.5, baseDelayMs: 100, maxAttempts: 5 } })
    );

    expect(result.findings).toEqual([]);
    expect(texts(moduleFacts(result, 'prod', 'data-integration')?.publicIps)).toEqual(['198.51.100.1', '203.0.113.10']);
    expect(fake.requests.filter((r) => r.fault !== undefined)).toHaveLength(8);
    // The server's x-acs-retry-after wins; other retries use the jittered backoff (0.5 × 100 ms × 2^(n-1)).
    expect(sleeps).toContain(250);
    expect(sleeps.filter((ms) => ms !== 250).every((ms) => ms === 50 || ms === 100)).toBe(true);
    expect(sleeps).toHaveLength(8);
  });

  it('gives up on persistent 5xx with an unresolved finding naming the error, after the allowed attempts', async () => {
    fake.addFault(
      'DescribeNatGateways',
      { kind: 'error', status: 503, code: 'ServiceUnavailable', message: 'The service is down.' },
      { times: 100 }
    );
    const result = await resolveOnline(
      [request('prod', GROUP_A), request('isolated', GROUP_C)],
      settings(),
      deps({ tuning: { maxAttempts: 4 } })
    );

    expect(result.facts.size).toBe(0);
    expect(result.findings.map((f) => [f.rule, f.severity, f.resourceGroup])).toEqual([
      ['unresolved', 'error', 'prod'],
      ['unresolved', 'error', 'isolated']
    ]);
    for (const finding of result.findings) {
      expect(finding.message).toContain(
        'DescribeNatGateways failed with HTTP 503 ServiceUnavailable: The service is down.'
      );
      expect(finding.message).toContain('gave up after 4 attempts');
      expect(finding).toMatchObject({ file: '.github/dataworks-whitelist.yml', line: 4, column: 9 });
    }
    // Three VPCs (vpc-one, vpc-two, vpc-three), four attempts each.
    expect(fake.count('DescribeNatGateways')).toBe(12);
  });

  it('stops at the overall deadline', async () => {
    let now = 0;
    fake.addFault('ListNetworks', { kind: 'error', status: 500, code: 'InternalError' }, { times: 100 });
    const result = await resolveOnline(
      [request('prod', GROUP_A)],
      settings(),
      deps({
        sleep: async (ms) => {
          now += ms;
        },
        tuning: {
          now: () => now,
          deadlineMs: 1000,
          baseDelayMs: 400,
          maxDelayMs: 400,
          random: () => 1,
          maxAttempts: 50
        }
      })
    );

    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain('the next retry would pass the overall deadline');
    expect(fake.count('ListNetworks')).toBe(3);
  });

  it('explains an expired security token and does not retry it', async () => {
    await fake.close();
    fake = await startFakeAlibaba({
      scenario: scenarioCloud(),
      keys: { STS_AK: { secret: 'STS_SECRET', securityToken: 'expired-token', tokenExpired: true } }
    });
    const result = await resolveOnline(
      [request('prod', GROUP_A), request('etl', GROUP_B)],
      settings({
        credentials: { accessKeyId: 'STS_AK', accessKeySecret: 'STS_SECRET', securityToken: 'expired-token' }
      }),
      deps()
    );

    expect(result.facts.size).toBe(0);
    expect(result.findings).toHaveLength(2);
    for (const finding of result.findings) {
      expect(finding.rule).toBe('unresolved');
      expect(finding.message).toContain('InvalidSecurityToken.Expired');
      expect(finding.message).toContain('The STS security token was refused (expired or malformed)');
    }
    expect(sleeps).toEqual([]);
    expect(fake.requests.every((r) => r.signatureOk && r.status === 400)).toBe(true);
    expect(fake.requests.length).toBeLessThanOrEqual(4);
    expect(secrets).toEqual(['STS_SECRET', 'expired-token']);
  });

  it('stops at a wrong secret: the fake really verifies the signature', async () => {
    const result = await resolveOnline(
      [request('prod', GROUP_A)],
      settings({ credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'NOT_THE_SECRET' } }),
      deps()
    );

    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain('HTTP 400 SignatureDoesNotMatch');
    expect(result.findings[0]!.message).toContain('The credentials were refused');
    expect(fake.requests.every((r) => !r.signatureOk)).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('names the missing RAM action of a 403, from AccessDeniedDetail or from the call', async () => {
    fake.addFault(
      'DescribeNatGateways',
      { kind: 'forbidden', authAction: 'vpc:DescribeNatGateways' },
      { match: { VpcId: 'vpc-one' } }
    );
    fake.addFault('ListNetworks', { kind: 'forbidden' }, { match: { ResourceGroupId: GROUP_C } });
    const result = await resolveOnline([request('prod', GROUP_A), request('isolated', GROUP_C)], settings(), deps());

    expect(result.findings).toHaveLength(2);
    expect(result.findings[0]!.message).toContain(
      'the RAM policy of these credentials must allow vpc:DescribeNatGateways'
    );
    expect(result.findings[1]!.message).toContain(
      'the RAM policy of these credentials must allow dataworks:ListNetworks'
    );
    expect(sleeps).toEqual([]);
  });

  it('retries a Success: false body whose ErrorCode is transient', async () => {
    fake.addFault('ListNetworks', { kind: 'success-false', code: 'Throttling.Resource' });
    const result = await resolveOnline([request('isolated', GROUP_C)], settings(), deps());

    expect(result.findings).toEqual([]);
    expect(fake.count('ListNetworks')).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('treats Success: false as an error with its ErrorCode', async () => {
    fake.addFault('GetResourceGroup', {
      kind: 'success-false',
      code: '9990040001',
      message: 'The resource group is frozen.'
    });
    const result = await resolveOnline([request('prod', GROUP_A)], settings(), deps());

    expect(result.facts.size).toBe(0);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain(
      'GetResourceGroup answered Success: false with 9990040001: The resource group is frozen.'
    );
  });

  it('turns a response of an unexpected shape into an unresolved finding', async () => {
    fake.addFault('DescribeVSwitches', { kind: 'malformed' }, { match: { VpcId: 'vpc-one' } });
    const result = await resolveOnline([request('prod', GROUP_A)], settings(), deps());

    expect(result.facts.size).toBe(0);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toMatch(
      /DescribeVSwitches returned a response of an unexpected shape: TotalCount: /
    );
  });

  it('leaves only the groups that failed out of the facts', async () => {
    fake.addFault(
      'DescribeNatGateways',
      { kind: 'error', status: 400, code: 'InvalidRegionId.NotFound' },
      { match: { VpcId: 'vpc-three' } }
    );
    const result = await resolveOnline([request('etl', GROUP_B), request('isolated', GROUP_C)], settings(), deps());

    expect([...result.facts.keys()]).toEqual(['etl']);
    expect(result.findings.map((f) => f.resourceGroup)).toEqual(['isolated']);
  });

  it('lists what was tried when no credentials are found, and makes no call', async () => {
    const result = await resolveOnline([request('prod', GROUP_A)], settings({ credentials: undefined }), deps());

    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain(
      'no Alibaba Cloud credentials found; tried: the access-key-id/access-key-secret inputs'
    );
    expect(result.findings[0]!.message).toContain('ALIBABA_CLOUD_ROLE_ARN');
    expect(fake.requests).toEqual([]);
  });

  it('uses the ALIBABA_CLOUD_* environment variables and masks the secret and token', async () => {
    await fake.close();
    fake = await startFakeAlibaba({
      scenario: scenarioCloud(),
      keys: { ENV_AK: { secret: 'ENV_SECRET', securityToken: 'ENV_TOKEN' } }
    });
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'ENV_AK',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'ENV_SECRET',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'ENV_TOKEN'
    };
    const result = await resolveOnline(
      [request('isolated', GROUP_C)],
      settings({ credentials: undefined }),
      deps({ env })
    );

    expect(result.findings).toEqual([]);
    expect(fake.requests.every((r) => r.accessKeyId === 'ENV_AK' && r.signatureOk)).toBe(true);
    expect(secrets).toEqual(['ENV_SECRET', 'ENV_TOKEN']);
  });

  it('refuses a malformed endpoint override with one clear message', async () => {
    const result = await resolveOnline(
      [request('prod', GROUP_A)],
      settings({ endpoints: { dataworks: 'ftp://127.0.0.1:1' } }),
      deps()
    );

    expect(result.findings[0]!.message).toContain(
      'endpoint dataworks="ftp://127.0.0.1:1": the scheme must be https or http'
    );
    expect(fake.requests).toEqual([]);
  });
});

describe('drift', () => {
  it('reports each static fact that differs from the API, naming both values', async () => {
    const group = serverlessGroup('prod', GROUP_B, {
      privateCidrs: located(['192.0.2.96/27', '192.0.2.224/27'], 5),
      publicIps: located(['203.0.113.1', '203.0.113.2'], 6),
      modules: {
        'data-service': { publicIps: [], pos: { file: '.github/dataworks-whitelist.yml', line: 9, column: 7 } }
      }
    });
    const result = await resolveOnline([{ group, modules: ['data-integration', 'data-service'] }], settings(), deps());

    const drift = result.findings.filter((f) => f.rule === 'drift');
    expect(drift.map((f) => f.message)).toEqual([
      'resource group "prod" (data-service): the config\'s modules.data-service.publicIps [] differ from the API\'s ' +
        '[203.0.113.1 (snat:snat-two-vpc), 203.0.113.2 (snat:snat-two-vpc), 203.0.113.20 (snat:snat-two-host)]; ' +
        'only in the API: 203.0.113.1, 203.0.113.2, 203.0.113.20',
      'resource group "prod" (data-integration, data-service): the config\'s privateCidrs [192.0.2.96/27, 192.0.2.224/27] ' +
        "differ from the API's [192.0.2.96/27 (vsw-two-b), 192.0.2.128/27 (vsw-two-c)]; only in the config: 192.0.2.224/27; " +
        'only in the API: 192.0.2.128/27',
      'resource group "prod" (data-integration): the config\'s publicIps [203.0.113.1, 203.0.113.2] differ from the API\'s ' +
        '[203.0.113.1 (snat:snat-two-vpc), 203.0.113.2 (snat:snat-two-vpc), 203.0.113.20 (snat:snat-two-host)]; ' +
        'only in the API: 203.0.113.20'
    ]);
    expect(drift.map((f) => [f.severity, f.module, f.line])).toEqual([
      ['warning', 'data-service', 9],
      ['warning', undefined, 5],
      ['warning', undefined, 6]
    ]);
    // Drift warns; the online facts are still what is used.
    expect(texts(moduleFacts(result, 'prod', 'data-service')?.publicIps)).toEqual([
      '203.0.113.1',
      '203.0.113.2',
      '203.0.113.20'
    ]);
  });

  it('reports no drift when the static facts match in another spelling', async () => {
    const group = serverlessGroup('isolated', GROUP_C, {
      privateCidrs: located(['192.0.2.200/27'], 5),
      publicIps: []
    });
    const result = await resolveOnline([{ group, modules: ['data-integration'] }], settings(), deps());
    expect(result.findings).toEqual([]);
  });
});
