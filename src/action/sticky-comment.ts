/**
 * The sticky PR comment: one per comment key, found by its hidden marker across every page of comments, updated
 * in place, left alone when unchanged, and never duplicated by parallel jobs.
 */
import type { Logger } from '../io.js';
import type { CommentsApi, IssueComment } from './github-api.js';
import { hasMarker, sameBody } from './markers.js';
import type { CommentMode } from './settings.js';

/** GitHub rejects comment and issue bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

export type StickyOutcome = 'created' | 'updated' | 'unchanged' | 'resolved' | 'none';

export interface StickyResult {
  outcome: StickyOutcome;
  /** URL of the comment written or left in place. */
  url?: string;
}

export interface StickyCommentRequest {
  api: CommentsApi;
  logger: Logger;
  issueNumber: number;
  mode: CommentMode;
  /** The marker of this comment key; both bodies must contain it. */
  marker: string;
  /** Errors or warnings, or status `error`: what makes an `on-findings` comment worth writing. */
  hasFindings: boolean;
  /** The full report body. */
  body: string;
  /** The short "resolved" body for a clean run that has an old comment to update. */
  resolvedBody: string;
}

function checkBody(body: string, markerText: string): void {
  // Programming errors, not user errors: a body without its marker would be duplicated on the next run.
  if (!body.includes(markerText)) throw new Error('A sticky comment body must contain its marker.');
  if (body.length > GITHUB_BODY_LIMIT) {
    throw new Error(`A sticky comment body is ${body.length} characters; GitHub accepts at most ${GITHUB_BODY_LIMIT}.`);
  }
}

async function markedComments(api: CommentsApi, issueNumber: number, markerText: string): Promise<IssueComment[]> {
  const comments = await api.listComments(issueNumber);
  return comments.filter((c) => hasMarker(c.body, markerText)).sort((a, b) => a.id - b.id);
}

export async function upsertStickyComment(request: StickyCommentRequest): Promise<StickyResult> {
  const { api, logger, issueNumber, marker: markerText } = request;
  if (request.mode === 'never') return { outcome: 'none' };
  checkBody(request.body, markerText);
  checkBody(request.resolvedBody, markerText);

  const existing = await markedComments(api, issueNumber, markerText);
  const keeper = existing[0];
  // Leftovers of an earlier race: the oldest comment is the sticky one.
  for (const duplicate of existing.slice(1)) {
    logger.info(`Deleting duplicate whitelist comment ${duplicate.url}.`);
    await api.deleteComment(duplicate.id);
  }

  const wantsReport = request.mode === 'always' || request.hasFindings;
  if (!wantsReport) {
    if (!keeper) return { outcome: 'none' };
    if (sameBody(keeper.body, request.resolvedBody)) return { outcome: 'unchanged', url: keeper.url };
    const updated = await api.updateComment(keeper.id, request.resolvedBody);
    return { outcome: 'resolved', url: updated.url };
  }

  if (keeper) {
    if (sameBody(keeper.body, request.body)) return { outcome: 'unchanged', url: keeper.url };
    const updated = await api.updateComment(keeper.id, request.body);
    return { outcome: 'updated', url: updated.url };
  }

  const created = await api.createComment(issueNumber, request.body);
  // Two jobs of one PR can both find no comment and both create one. Re-check: the oldest one stays, and the
  // job whose comment is newer deletes its own and writes its body into the older one.
  const after = await markedComments(api, issueNumber, markerText);
  const oldest = after[0];
  if (oldest && oldest.id !== created.id && after.some((c) => c.id === created.id)) {
    logger.info(`Another job created the whitelist comment first; deleting the duplicate ${created.url}.`);
    await api.deleteComment(created.id);
    if (sameBody(oldest.body, request.body)) return { outcome: 'unchanged', url: oldest.url };
    const updated = await api.updateComment(oldest.id, request.body);
    return { outcome: 'updated', url: updated.url };
  }
  return { outcome: 'created', url: created.url };
}
