/**
 * Credentials set only in part: `auto` fails (never a quiet offline run) and says how to check offline instead.
 * No test here reaches the network: every case fails before the first call, or has nothing to resolve online.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';

const STATIC_ONLY = `version: 1
region: cn-hangzhou
resourceGroups:
  legacy:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/24]
dataSources:
  db:
    product: rds
    network: private
    whitelist: { file: wl.txt }
    access:
      - module: data-integration
        resourceGroups: [legacy]
`;

/** A serverless group with an id: resolved online when the run is online. */
const WITH_SERVERLESS = STATIC_ONLY.replace(
  'dataSources:',
  `  prod:
    type: serverless
    id: Serverless_res_group_1
    privateCidrs: [192.0.2.0/24]
dataSources:`
).replace('resourceGroups: [legacy]', 'resourceGroups: [legacy, prod]');

function repo(config: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dwg-half-set-'));
  mkdirSync(path.join(root, '.github'));
  writeFileSync(path.join(root, '.github/dataworks-whitelist.yml'), config);
  writeFileSync(path.join(root, 'wl.txt'), '192.0.2.0/24\n');
  return root;
}

interface Outcome {
  code: number;
  status: string;
  resolve: string;
  findings: { rule: string; message: string; resourceGroup?: string; line?: number }[];
}

async function check(config: string, args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  let stdout = '';
  const code = await runCli(['check', '--root', repo(config), '--format', 'json', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
    env,
    cwd: '/'
  });
  const report = JSON.parse(stdout) as Omit<Outcome, 'code'>;
  return { code, status: report.status, resolve: report.resolve, findings: report.findings };
}

const AUTO_ADVICE =
  '. resolve auto does not fall back to offline when credentials are half-set; ' +
  'to check offline, use --resolve offline (action input resolve: offline)';

describe('half-set credentials with resolve auto', () => {
  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'an access key id without its secret',
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-only' },
      'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: set both or neither'
    ],
    [
      'a secret without its id, in the ALICLOUD_ form',
      { ALICLOUD_SECRET_KEY: 'secret-only' },
      'ALICLOUD_SECRET_KEY is set but ALICLOUD_ACCESS_KEY is not: set both or neither'
    ],
    [
      'an OIDC role without the provider and the token file',
      { ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/reader' },
      'OIDC needs ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE; ' +
        'ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE are not set'
    ]
  ])('%s: status error, exit 2, and the way to check offline', async (_, env, problem) => {
    const outcome = await check(STATIC_ONLY, [], env);
    expect(outcome).toEqual({
      code: 2,
      status: 'error',
      resolve: 'online',
      findings: [
        {
          rule: 'unresolved',
          severity: 'error',
          message: `the Alibaba Cloud credentials are set only in part: ${problem}${AUTO_ADVICE}`
        }
      ]
    });
  });

  it('leads with the credentials finding when groups needed the API, then names each such group', async () => {
    const outcome = await check(WITH_SERVERLESS, [], { ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-only' });
    const problem =
      'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: set both or neither';
    expect(outcome.code).toBe(2);
    expect(outcome.findings.map((f) => [f.rule, f.resourceGroup, f.line, f.message])).toEqual([
      [
        'unresolved',
        undefined,
        undefined,
        `the Alibaba Cloud credentials are set only in part: ${problem}${AUTO_ADVICE}`
      ],
      ['unresolved', 'prod', 9, `resource group "prod" could not be resolved online: ${problem}`],
      [
        'unresolved',
        'prod',
        18,
        'the addresses of resource group "prod" for data-integration could not be resolved online (see the resource group\'s own finding)'
      ]
    ]);
  });

  it('with --resolve online, says what is missing without the advice meant for auto', async () => {
    const outcome = await check(STATIC_ONLY, ['--resolve', 'online'], { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' });
    expect(outcome.code).toBe(2);
    expect(outcome.findings.map((f) => f.message)).toEqual([
      'the Alibaba Cloud credentials are set only in part: ' +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not: set both or neither'
    ]);
  });

  it('with --resolve offline, the same environment checks offline and passes', async () => {
    const outcome = await check(WITH_SERVERLESS, ['--resolve', 'offline'], { ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-only' });
    expect(outcome).toEqual({ code: 0, status: 'pass', resolve: 'offline', findings: [] });
  });

  it('blank variables (as the credentials action leaves them after its post step) are not set at all', async () => {
    const outcome = await check(STATIC_ONLY, [], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: '  ',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: ''
    });
    expect(outcome).toEqual({ code: 0, status: 'pass', resolve: 'offline', findings: [] });
  });
});
