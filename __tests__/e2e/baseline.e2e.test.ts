/**
 * Contract §11 through the bundles. The action on a `pull_request` event after a default `actions/checkout` (a
 * depth-1 clone of the merge commit, no credentials): it reads the base commit through the fake GitHub's
 * git-database API, seeded with the real objects of a repository made here. And the CLI's `--baseline HEAD~1` in a
 * git repository.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { FakeGitHub } from '../fakes/github-api.js';
import type { GitRepo } from '../baseline/git-repo.js';
import { checkoutDepth1, pullRequestRepo, seedGitHub, type PullRequestRepo } from './git-objects.js';
import { events, runBundle, runCliBundle, type GitHubEvent, type RunResult } from './harness.js';

const CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  sl:
    type: serverless
    privateCidrs: [192.0.2.0/24, 198.51.100.0/28]
    publicIps: []
dataSources:
  db:
    product: rds
    network: private
    whitelist: { file: whitelists/db.txt }
    access: [{ module: data-integration, resourceGroups: [sl] }]
  cache:
    product: redis
    network: private
    whitelist: { file: whitelists/cache.txt }
    access: [{ module: data-integration, resourceGroups: [sl] }]
`;

/**
 * The base misses 198.51.100.0/28 on both sources. The pull request fixes cache, leaves db's miss, and replaces
 * db's 192.0.2.0/24 with an unrelated block: one finding introduced, one already present, one fixed.
 */
const BASE = {
  '.github/dataworks-whitelist.yml': CONFIG,
  'whitelists/db.txt': '192.0.2.0/24\n',
  'whitelists/cache.txt': '192.0.2.0/24\n'
};
const HEAD = {
  'whitelists/db.txt': '203.0.113.0/24\n',
  'whitelists/cache.txt': '192.0.2.0/24\n198.51.100.0/28\n'
};
const PR = 23;

interface Finding {
  rule: string;
  dataSource?: string;
  entry?: string;
  baseline?: string;
}
interface Report {
  status: string;
  baseline?: { ref: string; commit?: string; read: boolean; onlyNew: boolean };
  findings: Finding[];
  resolvedFindings?: Finding[];
}

let github: FakeGitHub;
let pr: PullRequestRepo;
let workspace: string;
beforeAll(() => {
  pr = pullRequestRepo(BASE, HEAD);
  workspace = checkoutDepth1(pr);
});
afterAll(() => pr.repo.cleanup());
beforeEach(async () => {
  github = await new FakeGitHub().start();
  seedGitHub(github, pr.repo, [pr.base, pr.head, pr.merge]);
});
afterEach(async () => {
  await github.stop();
});

/** The event GitHub sends for this pull request, with the real SHAs; GITHUB_SHA is the merge commit. */
function pullRequestEvent(): GitHubEvent {
  const event = events.pullRequest(PR);
  const pull = event.payload.pull_request as { base: { sha: string }; head: { sha: string } };
  pull.base.sha = pr.base;
  pull.head.sha = pr.head;
  return event;
}

function run(inputs: Record<string, string> = {}): Promise<RunResult> {
  return runBundle({
    workspace,
    apiUrl: github.url,
    event: pullRequestEvent(),
    // Review suggestions have their own suite (fix-action.test.ts); here only the baseline's reads are asserted.
    inputs: { resolve: 'offline', suggestions: 'false', ...inputs },
    env: { GITHUB_SHA: pr.merge }
  });
}

function reportOf(result: RunResult): Report {
  return JSON.parse(readFileSync(result.outputs.report!, 'utf8')) as Report;
}

const warnings = (result: RunResult): string[] =>
  result.annotations.filter((a) => a.command === 'warning').map((a) => a.message);

describe('baseline in the bundled action (pull_request after a depth-1 checkout)', () => {
  it('the workspace is what actions/checkout leaves: the merge commit only, no history', () => {
    const git = (...args: string[]): string => execFileSync('git', ['-C', workspace, ...args], { encoding: 'utf8' });
    expect(git('rev-parse', 'HEAD').trim()).toBe(pr.merge);
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
    expect(readFileSync(`${workspace}/whitelists/db.txt`, 'utf8')).toBe(HEAD['whitelists/db.txt']);
  });

  it('reads the base through the API and leads every output with what the pull request introduces', async () => {
    const result = await run();

    expect(warnings(result)).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      status: 'fail',
      'missing-count': '2',
      'finding-count': '2',
      'new-count': '1'
    });

    // The base: the merge commit's first parent, its tree and only the blobs the check opens.
    const reads = github.requests.filter((r) => r.method === 'GET' && !r.path.includes('/issues/'));
    const repoPath = '/repos/octo-org/data-platform';
    expect(reads.slice(0, 2).map((r) => r.path)).toEqual([
      `${repoPath}/commits/${pr.merge}`,
      `${repoPath}/commits/${pr.base}`
    ]);
    expect(reads.every((r) => /\/(commits|git\/trees|git\/blobs)\//.test(r.path))).toBe(true);
    const blobPaths = reads.filter((r) => r.path.includes('/git/blobs/')).map((r) => r.path.split('/').pop());
    const baseBlobs = ['.github/dataworks-whitelist.yml', 'whitelists/db.txt', 'whitelists/cache.txt'].map((file) =>
      pr.repo.git('rev-parse', `${pr.base}:${file}`)
    );
    // db.txt and cache.txt are the same blob at the base: read once.
    expect([...blobPaths].sort()).toEqual([...new Set(baseBlobs)].sort());
    expect(github.writes().map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${repoPath}/issues/${PR}/comments`]);

    const report = reportOf(result);
    expect(report.baseline).toMatchObject({ ref: 'auto', commit: pr.base, read: true, onlyNew: false });
    expect(report.findings.map((f) => [f.rule, f.dataSource, f.entry, f.baseline])).toEqual([
      ['missing-entry', 'db', '192.0.2.0/24', 'new'],
      ['missing-entry', 'db', '198.51.100.0/28', 'unchanged']
    ]);
    expect(report.resolvedFindings?.map((f) => [f.rule, f.dataSource, f.entry])).toEqual([
      ['missing-entry', 'cache', '198.51.100.0/28']
    ]);

    // Annotations: the new finding takes the first slot.
    const errors = result.annotations.filter((a) => a.command === 'error' && a.properties.file !== undefined);
    expect(errors.map((a) => a.properties.file)).toEqual(['whitelists/db.txt', 'whitelists/db.txt']);
    expect(errors[0]!.message).toContain('192.0.2.0/24');
    expect(errors[1]!.message).toContain('198.51.100.0/28');

    // The comment: introduced, then already present (collapsed), then fixed; the same in the job summary.
    const body = github.commentsOn(PR)[0]!.body;
    for (const markdown of [body, result.summary]) {
      const introduced = markdown.indexOf('#### Introduced by this pull request');
      const present = markdown.indexOf('<details><summary>Already present: 1 finding the base commit had too');
      const fixed = markdown.indexOf('#### Fixed by this pull request');
      expect(introduced).toBeGreaterThan(0);
      expect(present).toBeGreaterThan(introduced);
      expect(fixed).toBeGreaterThan(present);
      expect(markdown.slice(introduced, present)).toContain('192.0.2.0/24');
      expect(markdown.slice(introduced, present)).not.toContain('198.51.100.0/28');
      expect(markdown.slice(present, fixed)).toContain('198.51.100.0/28');
      expect(markdown.slice(fixed)).toMatch(/missing-entry \| cache \|.*198\.51\.100\.0\/28/);
      expect(markdown).toContain(
        '**1 introduced by this pull request** · 1 already present · 1 fixed by this pull request'
      );
      expect(markdown).toContain(pr.base.slice(0, 7));
    }
  });

  it('only-new: the step fails on what the pull request introduces, with a message that says so', async () => {
    const result = await run({ 'only-new': 'true' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'fail', 'new-count': '1', 'finding-count': '2' });
    expect(reportOf(result).baseline?.onlyNew).toBe(true);
    const failure = result.annotations.find((a) => a.command === 'error' && a.properties.file === undefined);
    expect(failure?.message).toContain('this pull request introduces 1 error or warning (2 errors, 0 warnings in all)');
    expect(github.commentsOn(PR)).toHaveLength(1);
  });

  it('only-new: a pull request that introduces nothing passes the step and writes no comment', async () => {
    // Compare the merge commit with itself (input baseline: a SHA): every finding is already present.
    const result = await run({ 'only-new': 'true', baseline: pr.merge });
    expect(result.outputs).toMatchObject({ status: 'fail', 'new-count': '0', 'finding-count': '2' });
    expect(result.exitCode).toBe(0);
    expect(reportOf(result).findings.map((f) => f.baseline)).toEqual(['unchanged', 'unchanged']);
    expect(github.writes()).toEqual([]);
    expect(result.summary).toContain('#### Introduced by this pull request');
    expect(result.summary).toContain('_Nothing: this change adds no finding._');

    // Without only-new the same run fails on the findings already present.
    const strict = await run({ baseline: pr.merge });
    expect(strict.exitCode).toBe(1);
  });

  it('a base the token cannot read: a warning, every finding new, and the check still runs', async () => {
    github.faults.push((r) =>
      r.path.includes('/commits/') ? { status: 403, body: { message: 'Forbidden' } } : undefined
    );
    const result = await run();
    expect(warnings(result)).toEqual([
      expect.stringMatching(
        /^baseline auto: the base commit of the pull request could not be read: .*contents: read.*every finding is reported as new/
      )
    ]);
    expect(result.outputs).toMatchObject({ status: 'fail', 'new-count': '2', 'finding-count': '2' });
    expect(reportOf(result).baseline).toMatchObject({ read: false });
  });
});

describe('the fake GitHub serves the git database as GitHub does', () => {
  it('lists a tree with or without recursive=1, and a blob in base64', async () => {
    const tree = pr.repo.git('rev-parse', `${pr.base}^{tree}`);
    const get = async (suffix: string): Promise<Record<string, unknown>> =>
      (await (await fetch(`${github.url}/repos/octo-org/data-platform${suffix}`)).json()) as Record<string, unknown>;
    const paths = async (suffix: string): Promise<string[]> =>
      ((await get(suffix)).tree as { path: string; type: string }[]).map((e) => `${e.type} ${e.path}`);
    expect(await paths(`/git/trees/${tree}`)).toEqual(['tree .github', 'tree whitelists']);
    expect(await paths(`/git/trees/${tree}?recursive=1`)).toEqual([
      'tree .github',
      'blob .github/dataworks-whitelist.yml',
      'tree whitelists',
      'blob whitelists/cache.txt',
      'blob whitelists/db.txt'
    ]);
    const blob = await get(`/git/blobs/${pr.repo.git('rev-parse', `${pr.head}:whitelists/cache.txt`)}`);
    expect(Buffer.from(String(blob.content), 'base64').toString('utf8')).toBe(HEAD['whitelists/cache.txt']);
    expect((await get(`/commits/main`)).sha).toBe(undefined);
    github.refs.set('main', pr.merge);
    expect((await get(`/commits/main`)).sha).toBe(pr.merge);
  });
});

describe('baseline in the bundled CLI', () => {
  let repo: GitRepo;
  beforeAll(() => {
    repo = pullRequestRepo(BASE, HEAD).repo;
    repo.git('checkout', '-q', 'feature');
  });

  it('check --baseline HEAD~1 marks findings new or unchanged and lists the fixed ones', async () => {
    const result = await runCliBundle(['check', '--resolve', 'offline', '--baseline', 'HEAD~1', '--format', 'json'], {
      cwd: repo.root
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.baseline).toMatchObject({ ref: 'HEAD~1', commit: repo.git('rev-parse', 'HEAD~1'), read: true });
    expect(report.findings.map((f) => [f.dataSource, f.entry, f.baseline])).toEqual([
      ['db', '192.0.2.0/24', 'new'],
      ['db', '198.51.100.0/28', 'unchanged']
    ]);
    expect(report.resolvedFindings?.map((f) => [f.dataSource, f.entry])).toEqual([['cache', '198.51.100.0/28']]);
  });

  it('--only-new exits 0 when HEAD introduces nothing, and 1 when it does', async () => {
    const nothingNew = await runCliBundle(['check', '--resolve', 'offline', '--baseline', 'HEAD', '--only-new'], {
      cwd: repo.root
    });
    expect(nothingNew.exitCode).toBe(0);
    expect(nothingNew.stdout).toContain('✗ fail');
    const introduced = await runCliBundle(['check', '--resolve', 'offline', '--baseline', 'HEAD~1', '--only-new'], {
      cwd: repo.root
    });
    expect(introduced.exitCode).toBe(1);
  });

  it('an unknown ref: a warning, every finding new', async () => {
    const result = await runCliBundle(
      ['check', '--resolve', 'offline', '--baseline', 'no-such-ref', '--format', 'json'],
      {
        cwd: repo.root
      }
    );
    expect(result.stderr).toMatch(/baseline no-such-ref: .*every finding is reported as new/);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings.map((f) => f.baseline)).toEqual(['new', 'new']);
    expect(report.baseline).toMatchObject({ read: false });
  });
});
