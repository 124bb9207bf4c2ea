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

/** A file of a pull request, as `GET /pulls/{n}/files` lists it. */
export interface PullRequestFile {
  /** Repository-relative path in the head version. */
  path: string;
  /** `added`, `modified`, `removed`, `renamed`, … */
  status: string;
  /** The unified diff GitHub shows; absent for binary and very large diffs. */
  patch?: string;
}

/** A review comment on a pull request's diff. */
export interface ReviewComment {
  id: number;
  body: string;
  path: string;
  url: string;
}

/** One comment of a new review: on `line` (or `startLine`..`line`) of the head version, side RIGHT. */
export interface NewReviewComment {
  path: string;
  body: string;
  line: number;
  startLine?: number;
}

/** What suggestions on a pull request read and write. */
export interface PullRequestReviewApi {
  /** Every file of the pull request, across all pages. */
  listPullRequestFiles(pullNumber: number): Promise<PullRequestFile[]>;
  /** The text of a file at a commit; `null` when no file is there. Rejects when it is too large to read. */
  getFileText(path: string, ref: string): Promise<string | null>;
  /** Every review comment of the pull request, across all pages. */
  listReviewComments(pullNumber: number): Promise<ReviewComment[]>;
  /** One review (event COMMENT) with its comments, on `commitId`. */
  createReview(
    pullNumber: number,
    review: { commitId: string; body: string; comments: NewReviewComment[] }
  ): Promise<{ url: string }>;
  deleteReviewComment(commentId: number): Promise<void>;
}

export interface GitCommit {
  sha: string;
  treeSha: string;
  message: string;
  parents: string[];
}

/** A blob to put into a tree: the file's bytes and its mode (`100644`, `100755`). */
export interface TreeFile {
  path: string;
  mode: '100644' | '100755';
  blobSha: string;
}

/** The Git Data API: what the fix pull request commits through. */
export interface GitDataApi {
  defaultBranch(): Promise<string>;
  /** The commit a branch points to; `null` when there is no such branch. */
  branchHead(branch: string): Promise<string | null>;
  getCommit(sha: string): Promise<GitCommit>;
  /** Stores `content` (UTF-8, byte for byte) as a blob; returns its sha. */
  createBlob(content: string): Promise<string>;
  /** A tree: `baseTree` with `files` replaced; returns its sha. */
  createTree(baseTree: string, files: readonly TreeFile[]): Promise<string>;
  createCommit(commit: { message: string; tree: string; parents: string[] }): Promise<string>;
  createBranch(branch: string, sha: string): Promise<void>;
  /** Moves the branch to `sha` (forced: the old head is this action's own commit, checked before). */
  updateBranch(branch: string, sha: string): Promise<void>;
  deleteBranch(branch: string): Promise<void>;
}

export interface PullRequest {
  number: number;
  title: string;
  body: string;
  url: string;
  /** The branch it merges from (in this repository). */
  head: string;
}

export interface PullsApi {
  /** Open pull requests from `branch` of this repository. */
  listOpenPullRequests(branch: string): Promise<PullRequest[]>;
  createPullRequest(request: { title: string; body: string; head: string; base: string }): Promise<PullRequest>;
  updatePullRequest(
    pullNumber: number,
    changes: { title?: string; body?: string; state?: 'closed' }
  ): Promise<PullRequest>;
}

export type GitHubApi = IssuesApi & PullRequestReviewApi & GitDataApi & PullsApi;

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
