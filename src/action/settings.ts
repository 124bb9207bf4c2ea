/**
 * Every action input and the runner environment, parsed once into one typed settings object (as actions/checkout
 * does). Nothing here runs at import time: `readSettings` is called from `run()` with the process environment.
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEPLOYED_MODES, parseTimeoutSeconds, type DeployedMode } from '../deployed-run.js';
import { parseEndpointSpecs } from '../endpoints.js';
import type { FailOn, ResolveMode } from '../model.js';
import { KEY_VARIABLE_FORMS } from '../resolve/online/credentials-env.js';
import type { OnlineSettings } from '../resolve/types.js';
import { didYouMean } from '../suggest.js';

export const DEFAULT_CONFIG_PATH = '.github/dataworks-whitelist.yml';
export const REPORT_FILE_NAME = 'dataworks-whitelist-report.json';

/**
 * Test-only: `true` makes the GitHub client skip the throttling plugin's spacing of writes (1 s, and 3 s for
 * comments and issues) and retry after milliseconds instead of seconds, so the tests do not wait. Never set it in a
 * workflow.
 */
export const FAST_GITHUB_TEST_ENV = 'DATAWORKS_WHITELIST_GUARD_TEST_FAST_GITHUB';

export type CommentMode = 'on-findings' | 'always' | 'never';

/** A wrong input value: the message says which input and what was expected. Distinct from internal errors. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} inputs are invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`
    );
    this.name = 'InputError';
  }
}

/** The event that triggered the workflow, as far as the action needs it. */
export interface EventContext {
  name: string;
  owner: string;
  repo: string;
  /** The commit checked: the PR head for pull request events (GITHUB_SHA is the merge commit there). */
  sha: string;
  /** Set on `pull_request` and `pull_request_target`. */
  pullRequestNumber?: number;
  /** Link to this workflow run, for comments that point to the job summary. */
  runUrl?: string;
  /** Pull request events: `pull_request.base.sha`, and GITHUB_SHA (the merge commit that is checked out). */
  baseSha?: string;
  mergeSha?: string;
}

export interface ActionSettings {
  /** Absolute repository root that config paths are relative to. */
  root: string;
  /**
   * `root` relative to GITHUB_WORKSPACE (`/` separators, '' when the same): annotations and SARIF locations are
   * resolved by GitHub against the checkout, not against `working-directory`.
   */
  rootInWorkspace: string;
  /** The config file relative to `root`, `/` separators. */
  configPath: string;
  resolve: ResolveMode;
  failOn: FailOn;
  comment: CommentMode;
  /** Identifies this check's sticky comment and audit issue among others in the repository. */
  commentKey: string;
  auditIssue: boolean;
  /** Review suggestions with the fixes on pull request events (input `suggestions`). */
  suggestions: boolean;
  /** A fix pull request on non-PR events (input `fix-pull-request`). */
  fixPullRequest: boolean;
  /** The commit the workflow checked out (GITHUB_SHA): on pull request events, the merge commit. */
  checkedSha: string;
  /** Run DataWorks' own connectivity test (input `verify`, contract §12). */
  verify: boolean;
  githubToken: string;
  /** Absolute path of the SARIF file, when requested. */
  sarifPath?: string;
  /** Absolute path of the JSON report. */
  reportPath: string;
  online: OnlineSettings;
  /** Input `deployed` as given; `deployedForEvent` turns `auto` into what this event reads (contract §9). */
  deployed: DeployedMode;
  apiUrl: string;
  event: EventContext;
  fastGitHubForTests: boolean;
  /**
   * Contract §11: the ref to compare with (`auto`: the pull request's base), or `undefined` when off (input
   * `off`, or `auto` on an event that is not a pull request).
   */
  baseline?: string;
  onlyNew: boolean;
}

export type Env = NodeJS.ProcessEnv;

/** The raw value of an input as the runner passes it: `INPUT_<NAME>` upper-cased, spaces to `_`, hyphens kept. */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Inputs whose values are secrets: masked before anything else runs, so no later message can show them. */
export const SECRET_INPUTS = ['github-token', 'access-key-id', 'access-key-secret', 'security-token'] as const;

/** Every secret value among the inputs and the Alibaba Cloud credential variables, for `core.setSecret`. */
export function secretValues(env: Env): string[] {
  const values = [
    ...SECRET_INPUTS.map((name) => getInput(env, name)),
    ...KEY_VARIABLE_FORMS.flatMap((form) => [env[form.secret] ?? '', env[form.token] ?? ''])
  ];
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = getInput(env, name);
  if (raw === '') return fallback;
  const value = raw.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = didYouMean(value, allowed);
  problems.push(`Input "${name}" must be one of ${allowed.join(', ')}; got "${raw}"${suggestion || '.'}`);
  return fallback;
}

/** YAML 1.2 core schema booleans, as `core.getBooleanInput` accepts them. */
function booleanInput(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = getInput(env, name);
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  problems.push(`Input "${name}" must be true or false; got "${raw}".`);
  return fallback;
}

/** `endpoints`: one `name=URL` per line, parsed as the CLI parses `--endpoint`. */
function readEndpoints(env: Env, problems: string[]): OnlineSettings['endpoints'] {
  const parsed = parseEndpointSpecs((env['INPUT_ENDPOINTS'] ?? '').split(/\r?\n/));
  if (parsed.ok) return parsed.endpoints;
  problems.push(`Input "endpoints": ${parsed.error}.`);
  return {};
}

/**
 * Explicit credentials. An incomplete set is an error: falling back to offline (or to other credentials) would
 * silently check something other than what the workflow asked for.
 */
function readCredentials(env: Env, problems: string[]): OnlineSettings['credentials'] {
  const accessKeyId = getInput(env, 'access-key-id');
  const accessKeySecret = getInput(env, 'access-key-secret');
  const securityToken = getInput(env, 'security-token');
  if (accessKeyId === '' && accessKeySecret === '' && securityToken === '') return undefined;
  if (accessKeyId === '' || accessKeySecret === '') {
    const given = [
      accessKeyId !== '' && 'access-key-id',
      accessKeySecret !== '' && 'access-key-secret',
      securityToken !== '' && 'security-token'
    ].filter(Boolean);
    problems.push(
      `Inputs "access-key-id" and "access-key-secret" must be given together (with an optional "security-token"); ` +
        `only ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set. Check the secrets the workflow passes.`
    );
    return undefined;
  }
  return securityToken === '' ? { accessKeyId, accessKeySecret } : { accessKeyId, accessKeySecret, securityToken };
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The config path relative to the root with `/` separators; it may not leave the root. */
function readConfigPath(env: Env, root: string, problems: string[]): string {
  const raw = getInput(env, 'config') || DEFAULT_CONFIG_PATH;
  const absolute = path.resolve(root, raw);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    problems.push(`Input "config" must name a file inside the working directory ${root}; got "${raw}".`);
    return DEFAULT_CONFIG_PATH;
  }
  return relative.split(path.sep).join('/');
}

function readEvent(env: Env, readText: (file: string) => string, problems: string[]): EventContext {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  if (owner === '' || repo === '') {
    problems.push(
      `GITHUB_REPOSITORY must be "owner/name"; got "${repository}". Is this running outside GitHub Actions?`
    );
  }
  let payload: Record<string, unknown> = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      payload = JSON.parse(readText(eventPath)) as Record<string, unknown>;
    } catch (error) {
      problems.push(`GITHUB_EVENT_PATH (${eventPath}) is not a readable JSON event: ${(error as Error).message}`);
    }
  }
  const pullRequest = payload.pull_request as
    { number?: unknown; head?: { sha?: unknown }; base?: { sha?: unknown } } | undefined;
  const isPullRequestEvent = name === 'pull_request' || name === 'pull_request_target';
  const pullRequestNumber =
    isPullRequestEvent && typeof pullRequest?.number === 'number' ? pullRequest.number : undefined;
  const headSha = isPullRequestEvent && typeof pullRequest?.head?.sha === 'string' ? pullRequest.head.sha : undefined;
  const baseSha = isPullRequestEvent && typeof pullRequest?.base?.sha === 'string' ? pullRequest.base.sha : undefined;
  const mergeSha = isPullRequestEvent && env.GITHUB_SHA ? env.GITHUB_SHA : undefined;
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return {
    name,
    owner,
    repo,
    sha: headSha ?? env.GITHUB_SHA ?? '',
    ...(pullRequestNumber !== undefined ? { pullRequestNumber } : {}),
    ...(runUrl ? { runUrl } : {}),
    ...(baseSha ? { baseSha } : {}),
    ...(mergeSha ? { mergeSha } : {})
  };
}

/**
 * Input `baseline`: `auto` (the base of a `pull_request` event, off elsewhere), `off`, or a git ref. `auto` on
 * `pull_request_target` stays off: there the checkout is the base branch itself.
 */
function readBaseline(env: Env, problems: string[]): string | undefined {
  const raw = getInput(env, 'baseline');
  const value = raw === '' ? 'auto' : raw;
  if (value.toLowerCase() === 'off') return undefined;
  if (value.toLowerCase() === 'auto') return env.GITHUB_EVENT_NAME === 'pull_request' ? 'auto' : undefined;
  if (value.startsWith('-') || /[\s\0]/.test(value) || value.length > 255) {
    problems.push(
      `Input "baseline" must be auto, off or a git ref (a branch, tag or commit SHA); got "${raw.slice(0, 100)}".`
    );
  }
  return value;
}

/**
 * Reads every input and the runner environment. Collects all problems and throws one `InputError` listing them,
 * so a user fixes a workflow in one round.
 */
export function readSettings(
  env: Env,
  readText: (file: string) => string = (file) => readFileSync(file, 'utf8')
): ActionSettings {
  const problems: string[] = [];
  const workspace = env.GITHUB_WORKSPACE || process.cwd();

  const workingDirectory = getInput(env, 'working-directory');
  const root = path.resolve(workspace, workingDirectory || '.');
  if (!isDirectory(root)) {
    problems.push(`Input "working-directory" must name an existing directory; ${root} is not one.`);
  }
  const configPath = readConfigPath(env, root, problems);

  const resolve = oneOf<ResolveMode>(env, 'resolve', ['auto', 'online', 'offline'], 'auto', problems);
  const failOn = oneOf<FailOn>(env, 'fail-on', ['error', 'warning', 'never'], 'error', problems);
  const comment = oneOf<CommentMode>(env, 'comment', ['on-findings', 'always', 'never'], 'on-findings', problems);
  const commentKey = getInput(env, 'comment-key') || configPath;
  if (/[\r\n]/.test(commentKey)) problems.push('Input "comment-key" must be a single line.');
  const auditIssue = booleanInput(env, 'audit-issue', false, problems);
  const suggestions = booleanInput(env, 'suggestions', true, problems);
  const fixPullRequest = booleanInput(env, 'fix-pull-request', false, problems);
  const allowInstanceCredentials = booleanInput(env, 'allow-instance-credentials', false, problems);
  const verify = booleanInput(env, 'verify', false, problems);

  // Output paths are relative to the workspace (the step's directory), as upload-sarif reads them.
  const sarifInput = getInput(env, 'sarif');
  const reportInput = getInput(env, 'report');
  const reportPath = reportInput
    ? path.resolve(workspace, reportInput)
    : path.join(env.RUNNER_TEMP || os.tmpdir(), REPORT_FILE_NAME);

  const deployed = oneOf<DeployedMode>(env, 'deployed', DEPLOYED_MODES, 'auto', problems);
  if (deployed === 'always' && resolve === 'offline') {
    problems.push(
      'Input "deployed" is always, which reads the whitelists deployed in the cloud and needs an online run; ' +
        'input "resolve" is offline. Use resolve: auto or online, or deployed: auto.'
    );
  }
  let timeoutSeconds: number | undefined;
  const timeoutInput = getInput(env, 'timeout');
  if (timeoutInput !== '') {
    const timeout = parseTimeoutSeconds(timeoutInput);
    if (timeout.ok) timeoutSeconds = timeout.seconds;
    else problems.push(`Input "timeout": ${timeout.error}.`);
  }
  const endpoints = readEndpoints(env, problems);
  const credentials = readCredentials(env, problems);
  const event = readEvent(env, readText, problems);
  const baseline = readBaseline(env, problems);
  const onlyNew = booleanInput(env, 'only-new', false, problems);

  if (problems.length > 0) throw new InputError(problems);
  const fromWorkspace = path.relative(workspace, root);
  return {
    root,
    rootInWorkspace:
      fromWorkspace.startsWith('..') || path.isAbsolute(fromWorkspace) ? '' : fromWorkspace.split(path.sep).join('/'),
    configPath,
    resolve,
    failOn,
    comment,
    commentKey,
    auditIssue,
    suggestions,
    fixPullRequest,
    checkedSha: env.GITHUB_SHA ?? '',
    verify,
    githubToken: getInput(env, 'github-token'),
    ...(sarifInput ? { sarifPath: path.resolve(workspace, sarifInput) } : {}),
    reportPath,
    online: {
      endpoints,
      allowInstanceCredentials,
      ...(credentials ? { credentials } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {})
    },
    deployed,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    event,
    fastGitHubForTests: env[FAST_GITHUB_TEST_ENV] === 'true',
    ...(baseline !== undefined ? { baseline } : {}),
    onlyNew
  };
}
