/**
 * `check --verify` through the bundled CLI against the fake DataWorks (signature-checked): each pair of a data source
 * and a serverless group is tested once, and DataWorks' answer is set beside the check's own verdict.
 */
import { startFakeAlibaba, type FakeAlibaba } from '../fakes/alibaba-openapi.js';
import { scenarioCloud } from '../online/helpers.js';
import { CONFIG, CREDENTIALS, GROUP_B, GROUP_C, ORDERS_ID, workspace } from '../verify/helpers.js';
import { makeRepo, runCliBundle } from './harness.js';

let fake: FakeAlibaba;
beforeAll(async () => {
  fake = await startFakeAlibaba();
  fake.setScenario({
    ...scenarioCloud(),
    workspaces: [
      workspace({
        [`${ORDERS_ID}:${GROUP_C}`]: {
          ConnectState: 'Unreachable',
          ConnectMessage: 'connect timed out',
          DetailLogs: [{ Code: 'test_network_connectivity', Message: 'test network connectivity' }]
        }
      })
    ]
  });
});
afterAll(() => fake.close());

interface Report {
  connectivity: { dataSource: string; resourceGroup: string; state: string | null; checkFoundGap: boolean | null }[];
  findings: { rule: string; dataSource?: string; message: string; line?: number }[];
}

describe('--verify in the bundled CLI', () => {
  const root = makeRepo({
    '.github/dataworks-whitelist.yml': CONFIG,
    'whitelists/orders.txt': '192.0.2.192/27\n192.0.2.0/28\n',
    'whitelists/events.txt': '192.0.2.192/27\n'
  });
  it('tests every pair once and reports where DataWorks and the check disagree', async () => {
    const endpoints = ['dataworks', 'vpc'].flatMap((name) => ['--endpoint', `${name}=${fake.url}`]);
    const result = await runCliBundle(['check', '--verify', '--format', 'json', ...endpoints], {
      cwd: root,
      env: CREDENTIALS
    });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.connectivity.map((c) => [c.dataSource, c.resourceGroup, c.state, c.checkFoundGap])).toEqual([
      ['orders', 'three', 'Unreachable', false],
      ['orders', 'two', 'Connectable', true],
      ['events', 'three', 'Connectable', false]
    ]);
    const unreachable = report.findings.filter((f) => f.rule === 'unreachable');
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]!.message).toMatch(/connect timed out/);
    expect(unreachable[0]!.message).toMatch(/not the cause/);
    expect(report.findings.filter((f) => f.rule === 'connectivity-disagrees').map((f) => f.dataSource)).toEqual([
      'orders'
    ]);
    const tests = fake.requests.filter((r) => r.action === 'TestDataSourceConnectivity');
    expect(tests.map((r) => r.query.ResourceGroupId).sort()).toEqual([GROUP_B, GROUP_C, GROUP_C].sort());
    expect(result.exitCode).toBe(1);
  });

  it('prints a "DataWorks says" table in the text report', async () => {
    const endpoints = ['dataworks', 'vpc'].flatMap((name) => ['--endpoint', `${name}=${fake.url}`]);
    const result = await runCliBundle(['check', '--verify', ...endpoints], { cwd: root, env: CREDENTIALS });
    expect(result.stdout).toMatch(/DataWorks says/);
    expect(result.stdout).toMatch(/Unreachable/);
  });

  it('--verify with --resolve offline is a usage error, and nothing is called', async () => {
    const before = fake.requests.length;
    const result = await runCliBundle(['check', '--verify', '--resolve', 'offline'], { cwd: root, env: CREDENTIALS });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--verify needs an online run/);
    expect(fake.requests.length).toBe(before);
  });
});
