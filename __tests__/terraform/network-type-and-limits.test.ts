/**
 * Issue 9 §2, end to end through the engine: a `missing-entry` says when an RDS group of the wrong network type
 * would have covered the block, and the Terraform resource type decides the entry limit (contract §9).
 */
import { runCheck } from '../../src/engine.js';
import { silentLogger } from '../../src/io.js';
import type { Finding, Report } from '../../src/model.js';
import { memoryFiles } from '../helpers/memory-files.js';
import { readModule } from './read.js';

const CONFIG = '.github/dataworks-whitelist.yml';

function config(product: string, network: string, select: string): string {
  return `version: 1
region: cn-hangzhou
resourceGroups:
  dw:
    type: serverless
    privateCidrs: [192.0.2.0/24]
    publicIps: [198.51.100.7]
dataSources:
  warehouse:
    product: ${product}
    network: ${network}
    whitelist:
      file: infra
      format: terraform
      select: ${select}
    access:
      - module: data-integration
        resourceGroups: [dw]
`;
}

function check(configText: string, files: Record<string, string>): Promise<Report> {
  return runCheck({
    root: '/repo',
    configPath: CONFIG,
    resolve: 'offline',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    now: new Date('2026-11-28T08:00:00Z'),
    env: {},
    files: memoryFiles({ [CONFIG]: configText, ...files })
  });
}

const byRule = (report: Report, rule: Finding['rule']): Finding[] => report.findings.filter((f) => f.rule === rule);

// Modelled on the provider's alicloud_db_instance example, with a group of its own in enhanced whitelist mode.
function rdsModule(type: string, ips: string, groupName = '  db_instance_ip_array_name = "dataworks"\n'): string {
  return `resource "alicloud_db_instance" "example" {
  engine                 = "MySQL"
  engine_version         = "5.6"
  instance_type          = "rds.mysql.s2.large"
  instance_storage       = "30"
${groupName}  whitelist_network_type = "${type}"
  security_ips           = [${ips}]
}
`;
}

describe('RDS network type: the missing-entry message names the group that would have covered the block', () => {
  it('a Classic group on a private source', async () => {
    const report = await check(config('rds', 'private', 'alicloud_db_instance.example'), {
      'infra/main.tf': rdsModule('Classic', '"192.0.2.0/24"')
    });
    expect(report.status).toBe('fail');
    const [missing, ...rest] = byRule(report, 'missing-entry');
    expect(rest).toEqual([]);
    expect(missing).toMatchObject({ entry: '192.0.2.0/24', file: 'infra/main.tf', line: 8, column: 3 });
    expect(missing!.message).toContain(
      'group "dataworks" of alicloud_db_instance.example is Classic: it does not admit VPC clients; its entry 192.0.2.0/24 would have covered this block'
    );
  });

  it('a VPC group on a public source; the group is "default" when unnamed', async () => {
    const report = await check(config('rds', 'public', 'alicloud_db_instance.example'), {
      'infra/main.tf': rdsModule('VPC', '"198.51.100.0/24", "203.0.113.0/24"', '')
    });
    const missing = byRule(report, 'missing-entry');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain(
      'group "default" of alicloud_db_instance.example is VPC: it does not admit Internet clients; its entry 198.51.100.0/24 would have covered this block'
    );
    // The entry that does not reach the block is not named.
    expect(missing[0]!.message).not.toContain('203.0.113.0/24');
  });

  it('entries that reach only part of the block say so', async () => {
    const report = await check(config('rds', 'private', 'alicloud_db_instance.example'), {
      'infra/main.tf': rdsModule('Classic', '"192.0.2.0/25"')
    });
    expect(byRule(report, 'missing-entry')[0]!.message).toContain(
      'its entry 192.0.2.0/25 would have covered part of this block'
    );
  });

  it('a group whose entries do not reach the block adds nothing to the message', async () => {
    const report = await check(config('rds', 'private', 'alicloud_db_instance.example'), {
      'infra/main.tf': rdsModule('Classic', '"203.0.113.0/24"')
    });
    const [missing] = byRule(report, 'missing-entry');
    expect(missing!.message).not.toMatch(/Classic|would have covered/);
  });

  it('a MIX group counts: a pass, nothing excluded', async () => {
    const report = await check(config('rds', 'private', 'alicloud_db_instance.example'), {
      'infra/main.tf': rdsModule('MIX', '"192.0.2.0/24"')
    });
    expect(report.status).toBe('pass');
  });

  it('the reader carries the excluded entries apart, where they are written', async () => {
    const result = await readModule(
      { 'infra/main.tf': rdsModule('Classic', '"192.0.2.0/24"') },
      'alicloud_db_instance.example',
      { product: 'rds', network: 'private' }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries).toEqual([]);
    expect(result.excluded).toEqual([
      {
        reason: 'group "dataworks" of alicloud_db_instance.example is Classic: it does not admit VPC clients',
        entries: [{ raw: '192.0.2.0/24', file: 'infra/main.tf', line: 8, column: 30 }]
      }
    ]);
  });

  it('a value that cannot be resolved in an excluded group changes nothing: it never counts', async () => {
    const result = await readModule(
      { 'infra/main.tf': rdsModule('Classic', '"192.0.2.0/24", var.nowhere') },
      'alicloud_db_instance.example',
      { product: 'rds', network: 'private' }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries).toEqual([]);
    expect(result.addHere).toMatchObject({ line: 8, column: 3 });
  });
});

describe('ADB MySQL entry limit by resource type', () => {
  // Addresses from 10.0.0.0/8 are only counted, never required, so they stay out of the documentation ranges.
  const entries = (count: number): string =>
    Array.from({ length: count }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.1`).join(',');

  it('alicloud_adb_db_cluster allows 1,000 entries', async () => {
    const module = (count: number): string => `resource "alicloud_adb_db_cluster" "default" {
  db_cluster_category = "MixedStorage"
  mode                = "flexible"
  compute_resource    = "8Core32GB"
  security_ips        = [${entries(count)
    .split(',')
    .map((e) => `"${e}"`)
    .join(', ')}, "192.0.2.0/24"]
}
`;
    const within = await check(config('adb-mysql', 'private', 'alicloud_adb_db_cluster.default'), {
      'infra/main.tf': module(999)
    });
    expect(byRule(within, 'too-many-entries')).toEqual([]);
    const past = await check(config('adb-mysql', 'private', 'alicloud_adb_db_cluster.default'), {
      'infra/main.tf': module(1000)
    });
    const [finding] = byRule(past, 'too-many-entries');
    expect(finding!.message).toContain('1001 distinct entries');
    expect(finding!.message).toContain('at most 1000 (per whitelist of a Data Warehouse Edition cluster');
  });

  it('alicloud_adb_db_cluster_lake_version allows 500', async () => {
    const module = (count: number): string => `resource "alicloud_adb_db_cluster_lake_version" "default" {
  db_cluster_version = "5.0"
  payment_type       = "PayAsYouGo"
  security_ips       = "${entries(count)},192.0.2.0/24"
}
`;
    const within = await check(config('adb-mysql', 'private', 'alicloud_adb_db_cluster_lake_version.default'), {
      'infra/main.tf': module(499)
    });
    expect(byRule(within, 'too-many-entries')).toEqual([]);
    const past = await check(config('adb-mysql', 'private', 'alicloud_adb_db_cluster_lake_version.default'), {
      'infra/main.tf': module(500)
    });
    expect(byRule(past, 'too-many-entries')[0]!.message).toContain('501 distinct entries');
    expect(byRule(past, 'too-many-entries')[0]!.message).toContain('at most 500 (per whitelist of a Data Lakehouse');
  });
});
