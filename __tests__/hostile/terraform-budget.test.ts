/**
 * Terraform written to blow up (issue 8 §2): values that double at each step, huge `count`s, `for_each` over
 * doubled sets, `dynamic` blocks. Each read ends at once with an `unresolved` finding at the expression that
 * crossed the evaluation budget, saying which budget.
 */
import { EVALUATION_LIMITS } from '../../src/whitelists/terraform/index.js';
import { readModule } from '../terraform/read.js';

/** Generous for a shared CI machine; each of these ends in a few milliseconds to a few hundred. */
const QUICK_MS = 2_000;

async function timedRead(main: string, select = 'alicloud_db_instance.x', product: 'rds' | 'other' = 'rds') {
  const started = performance.now();
  const result = await readModule({ 'infra/main.tf': main }, select, { product });
  return { result, ms: performance.now() - started };
}

function doublingLocals(steps: number, first: string, step: (previous: string) => string): string[] {
  const lines = ['locals {', `  l0 = ${first}`];
  for (let i = 1; i <= steps; i++) lines.push(`  l${i} = ${step(`local.l${i - 1}`)}`);
  lines.push('}');
  return lines;
}

function only(result: Awaited<ReturnType<typeof timedRead>>['result']) {
  expect(result.entries).toEqual([]);
  expect(result.findings).toHaveLength(1);
  return result.findings[0]!;
}

describe('the Terraform evaluation budget', () => {
  beforeAll(async () => {
    // The parser's one-time load is not part of what is timed.
    await timedRead('resource "alicloud_db_instance" "x" {\n  security_ips = ["192.0.2.0/24"]\n}\n');
  });

  it('the 24-line doubling file ends well under a second, at the concat that crosses the element budget', async () => {
    const lines = [
      ...doublingLocals(22, '["10.0.0.0/24"]', (previous) => `concat(${previous}, ${previous})`),
      'resource "alicloud_db_instance" "x" {',
      '  security_ips = local.l22',
      '}'
    ];
    const { result, ms } = await timedRead(lines.join('\n'));
    expect(ms).toBeLessThan(1_000);
    const finding = only(result);
    expect(finding).toMatchObject({ rule: 'unresolved', severity: 'error', file: 'infra/main.tf' });
    // 2^17 = 131,072 elements first exceeds 100,000: local.l17, on line 19.
    expect([finding.line, finding.column]).toEqual([19, 9]);
    expect(finding.message).toBe(
      'security_ips cannot be evaluated: evaluation exceeds the budget of 100,000 elements in one value (131,072 here)'
    );
    expect(EVALUATION_LIMITS.elements).toBe(100_000);
  });

  it('templates that double their text stop at the character budget', async () => {
    const lines = [
      ...doublingLocals(40, '"192.0.2.0/24,"', (previous) => `"\${${previous}}\${${previous}}"`),
      'resource "alicloud_db_instance" "x" {',
      '  security_ips = [local.l40]',
      '}'
    ];
    const { result, ms } = await timedRead(lines.join('\n'));
    expect(ms).toBeLessThan(QUICK_MS);
    const finding = only(result);
    // 13 characters doubled 17 times (1,703,936) is the first over 1,000,000: local.l17, on line 19.
    expect(finding).toMatchObject({ rule: 'unresolved', line: 19, column: 9 });
    expect(finding.message).toMatch(/exceeds the budget of 1,000,000 characters in one value \(1,703,936 here\)$/);
  });

  it.each([
    ['jsonencode', (p: string) => `jsonencode([${p}, ${p}])`],
    ['flatten', (p: string) => `flatten([${p}, ${p}])`],
    ['distinct', (p: string) => `distinct(concat(${p}, [${p}]))`],
    ['a tuple of itself', (p: string) => `[${p}, ${p}]`]
  ])('%s over doubled values stops at a budget', async (_name, step) => {
    const lines = [
      ...doublingLocals(40, '["192.0.2.0/24"]', step),
      'resource "alicloud_db_instance" "x" {',
      '  security_ips = flatten([local.l40])',
      '}'
    ];
    const { result, ms } = await timedRead(lines.join('\n'));
    expect(ms).toBeLessThan(QUICK_MS);
    const finding = only(result);
    expect(finding.rule).toBe('unresolved');
    expect(finding.line).toBeGreaterThan(2);
    expect(finding.line).toBeLessThanOrEqual(42);
    expect(finding.message).toMatch(
      /evaluation exceeds the budget of [\d,]+ (elements|characters|nested levels|units)/
    );
  });

  it.each([1_000_000_000, 5_000_000])('count = %i ends at once with a finding at the count', async (count) => {
    const { result, ms } = await timedRead(
      `resource "alicloud_db_instance" "x" {\n  count = ${count}\n  security_ips = ["192.0.2.0/24"]\n}\n`
    );
    expect(ms).toBeLessThan(200);
    const finding = only(result);
    expect(finding).toMatchObject({ rule: 'unresolved', file: 'infra/main.tf', line: 2, column: 11 });
    expect(finding.message).toBe(
      `count of alicloud_db_instance.x: evaluation exceeds the budget of 10,000 instances (${count.toLocaleString('en-US')} here)`
    );
  });

  it('a count within the budget still copies the resource', async () => {
    const { result } = await timedRead(
      'resource "alicloud_db_instance" "x" {\n  count = 10000\n  security_ips = ["192.0.2.0/24"]\n}\n'
    );
    expect(result.findings).toEqual([]);
    expect(result.entries).toHaveLength(10_000);
  });

  it('for_each over a doubled set stops at the budget, at the for_each', async () => {
    const lines = [
      ...doublingLocals(16, '["192.0.2.0/24"]', (previous) => `concat(${previous}, ${previous})`),
      'resource "alicloud_security_group_rule" "x" {',
      '  for_each = toset(local.l16)',
      '  type = "ingress"',
      '  ip_protocol = "tcp"',
      '  cidr_ip = each.value',
      '}'
    ];
    // toset() of 65,536 equal strings is one element: the budget is met on the instances of a set that is not.
    const distinct = lines.join('\n').replace('toset(local.l16)', 'local.l16');
    const { result, ms } = await timedRead(distinct, 'alicloud_security_group_rule.x.cidr_ip', 'other');
    expect(ms).toBeLessThan(QUICK_MS);
    const finding = only(result);
    expect(finding).toMatchObject({ rule: 'unresolved', line: 21, column: 14 });
    expect(finding.message).toBe(
      'for_each of alicloud_security_group_rule.x: evaluation exceeds the budget of 10,000 instances (65,536 here)'
    );
  });

  it('dynamic blocks nested over doubled lists stop at the work budget', async () => {
    const lines = [
      ...doublingLocals(13, '["192.0.2.0/24"]', (previous) => `concat(${previous}, ${previous})`),
      'resource "alicloud_polardb_cluster" "x" {',
      '  dynamic "db_cluster_ip_array" {',
      '    for_each = local.l13',
      '    content {',
      '      security_ips = local.l13',
      '    }',
      '  }',
      '}'
    ];
    const started = performance.now();
    const result = await readModule({ 'infra/main.tf': lines.join('\n') }, 'alicloud_polardb_cluster.x', {
      product: 'polardb'
    });
    expect(performance.now() - started).toBeLessThan(QUICK_MS);
    expect(result.entries).toEqual([]);
    expect(result.findings).toHaveLength(1);
    // 8,192 blocks of 8,192 entries each: reading them runs out of the budget, at the attribute's value.
    expect(result.findings[0]).toMatchObject({ rule: 'unresolved', line: 21, column: 22 });
    expect(result.findings[0]!.message).toMatch(
      /^security_ips: evaluation exceeds the budget of (5,000,000 units of work for this module|100,000 entries read from one whitelist source)/
    );
  });

  it('a 10,000-long chain of locals ends at the nesting budget, never a stack overflow', async () => {
    const lines = ['locals {', '  c0 = ["192.0.2.0/24"]'];
    for (let i = 1; i < 10_000; i++) lines.push(`  c${i} = local.c${i - 1}`);
    lines.push('}', 'resource "alicloud_db_instance" "x" {', '  security_ips = local.c9999', '}');
    const { result, ms } = await timedRead(lines.join('\n'));
    expect(ms).toBeLessThan(QUICK_MS);
    const finding = only(result);
    expect(finding.rule).toBe('unresolved');
    expect(finding.message).toBe(
      'security_ips cannot be evaluated: evaluation exceeds the budget of 200 nested levels (expressions within expressions, locals that refer to locals, lists within lists)'
    );
    // Two hundred levels down from the attribute (line 10,004): its traversal, then c9999 (line 10,001) … c9800.
    expect(finding.line).toBe(9_802);
    expect(finding.message).not.toMatch(/Maximum call stack/);
  });

  it('a chain of locals as long as real modules write is read', async () => {
    const lines = ['locals {', '  c0 = ["192.0.2.0/24"]'];
    for (let i = 1; i < 50; i++) lines.push(`  c${i} = concat(local.c${i - 1}, [])`);
    lines.push('}', 'resource "alicloud_db_instance" "x" {', '  security_ips = local.c49', '}');
    const { result } = await timedRead(lines.join('\n'));
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw)).toEqual(['192.0.2.0/24']);
  });
});
