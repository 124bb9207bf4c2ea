/**
 * Issue 9 §2: a security-group rule with `prefix_list_id` is followed into the `alicloud_ecs_prefix_list` of the
 * module, under the rule's own direction, policy and ports. Fixtures modelled on the provider's examples of
 * `alicloud_ecs_prefix_list` and `alicloud_security_group_rule`.
 */
import { located, readModule, rules } from './read.js';

const prefixList = `resource "alicloud_ecs_prefix_list" "default" {
  address_family   = "IPv4"
  max_entries      = 2
  prefix_list_name = "tftest"
  description      = "description"
  entry {
    cidr        = "192.0.2.0/24"
    description = "description"
  }
  entry {
    cidr        = "198.51.100.7"
    description = "description"
  }
}
`;

function rule(fields: string): string {
  return `${prefixList}
resource "alicloud_security_group" "default" {
  security_group_name = "default"
}

resource "alicloud_security_group_rule" "allow" {
  security_group_id = alicloud_security_group.default.id
${fields}
}
`;
}

const INGRESS = `  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "3306/3306"
  priority          = 1`;

const select = 'alicloud_security_group_rule.allow';
const options = { product: 'ecs-security-group' as const, port: 3306 };

describe('security-group rules with prefix_list_id', () => {
  it('an ingress rule admits the entries of the prefix list it names', async () => {
    const result = await readModule(
      { 'infra/main.tf': rule(`${INGRESS}\n  prefix_list_id    = alicloud_ecs_prefix_list.default.id`) },
      select,
      options
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['192.0.2.0/24@7:20', '198.51.100.7@11:20']);
    // A missing block is added to the prefix list.
    expect(result.addHere).toMatchObject({ file: 'infra/main.tf', line: 7, column: 5 });
  });

  it.each([
    ['an egress rule', INGRESS.replace('"ingress"', '"egress"')],
    ['a drop rule', INGRESS.replace('"accept"', '"drop"')],
    ['a rule for other ports', INGRESS.replace('3306/3306', '22/22')],
    ['a UDP rule', INGRESS.replace('"tcp"', '"udp"')]
  ])('%s admits nothing from its prefix list', async (_, fields) => {
    const result = await readModule(
      { 'infra/main.tf': rule(`${fields}\n  prefix_list_id    = alicloud_ecs_prefix_list.default.id`) },
      select,
      options
    );
    expect(result.findings).toEqual([]);
    expect(result.entries).toEqual([]);
  });

  it('entries from dynamic blocks and locals are followed too', async () => {
    const files = {
      'infra/main.tf': `locals {
  office = ["203.0.113.0/25", "203.0.113.128/25"]
}

resource "alicloud_ecs_prefix_list" "office" {
  address_family   = "IPv4"
  max_entries      = 10
  prefix_list_name = "office"
  dynamic "entry" {
    for_each = local.office
    content {
      cidr = entry.value
    }
  }
}

resource "alicloud_security_group_rule" "allow" {
  type              = "ingress"
  ip_protocol       = "all"
  security_group_id = "sg-123"
  prefix_list_id    = alicloud_ecs_prefix_list.office.id
}
`
    };
    const result = await readModule(files, select, options);
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw)).toEqual(['203.0.113.0/25', '203.0.113.128/25']);
  });

  it.each([
    ['a literal id', '"pl-bp1abcdefgh"'],
    ['a variable', 'var.prefix_list'],
    ['a data source', 'data.alicloud_ecs_prefix_lists.default.lists[0].id'],
    ['a prefix list that is not in the module', 'alicloud_ecs_prefix_list.elsewhere.id']
  ])('%s cannot be resolved offline: unresolved at prefix_list_id', async (_, reference) => {
    const result = await readModule(
      {
        'infra/main.tf': rule(`${INGRESS}\n  prefix_list_id    = ${reference}`),
        'infra/variables.tf': 'variable "prefix_list" {\n  default = "pl-bp1abcdefgh"\n}\n'
      },
      select,
      options
    );
    expect(rules(result)).toEqual(['unresolved@infra/main.tf:28:23']);
    expect(result.findings[0]!.message).toMatch(/^prefix_list_id of alicloud_security_group_rule\.allow: /);
    expect(result.entries).toEqual([]);
  });

  it('a prefix list with count is not followed: unresolved', async () => {
    const files = {
      'infra/main.tf': rule(`${INGRESS}\n  prefix_list_id    = alicloud_ecs_prefix_list.default[0].id`).replace(
        '  address_family   = "IPv4"',
        '  count            = 1\n  address_family   = "IPv4"'
      )
    };
    const result = await readModule(files, select, options);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['unresolved']);
    expect(result.findings[0]!.message).toContain('has count or for_each');
  });

  it('selecting the prefix list itself reads its entries', async () => {
    const result = await readModule({ 'infra/main.tf': prefixList }, 'alicloud_ecs_prefix_list.default', options);
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['192.0.2.0/24@7:20', '198.51.100.7@11:20']);
  });

  it('a rule with count and a prefix list that cannot be resolved: one finding, not one per copy', async () => {
    const result = await readModule(
      { 'infra/main.tf': rule(`  count             = 3\n${INGRESS}\n  prefix_list_id    = "pl-bp1abcdefgh"`) },
      select,
      options
    );
    expect(rules(result)).toEqual(['unresolved@infra/main.tf:29:23']);
  });

  it('an attribute selected by name is read alone: the prefix list is not followed', async () => {
    const result = await readModule(
      {
        'infra/main.tf': rule(
          `${INGRESS}\n  cidr_ip           = "203.0.113.9"\n  prefix_list_id    = alicloud_ecs_prefix_list.default.id`
        )
      },
      `${select}.cidr_ip`,
      options
    );
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw)).toEqual(['203.0.113.9']);
  });
});
