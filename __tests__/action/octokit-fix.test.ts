/** The Octokit client's pull request, review, git data and pulls calls against the fake GitHub over HTTP. */
import { createGitHubApi } from '../../src/action/octokit-client.js';
import { sanitizingGitHubApi } from '../../src/action/sanitize.js';
import type { Logger } from '../../src/io.js';
import { FakeGitHub } from '../fakes/github-api.js';

let github: FakeGitHub;
const logger: Logger = { debug() {}, info() {}, warning() {} };
const HEAD = '1'.repeat(40);

beforeEach(async () => {
  github = await new FakeGitHub({ prefix: '/api/v3' }).start();
});
afterEach(async () => {
  await github.stop();
});

function api() {
  return sanitizingGitHubApi(
    createGitHubApi({
      token: 'ghs_unit',
      apiUrl: github.url,
      owner: github.owner,
      repo: github.repo,
      logger,
      fast: true
    })
  );
}

describe('the fix calls of the GitHub client', () => {
  it('lists every page of a pull request files and reads a file at the head commit', async () => {
    const files = Array.from({ length: 130 }, (_, i) => ({
      filename: `w/${i}.txt`,
      status: 'modified',
      patch: '@@ -1 +1 @@\n-a\n+b'
    }));
    github.pullFiles.set(4, files);
    const listed = await api().listPullRequestFiles(4);
    expect(listed).toHaveLength(130);
    expect(listed[129]).toEqual({ path: 'w/129.txt', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' });

    github.contents.set(HEAD, new Map([['whitelists/a b.yml', '\uFEFForders:\r\n  - 192.0.2.0/24\r\n']]));
    expect(await api().getFileText('whitelists/a b.yml', HEAD)).toBe('\uFEFForders:\r\n  - 192.0.2.0/24\r\n');
    expect(await api().getFileText('whitelists/none.yml', HEAD)).toBeNull();
  });

  it('posts one review with single and multi-line suggestions, lists and deletes review comments', async () => {
    github.pullFiles.set(4, [{ filename: 'w.txt', status: 'modified', patch: '@@ -1,2 +1,3 @@\n a\n+b\n c' }]);
    const client = api();
    const review = await client.createReview(4, {
      commitId: HEAD,
      body: 'suggests 2 fixes',
      comments: [
        { path: 'w.txt', line: 2, body: 'one' },
        { path: 'w.txt', startLine: 1, line: 3, body: 'two \u001b[31m' }
      ]
    });
    expect(review.url).toContain('#pullrequestreview-1');
    expect(github.reviews).toEqual([{ pullNumber: 4, commitId: HEAD, event: 'COMMENT', body: 'suggests 2 fixes' }]);
    expect(github.reviewComments.map((c) => [c.line, c.startLine, c.body])).toEqual([
      [2, undefined, 'one'],
      // The explanation around a suggestion is cleaned of controls.
      [3, 1, 'two \\u{1b}[31m']
    ]);
    const listed = await client.listReviewComments(4);
    expect(listed.map((c) => c.path)).toEqual(['w.txt', 'w.txt']);
    await client.deleteReviewComment(listed[0]!.id);
    expect(github.reviewComments).toHaveLength(1);
  });

  it('commits through the Git Data API and opens, finds, updates and closes a pull request', async () => {
    const client = api();
    github.seedCommit(HEAD, 'base');
    github.refs.set('main', HEAD);
    expect(await client.defaultBranch()).toBe('main');
    expect(await client.branchHead('main')).toBe(HEAD);
    expect(await client.branchHead('dataworks-whitelist/fix/x')).toBeNull();
    const base = await client.getCommit(HEAD);
    const blob = await client.createBlob('\uFEFF192.0.2.1\r\n');
    const tree = await client.createTree(base.treeSha, [{ path: 'w.txt', mode: '100755', blobSha: blob }]);
    const commit = await client.createCommit({ message: 'fix\n\n<!-- marker -->', tree, parents: [HEAD] });
    await client.createBranch('dataworks-whitelist/fix/x', commit);
    expect(github.fileOnBranch('dataworks-whitelist/fix/x', 'w.txt')).toBe('\uFEFF192.0.2.1\r\n');
    expect(github.trees.get(tree)!.entries[0]!.mode).toBe('100755');
    expect((await client.getCommit(commit)).message).toBe('fix\n\n<!-- marker -->');

    const pull = await client.createPullRequest({
      title: 'T',
      body: 'B',
      head: 'dataworks-whitelist/fix/x',
      base: 'main'
    });
    expect(await client.listOpenPullRequests('dataworks-whitelist/fix/x')).toEqual([pull]);
    expect(await client.listOpenPullRequests('other')).toEqual([]);
    await client.updatePullRequest(pull.number, { body: 'B2' });
    // A forced move (the action's own earlier commit is replaced by one on a newer base).
    const other = await client.createCommit({ message: 'fix 2', tree, parents: ['2'.repeat(40)] });
    await client.updateBranch('dataworks-whitelist/fix/x', other);
    expect(github.refs.get('dataworks-whitelist/fix/x')).toBe(other);
    await client.updatePullRequest(pull.number, { state: 'closed' });
    await client.deleteBranch('dataworks-whitelist/fix/x');
    expect(github.pulls[0]).toMatchObject({ body: 'B2', state: 'closed' });
    expect(github.refs.has('dataworks-whitelist/fix/x')).toBe(false);
  });
});
