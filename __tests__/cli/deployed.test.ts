/** CLI switches of deployed whitelists (contract §9): --deployed, --timeout, --endpoint with product ids. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { parseEndpointSpecs } from '../../src/endpoints.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    cwd
  });
  return { code, stdout, stderr };
}

const CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/24]
dataSources:
  db:
    product: rds
    network: private
    instance: rm-test
    access:
      - module: data-integration
        resourceGroups: [prod]
`;

function repo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dwg-cli-deployed-'));
  mkdirSync(path.join(root, '.github'));
  writeFileSync(path.join(root, '.github/dataworks-whitelist.yml'), CONFIG);
  return root;
}

describe('CLI --deployed and --timeout', () => {
  it('refuses --deployed always with --resolve offline as a usage error', async () => {
    const out = await cli(['check', '--resolve', 'offline', '--deployed', 'always'], repo());
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--deployed always .* needs an online run/);
    expect(out.stdout).toBe('');
  });

  it('names the mode meant for a typo', async () => {
    const out = await cli(['check', '--deployed', 'nevr'], repo());
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--deployed must be one of auto, always, never; got "nevr".*never/);
  });

  it.each(['0', 'soon', '100000', '2.5'])('refuses --timeout %s', async (value) => {
    const out = await cli(['check', '--timeout', value], repo());
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--timeout: expected whole seconds from 1 to 21,600/);
  });

  it('offline, an instance-only data source is not checked: a notice, blocks unknown, exit 0', async () => {
    const out = await cli(['check', '--resolve', 'offline', '--timeout', '30', '--format', 'json'], repo());
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as {
      required: { covered: unknown }[];
      findings: { rule: string; line: number }[];
    };
    expect(report.required).toEqual([expect.objectContaining({ covered: null })]);
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'not-checked', line: 11 })]);
  });

  it('--deployed always without credentials (resolve auto) cannot check: exit 2', async () => {
    const out = await cli(['check', '--deployed', 'always', '--format', 'json'], repo());
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout).findings[0]).toMatchObject({ rule: 'unresolved', dataSource: 'db' });
  });
});

describe('--endpoint with product ids', () => {
  it('accepts every product with a deployed-whitelist API and a {region} placeholder', () => {
    expect(parseEndpointSpecs(['maxcompute=https://service.{region}.maxcompute.example.test/api'])).toEqual({
      ok: true,
      endpoints: { maxcompute: 'https://service.{region}.maxcompute.example.test/api' }
    });
  });

  it.each([
    ['hologres=https://x.test', /NAME one of dataworks, vpc, sts, rds, .*maxcompute/],
    ['rds=https://{zone}.x.test', /the only placeholder a URL may hold is \{region\}/],
    ['rd=https://x.test', /did you mean rds/]
  ])('rejects %s', (spec, message) => {
    const result = parseEndpointSpecs([spec]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
