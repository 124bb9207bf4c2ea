import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, isTTY = false): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    cwd
  });
  return { code, stdout, stderr };
}

function repo(config: string, files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dwg-cli-'));
  for (const [rel, text] of Object.entries({ '.github/dataworks-whitelist.yml': config, ...files })) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/24]
    publicIps: [198.51.100.7]
dataSources:
  db:
    product: rds
    network: private
    whitelist: { file: wl.txt }
    access:
      - module: data-integration
        resourceGroups: [prod]
`;

describe('CLI', () => {
  it('exits 0 on pass and prints a text report', async () => {
    const root = repo(CONFIG, { 'wl.txt': '192.0.2.0/24\n' });
    const out = await cli(['check', '--resolve', 'offline'], root);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('pass');
    expect(out.stdout).not.toContain('\u001b[');
  });

  it('exits 1 on fail, naming the missing entry and where to add it', async () => {
    const root = repo(CONFIG, { 'wl.txt': '192.0.2.0/25\n' });
    const out = await cli(['check', '--root', root], '/');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('192.0.2.128/25');
    expect(out.stdout).toContain('wl.txt:2');
  });

  it('exits 0 on fail with --fail-on never, and 2 on error whatever fail-on says', async () => {
    const failing = repo(CONFIG, { 'wl.txt': '' });
    expect((await cli(['check', '--fail-on', 'never'], failing)).code).toBe(0);
    const broken = repo(CONFIG, {});
    expect((await cli(['check', '--fail-on', 'never'], broken)).code).toBe(2);
  });

  it('exits 1 on warnings with --fail-on warning', async () => {
    const root = repo(CONFIG, { 'wl.txt': '192.0.2.9/24\n' });
    expect((await cli(['check'], root)).code).toBe(0);
    expect((await cli(['check', '--fail-on', 'warning'], root)).code).toBe(1);
  });

  it('writes the format that the output extension names', async () => {
    const root = repo(CONFIG, { 'wl.txt': '192.0.2.0/25\n' });
    const out = await cli(['check', '--output', 'out/report.json'], root);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    const report = JSON.parse(readFileSync(path.join(root, 'out/report.json'), 'utf8'));
    expect(report.summary.missing).toBe(1);
    await cli(['check', '--output', 'r.sarif'], root);
    expect(JSON.parse(readFileSync(path.join(root, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    const md = await cli(['check', '--format', 'markdown'], root);
    expect(md.stdout).toContain('|');
  });

  it('colours the text report only on a TTY without NO_COLOR or --no-color', async () => {
    const root = repo(CONFIG, { 'wl.txt': '192.0.2.0/25\n' });
    expect((await cli(['check'], root, {}, true)).stdout).toContain('\u001b[');
    expect((await cli(['check'], root, { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
    expect((await cli(['check', '--no-color'], root, {}, true)).stdout).not.toContain('\u001b[');
  });

  it.each([
    [['check', '--format', 'xml'], /--format must be one of text, json, markdown, sarif; got "xml"/],
    [['check', '--resolve', 'sometimes'], /--resolve must be one of auto, online, offline/],
    [['check', '--endpoint', 'ecs=https://x.test'], /NAME one of dataworks, vpc, sts/],
    [['lint'], /unknown command "lint"/],
    [[], /missing command: check/],
    [['check', '--bogus'], /^dataworks-whitelist-guard: unknown option --bogus\n/]
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const out = await cli(args, '/');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and version', async () => {
    expect((await cli(['--help'], '/')).stdout).toContain('Usage: dataworks-whitelist-guard check');
    // The exit statuses are explained here, once, rather than at the end of every text report.
    expect((await cli(['--help'], '/')).stdout).toMatch(
      /Exit status[^\n]*\n {2}0 {2}pass[^\n]*\n {2}1 {2}fail\n {2}2 {2}could not check/
    );
    expect((await cli(['--version'], '/')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('stays offline in auto mode without credentials, and never needs a GitHub environment', async () => {
    const root = repo(CONFIG, { 'wl.txt': '192.0.2.0/24\n' });
    const out = await cli(['check', '--format', 'json'], root, {});
    expect(JSON.parse(out.stdout).resolve).toBe('offline');
  });
});
