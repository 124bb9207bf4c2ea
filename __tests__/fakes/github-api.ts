/**
 * A fake GitHub REST API on 127.0.0.1 that records every request: issue comments (paginated with Link headers,
 * as GitHub does), issues, labels. Enough of GitHub's shapes for Octokit and the action; state is in memory so
 * tests seed it and assert on it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query and without the API prefix. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  createdAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  isPullRequest: boolean;
}

/** Returns a response to send instead of the normal handling, or undefined to carry on. */
export type Fault = (
  request: RecordedRequest
) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** API path prefix, e.g. `/api/v3` as on GitHub Enterprise Server. */
  prefix?: string;
}

const READ_ONLY_MESSAGE = 'Resource not accessible by integration';

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  readonly issues: FakeIssue[] = [];
  readonly labels = new Set<string>();
  faults: Fault[] = [];
  private nextCommentId = 1_000_001;
  private server: Server | undefined;
  private port = 0;
  readonly owner: string;
  readonly repo: string;
  readonly prefix: string;

  constructor(options: FakeGitHubOptions = {}) {
    this.owner = options.owner ?? 'octo-org';
    this.repo = options.repo ?? 'data-platform';
    this.prefix = options.prefix ?? '';
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}${this.prefix}`;
  }

  /** Web URLs as GitHub returns them in `html_url`. */
  private htmlUrl(path: string): string {
    return `https://github.com/${this.owner}/${this.repo}${path}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets of the client would hold close() until they time out.
    server.closeAllConnections();
    await closed;
  }

  /** Makes every write (POST, PATCH, PUT, DELETE) fail with 403, as a fork PR's read-only token does. */
  readOnly(): void {
    this.faults.push((r) =>
      r.method === 'GET' ? undefined : { status: 403, body: { message: READ_ONLY_MESSAGE, status: '403' } }
    );
  }

  seedComment(issueNumber: number, body: string): FakeComment {
    const comment = {
      id: this.nextCommentId++,
      issueNumber,
      body,
      createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString()
    };
    this.comments.push(comment);
    return comment;
  }

  seedIssue(issue: Partial<FakeIssue> & { body: string }): FakeIssue {
    const full: FakeIssue = {
      number: this.issues.length + 1,
      title: 'seeded',
      state: 'open',
      stateReason: null,
      labels: [],
      isPullRequest: false,
      ...issue
    };
    this.issues.push(full);
    return full;
  }

  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber);
  }

  /** Requests other than reads. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private commentJson(c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      html_url: this.htmlUrl(`/pull/${c.issueNumber}#issuecomment-${c.id}`),
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${c.issueNumber}`,
      created_at: c.createdAt,
      updated_at: c.createdAt,
      user: { login: 'github-actions[bot]', type: 'Bot' }
    };
  }

  private issueJson(i: FakeIssue): Record<string, unknown> {
    return {
      id: 5_000_000 + i.number,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.stateReason,
      labels: i.labels.map((name) => ({ name })),
      html_url: this.htmlUrl(`/${i.isPullRequest ? 'pull' : 'issues'}/${i.number}`),
      ...(i.isPullRequest
        ? { pull_request: { url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${i.number}` } }
        : {})
    };
  }

  /** GitHub's pagination: `page`/`per_page` (max 100) and a Link header with `next` and `last`. */
  private paginate<T>(items: T[], request: RecordedRequest, res: ServerResponse, toJson: (item: T) => unknown): void {
    const perPage = Math.min(100, Number(request.query.per_page ?? 30));
    const page = Math.max(1, Number(request.query.page ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const link = (p: number, rel: string): string => {
      const query = new URLSearchParams({ ...request.query, page: String(p), per_page: String(perPage) });
      return `<${this.url}${request.path}?${query.toString()}>; rel="${rel}"`;
    };
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    this.send(
      res,
      200,
      items.slice((page - 1) * perPage, page * perPage).map(toJson),
      links.length ? { link: links.join(', ') } : {}
    );
  }

  private send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith(this.prefix) ? url.pathname.slice(this.prefix.length) : url.pathname;
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body: text ? (JSON.parse(text) as unknown) : undefined,
      authorization: req.headers.authorization
    };
    this.requests.push(request);

    for (const fault of this.faults) {
      const response = fault(request);
      if (response) return this.send(res, response.status, response.body, response.headers);
    }

    const repoPath = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(`${repoPath}/`)) return this.send(res, 404, { message: 'Not Found' });
    const rest = path.slice(repoPath.length);
    const body = (request.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issueNumber = Number(m[1]);
      if (request.method === 'GET') {
        return this.paginate(this.commentsOn(issueNumber), request, res, (c) => this.commentJson(c));
      }
      if (request.method === 'POST') {
        if (typeof body.body !== 'string') return this.send(res, 422, { message: 'body is missing' });
        if (body.body.length > 65_536) {
          return this.send(res, 422, {
            message: 'Validation Failed',
            errors: [{ message: 'body is too long (maximum is 65536 characters)' }]
          });
        }
        return this.send(res, 201, this.commentJson(this.seedComment(issueNumber, body.body)));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const index = this.comments.findIndex((c) => c.id === Number(m![1]));
      if (index < 0) return this.send(res, 404, { message: 'Not Found' });
      if (request.method === 'PATCH') {
        if (typeof body.body !== 'string' || body.body.length > 65_536)
          return this.send(res, 422, { message: 'Validation Failed' });
        this.comments[index]!.body = body.body;
        return this.send(res, 200, this.commentJson(this.comments[index]!));
      }
      if (request.method === 'DELETE') {
        this.comments.splice(index, 1);
        return this.send(res, 204);
      }
    }
    if ((m = /^\/labels\/([^/]+)$/.exec(rest)) && request.method === 'GET') {
      const name = decodeURIComponent(m[1]!);
      return this.labels.has(name) ? this.send(res, 200, { name }) : this.send(res, 404, { message: 'Not Found' });
    }
    if (rest === '/labels' && request.method === 'POST') {
      const name = String(body.name);
      if (this.labels.has(name))
        return this.send(res, 422, { message: 'Validation Failed', errors: [{ code: 'already_exists' }] });
      this.labels.add(name);
      return this.send(res, 201, { name, color: body.color, description: body.description });
    }
    if (rest === '/issues') {
      if (request.method === 'GET') {
        const wanted = (request.query.labels ?? '').split(',').filter(Boolean);
        const state = request.query.state ?? 'open';
        const matching = this.issues.filter(
          (i) => (state === 'all' || i.state === state) && wanted.every((label) => i.labels.includes(label))
        );
        const ordered = request.query.direction === 'asc' ? matching : [...matching].reverse();
        return this.paginate(ordered, request, res, (i) => this.issueJson(i));
      }
      if (request.method === 'POST') {
        const labels = Array.isArray(body.labels) ? body.labels.map(String) : [];
        // Creating an issue with an unknown label creates the label, as GitHub does for writers.
        for (const label of labels) this.labels.add(label);
        const issue = this.seedIssue({ title: String(body.title), body: String(body.body ?? ''), labels });
        return this.send(res, 201, this.issueJson(issue));
      }
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest)) && request.method === 'PATCH') {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return this.send(res, 404, { message: 'Not Found' });
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.body === 'string') issue.body = body.body;
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      if (typeof body.state_reason === 'string') issue.stateReason = body.state_reason;
      return this.send(res, 200, this.issueJson(issue));
    }
    return this.send(res, 404, { message: `Not Found: ${request.method} ${path}` });
  }
}
