/** Static evaluation: variables and tfvars, locals, every supported function, for_each, and what stays unresolved. */
import { located, readModule, rules } from './read.js';

const rds = (securityIps: string, extra = ''): Record<string, string> => ({
  'infra/main.tf': `${extra}resource "alicloud_db_instance" "orders" {\n  security_ips = ${securityIps}\n}\n`
});

describe('variables', () => {
  const module = {
    'infra/variables.tf': 'variable "cidrs" {\n  default = ["192.0.2.0/24"]\n}\n',
    'infra/main.tf': 'resource "alicloud_db_instance" "orders" {\n  security_ips = var.cidrs\n}\n'
  };

  it('uses the default where it is written', async () => {
    expect(located(await readModule(module, 'alicloud_db_instance.orders', { product: 'rds' }))).toEqual([
      '192.0.2.0/24@infra/variables.tf:2:15'
    ]);
  });

  it('terraform.tfvars overrides the default, *.auto.tfvars (in name order) override terraform.tfvars', async () => {
    const withTfvars = { ...module, 'infra/terraform.tfvars': 'cidrs = ["198.51.100.0/24"]\n' };
    expect(located(await readModule(withTfvars, 'alicloud_db_instance.orders', { product: 'rds' }))).toEqual([
      '198.51.100.0/24@infra/terraform.tfvars:1:11'
    ]);
    const withAuto = {
      ...withTfvars,
      'infra/b.auto.tfvars': 'cidrs = ["203.0.113.2"]\n',
      'infra/a.auto.tfvars': 'cidrs = ["203.0.113.1"]\n'
    };
    expect(located(await readModule(withAuto, 'alicloud_db_instance.orders', { product: 'rds' }))).toEqual([
      '203.0.113.2@infra/b.auto.tfvars:1:11'
    ]);
  });

  it("the source's tfvars files (relative to the root) come last, in order", async () => {
    const files = {
      ...module,
      'infra/x.auto.tfvars': 'cidrs = ["203.0.113.1"]\n',
      'env/prod.tfvars': 'cidrs = ["203.0.113.7", "203.0.113.8"]\n',
      'env/prod.tfvars.json': '{\n  "cidrs": ["203.0.113.9"]\n}\n'
    };
    expect(
      located(await readModule(files, 'alicloud_db_instance.orders', { product: 'rds', tfvars: ['env/prod.tfvars'] }))
    ).toEqual(['203.0.113.7@env/prod.tfvars:1:11', '203.0.113.8@env/prod.tfvars:1:26']);
    const json = await readModule(files, 'alicloud_db_instance.orders', {
      product: 'rds',
      tfvars: ['env/prod.tfvars', 'env/prod.tfvars.json']
    });
    expect(located(json)).toEqual(['203.0.113.9@env/prod.tfvars.json:2:14']);
  });

  it('a missing tfvars file is an error at the source', async () => {
    const result = await readModule(module, 'alicloud_db_instance.orders', {
      product: 'rds',
      tfvars: ['env/none.tfvars']
    });
    expect(rules(result)).toEqual(['invalid-whitelist@.github/dataworks-whitelist.yml:9:9']);
    expect(result.findings[0]!.message).toContain('env/none.tfvars');
    expect(result.entries).toEqual([]);
  });

  it('a variable without a value is unresolved where it is used', async () => {
    const result = await readModule(
      {
        'infra/main.tf':
          'variable "cidrs" {}\nresource "alicloud_db_instance" "orders" {\n  security_ips = var.cidrs\n}\n'
      },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(rules(result)).toEqual(['unresolved@infra/main.tf:3:18']);
    expect(result.findings[0]!.message).toMatch(/var\.cidrs has no default/);
  });
});

describe('values', () => {
  it('strings with escapes keep the columns of what follows', async () => {
    const result = await readModule(
      {
        'infra/main.tf':
          'resource "alicloud_rds_whitelist_template" "t" {\n  ip_white_list = "\\u0031\\u0039\\u0032.0.2.1,198.51.100.7"\n}\n'
      },
      'alicloud_rds_whitelist_template.t',
      { product: 'rds' }
    );
    expect(located(result)).toEqual(['192.0.2.1@2:20', '198.51.100.7@2:45']);
  });

  it('a heredoc without indentation stripping', async () => {
    const module = {
      'infra/main.tf':
        'resource "alicloud_rds_whitelist_template" "t" {\n  ip_white_list = <<EOT\n192.0.2.1, 192.0.2.2\n  192.0.2.3\nEOT\n}\n'
    };
    expect(located(await readModule(module, 'alicloud_rds_whitelist_template.t', { product: 'rds' }))).toEqual([
      '192.0.2.1@3:1',
      '192.0.2.2@3:12',
      '192.0.2.3@4:3'
    ]);
  });

  it('a list where the set is expected, a comma string where the string is expected (MongoDB)', async () => {
    const module = {
      'infra/main.tf': `resource "alicloud_mongodb_instance" "m" {
  security_ip_list = "192.0.2.1,192.0.2.2"
  security_ip_groups {
    security_ip_group_name = "dw"
    security_ip_list       = ["198.51.100.1"]
  }
}
`
    };
    const result = await readModule(module, 'alicloud_mongodb_instance.m', { product: 'mongodb' });
    expect(rules(result)).toEqual(['invalid-whitelist@infra/main.tf:2:22', 'invalid-whitelist@infra/main.tf:5:30']);
    expect(result.findings[0]!.message).toMatch(/a list of strings/);
    expect(result.findings[1]!.message).toMatch(/comma-separated string/);
  });
});

describe('functions', () => {
  // Locals and variables live in their own file; the expression is on line 2 of main.tf from column 18.
  const locals = [
    'locals {',
    '  net = "192.0.2"',
    '  host = 9',
    '  lists = [["198.51.100.1"], ["198.51.100.2"]]',
    '}',
    'variable "prod" {',
    '  default = true',
    '}',
    ''
  ].join('\n');
  /** Where `"literal"` (the nth occurrence) is written in the expression: the column of its first character. */
  const inExpression = (expression: string, literal: string, nth = 0): string => {
    let index = -1;
    for (let i = 0; i <= nth; i++) index = expression.indexOf(`"${literal}`, index + 1);
    return `infra/main.tf:2:${18 + index + 1}`;
  };
  const cases: [string, string, (expression: string) => string[]][] = [
    [
      'concat',
      'concat(["192.0.2.1"], ["192.0.2.2"], [])',
      (e) => [`192.0.2.1@${inExpression(e, '192.0.2.1')}`, `192.0.2.2@${inExpression(e, '192.0.2.2')}`]
    ],
    [
      'distinct',
      'distinct(["192.0.2.1", "192.0.2.1", "192.0.2.2"])',
      (e) => [`192.0.2.1@${inExpression(e, '192.0.2.1')}`, `192.0.2.2@${inExpression(e, '192.0.2.2')}`]
    ],
    [
      'flatten',
      'flatten([["192.0.2.1"], [["192.0.2.2"]]])',
      (e) => [`192.0.2.1@${inExpression(e, '192.0.2.1')}`, `192.0.2.2@${inExpression(e, '192.0.2.2')}`]
    ],
    [
      'compact',
      'compact(["192.0.2.1", "", null, "192.0.2.2"])',
      (e) => [`192.0.2.1@${inExpression(e, '192.0.2.1')}`, `192.0.2.2@${inExpression(e, '192.0.2.2')}`]
    ],
    ['toset', 'toset(["192.0.2.2", "192.0.2.2"])', (e) => [`192.0.2.2@${inExpression(e, '192.0.2.2')}`]],
    ['tolist', 'tolist(toset(["192.0.2.1"]))', (e) => [`192.0.2.1@${inExpression(e, '192.0.2.1')}`]],
    [
      'split',
      'split(";", "192.0.2.1;192.0.2.2")',
      (e) => [
        `192.0.2.1@${inExpression(e, '192.0.2.1')}`,
        `192.0.2.2@infra/main.tf:2:${18 + e.indexOf(';192.0.2.2') + 1}`
      ]
    ],
    [
      'join',
      '[join(",", ["192.0.2.1", "192.0.2.2"])]',
      (e) => [`192.0.2.1@${inExpression(e, '192.0.2.1')}`, `192.0.2.2@${inExpression(e, '192.0.2.2')}`]
    ],
    [
      'a template of resolved values',
      '["${local.net}.0/24", "192.0.2.${local.host}"]',
      (e) => ['192.0.2.0/24@infra/locals.tf:2:10', `192.0.2.9@${inExpression(e, '192.0.2.')}`]
    ],
    [
      'expanding arguments (...)',
      'concat(local.lists...)',
      () => ['198.51.100.1@infra/locals.tf:4:14', '198.51.100.2@infra/locals.tf:4:32']
    ],
    ['an index into a resolved list', '[local.lists[1][0]]', () => ['198.51.100.2@infra/locals.tf:4:32']],
    [
      'a conditional on a variable',
      'var.prod ? ["192.0.2.1"] : []',
      (e) => [`192.0.2.1@${inExpression(e, '192.0.2.1')}`]
    ],
    ['tostring of a number', '[tostring(local.host)]', () => ['9@infra/locals.tf:3:10']]
  ];

  it.each(cases)('%s', async (_name, expression, expected) => {
    const result = await readModule({ ...rds(expression), 'infra/locals.tf': locals }, 'alicloud_db_instance.orders', {
      product: 'rds'
    });
    expect(result.findings).toEqual([]);
    expect(result.entries.map((e) => `${e.raw}@${e.file}:${e.line}:${e.column}`)).toEqual(expected(expression));
  });
});

describe('what stays unresolved (never an empty list)', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a data source',
      'data.alicloud_vswitches.dw.vswitches[0].cidr_block',
      /data sources are read only when Terraform runs/
    ],
    ['a module output', 'module.network.dataworks_cidrs', /module outputs/],
    ['count.index', '[var.cidrs[count.index]]', /count-indexed/],
    ['an unknown function', 'cidrsubnets("192.0.2.0/24", 2)', /function cidrsubnets\(\) is not evaluated/],
    ["another resource's attribute", '[alicloud_vswitch.dw.cidr_block]', /another resource's attributes/],
    ['a for expression', '[for c in var.cidrs : c]', /`for` expression/],
    ['an undeclared variable', 'var.nope', /var\.nope is not declared/],
    ['an undefined local', 'local.nope', /local\.nope is not defined/]
  ];

  it.each(cases)('%s', async (_name, expression, message) => {
    const result = await readModule(
      rds(expression, 'variable "cidrs" {\n  default = ["192.0.2.0/24"]\n}\n'),
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      rule: 'unresolved',
      severity: 'error',
      dataSource: 'warehouse',
      file: 'infra/main.tf',
      line: 5
    });
    expect(result.findings[0]!.message).toMatch(message);
  });

  it('points at the sub-expression that cannot be evaluated', async () => {
    const result = await readModule(rds('concat(["192.0.2.1"], data.x.y.list)'), 'alicloud_db_instance.orders', {
      product: 'rds'
    });
    expect(rules(result)).toEqual(['unresolved@infra/main.tf:2:40']);
  });

  it('a local that refers to itself', async () => {
    const result = await readModule(
      rds('local.a', 'locals {\n  a = local.b\n  b = local.a\n}\n'),
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(result.findings[0]).toMatchObject({ rule: 'unresolved', line: 3 });
    expect(result.findings[0]!.message).toMatch(/local\.a refers to itself/);
  });
});

describe('for_each, count and dynamic blocks', () => {
  it('for_each over a map reads each.value attributes', async () => {
    const module = {
      'infra/main.tf': `locals {
  sources = {
    vsw_a = { cidr = "192.0.2.0/24" }
    vsw_b = { cidr = "198.51.100.0/24" }
  }
}
resource "alicloud_security_group_rule" "dw" {
  for_each    = local.sources
  type        = "ingress"
  ip_protocol = "tcp"
  port_range  = "3000/4000"
  cidr_ip     = each.value.cidr
}
`
    };
    const result = await readModule(module, 'alicloud_security_group_rule.dw', {
      product: 'ecs-security-group',
      port: 3306
    });
    expect(located(result)).toEqual(['192.0.2.0/24@3:23', '198.51.100.0/24@4:23']);
  });

  it('count = 0 declares nothing; an unresolvable count is unresolved', async () => {
    const zero = await readModule(
      {
        'infra/main.tf':
          'resource "alicloud_db_instance" "orders" {\n  count        = 0\n  security_ips = ["192.0.2.1"]\n}\n'
      },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(zero.entries).toEqual([]);
    expect(zero.findings).toEqual([]);
    const unknown = await readModule(
      {
        'infra/main.tf':
          'resource "alicloud_db_instance" "orders" {\n  count        = length(data.x.y.ids)\n  security_ips = ["192.0.2.1"]\n}\n'
      },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(rules(unknown)).toEqual(['unresolved@infra/main.tf:2:18']);
  });

  it('dynamic blocks expand with their iterator', async () => {
    const module = {
      'infra/main.tf': `variable "groups" {
  default = {
    dataworks = ["192.0.2.0/24"]
    office    = ["203.0.113.0/28"]
  }
}
resource "alicloud_polardb_cluster" "warehouse" {
  dynamic "db_cluster_ip_array" {
    for_each = var.groups
    content {
      db_cluster_ip_array_name = db_cluster_ip_array.key
      security_ips             = db_cluster_ip_array.value
    }
  }
}
`
    };
    const result = await readModule(module, 'alicloud_polardb_cluster.warehouse', { product: 'polardb' });
    expect(located(result)).toEqual(['192.0.2.0/24@3:19', '203.0.113.0/28@4:19']);
  });
});
