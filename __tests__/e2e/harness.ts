/**
 * Runs the committed bundle (`node dist/index.js`) the way the GitHub runner does: inputs as `INPUT_*` variables
 * with the action.yml defaults applied here (the runner applies them, not the toolkit), real-shaped event payloads,
 * existing GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_STATE files, and GITHUB_API_URL pointing to a
 * fake. The environment is built from scratch, so nothing of the developer's machine (credentials, proxies) leaks in.
 * Exported for other e2e suites (the online mode adds a fake Alibaba Cloud through the `endpoints` input).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = path.join(REPO_ROOT, 'dist/index.js');
export const E2E_TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted0001';
export const OWNER = 'octo-org';
export const REPO = 'data-platform';
export const HEAD_SHA = '4f2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';
export const MERGE_SHA = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';

export interface ActionInputDefinition {
  description?: string;
  default?: string;
}

/** The inputs of action.yml, read with a YAML parser as the runner reads them. */
export function actionInputs(): Record<string, ActionInputDefinition> {
  const metadata = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, ActionInputDefinition>;
  };
  return metadata.inputs;
}

/** The defaults the runner would pass, with the expressions it would evaluate (only `github.token` is used). */
export function defaultInputs(token: string): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, definition] of Object.entries(actionInputs())) {
    const value = String(definition.default ?? '');
    defaults[name] = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
    if (/\$\{\{/.test(defaults[name]!))
      throw new Error(`the harness cannot evaluate the default of input ${name}: ${value}`);
  }
  return defaults;
}

export interface GitHubEvent {
  name: string;
  payload: Record<string, unknown>;
}

const repository = {
  id: 123456789,
  name: REPO,
  full_name: `${OWNER}/${REPO}`,
  private: false,
  owner: { login: OWNER, id: 1001, type: 'Organization' },
  html_url: `https://github.com/${OWNER}/${REPO}`,
  default_branch: 'main'
};
const sender = { login: 'octocat', id: 583231, type: 'User' };

/** Real-shaped webhook payloads (trimmed to the fields GitHub always sends that an action may read). */
export const events = {
  pullRequest(number: number, options: { fork?: boolean; target?: boolean } = {}): GitHubEvent {
    const headRepo = options.fork
      ? {
          ...repository,
          id: 987654321,
          full_name: `contributor/${REPO}`,
          owner: { login: 'contributor', id: 2002, type: 'User' },
          fork: true
        }
      : repository;
    return {
      name: options.target ? 'pull_request_target' : 'pull_request',
      payload: {
        action: 'synchronize',
        number,
        pull_request: {
          id: 1_900_000_000 + number,
          number,
          state: 'open',
          title: 'Add the orders database',
          html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
          user: sender,
          head: { label: `${headRepo.owner.login}:feature`, ref: 'feature', sha: HEAD_SHA, repo: headRepo },
          base: {
            label: `${OWNER}:main`,
            ref: 'main',
            sha: 'c0ffee0000000000000000000000000000000000',
            repo: repository
          }
        },
        repository,
        sender
      }
    };
  },
  schedule(): GitHubEvent {
    return { name: 'schedule', payload: { schedule: '17 4 * * 1' } };
  },
  workflowDispatch(): GitHubEvent {
    return {
      name: 'workflow_dispatch',
      payload: { inputs: {}, ref: 'refs/heads/main', repository, sender, workflow: '.github/workflows/audit.yml' }
    };
  },
  push(): GitHubEvent {
    return {
      name: 'push',
      payload: {
        ref: 'refs/heads/main',
        before: 'c0ffee0000000000000000000000000000000000',
        after: HEAD_SHA,
        repository,
        sender,
        head_commit: { id: HEAD_SHA }
      }
    };
  }
};

/** A temporary repository with the given files (paths relative to its root, `/` separators). */
export function makeRepo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dwg-e2e-repo-'));
  writeRepoFiles(root, files);
  return root;
}

export function writeRepoFiles(root: string, files: Record<string, string>): void {
  for (const [relPath, text] of Object.entries(files)) {
    const file = path.join(root, ...relPath.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** Workflow commands (`::error file=a,line=1::message`) printed on stdout, unescaped as the runner does. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: m[1]!, properties, message: unescapeData(m[3]!) });
  }
  return commands;
}

/** A GITHUB_OUTPUT / GITHUB_ENV file: `name<<DELIMITER` blocks (what the toolkit writes) and `name=value` lines. */
export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unterminated value of ${name} in an output file`);
      values[name!] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

export interface RunOptions {
  /** The repository root (GITHUB_WORKSPACE). */
  workspace: string;
  /** Inputs as in `with:`; the rest take their action.yml defaults. */
  inputs?: Record<string, string>;
  event?: GitHubEvent;
  /** GITHUB_API_URL; the default is a closed port so an unexpected call fails fast. */
  apiUrl?: string;
  /** Extra environment (e.g. ALIBABA_CLOUD_* for online tests). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Annotations (`error`, `warning`, `notice` commands) in the order printed. */
  annotations: WorkflowCommand[];
  commands: WorkflowCommand[];
  runnerTemp: string;
  envFile: string;
  stateFile: string;
}

/** Spawns the bundle with a runner-like environment and collects what the runner would read afterwards. */
export async function runBundle(options: RunOptions): Promise<RunResult> {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'dwg-e2e-runner-'));
  const files = {
    output: path.join(runnerTemp, '_runner_file_commands', 'set_output'),
    summary: path.join(runnerTemp, '_runner_file_commands', 'step_summary'),
    env: path.join(runnerTemp, '_runner_file_commands', 'set_env'),
    state: path.join(runnerTemp, '_runner_file_commands', 'save_state'),
    path: path.join(runnerTemp, '_runner_file_commands', 'add_path'),
    event: path.join(runnerTemp, '_github_workflow', 'event.json')
  };
  mkdirSync(path.dirname(files.output), { recursive: true });
  mkdirSync(path.dirname(files.event), { recursive: true });
  for (const file of [files.output, files.summary, files.env, files.state, files.path]) writeFileSync(file, '');
  const event = options.event ?? events.push();
  writeFileSync(files.event, JSON.stringify(event.payload, null, 2));

  const inputs = { ...defaultInputs(E2E_TOKEN), ...(options.inputs ?? {}) };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runnerTemp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run',
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${options.apiUrl ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_RUN_ID: '7001',
    GITHUB_RUN_NUMBER: '12',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'whitelist',
    GITHUB_WORKFLOW: 'DataWorks whitelist',
    GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/whitelist.yml@refs/heads/main`,
    GITHUB_SHA: event.name.startsWith('pull_request') ? MERGE_SHA : HEAD_SHA,
    GITHUB_REF: event.name.startsWith('pull_request') ? 'refs/pull/1/merge' : 'refs/heads/main',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    // Test-only switch documented in src/action/settings.ts: no 1 s spacing between GitHub writes.
    DATAWORKS_WHITELIST_GUARD_TEST_FAST_GITHUB: 'true',
    ...(options.env ?? {})
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const child = spawn(process.execPath, [BUNDLE], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the action did not finish within ${options.timeoutMs ?? 60_000} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

  const commands = parseWorkflowCommands(stdout);
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseKeyValueFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
    commands,
    runnerTemp,
    envFile: readFileSync(files.env, 'utf8'),
    stateFile: readFileSync(files.state, 'utf8')
  };
}

export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist/cli/index.js');

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the committed CLI bundle (`node dist/cli/index.js ARGS`) in `cwd` with an environment built from scratch
 * (PATH, HOME and `env` only: no credentials or proxies of the developer's machine).
 */
export async function runCliBundle(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }
): Promise<CliResult> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.cwd, NO_COLOR: '1', ...(options.env ?? {}) };
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not finish within ${options.timeoutMs ?? 30_000} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return { exitCode, stdout, stderr };
}
