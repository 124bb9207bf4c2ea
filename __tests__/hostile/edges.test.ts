/**
 * The edges never crash (issue 8 §3): standard output closed or full, the working directory deleted, an internal
 * error anywhere, and control characters in everything the action writes. The CLI cases spawn the CLI from its
 * TypeScript sources, as a user's shell would run it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction, type ActionCore, type ActionDeps } from '../../src/action/run.js';
import { runCli } from '../../src/cli/run.js';
import { runCheck, type CheckOptions } from '../../src/engine.js';
import { silentLogger, type Logger } from '../../src/io.js';
import type { Finding, Report } from '../../src/model.js';
import { renderJson, renderMarkdown, renderSarif, renderText, sanitizeControls } from '../../src/report/index.js';
import type { WhitelistReader } from '../../src/whitelists/index.js';
import { textReader } from '../../src/whitelists/index.js';
import { MemoryGitHub } from '../action/memory-github.js';
import { memoryFiles } from '../helpers/memory-files.js';

const REPO_ROOT = process.cwd();
const CLI_ARGS = ['--import', './scripts/register-ts.mjs', path.join(REPO_ROOT, 'src/cli/main.ts')];
const EXAMPLES = path.join(REPO_ROOT, 'examples');
/** Spawned CLIs start tsx; generous, but a hang still fails the test. */
const SPAWN_TIMEOUT_MS = 20_000;

/** ESC, BEL, the other C0 controls but tab and line feed, DEL, C1 controls and the bidi overrides. */
// eslint-disable-next-line no-control-regex -- these control characters are what the tests look for
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$/m;

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `dwg-edges-${prefix}-`));
}

interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI from source. `closeStdoutAfter`: close the reading end of stdout once that many bytes arrived (0:
 * at once), as `| head -c N` does.
 */
function spawnCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; closeStdoutAfter?: number; preload?: string } = {}
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    // A preload runs after tsx's registration and before the CLI.
    const nodeArgs = options.preload ? [...CLI_ARGS.slice(0, 2), '--import', options.preload, CLI_ARGS[2]!] : CLI_ARGS;
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), SPAWN_TIMEOUT_MS);
    if (options.closeStdoutAfter === 0) child.stdout.destroy();
    else {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (options.closeStdoutAfter !== undefined && stdout.length >= options.closeStdoutAfter) {
          child.stdout.destroy();
        }
      });
    }
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A repository whose JSON report is far larger than a pipe's buffer (64 KiB), so a closed reader hits EPIPE. */
function largeReportRepo(): string {
  const root = tempDir('large');
  const sources = Array.from(
    { length: 300 },
    (_, i) => `  db-${i}:
    product: rds
    network: private
    whitelist: { file: wl.txt }
    access:
      - module: data-integration
        resourceGroups: [prod]
`
  ).join('');
  mkdirSync(path.join(root, '.github'));
  writeFileSync(
    path.join(root, '.github/dataworks-whitelist.yml'),
    `version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/24, 198.51.100.0/24]
    publicIps: [203.0.113.7]
dataSources:
${sources}`
  );
  writeFileSync(path.join(root, 'wl.txt'), '192.0.2.0/25\n');
  return root;
}

const devFull = existsSync('/dev/full') ? it : it.skip;

describe('standard output closed or full (CLI from source)', () => {
  it('ends quietly when the reader closes the pipe before anything is written (`| true`)', async () => {
    const run = await spawnCli(['check', '--root', EXAMPLES, '--format', 'json'], { closeStdoutAfter: 0 });
    expect(run.stderr).toBe('');
    // The check's own verdict (examples/ misses entries), not a crash's status.
    expect(run.status).toBe(1);
  });

  it('ends quietly when the reader stops after 10 bytes of a large report (`| head -c 10`)', async () => {
    const root = largeReportRepo();
    const run = await spawnCli(['check', '--root', root, '--format', 'json'], { closeStdoutAfter: 10 });
    expect(run.stdout.startsWith('{')).toBe(true);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  devFull('exits 2 with one line on stderr when standard output is full (`> /dev/full`)', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [...CLI_ARGS, 'check', '--root', EXAMPLES, '--format', 'json'], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
        timeout: SPAWN_TIMEOUT_MS
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        'dataworks-whitelist-guard: could not write the report to standard output: no space left on device (ENOSPC)\n'
      );
    } finally {
      closeSync(fd);
    }
  });

  devFull('exits 2 with one line when the --output file cannot be written, naming the file', async () => {
    const out = await cliInProcess(['check', '--root', EXAMPLES, '--format', 'json', '--output', '/dev/full'], '/');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'dataworks-whitelist-guard: could not write the report to /dev/full: no space left on device (ENOSPC)\n'
    );
  });
});

describe('the working directory deleted before the run', () => {
  /** A preload (after tsx's) that moves into `dir` and deletes it, so the CLI starts in a directory that is gone. */
  function doomedDirectory(): { dir: string; preload: string } {
    const dir = tempDir('doomed');
    const preloadDir = tempDir('preload');
    const preload = path.join(preloadDir, 'delete-cwd.mjs');
    writeFileSync(
      preload,
      `import { rmdirSync } from 'node:fs';\nprocess.chdir(${JSON.stringify(dir)});\nrmdirSync(${JSON.stringify(dir)});\n`
    );
    return { dir, preload };
  }

  it('works with an absolute --root', async () => {
    const { preload } = doomedDirectory();
    const run = await spawnCli(['check', '--root', EXAMPLES, '--format', 'json'], { preload });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Report).status).toBe('fail');
  });

  it('is a usage error, without a stack trace, when a path is relative', async () => {
    const { preload } = doomedDirectory();
    const run = await spawnCli(['check', '--root', 'examples'], { preload });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(
      'dataworks-whitelist-guard: the current directory no longer exists, so --root "examples" cannot be found ' +
        'from it; run from an existing directory or give --root as an absolute path'
    );
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('in process: --output relative to a deleted directory is a usage error; absolute paths work', async () => {
    const relative = await cliInProcess(['check', '--root', EXAMPLES, '--output', 'r.json'], undefined);
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain('--output "r.json" cannot be found from it');
    const target = path.join(tempDir('out'), 'r.json');
    const absolute = await cliInProcess(['check', '--root', EXAMPLES, '--output', target], undefined);
    expect(absolute.code).toBe(1);
    expect(existsSync(target)).toBe(true);
  });
});

async function cliInProcess(
  args: string[],
  cwd: string | undefined
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    cwd
  });
  return { code, stdout, stderr };
}

// ---------------------------------------------------------------------------------------------------------------
// Internal errors: a bug anywhere still yields the report, with an internal-error finding where it happened.

const CONFIG_PATH = '.github/dataworks-whitelist.yml';
const TWO_SOURCES = `version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/24]
    publicIps: [198.51.100.7]
dataSources:
  broken:
    product: rds
    network: private
    whitelist: { file: broken.txt }
    access:
      - module: data-integration
        resourceGroups: [prod]
  healthy:
    product: rds
    network: private
    whitelist: { file: healthy.txt }
    access:
      - module: data-integration
        resourceGroups: [prod]
`;

function recordingLogger(): Logger & { debugs: string[] } {
  const debugs: string[] = [];
  return { ...silentLogger, debug: (m) => void debugs.push(m), debugs };
}

async function check(opts: Partial<CheckOptions>, files: Record<string, string> = {}): Promise<Report> {
  return runCheck({
    root: '/repo',
    configPath: CONFIG_PATH,
    resolve: 'offline',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    now: new Date('2026-11-28T08:00:00Z'),
    env: {},
    files: memoryFiles({ [CONFIG_PATH]: TWO_SOURCES, 'broken.txt': '192.0.2.0/24\n', 'healthy.txt': '', ...files }),
    ...opts
  });
}

/** A text reader with a bug on one file: `fault` decides what goes wrong there. */
function buggyTextReader(fault: 'throws' | 'malformed'): WhitelistReader {
  return {
    format: 'text',
    read: async (source, ctx) => {
      if (source.file !== 'broken.txt') return textReader.read(source, ctx);
      if (fault === 'throws') throw new TypeError("Cannot read properties of undefined (reading 'length')");
      // A result the evaluator cannot digest: an entry without text.
      return {
        entries: [{ raw: undefined as unknown as string, file: 'broken.txt', line: 1, column: 1 }],
        findings: []
      };
    }
  };
}

function expectCleanInternalError(finding: Finding | undefined): void {
  expect(finding).toBeDefined();
  expect(finding!.severity).toBe('error');
  expect(finding!.message).toMatch(
    /^internal error .*; the check is incomplete\. This is a bug in dataworks-whitelist-guard /
  );
  expect(finding!.message).toContain('please open an issue');
  expect(finding!.message).toContain('the version and the shape of the input');
  expect(finding!.message).not.toMatch(/undefined|TypeError|Cannot read|\[object Object\]|NaN|Maximum call stack/);
}

describe('internal-error (contract §13)', () => {
  it('a reader that throws: internal-error at that source, the other data source is still checked', async () => {
    const logger = recordingLogger();
    const report = await check({ loadReader: async () => buggyTextReader('throws'), logger });
    expect(report.status).toBe('error');
    const internal = report.findings.filter((f) => f.rule === 'internal-error');
    expect(internal).toHaveLength(1);
    expectCleanInternalError(internal[0]);
    expect(internal[0]).toMatchObject({ dataSource: 'broken', file: CONFIG_PATH, line: 12 });
    // The healthy source (an empty whitelist) still gets its missing entry and its required block.
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'missing-entry', dataSource: 'healthy', entry: '192.0.2.0/24' })
    );
    expect(report.required).toContainEqual(expect.objectContaining({ dataSource: 'healthy', covered: false }));
    // The detail is in the debug log, for the bug report.
    expect(logger.debugs).toContainEqual(expect.stringContaining('TypeError: Cannot read properties of undefined'));
  });

  it('an evaluator failure on one data source: internal-error there, the other keeps its findings', async () => {
    const report = await check({ loadReader: async () => buggyTextReader('malformed') });
    expect(report.status).toBe('error');
    const internal = report.findings.filter((f) => f.rule === 'internal-error');
    expect(internal).toHaveLength(1);
    expectCleanInternalError(internal[0]);
    expect(internal[0]).toMatchObject({ dataSource: 'broken', file: CONFIG_PATH, line: 9 });
    expect(internal[0]!.message).toContain('while evaluating the whitelist of data source "broken"');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'missing-entry', dataSource: 'healthy', entry: '192.0.2.0/24' })
    );
    expect(report.required.map((r) => r.dataSource)).toEqual(['healthy']);
  });

  it('a config loader failure: a report with internal-error at the config file, status error', async () => {
    const files = memoryFiles({});
    const report = await check({
      files: { ...files, readText: async () => ({ notText: true }) as unknown as string }
    });
    expect(report.status).toBe('error');
    expect(report.findings).toHaveLength(1);
    expectCleanInternalError(report.findings[0]);
    expect(report.findings[0]).toMatchObject({ rule: 'internal-error', file: CONFIG_PATH });
    expect(report.summary.errors).toBe(1);
  });

  it('reads as a could-not-check finding in every output, with SARIF rule metadata', async () => {
    const report = await check({ loadReader: async () => buggyTextReader('throws') });
    expect(renderText(report, { color: false })).toContain('internal-error');
    expect(renderMarkdown(report, {})).toContain('internal-error');
    expect((JSON.parse(renderJson(report)) as Report).findings.map((f) => f.rule)).toContain('internal-error');
    const sarif = renderSarif(report, { toolVersion: '1.0.0', configPath: CONFIG_PATH }) as unknown as {
      runs: {
        tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
        results: { ruleId: string; level: string }[];
      }[];
    };
    const rule = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'internal-error');
    expect(rule?.defaultConfiguration.level).toBe('error');
    expect(sarif.runs[0]!.results).toContainEqual(
      expect.objectContaining({ ruleId: 'internal-error', level: 'error' })
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The action: control characters from the repository never reach the log, annotations, summary, comment or issue.

const HOSTILE = 'evil\u001b]0;owned\u0007\u001b[31m red \u009b2J \u202eexe.txt\u2066x\u2069 \r\n::error::fake';

function hostileReport(): Report {
  const finding: Finding = {
    rule: 'invalid-entry',
    severity: 'error',
    message: `"${HOSTILE}" is not an address`,
    dataSource: `db${HOSTILE}`,
    raw: HOSTILE,
    file: `wl/${HOSTILE}.txt`,
    line: 1,
    column: 1
  };
  return {
    reportVersion: 1,
    status: 'fail',
    config: CONFIG_PATH,
    resolve: 'offline',
    summary: { dataSources: 1, required: 0, missing: 0, errors: 1, warnings: 0, notices: 0 },
    dataSources: [{ name: `db${HOSTILE}`, product: 'rds', network: 'private', region: 'cn-hangzhou' }],
    addressLists: [],
    required: [],
    findings: [finding]
  };
}

interface Written {
  fn: string;
  args: unknown[];
}

interface ActionRun {
  written: Written[];
  github: MemoryGitHub;
}

/** Every string in a call's arguments, annotation properties included. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

async function runHostileAction(event: 'pull_request' | 'push', commentKey?: string): Promise<ActionRun> {
  const workspace = tempDir('action');
  const eventPath = path.join(workspace, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, head: { sha: 'c'.repeat(40) } } }));
  const written: Written[] = [];
  const record =
    (fn: string) =>
    (...args: unknown[]): void =>
      void written.push({ fn, args });
  const core: ActionCore = {
    setSecret: () => undefined,
    setOutput: () => undefined,
    setFailed: record('setFailed'),
    debug: record('debug'),
    info: record('info'),
    warning: record('warning'),
    error: record('error'),
    notice: record('notice')
  };
  const github = new MemoryGitHub();
  const deps: ActionDeps = {
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      RUNNER_TEMP: workspace,
      'INPUT_GITHUB-TOKEN': 'ghs_token',
      'INPUT_AUDIT-ISSUE': 'true',
      'INPUT_COMMENT-KEY': commentKey ?? '',
      'INPUT_FAIL-ON': 'error'
    },
    core,
    runCheck: async (request) => {
      request.logger.info(`read ${HOSTILE}`);
      request.logger.warning(`skipped ${HOSTILE}`);
      return hostileReport();
    },
    renderers: {
      renderJson,
      renderSarif,
      escapeMarkdown: (text) => text,
      // A renderer that forgets to escape: the sinks must still clean what it returns.
      renderMarkdown: (report, options) =>
        `## ${options.title ?? ''}\n${report.findings.map((f) => `- ${f.dataSource}: ${f.message}`).join('\n')}\n${options.footer ?? ''}`,
      renderResolvedMarkdown: (options) => `## ${options.title ?? ''}\nresolved ${HOSTILE}`
    },
    createGitHubApi: () => github,
    appendSummary: async (markdown) => void written.push({ fn: 'summary', args: [markdown] }),
    toolVersion: '0.0.0-test'
  };
  await runAction(deps);
  return { written, github };
}

describe('the action neutralises control characters in everything a person reads', () => {
  it('log lines, annotation messages and titles, the failure message and the job summary', async () => {
    const { written } = await runHostileAction('push');
    const calls = (fn: string): Written[] => written.filter((w) => w.fn === fn);
    for (const fn of ['error', 'warning', 'info', 'setFailed', 'summary']) expect(calls(fn).length).toBeGreaterThan(0);
    for (const call of written) for (const text of stringsOf(call.args)) expect(text).not.toMatch(FORBIDDEN);
    // What was there stays visible, as in the terminal output.
    const [message, properties] = calls('error')[0]!.args as [string, { title: string; file: string }];
    expect(message).toContain('\\u{1b}]0;owned\\u{7}');
    expect(message).toContain('\\u{202e}exe.txt');
    expect(properties.title).toContain('invalid-entry: db');
    expect(properties.file).toContain('\\u{9b}2J');
    // Log lines are one line each: no line break can start a workflow command.
    for (const text of stringsOf(calls('info').map((c) => c.args))) expect(text).not.toMatch(/[\r\n]/);
  });

  it('the sticky comment', async () => {
    const { github } = await runHostileAction('pull_request');
    const comments = await github.listComments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).not.toMatch(FORBIDDEN);
    expect(comments[0]!.body).toContain('\\u{9b}2J');
  });

  it('the audit issue, title and body', async () => {
    const { github } = await runHostileAction('push', `key\u202ereversed`);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]!.title).toBe('DataWorks whitelist findings: key\\u{202e}reversed');
    expect(github.issues[0]!.body).not.toMatch(FORBIDDEN);
  });
});

describe('sanitizeControls', () => {
  it('shows controls and bidi overrides, keeps line feeds and tabs, and is idempotent', () => {
    const once = sanitizeControls('a\u001b[2Jb\tc\r\nd\re\u0085f\u2067g\u0000');
    expect(once).toBe('a\\u{1b}[2Jb\tc\nd e\\u{85}f\\u{2067}g\\u{0}');
    expect(sanitizeControls(once)).toBe(once);
  });
});
