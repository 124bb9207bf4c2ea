/**
 * The fix layers of the action's flow (contract §10) against the in-memory GitHub and a fake fix engine that
 * edits what it reads through the files it is given, as the real engine does.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diskRepoFiles } from '../../src/io.js';
import { fixBranchSlug } from '../../src/action/fix-pull-request.js';
import type { FixRequest } from '../../src/action/fix-plan.js';
import { marker } from '../../src/action/markers.js';
import { runAction, type ActionCore, type ActionDeps } from '../../src/action/run.js';
import type { FixPlan } from '../../src/fix/types.js';
import type { Finding, Report, Status } from '../../src/model.js';
import { MemoryGitHub } from './memory-github.js';

const HEAD = 'b'.repeat(40);
const MERGE = 'a'.repeat(40);
const FILE = 'whitelists/orders.yml';
const NEEDED = '203.0.113.7/32';
const ANCHOR = '  - 198.51.100.0/24';

function report(status: Status, findings: Finding[]): Report {
  return {
    reportVersion: 1,
    status,
    config: '.github/dataworks-whitelist.yml',
    resolve: 'offline',
    summary: {
      dataSources: 1,
      required: 1,
      missing: findings.length,
      errors: findings.length,
      warnings: 0,
      notices: 0
    },
    dataSources: [{ name: 'orders-rds', product: 'rds', network: 'private', region: 'cn-hangzhou' }],
    addressLists: [],
    required: [],
    findings
  };
}

const missing: Finding = {
  rule: 'missing-entry',
  severity: 'error',
  message: `missing ${NEEDED} for orders-rds (data-integration → prod-serverless → publicIps)`,
  dataSource: 'orders-rds',
  entry: NEEDED,
  uncovered: [NEEDED],
  file: FILE,
  line: 2,
  column: 5
};

/** A fake engine: adds NEEDED after ANCHOR in FILE, reading the file through the files it is given. */
function fakePlanFixes(seen: FixRequest[]) {
  return async (request: FixRequest): Promise<FixPlan> => {
    seen.push(request);
    const before = await (request.files ?? diskRepoFiles(request.root)).readText(FILE);
    if (before.includes(NEEDED))
      return { edits: [], notFixed: [], before: report('pass', []), after: report('pass', []) };
    const after = before.replace(`${ANCHOR}\n`, `${ANCHOR}\n  - ${NEEDED}\n`);
    return {
      edits: [{ file: FILE, before, after, added: [NEEDED] }],
      notFixed: [],
      before: report('fail', [missing]),
      after: report('pass', [])
    };
  };
}

function fakeCore() {
  const calls: { fn: string; args: unknown[] }[] = [];
  const outputs: Record<string, string> = {};
  const record =
    (fn: string) =>
    (...args: unknown[]) => {
      calls.push({ fn, args });
    };
  const core: ActionCore = {
    setSecret: record('setSecret'),
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setFailed: record('setFailed'),
    debug: record('debug'),
    info: record('info'),
    warning: record('warning'),
    error: record('error'),
    notice: record('notice')
  };
  return { core, calls, outputs };
}

interface Setup {
  workspace: string;
  github: MemoryGitHub;
  summary: string[];
  seen: FixRequest[];
  /** Makes the fake engine throw, as a bug would. */
  engineFails?: boolean;
  run(env?: NodeJS.ProcessEnv): Promise<{ calls: { fn: string; args: unknown[] }[]; outputs: Record<string, string> }>;
}

const mergeVersion = ['orders:', '  - 192.0.2.0/24', ANCHOR, '  - 198.51.100.64/26', ''].join('\n');

function setup(event: 'pull_request' | 'schedule', checked: Report = report('fail', [missing])): Setup {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'dwg-fix-'));
  mkdirSync(path.join(workspace, 'whitelists'));
  writeFileSync(path.join(workspace, FILE), mergeVersion);
  const eventPath = path.join(workspace, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify(event === 'pull_request' ? { pull_request: { number: 7, head: { sha: HEAD } } } : {})
  );
  const github = new MemoryGitHub();
  const summary: string[] = [];
  const seen: FixRequest[] = [];
  const setupResult: Setup = {
    workspace,
    github,
    summary,
    seen,
    async run(env = {}) {
      const { core, calls, outputs } = fakeCore();
      const deps: ActionDeps = {
        env: {
          GITHUB_WORKSPACE: workspace,
          GITHUB_REPOSITORY: 'octo/repo',
          GITHUB_SHA: MERGE,
          GITHUB_EVENT_NAME: event,
          GITHUB_EVENT_PATH: eventPath,
          RUNNER_TEMP: workspace,
          'INPUT_GITHUB-TOKEN': 'ghs_token',
          ...env
        },
        core,
        runCheck: async () => checked,
        renderers: {
          renderJson: (r) => JSON.stringify(r),
          renderMarkdown: (r, o) =>
            `## ${o.title}\n${r.findings.map((f) => `- ${f.message}`).join('\n')}\n${o.footer ?? ''}`,
          renderResolvedMarkdown: (o) => `## ${o.title}\nresolved`,
          renderSarif: () => ({}),
          escapeMarkdown: (text) => text
        },
        createGitHubApi: () => github,
        appendSummary: async (markdown) => {
          summary.push(markdown);
        },
        toolVersion: '0.0.0-test',
        planFixes: async (request) => {
          if (setupResult.engineFails) throw new TypeError("Cannot read properties of undefined (reading 'x')");
          return fakePlanFixes(seen)(request);
        }
      };
      await runAction(deps);
      return { calls, outputs };
    }
  };
  return setupResult;
}

const warnings = (calls: { fn: string; args: unknown[] }[]): string[] =>
  calls.filter((c) => c.fn === 'warning').map((c) => String(c.args[0]));

/** The head version: the PR added ANCHOR's neighbour lines 2-3 (so the insertion after line 3 is in the diff). */
const headVersion = ['orders:', '  - 192.0.2.0/24', ANCHOR, ''].join('\n');

function seedPullRequest(github: MemoryGitHub, patch: string): void {
  github.pullFiles.set(7, [{ path: FILE, status: 'modified', patch }]);
  github.contents.set(HEAD, new Map([[FILE, headVersion]]));
}

describe('suggestions on a pull request', () => {
  it('a fix inside the diff becomes one review suggestion computed on the head version, repeating its anchor line', async () => {
    const s = setup('pull_request');
    seedPullRequest(s.github, '@@ -1,1 +1,3 @@\n orders:\n+  - 192.0.2.0/24\n+  - 198.51.100.0/24');
    const { calls } = await s.run();
    expect(warnings(calls)).toEqual([]);
    expect(s.github.reviews).toHaveLength(1);
    const [review] = s.github.reviews;
    expect(review!.commitId).toBe(HEAD);
    expect(review!.comments).toEqual([
      { path: FILE, line: 3, body: expect.stringContaining(`\`\`\`suggestion\n${ANCHOR}\n  - ${NEEDED}\n\`\`\``) }
    ]);
    expect(review!.comments[0]!.body).toContain(marker('suggestion', '.github/dataworks-whitelist.yml').slice(0, -4));
    // The head version was read, not the merge checkout's (which has a fourth line).
    expect(await s.seen[0]!.files!.readText(FILE)).toBe(headVersion);
    // Nothing outside the diff: the sticky comment carries no patch.
    expect([...s.github.comments.values()].flat()[0]!.body).not.toContain('```diff');
  });

  it('a second run posts nothing twice; a suggestion that no longer applies is deleted', async () => {
    const s = setup('pull_request');
    seedPullRequest(s.github, '@@ -1,1 +1,3 @@\n orders:\n+  - 192.0.2.0/24\n+  - 198.51.100.0/24');
    await s.run();
    const first = s.github.reviewComments.map((c) => c.id);
    expect(first).toHaveLength(1);
    await s.run();
    expect(s.github.reviews).toHaveLength(1);
    expect(s.github.reviewComments.map((c) => c.id)).toEqual(first);

    // The author fixed the file by hand: the suggestion is deleted, nothing new is posted.
    s.github.contents.set(HEAD, new Map([[FILE, headVersion.replace(`${ANCHOR}\n`, `${ANCHOR}\n  - ${NEEDED}\n`)]]));
    await s.run();
    expect(s.github.reviewComments).toEqual([]);
    expect(s.github.writes).toContain(`delete-review-comment ${first[0]}`);
    expect(s.github.reviews).toHaveLength(1);
  });

  it('leaves review comments of people and of other keys alone', async () => {
    const s = setup('pull_request');
    seedPullRequest(s.github, '@@ -1,1 +1,3 @@\n orders:\n+  - 192.0.2.0/24\n+  - 198.51.100.0/24');
    const other = marker('suggestion', 'other-check').replace(/ -->$/, ' id=0123456789abcdef -->');
    s.github.reviewComments.push(
      { id: 1, pullNumber: 7, body: 'please also add the office', path: FILE, line: 1, url: 'u1' },
      { id: 2, pullNumber: 7, body: `${other}\nx`, path: FILE, line: 1, url: 'u2' }
    );
    await s.run();
    expect(s.github.reviewComments.map((c) => c.id).slice(0, 2)).toEqual([1, 2]);
  });

  it('a fix outside the diff goes into the sticky comment as a patch with the command', async () => {
    const s = setup('pull_request');
    // The PR only touched line 1: the insertion after line 3 is outside.
    seedPullRequest(s.github, '@@ -1,1 +1,1 @@\n-order:\n+orders:');
    await s.run();
    expect(s.github.reviews).toEqual([]);
    const body = [...s.github.comments.values()].flat()[0]!.body;
    expect(body).toContain("### Fixes outside this pull request's changes");
    expect(body).toContain('npx dataworks-whitelist-guard fix');
    expect(body).toContain(['```diff', `--- a/${FILE}`, `+++ b/${FILE}`, '@@ -1,3 +1,4 @@'].join('\n'));
    expect(body).toContain(`+  - ${NEEDED}`);
    expect(s.summary.join('\n')).not.toContain('```diff');
  });

  it('with comment: never, the patch goes into the job summary', async () => {
    const s = setup('pull_request');
    seedPullRequest(s.github, '@@ -1,1 +1,1 @@\n-order:\n+orders:');
    await s.run({ INPUT_COMMENT: 'never' });
    expect(s.github.comments.size).toBe(0);
    expect(s.summary.join('\n')).toContain(`+  - ${NEEDED}`);
  });

  it('a hostile patch yields no suggestion: the fix goes to the comment, nothing throws', async () => {
    const s = setup('pull_request');
    seedPullRequest(s.github, '@@ -1,1 +1,999999999999 @@\n+x');
    const { calls } = await s.run();
    expect(warnings(calls)).toEqual([]);
    expect(s.github.reviews).toEqual([]);
    expect([...s.github.comments.values()].flat()[0]!.body).toContain('```diff');
  });

  it('a fork pull request without write permission: skipped with a warning naming the permission, result unchanged', async () => {
    const s = setup('pull_request');
    seedPullRequest(s.github, '@@ -1,1 +1,3 @@\n orders:\n+  - 192.0.2.0/24\n+  - 198.51.100.0/24');
    s.github.failWritesWith = 403;
    const { calls, outputs } = await s.run();
    expect(warnings(calls).some((w) => /review suggestions.*pull-requests: write/.test(w))).toBe(true);
    expect(outputs.status).toBe('fail');
    expect(calls.filter((c) => c.fn === 'setFailed')).toHaveLength(1);
  });

  it('with suggestions: false, the pull request files are not read', async () => {
    const s = setup('pull_request');
    seedPullRequest(s.github, '@@ -1,1 +1,3 @@\n orders:\n+  - 192.0.2.0/24\n+  - 198.51.100.0/24');
    await s.run({ INPUT_SUGGESTIONS: 'false' });
    expect(s.seen).toEqual([]);
    expect(s.github.reviews).toEqual([]);
  });
});

describe('the fix pull request', () => {
  const branch = 'dataworks-whitelist/fix/github-dataworks-whitelist.yml';

  function scheduled(): Setup {
    const s = setup('schedule');
    s.github.seedCommit(MERGE, 'the checked commit');
    s.github.branches.set('main', MERGE);
    return s;
  }

  it('the slug of a comment key is one valid ref component', () => {
    expect(fixBranchSlug('.github/dataworks-whitelist.yml')).toBe('github-dataworks-whitelist.yml');
    expect(fixBranchSlug('Prod  Check/#1')).toBe('prod-check-1');
    expect(fixBranchSlug('a..b.lock')).toBe('a.b-lock');
    expect(fixBranchSlug('///')).toBe('default');
  });

  it('opens one pull request with the fix committed on the checked head; the next run changes nothing', async () => {
    const s = scheduled();
    const { outputs } = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(s.github.pulls).toHaveLength(1);
    const [pull] = s.github.pulls;
    expect(pull).toMatchObject({ head: branch, base: 'main', state: 'open' });
    expect(pull!.body).toContain(marker('fix-pull-request', '.github/dataworks-whitelist.yml'));
    expect(pull!.body).toContain(NEEDED);
    expect(pull!.body).toContain('data-integration → prod-serverless');
    expect(outputs['fix-pull-request-url']).toBe(pull!.url);
    const head = s.github.commits.get(s.github.branches.get(branch)!)!;
    expect(head.parents).toEqual([MERGE]);
    expect(s.github.fileOnBranch(branch, FILE)).toBe(mergeVersion.replace(`${ANCHOR}\n`, `${ANCHOR}\n  - ${NEEDED}\n`));
    expect(s.github.trees.get(head.treeSha)!.files[0]!.mode).toBe('100644');

    const writes = s.github.writes.length;
    const again = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(s.github.pulls).toHaveLength(1);
    expect(s.github.branches.get(branch)).toBe(head.sha);
    expect(s.github.writes.slice(writes).filter((w) => !/blob|tree/.test(w))).toEqual([]);
    expect(again.outputs['fix-pull-request-url']).toBe(pull!.url);
  });

  it('keeps the file mode of an executable file', async () => {
    const s = scheduled();
    chmodSync(path.join(s.workspace, FILE), 0o755);
    await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    const head = s.github.commits.get(s.github.branches.get(branch)!)!;
    expect(s.github.trees.get(head.treeSha)!.files[0]!.mode).toBe('100755');
  });

  it('updates its own pull request when the default branch moved on and the run checked the new head', async () => {
    const s = scheduled();
    await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    const firstHead = s.github.branches.get(branch);
    const next = 'c'.repeat(40);
    s.github.seedCommit(next, 'a later commit', [MERGE]);
    s.github.branches.set('main', next);
    const { outputs } = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true', GITHUB_SHA: next });
    expect(s.github.pulls).toHaveLength(1);
    const head = s.github.commits.get(s.github.branches.get(branch)!)!;
    expect(head.sha).not.toBe(firstHead);
    expect(head.parents).toEqual([next]);
    expect(s.github.writes).toContain(`update-branch ${branch}`);
    expect(outputs['fix-pull-request-url']).toBe(s.github.pulls[0]!.url);
  });

  it('commits nothing when the default branch is not the checked commit: a notice says the next run will do it', async () => {
    const s = scheduled();
    s.github.branches.set('main', 'd'.repeat(40));
    const { calls } = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(s.github.writes).toEqual([]);
    expect(calls.filter((c) => c.fn === 'notice').map((c) => String(c.args[0]))).toEqual([
      expect.stringMatching(/default branch moved on.*next run will do it/)
    ]);
  });

  it('closes its pull request and deletes the branch once nothing is left to fix', async () => {
    const s = scheduled();
    await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    writeFileSync(path.join(s.workspace, FILE), mergeVersion.replace(`${ANCHOR}\n`, `${ANCHOR}\n  - ${NEEDED}\n`));
    const { outputs } = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(s.github.pulls[0]!.state).toBe('closed');
    expect(s.github.branches.has(branch)).toBe(false);
    expect(outputs['fix-pull-request-url']).toBeUndefined();
  });

  it('on status error with nothing to fix, leaves its pull request open', async () => {
    const s = scheduled();
    await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    const broken = setup('schedule', report('error', []));
    broken.github.pulls.push(...s.github.pulls);
    broken.github.branches = s.github.branches;
    broken.github.commits = s.github.commits;
    writeFileSync(path.join(broken.workspace, FILE), mergeVersion.replace(`${ANCHOR}\n`, `${ANCHOR}\n  - ${NEEDED}\n`));
    const { outputs } = await broken.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(broken.github.pulls[0]!.state).toBe('open');
    expect(broken.github.branches.has(branch)).toBe(true);
    expect(outputs['fix-pull-request-url']).toBe(broken.github.pulls[0]!.url);
  });

  it('never overwrites a branch someone else pushed to: warns and leaves it', async () => {
    const s = scheduled();
    await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    const theirs = 'e'.repeat(40);
    s.github.seedCommit(theirs, 'my manual tweak', [s.github.branches.get(branch)!]);
    s.github.branches.set(branch, theirs);
    const writes = s.github.writes.length;
    const { calls } = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(s.github.branches.get(branch)).toBe(theirs);
    expect(s.github.writes.slice(writes)).toEqual([]);
    expect(warnings(calls)).toEqual([expect.stringMatching(/Left the fix branch .* alone.*not written by/)]);
  });

  it('without contents: write, skipped with a warning naming the permissions', async () => {
    const s = scheduled();
    s.github.failWritesWith = 403;
    const { calls, outputs } = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(warnings(calls)).toEqual([expect.stringMatching(/fix pull request.*contents: write.*pull-requests: write/)]);
    expect(outputs.status).toBe('fail');
  });

  it('is not made on pull request events, nor without the input', async () => {
    const s = scheduled();
    await s.run();
    expect(s.github.pulls).toEqual([]);
    expect(s.seen).toEqual([]);
  });

  it('a failing engine is a warning, never a crash', async () => {
    const s = scheduled();
    s.engineFails = true;
    const { calls, outputs } = await s.run({ 'INPUT_FIX-PULL-REQUEST': 'true' });
    expect(warnings(calls)).toEqual([
      expect.stringMatching(/^Skipped the fix pull request because of an internal error/)
    ]);
    expect(warnings(calls).join('\n')).not.toMatch(/Cannot read|undefined/);
    expect(outputs.status).toBe('fail');
    expect(s.github.writes).toEqual([]);
  });
});
