/**
 * The few GitHub REST calls the action makes, behind a narrow interface so the comment and issue logic is tested
 * with an in-memory fake. The Octokit implementation is in `octokit-client.ts`, loaded only when a run writes to
 * GitHub.
 */
import type { Logger } from '../io.js';

export interface IssueComment {
  id: number;
  body: string;
  url: string;
}

export interface Issue {
  number: number;
  body: string;
  title: string;
  url: string;
}

/** Comments of one issue or pull request (GitHub keeps PR conversation comments on the issue). */
export interface CommentsApi {
  /** Every comment, across all pages, oldest first. */
  listComments(issueNumber: number): Promise<IssueComment[]>;
  createComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<IssueComment>;
  deleteComment(commentId: number): Promise<void>;
}

export interface IssuesApi extends CommentsApi {
  /** Creates the label when it does not exist, so issues can be found by it. */
  ensureLabel(name: string, description: string): Promise<void>;
  /** Open issues (not pull requests) carrying the label, across all pages, oldest first. */
  listOpenIssues(label: string): Promise<Issue[]>;
  createIssue(title: string, body: string, labels: string[]): Promise<Issue>;
  updateIssue(issueNumber: number, changes: { title?: string; body?: string }): Promise<Issue>;
  closeIssue(issueNumber: number, reason: 'completed' | 'not_planned'): Promise<void>;
}

export type GitHubApi = IssuesApi;

/** The HTTP status of an Octokit request error, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export interface GitHubClientOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  logger: Logger;
  /** Test-only: no spacing between writes, millisecond retry waits. */
  fast: boolean;
}
