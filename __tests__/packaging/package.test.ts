/**
 * Installable as the README says: the package `npm pack` makes installs offline into an empty directory (it has
 * no runtime dependencies: the CLI runs from dist/), and its bin checks examples/. One pack and one install for
 * the whole file (a few seconds).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VERSION } from '../../src/version.js';

const REPO_ROOT = process.cwd();
const NPM_TIMEOUT_MS = 120_000;

interface PackResult {
  filename: string;
  files: { path: string }[];
}

function npm(args: string[], cwd: string, cache: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', [...args, '--cache', cache], {
    cwd,
    encoding: 'utf8',
    timeout: NPM_TIMEOUT_MS,
    // No user or project npm configuration: the install must work with the defaults, offline.
    env: { PATH: process.env.PATH ?? '', HOME: cwd, npm_config_update_notifier: 'false' }
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dwg-pack-'));
const cache = path.join(work, 'npm-cache');
const installDir = path.join(work, 'consumer');
let packed: PackResult;
let bin: string;

beforeAll(() => {
  const pack = npm(['pack', '--json', '--pack-destination', work], REPO_ROOT, cache);
  expect(pack.stderr).not.toMatch(/ERR!/);
  expect(pack.status).toBe(0);
  packed = (JSON.parse(pack.stdout) as PackResult[])[0]!;
  const tarball = path.join(work, packed.filename);
  spawnSync('mkdir', ['-p', installDir]);
  const install = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], installDir, cache);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.status).toBe(0);
  bin = path.join(installDir, 'node_modules/.bin/dataworks-whitelist-guard');
}, NPM_TIMEOUT_MS);

function runBin(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(bin, args, {
    cwd: installDir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', () => {
  it('ships dist/, schema/, action.yml, README, LICENSE and CHANGELOG, and no sources or tests', () => {
    const files = packed.files.map((f) => f.path);
    for (const required of [
      'dist/index.js',
      'dist/cli/index.js',
      'schema/dataworks-whitelist.schema.json',
      'action.yml',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'package.json'
    ]) {
      expect(files).toContain(required);
    }
    expect(files.some((f) => f.startsWith('dist/wasm/') && f.endsWith('.wasm'))).toBe(true);
    expect(files.filter((f) => /^(src|__tests__|scripts|bench|examples|node_modules|\.github)\//.test(f))).toEqual([]);
  });

  it('has no runtime dependencies, so the install is this one package', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
    const installed = readdirSync(path.join(installDir, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed).toEqual(['dataworks-whitelist-guard']);
  });

  it('runs --version from the installed bin', () => {
    const run = runBin(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${VERSION}\n`);
  });

  it('checks examples/ from the installed bin: exit 1 and the three missing entries', () => {
    const run = runBin(['check', '--root', path.join(REPO_ROOT, 'examples'), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { status: string; findings: { rule: string; dataSource?: string }[] };
    expect(report.status).toBe('fail');
    expect(
      report.findings
        .filter((f) => f.rule === 'missing-entry')
        .map((f) => f.dataSource)
        .filter((name) => name !== 'orders-rds')
    ).toEqual(['events-maxcompute', 'search-es', 'warehouse-polardb']);
  });
});
