/** Fixes that are not made: each keeps its finding, whose message says why and what to do by hand. */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blocksToAdd, unifiedDiff, writeFixes } from '../../src/fix/index.js';
import { runCli } from '../../src/cli/run.js';
import { applied, check, configFor, plan, CONFIG } from './helpers.js';

function missingMessages(report: Awaited<ReturnType<typeof check>>): string[] {
  return report.findings.filter((f) => f.rule === 'missing-entry').map((f) => f.message);
}

describe('what is added', () => {
  it('merges adjacent blocks only when the merged block is exactly what is missing', () => {
    const misses = [
      {
        rule: 'missing-entry' as const,
        severity: 'error' as const,
        message: '',
        uncovered: ['192.0.2.0/26', '192.0.2.64/26']
      },
      {
        rule: 'missing-entry' as const,
        severity: 'error' as const,
        message: '',
        uncovered: ['192.0.2.128/26', '198.51.100.7/32']
      }
    ];
    expect(blocksToAdd(misses, 'rds')).toEqual(['192.0.2.0/25', '192.0.2.128/26', '198.51.100.7/32']);
  });
  it('writes single IPv6 addresses for MongoDB and IPv6 blocks elsewhere', () => {
    const miss = {
      rule: 'missing-entry' as const,
      severity: 'error' as const,
      message: '',
      uncovered: ['2001:db8::7/128']
    };
    expect(blocksToAdd([miss], 'mongodb')).toEqual(['2001:db8::7']);
    expect(blocksToAdd([miss], 'other')).toEqual(['2001:db8::7/128']);
  });
});

describe('refusals', () => {
  it('does not break the product entry limit', async () => {
    const existing = Array.from({ length: 1000 }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.1`);
    const files = {
      'w.txt': existing.join('\n') + '\n',
      [CONFIG]: configFor([{ name: 'db', product: 'rds', required: ['192.0.2.0/24'], source: { file: 'w.txt' } }])
    };
    const result = await plan(files);
    expect(result.edits).toEqual([]);
    expect(result.notFixed[0]?.reason).toMatch(/entry limit/);
    expect(missingMessages(result.after)[0]).toMatch(/not fixed: adding 192\.0\.2\.0\/24 would break the entry limit/);
    expect(result.after.status).toBe('fail');
  });

  it('does not edit an expression with no literal', async () => {
    const files = {
      'tf/main.tf':
        'resource "alicloud_db_instance" "db" {\n  security_ips = split(",", data.external.ips.result)\n}\n',
      [CONFIG]: configFor([
        {
          name: 'db',
          product: 'rds',
          required: ['192.0.2.0/24'],
          source: { file: 'tf', select: 'alicloud_db_instance.db' }
        }
      ])
    };
    const result = await plan(files);
    expect(result.edits).toEqual([]);
    // The value cannot even be read, so nothing is called missing: nothing to fix, and the status stays error.
    expect(result.after.status).toBe('error');
  });

  it('does not edit a conditional expression', async () => {
    const files = {
      'tf/main.tf':
        'variable "prod" {\n  default = true\n}\nresource "alicloud_db_instance" "db" {\n  security_ips = var.prod ? ["10.0.0.0/24"] : ["10.1.0.0/24"]\n}\n',
      [CONFIG]: configFor([
        {
          name: 'db',
          product: 'rds',
          required: ['192.0.2.0/24'],
          source: { file: 'tf', select: 'alicloud_db_instance.db' }
        }
      ])
    };
    const result = await plan(files);
    expect(result.edits).toEqual([]);
    expect(result.notFixed[0]?.reason).toMatch(/no literal to edit.*192\.0\.2\.0\/24 by hand/);
    expect(missingMessages(result.after)[0]).toContain('not fixed');
  });

  it('does not edit a variable that also feeds another data source', async () => {
    const files = {
      'tf/main.tf': [
        'variable "dw" {',
        '  default = ["10.0.0.0/24"]',
        '}',
        'resource "alicloud_db_instance" "a" {',
        '  security_ips = var.dw',
        '}',
        'resource "alicloud_db_instance" "b" {',
        '  security_ips = concat(var.dw, ["10.2.0.0/24"])',
        '}',
        ''
      ].join('\n'),
      [CONFIG]: configFor([
        {
          name: 'a',
          product: 'rds',
          required: ['192.0.2.0/24'],
          source: { file: 'tf', select: 'alicloud_db_instance.a' }
        },
        {
          name: 'b',
          product: 'rds',
          required: ['10.2.0.0/24'],
          source: { file: 'tf', select: 'alicloud_db_instance.b' }
        }
      ])
    };
    const result = await plan(files);
    expect(result.edits).toEqual([]);
    expect(result.notFixed[0]?.reason).toMatch(/also feeds the whitelist of "b"/);
  });

  it('does not edit a text file that another data source also reads', async () => {
    const files = {
      'w.txt': '10.0.0.0/24\n',
      [CONFIG]: configFor([
        { name: 'a', product: 'rds', required: ['192.0.2.0/24'], source: { file: 'w.txt' } },
        { name: 'b', product: 'rds', required: ['10.0.0.0/24'], source: { file: 'w.txt' } }
      ])
    };
    const result = await plan(files);
    expect(result.edits).toEqual([]);
    expect(result.notFixed[0]?.reason).toMatch(/also feeds the whitelist of "b"/);
  });

  it('does not write security-group rules', async () => {
    const files = {
      'w.txt': '10.0.0.0/24\n',
      [CONFIG]: configFor([
        { name: 'sg', product: 'ecs-security-group', required: ['192.0.2.0/24'], source: { file: 'w.txt' } }
      ])
    };
    const result = await plan(files);
    expect(result.edits).toEqual([]);
    expect(result.notFixed[0]?.reason).toMatch(/one CIDR each/);
  });

  it('rewrites host-bits-set entries to their block', async () => {
    const files = {
      'w.txt': '# keep\n192.0.2.37/24\n',
      [CONFIG]: configFor([{ name: 'db', product: 'rds', required: ['192.0.2.0/24'], source: { file: 'w.txt' } }])
    };
    const result = await plan(files);
    expect(result.edits.map((e) => e.after)).toEqual(['# keep\n192.0.2.0/24\n']);
    expect((await check(applied(files, result))).findings.filter((f) => f.rule === 'host-bits-set')).toEqual([]);
  });
});

describe('diff and writing', () => {
  it('prints a unified diff with context and the missing final newline marked', () => {
    const diff = unifiedDiff({ file: 'w.txt', before: 'a\nb\nc\nd\ne\nf\ng', after: 'a\nb\nc\nd\ne\nf\ng\nh' });
    expect(diff).toBe(
      '--- a/w.txt\n+++ b/w.txt\n@@ -4,4 +4,5 @@\n d\n e\n f\n-g\n\\ No newline at end of file\n+g\n+h\n\\ No newline at end of file\n'
    );
  });

  it('writes atomically, keeps the mode and refuses links that leave the root', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fix-write-'));
    const outside = await fsp.mkdtemp(path.join(os.tmpdir(), 'fix-outside-'));
    try {
      await fsp.writeFile(path.join(dir, 'w.txt'), 'a\n', { mode: 0o640 });
      await fsp.writeFile(path.join(outside, 'x.txt'), 'a\n');
      await fsp.symlink(path.join(outside, 'x.txt'), path.join(dir, 'link.txt'));
      const result = await writeFixes(dir, [
        { file: 'w.txt', before: 'a\n', after: 'a\nb\n', added: ['b'] },
        { file: 'link.txt', before: 'a\n', after: 'a\nb\n', added: ['b'] },
        { file: '../x.txt', before: 'a\n', after: 'a\nb\n', added: ['b'] }
      ]);
      expect(result.written).toEqual(['w.txt']);
      expect(result.failed.map((f) => f.file)).toEqual(['link.txt', '../x.txt']);
      expect(await fsp.readFile(path.join(dir, 'w.txt'), 'utf8')).toBe('a\nb\n');
      expect((await fsp.stat(path.join(dir, 'w.txt'))).mode & 0o777).toBe(0o640);
      expect(await fsp.readFile(path.join(outside, 'x.txt'), 'utf8')).toBe('a\n');
      expect((await fsp.readdir(dir)).sort()).toEqual(['link.txt', 'w.txt']);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
      await fsp.rm(outside, { recursive: true, force: true });
    }
  });
});

describe('CLI fix on a copy of examples/', () => {
  it('--dry-run prints the diff and writes nothing; fix writes it; the check then passes; a second fix changes nothing', async () => {
    const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'fix-cli-'));
    try {
      await fsp.cp(path.resolve('examples'), root, { recursive: true });
      const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
        let out = '';
        let err = '';
        const code = await runCli(args, {
          stdout: { write: (t: string) => (out += t) },
          stderr: { write: (t: string) => (err += t) },
          env: {},
          cwd: root
        });
        return { code, out, err };
      };
      const before = await fsp.readFile(path.join(root, 'whitelists/search-es.json'), 'utf8');
      const dry = await run('fix', '--resolve', 'offline', '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('+++ b/infra/warehouse.tf');
      expect(dry.out).toContain('"203.0.113.64/27"');
      expect(await fsp.readFile(path.join(root, 'whitelists/search-es.json'), 'utf8')).toBe(before);
      const fixed = await run('fix', '--resolve', 'offline', '--output', 'report.json');
      expect(fixed.code).toBe(0);
      expect(fixed.out).toBe(dry.out);
      expect(JSON.parse(await fsp.readFile(path.join(root, 'report.json'), 'utf8')).status).toBe('pass');
      expect((await run('check', '--resolve', 'offline')).code).toBe(0);
      const again = await run('fix', '--resolve', 'offline');
      expect(again.out).toBe('');
      expect(again.err).toMatch(/nothing to fix/);
      expect((await run('check', '--dry-run')).code).toBe(2);
    } finally {
      await fsp.rm(root, { recursive: true, force: true });
    }
  });
});
