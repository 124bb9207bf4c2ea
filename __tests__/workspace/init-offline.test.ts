import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run.js';
import { parseConfig } from '../../src/config/index.js';
import { memoryFiles } from '../helpers/memory-files.js';
import { renderOfflineConfig, scanRepository } from '../../src/workspace/init-offline.js';
import { tempRoot } from './helpers.js';

function cliIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env: {}, cwd },
    out,
    err
  };
}

const RDS_TF = `provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_db_instance" "orders" {
  engine       = "MySQL"
  security_ips = ["192.0.2.0/24"]
}

resource "alicloud_rds_whitelist_template" "office" {
  ip_white_list = "198.51.100.0/24"
}
`;

const REDIS_TF = `resource "alicloud_kvstore_instance" "orders" {
  security_ips = ["203.0.113.0/24"]
}
`;

describe('init (offline, from Terraform)', () => {
  it('writes one data source per whitelist resource, with the provider region, and the config loads', async () => {
    const files = memoryFiles({ 'infra/rds.tf': RDS_TF, 'cache/redis.tf': REDIS_TF, 'README.md': '# x' });
    const text = renderOfflineConfig(await scanRepository(files));
    const loaded = parseConfig(text, '.github/dataworks-whitelist.yml');
    expect(loaded.findings).toEqual([]);
    const config = loaded.config!;
    expect(config.dataSources.map((d) => [d.name, d.product, d.region, d.whitelist[0]!.select])).toEqual([
      ['orders', 'redis', 'cn-shanghai', 'alicloud_kvstore_instance.orders'],
      ['rds-orders', 'rds', 'cn-shanghai', 'alicloud_db_instance.orders']
    ]);
    expect(config.resourceGroups.map((g) => [g.name, g.type, g.id, g.privateCidrs])).toEqual([
      ['dataworks-serverless', 'serverless', undefined, undefined]
    ]);
    expect(text).toContain('alicloud_rds_whitelist_template.office (infra/rds.tf:10) is read through the instance');
    expect(text).toMatch(/# CHECK: its provider gives no literal region/);
  });

  it('names what it could not read, and writes a config whose only finding is that it has no data source', async () => {
    const files = memoryFiles({ 'broken/main.tf': 'resource "alicloud_db_instance" "x" {\n  security_ips = [\n' });
    const scan = await scanRepository(files);
    expect(scan.resources).toEqual([]);
    expect(scan.problems[0]).toMatch(/^broken\/main\.tf:\d+:\d+: /);
    const text = renderOfflineConfig(scan);
    // With nothing found, the one finding is the empty config's own (a config that checks nothing never passes).
    expect(parseConfig(text, 'c.yml').findings.map((f) => f.message)).toEqual([
      'dataSources: expected at least one data source; a config without any checks nothing'
    ]);
    expect(text).toContain('# not scanned: broken/main.tf:');
  });

  it('runs from the CLI: init, then check reports the stub group as unresolved; never overwrites without --force', async () => {
    const root = await tempRoot('dwg-init-');
    await fsp.mkdir(path.join(root, 'infra'), { recursive: true });
    await fsp.writeFile(path.join(root, 'infra', 'rds.tf'), RDS_TF);
    const first = cliIo(root);
    expect(await runCli(['init'], first.io)).toBe(0);
    expect(first.err.join('')).toContain('wrote .github/dataworks-whitelist.yml: 1 data sources');
    const written = await fsp.readFile(path.join(root, '.github', 'dataworks-whitelist.yml'), 'utf8');

    const check = cliIo(root);
    expect(await runCli(['check', '--resolve', 'offline', '--format', 'json'], check.io)).toBe(2);
    const report = JSON.parse(check.out.join('')) as { findings: { rule: string; resourceGroup?: string }[] };
    expect(report.findings.some((f) => f.rule === 'invalid-config')).toBe(false);
    expect(report.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'unresolved', resourceGroup: 'dataworks-serverless' })])
    );

    const again = cliIo(root);
    expect(await runCli(['init'], again.io)).toBe(2);
    expect(again.err.join('')).toContain('already exists; give --force to overwrite it');
    await fsp.writeFile(path.join(root, '.github', 'dataworks-whitelist.yml'), 'mine\n');
    expect(await runCli(['init', '--force', '--region', 'cn-beijing'], cliIo(root).io)).toBe(0);
    const forced = await fsp.readFile(path.join(root, '.github', 'dataworks-whitelist.yml'), 'utf8');
    expect(forced).toContain('region: cn-beijing');
    expect(forced).not.toBe(written);
  });

  it('refuses an output outside the root and online-only flags without --workspace', async () => {
    const root = await tempRoot('dwg-init-');
    const outside = cliIo(root);
    expect(await runCli(['init', '--output', '../x.yml'], outside.io)).toBe(2);
    expect(outside.err.join('')).toContain('is outside --root');
    const env = cliIo(root);
    expect(await runCli(['init', '--env', 'dev'], env.io)).toBe(2);
    expect(env.err.join('')).toContain('--env needs --workspace');
  });

  it('quotes hostile resource names and keeps comments on one line', async () => {
    const files = memoryFiles({
      'a.tf.json': JSON.stringify({
        resource: { alicloud_db_instance: { 'x\ny: "z"': { security_ips: ['192.0.2.1'] }, true: { security_ips: [] } } }
      })
    });
    const text = renderOfflineConfig(await scanRepository(files));
    const loaded = parseConfig(text, 'c.yml');
    expect(loaded.findings).toEqual([]);
    expect(loaded.config!.dataSources.map((d) => d.name)).toEqual(['x-y-z', 'true']);
  });
});
