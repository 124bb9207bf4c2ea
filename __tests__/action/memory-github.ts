/** An in-memory GitHub (comments and issues) behind the action's narrow API, recording every write. */
import type { GitHubApi, Issue, IssueComment } from '../../src/action/github-api.js';

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
}
