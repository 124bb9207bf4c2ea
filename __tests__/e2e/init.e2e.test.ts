/**
 * `init` (contract §12) through the CLI bundle: online from a DataWorks workspace served by the fake Alibaba Cloud
 * (endpoint override, signature-checked), and offline from the Terraform of a copy of examples/; each written
 * config is then checked by the same bundle and loads without `invalid-config`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeAlibaba, type FakeAlibaba } from '../fakes/alibaba-openapi.js';
import { sampleWorkspace, WORKSPACE_ID } from '../workspace/helpers.js';
import { REPO_ROOT, makeRepo, runCliBundle } from './harness.js';

const CREDENTIALS = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKID_TEST', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'SECRET_TEST' };
const CONFIG = '.github/dataworks-whitelist.yml';

interface Report {
  status: string;
  resolve: string;
  dataSources: { name: string; product: string; instance?: string }[];
  findings: { rule: string; message: string; dataSource?: string }[];
}

let fake: FakeAlibaba;
beforeAll(async () => {
  fake = await startFakeAlibaba({
    scenario: { resourceGroups: [], vswitches: [], natGateways: [], workspaces: [sampleWorkspace()] }
  });
});
afterAll(async () => {
  await fake.close();
});

async function checkOffline(root: string, config = CONFIG): Promise<{ exitCode: number | null; report: Report }> {
  const result = await runCliBundle(['check', '--resolve', 'offline', '--config', config, '--format', 'json'], {
    cwd: root
  });
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  return { exitCode: result.exitCode, report: JSON.parse(result.stdout) as Report };
}

describe('init --workspace (bundled CLI, fake DataWorks)', () => {
  it('writes the workspace config, and check --resolve offline loads it without invalid-config', async () => {
    const root = makeRepo({});
    const init = await runCliBundle(
      ['init', '--workspace', String(WORKSPACE_ID), '--region', 'cn-hangzhou', '--endpoint', `dataworks=${fake.url}`],
      { cwd: root, env: CREDENTIALS }
    );
    expect(init.exitCode).toBe(0);
    expect(init.stderr).toContain(
      `4 data sources (3 more commented out: they cannot be checked) and 3 resource groups from workspace ${WORKSPACE_ID}`
    );
    const calls = fake.requests.filter((r) => ['ListDataSources', 'ListResourceGroups'].includes(r.action));
    expect(calls.map((r) => r.action).sort()).toEqual(['ListDataSources', 'ListResourceGroups']);
    expect(calls.every((r) => r.signatureOk && r.query.ProjectId === String(WORKSPACE_ID))).toBe(true);
    expect(calls.find((r) => r.action === 'ListDataSources')!.query.EnvType).toBe('Prod');

    const written = readFileSync(path.join(root, CONFIG), 'utf8');
    expect(written).toMatch(/^ {2}mysql-orders:.*\n {4}product: rds\n {4}region: cn-shanghai\n {4}instance: rm-prod1/m);
    expect(written).toMatch(/prod-serverless:.*\n {4}type: serverless\n {4}id: Serverless_res_group_1_2/);

    const { exitCode, report } = await checkOffline(root);
    expect(report.findings.filter((f) => f.rule === 'invalid-config')).toEqual([]);
    expect(report.dataSources.map((d) => [d.name, d.product, d.instance])).toEqual(
      expect.arrayContaining([['mysql-orders', 'rds', 'rm-prod1']])
    );
    expect(report.dataSources).toHaveLength(4);
    // Offline, the stubs have no addresses and the deployed whitelists are not read: could not check, never a pass.
    expect(report.status).toBe('error');
    expect(exitCode).toBe(2);
    expect(report.findings.some((f) => f.rule === 'unresolved')).toBe(true);
  });

  it('never overwrites without --force, and names the workspace when DataWorks refuses', async () => {
    const root = makeRepo({ [CONFIG]: 'version: 1\n' });
    const args = ['init', '--workspace', String(WORKSPACE_ID), '--region', 'cn-hangzhou'];
    const refused = await runCliBundle([...args, '--endpoint', `dataworks=${fake.url}`], {
      cwd: root,
      env: CREDENTIALS
    });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`${CONFIG} already exists; give --force to overwrite it`);
    expect(readFileSync(path.join(root, CONFIG), 'utf8')).toBe('version: 1\n');

    const unknown = await runCliBundle(
      ['init', '--workspace', '999', '--region', 'cn-hangzhou', '--force', '--endpoint', `dataworks=${fake.url}`],
      { cwd: root, env: CREDENTIALS }
    );
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/could not read workspace 999: .*Invalid\.Tenant\.ProjectNotExist/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(root, CONFIG), 'utf8')).toBe('version: 1\n');
  });
});

describe('init offline (bundled CLI, the Terraform of examples/)', () => {
  it('writes a config from a copy of examples/ that check loads without invalid-config', async () => {
    const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'dwg-e2e-init-')), 'examples');
    cpSync(path.join(REPO_ROOT, 'examples'), root, { recursive: true });
    const generated = '.github/generated.yml';
    const before = fake.requests.length;

    // examples/ has its config already: init refuses to replace it.
    const kept = readFileSync(path.join(root, CONFIG), 'utf8');
    expect((await runCliBundle(['init'], { cwd: root })).exitCode).toBe(2);
    expect(readFileSync(path.join(root, CONFIG), 'utf8')).toBe(kept);

    const init = await runCliBundle(['init', '--output', generated], { cwd: root });
    expect(init.exitCode).toBe(0);
    expect(fake.requests.length).toBe(before);
    expect(existsSync(path.join(root, generated))).toBe(true);
    const written = readFileSync(path.join(root, generated), 'utf8');
    // One data source per whitelist resource of examples/infra/warehouse.tf, pointing at it with select.
    expect(written).toMatch(/file: infra\/warehouse\.tf\n\s+select: alicloud_polardb_cluster\./);

    const { report } = await checkOffline(root, generated);
    expect(report.findings.filter((f) => f.rule === 'invalid-config')).toEqual([]);
    expect(report.dataSources.length).toBeGreaterThan(0);
    expect(report.dataSources.some((d) => d.product === 'polardb')).toBe(true);
    // The stub group has no addresses yet: the check says it could not be completed.
    expect(report.status).toBe('error');
  });
});
