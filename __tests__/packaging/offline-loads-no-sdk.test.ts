/**
 * Offline runs never load the cloud SDK (online resolution, deployed-whitelist readers, verification): the bundle's
 * chunks that hold Alibaba Cloud request signing are deleted from a copy of dist/, and the CLI still checks offline,
 * deployed whitelists included (`not-checked`), exactly as with them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A string only the SDK's signer carries. */
const SDK_MARKER = 'ACS3-HMAC-SHA256';

const copy = mkdtempSync(path.join(tmpdir(), 'dwg-no-sdk-'));
cpSync('dist', path.join(copy, 'dist'), { recursive: true });
const removed: string[] = [];
for (const dir of ['dist', 'dist/cli']) {
  for (const name of readdirSync(path.join(copy, dir))) {
    const file = path.join(copy, dir, name);
    if (!name.endsWith('.js') || name === 'index.js') continue;
    if (readFileSync(file, 'utf8').includes(SDK_MARKER)) {
      rmSync(file);
      removed.push(`${dir}/${name}`);
    }
  }
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(copy, 'dist/cli/index.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('offline runs load no cloud code', () => {
  it('the SDK lives in lazily loaded chunks of both bundles, not in their entry files', () => {
    expect(removed.some((f) => f.startsWith('dist/cli/'))).toBe(true);
    expect(removed.some((f) => !f.startsWith('dist/cli/'))).toBe(true);
    for (const entry of ['dist/index.js', 'dist/cli/index.js']) {
      expect(readFileSync(entry, 'utf8')).not.toContain(SDK_MARKER);
    }
  });

  it('checks examples/ offline without those chunks, naming the same missing entries', () => {
    const run = cli('check', '--root', 'examples', '--resolve', 'offline', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; entry?: string }[] };
    expect(report.findings.filter((f) => f.rule === 'missing-entry').map((f) => f.entry)).toEqual([
      '198.51.100.7/32',
      '2001:db8:1::/64',
      '203.0.113.64/27'
    ]);
  });

  it('a data source checked only through its instance is not-checked offline, without loading the readers', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dwg-no-sdk-repo-'));
    mkdirSync(path.join(root, '.github'));
    writeFileSync(
      path.join(root, '.github/dataworks-whitelist.yml'),
      [
        'version: 1',
        'region: cn-hangzhou',
        'resourceGroups:',
        '  g: { type: exclusive-integration, privateCidrs: [192.0.2.0/24], publicIps: [198.51.100.7] }',
        'dataSources:',
        '  db:',
        '    product: rds',
        '    network: private',
        '    instance: rm-example',
        '    access: [{ module: data-integration, resourceGroups: [g] }]',
        ''
      ].join('\n')
    );
    const run = cli('check', '--root', root, '--format', 'json');
    rmSync(root, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { resolve: string; findings: { rule: string }[] };
    expect(report.resolve).toBe('offline');
    expect(report.findings.map((f) => f.rule)).toEqual(['not-checked']);
  });
});
