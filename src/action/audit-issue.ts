/**
 * The audit issue for scheduled and manual runs: one open issue per comment key, found by label and marker. It is
 * opened (or updated) while there are problems and closed with a comment once clean; a later regression opens a
 * new one, so the history of each episode stays readable.
 */
import type { Logger } from '../io.js';
import type { Issue, IssuesApi } from './github-api.js';
import { hasMarker, sameBody } from './markers.js';
import { GITHUB_BODY_LIMIT } from './sticky-comment.js';

export const AUDIT_LABEL = 'dataworks-whitelist';
const LABEL_DESCRIPTION = 'Findings of DataWorks Whitelist Guard';

export type AuditOutcome = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

export interface AuditResult {
  outcome: AuditOutcome;
  url?: string;
}

export interface AuditIssueRequest {
  api: IssuesApi;
  logger: Logger;
  marker: string;
  /** Errors or warnings, or status `error`. */
  hasProblems: boolean;
  title: string;
  body: string;
  /** The comment left when closing, e.g. "Resolved in abc1234". */
  closingComment: string;
}

async function markedIssues(api: IssuesApi, markerText: string): Promise<Issue[]> {
  const issues = await api.listOpenIssues(AUDIT_LABEL);
  return issues.filter((issue) => hasMarker(issue.body, markerText)).sort((a, b) => a.number - b.number);
}

export async function syncAuditIssue(request: AuditIssueRequest): Promise<AuditResult> {
  const { api, logger, marker: markerText } = request;
  if (!request.body.includes(markerText)) throw new Error('An audit issue body must contain its marker.');
  if (request.body.length > GITHUB_BODY_LIMIT) {
    throw new Error(
      `An audit issue body is ${request.body.length} characters; GitHub accepts at most ${GITHUB_BODY_LIMIT}.`
    );
  }

  await api.ensureLabel(AUDIT_LABEL, LABEL_DESCRIPTION);
  const open = await markedIssues(api, markerText);
  const keeper = open[0];

  if (!request.hasProblems) {
    if (!keeper) return { outcome: 'none' };
    // Every open issue of this key is resolved, duplicates included.
    for (const issue of open) {
      await api.createComment(issue.number, request.closingComment);
      await api.closeIssue(issue.number, 'completed');
    }
    return { outcome: 'closed', url: keeper.url };
  }

  if (keeper) {
    if (sameBody(keeper.body, request.body) && keeper.title === request.title) {
      return { outcome: 'unchanged', url: keeper.url };
    }
    const updated = await api.updateIssue(keeper.number, { title: request.title, body: request.body });
    return { outcome: 'updated', url: updated.url };
  }

  const created = await api.createIssue(request.title, request.body, [AUDIT_LABEL]);
  // A parallel job may have opened one too: the oldest stays, the newer is closed as a duplicate (issues cannot
  // be deleted with a workflow token).
  const after = await markedIssues(api, markerText);
  const oldest = after[0];
  if (oldest && oldest.number !== created.number && after.some((i) => i.number === created.number)) {
    logger.info(`Another job opened the audit issue first; closing the duplicate ${created.url}.`);
    await api.createComment(created.number, `Duplicate of #${oldest.number}.`);
    await api.closeIssue(created.number, 'not_planned');
    if (sameBody(oldest.body, request.body) && oldest.title === request.title) {
      return { outcome: 'unchanged', url: oldest.url };
    }
    const updated = await api.updateIssue(oldest.number, { title: request.title, body: request.body });
    return { outcome: 'updated', url: updated.url };
  }
  return { outcome: 'created', url: created.url };
}
