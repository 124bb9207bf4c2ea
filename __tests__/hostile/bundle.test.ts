/**
 * The hostile-input suite against the committed CLI bundle: every class of issue 8, each asserting the finding, its
 * position, the exit status, the time and the peak memory. A pull request writes every file, link and Terraform
 * expression the tool reads; none of it may make the tool read outside the repository, hang, exhaust memory, crash or
 * show JavaScript to the user.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_PATH, expectBounded, makeRepo, rdsConfig, runBundle, type BundleRun } from './bundle-harness.js';

import { jest } from '@jest/globals';

jest.setTimeout(60_000);

const SECRET = 'ghs_hostileSecretThatMustNeverBePrinted0123';

function findingsOf(run: BundleRun, rule: string): { message: string; file?: string; line?: number }[] {
  return (run.report?.findings ?? []).filter((f) => f.rule === rule);
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('confinement: nothing outside the repository is read', () => {
  const outside = makeRepo({ 'secret.txt': `${SECRET}\n`, 'infra/main.tf': `# ${SECRET}\n` });

  it.each([
    [
      'a whitelist file linked to a file outside',
      (root: string) => symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'w.txt'))
    ],
    [
      'a whitelist file linked to the process environment',
      (root: string) => symlinkSync('/proc/self/environ', path.join(root, 'w.txt'))
    ],
    [
      'a parent folder linked outside',
      (root: string) => {
        symlinkSync(outside, path.join(root, 'lists'));
        writeFileSync(path.join(root, CONFIG_PATH), rdsConfig('{ file: lists/secret.txt, format: text }'));
      }
    ]
  ])('%s', async (_, arrange) => {
    const root = makeRepo({ [CONFIG_PATH]: rdsConfig('{ file: w.txt }') });
    arrange(root);
    const run = await runBundle(root, { env: { 'INPUT_GITHUB-TOKEN': SECRET } });
    expectBounded(run);
    expect(run.status).toBe(2);
    expect(run.report?.status).toBe('error');
    const refused = findingsOf(run, 'invalid-whitelist');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toMatch(/outside the repository/);
    expect(refused[0]).toMatchObject({ file: CONFIG_PATH, line: 12 });
    expect(JSON.stringify(run.report)).not.toContain(SECRET);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('a Terraform module directory linked outside', async () => {
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig('{ file: infra, select: alicloud_db_instance.x }')
    });
    symlinkSync(path.join(outside, 'infra'), path.join(root, 'infra'));
    const run = await runBundle(root, { env: { SECRET } });
    expectBounded(run);
    expect(run.status).toBe(2);
    expect(findingsOf(run, 'invalid-whitelist')[0]?.message).toMatch(/outside the repository/);
    expect(JSON.stringify(run.report)).not.toContain(SECRET);
  });

  it('a terraform.tfvars linked outside is refused at its place, the rest of the module still read', async () => {
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig('{ file: infra, select: alicloud_db_instance.x }'),
      'infra/main.tf':
        'variable "ips" {\n  default = ["192.0.2.0/24"]\n}\nresource "alicloud_db_instance" "x" {\n  security_ips = var.ips\n}\n'
    });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'infra/terraform.tfvars'));
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    const refused = findingsOf(run, 'invalid-whitelist');
    expect(refused.map((f) => f.message).join('\n')).toMatch(/terraform\.tfvars.*outside the repository/);
    expect(JSON.stringify(run.report)).not.toContain(SECRET);
  });

  it('the config file itself linked outside', async () => {
    const root = makeRepo({});
    mkdirSync(path.join(root, '.github'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, CONFIG_PATH));
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    expect(findingsOf(run, 'invalid-config')[0]?.message).toMatch(/outside the repository/);
    expect(JSON.stringify(run.report)).not.toContain(SECRET);
  });

  it('nothing under .git/ is read, whatever the config says', async () => {
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig('{ file: .git/config, format: text }'),
      '.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`
    });
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    expect(findingsOf(run, 'invalid-whitelist')[0]?.message).toMatch(/\.git/);
    expect(JSON.stringify(run.report)).not.toContain(SECRET);
  });

  it('links that stay inside the repository keep working', async () => {
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig('{ file: w.txt }'),
      'real/w.txt': '192.0.2.0/24\n'
    });
    symlinkSync('real/w.txt', path.join(root, 'w.txt'));
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(0);
    expect(run.report?.status).toBe('pass');
  });

  it('--config outside --root is a usage error that says so', async () => {
    const root = makeRepo({ [CONFIG_PATH]: rdsConfig('{ file: w.txt }') });
    const run = await runBundle(root, {
      args: ['check', '--root', root, '--config', path.join(outside, 'secret.txt'), '--resolve', 'offline']
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/outside/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });
});

describe('special files never block the run', () => {
  it.each([
    ['a FIFO as a whitelist', 'w.txt', 'invalid-whitelist'],
    ['a FIFO as the config', CONFIG_PATH, 'invalid-config'],
    ['a FIFO as terraform.tfvars', 'infra/terraform.tfvars', 'invalid-whitelist']
  ])('%s', async (_, fifo, rule) => {
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig(
        fifo.startsWith('infra') ? '{ file: infra, select: alicloud_db_instance.x }' : '{ file: w.txt }'
      ),
      'infra/main.tf': 'resource "alicloud_db_instance" "x" {\n  security_ips = ["192.0.2.0/24"]\n}\n'
    });
    rmSync(path.join(root, fifo), { force: true });
    mkfifo(path.join(root, fifo));
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    const found = findingsOf(run, rule);
    expect(found.map((f) => f.message).join('\n')).toMatch(/FIFO|named pipe/i);
    expect(found.map((f) => f.message).join('\n')).not.toMatch(/no such file/i);
  });
});

describe('sizes', () => {
  it('a 200 MB whitelist is refused before it is read, with its size and the limit', async () => {
    const root = makeRepo({ [CONFIG_PATH]: rdsConfig('{ file: w.txt }'), 'w.txt': '' });
    truncateSync(path.join(root, 'w.txt'), 200 * 1024 * 1024);
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    const refused = findingsOf(run, 'invalid-whitelist');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toMatch(/\d.*limit/);
  });

  it('a file of 1,500 long unparsable lines is quoted by a capped number of short findings', async () => {
    const line = `${'x'.repeat(500)}\n`;
    const root = makeRepo({ [CONFIG_PATH]: rdsConfig('{ file: w.txt }'), 'w.txt': line.repeat(1_500) });
    const run = await runBundle(root);
    expectBounded(run);
    const invalid = findingsOf(run, 'invalid-entry');
    expect(invalid.length).toBeGreaterThan(1);
    expect(invalid.length).toBeLessThanOrEqual(21);
    for (const f of invalid) expect(f.message.length).toBeLessThan(400);
    expect(invalid.map((f) => f.message).join('\n')).toMatch(/\d[\d,]* more/);
  });
});

describe('exponential and huge Terraform', () => {
  const doubling = [
    'locals {',
    '  l0 = ["192.0.2.0/24"]',
    ...Array.from({ length: 22 }, (_, i) => `  l${i + 1} = concat(local.l${i}, local.l${i})`),
    '}',
    'resource "alicloud_db_instance" "x" {',
    '  security_ips = local.l22',
    '}',
    ''
  ].join('\n');

  it.each([
    ['values that double at each step', doubling],
    [
      'count = 1000000000',
      'resource "alicloud_db_instance" "x" {\n  count = 1000000000\n  security_ips = ["192.0.2.0/24"]\n}\n'
    ],
    [
      'count = 5000000',
      'resource "alicloud_db_instance" "x" {\n  count = 5000000\n  security_ips = ["192.0.2.0/24"]\n}\n'
    ],
    [
      'templates that double',
      `locals {\n  s0 = "a"\n${Array.from({ length: 30 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`).join('\n')}\n}\nresource "alicloud_db_instance" "x" {\n  security_ips = [local.s30]\n}\n`
    ]
  ])('%s: unresolved within the budget, at the expression', async (_, tf) => {
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig('{ file: infra/main.tf, select: alicloud_db_instance.x }'),
      'infra/main.tf': tf
    });
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    const budget = (run.report?.findings ?? []).filter((f) => /budget/.test(f.message));
    expect(budget.length).toBeGreaterThanOrEqual(1);
    expect(budget[0]).toMatchObject({ file: 'infra/main.tf' });
    expect(budget[0]!.line).toBeGreaterThanOrEqual(1);
  });
});

describe('depth', () => {
  it.each([
    ['a YAML config nested 50,000 deep', CONFIG_PATH, `${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, 'invalid-config'],
    [
      'a JSON whitelist nested 100,000 deep',
      'w.json',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'invalid-whitelist'
    ],
    ['a YAML whitelist nested 20,000 deep', 'w.yml', `${'- '.repeat(20_000)}x\n`, 'invalid-whitelist'],
    [
      'an HCL expression nested 50,000 deep',
      'infra/main.tf',
      `resource "alicloud_db_instance" "x" {\n  security_ips = ${'['.repeat(50_000)}${']'.repeat(50_000)}\n}\n`,
      null
    ],
    [
      'a 10,000-long chain of locals',
      'infra/main.tf',
      `locals {\n  l0 = ["192.0.2.0/24"]\n${Array.from({ length: 10_000 }, (_, i) => `  l${i + 1} = local.l${i}`).join('\n')}\n}\nresource "alicloud_db_instance" "x" {\n  security_ips = local.l10000\n}\n`,
      null
    ]
  ])('%s: a positioned finding about depth, no stack overflow', async (_, file, text, rule) => {
    const whitelist = file.endsWith('.tf')
      ? '{ file: infra/main.tf, select: alicloud_db_instance.x }'
      : file === CONFIG_PATH
        ? '{ file: w.txt }'
        : `{ file: ${file}, select: "[0]" }`;
    const root = makeRepo({ [CONFIG_PATH]: rdsConfig(whitelist), [file]: text });
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    const all = run.report?.findings ?? [];
    const deep = all.filter((f) => (rule === null || f.rule === rule) && /deep|depth|nest/i.test(f.message));
    expect(deep.length).toBeGreaterThanOrEqual(1);
    expect(deep[0]!.line).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(all)).not.toMatch(/Maximum call stack/);
  });
});

describe('the edges', () => {
  const root = makeRepo({ [CONFIG_PATH]: rdsConfig('{ file: w.txt }'), 'w.txt': '192.0.2.0/24\n' });

  it('stdout closed early (| head -c 10): ends quietly, no stack trace', async () => {
    const run = await runBundle(root, {
      args: ['check', '--root', root, '--resolve', 'offline', '--format', 'json'],
      closeStdoutAfter: 10
    });
    expect(run.stderr).not.toMatch(/\n\s+at |EPIPE|Error/);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('stdout full (> /dev/full): exit 2 and one line on stderr', async () => {
    const run = await runBundle(root, {
      args: ['check', '--root', root, '--resolve', 'offline', '--format', 'json'],
      stdoutTo: '/dev/full'
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a deleted working directory with an absolute --root: works', async () => {
    const gone = makeRepo({});
    const run = await runBundle(root, {
      cwd: gone,
      deleteCwdFirst: true,
      args: ['check', '--root', root, '--resolve', 'offline', '--format', 'json']
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'pass' });
  });
});

describe('no JavaScript in the user’s face', () => {
  it('Terraform names like __proto__ and constructor are ordinary names', async () => {
    const tf = [
      'locals {',
      '  __proto__ = ["192.0.2.0/24"]',
      '  constructor = { toString = "192.0.2.0/25", valueOf = "192.0.2.128/25" }',
      '}',
      'resource "alicloud_db_instance" "x" {',
      '  security_ips = concat(local.__proto__, [local.constructor.toString, local.constructor["valueOf"]])',
      '}',
      ''
    ].join('\n');
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig('{ file: infra/main.tf, select: alicloud_db_instance.x }'),
      'infra/main.tf': tf
    });
    const run = await runBundle(root);
    expectBounded(run);
    expect(JSON.stringify(run.report)).not.toMatch(/\[object Object\]|native code/);
    expect(run.report?.status).toBe('pass');
  });

  it.each(['.nan', '.inf', '-.inf', '99999999999999999999999'])('port: %s is one clear message', async (value) => {
    const root = makeRepo({
      [CONFIG_PATH]: rdsConfig('{ file: w.txt }').replace(
        '    network: private\n',
        `    network: private\n    port: ${value}\n`
      ),
      'w.txt': '192.0.2.0/24\n'
    });
    const run = await runBundle(root);
    expectBounded(run);
    expect(run.status).toBe(2);
    const config = findingsOf(run, 'invalid-config');
    expect(config).toHaveLength(1);
    expect(config[0]!.message).toMatch(/port.*integer from 1 to 65535/);
    expect(config[0]!.message).not.toMatch(/NaN|Infinity|e\+/);
    expect(config[0]).toMatchObject({ line: 12 });
  });
});
