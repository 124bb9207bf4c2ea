/**
 * The committed bundle, run as GitHub runs it, against a fake GitHub REST API on 127.0.0.1. Each test asserts on
 * the request log, the parsed outputs, the job summary, the annotations on stdout and the exit code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeGitHub } from '../fakes/github-api.js';
import {
  E2E_TOKEN,
  HEAD_SHA,
  REPO_ROOT,
  events,
  makeRepo,
  runBundle,
  writeRepoFiles,
  type RunOptions,
  type RunResult
} from './harness.js';

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
const MISSING = '198.51.100.1\n';
const CLEAN = '192.0.2.0/24\n';
const COMMENT_MARKER = '<!-- dataworks-whitelist-guard:comment key=.github%2Fdataworks-whitelist.yml -->';
const ISSUE_MARKER = '<!-- dataworks-whitelist-guard:audit-issue key=.github%2Fdataworks-whitelist.yml -->';
const PR = 17;

function repo(whitelist: string, extra: Record<string, string> = {}): string {
  return makeRepo({ '.github/dataworks-whitelist.yml': CONFIG, 'whitelists/orders.txt': whitelist, ...extra });
}

let github: FakeGitHub;
beforeEach(async () => {
  github = await new FakeGitHub().start();
});
afterEach(async () => {
  await github.stop();
});

/**
 * These runs test the comment, the issue and the outputs on their own: the baseline and the review suggestions
 * (each with its own e2e suite) are off unless a test turns them on.
 */
function run(options: Omit<RunOptions, 'apiUrl'>): Promise<RunResult> {
  return runBundle({
    apiUrl: github.url,
    ...options,
    inputs: { baseline: 'off', suggestions: 'false', ...options.inputs }
  });
}

/** `METHOD path` of every request, to compare the exact sequence of calls. */
function calls(): string[] {
  return github.requests.map((r) => `${r.method} ${r.path}${r.query.page ? `?page=${r.query.page}` : ''}`);
}

const commentsPath = `/repos/octo-org/data-platform/issues/${PR}/comments`;

/** The token appears only in the runner's `::add-mask::` command, never elsewhere in the log. */
function expectTokenMasked(result: RunResult): void {
  expect(result.commands.some((c) => c.command === 'add-mask' && c.message === E2E_TOKEN)).toBe(true);
  const withoutMask = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  expect(withoutMask.join('\n')).not.toContain(E2E_TOKEN);
  expect(result.stderr).not.toContain(E2E_TOKEN);
}

describe('pull request comment', () => {
  it('creates one comment on the first run and updates it on the second', async () => {
    const workspace = repo(MISSING);
    const first = await run({ workspace, event: events.pullRequest(PR) });

    expect(first.exitCode).toBe(1);
    expect(calls()).toEqual([`GET ${commentsPath}`, `POST ${commentsPath}`, `GET ${commentsPath}`]);
    expect(github.requests.every((r) => r.authorization === `token ${E2E_TOKEN}`)).toBe(true);
    expect(github.requests[0]!.query.per_page).toBe('100');
    const [comment] = github.commentsOn(PR);
    expect(comment!.body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(comment!.body).toContain('192.0.2.0/24');
    expect(first.outputs).toEqual({
      status: 'fail',
      'missing-count': '1',
      'finding-count': '1',
      // Without a baseline every finding is new (contract §11).
      'new-count': '1',
      report: path.join(first.runnerTemp, 'dataworks-whitelist-report.json'),
      'comment-url': `https://github.com/octo-org/data-platform/pull/${PR}#issuecomment-${comment!.id}`
    });
    const report = JSON.parse(readFileSync(first.outputs.report!, 'utf8'));
    expect(report).toMatchObject({ reportVersion: 1, status: 'fail', summary: { missing: 1 } });
    expect(first.summary).toContain('192.0.2.0/24');
    expect(first.annotations[0]).toMatchObject({
      command: 'error',
      properties: {
        file: 'whitelists/orders.txt',
        line: expect.stringMatching(/^\d+$/),
        title: 'missing-entry: orders-rds'
      }
    });
    expect(first.annotations.at(-1)).toEqual({
      command: 'error',
      properties: {},
      message: 'The DataWorks whitelist check failed (1 error, 0 warnings); see the job summary.'
    });
    expectTokenMasked(first);
    // Nothing is exported to later steps: no variables, no state.
    expect(first.envFile).toBe('');
    expect(first.stateFile).toBe('');

    // The fix is partial: a different gap, so the body changes and is updated in place.
    writeRepoFiles(workspace, { 'whitelists/orders.txt': '192.0.2.0/25\n' });
    github.requests.length = 0;
    const second = await run({ workspace, event: events.pullRequest(PR) });
    expect(second.exitCode).toBe(1);
    expect(calls()).toEqual([
      `GET ${commentsPath}`,
      `PATCH /repos/octo-org/data-platform/issues/comments/${comment!.id}`
    ]);
    expect(github.commentsOn(PR)).toHaveLength(1);
    expect(github.commentsOn(PR)[0]!.body).toContain('192.0.2.128/25');
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);

    // Same findings again: nothing is written.
    github.requests.length = 0;
    const third = await run({ workspace, event: events.pullRequest(PR) });
    expect(calls()).toEqual([`GET ${commentsPath}`]);
    expect(third.outputs['comment-url']).toBe(first.outputs['comment-url']);
  });

  it('updates an existing comment to "resolved" with the head SHA on a clean run', async () => {
    const old = github.seedComment(PR, `${COMMENT_MARKER}\nold findings`);
    const result = await run({ workspace: repo(CLEAN), event: events.pullRequest(PR) });

    expect(result.exitCode).toBe(0);
    expect(calls()).toEqual([`GET ${commentsPath}`, `PATCH /repos/octo-org/data-platform/issues/comments/${old.id}`]);
    const body = github.commentsOn(PR)[0]!.body;
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toMatch(/resolved/);
    expect(body).toContain(HEAD_SHA.slice(0, 7));
    expect(result.outputs.status).toBe('pass');
    expect(result.outputs['comment-url']).toContain(`#issuecomment-${old.id}`);
    expect(result.annotations.filter((a) => a.command === 'error')).toEqual([]);
  });

  it('creates no comment on a clean run when there is none', async () => {
    const result = await run({ workspace: repo(CLEAN), event: events.pullRequest(PR, { target: true }) });
    expect(result.exitCode).toBe(0);
    expect(calls()).toEqual([`GET ${commentsPath}`]);
    expect(github.comments).toEqual([]);
    expect(result.outputs).toEqual({
      status: 'pass',
      'missing-count': '0',
      'finding-count': '0',
      'new-count': '0',
      report: expect.any(String)
    });
  });

  it("turns a fork PR's 403 into a warning naming pull-requests: write, and the step still fails on the findings", async () => {
    github.readOnly();
    const result = await run({ workspace: repo(MISSING), event: events.pullRequest(PR, { fork: true }) });

    expect(result.exitCode).toBe(1);
    expect(calls()).toEqual([`GET ${commentsPath}`, `POST ${commentsPath}`]);
    expect(github.comments).toEqual([]);
    const warnings = result.annotations.filter((a) => a.command === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('`permissions: pull-requests: write`');
    expect(warnings[0]!.message).toContain('forks');
    expect(result.outputs.status).toBe('fail');
    expect(result.outputs['comment-url']).toBeUndefined();
    expect(result.annotations.some((a) => a.command === 'error' && a.properties.file === 'whitelists/orders.txt')).toBe(
      true
    );
  });

  it('leaves one comment when two jobs of the same pull request run at once', async () => {
    const [a, b] = await Promise.all([
      run({ workspace: repo(MISSING), event: events.pullRequest(PR) }),
      run({ workspace: repo(MISSING), event: events.pullRequest(PR) })
    ]);
    expect([a.exitCode, b.exitCode]).toEqual([1, 1]);
    expect(github.commentsOn(PR)).toHaveLength(1);
    const [survivor] = github.commentsOn(PR);
    // Both outputs name the comment that stays; a duplicate, if one was made, was deleted by the job that made it.
    expect(a.outputs['comment-url']).toContain(`#issuecomment-${survivor!.id}`);
    expect(b.outputs['comment-url']).toContain(`#issuecomment-${survivor!.id}`);
    const creates = github.requests.filter((r) => r.method === 'POST').length;
    const deletes = github.requests.filter((r) => r.method === 'DELETE').length;
    expect(creates - deletes).toBe(1);
  });

  it('finds its comment on the third page of 250 comments and updates it', async () => {
    for (let i = 0; i < 240; i++) github.seedComment(PR, `comment ${i} by a reviewer`);
    const ours = github.seedComment(PR, `${COMMENT_MARKER}\nstale`);
    for (let i = 240; i < 250; i++) github.seedComment(PR, `comment ${i} by a reviewer`);

    const result = await run({ workspace: repo(MISSING), event: events.pullRequest(PR) });
    expect(result.exitCode).toBe(1);
    expect(calls()).toEqual([
      `GET ${commentsPath}`,
      `GET ${commentsPath}?page=2`,
      `GET ${commentsPath}?page=3`,
      `PATCH /repos/octo-org/data-platform/issues/comments/${ours.id}`
    ]);
    expect(github.comments).toHaveLength(251);
    expect(github.comments.find((c) => c.id === ours.id)!.body).toContain('192.0.2.0/24');
  });

  it('escapes hostile file names, entries and comment keys in the comment and the summary', async () => {
    const hostileFile = 'whitelists/<img src=x onerror=alert(1)>@octocat [x](https:evil.example) |.txt';
    const config = CONFIG.replace('whitelists/orders.txt', JSON.stringify(hostileFile));
    const workspace = makeRepo({
      '.github/dataworks-whitelist.yml': config,
      [hostileFile]: '<script>alert(1)</script>\n@octocat\n[click](https://evil.example)\n**bold**\n#1\n'
    });
    const key = 'prod <b>@admins</b> -->';
    const result = await run({ workspace, event: events.pullRequest(PR), inputs: { 'comment-key': key } });

    expect(result.exitCode).toBe(1);
    const body = github.commentsOn(PR)[0]!.body;
    expect(
      body.startsWith('<!-- dataworks-whitelist-guard:comment key=prod%20%3Cb%3E%40admins%3C%2Fb%3E%20--%3E -->\n')
    ).toBe(true);
    for (const text of [body.slice(body.indexOf('\n')), result.summary]) {
      expect(text).not.toMatch(/<(img|script|b)\b/i);
      expect(text).not.toMatch(/@(octocat|admins)\b/);
      expect(text).not.toMatch(/(^|[^\\])\[(click|x)(\\)?\]\(/);
      expect(text).not.toContain('https://evil');
      expect(text).not.toContain('-->');
      expect(text).not.toMatch(/(^|[^\\])\*\*bold/);
    }
    // Annotations carry the raw path; the toolkit escapes the property separators.
    expect(result.annotations.some((a) => a.properties.file === hostileFile)).toBe(true);
  });

  it('keeps the comment under 65,536 characters and the summary under 1 MiB with 10,000 findings', async () => {
    // 5,000 required IPv6 blocks that the whitelists miss, and 5,000 entries that do not parse: 20 in each of 250
    // files, since a file reports at most 20 of its invalid entries one by one.
    const blocks = Array.from({ length: 5000 }, (_, i) => `"2001:db8:${i.toString(16)}::/48"`);
    const config = `version: 1
region: cn-hangzhou
resourceGroups:
  big:
    type: serverless
    privateCidrs: [${blocks.join(', ')}]
dataSources:
  huge:
    product: other
    network: private
    whitelist: [${Array.from({ length: 250 }, (_, f) => `{ file: whitelists/huge-${f}.txt }`).join(', ')}]
    access:
      - module: data-integration
        resourceGroups: [big]
`;
    const files: Record<string, string> = { '.github/dataworks-whitelist.yml': config };
    for (let f = 0; f < 250; f++) {
      files[`whitelists/huge-${f}.txt`] =
        Array.from({ length: 20 }, (_, i) => `not-an-address-${f * 20 + i}`).join('\n') + '\n';
    }
    const workspace = makeRepo(files);
    const result = await run({ workspace, event: events.pullRequest(PR), timeoutMs: 120_000 });

    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'fail', 'missing-count': '5000', 'finding-count': '10000' });
    const body = github.commentsOn(PR)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/cut to fit/);
    expect(Buffer.byteLength(result.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(result.summary).toContain(result.outputs.report!);
    // 10 error slots: 9 findings and the step's own failure message; one notice counts the rest.
    const errors = result.annotations.filter((a) => a.command === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).every((a) => a.properties.title === 'missing-entry: huge')).toBe(true);
    const notices = result.annotations.filter((a) => a.command === 'notice');
    expect(notices.at(-1)!.message).toMatch(/^9991 more findings are not annotated \(9991 errors\)/);
    const report = JSON.parse(readFileSync(result.outputs.report!, 'utf8'));
    expect(report.findings).toHaveLength(10_000);
  }, 180_000);
});

describe('audit issue', () => {
  const issuesPath = '/repos/octo-org/data-platform/issues';

  it('is created on a scheduled run, updated when findings change, and closed with a comment when clean', async () => {
    const workspace = repo(MISSING);
    const inputs = { 'audit-issue': 'true' };
    const first = await run({ workspace, event: events.schedule(), inputs });

    expect(first.exitCode).toBe(1);
    expect(calls()).toEqual([
      'GET /repos/octo-org/data-platform/labels/dataworks-whitelist',
      'POST /repos/octo-org/data-platform/labels',
      `GET ${issuesPath}`,
      `POST ${issuesPath}`,
      `GET ${issuesPath}`
    ]);
    expect(github.requests[2]!.query).toMatchObject({ state: 'open', labels: 'dataworks-whitelist' });
    expect(github.issues).toHaveLength(1);
    const issue = github.issues[0]!;
    expect(issue).toMatchObject({ state: 'open', labels: ['dataworks-whitelist'] });
    expect(issue.body.startsWith(`${ISSUE_MARKER}\n`)).toBe(true);
    expect(issue.body).toContain('192.0.2.0/24');
    expect(first.outputs['issue-url']).toBe('https://github.com/octo-org/data-platform/issues/1');
    expect(first.outputs['comment-url']).toBeUndefined();

    writeRepoFiles(workspace, { 'whitelists/orders.txt': '192.0.2.0/25\n' });
    github.requests.length = 0;
    const second = await run({ workspace, event: events.workflowDispatch(), inputs });
    expect(second.exitCode).toBe(1);
    expect(calls()).toEqual([
      'GET /repos/octo-org/data-platform/labels/dataworks-whitelist',
      `GET ${issuesPath}`,
      `PATCH ${issuesPath}/1`
    ]);
    expect(github.issues[0]!.body).toContain('192.0.2.128/25');

    writeRepoFiles(workspace, { 'whitelists/orders.txt': CLEAN });
    github.requests.length = 0;
    const third = await run({ workspace, event: events.schedule(), inputs });
    expect(third.exitCode).toBe(0);
    expect(calls()).toEqual([
      'GET /repos/octo-org/data-platform/labels/dataworks-whitelist',
      `GET ${issuesPath}`,
      `POST ${issuesPath}/1/comments`,
      `PATCH ${issuesPath}/1`
    ]);
    expect(github.issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(github.commentsOn(1)[0]!.body).toContain(`Resolved: the check of ${HEAD_SHA}`);
    expect(third.outputs['issue-url']).toBe('https://github.com/octo-org/data-platform/issues/1');
  });

  it('is not touched on pull requests, and a 403 names issues: write', async () => {
    const onPr = await run({
      workspace: repo(MISSING),
      event: events.pullRequest(PR),
      inputs: { 'audit-issue': 'true', comment: 'never' }
    });
    expect(onPr.exitCode).toBe(1);
    expect(github.requests).toEqual([]);

    github.readOnly();
    const denied = await run({ workspace: repo(MISSING), event: events.push(), inputs: { 'audit-issue': 'true' } });
    expect(denied.exitCode).toBe(1);
    const warnings = denied.annotations.filter((a) => a.command === 'warning');
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('`permissions: issues: write`')]);
    expect(github.issues).toEqual([]);
  });
});

describe('inputs and outputs', () => {
  it('fails with status error and a message naming the expected values, before any check', async () => {
    const result = await run({
      workspace: repo(MISSING),
      inputs: { 'fail-on': 'sometimes', 'access-key-id': 'LTAI-only-id' }
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toEqual({ status: 'error' });
    const [failure] = result.annotations.filter((a) => a.command === 'error');
    expect(failure!.message).toContain('Input "fail-on" must be one of error, warning, never; got "sometimes".');
    expect(failure!.message).toContain('"access-key-id" and "access-key-secret" must be given together');
    expect(result.summary).toContain('The check did not run: invalid inputs.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('is advisory with fail-on never, and always fails on status error', async () => {
    const advisory = await run({ workspace: repo(MISSING), inputs: { 'fail-on': 'never' } });
    expect(advisory.exitCode).toBe(0);
    expect(advisory.outputs.status).toBe('fail');

    const broken = await run({ workspace: repo(MISSING), inputs: { 'fail-on': 'never', config: 'missing.yml' } });
    expect(broken.exitCode).toBe(1);
    expect(broken.outputs.status).toBe('error');
  });

  it('writes SARIF with locations relative to the checkout and works with a GitHub Enterprise API prefix', async () => {
    await github.stop();
    github = await new FakeGitHub({ prefix: '/api/v3' }).start();
    const workspace = makeRepo({
      'infra/.github/dataworks-whitelist.yml': CONFIG,
      'infra/whitelists/orders.txt': MISSING
    });
    const result = await run({
      workspace,
      event: events.pullRequest(PR),
      inputs: { 'working-directory': 'infra', sarif: 'results.sarif' }
    });
    expect(result.exitCode).toBe(1);
    expect(github.comments).toHaveLength(1);
    expect(result.annotations[0]!.properties.file).toBe('infra/whitelists/orders.txt');
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'results.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri
    );
    expect(uris).toEqual(['infra/whitelists/orders.txt']);
  });

  it('annotates the unreadable source first and counts nothing missing when coverage is unknown (§8)', async () => {
    const blocks = Array.from({ length: 12 }, (_, i) => `192.0.2.${i * 8}/29`).join(', ');
    const config = CONFIG.replace('privateCidrs: [192.0.2.0/24]', `privateCidrs: [${blocks}]`).replace(
      '      - file: whitelists/orders.txt\n',
      '      - file: whitelists/orders.txt\n      - file: whitelists/typo.txt\n'
    );
    const workspace = makeRepo({ '.github/dataworks-whitelist.yml': config, 'whitelists/orders.txt': MISSING });
    const result = await run({ workspace, event: events.pullRequest(PR) });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('error');
    expect(result.outputs['missing-count']).toBe('0');
    const errors = result.annotations.filter((a) => a.command === 'error' && a.properties.title !== undefined);
    expect(errors[0]!.properties.title).toBe('invalid-whitelist: orders-rds');
    expect(errors.some((a) => a.properties.title?.startsWith('missing-entry'))).toBe(false);
    const report = JSON.parse(readFileSync(result.outputs.report!, 'utf8')) as {
      required: { covered: boolean | null }[];
    };
    expect(report.required.map((r) => r.covered)).toEqual(Array.from({ length: 12 }, () => null));
    expect(result.summary.indexOf('#### Could not check')).toBeGreaterThan(0);
  });

  it('checks the repository examples as the CI workflow does', async () => {
    const result = await runBundle({
      workspace: REPO_ROOT,
      inputs: { 'working-directory': 'examples', resolve: 'offline' }
    });
    expect(result.outputs.status).toBe('fail');
    expect(Number(result.outputs['missing-count'])).toBeGreaterThan(0);
    expect(
      result.annotations.filter((a) => a.properties.file?.startsWith('examples/whitelists/')).length
    ).toBeGreaterThan(0);
  });
});
