/** Realistic modules per product (fixtures on disk): every entry with its exact line and column. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskRepoFiles } from '../../src/io.js';
import type { Network, ProductId } from '../../src/model.js';
import { readWith } from './read.js';

const fixtures = diskRepoFiles(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/terraform'));

interface Case {
  dir: string;
  select: string;
  product: ProductId;
  network?: Network;
  port?: number;
  entries: string[];
  addHere: string;
}

const cases: Case[] = [
  // list, with a comment after an element
  {
    dir: 'rds',
    select: 'alicloud_db_instance.orders',
    product: 'rds',
    entries: ['192.0.2.0/24@rds/main.tf:10:6', '198.51.100.7@rds/main.tf:11:6'],
    addHere: 'rds/main.tf:9:3'
  },
  // var.* from terraform.tfvars, which overrides the default in variables.tf
  {
    dir: 'rds',
    select: 'alicloud_db_instance.reports',
    product: 'rds',
    entries: ['192.0.2.128/25@rds/terraform.tfvars:3:4', '203.0.113.0/24@rds/terraform.tfvars:4:4'],
    addHere: 'rds/main.tf:19:3'
  },
  // comma-separated string: one column per entry
  {
    dir: 'rds',
    select: 'alicloud_rds_whitelist_template.office',
    product: 'rds',
    entries: ['203.0.113.0/28@rds/main.tf:23:20', '203.0.113.16/28@rds/main.tf:23:35'],
    addHere: 'rds/main.tf:23:3'
  },
  // union over db_cluster_ip_array blocks; the modify_mode = "Delete" block allows nothing
  {
    dir: 'polardb',
    select: 'alicloud_polardb_cluster.warehouse',
    product: 'polardb',
    entries: [
      '192.0.2.0/24@polardb/main.tf:10:34',
      '198.51.100.0/24@polardb/main.tf:15:34',
      '203.0.113.9@polardb/main.tf:15:53'
    ],
    addHere: 'polardb/main.tf:10:5'
  },
  // a set at the top level and a comma-separated string inside security_ip_groups
  {
    dir: 'mongodb',
    select: 'alicloud_mongodb_instance.events',
    product: 'mongodb',
    entries: [
      '192.0.2.0/24@mongodb/main.tf:5:27',
      '198.51.100.0/24@mongodb/main.tf:5:43',
      '203.0.113.0/26@mongodb/main.tf:10:36',
      '203.0.113.64/26@mongodb/main.tf:10:51'
    ],
    addHere: 'mongodb/main.tf:5:3'
  },
  // heredoc: each entry on its own line
  {
    dir: 'maxcompute',
    select: 'alicloud_maxcompute_project.dw',
    product: 'maxcompute',
    network: 'private',
    entries: ['192.0.2.0/25@maxcompute/main.tf:8:7', '192.0.2.128/25@maxcompute/main.tf:9:7'],
    addHere: 'maxcompute/main.tf:7:5'
  },
  {
    dir: 'maxcompute',
    select: 'alicloud_maxcompute_project.dw',
    product: 'maxcompute',
    network: 'public',
    entries: ['198.51.100.0/24@maxcompute/main.tf:6:16', '203.0.113.9@maxcompute/main.tf:6:32'],
    addHere: 'maxcompute/main.tf:6:5'
  },
  // ", " separated: the blank is not part of the entry
  {
    dir: 'clickhouse',
    select: 'alicloud_click_house_db_cluster.logs',
    product: 'clickhouse',
    entries: ['192.0.2.0/24@clickhouse/main.tf:14:33', '198.51.100.0/24@clickhouse/main.tf:14:47'],
    addHere: 'clickhouse/main.tf:14:5'
  },
  {
    dir: 'clickhouse',
    select: 'alicloud_click_house_enterprise_db_cluster_security_ip.office',
    product: 'clickhouse',
    entries: ['203.0.113.0/24@clickhouse/main.tf:21:23'],
    addHere: 'clickhouse/main.tf:21:3'
  },
  {
    dir: 'adb-pg',
    select: 'alicloud_gpdb_instance.analytics',
    product: 'adb-pg',
    entries: ['192.0.2.0/24@adb-pg/main.tf:13:25', '198.51.100.0/24@adb-pg/main.tf:13:38'],
    addHere: 'adb-pg/main.tf:13:5'
  },
  {
    dir: 'adb-pg',
    select: 'alicloud_gpdb_db_instance_ip_array.office',
    product: 'adb-pg',
    entries: ['203.0.113.0/24@adb-pg/main.tf:20:33'],
    addHere: 'adb-pg/main.tf:20:3'
  },
  // private and public lists are separate; the Kibana list is never read
  {
    dir: 'elasticsearch',
    select: 'alicloud_elasticsearch_instance.search',
    product: 'elasticsearch',
    network: 'private',
    entries: ['192.0.2.0/24@elasticsearch/main.tf:10:28'],
    addHere: 'elasticsearch/main.tf:10:3'
  },
  {
    dir: 'elasticsearch',
    select: 'alicloud_elasticsearch_instance.search',
    product: 'elasticsearch',
    network: 'public',
    entries: ['198.51.100.7@elasticsearch/main.tf:11:28'],
    addHere: 'elasticsearch/main.tf:11:3'
  },
  {
    dir: 'lindorm',
    select: 'alicloud_lindorm_instance.wide',
    product: 'lindorm',
    entries: ['192.0.2.0/24@lindorm/main.tf:7:22', '198.51.100.0/24@lindorm/main.tf:7:38'],
    addHere: 'lindorm/main.tf:7:3'
  },
  {
    dir: 'lindorm',
    select: 'alicloud_lindorm_instance_v2.wide_v2',
    product: 'lindorm',
    entries: ['203.0.113.0/24@lindorm/main.tf:15:19'],
    addHere: 'lindorm/main.tf:15:5'
  },
  {
    dir: 'redis',
    select: 'alicloud_kvstore_instance.cache',
    product: 'redis',
    entries: ['192.0.2.0/24@redis/main.tf:6:30'],
    addHere: 'redis/main.tf:6:3'
  },
  {
    dir: 'redis',
    select: 'alicloud_redis_global_security_ip_group.shared',
    product: 'redis',
    entries: ['198.51.100.0/24@redis/main.tf:11:21', '203.0.113.0/24@redis/main.tf:11:37'],
    addHere: 'redis/main.tf:11:3'
  },
  {
    dir: 'adb-mysql',
    select: 'alicloud_adb_db_cluster.dw',
    product: 'adb-mysql',
    entries: ['192.0.2.0/24@adb-mysql/main.tf:6:27'],
    addHere: 'adb-mysql/main.tf:6:3'
  },
  {
    dir: 'adb-mysql',
    select: 'alicloud_adb_db_cluster_lake_version.lake',
    product: 'adb-mysql',
    entries: ['198.51.100.0/24@adb-mysql/main.tf:14:25', '203.0.113.0/24@adb-mysql/main.tf:14:41'],
    addHere: 'adb-mysql/main.tf:14:3'
  },
  // Deny + NotIpAddress inside jsonencode(), and Allow + IpAddress inside a heredoc
  {
    dir: 'oss',
    select: 'alicloud_oss_bucket_policy.landing',
    product: 'oss',
    entries: ['192.0.2.0/24@oss/main.tf:11:45', '198.51.100.7@oss/main.tf:11:61'],
    addHere: 'oss/main.tf:3:3'
  },
  {
    dir: 'oss',
    select: 'alicloud_oss_bucket_policy.archive',
    product: 'oss',
    entries: ['203.0.113.0/24@oss/main.tf:29:59'],
    addHere: 'oss/main.tf:20:3'
  },
  // for_each = toset(var…) with cidr_ip = each.value: one entry per instance, at the variable default
  {
    dir: 'security-group',
    select: 'alicloud_security_group_rule.dataworks_mysql',
    product: 'ecs-security-group',
    port: 3306,
    entries: ['192.0.2.0/24@security-group/main.tf:3:15', '198.51.100.0/24@security-group/main.tf:3:31'],
    addHere: 'security-group/main.tf:15:3'
  },
  {
    dir: 'security-group',
    select: 'alicloud_security_group_rule.all_tcp',
    product: 'ecs-security-group',
    port: 3306,
    entries: ['203.0.113.0/24@security-group/main.tf:23:24'],
    addHere: 'security-group/main.tf:23:3'
  },
  {
    dir: 'security-group',
    select: 'alicloud_security_group_rule.v6',
    product: 'ecs-security-group',
    port: 3306,
    entries: ['2001:db8::/32@security-group/main.tf:54:24'],
    addHere: 'security-group/main.tf:54:3'
  },
  // rules that do not let DataWorks in declare nothing: another port, drop, egress
  {
    dir: 'security-group',
    select: 'alicloud_security_group_rule.ssh',
    product: 'ecs-security-group',
    port: 3306,
    entries: [],
    addHere: 'security-group/main.tf:31:3'
  },
  {
    dir: 'security-group',
    select: 'alicloud_security_group_rule.blocked',
    product: 'ecs-security-group',
    port: 3306,
    entries: [],
    addHere: 'security-group/main.tf:40:3'
  },
  {
    dir: 'security-group',
    select: 'alicloud_security_group_rule.outbound',
    product: 'ecs-security-group',
    port: 3306,
    entries: [],
    addHere: 'security-group/main.tf:47:3'
  },
  // .tf.json: literals and "${…}" templates
  {
    dir: 'json',
    select: 'alicloud_db_instance.orders',
    product: 'rds',
    entries: ['192.0.2.0/24@json/main.tf.json:9:27', '203.0.113.0/24@json/main.tf.json:3:29'],
    addHere: 'json/main.tf.json:9:9'
  },
  {
    dir: 'json',
    select: 'alicloud_maxcompute_project.dw',
    product: 'maxcompute',
    entries: ['198.51.100.0/24@json/main.tf.json:15:45', '203.0.113.0/24@json/main.tf.json:3:29'],
    addHere: 'json/main.tf.json:15:29'
  }
];

describe('Terraform reader on realistic modules', () => {
  it.each(cases)(
    '$select in $dir (port $port, network $network)',
    async ({ dir, select, product, network, port, entries, addHere }) => {
      const options = { file: dir, product, network: network ?? 'private', ...(port === undefined ? {} : { port }) };
      const result = await readWith(fixtures, select, options);
      expect(result.findings).toEqual([]);
      expect(result.entries.map((e) => `${e.raw}@${e.file}:${e.line}:${e.column}`)).toEqual(entries);
      expect(result.addHere && `${result.addHere.file}:${result.addHere.line}:${result.addHere.column}`).toBe(addHere);
    }
  );

  it('reads a single file of a module, with the variables and tfvars of its directory', async () => {
    const result = await readWith(fixtures, 'alicloud_db_instance.reports', { file: 'rds/main.tf', product: 'rds' });
    expect(result.entries.map((e) => `${e.raw}@${e.file}:${e.line}`)).toEqual([
      '192.0.2.128/25@rds/terraform.tfvars:3',
      '203.0.113.0/24@rds/terraform.tfvars:4'
    ]);
  });

  it('without a port, a security-group rule on any port counts', async () => {
    const result = await readWith(fixtures, 'alicloud_security_group_rule.ssh', {
      file: 'security-group',
      product: 'ecs-security-group'
    });
    expect(result.entries.map((e) => e.raw)).toEqual(['203.0.113.9']);
  });
});
