/**
 * Nesting 20,000 to 100,000 levels deep (issue 8 §2), in native syntax (brackets, operators, blocks,
 * templates), in `.tf.json`, in tfvars and in a bucket policy: a finding with its own message at the place
 * where the limit is crossed; never `Maximum call stack size exceeded`.
 */
import { MAX_JSON_DEPTH, MAX_SYNTAX_DEPTH } from '../../src/whitelists/terraform/index.js';
import { readModule } from '../terraform/read.js';

const QUICK_MS = 3_000;

async function timed(files: Record<string, string>, select = 'alicloud_db_instance.x', product = 'rds' as const) {
  const started = performance.now();
  const result = await readModule(files, select, { product });
  const ms = performance.now() - started;
  expect(ms).toBeLessThan(QUICK_MS);
  expect(result.entries).toEqual([]);
  expect(result.findings).toHaveLength(1);
  const finding = result.findings[0]!;
  expect(finding.message).not.toMatch(/Maximum call stack|RangeError|undefined|\[object/);
  return finding;
}

const resource = (value: string): string => `resource "alicloud_db_instance" "x" {\n  security_ips = ${value}\n}\n`;

describe('nesting limits', () => {
  beforeAll(async () => {
    await readModule({ 'infra/main.tf': resource('[]') }, 'alicloud_db_instance.x', { product: 'rds' });
  });

  it.each([20_000, 100_000])('%i nested brackets in a resource', async (depth) => {
    const finding = await timed({
      'infra/main.tf': resource(`${'['.repeat(depth)}"192.0.2.0/24"${']'.repeat(depth)}`)
    });
    expect(finding).toMatchObject({ rule: 'invalid-whitelist', file: 'infra/main.tf', line: 2 });
    expect(finding.message).toBe(
      `this resource block is nested deeper than the limit of ${MAX_SYNTAX_DEPTH.toLocaleString('en-US')} syntax levels; it was not read`
    );
    // The first bracket that is too deep: well inside the line, far before its end.
    expect(finding.column).toBeGreaterThan(100);
    expect(finding.column).toBeLessThan(1_000);
  });

  it('30,000 chained operators', async () => {
    const chain = Array.from({ length: 30_000 }, () => 'true').join(' && ');
    const finding = await timed({ 'infra/main.tf': resource(`${chain} ? ["192.0.2.0/24"] : []`) });
    expect(finding).toMatchObject({ rule: 'invalid-whitelist', line: 2 });
    expect(finding.message).toMatch(/^this resource block is nested deeper than the limit of 1,500 syntax levels/);
  });

  it('20,000 nested templates (beyond what the grammar itself reads: a syntax error, in words)', async () => {
    const depth = 20_000;
    const finding = await timed({ 'infra/main.tf': resource(`[${'"${'.repeat(depth)}"x"${'}"'.repeat(depth)}]`) });
    expect(finding).toMatchObject({ rule: 'invalid-whitelist', line: 3, column: 1 });
    expect(finding.message).toBe('syntax error: the parser cannot read the expression that ends here');
  });

  it('20,000 nested blocks', async () => {
    const depth = 20_000;
    const finding = await timed({
      'infra/main.tf': `resource "alicloud_db_instance" "x" {\n  security_ips = ["192.0.2.0/24"]\n${'  b {\n'.repeat(depth)}${'  }\n'.repeat(depth)}}\n`
    });
    expect(finding).toMatchObject({ rule: 'invalid-whitelist', file: 'infra/main.tf' });
    expect(finding.line).toBeGreaterThan(3);
    expect(finding.line).toBeLessThan(1_000);
  });

  it('deep nesting in terraform.tfvars is a finding on that file', async () => {
    const finding = await timed({
      'infra/main.tf': resource('["192.0.2.0/24"]'),
      'infra/terraform.tfvars': `x = ${'['.repeat(50_000)}"192.0.2.0/24"${']'.repeat(50_000)}\n`
    });
    expect(finding).toMatchObject({ rule: 'invalid-whitelist', file: 'infra/terraform.tfvars', line: 1 });
    expect(finding.message).toBe('this file is nested deeper than the limit of 1,500 syntax levels; it was not read');
  });

  it.each([50_000, 100_000])('%i nested arrays in a .tf.json file', async (depth) => {
    const json = `{"resource": {"alicloud_db_instance": {"x": {"security_ips": ${'['.repeat(depth)}"192.0.2.0/24"${']'.repeat(depth)}}}}}`;
    const finding = await timed({ 'infra/main.tf.json': json });
    // Three objects and the attribute's own array open before the brackets that count: "[" number 497 is the 501st level.
    const expectedColumn = json.indexOf('[') + MAX_JSON_DEPTH - 4 + 1;
    expect(finding).toEqual(
      expect.objectContaining({
        rule: 'invalid-whitelist',
        file: 'infra/main.tf.json',
        line: 1,
        column: expectedColumn
      })
    );
    expect(finding.message).toBe('this file is nested deeper than the limit of 500 levels; it was not read');
  });

  it('brackets inside JSON strings do not count as nesting', async () => {
    const result = await readModule(
      {
        'infra/main.tf.json': `{"resource": {"alicloud_db_instance": {"x": {"security_ips": ["192.0.2.0/24"], "description": "${'[{'.repeat(1_000)}\\"]"}}}}`
      },
      'alicloud_db_instance.x',
      { product: 'rds' }
    );
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw)).toEqual(['192.0.2.0/24']);
  });

  it('a heredoc bucket policy nested 100,000 levels deep', async () => {
    const policy = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const finding = await timed(
      {
        'infra/main.tf': `resource "alicloud_oss_bucket_policy" "x" {\n  policy = <<EOT\n${policy}\nEOT\n}\n`
      },
      'alicloud_oss_bucket_policy.x',
      'oss' as 'rds'
    );
    expect(finding).toMatchObject({ rule: 'invalid-whitelist', line: 2 });
    expect(finding.message).toBe('policy: the bucket policy nests deeper than the limit of 500 levels');
  });

  it('nesting as deep as real modules write is read', async () => {
    const value = `${'['.repeat(30)}"192.0.2.0/24"${']'.repeat(30)}`;
    const result = await readModule({ 'infra/main.tf': resource(`flatten(${value})`) }, 'alicloud_db_instance.x', {
      product: 'rds'
    });
    expect(result.findings).toEqual([]);
    expect(result.entries.map((entry) => entry.raw)).toEqual(['192.0.2.0/24']);
  });
});
