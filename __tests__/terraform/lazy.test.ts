/**
 * A block's body is converted only when a read uses it (from the file's retained tree, or parsed again from its
 * own text once that tree is freed). What is not selected
 * contributes nothing, whether or not it could be evaluated; what is selected reads exactly as before, at the
 * positions of the file, also when the parsed files come from the reader's cache.
 */
import { createTerraformReader } from '../../src/whitelists/terraform/index.js';
import { releaseRetainedTrees } from '../../src/whitelists/terraform/native-syntax.js';
import type { ReadResult } from '../../src/whitelists/types.js';
import { memoryFiles } from '../helpers/memory-files.js';
import { dataSource, located, readModule, rules, SOURCE_POS } from './read.js';

const main = `variable "unused" {
  default = upper("x")
}

variable "office" {
  default = ["198.51.100.0/28"]
}

resource "alicloud_db_instance" "orders" {
  security_ips = concat(var.office, ["192.0.2.0/24"])
}

resource "alicloud_db_instance" "broken" {
  security_ips = data.alicloud_vpcs.all.cidrs
}

  resource "alicloud_db_instance" "inline" { security_ips = [/* 🔒 */ "203.0.113.7/32"] }

resource "alicloud_maxcompute_project" "dw" {
  ip_white_list {
    vpc_ip_list = <<-EOT
      192.0.2.1,
        192.0.2.2
    EOT
    ip_list = "203.0.113.0/24"
  }
}
`;

function readFrom(
  reader: ReturnType<typeof createTerraformReader>,
  files: ReturnType<typeof memoryFiles>,
  select: string,
  product: 'rds' | 'maxcompute' = 'rds'
): Promise<ReadResult> {
  return reader.read(
    { file: 'infra', format: 'terraform', select, pos: SOURCE_POS },
    { files, dataSource: dataSource({ product }) }
  );
}

describe('lazily converted blocks', () => {
  it('an unselected resource with an unresolvable expression gives no finding; selected, it is unresolved at the expression', async () => {
    const orders = await readModule({ 'infra/main.tf': main }, 'alicloud_db_instance.orders', { product: 'rds' });
    expect(orders.findings).toEqual([]);
    expect(located(orders)).toEqual(['198.51.100.0/28@6:15', '192.0.2.0/24@10:39']);

    const broken = await readModule({ 'infra/main.tf': main }, 'alicloud_db_instance.broken', { product: 'rds' });
    expect(broken.entries).toEqual([]);
    expect(rules(broken)).toEqual(['unresolved@infra/main.tf:14:18']);
    expect(broken.findings[0]!.message).toContain('data sources are read only when Terraform runs');
  });

  it('an unused variable whose default cannot be evaluated gives no finding; used, it is unresolved at the default', async () => {
    const unused = await readModule({ 'infra/main.tf': main }, 'alicloud_db_instance.orders', { product: 'rds' });
    expect(unused.findings).toEqual([]);

    const used = await readModule(
      { 'infra/main.tf': main.replace('concat(var.office,', 'concat(var.unused,') },
      'alicloud_db_instance.orders',
      { product: 'rds' }
    );
    expect(used.entries).toEqual([]);
    expect(rules(used)).toEqual(['unresolved@infra/main.tf:2:13']);
  });

  it('a block written on one indented line keeps the columns of the file (UTF-16, as elsewhere)', async () => {
    const result = await readModule({ 'infra/main.tf': main }, 'alicloud_db_instance.inline', { product: 'rds' });
    expect(result.findings).toEqual([]);
    // `  resource "alicloud_db_instance" "inline" { security_ips = [/* 🔒 */ "203.0.113.7/32"] }`: the lock is
    // two UTF-16 code units, so the literal's text (after its quote) starts at column 72.
    expect(located(result)).toEqual(['203.0.113.7/32@17:72']);
    expect(result.addHere).toEqual({ file: 'infra/main.tf', line: 17, column: 46 });
  });

  it('one reader reads every resource of a cached module, each at its own positions, and again identically', async () => {
    const reader = createTerraformReader();
    const files = memoryFiles({ 'infra/main.tf': main });
    const first = await readFrom(reader, files, 'alicloud_maxcompute_project.dw', 'maxcompute');
    expect(first.findings).toEqual([]);
    expect(located(first)).toEqual(['192.0.2.1@22:7', '192.0.2.2@23:9']);
    const orders = await readFrom(reader, files, 'alicloud_db_instance.orders');
    expect(located(orders)).toEqual(['198.51.100.0/28@6:15', '192.0.2.0/24@10:39']);
    const broken = await readFrom(reader, files, 'alicloud_db_instance.broken');
    expect(rules(broken)).toEqual(['unresolved@infra/main.tf:14:18']);
    expect(await readFrom(reader, files, 'alicloud_maxcompute_project.dw', 'maxcompute')).toEqual(first);
  });

  it('bodies read after the tree of their file was freed are parsed again from their text, at the same positions', async () => {
    const selects = [
      'alicloud_db_instance.orders',
      'alicloud_db_instance.broken',
      'alicloud_db_instance.inline',
      'alicloud_maxcompute_project.dw'
    ];
    const product = (select: string): 'rds' | 'maxcompute' => (select.includes('maxcompute') ? 'maxcompute' : 'rds');
    const fromTree: ReadResult[] = [];
    for (const select of selects) {
      fromTree.push(
        await readFrom(createTerraformReader(), memoryFiles({ 'infra/main.tf': main }), select, product(select))
      );
    }
    const reader = createTerraformReader();
    const files = memoryFiles({ 'infra/main.tf': main });
    expect(await readFrom(reader, files, selects[0]!)).toEqual(fromTree[0]);
    releaseRetainedTrees();
    for (const [index, select] of selects.entries()) {
      expect(await readFrom(reader, files, select, product(select))).toEqual(fromTree[index]);
    }
    expect(located(fromTree[3]!)).toEqual(['192.0.2.1@22:7', '192.0.2.2@23:9']);
  });

  it('a large file parsed later frees the trees kept for earlier files; their bodies still read the same', async () => {
    // Over a mebi-character of tfvars (a comment, which parses fast): more than the source whose trees are kept.
    const bigTfvars = `# ${'x'.repeat(1_100_000)}\n`;
    const files = memoryFiles({
      'infra/main.tf': main,
      'big/main.tf': 'resource "alicloud_db_instance" "big" {\n  security_ips = ["203.0.113.9"]\n}\n',
      'big/terraform.tfvars': bigTfvars
    });
    const reader = createTerraformReader();
    const fresh = await readModule({ 'infra/main.tf': main }, 'alicloud_db_instance.orders', { product: 'rds' });
    expect(located(await readFrom(reader, files, 'alicloud_db_instance.inline'))).toEqual(['203.0.113.7/32@17:72']);
    const big = await reader.read(
      { file: 'big', format: 'terraform', select: 'alicloud_db_instance.big', pos: SOURCE_POS },
      { files, dataSource: dataSource({ product: 'rds' }) }
    );
    expect(big.entries.map((entry) => `${entry.raw}@${entry.file}:${entry.line}:${entry.column}`)).toEqual([
      '203.0.113.9@big/main.tf:2:20'
    ]);
    expect(await readFrom(reader, files, 'alicloud_db_instance.orders')).toEqual(fresh);
  });

  it('block headers written in any valid way give the same types, labels and positions', async () => {
    // Headers on one line without comments or escapes are read from the text, the others node by node.
    const headers = [
      'resource /* c */ "alicloud_db_instance" "commented" {',
      '  security_ips = ["192.0.2.1"]',
      '}',
      'resource\t"alicloud_db_instance"\t"tabbed"{ security_ips = ["192.0.2.2"] }',
      'resource "alicloud_db_instance" "escaped\\"name" {',
      '  security_ips = ["192.0.2.3"]',
      '}',
      'resource "alicloud_db_instance" "empty" {}',
      'resource "alicloud_db_instance" "only_comment" { # nothing here',
      '}',
      ''
    ].join('\n');
    const read = (name: string): Promise<ReadResult> =>
      readModule({ 'infra/main.tf': headers }, `alicloud_db_instance.${name}`, { product: 'rds' });
    expect(located(await read('commented'))).toEqual(['192.0.2.1@2:20']);
    expect(located(await read('tabbed'))).toEqual(['192.0.2.2@4:60']);
    for (const [name, line] of [
      ['empty', 8],
      ['only_comment', 9]
    ] as const) {
      const result = await read(name);
      expect(rules(result)).toEqual([`invalid-whitelist@infra/main.tf:${line}:1`]);
      expect(result.findings[0]!.message).toContain(`alicloud_db_instance.${name} does not set security_ips`);
    }
    expect((await read('missing')).findings.map((finding) => finding.message)).toEqual([
      'resource alicloud_db_instance.missing not found in infra; found: alicloud_db_instance.commented (infra/main.tf:1:1), ' +
        'alicloud_db_instance.tabbed (infra/main.tf:4:1), alicloud_db_instance.escaped\\"name (infra/main.tf:5:1), ' +
        'alicloud_db_instance.empty (infra/main.tf:8:1), alicloud_db_instance.only_comment (infra/main.tf:9:1)'
    ]);
  });

  it('a syntax error in a resource that is not selected still stops the read, at its position', async () => {
    const withError = main.replace('security_ips = data.alicloud_vpcs.all.cidrs', 'security_ips = = "192.0.2.9/32"');
    const result = await readModule({ 'infra/main.tf': withError }, 'alicloud_db_instance.orders', { product: 'rds' });
    expect(result.entries).toEqual([]);
    // Where tree-sitter's recovery goes after the first problem is its own; the first one is where the error is.
    expect(result.findings.length).toBeGreaterThan(0);
    expect(rules(result)[0]).toBe('invalid-whitelist@infra/main.tf:14:18');
    expect(result.findings.every((finding) => finding.message.startsWith('syntax error: '))).toBe(true);
  });

  it('a resource not found still lists the resources of its type with their positions', async () => {
    const result = await readModule({ 'infra/main.tf': main }, 'alicloud_db_instance.missing', { product: 'rds' });
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'resource alicloud_db_instance.missing not found in infra; found: alicloud_db_instance.orders (infra/main.tf:9:1), ' +
        'alicloud_db_instance.broken (infra/main.tf:13:1), alicloud_db_instance.inline (infra/main.tf:17:3)'
    ]);
  });
});
