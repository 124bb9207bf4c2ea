/**
 * The two reporting layers that carry fixes (contract §10): review suggestions on pull requests and the fix pull
 * request of scheduled and manual runs. Each runs the fix engine given to the action, and degrades alone like
 * every other layer: a failure is a warning naming the layer (and the missing permission on HTTP 403).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diskRepoFiles } from '../io.js';
import { plural } from '../report/common.js';
import { fixBranchSlug, FIX_BRANCH_PREFIX, syncFixPullRequest } from './fix-pull-request.js';
import { headVersionFiles, normalizeRelPath } from './fix-plan.js';
import type { GitHubApi, TreeFile } from './github-api.js';
import { marker } from './markers.js';
import { outsideDiffSection, planSuggestions, postSuggestions } from './pr-suggestions.js';
import { AUDIT_EVENTS, inWorkspace, layer, PULL_REQUEST_EVENTS, repositoryCheck, type CheckedRun } from './run.js';
import { DEFAULT_CONFIG_PATH } from './settings.js';

export function wantsSuggestions({ settings }: CheckedRun): boolean {
  return settings.suggestions && settings.event.name === 'pull_request';
}

export function wantsFixPullRequest({ settings }: CheckedRun): boolean {
  return settings.fixPullRequest && AUDIT_EVENTS.has(settings.event.name);
}

/** A shell word: left as it is when it needs no quoting, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w./@:=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The CLI command that applies every fix, run from the repository's top directory. */
function fixCommand(run: CheckedRun): string {
  const { settings } = run;
  const words = ['npx', 'dataworks-whitelist-guard', 'fix'];
  if (settings.rootInWorkspace) words.push('--root', settings.rootInWorkspace);
  if (settings.configPath !== DEFAULT_CONFIG_PATH) words.push('--config', settings.configPath);
  return words.map(shellWord).join(' ');
}

/** The root-relative path of a repository path inside the root, or `undefined` for one outside it. */
function rootRelative(run: CheckedRun, repoPath: string): string | undefined {
  const prefix = run.settings.rootInWorkspace;
  if (!prefix) return repoPath;
  return repoPath.startsWith(`${prefix}/`) ? repoPath.slice(prefix.length + 1) : undefined;
}

/**
 * Suggestions on a `pull_request` event; returns the Markdown section with the fixes that could not be suggested
 * ('' when there are none or the layer was skipped).
 */
export async function suggestFixes(run: CheckedRun, api: GitHubApi): Promise<string> {
  const { deps, core, settings } = run;
  const pullNumber = settings.event.pullRequestNumber;
  if (!wantsSuggestions(run) || pullNumber === undefined) return '';
  const planFixes = deps.planFixes;
  if (!planFixes) {
    core.info('Suggestions are skipped: this build of the action has no fix engine.');
    return '';
  }
  const planned = await layer(core, 'fix suggestions', undefined, async () => {
    const files = await api.listPullRequestFiles(pullNumber);
    const changed = new Set<string>();
    for (const file of files) {
      const relative = rootRelative(run, file.path);
      if (relative !== undefined) changed.add(normalizeRelPath(relative));
    }
    const headFiles = headVersionFiles(diskRepoFiles(settings.root), changed, (relPath) =>
      api.getFileText(inWorkspace(settings, relPath), settings.event.sha)
    );
    const plan = await planFixes({ ...repositoryCheck(run), files: headFiles });
    return planSuggestions(plan, files, (file) => inWorkspace(settings, normalizeRelPath(file)), run.logger);
  });
  if (!planned) return '';
  const posted = await layer(core, 'review suggestions', 'pull-requests: write', () =>
    postSuggestions({
      api,
      logger: run.logger,
      pullNumber,
      headSha: settings.event.sha,
      marker: marker('suggestion', settings.commentKey),
      planned: planned.suggestions
    })
  );
  if (posted) {
    core.info(
      `Suggestions: ${posted.posted} posted, ${posted.kept} already there, ${posted.deleted} deleted` +
        `${posted.reviewUrl ? ` (${posted.reviewUrl})` : ''}; ` +
        `${plural(planned.outside.length, 'file')} with fixes outside the diff.`
    );
  }
  return outsideDiffSection(planned.outside, fixCommand(run));
}

/**
 * Where a fixed file goes in the commit: its real path inside the repository (the editor wrote the link's
 * target, so the link itself is never replaced by a file) and its mode.
 */
async function treePath(
  run: CheckedRun,
  file: string
): Promise<{ path: string; mode: TreeFile['mode'] } | { refused: string }> {
  const depth = run.settings.rootInWorkspace === '' ? 0 : run.settings.rootInWorkspace.split('/').length;
  const workspace = path.resolve(run.settings.root, ...Array<string>(depth).fill('..'));
  const realWorkspace = await realpath(workspace);
  const real = await realpath(path.resolve(run.settings.root, ...file.split('/'))).catch(() => undefined);
  if (real === undefined) return { refused: 'it is not in the checkout' };
  const relative = path.relative(realWorkspace, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { refused: 'it lies outside the repository' };
  }
  const stats = await stat(real);
  return { path: relative.split(path.sep).join('/'), mode: stats.mode & 0o111 ? '100755' : '100644' };
}

/** The fix pull request on schedule, workflow_dispatch and push events. */
export async function writeFixPullRequest(run: CheckedRun, api: GitHubApi): Promise<void> {
  const { deps, core, settings, report } = run;
  if (settings.fixPullRequest && PULL_REQUEST_EVENTS.has(settings.event.name)) {
    core.info('The fix pull request is made on schedule, workflow_dispatch and push events; this is a pull request.');
  }
  if (!wantsFixPullRequest(run)) return;
  const planFixes = deps.planFixes;
  if (!planFixes) {
    core.info('The fix pull request is skipped: this build of the action has no fix engine.');
    return;
  }
  const result = await layer(core, 'fix pull request', 'contents: write` and `pull-requests: write', async () => {
    const plan = await planFixes(repositoryCheck(run));
    return syncFixPullRequest({
      api,
      logger: run.logger,
      plan,
      status: report.status,
      checkedSha: settings.checkedSha,
      marker: marker('fix-pull-request', settings.commentKey),
      commentKey: settings.commentKey,
      treePath: (file) => treePath(run, file)
    });
  });
  if (!result) return;
  if (result.outcome === 'base-moved') {
    core.notice(
      `The fix pull request was not updated: the default branch moved on since this run checked out ` +
        `${settings.checkedSha.slice(0, 12)}, and the fix is only committed on the commit that was checked. The next ` +
        `run will do it.`
    );
  }
  const branch = `${FIX_BRANCH_PREFIX}${fixBranchSlug(settings.commentKey)}`;
  core.info(`Fix pull request (${branch}): ${result.outcome}${result.url ? ` (${result.url})` : ''}.`);
  if (result.url) core.setOutput('fix-pull-request-url', result.url);
}
