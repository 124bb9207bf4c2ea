/**
 * Suggestions and the fix pull request through the bundled action (contract §10), with the real fix engine,
 * against the fake GitHub.
 */
import { FakeGitHub } from '../fakes/github-api.js';
import { HEAD_SHA, events, makeRepo, runBundle, writeRepoFiles, type RunOptions, type RunResult } from './harness.js';

const CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  prod-serverless:
    type: serverless
    privateCidrs: [192.0.2.0/24]
    publicIps: []
dataSources:
  orders-rds:
    product: rds
    network: private
    whitelist:
      - file: whitelists/orders.txt
    access:
      - module: data-integration
        resourceGroups: [prod-serverless]
`;
const FILE = 'whitelists/orders.txt';
const HEAD_VERSION = '198.51.100.1\n';
const FIXED = /^198\.51\.100\.1\n192\.0\.2\.0\/24\n$/;
const PR = 17;
const BRANCH = 'dataworks-whitelist/fix/github-dataworks-whitelist.yml';

let github: FakeGitHub;
beforeEach(async () => {
  github = await new FakeGitHub().start();
});
afterEach(async () => {
  await github.stop();
});

/** The baseline has its own e2e suite: off here, so the fake needs no git database. */
function run(options: Omit<RunOptions, 'apiUrl'>): Promise<RunResult> {
  return runBundle({ apiUrl: github.url, ...options, inputs: { baseline: 'off', ...options.inputs } });
}

function repo(whitelist: string): string {
  return makeRepo({ '.github/dataworks-whitelist.yml': CONFIG, [FILE]: whitelist });
}

const warnings = (result: RunResult): string[] =>
  result.annotations.filter((a) => a.command === 'warning').map((a) => a.message);

describe('suggestions (bundle)', () => {
  it('a fix inside the diff is one suggestion; a second run posts nothing twice', async () => {
    github.pullFiles.set(PR, [{ filename: FILE, status: 'added', patch: '@@ -0,0 +1 @@\n+198.51.100.1' }]);
    github.contents.set(HEAD_SHA, new Map([[FILE, HEAD_VERSION]]));
    const workspace = repo(HEAD_VERSION);
    const first = await run({ workspace, event: events.pullRequest(PR) });
    expect(warnings(first)).toEqual([]);
    expect(github.reviews).toEqual([expect.objectContaining({ pullNumber: PR, commitId: HEAD_SHA, event: 'COMMENT' })]);
    expect(github.reviewComments).toHaveLength(1);
    expect(github.reviewComments[0]).toMatchObject({ path: FILE, line: 1 });
    expect(github.reviewComments[0]!.body).toMatch(/```suggestion\n198\.51\.100\.1\n192\.0\.2\.0\/24\n```/);

    await run({ workspace, event: events.pullRequest(PR) });
    expect(github.reviews).toHaveLength(1);
    expect(github.reviewComments).toHaveLength(1);
  });

  it('a fix outside the diff goes into the sticky comment as a patch', async () => {
    github.pullFiles.set(PR, [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }]);
    const result = await run({ workspace: repo(HEAD_VERSION), event: events.pullRequest(PR) });
    expect(warnings(result)).toEqual([]);
    expect(github.reviews).toEqual([]);
    const body = github.commentsOn(PR)[0]!.body;
    expect(body).toContain('```diff');
    expect(body).toContain('+192.0.2.0/24');
    expect(body).toContain('npx dataworks-whitelist-guard fix');
  });

  it('a fork pull request without write permission: a warning naming the permission', async () => {
    github.pullFiles.set(PR, [{ filename: FILE, status: 'added', patch: '@@ -0,0 +1 @@\n+198.51.100.1' }]);
    github.contents.set(HEAD_SHA, new Map([[FILE, HEAD_VERSION]]));
    github.readOnly();
    const result = await run({ workspace: repo(HEAD_VERSION), event: events.pullRequest(PR, { fork: true }) });
    expect(result.exitCode).toBe(1);
    expect(warnings(result).some((w) => /review suggestions.*pull-requests: write/.test(w))).toBe(true);
  });
});

describe('fix pull request (bundle)', () => {
  function seedMain(): void {
    github.seedCommit(HEAD_SHA, 'checked');
    github.refs.set('main', HEAD_SHA);
  }

  it('opens one, updates nothing when unchanged, closes it and deletes the branch once fixed', async () => {
    seedMain();
    const workspace = repo(HEAD_VERSION);
    const inputs = { 'fix-pull-request': 'true' };
    const first = await run({ workspace, event: events.schedule(), inputs });
    expect(warnings(first)).toEqual([]);
    expect(github.pulls).toHaveLength(1);
    expect(first.outputs['fix-pull-request-url']).toBe(
      `https://github.com/octo-org/data-platform/pull/${github.pulls[0]!.number}`
    );
    expect(github.fileOnBranch(BRANCH, FILE)).toMatch(FIXED);
    const head = github.refs.get(BRANCH);

    await run({ workspace, event: events.schedule(), inputs });
    expect(github.pulls).toHaveLength(1);
    expect(github.refs.get(BRANCH)).toBe(head);

    writeRepoFiles(workspace, { [FILE]: '198.51.100.1\n192.0.2.0/24\n' });
    const clean = await run({ workspace, event: events.schedule(), inputs });
    expect(clean.exitCode).toBe(0);
    expect(github.pulls[0]!.state).toBe('closed');
    expect(github.refs.has(BRANCH)).toBe(false);
    expect(clean.outputs['fix-pull-request-url']).toBeUndefined();
  });

  it('leaves a branch someone else pushed to, with a warning', async () => {
    seedMain();
    const workspace = repo(HEAD_VERSION);
    await run({ workspace, event: events.schedule(), inputs: { 'fix-pull-request': 'true' } });
    const theirs = 'e'.repeat(40);
    github.seedCommit(theirs, 'a manual change', [github.refs.get(BRANCH)!]);
    github.refs.set(BRANCH, theirs);
    const result = await run({ workspace, event: events.schedule(), inputs: { 'fix-pull-request': 'true' } });
    expect(github.refs.get(BRANCH)).toBe(theirs);
    expect(warnings(result)).toEqual([expect.stringMatching(/Left the fix branch .* alone/)]);
  });
});
