/**
 * The action's flow: settings → check → reporting layers → outputs → step result. Every dependency (the toolkit,
 * the engine, the renderers, GitHub, the file system) is a parameter, so the flow is tested without module mocks.
 * Each reporting layer degrades alone: its failure is a warning, never a crash or a changed result.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../io.js';
import type { FailOn, Finding, Report, ResolveMode, Severity } from '../model.js';
import { describeSystemError, exceptionDetail, HOW_TO_REPORT, systemErrorCode } from '../internal-error.js';
import { plural } from '../report/common.js';
import { sanitizeControls, sanitizeTerminal } from '../report/escape.js';
import type { OnlineSettings } from '../resolve/types.js';
import { failsRun, type BaselineSettings } from '../baseline/index.js';
import { apiBaseFiles, type GitTreesApi } from './base-tree.js';
import { planAnnotations, type AnnotationBudgetUse } from './annotations.js';
import { syncAuditIssue } from './audit-issue.js';
import { httpStatus, type GitHubApi, type GitHubClientOptions } from './github-api.js';
import { fitBody, fitSummary } from './limits.js';
import { sanitizingCore, sanitizingGitHubApi, sanitizingRenderers } from './sanitize.js';
import { marker } from './markers.js';
import { deployedForEvent, type DeployedMode } from '../deployed-run.js';
import { InputError, readSettings, secretValues, type ActionSettings, type Env } from './settings.js';
import { GITHUB_BODY_LIMIT, upsertStickyComment } from './sticky-comment.js';
import { suggestFixes, wantsFixPullRequest, wantsSuggestions, writeFixPullRequest } from './fix-layers.js';
import type { PlanFixes } from './fix-plan.js';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** The part of `@actions/core` the action uses. */
export interface ActionCore {
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
}

/** What the engine needs from the edge (the engine's `CheckOptions`). */
export interface CheckRequest {
  root: string;
  configPath: string;
  resolve: ResolveMode;
  failOn: FailOn;
  online: OnlineSettings;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  setSecret?: (secret: string) => void;
  /** Contract §11: also check the base commit and mark findings new or unchanged. */
  baseline?: BaselineSettings;
  /** Deployed whitelists for this event (contract §9): see `deployedForEvent`. */
  deployed?: DeployedMode;
  deployedOffReason?: string;
  warnOfflineAudit?: boolean;
  /** Input `verify`: an offline run adds one `verify-failed` warning instead (the engine's). */
  verify?: boolean;
}

export interface MarkdownOptions {
  maxChars?: number;
  title?: string;
  footer?: string;
  sha?: string;
  reportPath?: string;
}

export interface Renderers {
  renderJson(report: Report): string;
  renderMarkdown(report: Report, options: MarkdownOptions): string;
  renderResolvedMarkdown(options: { title?: string; sha?: string }): string;
  renderSarif(report: Report, options: { toolVersion: string; configPath: string }): unknown;
  escapeMarkdown(text: string): string;
}

export interface ActionDeps {
  env: Env;
  core: ActionCore;
  runCheck(request: CheckRequest): Promise<Report>;
  renderers: Renderers;
  createGitHubApi(options: GitHubClientOptions): GitHubApi | Promise<GitHubApi>;
  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
  appendSummary(markdown: string): Promise<void>;
  toolVersion: string;
  /** The fix engine (contract §10); without it, suggestions and the fix pull request are skipped. */
  planFixes?: PlanFixes;
  /** The git-database reads of the base commit (input `baseline`); absent: a baseline cannot be read. */
  createGitTreesApi?(options: GitHubClientOptions): GitTreesApi | Promise<GitTreesApi>;
}

const PRODUCT_NAME = 'DataWorks Whitelist Guard';
const CHECK_TITLE = 'DataWorks whitelist check';
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
export const AUDIT_EVENTS = new Set(['schedule', 'workflow_dispatch', 'push']);

/** Counts annotations emitted through the toolkit, so findings get the slots that are left. */
function countingCore(core: ActionCore): { core: ActionCore; used: AnnotationBudgetUse } {
  const used: AnnotationBudgetUse = { error: 0, warning: 0, notice: 0 };
  const counted =
    (level: Severity) =>
    (message: string, properties?: AnnotationProperties): void => {
      used[level]++;
      core[level](message, properties);
    };
  return {
    used,
    core: { ...core, error: counted('error'), warning: counted('warning'), notice: counted('notice') }
  };
}

async function writeTextFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
}

function describeError(error: unknown): string {
  const code = systemErrorCode(error);
  if (code !== undefined) return describeSystemError(code);
  return error instanceof Error ? error.message : 'an unexpected failure';
}

/** Errors that only a bug raises; their messages are JavaScript's wording, not the user's business. */
function isProgrammingError(error: unknown): boolean {
  return (
    httpStatus(error) === undefined &&
    (error instanceof TypeError ||
      error instanceof RangeError ||
      error instanceof ReferenceError ||
      error instanceof SyntaxError)
  );
}

/** Runs one reporting layer; a failure becomes a warning naming the layer (and the missing permission on 403). */
export async function layer<T>(
  core: ActionCore,
  name: string,
  permission: string | undefined,
  work: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (permission && httpStatus(error) === 403) {
      core.warning(
        `Skipped the ${name}: the token cannot write it (HTTP 403). Give the job \`permissions: ${permission}\`; ` +
          `pull requests from forks get a read-only token, so the check result stays in the job summary and annotations.`
      );
    } else if (isProgrammingError(error)) {
      core.debug(`internal error in the ${name}: ${exceptionDetail(error)}`);
      core.warning(`Skipped the ${name} because of an internal error. ${HOW_TO_REPORT}`);
    } else {
      core.warning(`Skipped the ${name}: ${describeError(error)}`);
    }
    return undefined;
  }
}

/** A root-relative path as GitHub resolves it: relative to the checkout. */
export function inWorkspace(settings: ActionSettings, file: string): string {
  return settings.rootInWorkspace ? `${settings.rootInWorkspace}/${file}` : file;
}

/**
 * Code scanning resolves `%SRCROOT%` locations against the checkout; when `working-directory` is a subdirectory,
 * the renderer's root-relative URIs get that directory in front.
 */
export function rebaseSarif(sarif: unknown, prefix: string): unknown {
  if (!prefix) return sarif;
  const encodedPrefix = prefix.split('/').map(encodeURIComponent).join('/');
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.uriBaseId === '%SRCROOT%' && typeof record.uri === 'string' && !/^[a-z]+:/i.test(record.uri)) {
      record.uri = `${encodedPrefix}/${record.uri}`;
    }
    Object.values(record).forEach(visit);
  };
  const copy = structuredClone(sarif);
  visit(copy);
  return copy;
}

export function counts(report: Report): { missing: number; errors: number; warnings: number } {
  const of = (predicate: (f: Finding) => boolean): number => report.findings.filter(predicate).length;
  return {
    missing: of((f) => f.rule === 'missing-entry'),
    errors: of((f) => f.severity === 'error'),
    warnings: of((f) => f.severity === 'warning')
  };
}

/** New error and warning findings (contract §11); without a baseline every finding is new. */
export function newCount(report: Report): number {
  return report.findings.filter((f) => f.severity !== 'notice' && f.baseline !== 'unchanged').length;
}

/** The step's result message, or `undefined` when the step passes. */
export function failureMessage(report: Report, failOn: FailOn): string | undefined {
  const { errors, warnings } = counts(report);
  if (report.status === 'fail' && report.baseline?.onlyNew) {
    if (!failsRun(report, failOn)) return undefined;
    return `The DataWorks whitelist check failed: this pull request introduces ${plural(newCount(report), 'error or warning', 'errors or warnings')} (${tally(errors, warnings)} in all); see the job summary.`;
  }
  if (report.status === 'error') {
    return `The DataWorks whitelist check could not be completed (${tally(errors, warnings)}); see the job summary.`;
  }
  if (report.status === 'fail' && failOn !== 'never') {
    return `The DataWorks whitelist check failed (${tally(errors, warnings)}); see the job summary.`;
  }
  return undefined;
}

function tally(errors: number, warnings: number): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Contract §11: how the base is read in the action (GitHub's API: the checkout has no history or credentials). */
function baselineRequest(deps: ActionDeps, settings: ActionSettings, logger: Logger): BaselineSettings | undefined {
  const ref = settings.baseline;
  if (ref === undefined) return undefined;
  return {
    ref,
    onlyNew: settings.onlyNew,
    readBase: async () => {
      if (!deps.createGitTreesApi) return { ok: false, message: 'this build cannot read a base commit' };
      if (settings.githubToken === '') return { ok: false, message: 'the "github-token" input is empty' };
      const api = await deps.createGitTreesApi({
        token: settings.githubToken,
        apiUrl: settings.apiUrl,
        owner: settings.event.owner,
        repo: settings.event.repo,
        logger,
        fast: settings.fastGitHubForTests
      });
      return apiBaseFiles(api, {
        ref,
        ...(settings.event.mergeSha ? { mergeSha: settings.event.mergeSha } : {}),
        ...(settings.event.baseSha ? { baseSha: settings.event.baseSha } : {}),
        rootInRepository: settings.rootInWorkspace
      });
    }
  };
}

function workflowRunsUrl(env: Env, settings: ActionSettings): string | undefined {
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/file.yml@refs/heads/main
  const file = /\/\.github\/workflows\/([^@/]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return file ? `${server}/${settings.event.owner}/${settings.event.repo}/actions/workflows/${file}` : undefined;
}

/** Ends a run that produced no report: status `error`, a job summary saying why, and a failed step. */
async function stopWithError(deps: ActionDeps, core: ActionCore, headline: string, problems: string[]): Promise<void> {
  core.setOutput('status', 'error');
  // The problems quote input values, which may hold Markdown: escaped like repository text.
  const list = problems.map((p) => `- ${deps.renderers.escapeMarkdown(p)}`).join('\n');
  await deps.appendSummary(`## ${PRODUCT_NAME}\n\n${headline}\n\n${list}\n`).catch(() => undefined);
  core.setFailed(
    problems.length === 1 ? `${headline} ${problems[0]}` : `${headline}\n${problems.map((p) => `- ${p}`).join('\n')}`
  );
}

/** The dependencies with every human-facing sink cleaned of control characters (see `sanitize.ts`). */
function sanitizingDeps(deps: ActionDeps): ActionDeps {
  return {
    ...deps,
    core: sanitizingCore(deps.core),
    renderers: sanitizingRenderers(deps.renderers),
    appendSummary: (markdown) => deps.appendSummary(sanitizeControls(markdown)),
    createGitHubApi: async (options) => sanitizingGitHubApi(await deps.createGitHubApi(options))
  };
}

export async function runAction(unsanitizedDeps: ActionDeps): Promise<void> {
  const deps = sanitizingDeps(unsanitizedDeps);
  const { core, used } = countingCore(deps.core);
  const logger: Logger = { debug: (m) => core.debug(m), info: (m) => core.info(m), warning: (m) => core.warning(m) };

  // Masked before parsing, so not even an error message about the inputs can show a secret.
  for (const secret of secretValues(deps.env)) core.setSecret(secret);

  let settings: ActionSettings;
  try {
    settings = readSettings(deps.env);
  } catch (error) {
    const problems =
      error instanceof InputError ? error.problems : [`Could not read the inputs: ${describeError(error)}`];
    await stopWithError(deps, core, 'The check did not run: invalid inputs.', problems);
    return;
  }

  const baseline = baselineRequest(deps, settings, logger);
  let report: Report;
  try {
    report = await deps.runCheck({
      ...repositoryCheck({ settings, deps, logger, core }),
      ...(baseline ? { baseline } : {}),
      ...deployedForEvent(settings.deployed, settings.event.name),
      ...(settings.verify ? { verify: true } : {})
    });
  } catch (error) {
    // The engine reports user errors as findings and its own bugs as internal-error findings; reaching here is a
    // bug at the edge, still reported without a stack trace and with how to report it.
    core.debug(`internal error while checking: ${exceptionDetail(error)}`);
    await stopWithError(deps, core, `The check did not run: an internal error.`, [HOW_TO_REPORT]);
    return;
  }

  const tally = counts(report);
  core.setOutput('status', report.status);
  core.setOutput('missing-count', String(tally.missing));
  core.setOutput('finding-count', String(tally.errors + tally.warnings));
  core.setOutput('new-count', String(newCount(report)));
  core.info(
    `${PRODUCT_NAME}: status ${report.status}, ${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')}, ` +
      `${plural(tally.missing, 'missing entry', 'missing entries')}.`
  );

  // Plain text: the renderer escapes the title. The key is named only when it is not the config path, which the
  // report names anyway.
  const title = settings.commentKey === settings.configPath ? CHECK_TITLE : `${CHECK_TITLE} (${settings.commentKey})`;
  const run: CheckedRun = {
    deps,
    core,
    logger,
    settings,
    report,
    // With only-new, findings the base had too do not make a comment worth writing (contract §11).
    hasProblems:
      (report.baseline?.onlyNew ? newCount(report) : tally.errors + tally.warnings) > 0 || report.status === 'error',
    title,
    fallbackHead: `## ${deps.renderers.escapeMarkdown(title)}\n\nStatus **${report.status}**: ${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')}.`
  };

  const reportWritten = await writeReportFiles(run);
  await writeJobSummary(run, reportWritten);
  const api = await connectGitHub(run);
  // Fixes outside the pull request's diff: a patch for the sticky comment, or the job summary without one.
  let fixSection = '';
  let commentWritten = false;
  if (api) {
    fixSection = await suggestFixes(run, api);
    commentWritten = await writePullRequestComment(run, api, fixSection);
    await writeAuditIssue(run, api);
    await writeFixPullRequest(run, api);
  }
  if (fixSection !== '' && !commentWritten) {
    await layer(core, 'job summary', undefined, () => deps.appendSummary(`\n${fixSection}\n`));
  }

  const failure = failureMessage(report, settings.failOn);
  // setFailed emits one error annotation, so it takes one of the error slots.
  emitAnnotations(run, { ...used, error: used.error + (failure ? 1 : 0) });
  if (failure) core.setFailed(failure);
}

/** A run that produced a report, and what every reporting layer needs of it. */
/** The check of the repository as the inputs ask for it, before any per-feature option (the fix engine's too). */
export function repositoryCheck(run: Pick<CheckedRun, 'settings' | 'deps' | 'logger' | 'core'>): CheckRequest {
  const { settings, deps, logger, core } = run;
  return {
    root: settings.root,
    configPath: settings.configPath,
    resolve: settings.resolve,
    failOn: settings.failOn,
    online: settings.online,
    logger,
    env: deps.env,
    setSecret: (secret) => core.setSecret(secret)
  };
}

export interface CheckedRun {
  deps: ActionDeps;
  core: ActionCore;
  logger: Logger;
  settings: ActionSettings;
  report: Report;
  /** Errors or warnings, or status `error`: what makes a comment or an audit issue worth writing. */
  hasProblems: boolean;
  /** Plain-text title for the renderer. */
  title: string;
  /** Escaped heading and status line for the short fallbacks used when a rendering does not fit. */
  fallbackHead: string;
}

/** The JSON report (always) and the SARIF file (when asked); returns whether the JSON report was written. */
async function writeReportFiles({ deps, core, settings, report }: CheckedRun): Promise<boolean> {
  const written = await layer(core, 'JSON report', undefined, async () => {
    await writeTextFile(settings.reportPath, deps.renderers.renderJson(report));
    return true;
  });
  if (written) core.setOutput('report', settings.reportPath);
  const { sarifPath } = settings;
  if (sarifPath) {
    await layer(core, 'SARIF file', undefined, async () => {
      const sarif = deps.renderers.renderSarif(report, {
        toolVersion: deps.toolVersion,
        configPath: settings.configPath
      });
      await writeTextFile(sarifPath, `${JSON.stringify(rebaseSarif(sarif, settings.rootInWorkspace), null, 2)}\n`);
    });
  }
  return written === true;
}

async function writeJobSummary(run: CheckedRun, reportWritten: boolean): Promise<void> {
  const { deps, core, settings, report } = run;
  await layer(core, 'job summary', undefined, async () => {
    const reportPath = reportWritten ? settings.reportPath : undefined;
    const fitted = fitSummary(
      (maxChars) =>
        deps.renderers.renderMarkdown(report, {
          title: run.title,
          sha: settings.event.sha,
          ...(maxChars !== undefined ? { maxChars } : {}),
          ...(reportPath ? { reportPath } : {})
        }),
      `${run.fallbackHead} The report is too large for the job summary; the full JSON report is at ` +
        `\`${reportPath ?? 'the report path'}\`.\n`
    );
    if (fitted.form !== 'full')
      core.info(`The job summary was shortened to fit GitHub's 1 MiB limit (${fitted.form}).`);
    await deps.appendSummary(fitted.text);
  });
}

function wantsComment({ settings }: CheckedRun): boolean {
  return settings.comment !== 'never' && PULL_REQUEST_EVENTS.has(settings.event.name);
}

function wantsAuditIssue({ settings }: CheckedRun): boolean {
  return settings.auditIssue && AUDIT_EVENTS.has(settings.event.name);
}

/** The GitHub client, when this run writes a comment or an issue. */
async function connectGitHub(run: CheckedRun): Promise<GitHubApi | undefined> {
  const { deps, core, settings } = run;
  if (settings.auditIssue && !AUDIT_EVENTS.has(settings.event.name)) {
    core.info(
      `The audit issue is kept on schedule, workflow_dispatch and push events; this is ${settings.event.name}.`
    );
  }
  if (!wantsComment(run) && !wantsAuditIssue(run) && !wantsSuggestions(run) && !wantsFixPullRequest(run)) {
    return undefined;
  }
  if (settings.githubToken === '') {
    core.warning(
      'Skipped the PR comment, suggestions, audit issue and fix pull request: the "github-token" input is empty.'
    );
    return undefined;
  }
  return layer(core, 'GitHub client', undefined, async () =>
    deps.createGitHubApi({
      token: settings.githubToken,
      apiUrl: settings.apiUrl,
      owner: settings.event.owner,
      repo: settings.event.repo,
      logger: run.logger,
      fast: settings.fastGitHubForTests
    })
  );
}

/** Writes the sticky comment; returns whether the comment now carries this run's report. */
async function writePullRequestComment(run: CheckedRun, api: GitHubApi, fixSection = ''): Promise<boolean> {
  const { deps, core, settings, report } = run;
  const issueNumber = settings.event.pullRequestNumber;
  if (!wantsComment(run) || issueNumber === undefined) return false;
  const server = deps.env.GITHUB_SERVER_URL || 'https://github.com';
  const checksUrl = `${server}/${settings.event.owner}/${settings.event.repo}/pull/${issueNumber}/checks`;
  const footer = `${fixSection === '' ? '' : `${fixSection}\n\n`}Full report: the job summary of the [check run](${checksUrl}).`;
  const commentMarker = marker('comment', settings.commentKey);
  const result = await layer(core, 'PR comment', 'pull-requests: write', async () => {
    const body = fitBody(
      commentMarker,
      (maxChars) =>
        deps.renderers.renderMarkdown(report, { title: run.title, footer, ...(maxChars ? { maxChars } : {}) }),
      `${run.fallbackHead} ${footer}\n`,
      GITHUB_BODY_LIMIT
    );
    const resolved = fitBody(
      commentMarker,
      () => deps.renderers.renderResolvedMarkdown({ title: run.title, sha: settings.event.sha }),
      `${run.fallbackHead}\n`,
      GITHUB_BODY_LIMIT
    );
    return upsertStickyComment({
      api,
      logger: run.logger,
      issueNumber,
      mode: settings.comment,
      marker: commentMarker,
      hasFindings: run.hasProblems,
      body: body.text,
      resolvedBody: resolved.text
    });
  });
  if (result) {
    core.info(`PR comment: ${result.outcome}${result.url ? ` (${result.url})` : ''}.`);
    if (result.url) core.setOutput('comment-url', result.url);
  }
  return result !== undefined && result.outcome !== 'none' && result.outcome !== 'resolved';
}

async function writeAuditIssue(run: CheckedRun, api: GitHubApi): Promise<void> {
  const { deps, core, settings, report } = run;
  if (!wantsAuditIssue(run)) return;
  const runsUrl = workflowRunsUrl(deps.env, settings);
  // No run link or SHA in the body: it changes only when the findings do.
  const footer =
    `Updated by ${PRODUCT_NAME} when the findings change, and closed when a run is clean.` +
    (runsUrl ? ` [Workflow runs](${runsUrl}).` : '');
  const issueMarker = marker('audit-issue', settings.commentKey);
  const result = await layer(core, 'audit issue', 'issues: write', async () => {
    const body = fitBody(
      issueMarker,
      (maxChars) =>
        deps.renderers.renderMarkdown(report, { title: run.title, footer, ...(maxChars ? { maxChars } : {}) }),
      `${run.fallbackHead}\n\n${footer}\n`,
      GITHUB_BODY_LIMIT
    );
    const runLink = settings.event.runUrl ? ` ([run](${settings.event.runUrl}))` : '';
    return syncAuditIssue({
      api,
      logger: run.logger,
      marker: issueMarker,
      hasProblems: run.hasProblems,
      // The stored title is compared with this one: cleaned here as the client would, so it matches next time.
      title: sanitizeTerminal(`DataWorks whitelist findings: ${settings.commentKey}`),
      body: body.text,
      closingComment: `Resolved: the check of ${settings.event.sha} found no errors or warnings${runLink}.`
    });
  });
  if (result) {
    core.info(`Audit issue: ${result.outcome}${result.url ? ` (${result.url})` : ''}.`);
    if (result.url) core.setOutput('issue-url', result.url);
  }
}

/** Findings as annotations, at paths relative to the checkout, within the slots `used` leaves. */
function emitAnnotations({ core, settings, report }: CheckedRun, used: AnnotationBudgetUse): void {
  const plan = planAnnotations(
    report.findings.map((f) => (f.file ? { ...f, file: inWorkspace(settings, f.file) } : f)),
    used,
    'The job summary lists every finding.'
  );
  for (const { level, message, ...properties } of plan.annotations) core[level](message, properties);
}
