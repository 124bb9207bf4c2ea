/**
 * `*_override.tf` files merged as Terraform merges them (issue 9 §2;
 * https://developer.hashicorp.com/terraform/language/files/override): after the normal files, in lexical order;
 * arguments replace arguments, nested blocks replace every block of their type, locals one by one; what is read
 * from an override file is positioned there. Fixtures modelled on the provider's examples.
 */
import { located, readModule, rules } from './read.js';

const polardb = `resource "alicloud_polardb_cluster" "default" {
  db_type       = "MySQL"
  db_version    = "8.0"
  db_node_class = "polar.mysql.x4.large"
  pay_type      = "PostPaid"
  description   = "terraform-example"
  db_cluster_ip_array {
    db_cluster_ip_array_name = "default"
    security_ips             = ["192.0.2.1"]
  }
  db_cluster_ip_array {
    db_cluster_ip_array_name = "office"
    security_ips             = ["192.0.2.2"]
  }
}
`;

const rds = `variable "office" {
  default = ["192.0.2.0/24"]
}

locals {
  vpn = "198.51.100.7"
}

resource "alicloud_db_instance" "example" {
  engine           = "MySQL"
  engine_version   = "5.6"
  instance_type    = "rds.mysql.s2.large"
  instance_storage = "30"
  security_ips     = concat(var.office, [local.vpn])
}
`;

describe('override files', () => {
  it('an argument in an override file replaces the original, positioned in the override file', async () => {
    const result = await readModule(
      {
        'infra/main.tf': rds,
        'infra/main_override.tf': `resource "alicloud_db_instance" "example" {
  security_ips = ["203.0.113.0/24"]
}
`
      },
      'alicloud_db_instance.example',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['203.0.113.0/24@infra/main_override.tf:2:20']);
    expect(result.addHere).toEqual({ file: 'infra/main_override.tf', line: 2, column: 3 });
  });

  it('arguments the override leaves out stay; variables and locals are overridden too', async () => {
    const result = await readModule(
      {
        'infra/main.tf': rds,
        'infra/override.tf': `variable "office" {
  default = ["203.0.113.0/25"]
}

locals {
  vpn = "203.0.113.200"
}

resource "alicloud_db_instance" "example" {
  instance_storage = "50"
}
`
      },
      'alicloud_db_instance.example',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['203.0.113.0/25@infra/override.tf:2:15', '203.0.113.200@infra/override.tf:6:10']);
  });

  it('nested blocks of a type replace every block of that type, and are not merged', async () => {
    const result = await readModule(
      {
        'infra/main.tf': polardb,
        'infra/dw_override.tf': `resource "alicloud_polardb_cluster" "default" {
  db_cluster_ip_array {
    db_cluster_ip_array_name = "dataworks"
    security_ips             = ["198.51.100.0/24"]
  }
}
`
      },
      'alicloud_polardb_cluster.default',
      { product: 'polardb' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['198.51.100.0/24@infra/dw_override.tf:4:34']);
  });

  it('a dynamic block in the override replaces the static blocks of its type', async () => {
    const result = await readModule(
      {
        'infra/main.tf': polardb,
        'infra/dw_override.tf': `resource "alicloud_polardb_cluster" "default" {
  dynamic "db_cluster_ip_array" {
    for_each = ["198.51.100.0/25", "198.51.100.128/25"]
    content {
      db_cluster_ip_array_name = "dw\${db_cluster_ip_array.key}"
      security_ips             = [db_cluster_ip_array.value]
    }
  }
}
`
      },
      'alicloud_polardb_cluster.default',
      { product: 'polardb' }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => `${entry.raw}@${entry.file}`)).toEqual([
      '198.51.100.0/25@infra/dw_override.tf',
      '198.51.100.128/25@infra/dw_override.tf'
    ]);
  });

  it('several override files apply in lexical order of their names: the last one wins', async () => {
    const override = (cidr: string): string => `resource "alicloud_db_instance" "example" {
  security_ips = ["${cidr}"]
}
`;
    const result = await readModule(
      {
        'infra/main.tf': rds,
        // Listed out of order on purpose: the order is the names', not the listing's.
        'infra/b_override.tf': override('203.0.113.2'),
        'infra/override.tf': override('203.0.113.3'),
        'infra/a_override.tf': override('203.0.113.1')
      },
      'alicloud_db_instance.example',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['203.0.113.3@infra/override.tf:2:20']);
  });

  it('an override file in JSON syntax merges into a native one', async () => {
    const result = await readModule(
      {
        'infra/main.tf': rds,
        'infra/generated_override.tf.json': JSON.stringify(
          { resource: { alicloud_db_instance: { example: { security_ips: ['203.0.113.0/24'] } } } },
          null,
          2
        )
      },
      'alicloud_db_instance.example',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => `${entry.raw}@${entry.file}`)).toEqual([
      '203.0.113.0/24@infra/generated_override.tf.json'
    ]);
  });

  it('the override of one resource leaves the others alone; the same address is not "declared more than once"', async () => {
    const files = {
      'infra/main.tf': `${rds}
resource "alicloud_db_instance" "other" {
  security_ips = ["198.51.100.0/24"]
}
`,
      'infra/main_override.tf': `resource "alicloud_db_instance" "example" {
  security_ips = ["203.0.113.0/24"]
}
`
    };
    const other = await readModule(files, 'alicloud_db_instance.other', { product: 'rds' });
    expect(other.findings).toEqual([]);
    expect(located(other)).toEqual(['198.51.100.0/24@18:20']);
  });

  it.each([
    ['a resource', 'resource "alicloud_db_instance" "elsewhere" {\n  security_ips = ["203.0.113.0/24"]\n}\n', 1, 1],
    ['a variable', 'variable "nowhere" {\n  default = []\n}\n', 1, 1],
    ['a local value', 'locals {\n  nowhere = 1\n}\n', 2, 3]
  ])('%s that overrides nothing stops the read, as Terraform refuses the module', async (_, text, line, column) => {
    const result = await readModule(
      { 'infra/main.tf': rds, 'infra/main_override.tf': text },
      'alicloud_db_instance.example',
      { product: 'rds' }
    );
    expect(rules(result)).toEqual([`invalid-whitelist@infra/main_override.tf:${line}:${column}`]);
    expect(result.findings[0]!.message).toMatch(/in main_override\.tf overrides nothing/);
    expect(result.entries).toEqual([]);
  });

  it('a file whose name only ends in "override.tf" without the underscore is a normal file', async () => {
    const result = await readModule(
      {
        'infra/main.tf': rds,
        'infra/dontoverride.tf': `resource "alicloud_db_instance" "example" {
  security_ips = ["203.0.113.0/24"]
}
`
      },
      'alicloud_db_instance.example',
      { product: 'rds' }
    );
    expect(result.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('is declared more than once')
    ]);
  });
});
