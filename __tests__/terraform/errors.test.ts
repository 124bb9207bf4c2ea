/** Sources that cannot be read: each is an error with a position and a message saying what was expected. */
import { located, readModule, rules } from './read.js';

const module = {
  'infra/main.tf': `resource "alicloud_db_instance" "orders" {
  security_ips = ["192.0.2.0/24"]
}

resource "alicloud_db_instance" "reports" {
  engine = "PostgreSQL"
}

resource "alicloud_maxcompute_project" "dw" {
  ip_white_list {
    ip_list = "198.51.100.0/24"
  }
  ip_white_list {
    ip_list = "203.0.113.0/24"
  }
}
`
};

describe('errors', () => {
  it('a syntax error is an invalid-whitelist finding at its position', async () => {
    const result = await readModule(
      { 'infra/main.tf': 'resource "alicloud_db_instance" "orders" {\n  security_ips = ["192.0.2.0/24",\n}\n' },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(result.entries).toEqual([]);
    expect(result.addHere).toBeUndefined();
    expect(result.findings).toEqual([
      {
        rule: 'invalid-whitelist',
        severity: 'error',
        message: 'syntax error: unexpected `}`',
        dataSource: 'warehouse',
        file: 'infra/main.tf',
        line: 3,
        column: 1
      }
    ]);
  });

  it('a syntax error in another file of the module counts too (its variables may be lost)', async () => {
    const result = await readModule(
      { ...module, 'infra/variables.tf': 'variable "x" {\n  default = \n' },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(result.findings.map((f) => f.file)).toContain('infra/variables.tf');
    expect(result.entries).toEqual([]);
  });

  it('invalid JSON in a .tf.json file', async () => {
    const result = await readModule(
      { 'infra/main.tf.json': '{\n  "resource": {\n}\n' },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(result.findings[0]).toMatchObject({ rule: 'invalid-whitelist', file: 'infra/main.tf.json' });
    expect(result.findings[0]!.message).toMatch(/invalid JSON/);
  });

  it('a resource that is not found lists the resources of that type', async () => {
    const result = await readModule(module, 'alicloud_db_instance.billing', { product: 'rds' });
    expect(rules(result)).toEqual(['invalid-whitelist@.github/dataworks-whitelist.yml:9:9']);
    expect(result.findings[0]!.message).toBe(
      'resource alicloud_db_instance.billing not found in infra; found: alicloud_db_instance.orders (infra/main.tf:1:1), alicloud_db_instance.reports (infra/main.tf:5:1)'
    );
  });

  it('a resource that sets no whitelist attribute cannot be checked', async () => {
    const result = await readModule(module, 'alicloud_db_instance.reports', { product: 'rds' });
    expect(rules(result)).toEqual(['invalid-whitelist@infra/main.tf:5:1']);
    expect(result.findings[0]!.message).toMatch(/does not set security_ips/);
  });

  it('Hologres has no Terraform whitelist', async () => {
    const result = await readModule(
      { 'infra/main.tf': 'resource "alicloud_hologram_instance" "h" {\n  instance_type = "Standard"\n}\n' },
      'alicloud_hologram_instance.h',
      { product: 'hologres' }
    );
    expect(result.findings[0]!.message).toMatch(/HoloWeb/);
  });

  it('a resource type that is not the product’s asks for the attribute', async () => {
    const result = await readModule(module, 'alicloud_db_instance.orders', { product: 'mongodb' });
    expect(result.findings[0]!.message).toMatch(
      /not a mongodb whitelist resource .*alicloud_mongodb_instance.*ATTRIBUTE/
    );
  });

  it.each([
    ['alicloud_db_instance', /expected TYPE\.NAME/],
    ['alicloud_db_instance.orders.security_ips[0]', /cannot take \[n\]/],
    ['alicloud_db_instance.orders.bad name', /not a block or attribute name/]
  ])('select %s is rejected', async (select, message) => {
    const result = await readModule(module, select, { product: 'rds' });
    expect(rules(result)).toEqual(['invalid-whitelist@.github/dataworks-whitelist.yml:9:9']);
    expect(result.findings[0]!.message).toMatch(message);
  });

  it('a missing select names the candidates', async () => {
    const result = await readModule(module, undefined, { product: 'rds' });
    expect(result.findings[0]!.message).toMatch(
      /needs `select`.*alicloud_db_instance\.orders, alicloud_db_instance\.reports/
    );
  });

  it('a missing file or an empty directory', async () => {
    expect(
      (await readModule(module, 'alicloud_db_instance.orders', { product: 'rds', file: 'nowhere' })).findings[0]!
        .message
    ).toMatch(/no such file or directory/);
    expect(
      (await readModule({ 'docs/a.md': '' }, 'alicloud_db_instance.orders', { product: 'rds', file: 'docs' }))
        .findings[0]!.message
    ).toMatch(/holds no \.tf/);
  });

  it('only removals (modify_mode = "Delete") cannot be checked', async () => {
    const result = await readModule(
      {
        'infra/main.tf':
          'resource "alicloud_db_instance" "orders" {\n  modify_mode  = "Delete"\n  security_ips = ["192.0.2.1"]\n}\n'
      },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(result.entries).toEqual([]);
    expect(result.findings[0]!.message).toMatch(/only removes entries/);
  });
});

describe('explicit select forms', () => {
  it('TYPE.NAME.ATTRIBUTE, TYPE.NAME.BLOCK.ATTRIBUTE (union) and BLOCK[n]', async () => {
    expect(located(await readModule(module, 'alicloud_db_instance.orders.security_ips', { product: 'other' }))).toEqual(
      ['192.0.2.0/24@2:20']
    );
    expect(
      located(await readModule(module, 'alicloud_maxcompute_project.dw.ip_white_list.ip_list', { product: 'other' }))
    ).toEqual(['198.51.100.0/24@11:16', '203.0.113.0/24@14:16']);
    expect(
      located(await readModule(module, 'alicloud_maxcompute_project.dw.ip_white_list[1].ip_list', { product: 'other' }))
    ).toEqual(['203.0.113.0/24@14:16']);
  });

  it('the product table picks [0] for MaxCompute', async () => {
    expect(
      located(await readModule(module, 'alicloud_maxcompute_project.dw', { product: 'maxcompute', network: 'public' }))
    ).toEqual(['198.51.100.0/24@11:16']);
  });
});

describe('syntax error positions', () => {
  it('a missing bracket is reported where it is missing', async () => {
    const result = await readModule(
      {
        'infra/main.tf':
          'resource "alicloud_db_instance" "orders" {\n  security_ips = ["192.0.2.1", "192.0.2.2"\n  engine = "MySQL"\n}\n'
      },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(result.findings.map((f) => `${f.message}@${f.line}:${f.column}`)).toEqual(['syntax error: missing `]`@3:3']);
  });
});
