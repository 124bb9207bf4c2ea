/**
 * A fake GitHub REST API on 127.0.0.1 that records every request: issue comments (paginated with Link headers,
 * as GitHub does), issues, labels, pull request files and review comments, reviews, contents at a ref, git blobs,
 * trees, commits and refs (written, and read: commits by SHA or branch, trees with or without `recursive`,
 * blobs), pull requests. Enough of GitHub's shapes for Octokit and the action; state is in memory so
 * tests seed it and assert on it.
 */
import { createHash } from 'node:crypto';
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

export interface FakePullFile {
  filename: string;
  status: string;
  patch?: string;
}

export interface FakeReviewComment {
  id: number;
  pullNumber: number;
  body: string;
  path: string;
  line: number;
  startLine?: number;
  commitId: string;
}

export interface FakeCommit {
  sha: string;
  tree: string;
  message: string;
  parents: string[];
}

export interface FakeTreeEntry {
  path: string;
  mode: string;
  sha: string;
}

/** One entry of a tree as GitHub's trees API lists it (`path` is the name within its tree). */
export interface FakeGitTreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

export interface FakePull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  readonly issues: FakeIssue[] = [];
  readonly labels = new Set<string>();
  faults: Fault[] = [];
  /** Pull request number → its files, with patches. */
  readonly pullFiles = new Map<number, FakePullFile[]>();
  /** Commit sha → path → text (the contents API at a ref). */
  readonly contents = new Map<string, Map<string, string>>();
  readonly reviewComments: FakeReviewComment[] = [];
  readonly reviews: { pullNumber: number; commitId: string; event: string; body: string }[] = [];
  defaultBranch = 'main';
  /** Branch name → commit sha. */
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, FakeCommit>();
  readonly blobs = new Map<string, string>();
  /** Tree sha → its entries (only what trees created through the API added on their base). */
  readonly trees = new Map<string, { base: string | undefined; entries: FakeTreeEntry[] }>();
  /**
   * Tree sha → its listing, for the reads (`GET /git/trees/{sha}`, with `?recursive=1` too). Seeded by tests, e.g.
   * from a real repository (see `seedGitObjects`), with blobs in `blobs`.
   */
  readonly treeListings = new Map<string, FakeGitTreeEntry[]>();
  /** Trees GitHub would list with `truncated: true` (a tree too large for one answer). */
  readonly truncatedTrees = new Set<string>();
  readonly pulls: FakePull[] = [];
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

  private hash(...parts: unknown[]): string {
    return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
  }

  /** A commit as if pushed (its tree is opaque). */
  seedCommit(sha: string, message = 'seeded', parents: string[] = []): FakeCommit {
    const commit = { sha, tree: this.hash('tree-of', sha), message, parents };
    this.commits.set(sha, commit);
    return commit;
  }

  /**
   * Objects of a real repository, as GitHub would serve them: commits (tree and parents), tree listings and blobs.
   * The caller reads them with git (e.g. `git cat-file`) so the shas are the real ones.
   */
  seedGitObjects(objects: {
    commits?: FakeCommit[];
    trees?: Record<string, FakeGitTreeEntry[]>;
    blobs?: Record<string, string>;
  }): void {
    for (const commit of objects.commits ?? []) this.commits.set(commit.sha, commit);
    for (const [sha, entries] of Object.entries(objects.trees ?? {})) this.treeListings.set(sha, entries);
    for (const [sha, text] of Object.entries(objects.blobs ?? {})) this.blobs.set(sha, text);
  }

  /** A tree's entries with paths from its top, subtrees listed before their contents, as `recursive=1` gives. */
  private recursiveListing(sha: string, prefix = ''): FakeGitTreeEntry[] {
    const out: FakeGitTreeEntry[] = [];
    for (const entry of this.treeListings.get(sha) ?? []) {
      out.push({ ...entry, path: `${prefix}${entry.path}` });
      if (entry.type === 'tree') out.push(...this.recursiveListing(entry.sha, `${prefix}${entry.path}/`));
    }
    return out;
  }

  /** The text of `path` in the tree of the commit `branch` points to (files added through the API only). */
  fileOnBranch(branch: string, path: string): string | undefined {
    const head = this.refs.get(branch);
    const tree = head ? this.trees.get(this.commits.get(head)?.tree ?? '') : undefined;
    const entry = tree?.entries.find((e) => e.path === path);
    return entry ? this.blobs.get(entry.sha) : undefined;
  }

  private pullJson(p: FakePull): Record<string, unknown> {
    return {
      id: 7_000_000 + p.number,
      number: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      html_url: this.htmlUrl(`/pull/${p.number}`),
      head: { ref: p.head, label: `${this.owner}:${p.head}` },
      base: { ref: p.base, label: `${this.owner}:${p.base}` }
    };
  }

  private reviewCommentJson(c: FakeReviewComment): Record<string, unknown> {
    return {
      id: c.id,
      body: c.body,
      path: c.path,
      line: c.line,
      start_line: c.startLine ?? null,
      side: 'RIGHT',
      commit_id: c.commitId,
      html_url: this.htmlUrl(`/pull/${c.pullNumber}#discussion_r${c.id}`),
      user: { login: 'github-actions[bot]', type: 'Bot' }
    };
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
    if (path === repoPath && request.method === 'GET') {
      return this.send(res, 200, {
        name: this.repo,
        full_name: `${this.owner}/${this.repo}`,
        default_branch: this.defaultBranch
      });
    }
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
    const handled = this.handleFixRoutes(rest, request, body, res);
    if (handled) return;
    return this.send(res, 404, { message: `Not Found: ${request.method} ${path}` });
  }

  /** Pull request files and reviews, contents, git data, pull requests. Returns whether it answered. */
  private handleFixRoutes(
    rest: string,
    request: RecordedRequest,
    body: Record<string, unknown>,
    res: ServerResponse
  ): boolean {
    let m: RegExpExecArray | null;
    const reply = (status: number, json?: unknown): true => {
      this.send(res, status, json);
      return true;
    };
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && request.method === 'GET') {
      this.paginate(this.pullFiles.get(Number(m[1])) ?? [], request, res, (f) => ({ sha: this.hash(f), ...f }));
      return true;
    }
    if ((m = /^\/contents\/(.+)$/.exec(rest)) && request.method === 'GET') {
      const filePath = decodeURIComponent(m[1]!);
      const text = this.contents.get(request.query.ref ?? '')?.get(filePath);
      if (text === undefined) return reply(404, { message: 'Not Found' });
      const bytes = Buffer.from(text, 'utf8');
      return reply(200, {
        type: 'file',
        encoding: 'base64',
        size: bytes.length,
        name: filePath.split('/').pop(),
        path: filePath,
        sha: this.hash('blob', text),
        // GitHub wraps base64 at 60 characters.
        content: (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n')
      });
    }
    if ((m = /^\/pulls\/(\d+)\/comments$/.exec(rest)) && request.method === 'GET') {
      const pullNumber = Number(m[1]);
      this.paginate(
        this.reviewComments.filter((c) => c.pullNumber === pullNumber),
        request,
        res,
        (c) => this.reviewCommentJson(c)
      );
      return true;
    }
    if ((m = /^\/pulls\/comments\/(\d+)$/.exec(rest)) && request.method === 'DELETE') {
      const index = this.reviewComments.findIndex((c) => c.id === Number(m![1]));
      if (index < 0) return reply(404, { message: 'Not Found' });
      this.reviewComments.splice(index, 1);
      return reply(204);
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && request.method === 'POST') {
      const pullNumber = Number(m[1]);
      const comments = Array.isArray(body.comments) ? (body.comments as Record<string, unknown>[]) : [];
      // GitHub refuses a comment on a line the diff does not show, or without `line` and `side`.
      const files = this.pullFiles.get(pullNumber) ?? [];
      for (const c of comments) {
        const file = files.find((f) => f.filename === c.path);
        if (!file || typeof c.line !== 'number' || c.side !== 'RIGHT' || typeof c.body !== 'string') {
          return reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
        }
      }
      const review = {
        pullNumber,
        commitId: String(body.commit_id),
        event: String(body.event),
        body: String(body.body)
      };
      this.reviews.push(review);
      for (const c of comments) {
        this.reviewComments.push({
          id: this.nextCommentId++,
          pullNumber,
          body: c.body as string,
          path: c.path as string,
          line: c.line as number,
          ...(typeof c.start_line === 'number' ? { startLine: c.start_line } : {}),
          commitId: review.commitId
        });
      }
      return reply(200, {
        id: this.reviews.length,
        html_url: this.htmlUrl(`/pull/${pullNumber}#pullrequestreview-${this.reviews.length}`)
      });
    }
    // Octokit sends `heads/x` as one encoded path segment (`heads%2Fx`), which GitHub accepts too.
    if ((m = /^\/git\/ref\/heads\/(.+)$/.exec(decodeURIComponent(rest))) && request.method === 'GET') {
      const branch = m[1]!;
      const sha = this.refs.get(branch);
      if (!sha) return reply(404, { message: 'Not Found' });
      return reply(200, { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } });
    }
    if ((m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest)) && request.method === 'GET') {
      const commit = this.commits.get(m[1]!);
      if (!commit) return reply(404, { message: 'Not Found' });
      return reply(200, {
        sha: commit.sha,
        message: commit.message,
        tree: { sha: commit.tree },
        parents: commit.parents.map((sha) => ({ sha }))
      });
    }
    // The commits endpoint (`repos.getCommit`) takes a SHA or a branch name; the answer nests the tree in `commit`.
    if ((m = /^\/commits\/(.+)$/.exec(rest)) && request.method === 'GET') {
      const ref = decodeURIComponent(m[1]!);
      const commit = this.commits.get(this.refs.get(ref) ?? ref);
      if (!commit) return reply(422, { message: `No commit found for SHA: ${ref}` });
      return reply(200, {
        sha: commit.sha,
        commit: { message: commit.message, tree: { sha: commit.tree } },
        parents: commit.parents.map((sha) => ({ sha })),
        html_url: this.htmlUrl(`/commit/${commit.sha}`)
      });
    }
    if ((m = /^\/git\/trees\/([0-9a-f]{40})$/.exec(rest)) && request.method === 'GET') {
      const sha = m[1]!;
      if (!this.treeListings.has(sha)) return reply(404, { message: 'Not Found' });
      const entries = request.query.recursive ? this.recursiveListing(sha) : this.treeListings.get(sha)!;
      return reply(200, {
        sha,
        url: `${this.url}/repos/${this.owner}/${this.repo}/git/trees/${sha}`,
        tree: entries.map((e) => ({
          path: e.path,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.type === 'blob' ? { size: e.size ?? Buffer.byteLength(this.blobs.get(e.sha) ?? '') } : {})
        })),
        truncated: this.truncatedTrees.has(sha)
      });
    }
    if ((m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest)) && request.method === 'GET') {
      const text = this.blobs.get(m[1]!);
      if (text === undefined) return reply(404, { message: 'Not Found' });
      const bytes = Buffer.from(text, 'utf8');
      return reply(200, {
        sha: m[1],
        size: bytes.length,
        encoding: 'base64',
        // GitHub wraps base64 at 60 characters, as in the contents API.
        content: (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n')
      });
    }
    if (rest === '/git/blobs' && request.method === 'POST') {
      const text =
        body.encoding === 'base64'
          ? Buffer.from(String(body.content), 'base64').toString('utf8')
          : String(body.content);
      const sha = this.hash('blob', text);
      this.blobs.set(sha, text);
      return reply(201, { sha });
    }
    if (rest === '/git/trees' && request.method === 'POST') {
      const entries = (Array.isArray(body.tree) ? body.tree : []) as FakeTreeEntry[];
      const base = typeof body.base_tree === 'string' ? body.base_tree : undefined;
      const sha = this.hash('tree', base, entries);
      this.trees.set(sha, { base, entries: entries.map(({ path: p, mode, sha: s }) => ({ path: p, mode, sha: s })) });
      return reply(201, { sha, tree: entries });
    }
    if (rest === '/git/commits' && request.method === 'POST') {
      const parents = (Array.isArray(body.parents) ? body.parents : []).map(String);
      const sha = this.hash('commit', body, this.commits.size);
      this.commits.set(sha, { sha, tree: String(body.tree), message: String(body.message), parents });
      return reply(201, { sha });
    }
    if (rest === '/git/refs' && request.method === 'POST') {
      const ref = String(body.ref);
      if (!ref.startsWith('refs/heads/')) return reply(422, { message: 'Reference name is invalid' });
      const branch = ref.slice('refs/heads/'.length);
      if (this.refs.has(branch)) return reply(422, { message: 'Reference already exists' });
      this.refs.set(branch, String(body.sha));
      return reply(201, { ref, object: { sha: body.sha } });
    }
    if ((m = /^\/git\/refs\/heads\/(.+)$/.exec(decodeURIComponent(rest)))) {
      const branch = m[1]!;
      if (!this.refs.has(branch)) return reply(422, { message: 'Reference does not exist' });
      if (request.method === 'PATCH') {
        const current = this.refs.get(branch)!;
        const next = String(body.sha);
        const fastForward = this.commits.get(next)?.parents.includes(current) ?? false;
        if (!fastForward && body.force !== true) return reply(422, { message: 'Update is not a fast forward' });
        this.refs.set(branch, next);
        return reply(200, { ref: `refs/heads/${branch}`, object: { sha: next } });
      }
      if (request.method === 'DELETE') {
        this.refs.delete(branch);
        return reply(204);
      }
    }
    if (rest === '/pulls' && request.method === 'GET') {
      const head = request.query.head;
      const state = request.query.state ?? 'open';
      const matching = this.pulls.filter(
        (p) => (state === 'all' || p.state === state) && (!head || `${this.owner}:${p.head}` === head)
      );
      this.paginate(matching, request, res, (p) => this.pullJson(p));
      return true;
    }
    if (rest === '/pulls' && request.method === 'POST') {
      const head = String(body.head);
      if (!this.refs.has(head))
        return reply(422, { message: 'Validation Failed', errors: [{ field: 'head', code: 'invalid' }] });
      const pull: FakePull = {
        number: 500 + this.pulls.length,
        title: String(body.title),
        body: String(body.body ?? ''),
        head,
        base: String(body.base),
        state: 'open'
      };
      this.pulls.push(pull);
      return reply(201, this.pullJson(pull));
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && request.method === 'PATCH') {
      const pull = this.pulls.find((p) => p.number === Number(m![1]));
      if (!pull) return reply(404, { message: 'Not Found' });
      if (typeof body.title === 'string') pull.title = body.title;
      if (typeof body.body === 'string') pull.body = body.body;
      if (body.state === 'open' || body.state === 'closed') pull.state = body.state;
      return reply(200, this.pullJson(pull));
    }
    return false;
  }
}
