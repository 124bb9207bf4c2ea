/**
 * The committed bundle in online mode, run as GitHub runs it, with the fake Alibaba Cloud given through the
 * `endpoints` input. Timeouts and backoff are shortened through the documented test variables.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { makeRepo, runBundle } from '../e2e/harness.js';
import type { RunOptions, RunResult } from '../e2e/harness.js';
import { startFakeAlibaba } from '../fakes/alibaba-openapi.js';
import type { FakeAlibaba } from '../fakes/alibaba-openapi.js';
import { GROUP_A, scenarioCloud } from './helpers.js';

const SECRET = 'E2eSecretThatMustNeverBePrinted0001';

function config(staticFacts = ''): string {
  return `version: 1
region: cn-hangzhou
resourceGroups:
  prod-serverless:
    type: serverless
    id: ${GROUP_A}
${staticFacts}dataSources:
  orders-rds:
    product: rds
    network: private
    whitelist:
      - file: whitelists/orders.txt
    access:
      - module: data-integration
        resourceGroups: [prod-serverless]
  reports-api:
    product: other
    network: public
    whitelist:
      - file: whitelists/reports.txt
    access:
      - module: data-integration
        resourceGroups: [prod-serverless]
`;
}

/** What the fake's cloud gives prod-serverless: vsw-one-a (IPv4, IPv6) and vsw-two-a, and two SNAT IPs. */
const ORDERS_COMPLETE = '192.0.2.0/27\n192.0.2.64/27\n';
const REPORTS_COMPLETE = '198.51.100.1\n203.0.113.10\n';

let fake: FakeAlibaba;
beforeEach(async () => {
  fake = await startFakeAlibaba({ scenario: scenarioCloud(), keys: { AKID_E2E: { secret: SECRET } } });
});
afterEach(async () => {
  await fake.close();
});

function run(workspace: string, extra: Partial<RunOptions> = {}): Promise<RunResult> {
  return runBundle({
    workspace,
    ...extra,
    inputs: {
      resolve: 'online',
      endpoints: `dataworks=${fake.url}\nvpc=${fake.url}`,
      'access-key-id': 'AKID_E2E',
      'access-key-secret': SECRET,
      ...(extra.inputs ?? {})
    },
    env: {
      DATAWORKS_WHITELIST_GUARD_TIMEOUT_MS: '3000',
      DATAWORKS_WHITELIST_GUARD_RETRY_BASE_MS: '20',
      DATAWORKS_WHITELIST_GUARD_MAX_ATTEMPTS: '3',
      ...(extra.env ?? {})
    }
  });
}

function report(result: RunResult): {
  status: string;
  resolve: string;
  findings: { rule: string; message: string; entry?: string }[];
} {
  return JSON.parse(readFileSync(result.outputs.report!, 'utf8')) as ReturnType<typeof report>;
}

function expectSecretMasked(result: RunResult): void {
  expect(result.commands.some((c) => c.command === 'add-mask' && c.message === SECRET)).toBe(true);
  const withoutMask = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  expect(withoutMask.join('\n')).not.toContain(SECRET);
  expect(result.stderr).not.toContain(SECRET);
}

describe('the action in online mode', () => {
  it('passes when the whitelists allow the live addresses, calling the fake with signed requests', async () => {
    const workspace = makeRepo({
      '.github/dataworks-whitelist.yml': config(),
      'whitelists/orders.txt': ORDERS_COMPLETE,
      'whitelists/reports.txt': REPORTS_COMPLETE
    });
    const result = await run(workspace);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('pass');
    expect(report(result).resolve).toBe('online');
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.signatureOk && r.accessKeyId === 'AKID_E2E')).toBe(true);
    expectSecretMasked(result);
  });

  it('fails on an address only the API knows, and reports the drift from the static facts', async () => {
    const workspace = makeRepo({
      '.github/dataworks-whitelist.yml': config('    publicIps: [198.51.100.1]\n'),
      'whitelists/orders.txt': ORDERS_COMPLETE,
      'whitelists/reports.txt': '198.51.100.1\n'
    });
    const result = await run(workspace);

    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('fail');
    const findings = report(result).findings;
    expect(findings.filter((f) => f.rule === 'missing-entry').map((f) => f.entry)).toEqual(['203.0.113.10/32']);
    const drift = findings.filter((f) => f.rule === 'drift');
    expect(drift).toHaveLength(1);
    expect(drift[0]!.message).toContain("the config's publicIps [198.51.100.1] differ from the API's");
    expect(drift[0]!.message).toContain('only in the API: 203.0.113.10');
  });

  it('ends in status error and a failing step when the API keeps answering 5xx', async () => {
    fake.addFault('DescribeVSwitches', { kind: 'error', status: 503, code: 'ServiceUnavailable' }, { times: 1000 });
    const workspace = makeRepo({
      '.github/dataworks-whitelist.yml': config(),
      'whitelists/orders.txt': ORDERS_COMPLETE,
      'whitelists/reports.txt': REPORTS_COMPLETE
    });
    const result = await run(workspace);

    expect(result.exitCode).not.toBe(0);
    expect(result.outputs.status).toBe('error');
    const unresolved = report(result).findings.filter((f) => f.rule === 'unresolved');
    expect(unresolved.length).toBeGreaterThan(0);
    expect(unresolved[0]!.message).toContain('DescribeVSwitches failed with HTTP 503 ServiceUnavailable');
    expect(unresolved[0]!.message).toContain('gave up after 3 attempts');
    expect(fake.count('DescribeVSwitches')).toBe(3 * 2);
  });

  it('goes online under resolve: auto with the variables the credentials action exports', async () => {
    const workspace = makeRepo({
      '.github/dataworks-whitelist.yml': config(),
      'whitelists/orders.txt': ORDERS_COMPLETE,
      'whitelists/reports.txt': REPORTS_COMPLETE
    });
    const result = await run(workspace, {
      inputs: { resolve: 'auto', 'access-key-id': '', 'access-key-secret': '' },
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKID_E2E',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
        ALICLOUD_ACCESS_KEY: 'AKID_E2E',
        ALICLOUD_SECRET_KEY: SECRET
      }
    });

    expect(result.exitCode).toBe(0);
    expect(report(result).resolve).toBe('online');
    expect(fake.requests.every((r) => r.signatureOk)).toBe(true);
    expectSecretMasked(result);
  });
});
