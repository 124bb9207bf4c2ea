/**
 * Names that JavaScript objects already have (`__proto__`, `constructor`, `toString`, `valueOf`,
 * `hasOwnProperty`) are ordinary Terraform names (issue 8 §4): as locals, variables, object and map keys,
 * `for_each` keys, block types and function names. Never `[object Object]` or `function Object()`.
 */
import { located, readModule } from '../terraform/read.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;
const JAVASCRIPT = /\[object |native code|function Object|undefined|NaN/;

describe.each(NAMES)('the name %s', (name) => {
  it('as a local, a variable, an object key and a map key resolves to its own value', async () => {
    const result = await readModule(
      {
        'infra/main.tf': `locals {
  ${name} = ["192.0.2.0/24"]
  keyed = { ${name} = "198.51.100.0/24" }
  quoted = { "${name}" = "203.0.113.0/24" }
}

variable "${name}" {
  default = "203.0.113.128/25"
}

resource "alicloud_db_instance" "x" {
  security_ips = concat(local.${name}, [local.keyed.${name}, local.quoted["${name}"], var.${name}])
}
`
      },
      'alicloud_db_instance.x',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual([
      '192.0.2.0/24@2:' + (name.length + 8),
      '198.51.100.0/24@3:' + (name.length + 17),
      '203.0.113.0/24@4:' + (name.length + 20),
      '203.0.113.128/25@8:14'
    ]);
  });

  it('an undeclared one is unresolved, in words', async () => {
    const result = await readModule(
      {
        'infra/main.tf': `locals {
  m = { a = "192.0.2.0/24" }
}

resource "alicloud_db_instance" "x" {
  security_ips = [local.${name}, var.${name}, local.m.${name}, local.m["${name}"], ${name}.x, ${name}()]
}
`
      },
      'alicloud_db_instance.x',
      { product: 'rds' }
    );
    expect(result.entries).toEqual([]);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ rule: 'unresolved', line: 6, column: 19 });
    expect(finding!.message).toBe(`security_ips cannot be evaluated: local.${name} is not defined in infra`);
    expect(finding!.message).not.toMatch(JAVASCRIPT);
  });

  it.each([
    ['var', (n: string) => `var.${n}`, (n: string) => `var.${n} is not declared in infra`],
    ['an object key', (n: string) => `local.m.${n}`, (n: string) => `local.m has no attribute \`${n}\``],
    ['a map key', (n: string) => `local.m["${n}"]`, (n: string) => `local.m has no key "${n}"`],
    ['a reference root', (n: string) => `${n}.x`, (n: string) => `${n}.x`],
    ['a function', (n: string) => `${n}("a")`, (n: string) => `function ${n}() is not evaluated statically`]
  ])('missing as %s: a message that names it', async (_what, expression, expected) => {
    const result = await readModule(
      {
        'infra/main.tf': `locals {\n  m = { a = "192.0.2.0/24" }\n}\n\nresource "alicloud_db_instance" "x" {\n  security_ips = [${expression(name)}]\n}\n`
      },
      'alicloud_db_instance.x',
      { product: 'rds' }
    );
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain(expected(name));
    expect(result.findings[0]!.message).not.toMatch(JAVASCRIPT);
  });

  it('as a for_each key and a .tf.json block type', async () => {
    const result = await readModule(
      {
        'infra/main.tf': `resource "alicloud_security_group_rule" "x" {
  for_each    = { ${name} = "192.0.2.0/24" }
  type        = "ingress"
  ip_protocol = "tcp"
  cidr_ip     = each.value
  description = each.key
}
`,
        'infra/extra.tf.json': `{"${name}": {"a": {}}, "resource": {"alicloud_db_instance": {"${name}": {"security_ips": ["198.51.100.0/24"]}}}}`
      },
      'alicloud_security_group_rule.x',
      { product: 'ecs-security-group' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['192.0.2.0/24@2:' + (name.length + 23)]);

    const json = await readModule(
      {
        'infra/extra.tf.json': `{"${name}": {"a": {}}, "resource": {"alicloud_db_instance": {"${name}": {"security_ips": ["198.51.100.0/24"]}}}}`
      },
      `alicloud_db_instance.${name === '__proto__' ? '__proto__' : name}`,
      { product: 'rds' }
    );
    expect(json.findings).toEqual([]);
    expect(json.entries.map((entry) => entry.raw)).toEqual(['198.51.100.0/24']);
  });
});
