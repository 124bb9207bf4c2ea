/**
 * Contract §11 in the action: a `pull_request` event after a depth-1 checkout (the working tree has no history and
 * no credentials): the base is the merge commit's first parent, read through GitHub's git-database API.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBaselineCheck } from '../../src/baseline/index.js';
import { gitTreeSource } from '../../src/baseline/git-source.js';
import type { GitTreesApi } from '../../src/action/base-tree.js';
import { runAction, type ActionDeps, type ActionCore } from '../../src/action/run.js';
import { runCheck } from '../../src/engine.js';
import {
  escapeMarkdown,
  renderJson,
  renderMarkdown,
  renderResolvedMarkdown,
  renderSarif
} from '../../src/report/index.js';
import { MemoryGitHub } from '../action/memory-github.js';
import { gitRepo, type GitRepo } from './git-repo.js';

const CONFIG = '.github/dataworks-whitelist.yml';
const CONFIG_TEXT = `version: 1
region: cn-hangzhou
resourceGroups:
  sl:
    type: serverless
    privateCidrs: [192.0.2.0/24, 198.51.100.0/28]
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

/** GitHub's git-database API over a local repository, recording every call (the API the action reads the base through). */
function apiOver(repo: GitRepo, calls: string[]): GitTreesApi {
  const source = gitTreeSource(repo.root);
  return {
    async getCommit(ref) {
      calls.push(`commit ${ref}`);
      const sha = repo.git('rev-parse', '--verify', `${ref}^{commit}`);
      const parents = repo.git('rev-list', '--parents', '-n', '1', sha).split(' ').slice(1);
      return { sha, tree: repo.git('rev-parse', `${sha}^{tree}`), parents };
    },
    async getTree(sha) {
      calls.push(`tree ${sha}`);
      return { entries: await source.listTree(sha), truncated: false };
    },
    async getBlob(sha) {
      calls.push(`blob ${sha}`);
      return source.readBlob(sha, 10 * 1024 * 1024);
    }
  };
}

interface Run {
  outputs: Record<string, string>;
  failed: string[];
  errors: string[];
  github: MemoryGitHub;
  calls: string[];
  report: { findings: { baseline?: string }[]; resolvedFindings?: unknown[] };
}

let repo: GitRepo;
let workspace: string;
let base: string;
let merge: string;

beforeEach(() => {
  repo = gitRepo();
  repo.write(CONFIG, CONFIG_TEXT);
  // At the base: db misses 198.51.100.0/28, cache misses nothing.
  repo.write('whitelists/db.txt', '192.0.2.0/24\n');
  repo.write('whitelists/cache.txt', '192.0.2.0/24\n198.51.100.0/28\n');
  base = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  // The pull request: moves db's line (the gap stays), drops 198.51.100.0/28 from cache (a new gap).
  repo.write('whitelists/db.txt', '# office\n192.0.2.0/24\n');
  repo.write('whitelists/cache.txt', '192.0.2.0/24\n');
  const head = repo.commit('head');
  repo.git('checkout', '-q', 'main');
  // The base moved on after the pull request was opened: the merge commit's first parent is the newer base.
  repo.write('README.md', 'base moved\n');
  base = repo.commit('base moved');
  repo.git('merge', '-q', '--no-ff', '--no-edit', head);
  merge = repo.git('rev-parse', 'HEAD');
  // A depth-1 checkout of the merge commit: the files, no history, no credentials.
  workspace = mkdtempSync(path.join(os.tmpdir(), 'dwg-checkout-'));
  cpSync(path.join(repo.root, '.github'), path.join(workspace, '.github'), { recursive: true });
  cpSync(path.join(repo.root, 'whitelists'), path.join(workspace, 'whitelists'), { recursive: true });
});
afterEach(() => {
  repo.cleanup();
  rmSync(workspace, { recursive: true, force: true });
});

async function runPullRequest(inputs: Record<string, string> = {}): Promise<Run> {
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  const errors: string[] = [];
  const calls: string[] = [];
  const github = new MemoryGitHub();
  const eventPath = path.join(workspace, '..', `${path.basename(workspace)}-event.json`);
  writeFileSync(
    eventPath,
    JSON.stringify({ pull_request: { number: 7, head: { sha: 'b'.repeat(40) }, base: { sha: 'c'.repeat(40) } } })
  );
  const record = (): void => undefined;
  const core: ActionCore = {
    setSecret: record,
    setOutput: (name, value) => void (outputs[name] = value),
    setFailed: (m) => void failed.push(m),
    debug: record,
    info: record,
    warning: record,
    error: (m) => void errors.push(m),
    notice: record
  };
  const deps: ActionDeps = {
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_SHA: merge,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      RUNNER_TEMP: workspace,
      'INPUT_GITHUB-TOKEN': 'ghs_token',
      INPUT_RESOLVE: 'offline',
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
    },
    core,
    runCheck: (request) => (request.baseline ? runBaselineCheck(request, request.baseline) : runCheck(request)),
    renderers: { renderJson, renderMarkdown, renderResolvedMarkdown, renderSarif, escapeMarkdown },
    createGitHubApi: () => github,
    createGitTreesApi: () => apiOver(repo, calls),
    appendSummary: async () => undefined,
    toolVersion: '0.0.0-test'
  };
  await runAction(deps);
  const report = JSON.parse(readFileSync(outputs.report!, 'utf8')) as Run['report'];
  rmSync(eventPath, { force: true });
  return { outputs, failed, errors, github, calls, report };
}

describe('the action on a pull_request event with a depth-1 checkout', () => {
  it("reads the base (the merge commit's first parent) through the API and marks each finding", async () => {
    const run = await runPullRequest();
    expect(run.calls[0]).toBe(`commit ${merge}`);
    expect(run.calls[1]).toBe(`commit ${base}`);
    // Only the trees on the way to the files read, and their blobs: root, .github, whitelists; config + 2 lists.
    expect(run.calls.filter((c) => c.startsWith('tree '))).toHaveLength(3);
    expect(run.calls.filter((c) => c.startsWith('blob '))).toHaveLength(3);
    expect(run.report.findings.map((f) => f.baseline)).toEqual(['unchanged', 'new']);
    expect(run.outputs).toMatchObject({ status: 'fail', 'finding-count': '2', 'new-count': '1' });
    expect(run.failed).toHaveLength(1);
    // The new gap takes the first annotation slot.
    expect(run.errors[0]).toContain('cache');
  });

  it('the comment leads with what the pull request introduces, then already present (collapsed)', async () => {
    const run = await runPullRequest();
    const body = [...run.github.comments.values()].flat()[0]!.body;
    const introduced = body.indexOf('#### Introduced by this pull request');
    const present = body.indexOf('<details><summary>Already present: 1 finding');
    expect(introduced).toBeGreaterThan(0);
    expect(present).toBeGreaterThan(introduced);
    expect(body.slice(introduced, present)).toContain('cache');
    expect(body.slice(present)).toContain('db');
    expect(body).toContain('**1 introduced by this pull request** · 1 already present · 0 fixed by this pull request');
  });

  it('only-new: a pull request that adds nothing passes and writes no comment; one that adds a gap fails', async () => {
    writeFileSync(path.join(workspace, 'whitelists/cache.txt'), '192.0.2.0/24\n198.51.100.0/28\n');
    const clean = await runPullRequest({ 'only-new': 'true' });
    expect(clean.outputs).toMatchObject({ status: 'fail', 'finding-count': '1', 'new-count': '0' });
    expect(clean.failed).toEqual([]);
    expect([...clean.github.comments.values()].flat()).toEqual([]);

    writeFileSync(path.join(workspace, 'whitelists/cache.txt'), '192.0.2.0/24\n');
    const worse = await runPullRequest({ 'only-new': 'true' });
    expect(worse.failed[0]).toMatch(/introduces 1 error or warning/);
    expect([...worse.github.comments.values()].flat()).toHaveLength(1);
  });

  it('a fix is listed as fixed by this pull request', async () => {
    writeFileSync(path.join(workspace, 'whitelists/db.txt'), '192.0.2.0/24\n198.51.100.0/28\n');
    writeFileSync(path.join(workspace, 'whitelists/cache.txt'), '192.0.2.0/24\n198.51.100.0/28\n');
    const run = await runPullRequest({ comment: 'always' });
    expect(run.report.resolvedFindings).toHaveLength(1);
    const body = [...run.github.comments.values()].flat()[0]!.body;
    expect(body).toContain('#### Fixed by this pull request');
    expect(body).toContain('_Nothing: this change adds no finding._');
  });

  it('baseline: off reads nothing and marks nothing', async () => {
    const run = await runPullRequest({ baseline: 'off' });
    expect(run.calls).toEqual([]);
    expect(run.report.findings.map((f) => f.baseline)).toEqual([undefined, undefined]);
    expect(run.outputs['new-count']).toBe('2');
  });

  it('a base the API cannot serve: every finding is new, the check still reports', async () => {
    const run = await runPullRequest({ baseline: 'no-such-ref' });
    expect(run.report.findings.map((f) => f.baseline)).toEqual(['new', 'new']);
    expect(run.outputs['new-count']).toBe('2');
  });
});
