/**
 * HCL number literals in every valid notation (issue 8 §4): `1e3`, `1E3`, `1.0e3`, `1e+3`, `1e-0`. tree-sitter's
 * grammar wants a fraction before an exponent; the reader reads them anyway, at the right positions, and
 * leaves number-like text in strings, comments and heredocs alone.
 */
import { located, readModule } from '../terraform/read.js';

const rule = (count: string): string => `# count = 1e3 in a comment is not a number
resource "alicloud_security_group_rule" "x" {
  count       = ${count}
  type        = "ingress"
  ip_protocol = "tcp"
  port_range  = "1e3/2E3"
  cidr_ip     = "192.0.2.0/24"
  description = <<EOT
1e3 in a heredoc
EOT
}
`;

describe('number literals', () => {
  it.each([
    ['3', 3],
    ['3e0', 3],
    ['3E0', 3],
    ['3.0e0', 3],
    ['3e+0', 3],
    ['30e-1', 3],
    ['0.3e1', 3],
    ['1e1', 10],
    ['1E1', 10]
  ])('count = %s makes %i instances', async (literal, instances) => {
    const result = await readModule({ 'infra/main.tf': rule(literal) }, 'alicloud_security_group_rule.x.cidr_ip', {
      product: 'ecs-security-group'
    });
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(Array.from({ length: instances }, () => '192.0.2.0/24@7:18'));
  });

  it('`count = 1e3` is no syntax error (it was one, on the wrong line)', async () => {
    const result = await readModule({ 'infra/main.tf': rule('1e3') }, 'alicloud_security_group_rule.x.cidr_ip', {
      product: 'ecs-security-group'
    });
    expect(result.findings).toEqual([]);
    expect(result.entries).toHaveLength(1000);
  });

  it('text that looks like a number in strings stays as written', async () => {
    const result = await readModule(
      {
        'infra/main.tf': `locals {\n  n = 2e0\n}\nresource "alicloud_db_instance" "x" {\n  security_ips = ["192.0.2.0/24", "1e3", "\${local.n}"]\n}\n`
      },
      'alicloud_db_instance.x',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(located(result)).toEqual(['192.0.2.0/24@5:20', '1e3@5:36', '2@2:7']);
  });

  it('an exponent in a file with a real syntax error: the same findings as with the number in digits', async () => {
    const file = (count: string): Record<string, string> => ({
      'infra/main.tf': `resource "alicloud_db_instance" "x" {\n  count = ${count}\n  security_ips = ["192.0.2.0/24",\n}\n`
    });
    const written = await readModule(file('1e3'), 'alicloud_db_instance.x', { product: 'rds' });
    const digits = await readModule(file('1000'), 'alicloud_db_instance.x', { product: 'rds' });
    expect(written.findings.length).toBeGreaterThan(0);
    expect(written.findings).toEqual(digits.findings);
    expect(written.findings.map((finding) => finding.line)).not.toContain(2);
  });

  it('a number too large for evaluation is unresolved, never Infinity', async () => {
    const result = await readModule(
      {
        'infra/main.tf': `resource "alicloud_db_instance" "x" {\n  count = 1e999\n  security_ips = ["192.0.2.0/24"]\n}\n`
      },
      'alicloud_db_instance.x',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'unresolved',
        line: 2,
        column: 11,
        message: 'count of alicloud_db_instance.x cannot be evaluated: a number this large is not evaluated statically'
      })
    ]);
  });

  it('exponents in .tf.json', async () => {
    const result = await readModule(
      {
        'infra/main.tf.json': `{"resource": {"alicloud_db_instance": {"x": {"count": 2E0, "security_ips": ["192.0.2.0/24"]}}}}`
      },
      'alicloud_db_instance.x',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries).toHaveLength(2);
  });
});
