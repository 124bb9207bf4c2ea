import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  failureMessage,
  rebaseSarif,
  runAction,
  type ActionCore,
  type ActionDeps,
  type CheckRequest
} from '../../src/action/run.js';
import type { Finding, Report, Status } from '../../src/model.js';
import { VERSION } from '../../src/version.js';
import { HttpError, MemoryGitHub } from './memory-github.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'dwg-run-'));
const eventPath = path.join(workspace, 'event.json');
writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 5, head: { sha: 'b'.repeat(40) } } }));

interface Call {
  fn: string;
  args: unknown[];
}

function fakeCore(): { core: ActionCore; calls: Call[]; outputs: Record<string, string> } {
  const calls: Call[] = [];
  const outputs: Record<string, string> = {};
  const record =
    (fn: string) =>
    (...args: unknown[]): void => {
      calls.push({ fn, args });
    };
  return {
    calls,
    outputs,
    core: {
      setSecret: record('setSecret'),
      setOutput: (name, value) => {
        outputs[name] = value;
        calls.push({ fn: 'setOutput', args: [name, value] });
      },
      setFailed: record('setFailed'),
      debug: record('debug'),
      info: record('info'),
      warning: record('warning'),
      error: record('error'),
      notice: record('notice')
    }
  };
}

function report(status: Status, findings: Finding[]): Report {
  return {
    reportVersion: 1,
    status,
    config: '.github/dataworks-whitelist.yml',
    resolve: 'offline',
    summary: { dataSources: 1, required: 1, missing: 0, errors: 0, warnings: 0, notices: 0 },
    dataSources: [{ name: 'orders-rds', product: 'rds', network: 'private', region: 'cn-hangzhou' }],
    addressLists: [],
    required: [],
    findings
  };
}

const missing: Finding = {
  rule: 'missing-entry',
  severity: 'error',
  message: 'add 192.0.2.0/24',
  dataSource: 'db',
  entry: '192.0.2.0/24',
  file: 'w.txt',
  line: 1,
  column: 1
};
const broad: Finding = {
  rule: 'overly-broad-entry',
  severity: 'warning',
  message: 'too broad',
  file: 'w.txt',
  line: 2
};

interface Harness {
  deps: ActionDeps;
  calls: Call[];
  outputs: Record<string, string>;
  summary: string[];
  github: MemoryGitHub;
  checks: CheckRequest[];
}

function harness(result: Report, env: NodeJS.ProcessEnv = {}): Harness {
  const { core, calls, outputs } = fakeCore();
  const summary: string[] = [];
  const github = new MemoryGitHub();
  const checks: CheckRequest[] = [];
  const deps: ActionDeps = {
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_EVENT_NAME: 'push',
      RUNNER_TEMP: workspace,
      'INPUT_GITHUB-TOKEN': 'ghs_token',
      ...env
    },
    core,
    runCheck: async (request) => {
      checks.push(request);
      return result;
    },
    renderers: {
      renderJson: (r) => JSON.stringify(r),
      renderMarkdown: (r, o) =>
        `## ${o.title}\n${r.findings.map((f) => `- ${f.message}`).join('\n')}\n${o.footer ?? ''}`,
      renderResolvedMarkdown: (o) => `## ${o.title}\nresolved in ${o.sha}`,
      renderSarif: () => ({ version: '2.1.0' }),
      escapeMarkdown: (text) => text.replace(/[*_<>@]/g, (c) => `\\${c}`)
    },
    createGitHubApi: () => github,
    appendSummary: async (markdown) => {
      summary.push(markdown);
    },
    toolVersion: '0.0.0-test'
  };
  return { deps, calls, outputs, summary, github, checks };
}

const fnCalls = (calls: Call[], fn: string): unknown[][] => calls.filter((c) => c.fn === fn).map((c) => c.args);

describe('runAction', () => {
  it('passes the settings to the engine and writes outputs, report, SARIF and summary', async () => {
    const h = harness(report('fail', [missing, broad]), {
      INPUT_SARIF: 'out/r.sarif',
      'INPUT_ACCESS-KEY-ID': 'AKID',
      'INPUT_ACCESS-KEY-SECRET': 'sk'
    });
    await runAction(h.deps);
    expect(h.checks[0]).toMatchObject({
      root: workspace,
      configPath: '.github/dataworks-whitelist.yml',
      resolve: 'auto',
      failOn: 'error',
      online: { credentials: { accessKeyId: 'AKID', accessKeySecret: 'sk' } }
    });
    const reportPath = path.join(workspace, 'dataworks-whitelist-report.json');
    expect(h.outputs).toEqual({
      status: 'fail',
      'missing-count': '1',
      'finding-count': '2',
      'new-count': '2',
      report: reportPath
    });
    expect(JSON.parse(readFileSync(reportPath, 'utf8')).status).toBe('fail');
    expect(JSON.parse(readFileSync(path.join(workspace, 'out/r.sarif'), 'utf8'))).toEqual({ version: '2.1.0' });
    expect(h.summary).toHaveLength(1);
    expect(h.summary[0]).toContain('- add 192.0.2.0/24');
    expect(fnCalls(h.calls, 'setFailed')).toEqual([
      ['The DataWorks whitelist check failed (1 error, 1 warning); see the job summary.']
    ]);
    // Secrets are masked before anything else happens.
    expect(h.calls.slice(0, 3).map((c) => c.fn)).toEqual(['setSecret', 'setSecret', 'setSecret']);
    expect(fnCalls(h.calls, 'setSecret').flat().sort()).toEqual(['AKID', 'ghs_token', 'sk']);
    expect(fnCalls(h.calls, 'error')).toEqual([
      ['add 192.0.2.0/24', { title: 'missing-entry: db', file: 'w.txt', startLine: 1, startColumn: 1 }]
    ]);
  });

  it.each<[Status, string, boolean]>([
    ['fail', 'never', false],
    ['fail', 'warning', true],
    ['pass', 'error', false],
    ['error', 'never', true]
  ])('status %s with fail-on %s fails the step: %s', async (status, failOn, fails) => {
    const h = harness(report(status, []), { 'INPUT_FAIL-ON': failOn });
    await runAction(h.deps);
    expect(fnCalls(h.calls, 'setFailed')).toHaveLength(fails ? 1 : 0);
    expect(h.outputs.status).toBe(status);
  });

  it('fails with the input problems and status error, without running the check', async () => {
    const h = harness(report('pass', []), { 'INPUT_FAIL-ON': 'sometimes', 'INPUT_ACCESS-KEY-ID': 'AKID' });
    await runAction(h.deps);
    expect(h.checks).toHaveLength(0);
    expect(h.outputs).toEqual({ status: 'error' });
    const [[message]] = fnCalls(h.calls, 'setFailed') as [[string]];
    expect(message).toMatch(/"fail-on" must be one of/);
    expect(message).toMatch(/"access-key-id" and "access-key-secret" must be given together/);
    expect(message).not.toContain('AKID');
    expect(h.summary[0]).toContain('The check did not run: invalid inputs.');
    // Input values are quoted in the summary, escaped as Markdown.
    expect(h.summary[0]).toContain('got "sometimes"');
  });

  it('escapes input values quoted in the summary', async () => {
    const h = harness(report('pass', []), { INPUT_COMMENT: '<img src=x>@team' });
    await runAction(h.deps);
    expect(h.summary[0]).toContain('got "\\<img src=x\\>\\@team"');
  });

  it('reports an engine crash as status error without a stack trace', async () => {
    const h = harness(report('pass', []));
    h.deps.runCheck = async () => {
      throw new Error('boom');
    };
    await runAction(h.deps);
    expect(h.outputs.status).toBe('error');
    const failed = fnCalls(h.calls, 'setFailed');
    expect(failed).toEqual([[expect.stringMatching(/^The check did not run: an internal error\. This is a bug in /)]]);
    expect(String(failed[0]![0])).toContain('please open an issue');
    expect(String(failed[0]![0])).toContain(VERSION);
    // The exception's own text goes to the debug log only.
    expect(String(failed[0]![0])).not.toContain('boom');
    expect(fnCalls(h.calls, 'debug').flat()).toContainEqual('internal error while checking: Error: boom');
    expect(h.summary).toHaveLength(1);
    expect(h.summary[0]).toMatch(
      /^## DataWorks Whitelist Guard\n\nThe check did not run: an internal error\.\n\n- This is a bug in /
    );
  });

  it('writes the sticky comment on a pull request and outputs its URL', async () => {
    const h = harness(report('fail', [missing]), { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath });
    await runAction(h.deps);
    const comments = await h.github.listComments(5);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(
      /^<!-- dataworks-whitelist-guard:comment key=.github%2Fdataworks-whitelist.yml -->\n## /
    );
    expect(comments[0]!.body).toContain('https://github.com/octo/repo/pull/5/checks');
    expect(h.outputs['comment-url']).toBe(comments[0]!.url);
  });

  it('turns a 403 on the comment into a warning naming pull-requests: write, and still fails per status', async () => {
    const h = harness(report('fail', [missing]), { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath });
    h.github.failWritesWith = 403;
    await runAction(h.deps);
    const warnings = fnCalls(h.calls, 'warning').map(([m]) => m as string);
    expect(warnings).toEqual([expect.stringContaining('`permissions: pull-requests: write`')]);
    expect(h.outputs['comment-url']).toBeUndefined();
    expect(fnCalls(h.calls, 'setFailed')).toHaveLength(1);
  });

  it('keeps going when one layer fails', async () => {
    const h = harness(report('pass', [broad]), { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath });
    h.deps.appendSummary = async () => {
      throw new Error('Unable to access summary file');
    };
    h.github.listComments = async () => {
      throw new HttpError(500);
    };
    await runAction(h.deps);
    expect(fnCalls(h.calls, 'warning').map(([m]) => m)).toEqual([
      'Skipped the job summary: Unable to access summary file',
      'Skipped the PR comment: HTTP 500',
      'too broad'
    ]);
    expect(h.outputs.status).toBe('pass');
    expect(fnCalls(h.calls, 'setFailed')).toHaveLength(0);
  });

  it('opens the audit issue on schedule and closes it once clean', async () => {
    const h = harness(report('fail', [missing]), { GITHUB_EVENT_NAME: 'schedule', 'INPUT_AUDIT-ISSUE': 'true' });
    await runAction(h.deps);
    expect(h.github.issues).toHaveLength(1);
    expect(h.outputs['issue-url']).toBe(h.github.issues[0]!.url);
    expect(h.github.issues[0]!.title).toBe('DataWorks whitelist findings: .github/dataworks-whitelist.yml');

    const clean = harness(report('pass', []), { GITHUB_EVENT_NAME: 'schedule', 'INPUT_AUDIT-ISSUE': 'true' });
    clean.deps.createGitHubApi = () => h.github;
    await runAction(clean.deps);
    expect(h.github.issues[0]!.state).toBe('closed');
    expect((await h.github.listComments(1))[0]!.body).toBe(
      `Resolved: the check of ${'a'.repeat(40)} found no errors or warnings.`
    );
  });

  it('does not touch issues or comments on events they do not apply to', async () => {
    const h = harness(report('fail', [missing]), {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      'INPUT_AUDIT-ISSUE': 'true',
      INPUT_COMMENT: 'never'
    });
    await runAction(h.deps);
    expect(h.github.writes).toEqual([]);
  });

  it('counts setFailed and layer warnings against the annotation limits', async () => {
    const errors: Finding[] = Array.from({ length: 12 }, (_, i) => ({ ...missing, message: `m${i}`, line: i + 1 }));
    const h = harness(report('fail', errors));
    await runAction(h.deps);
    expect(fnCalls(h.calls, 'error')).toHaveLength(9);
    expect(fnCalls(h.calls, 'notice')).toEqual([
      [expect.stringMatching(/^3 more findings are not annotated \(3 errors\)/), expect.anything()]
    ]);
  });
});

describe('working-directory below the workspace', () => {
  it('puts the directory in front of annotation files and SARIF locations, which GitHub resolves from the checkout', async () => {
    mkdirSync(path.join(workspace, 'infra'), { recursive: true });
    const h = harness(report('fail', [missing]), { 'INPUT_WORKING-DIRECTORY': 'infra', INPUT_SARIF: 'w.sarif' });
    h.deps.renderers.renderSarif = () => ({
      runs: [
        {
          results: [
            { locations: [{ physicalLocation: { artifactLocation: { uri: 'w.txt', uriBaseId: '%SRCROOT%' } } }] }
          ]
        }
      ]
    });
    await runAction(h.deps);
    expect(fnCalls(h.calls, 'error')[0]![1]).toMatchObject({ file: 'infra/w.txt' });
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'w.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('infra/w.txt');
  });

  it('leaves SARIF alone at the root and never touches absolute URIs', () => {
    const sarif = { a: { uri: 'x.txt', uriBaseId: '%SRCROOT%' }, b: { uri: 'file:///abs', uriBaseId: '%SRCROOT%' } };
    expect(rebaseSarif(sarif, '')).toBe(sarif);
    expect(rebaseSarif(sarif, 'my dir')).toEqual({
      a: { uri: 'my%20dir/x.txt', uriBaseId: '%SRCROOT%' },
      b: { uri: 'file:///abs', uriBaseId: '%SRCROOT%' }
    });
  });
});

describe('failureMessage', () => {
  it('says the check could not be completed on status error', () => {
    expect(failureMessage(report('error', [missing]), 'never')).toBe(
      'The DataWorks whitelist check could not be completed (1 error, 0 warnings); see the job summary.'
    );
  });
});
