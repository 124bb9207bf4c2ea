/**
 * Suggestions on a pull request (contract §10): the fixes computed against the head commit's files; those whose
 * lines lie in the pull request's diff become review comments with a suggestion block (one review per run), the
 * rest become a patch for the sticky comment. Suggestions of earlier runs that no longer apply are deleted, and a
 * suggestion already on the pull request is not posted again.
 */
import type { Logger } from '../io.js';
import type { FileEdit, FixPlan } from '../fix/types.js';
import { escapeMarkdown } from '../report/escape.js';
import { plural } from '../report/common.js';
import type { PullRequestFile, PullRequestReviewApi } from './github-api.js';
import { lineChanges, splitLines, unifiedDiff, type LineChange } from '../fix/line-changes.js';
import { patchLines } from './patch-hunks.js';
import { fenceFor, splitSuggestions, suggestionBody, suggestionIdOf, type Suggestion } from './suggestions.js';

/** Characters of the fix patch the sticky comment carries; past it, the command alone is given. */
export const MAX_PATCH_SECTION_CHARS = 20_000;

export interface SuggestionOutcome {
  posted: number;
  /** Earlier suggestions of this action deleted because they no longer apply. */
  deleted: number;
  /** Suggestions already on the pull request, not posted again. */
  kept: number;
  /** URL of the review posted, when one was. */
  reviewUrl?: string;
}

/** Applies some of the changes of an edit to its `before` text. */
function applyChanges(before: string, changes: readonly LineChange[]): string {
  const lines = splitLines(before);
  const out: string[] = [];
  let at = 0;
  for (const change of changes) {
    out.push(...lines.slice(at, change.beforeStart), ...change.after);
    at = change.beforeStart + change.beforeCount;
  }
  out.push(...lines.slice(at));
  return out.join('');
}

function explanation(edit: FileEdit, suggestion: Suggestion): string {
  const added = edit.added.filter((entry) => suggestion.replacement.some((line) => line.includes(entry)));
  const what = added.length > 0 ? added.map((entry) => `\`${entry.replace(/`/g, '')}\``).join(', ') : 'the entries';
  return (
    `**DataWorks Whitelist Guard:** adds ${what}, which DataWorks connects from and this whitelist does not ` +
    `allow yet. Commit the suggestion to fix it.`
  );
}

export interface SuggestionPlan {
  suggestions: { suggestion: Suggestion; edit: FileEdit }[];
  /** Fixes that could not be suggested, as a unified diff per file (repository-relative paths). */
  outside: { file: string; diff: string }[];
}

/** Splits the plan's edits into suggestions (inside the pull request's diff) and patches (the rest). Reads nothing. */
export function planSuggestions(
  plan: FixPlan,
  files: readonly PullRequestFile[],
  repoPath: (file: string) => string,
  logger: Logger
): SuggestionPlan {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const suggestions: SuggestionPlan['suggestions'] = [];
  const outside: SuggestionPlan['outside'] = [];
  for (const edit of plan.edits) {
    const path = repoPath(edit.file);
    const prFile = byPath.get(path);
    let rest: LineChange[];
    if (prFile && prFile.status !== 'removed') {
      const lines = patchLines(prFile.patch);
      if (lines.problem) logger.debug(`No suggestions on ${path}: ${lines.problem}.`);
      const split = splitSuggestions(path, edit.before, edit.after, lines.ranges);
      for (const suggestion of split.suggestions) suggestions.push({ suggestion, edit });
      rest = split.outside;
    } else rest = lineChanges(edit.before, edit.after);
    if (rest.length > 0) {
      const diff = unifiedDiff(path, edit.before, applyChanges(edit.before, rest));
      if (diff !== '') outside.push({ file: path, diff });
    }
  }
  return { suggestions, outside };
}

export interface PostSuggestionsRequest {
  api: PullRequestReviewApi;
  logger: Logger;
  pullNumber: number;
  headSha: string;
  /** The hidden marker of this comment key's suggestions. */
  marker: string;
  planned: SuggestionPlan['suggestions'];
}

/** Deletes this key's suggestions that no longer apply and posts the new ones in one review. */
export async function postSuggestions(request: PostSuggestionsRequest): Promise<SuggestionOutcome> {
  const { api, logger } = request;
  const ids = new Set(request.planned.map(({ suggestion }) => suggestion.id));
  const existing = (await api.listReviewComments(request.pullNumber)).filter(
    (c) => suggestionIdOf(request.marker, c.body) !== undefined
  );
  const alreadyPosted = new Set<string>();
  let deleted = 0;
  for (const comment of existing) {
    const id = suggestionIdOf(request.marker, comment.body)!;
    if (ids.has(id) && !alreadyPosted.has(id)) {
      alreadyPosted.add(id);
      continue;
    }
    logger.info(`Deleting a whitelist suggestion that no longer applies: ${comment.url}.`);
    await api.deleteReviewComment(comment.id);
    deleted++;
  }

  // One comment per id, even if two changes produced the same one.
  const seen = new Set<string>();
  const fresh = request.planned.filter(({ suggestion }) => {
    if (alreadyPosted.has(suggestion.id) || seen.has(suggestion.id)) return false;
    seen.add(suggestion.id);
    return true;
  });
  let reviewUrl: string | undefined;
  if (fresh.length > 0) {
    const review = await api.createReview(request.pullNumber, {
      commitId: request.headSha,
      body: `DataWorks Whitelist Guard suggests ${plural(fresh.length, 'fix', 'fixes')} to the whitelists this pull request changes.`,
      comments: fresh.map(({ suggestion, edit }) => ({
        path: suggestion.path,
        line: suggestion.line,
        ...(suggestion.startLine !== undefined ? { startLine: suggestion.startLine } : {}),
        body: suggestionBody(request.marker, suggestion, explanation(edit, suggestion))
      }))
    });
    reviewUrl = review.url;
  }
  return { posted: fresh.length, deleted, kept: alreadyPosted.size, ...(reviewUrl ? { reviewUrl } : {}) };
}

/**
 * The Markdown section with the fixes that could not be suggested: the command that applies them and the patch,
 * within `MAX_PATCH_SECTION_CHARS` (files whose diff does not fit are named instead).
 */
export function outsideDiffSection(outside: readonly { file: string; diff: string }[], command: string): string {
  if (outside.length === 0) return '';
  const shown: string[] = [];
  const left: string[] = [];
  let size = 0;
  for (const { file, diff } of outside) {
    if (size + diff.length <= MAX_PATCH_SECTION_CHARS) {
      shown.push(diff);
      size += diff.length;
    } else left.push(file);
  }
  const patch = shown.join('');
  const fence = fenceFor(patch.split('\n'));
  const parts = [
    `### Fixes outside this pull request's changes`,
    '',
    `${plural(outside.length, 'whitelist file')} ${outside.length === 1 ? 'needs' : 'need'} entries on lines ` +
      `this pull request does not change, so they cannot be suggested inline. Apply them on the pull ` +
      `request's branch with the CLI, or with this patch (\`git apply\`):`,
    '',
    `${fenceFor([command])}sh`,
    command,
    fenceFor([command])
  ];
  if (shown.length > 0) parts.push('', `${fence}diff`, patch.replace(/\n$/, ''), fence);
  if (left.length > 0) {
    parts.push(
      '',
      `The patch of ${plural(left.length, 'more file')} is too large for this comment: ` +
        left.map((file) => escapeMarkdown(file)).join(', ') +
        '. The command fixes them too.'
    );
  }
  return parts.join('\n');
}
