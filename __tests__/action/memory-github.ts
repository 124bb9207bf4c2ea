/**
 * An in-memory GitHub behind the action's narrow API (comments, issues, pull request files and reviews, git
 * objects and refs, pull requests), recording every write.
 */
import { createHash } from 'node:crypto';
import type {
  GitCommit,
  GitHubApi,
  Issue,
  IssueComment,
  NewReviewComment,
  PullRequest,
  PullRequestFile,
  ReviewComment,
  TreeFile
} from '../../src/action/github-api.js';

export interface MemoryIssue extends Issue {
  state: 'open' | 'closed';
  stateReason?: string;
  labels: string[];
  isPullRequest?: boolean;
}

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export class MemoryGitHub implements GitHubApi {
  comments = new Map<number, (IssueComment & { issueNumber: number })[]>();
  issues: MemoryIssue[] = [];
  labels = new Set<string>();
  writes: string[] = [];
  nextId = 1000;
  /** Simulates a read-only token: every write fails with this status. */
  failWritesWith?: number;
  /** Runs after a create, before the next read: lets a test play a parallel job. */
  afterCreate?: () => void;

  private write(what: string): void {
    if (this.failWritesWith) throw new HttpError(this.failWritesWith);
    this.writes.push(what);
  }

  seedComment(issueNumber: number, body: string): IssueComment {
    const comment = { id: this.nextId++, body, url: `https://github.test/c/${this.nextId}`, issueNumber };
    this.comments.set(issueNumber, [...(this.comments.get(issueNumber) ?? []), comment]);
    return comment;
  }

  seedIssue(issue: Partial<MemoryIssue> & { body: string }): MemoryIssue {
    const number = this.issues.length + 1;
    const full: MemoryIssue = {
      number,
      title: 't',
      url: `https://github.test/issues/${number}`,
      state: 'open',
      labels: [],
      ...issue
    };
    this.issues.push(full);
    return full;
  }

  async listComments(issueNumber: number): Promise<IssueComment[]> {
    return (this.comments.get(issueNumber) ?? []).map(({ id, body, url }) => ({ id, body, url }));
  }
  async createComment(issueNumber: number, body: string): Promise<IssueComment> {
    this.write(`create-comment #${issueNumber}`);
    const comment = this.seedComment(issueNumber, body);
    this.afterCreate?.();
    return { id: comment.id, body: comment.body, url: comment.url };
  }
  async updateComment(commentId: number, body: string): Promise<IssueComment> {
    this.write(`update-comment ${commentId}`);
    for (const list of this.comments.values()) {
      const comment = list.find((c) => c.id === commentId);
      if (comment) {
        comment.body = body;
        return { id: comment.id, body, url: comment.url };
      }
    }
    throw new HttpError(404);
  }
  async deleteComment(commentId: number): Promise<void> {
    this.write(`delete-comment ${commentId}`);
    for (const [issue, list] of this.comments)
      this.comments.set(
        issue,
        list.filter((c) => c.id !== commentId)
      );
  }
  async ensureLabel(name: string): Promise<void> {
    if (this.labels.has(name)) return;
    this.write(`create-label ${name}`);
    this.labels.add(name);
  }
  async listOpenIssues(label: string): Promise<Issue[]> {
    return this.issues
      .filter((i) => i.state === 'open' && i.labels.includes(label) && !i.isPullRequest)
      .map(({ number, body, title, url }) => ({ number, body, title, url }));
  }
  async createIssue(title: string, body: string, labels: string[]): Promise<Issue> {
    this.write(`create-issue`);
    const issue = this.seedIssue({ title, body, labels });
    this.afterCreate?.();
    return { number: issue.number, body, title, url: issue.url };
  }
  async updateIssue(issueNumber: number, changes: { title?: string; body?: string }): Promise<Issue> {
    this.write(`update-issue #${issueNumber}`);
    const issue = this.issues.find((i) => i.number === issueNumber);
    if (!issue) throw new HttpError(404);
    Object.assign(issue, changes);
    return { number: issue.number, body: issue.body, title: issue.title, url: issue.url };
  }
  async closeIssue(issueNumber: number, reason: 'completed' | 'not_planned'): Promise<void> {
    this.write(`close-issue #${issueNumber} ${reason}`);
    const issue = this.issues.find((i) => i.number === issueNumber);
    if (!issue) throw new HttpError(404);
    issue.state = 'closed';
    issue.stateReason = reason;
  }

  // Pull request files and reviews.
  pullFiles = new Map<number, PullRequestFile[]>();
  /** `ref` → path → text. */
  contents = new Map<string, Map<string, string>>();
  reviewComments: (ReviewComment & { pullNumber: number; line: number; startLine?: number })[] = [];
  reviews: { pullNumber: number; commitId: string; body: string; comments: NewReviewComment[] }[] = [];

  async listPullRequestFiles(pullNumber: number): Promise<PullRequestFile[]> {
    return this.pullFiles.get(pullNumber) ?? [];
  }
  async getFileText(path: string, ref: string): Promise<string | null> {
    return this.contents.get(ref)?.get(path) ?? null;
  }
  async listReviewComments(pullNumber: number): Promise<ReviewComment[]> {
    return this.reviewComments
      .filter((c) => c.pullNumber === pullNumber)
      .map(({ id, body, path, url }) => ({ id, body, path, url }));
  }
  async createReview(
    pullNumber: number,
    review: { commitId: string; body: string; comments: NewReviewComment[] }
  ): Promise<{ url: string }> {
    this.write(`create-review #${pullNumber} (${review.comments.length})`);
    this.reviews.push({ pullNumber, ...review });
    for (const c of review.comments) {
      const id = this.nextId++;
      this.reviewComments.push({
        id,
        pullNumber,
        body: c.body,
        path: c.path,
        line: c.line,
        ...(c.startLine !== undefined ? { startLine: c.startLine } : {}),
        url: `https://github.test/pull/${pullNumber}#discussion_r${id}`
      });
    }
    return { url: `https://github.test/pull/${pullNumber}#pullrequestreview-${this.reviews.length}` };
  }
  async deleteReviewComment(commentId: number): Promise<void> {
    this.write(`delete-review-comment ${commentId}`);
    this.reviewComments = this.reviewComments.filter((c) => c.id !== commentId);
  }

  // Git data and pull requests.
  defaultBranchName = 'main';
  branches = new Map<string, string>();
  commits = new Map<string, GitCommit>();
  blobs = new Map<string, string>();
  trees = new Map<string, { base: string; files: TreeFile[] }>();
  pulls: (PullRequest & { state: 'open' | 'closed'; base: string })[] = [];

  private sha(...parts: unknown[]): string {
    return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
  }
  /** A commit on the default branch, with `message`. */
  seedCommit(sha: string, message = 'seeded', parents: string[] = []): GitCommit {
    const commit = { sha, treeSha: this.sha('tree', sha), message, parents };
    this.commits.set(sha, commit);
    return commit;
  }
  /** The text of `path` in the tree of the commit a branch points to (only files this fake's trees carry). */
  fileOnBranch(branch: string, path: string): string | undefined {
    const head = this.branches.get(branch);
    const tree = head ? this.trees.get(this.commits.get(head)!.treeSha) : undefined;
    const file = tree?.files.find((f) => f.path === path);
    return file ? this.blobs.get(file.blobSha) : undefined;
  }

  async defaultBranch(): Promise<string> {
    return this.defaultBranchName;
  }
  async branchHead(branch: string): Promise<string | null> {
    return this.branches.get(branch) ?? null;
  }
  async getCommit(sha: string): Promise<GitCommit> {
    const commit = this.commits.get(sha);
    if (!commit) throw new HttpError(404);
    return commit;
  }
  async createBlob(content: string): Promise<string> {
    this.write('create-blob');
    const sha = this.sha('blob', content);
    this.blobs.set(sha, content);
    return sha;
  }
  async createTree(baseTree: string, files: readonly TreeFile[]): Promise<string> {
    this.write('create-tree');
    const sha = this.sha('tree', baseTree, files);
    this.trees.set(sha, { base: baseTree, files: [...files] });
    return sha;
  }
  async createCommit(commit: { message: string; tree: string; parents: string[] }): Promise<string> {
    this.write('create-commit');
    const sha = this.sha('commit', commit, this.commits.size);
    this.commits.set(sha, { sha, treeSha: commit.tree, message: commit.message, parents: commit.parents });
    return sha;
  }
  async createBranch(branch: string, sha: string): Promise<void> {
    this.write(`create-branch ${branch}`);
    if (this.branches.has(branch)) throw new HttpError(422);
    this.branches.set(branch, sha);
  }
  async updateBranch(branch: string, sha: string): Promise<void> {
    this.write(`update-branch ${branch}`);
    if (!this.branches.has(branch)) throw new HttpError(422);
    this.branches.set(branch, sha);
  }
  async deleteBranch(branch: string): Promise<void> {
    this.write(`delete-branch ${branch}`);
    this.branches.delete(branch);
  }
  async listOpenPullRequests(branch: string): Promise<PullRequest[]> {
    return this.pulls
      .filter((p) => p.state === 'open' && p.head === branch)
      .map(({ number, title, body, url, head }) => ({ number, title, body, url, head }));
  }
  async createPullRequest(request: { title: string; body: string; head: string; base: string }): Promise<PullRequest> {
    this.write(`create-pull ${request.head}`);
    const number = 100 + this.pulls.length;
    const pull = { number, url: `https://github.test/pull/${number}`, state: 'open' as const, ...request };
    this.pulls.push(pull);
    return { number, title: pull.title, body: pull.body, url: pull.url, head: pull.head };
  }
  async updatePullRequest(
    pullNumber: number,
    changes: { title?: string; body?: string; state?: 'closed' }
  ): Promise<PullRequest> {
    this.write(`update-pull #${pullNumber}${changes.state ? ` ${changes.state}` : ''}`);
    const pull = this.pulls.find((p) => p.number === pullNumber);
    if (!pull) throw new HttpError(404);
    Object.assign(pull, changes);
    return { number: pull.number, title: pull.title, body: pull.body, url: pull.url, head: pull.head };
  }
}
