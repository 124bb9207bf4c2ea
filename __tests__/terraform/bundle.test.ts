/**
 * The bundled CLI reads Terraform where there is no node_modules: dist/ is copied to a temporary directory and
 * run there against a temporary repository, so the WASM files must travel in dist/ (dist/wasm/).
 * Needs `npm run bundle` first (CI bundles before it tests).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(repoRoot, 'dist');

const config = `version: 1
region: cn-hangzhou
resourceGroups:
  dw:
    type: serverless
    privateCidrs: [192.0.2.0/24, 203.0.113.0/28]
dataSources:
  warehouse:
    product: polardb
    network: private
    whitelist:
      file: infra
      format: terraform
      select: alicloud_polardb_cluster.warehouse
    access:
      - module: data-integration
        resourceGroups: [dw]
`;

const module = `variable "dataworks_cidrs" {
  default = ["192.0.2.0/24"]
}

resource "alicloud_polardb_cluster" "warehouse" {
  db_type = "MySQL"

  db_cluster_ip_array {
    db_cluster_ip_array_name = "dataworks"
    security_ips             = var.dataworks_cidrs
  }
}
`;

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // NODE_PATH is cleared so that nothing outside the copy can be resolved.
    execFile(
      process.execPath,
      args,
      { cwd, env: { PATH: process.env.PATH ?? '', NODE_PATH: '' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      }
    );
  });
}

describe('the bundled CLI', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'dwg-terraform-bundle-'));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('reads Terraform from a temporary directory with no node_modules', async () => {
    expect(existsSync(path.join(dist, 'cli/index.js'))).toBe(true);
    const app = path.join(work, 'app');
    const repo = path.join(work, 'repo');
    cpSync(dist, path.join(app, 'dist'), { recursive: true });
    mkdirSync(path.join(repo, '.github'), { recursive: true });
    mkdirSync(path.join(repo, 'infra'), { recursive: true });
    writeFileSync(path.join(repo, '.github/dataworks-whitelist.yml'), config);
    writeFileSync(path.join(repo, 'infra/main.tf'), module);
    expect(existsSync(path.join(work, 'node_modules'))).toBe(false);

    const result = await run(
      [
        path.join(app, 'dist/cli/index.js'),
        'check',
        '--root',
        repo,
        '--config',
        '.github/dataworks-whitelist.yml',
        '--format',
        'json',
        '--resolve',
        'offline'
      ],
      work
    );
    const report = JSON.parse(result.stdout) as {
      status: string;
      findings: { rule: string; entry?: string; file?: string; line?: number; column?: number }[];
    };
    expect(
      report.findings.filter((finding) => finding.rule === 'invalid-whitelist' || finding.rule === 'unresolved')
    ).toEqual([]);
    expect(report.findings.filter((finding) => finding.rule === 'missing-entry')).toEqual([
      expect.objectContaining({ entry: '203.0.113.0/28', file: 'infra/main.tf', line: 10, column: 5 })
    ]);
    expect(report.status).toBe('fail');
    expect(result.code).toBe(1);
  });
});
