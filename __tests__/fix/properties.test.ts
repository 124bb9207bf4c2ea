/**
 * Properties of `fix` on every whitelist format and every Terraform shape: after the fix the check passes, a second
 * fix changes nothing, the edit only inserts (every byte of the file kept, comments included), and line endings and
 * the byte-order mark survive.
 */
import fc from 'fast-check';
import { applied, check, configFor, onlyInserted, plan, rules, CONFIG, type SourceSpec } from './helpers.js';

const DOC_NETS = ['192.0.2', '198.51.100', '203.0.113'];

/** Disjoint IPv4 blocks in the documentation ranges: each in its own /28 slot, /28 to /32 inside it. */
const blocks = fc
  .uniqueArray(
    fc.record({
      slot: fc.integer({ min: 0, max: 47 }),
      offset: fc.integer({ min: 0, max: 15 }),
      prefix: fc.integer({ min: 28, max: 32 })
    }),
    { minLength: 1, maxLength: 6, selector: (b) => b.slot }
  )
  .map((list) =>
    list.map((b) => {
      const size = 2 ** (32 - b.prefix);
      const host = (b.slot % 16) * 16 + Math.floor(b.offset / size) * size;
      return `${DOC_NETS[Math.floor(b.slot / 16)]}.${host}/${b.prefix}`;
    })
  );

/** Products where an empty whitelist allows everyone get one unrelated entry, so that nothing is covered by it. */
const NOT_EMPTY = '10.9.9.0/24';

interface Style {
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  quote: 'plain' | 'single' | 'double';
  multiLine: boolean;
  trailingComma: boolean;
}

const styles = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  quote: fc.constantFrom('plain' as const, 'single' as const, 'double' as const),
  multiLine: fc.boolean(),
  trailingComma: fc.boolean()
});

type Shape = (
  existing: string[],
  style: Style
) => { files: Record<string, string>; source: SourceSpec; product: string; comments: string[] };

function finish(lines: string[], style: Style, terraform = false): string {
  const eol = style.crlf ? '\r\n' : '\n';
  const text = lines.join(eol) + (style.finalNewline ? eol : '');
  return (style.bom && !terraform ? '\uFEFF' : '') + text;
}

function q(entry: string, style: Style): string {
  return style.quote === 'single' ? `'${entry}'` : style.quote === 'double' ? `"${entry}"` : entry;
}

function tfList(existing: string[], style: Style, indent = '  '): string {
  const items = existing.map((e) => JSON.stringify(e));
  if (!style.multiLine || items.length === 0) return `[${items.join(', ')}]`;
  const body = items.map(
    (item, i) => `${indent}  ${item}${i < items.length - 1 || style.trailingComma ? ',' : ''} # n${i}`
  );
  return ['[', ...body, `${indent}]`].join(style.crlf ? '\r\n' : '\n');
}

const SHAPES: Record<string, Shape> = {
  'text lines': (existing, style) => ({
    files: { 'w/list.txt': finish(['# office ranges', ...existing.map((e) => `  ${e}  # why`)], style) },
    source: { file: 'w/list.txt' },
    product: 'rds',
    comments: ['# office ranges']
  }),
  'text one line': (existing, style) => ({
    files: { 'w/list.txt': finish(['# comma separated', existing.join(', ')], style) },
    source: { file: 'w/list.txt' },
    product: 'rds',
    comments: ['# comma separated']
  }),
  'yaml block list': (existing, style) => ({
    files: {
      'w/list.yml': finish(
        [
          '# header',
          'whitelist:',
          ...(existing.length ? existing.map((e) => `  - ${q(e, style)} # c`) : ['  - 127.0.0.1']),
          'other: 1'
        ],
        style
      )
    },
    source: { file: 'w/list.yml', select: 'whitelist' },
    product: 'rds',
    comments: ['# header', '# c']
  }),
  'yaml flow list': (existing, style) => ({
    files: {
      'w/list.yaml': finish(['# header', `whitelist: [${existing.map((e) => q(e, style)).join(', ')}] # tail`], style)
    },
    source: { file: 'w/list.yaml', select: 'whitelist' },
    product: 'rds',
    comments: ['# header', '# tail']
  }),
  'yaml comma string': (someExisting, style) => {
    const existing = [NOT_EMPTY, ...someExisting];
    return {
      files: {
        'w/p.yml': finish(
          [
            'props:',
            `  "odps.ip": ${style.quote === 'plain' && existing.length === 0 ? '""' : q(existing.join(','), style)} # keep`
          ],
          style
        )
      },
      source: { file: 'w/p.yml', select: 'props["odps.ip"]' },
      product: 'maxcompute',
      comments: ['# keep']
    };
  },
  'json array': (existing, style) => ({
    files: {
      'w/list.json': finish(
        style.multiLine && existing.length > 0
          ? [
              '{',
              '    "ips": [',
              existing.map((e) => `        ${JSON.stringify(e)}`).join(',' + (style.crlf ? '\r\n' : '\n')),
              '    ]',
              '}'
            ]
          : ['{', `  "ips": [${existing.map((e) => JSON.stringify(e)).join(', ')}]`, '}'],
        style
      )
    },
    source: { file: 'w/list.json', select: 'ips' },
    product: 'rds',
    comments: []
  }),
  'json string': (someExisting, style) => {
    const existing = [NOT_EMPTY, ...someExisting];
    return {
      files: { 'w/s.json': finish(['{', `\t"ips": ${JSON.stringify(existing.join(','))}`, '}'], style) },
      source: { file: 'w/s.json', select: 'ips' },
      product: 'maxcompute',
      comments: []
    };
  },
  'terraform list literal': (existing, style) => ({
    files: {
      'tf/main.tf': finish(
        [
          '# instance',
          'resource "alicloud_db_instance" "db" {',
          '  engine       = "MySQL"',
          `  security_ips = ${tfList(existing, style)}`,
          '}'
        ],
        style,
        true
      )
    },
    source: { file: 'tf', select: 'alicloud_db_instance.db' },
    product: 'rds',
    comments: ['# instance']
  }),
  'terraform comma string': (existing, style) => ({
    files: {
      'tf/main.tf': finish(
        [
          'resource "alicloud_redis_tair_instance" "r" {',
          `  security_ips = ${JSON.stringify(existing.join(','))} // keep`,
          '}'
        ],
        style,
        true
      )
    },
    source: { file: 'tf', select: 'alicloud_redis_tair_instance.r' },
    product: 'redis',
    comments: ['// keep']
  }),
  'terraform variable default': (existing, style) => ({
    files: {
      'tf/vars.tf': finish(
        ['variable "ips" {', '  type    = list(string)', `  default = ${tfList(existing, style)}`, '}'],
        style,
        true
      ),
      'tf/main.tf': 'resource "alicloud_db_instance" "db" {\n  security_ips = var.ips\n}\n'
    },
    source: { file: 'tf/main.tf', select: 'alicloud_db_instance.db' },
    product: 'rds',
    comments: []
  }),
  'terraform tfvars layer': (existing, style) => ({
    files: {
      'tf/main.tf':
        'variable "ips" {\n  default = ["10.0.0.0/8"]\n}\nresource "alicloud_db_instance" "db" {\n  security_ips = var.ips\n}\n',
      'tf/terraform.tfvars': finish(['# values', `ips = ${tfList(existing, style, '')}`], style, true)
    },
    source: { file: 'tf', select: 'alicloud_db_instance.db' },
    product: 'rds',
    comments: ['# values']
  }),
  'terraform source tfvars': (existing, style) => ({
    files: {
      'tf/main.tf': 'variable "ips" {}\nresource "alicloud_db_instance" "db" {\n  security_ips = var.ips\n}\n',
      'env/prod.tfvars': finish([`ips = ${tfList(existing, style, '')}`], style, true)
    },
    source: { file: 'tf', select: 'alicloud_db_instance.db', tfvars: ['env/prod.tfvars'] },
    product: 'rds',
    comments: []
  }),
  'terraform concat literal part': (existing, style) => ({
    files: {
      'tf/main.tf': finish(
        [
          'variable "office" {',
          '  default = ["10.1.0.0/16"]',
          '}',
          'resource "alicloud_db_instance" "db" {',
          `  security_ips = concat(var.office, ${tfList(existing, style)})`,
          '}'
        ],
        style,
        true
      )
    },
    source: { file: 'tf', select: 'alicloud_db_instance.db' },
    product: 'rds',
    comments: []
  }),
  'terraform local through toset': (existing, style) => ({
    files: {
      'tf/main.tf': finish(
        [
          'locals {',
          `  dw = ${tfList(existing, style)}`,
          '}',
          'resource "alicloud_db_instance" "db" {',
          '  security_ips = toset(local.dw)',
          '}'
        ],
        style,
        true
      )
    },
    source: { file: 'tf', select: 'alicloud_db_instance.db' },
    product: 'rds',
    comments: []
  }),
  'terraform block comma string': (someExisting, style) => {
    const existing = [NOT_EMPTY, ...someExisting];
    return {
      files: {
        'tf/main.tf': finish(
          [
            'resource "alicloud_mongodb_instance" "m" {',
            '  security_ip_groups {',
            '    security_ip_group_name = "dw"',
            `    security_ip_list       = ${JSON.stringify(existing.join(','))}`,
            '  }',
            '}'
          ],
          style,
          true
        )
      },
      source: { file: 'tf', select: 'alicloud_mongodb_instance.m' },
      product: 'mongodb',
      comments: []
    };
  }
};

describe.each(Object.entries(SHAPES))('fix on %s', (_name, shape) => {
  it('passes the check afterwards, is idempotent and only inserts', async () => {
    await fc.assert(
      fc.asyncProperty(blocks, fc.integer({ min: 0, max: 6 }), styles, async (all, split, style) => {
        const existing = all.slice(0, Math.min(split, all.length - 1));
        const built = shape(existing, style);
        const files: Record<string, string> = {
          ...built.files,
          [CONFIG]: configFor([{ name: 'ds', product: built.product, required: all, source: built.source }])
        };
        const first = await plan(files);
        expect(first.before.findings.filter((f) => f.rule === 'missing-entry').length).toBeGreaterThan(0);
        expect(first.notFixed).toEqual([]);
        expect(first.after.status).toBe('pass');
        const fixed = applied(files, first);
        expect(rules(await check(fixed))).toEqual([]);
        for (const edit of first.edits) {
          expect(edit.before).toBe(files[edit.file]);
          expect(onlyInserted(edit.before, edit.after)).toBe(true);
          expect(edit.after.startsWith('\uFEFF')).toBe(edit.before.startsWith('\uFEFF'));
          // No lone line feed in a CRLF file, and none added to an LF file as CRLF.
          if (edit.before.includes('\r\n')) expect(edit.after.replace(/\r\n/g, '')).not.toMatch(/\n/);
          else expect(edit.after).not.toMatch(/\r/);
          for (const comment of built.comments)
            if (edit.before.includes(comment)) expect(edit.after).toContain(comment);
        }
        const second = await plan(fixed);
        expect(second.edits).toEqual([]);
      }),
      { numRuns: 15 }
    );
  }, 60_000);
});
