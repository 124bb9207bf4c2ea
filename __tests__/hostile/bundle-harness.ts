/**
 * Runs the committed CLI bundle (dist/cli/index.js) on a repository made in a temporary directory, as a hostile
 * pull request would leave it, and measures what the issue bounds: wall time, peak resident memory, the exit status,
 * and the JSON report it wrote.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli/index.js');
/** Prints the process's peak RSS on exit, to a marker line on stderr. */
const PEAK_RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import fs from 'node:fs'; process.on('exit', () => { try { fs.writeSync(2, '\\n@@maxrss=' + process.resourceUsage().maxRSS + '\\n'); } catch {} });"
)}`;

/** The bounds every hostile case must stay within (issue: under 10 s, under 512 MiB resident). */
export const TIME_LIMIT_MS = 10_000;
export const RSS_LIMIT_MIB = 512;

export interface BundleRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMiB: number;
  report?: { status: string; findings: Finding[]; required: { covered: boolean | null }[] };
}

export interface Finding {
  rule: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  raw?: string;
  dataSource?: string;
}

/** A temporary repository root; `files` maps relative paths to contents. */
export function makeRepo(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dwg-hostile-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

export const CONFIG_PATH = '.github/dataworks-whitelist.yml';

/** A config with one private RDS source whose whitelist is `whitelistYaml` (the value of `whitelist:`). */
export function rdsConfig(whitelistYaml: string, product = 'rds'): string {
  return [
    'version: 1',
    'region: cn-hangzhou',
    'resourceGroups:',
    '  g:',
    '    type: exclusive-integration',
    '    privateCidrs: [192.0.2.0/24]',
    '    publicIps: [198.51.100.7]',
    'dataSources:',
    '  ds:',
    `    product: ${product}`,
    '    network: private',
    `    whitelist: ${whitelistYaml}`,
    '    access:',
    '      - module: data-integration',
    '        resourceGroups: [g]',
    ''
  ].join('\n');
}

export interface RunOptions {
  args?: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Where stdout goes: a pipe (default), or a file path such as /dev/full. */
  stdoutTo?: string;
  /** Close the read end of stdout after this many bytes (a `| head -c N`). */
  closeStdoutAfter?: number;
  /** Start in `cwd`, then delete it before the CLI starts (as a shell whose directory was removed under it). */
  deleteCwdFirst?: boolean;
}

export async function runBundle(root: string, opts: RunOptions = {}): Promise<BundleRun> {
  const reportPath = path.join(root, '..', `${path.basename(root)}-report.json`);
  const args = opts.args ?? ['check', '--root', root, '--resolve', 'offline', '--output', reportPath];
  const started = performance.now();
  const { openSync } = await import('node:fs');
  const stdio: ('pipe' | 'ignore' | number)[] = [
    'ignore',
    opts.stdoutTo ? openSync(opts.stdoutTo, 'w') : 'pipe',
    'pipe'
  ];
  const command = [process.execPath, '--import', PEAK_RSS_PRELOAD, CLI, ...args];
  const [file, ...argv] = opts.deleteCwdFirst
    ? ['/bin/sh', '-c', 'rmdir "$PWD" && exec "$@"', 'sh', ...command]
    : command;
  const child = spawn(file!, argv, {
    cwd: opts.cwd ?? root,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...opts.env },
    stdio
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
    if (opts.closeStdoutAfter !== undefined && stdout.length >= opts.closeStdoutAfter) child.stdout?.destroy();
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS * 3);
  const status = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });
  clearTimeout(killer);
  const ms = performance.now() - started;
  const rss = /@@maxrss=(\d+)/.exec(stderr);
  stderr = stderr.replace(/\n?@@maxrss=\d+\n?/, '');
  let report: BundleRun['report'];
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as BundleRun['report'];
  } catch {
    report = undefined;
  }
  return { status, stdout, stderr, ms, peakRssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN, report };
}

/** The bounds and the shape of a well-behaved run: in time, in memory, no stack trace, a report written. */
export function expectBounded(run: BundleRun): void {
  expect(run.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(run.peakRssMiB).toBeLessThan(RSS_LIMIT_MIB);
  expect(run.stderr).not.toMatch(/\n\s+at |Maximum call stack|internal error:/);
  expect(run.report).toBeDefined();
}
