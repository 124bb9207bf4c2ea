import { httpStatus } from '../../src/action/github-api.js';
import { createGitHubApi } from '../../src/action/octokit-client.js';
import type { Logger } from '../../src/io.js';
import { FakeGitHub } from '../fakes/github-api.js';

let github: FakeGitHub;
const warnings: string[] = [];
const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m) };

beforeEach(async () => {
  github = await new FakeGitHub({ prefix: '/api/v3' }).start();
  warnings.length = 0;
});
afterEach(async () => {
  await github.stop();
});

function api() {
  return createGitHubApi({
    token: 'ghs_unit',
    apiUrl: github.url,
    owner: github.owner,
    repo: github.repo,
    logger,
    fast: true
  });
}

describe('createGitHubApi', () => {
  it('reads every page of comments from the base URL it is given', async () => {
    for (let i = 0; i < 230; i++) github.seedComment(3, `c${i}`);
    const comments = await api().listComments(3);
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 230 }, (_, i) => `c${i}`));
    expect(github.requests.map((r) => [r.path, r.query.page ?? '1', r.authorization])).toEqual([
      ['/repos/octo-org/data-platform/issues/3/comments', '1', 'token ghs_unit'],
      ['/repos/octo-org/data-platform/issues/3/comments', '2', 'token ghs_unit'],
      ['/repos/octo-org/data-platform/issues/3/comments', '3', 'token ghs_unit']
    ]);
  });

  it('retries a server error and gives up on a 403 at once', async () => {
    let failures = 1;
    github.faults.push((r) =>
      r.method === 'POST' && failures-- > 0 ? { status: 502, body: { message: 'Bad Gateway' } } : undefined
    );
    const created = await api().createComment(3, 'hello');
    expect(created.body).toBe('hello');
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(2);

    github.readOnly();
    const error = await api()
      .createComment(3, 'again')
      .catch((e: unknown) => e);
    expect(httpStatus(error)).toBe(403);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
  });

  it('creates the label once, tolerating a parallel creation, and lists only open labelled issues', async () => {
    const client = api();
    await client.ensureLabel('dataworks-whitelist', 'Findings');
    await client.ensureLabel('dataworks-whitelist', 'Findings');
    expect(github.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { name: 'dataworks-whitelist', description: 'Findings', color: 'd93f0b' }
    ]);
    // Another job creates the label between our GET (404) and our POST (422).
    github.labels.clear();
    github.faults.push((r) => {
      if (r.method === 'POST' && r.path.endsWith('/labels'))
        return { status: 422, body: { message: 'already_exists' } };
      return undefined;
    });
    await expect(client.ensureLabel('dataworks-whitelist', 'Findings')).resolves.toBeUndefined();

    github.seedIssue({ body: 'open', labels: ['dataworks-whitelist'] });
    github.seedIssue({ body: 'closed', labels: ['dataworks-whitelist'], state: 'closed' });
    github.seedIssue({ body: 'pr', labels: ['dataworks-whitelist'], isPullRequest: true });
    github.seedIssue({ body: 'unlabelled' });
    expect((await client.listOpenIssues('dataworks-whitelist')).map((i) => i.body)).toEqual(['open']);
  });

  it('closes an issue with a reason', async () => {
    const issue = github.seedIssue({ body: 'x', labels: ['dataworks-whitelist'] });
    await api().closeIssue(issue.number, 'completed');
    expect(github.issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
  });
});
