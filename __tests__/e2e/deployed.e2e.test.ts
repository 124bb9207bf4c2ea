/**
 * Deployed whitelists (contract §9) through the bundles. The action on a `schedule` event with `audit-issue: true`,
 * online against the fake Alibaba Cloud (signature-checked; `endpoints` sends dataworks, vpc and rds to it) and the
 * fake GitHub: the whitelist file holds a block the instance's deployed whitelist lacks. And the CLI bundle's
 * `check --deployed always` for MaxCompute, whose API is ROA (a path, not an action parameter).
 */
import { readFileSync } from 'node:fs';
import { maxcomputeBody, rdsBody } from '../fakes/deployed-bodies.js';
import { startFakeAlibaba, type FakeAlibaba, type FakeScenario } from '../fakes/alibaba-openapi.js';
import { FakeGitHub } from '../fakes/github-api.js';
import { GROUP_A, scenarioCloud } from '../online/helpers.js';
import { events, makeRepo, runBundle, runCliBundle, type RunResult } from './harness.js';

const SECRET = 'E2eDeployedSecretNeverPrinted0002';
const INSTANCE = 'rm-e2edeployed01';
const PROJECT = 'events_prod';

const CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  prod-serverless:
    type: serverless
    id: ${GROUP_A}
dataSources:
  orders-rds:
    product: rds
    network: private
    instance: ${INSTANCE}
    whitelist:
      - file: whitelists/orders.txt
    access:
      - module: data-integration
        resourceGroups: [prod-serverless]
`;
/** GROUP_A's private blocks (vsw-one-a, vsw-two-a): both in the file, only the first deployed. */
const FILE = '192.0.2.0/27\n192.0.2.64/27\n';

function cloud(): FakeScenario {
  return {
    ...scenarioCloud(),
    deployed: {
      bodies: {
        'DescribeDBInstanceIPArrayList@2014-08-15': {
          [INSTANCE]: rdsBody([
            ['default', '192.0.2.0/27'],
            // A system group: in effect, never drift.
            ['hdm_security_ips', '127.0.0.1', { DBInstanceIPArrayAttribute: 'hidden' }]
          ])
        },
        'GetProject@2022-01-04': { [PROJECT]: maxcomputeBody(PROJECT, '198.51.100.1', '') }
      }
    }
  };
}

let fake: FakeAlibaba;
let github: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeAlibaba({ scenario: cloud(), keys: { AKID_E2E: { secret: SECRET } } });
  github = await new FakeGitHub().start();
});
afterEach(async () => {
  await fake.close();
  await github.stop();
});

const FAST_RETRIES = {
  DATAWORKS_WHITELIST_GUARD_TIMEOUT_MS: '3000',
  DATAWORKS_WHITELIST_GUARD_RETRY_BASE_MS: '20',
  DATAWORKS_WHITELIST_GUARD_MAX_ATTEMPTS: '3'
};

function audit(workspace: string, inputs: Record<string, string> = {}): Promise<RunResult> {
  return runBundle({
    workspace,
    apiUrl: github.url,
    event: events.schedule(),
    inputs: {
      'audit-issue': 'true',
      resolve: 'online',
      endpoints: `dataworks=${fake.url}\nvpc=${fake.url}\nrds=${fake.url}`,
      'access-key-id': 'AKID_E2E',
      'access-key-secret': SECRET,
      ...inputs
    },
    env: FAST_RETRIES
  });
}

interface Report {
  status: string;
  resolve: string;
  required: { dataSource: string; entry: string; covered: boolean | null; deployed?: boolean | null }[];
  findings: { rule: string; severity: string; scope?: string; entry?: string; message: string; file?: string }[];
}

const reportOf = (result: RunResult): Report => JSON.parse(readFileSync(result.outputs.report!, 'utf8')) as Report;

describe('deployed whitelists in the bundled action (schedule, audit issue)', () => {
  it('opens an audit issue saying the block is in the files but not applied on the instance', async () => {
    const workspace = makeRepo({ '.github/dataworks-whitelist.yml': CONFIG, 'whitelists/orders.txt': FILE });
    const result = await audit(workspace);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      status: 'fail',
      // The deployed miss counts; the drift is a warning.
      'missing-count': '1',
      'finding-count': '2',
      'issue-url': 'https://github.com/octo-org/data-platform/issues/1'
    });

    // The deployed whitelist was read once, signed, with the instance id.
    const reads = fake.requests.filter((r) => r.action === 'DescribeDBInstanceIPArrayList');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ version: '2014-08-15', signatureOk: true, accessKeyId: 'AKID_E2E' });
    expect(reads[0]!.query.DBInstanceId).toBe(INSTANCE);

    const report = reportOf(result);
    expect(report.resolve).toBe('online');
    expect(report.required.map((r) => [r.entry, r.covered, r.deployed])).toEqual([
      ['192.0.2.0/27', true, true],
      ['192.0.2.64/27', true, false]
    ]);
    expect(report.findings.map((f) => [f.rule, f.scope, f.entry])).toEqual([
      ['missing-entry', 'deployed', '192.0.2.64/27'],
      ['deployed-drift', 'deployed', '192.0.2.64/27']
    ]);
    const drift = report.findings[1]!;
    expect(drift.message).toMatch(
      /^not applied: "192\.0\.2\.64\/27" is in the whitelist files but not in the whitelist deployed on/
    );
    expect(drift.file).toBe('whitelists/orders.txt');

    expect(github.issues).toHaveLength(1);
    const issue = github.issues[0]!;
    expect(issue).toMatchObject({ state: 'open', labels: ['dataworks-whitelist'] });
    // The Code and cloud table: the files allow every block, the instance does not, one difference.
    expect(issue.body).toContain('#### Code and cloud');
    expect(issue.body).toContain(`| orders-rds | <code>${INSTANCE}</code> | ✓ | ✗ | 1 |`);
    // The miss is placed on the instance, not in a file, and the drift says what to do.
    expect(issue.body).toContain(
      `| <code>192.0.2.64/27</code> | whole block | cloud: instance <code>${INSTANCE}</code> (<code>.github/dataworks-whitelist.yml:11:15</code>) |`
    );
    expect(issue.body).toMatch(
      /\| deployed-drift \| orders-rds \| <code>whitelists\/orders\.txt:2:1<\/code> \| <code>192\.0\.2\.64\/27<\/code> not applied:/
    );
    // Deployed misses never produce a paste line for the files (the file already has the block).
    expect(issue.body).not.toContain('Add to');
    // The secret is masked, and shown nowhere but in the mask command itself.
    expect(result.commands.some((c) => c.command === 'add-mask' && c.message === SECRET)).toBe(true);
    const logged = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain(SECRET);
    expect(issue.body).not.toContain(SECRET);
  });

  it('passes and opens no issue once the block is deployed', async () => {
    const scenario = cloud();
    scenario.deployed!.bodies!['DescribeDBInstanceIPArrayList@2014-08-15']![INSTANCE] = rdsBody([
      ['default', '192.0.2.0/27,192.0.2.64/27']
    ]);
    fake.setScenario(scenario);
    const workspace = makeRepo({ '.github/dataworks-whitelist.yml': CONFIG, 'whitelists/orders.txt': FILE });
    const result = await audit(workspace);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'pass', 'missing-count': '0', 'finding-count': '0' });
    expect(reportOf(result).required.every((r) => r.deployed === true)).toBe(true);
    expect(github.issues).toEqual([]);
  });

  it('offline never calls the cloud: the files are checked, and the audit warns that nothing deployed was read', async () => {
    // Offline, the group's addresses are its static facts.
    const config = CONFIG.replace(
      `id: ${GROUP_A}\n`,
      `id: ${GROUP_A}\n    privateCidrs: [192.0.2.0/27, 192.0.2.64/27]\n`
    );
    const workspace = makeRepo({ '.github/dataworks-whitelist.yml': config, 'whitelists/orders.txt': FILE });
    const result = await audit(workspace, { resolve: 'offline', 'access-key-id': '', 'access-key-secret': '' });

    expect(fake.requests).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'pass', 'missing-count': '0', 'finding-count': '0' });
    const warnings = result.annotations.filter((a) => a.command === 'warning').map((a) => a.message);
    expect(warnings).toEqual([
      'No deployed whitelist was read: the run is offline, and data source "orders-rds" names an instance. ' +
        'Give this audit Alibaba Cloud credentials (see the README: online mode) to check what is deployed.'
    ]);
    const report = reportOf(result);
    expect(report.resolve).toBe('offline');
    expect(report.required.map((r) => [r.entry, r.covered, r.deployed])).toEqual([
      ['192.0.2.0/27', true, undefined],
      ['192.0.2.64/27', true, undefined]
    ]);
    expect(github.issues).toEqual([]);
  });

  it('deployed: never on an online run reads no deployed whitelist', async () => {
    const workspace = makeRepo({ '.github/dataworks-whitelist.yml': CONFIG, 'whitelists/orders.txt': FILE });
    const result = await audit(workspace, { deployed: 'never' });
    expect(fake.count('DescribeDBInstanceIPArrayList')).toBe(0);
    expect(fake.count('ListNetworks')).toBeGreaterThan(0);
    expect(result.outputs).toMatchObject({ status: 'pass', 'missing-count': '0' });
  });
});

describe('deployed whitelists in the bundled CLI (MaxCompute, ROA)', () => {
  const MAXCOMPUTE_CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  prod-serverless:
    type: serverless
    id: ${GROUP_A}
dataSources:
  events:
    product: maxcompute
    network: public
    instance: ${PROJECT}
    access:
      - module: data-integration
        resourceGroups: [prod-serverless]
`;

  it('check --deployed always reads GetProject by its path and reports the SNAT IP the project lacks', async () => {
    const root = makeRepo({ '.github/dataworks-whitelist.yml': MAXCOMPUTE_CONFIG });
    const endpoints = ['dataworks', 'vpc', 'maxcompute'].flatMap((name) => ['--endpoint', `${name}=${fake.url}`]);
    const credentials = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKID_E2E',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
      ...FAST_RETRIES
    };
    const result = await runCliBundle(['check', '--deployed', 'always', '--format', 'json', ...endpoints], {
      cwd: root,
      env: credentials
    });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.status).toBe('fail');
    // GROUP_A's public egress: 198.51.100.1 (vsw-one-a) and 203.0.113.10 (vsw-two-a); the project allows the first.
    expect(report.required.map((r) => [r.entry, r.covered, r.deployed])).toEqual([
      ['198.51.100.1/32', true, true],
      ['203.0.113.10/32', false, false]
    ]);
    expect(report.findings.map((f) => [f.rule, f.scope, f.entry])).toEqual([
      ['missing-entry', 'deployed', '203.0.113.10/32']
    ]);

    const calls = fake.requests.filter((r) => r.action === 'GetProject');
    expect(calls).toHaveLength(1);

    expect(calls[0]).toMatchObject({ method: 'GET', version: '2022-01-04', signatureOk: true });
    expect(calls[0]!.query.InstanceId).toBe(PROJECT);

    // The text report says where the miss is: in the cloud, on the project; no files are kept for this source.
    const text = await runCliBundle(['check', '--deployed', 'always', ...endpoints], { cwd: root, env: credentials });
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain(
      'events · maxcompute, public, cn-hangzhou (1 of 2 required blocks allowed) · code — · cloud ✗\n' +
        `  ✗ missing in the cloud 203.0.113.10/32 on instance ${PROJECT} (.github/dataworks-whitelist.yml:11:15)`
    );
  });

  it('--deployed always with --resolve offline is a usage error, and nothing is called', async () => {
    const root = makeRepo({ '.github/dataworks-whitelist.yml': MAXCOMPUTE_CONFIG });
    const result = await runCliBundle(['check', '--deployed', 'always', '--resolve', 'offline'], { cwd: root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--deployed always/);
    expect(fake.requests).toEqual([]);
  });
});
