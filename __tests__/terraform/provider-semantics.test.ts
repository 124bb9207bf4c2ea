/**
 * Terraform as the provider means it (issue 9 §2), with fixtures modelled on the provider's documented
 * examples: RDS network types, whitelist templates, global security IP groups, Elasticsearch public access,
 * and the resources added to the table.
 */
import { located, readModule, rules } from './read.js';

describe('RDS whitelist_network_type', () => {
  const instance = (type: string) => ({
    'infra/main.tf': `resource "alicloud_db_instance" "example" {
  engine                 = "MySQL"
  engine_version         = "5.6"
  instance_type          = "rds.mysql.s2.large"
  instance_storage       = "30"
  db_instance_ip_array_name = "dataworks"
  whitelist_network_type = "${type}"
  security_ips           = ["192.0.2.0/24"]
}
`
  });

  it.each([
    ['Classic', 'private', []],
    ['Classic', 'public', ['192.0.2.0/24@8:30']],
    ['VPC', 'private', ['192.0.2.0/24@8:30']],
    ['VPC', 'public', []],
    ['MIX', 'private', ['192.0.2.0/24@8:30']],
    ['MIX', 'public', ['192.0.2.0/24@8:30']]
  ] as const)('a %s group on a %s data source', async (type, network, expected) => {
    const result = await readModule(instance(type), 'alicloud_db_instance.example', { product: 'rds', network });
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(expected);
    // A miss is still reported at the group's list.
    expect(result.addHere).toMatchObject({ line: 8, column: 3 });
  });
});

describe('RDS whitelist templates', () => {
  const module = `resource "alicloud_rds_whitelist_template" "example" {
  ip_white_list = "192.0.2.0/24,198.51.100.7"
  template_name = "dataworks"
}

resource "alicloud_rds_whitelist_template" "spare" {
  ip_white_list = "203.0.113.0/24"
  template_name = "spare"
}

resource "alicloud_db_instance" "example" {
  engine           = "MySQL"
  engine_version   = "8.0"
  instance_type    = "mysql.n2.medium.1"
  instance_storage = "20"
  security_ips     = ["203.0.113.128/25"]
  template_id_list = [alicloud_rds_whitelist_template.example.id]
}

resource "alicloud_db_instance" "literal" {
  security_ips     = ["203.0.113.128/25"]
  template_id_list = [1234]
}
`;

  it('selecting the instance includes the templates it attaches', async () => {
    const result = await readModule({ 'infra/main.tf': module }, 'alicloud_db_instance.example', { product: 'rds' });
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['192.0.2.0/24@2:20', '198.51.100.7@2:33', '203.0.113.128/25@16:24']);
  });

  it('a literal template id cannot be resolved offline', async () => {
    const result = await readModule({ 'infra/main.tf': module }, 'alicloud_db_instance.literal', { product: 'rds' });
    expect(rules(result)).toEqual(['unresolved@infra/main.tf:22:23']);
  });

  it('a template that nothing attaches is unattached-template; an attached one is read as it is', async () => {
    const spare = await readModule({ 'infra/main.tf': module }, 'alicloud_rds_whitelist_template.spare', {
      product: 'rds'
    });
    expect(spare.findings).toEqual([
      expect.objectContaining({ rule: 'unattached-template', severity: 'warning', line: 6, column: 1 })
    ]);
    const attached = await readModule({ 'infra/main.tf': module }, 'alicloud_rds_whitelist_template.example', {
      product: 'rds'
    });
    expect(attached.findings).toEqual([]);
    expect(located(attached)).toEqual(['192.0.2.0/24@2:20', '198.51.100.7@2:33']);
  });
});

describe('global security IP groups', () => {
  it.each([
    [
      'polardb',
      'alicloud_polardb_cluster',
      'alicloud_polardb_global_security_ip_group',
      'global_ip_list',
      '  db_cluster_ip_array {\n    db_cluster_ip_array_name = "default"\n    security_ips             = ["203.0.113.0/24"]\n  }'
    ],
    [
      'mongodb',
      'alicloud_mongodb_instance',
      'alicloud_mongodb_global_security_ip_group',
      'global_security_ip_list',
      '  security_ip_list = ["203.0.113.0/24"]'
    ],
    [
      'mongodb',
      'alicloud_mongodb_sharding_instance',
      'alicloud_mongodb_global_security_ip_group',
      'global_security_ip_list',
      '  security_ip_list = ["203.0.113.0/24"]'
    ]
  ] as const)('%s: %s includes the groups of global_security_group_list', async (product, type, group, list, own) => {
    const result = await readModule(
      {
        'infra/main.tf': `resource "${group}" "default" {
  global_ig_name = "example_abc"
  ${list} = "192.0.2.0/24"
}

resource "${type}" "default" {
${own}
  global_security_group_list = [${group}.default.id]
}
`
      },
      `${type}.default`,
      { product }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw).sort()).toEqual(['192.0.2.0/24', '203.0.113.0/24']);
    expect(result.entries.find((entry) => entry.raw === '192.0.2.0/24')).toMatchObject({ line: 3 });
  });
});

describe('Elasticsearch public access', () => {
  const instance = (enable: string) => `resource "alicloud_elasticsearch_instance" "default" {
  instance_charge_type = "PostPaid"
  data_node_amount     = "2"
  version              = "7.10_with_X-Pack"
${enable}  public_whitelist     = ["192.0.2.0/24"]
  private_whitelist    = ["198.51.100.0/24"]
}
`;

  it('public_whitelist counts with enable_public = true', async () => {
    const result = await readModule(
      { 'infra/main.tf': instance('  enable_public        = true\n') },
      'alicloud_elasticsearch_instance.default',
      { product: 'elasticsearch', network: 'public' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['192.0.2.0/24@6:28']);
  });

  it.each([
    ['false', '  enable_public        = false\n', 5],
    ['absent', '', 1]
  ])('with enable_public %s a public source is network-disabled', async (_what, enable, line) => {
    const result = await readModule({ 'infra/main.tf': instance(enable) }, 'alicloud_elasticsearch_instance.default', {
      product: 'elasticsearch',
      network: 'public'
    });
    expect(result.entries).toEqual([]);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'network-disabled', severity: 'error', line })]);
    expect(result.findings[0]!.message).toMatch(/does not accept Internet connections/);
  });

  it('a private source does not depend on enable_public', async () => {
    const result = await readModule({ 'infra/main.tf': instance('') }, 'alicloud_elasticsearch_instance.default', {
      product: 'elasticsearch',
      network: 'private'
    });
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw)).toEqual(['198.51.100.0/24']);
  });
});

describe('resources added to the table', () => {
  it.each([
    [
      'redis',
      'alicloud_redis_tair_instance',
      '  instance_type = "tair_rdb"\n  security_ips  = "192.0.2.0/24,198.51.100.7"'
    ],
    ['rds', 'alicloud_rds_ddr_instance', '  engine       = "MySQL"\n  security_ips = ["192.0.2.0/24", "198.51.100.7"]'],
    [
      'selectdb',
      'alicloud_selectdb_db_instance',
      '  db_instance_class = "selectdb.xlarge"\n  desired_security_ip_lists {\n    group_name       = "group1"\n    security_ip_list = "192.0.2.0/24"\n  }\n  desired_security_ip_lists {\n    group_name       = "group2"\n    security_ip_list = "198.51.100.7"\n  }'
    ],
    ['hbase', 'alicloud_hbase_instance', '  engine   = "hbaseue"\n  ip_white = "192.0.2.0/24,198.51.100.7"']
  ] as const)('%s: %s', async (product, type, body) => {
    const result = await readModule(
      { 'infra/main.tf': `resource "${type}" "default" {\n${body}\n}\n` },
      `${type}.default`,
      {
        product
      }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw)).toEqual(['192.0.2.0/24', '198.51.100.7']);
  });

  it('a Tair instance takes a comma-separated string, not a list', async () => {
    const result = await readModule(
      {
        'infra/main.tf': 'resource "alicloud_redis_tair_instance" "default" {\n  security_ips = ["192.0.2.0/24"]\n}\n'
      },
      'alicloud_redis_tair_instance.default',
      { product: 'redis' }
    );
    expect(rules(result)).toEqual(['invalid-whitelist@infra/main.tf:2:18']);
  });
});
