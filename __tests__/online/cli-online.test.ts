/** The CLI in online mode, in process, against the fake: exit status 0 / 1 / 2 as the contract says. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { startFakeAlibaba } from '../fakes/alibaba-openapi.js';
import type { FakeAlibaba } from '../fakes/alibaba-openapi.js';
import { GROUP_C, scenarioCloud } from './helpers.js';

const CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  isolated:
    type: serverless
    id: ${GROUP_C}
dataSources:
  orders-rds:
    product: rds
    network: private
    whitelist:
      - file: whitelists/orders.txt
    access:
      - module: data-integration
        resourceGroups: [isolated]
  partner-api:
    product: other
    network: public
    whitelist:
      - file: whitelists/partner.txt
    access:
      - module: data-integration
        resourceGroups: [isolated]
`;

let fake: FakeAlibaba;
beforeEach(async () => {
  fake = await startFakeAlibaba({ scenario: scenarioCloud() });
});
afterEach(async () => {
  await fake.close();
});

function repo(orders: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dwg-online-cli-'));
  mkdirSync(path.join(root, '.github'));
  mkdirSync(path.join(root, 'whitelists'));
  writeFileSync(path.join(root, '.github/dataworks-whitelist.yml'), CONFIG);
  writeFileSync(path.join(root, 'whitelists/orders.txt'), orders);
  writeFileSync(path.join(root, 'whitelists/partner.txt'), '203.0.113.99\n');
  return root;
}

async function check(
  root: string
): Promise<{ exit: number; report: { status: string; findings: { rule: string; message: string }[] } }> {
  let stdout = '';
  const exit = await runCli(
    [
      'check',
      '--root',
      root,
      '--resolve',
      'online',
      '--format',
      'json',
      '--endpoint',
      `dataworks=${fake.url}`,
      '--endpoint',
      `vpc=${fake.url}`
    ],
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      cwd: root,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKID_TEST',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'SECRET_TEST',
        DATAWORKS_WHITELIST_GUARD_RETRY_BASE_MS: '5',
        DATAWORKS_WHITELIST_GUARD_MAX_ATTEMPTS: '3'
      }
    }
  );
  return { exit, report: JSON.parse(stdout) as { status: string; findings: { rule: string; message: string }[] } };
}

describe('the CLI online', () => {
  it('exits 1 with no-public-egress for a public source behind a VPC without NAT', async () => {
    const { exit, report } = await check(repo('192.0.2.192/27\n'));
    expect(report.status).toBe('fail');
    expect(exit).toBe(1);
    expect(report.findings.map((f) => f.rule)).toEqual(['no-public-egress']);
  });

  it('exits 2 with status error when the API keeps failing', async () => {
    fake.addFault('ListNetworks', { kind: 'html', status: 502 }, { times: 100 });
    const { exit, report } = await check(repo('192.0.2.192/27\n'));
    expect(report.status).toBe('error');
    expect(exit).toBe(2);
    expect(report.findings.some((f) => f.rule === 'unresolved' && f.message.includes('gave up after 3 attempts'))).toBe(
      true
    );
    expect(fake.count('ListNetworks')).toBe(3);
  });
});
