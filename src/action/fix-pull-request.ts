/**
 * The fix pull request of scheduled and manual runs (contract §10): the fix committed through the Git Data API on
 * top of the default branch's head (only when that head is the commit this run checked), on one branch per
 * comment key; one pull request opened or updated, found by its hidden marker; closed with its branch deleted once
 * nothing is left to fix. A branch whose head this action did not write is never overwritten.
 */
import type { Logger } from '../io.js';
import type { FixPlan } from '../fix/types.js';
import { escapeMarkdown } from '../report/escape.js';
import { plural } from '../report/common.js';
import type { Status } from '../model.js';
import type { GitDataApi, PullRequest, PullsApi, TreeFile } from './github-api.js';
import { hasMarker, sameBody } from './markers.js';
import { GITHUB_BODY_LIMIT } from './sticky-comment.js';

export const FIX_BRANCH_PREFIX = 'dataworks-whitelist/fix/';

/**
 * The branch name's last component from the comment key: lowercased, every run of characters other than
 * `a-z0-9._-` turned into one `-`; then what git refuses in a ref component (a leading or trailing `.` or `-`,
 * `..`, a `.lock` ending) is removed, so the name is always valid.
 */
export function fixBranchSlug(key: string): string {
  let slug = key
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  if (slug.endsWith('.lock')) slug = `${slug.slice(0, -'.lock'.length)}-lock`;
  return slug === '' ? 'default' : slug;
}

export type FixPullRequestOutcome =
  'opened' | 'updated' | 'unchanged' | 'closed' | 'none' | 'base-moved' | 'foreign-branch';

export interface FixPullRequestResult {
  outcome: FixPullRequestOutcome;
  /** The pull request open after the run, if any. */
  url?: string;
}

export interface FixPullRequestRequest {
  api: GitDataApi & PullsApi;
  logger: Logger;
  plan: FixPlan;
  status: Status;
  /** The commit the run checked out (GITHUB_SHA). */
  checkedSha: string;
  /** This comment key's hidden marker (kind `fix-pull-request`). */
  marker: string;
  commentKey: string;
  /** Repository path and mode of a root-relative file, or a reason it cannot be committed. */
  treePath(file: string): Promise<{ path: string; mode: TreeFile['mode'] } | { refused: string }>;
}

const TITLE = 'Allow the DataWorks addresses missing from the whitelists';

function pullBody(request: FixPullRequestRequest): string {
  const { plan, marker } = request;
  const lines = [
    marker,
    `## ${TITLE}`,
    '',
    'DataWorks connects to these data sources from addresses their whitelists do not allow yet. This pull ' +
      'request adds exactly those blocks (the fewest CIDRs that cover them) next to the existing entries.',
    ''
  ];
  for (const edit of plan.edits) {
    lines.push(`### \`${edit.file.replace(/`/g, '')}\``, '');
    for (const entry of edit.added) lines.push(`- \`${entry.replace(/`/g, '')}\``);
    lines.push('');
  }
  const fixed = plan.before.findings.filter(
    (f) =>
      (f.rule === 'missing-entry' || f.rule === 'host-bits-set') &&
      !plan.notFixed.some((n) => n.finding === f) &&
      plan.edits.some((e) => e.file === f.file)
  );
  if (fixed.length > 0) {
    lines.push('### Why each entry is required', '');
    for (const f of fixed) lines.push(`- ${escapeMarkdown(f.message)}`);
    lines.push('');
  }
  if (plan.notFixed.length > 0) {
    lines.push('### Left for a person', '');
    for (const n of plan.notFixed) lines.push(`- ${escapeMarkdown(n.finding.message)} ${escapeMarkdown(n.reason)}`);
    lines.push('');
  }
  lines.push(
    `Opened and kept up to date by DataWorks Whitelist Guard; it is closed when nothing is left to fix. Do not push ` +
      `to its branch: a branch whose head the action did not write is left alone.`
  );
  const body = lines.join('\n');
  return body.length <= GITHUB_BODY_LIMIT
    ? body
    : `${marker}\n## ${TITLE}\n\nThe list of entries is too long for this description; see the changed files.\n`;
}

async function ownPullRequest(api: PullsApi, branch: string, marker: string): Promise<PullRequest | undefined> {
  const open = await api.listOpenPullRequests(branch);
  return open.filter((p) => p.head === branch && hasMarker(p.body, marker)).sort((a, b) => a.number - b.number)[0];
}

export async function syncFixPullRequest(request: FixPullRequestRequest): Promise<FixPullRequestResult> {
  const { api, logger, plan, marker } = request;
  const branch = `${FIX_BRANCH_PREFIX}${fixBranchSlug(request.commentKey)}`;
  const branchSha = await api.branchHead(branch);
  const branchCommit = branchSha === null ? undefined : await api.getCommit(branchSha);
  const ours = branchCommit === undefined || branchCommit.message.includes(marker);
  const pull = await ownPullRequest(api, branch, marker);
  const openUrl = pull ? { url: pull.url } : {};

  if (branchCommit && !ours) {
    logger.warning(
      `Left the fix branch ${branch} alone: its head commit ${branchCommit.sha.slice(0, 12)} was not written by ` +
        `DataWorks Whitelist Guard (someone pushed to it). Merge or close its pull request, or delete the branch, ` +
        `and the next run takes it over again.`
    );
    return { outcome: 'foreign-branch', ...openUrl };
  }

  if (plan.edits.length === 0) {
    if (request.status === 'error' || (!pull && branchSha === null)) return { outcome: 'none', ...openUrl };
    if (pull) await api.updatePullRequest(pull.number, { state: 'closed' });
    if (branchSha !== null) await api.deleteBranch(branch);
    logger.info(`Nothing is left to fix: closed the fix pull request and deleted ${branch}.`);
    return { outcome: 'closed' };
  }

  const base = await api.defaultBranch();
  const baseSha = await api.branchHead(base);
  if (baseSha !== request.checkedSha) {
    return { outcome: 'base-moved', ...openUrl };
  }

  const files: TreeFile[] = [];
  for (const edit of plan.edits) {
    const where = await request.treePath(edit.file);
    if ('refused' in where) {
      logger.warning(`Left ${edit.file} out of the fix pull request: ${where.refused}.`);
      continue;
    }
    files.push({ path: where.path, mode: where.mode, blobSha: await api.createBlob(edit.after) });
  }
  if (files.length === 0) return { outcome: 'none', ...openUrl };

  const baseCommit = await api.getCommit(baseSha);
  const tree = await api.createTree(baseCommit.treeSha, files);
  const body = pullBody(request);
  const upToDate = branchCommit?.treeSha === tree && branchCommit.parents[0] === baseSha;
  if (!upToDate) {
    const message =
      `Allow the DataWorks addresses missing from ${plural(files.length, 'whitelist file')}\n\n` +
      `${plan.edits.flatMap((e) => e.added.map((entry) => `- ${e.file}: ${entry}`)).join('\n')}\n\n${marker}\n`;
    const commit = await api.createCommit({ message, tree, parents: [baseSha] });
    if (branchSha === null) await api.createBranch(branch, commit);
    else await api.updateBranch(branch, commit);
  }

  if (pull) {
    if (upToDate && sameBody(pull.body, body) && pull.title === TITLE) return { outcome: 'unchanged', url: pull.url };
    const updated = await api.updatePullRequest(pull.number, { title: TITLE, body });
    return { outcome: 'updated', url: updated.url };
  }
  const created = await api.createPullRequest({ title: TITLE, body, head: branch, base });
  return { outcome: 'opened', url: created.url };
}
