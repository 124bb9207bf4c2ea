import { mkdtempSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, readSettings, secretValues, type Env } from '../../src/action/settings.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'dwg-settings-'));
mkdirSync(path.join(workspace, 'infra'));

function env(overrides: Env = {}): Env {
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: '/runner/temp',
    ...overrides
  };
}

const noEvent = (): string => {
  throw new Error('no event file in this test');
};

function problemsOf(e: Env): string[] {
  try {
    readSettings(env(e), noEvent);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}

describe('readSettings', () => {
  it('applies the documented defaults', () => {
    const s = readSettings(env(), noEvent);
    expect(s).toMatchObject({
      root: workspace,
      configPath: '.github/dataworks-whitelist.yml',
      resolve: 'auto',
      failOn: 'error',
      comment: 'on-findings',
      commentKey: '.github/dataworks-whitelist.yml',
      auditIssue: false,
      verify: false,
      reportPath: '/runner/temp/dataworks-whitelist-report.json',
      online: { endpoints: {}, allowInstanceCredentials: false },
      apiUrl: 'https://api.github.com',
      event: { name: 'push', owner: 'octo', repo: 'repo', sha: 'f'.repeat(40) },
      fastGitHubForTests: false
    });
    expect(s.sarifPath).toBeUndefined();
    expect(s.online.credentials).toBeUndefined();
  });

  it('reads every input, with hyphens kept in the variable names', () => {
    const s = readSettings(
      env({
        'INPUT_WORKING-DIRECTORY': 'infra',
        INPUT_CONFIG: './dw.yml',
        INPUT_RESOLVE: 'Online',
        'INPUT_FAIL-ON': 'warning',
        INPUT_COMMENT: 'always',
        'INPUT_COMMENT-KEY': 'prod',
        'INPUT_AUDIT-ISSUE': 'true',
        INPUT_VERIFY: 'true',
        'INPUT_GITHUB-TOKEN': 'ghs_x',
        INPUT_SARIF: 'out/results.sarif',
        INPUT_REPORT: '/abs/report.json',
        INPUT_ENDPOINTS: 'dataworks=http://127.0.0.1:1\n\nvpc=https://vpc.example\n',
        'INPUT_ACCESS-KEY-ID': 'id',
        'INPUT_ACCESS-KEY-SECRET': 'secret',
        'INPUT_ALLOW-INSTANCE-CREDENTIALS': 'TRUE',
        GITHUB_API_URL: 'http://127.0.0.1:9/api/v3/',
        DATAWORKS_WHITELIST_GUARD_TEST_FAST_GITHUB: 'true'
      }),
      noEvent
    );
    expect(s).toMatchObject({
      root: path.join(workspace, 'infra'),
      configPath: 'dw.yml',
      resolve: 'online',
      failOn: 'warning',
      comment: 'always',
      commentKey: 'prod',
      auditIssue: true,
      verify: true,
      githubToken: 'ghs_x',
      sarifPath: path.join(workspace, 'out/results.sarif'),
      reportPath: '/abs/report.json',
      online: {
        endpoints: { dataworks: 'http://127.0.0.1:1', vpc: 'https://vpc.example' },
        credentials: { accessKeyId: 'id', accessKeySecret: 'secret' },
        allowInstanceCredentials: true
      },
      apiUrl: 'http://127.0.0.1:9/api/v3',
      fastGitHubForTests: true
    });
  });

  it.each<[string, Env, RegExp]>([
    ['fail-on', { 'INPUT_FAIL-ON': 'errors' }, /"fail-on" must be one of error, warning, never; got "errors"/],
    ['resolve', { INPUT_RESOLVE: 'cloud' }, /"resolve" must be one of auto, online, offline/],
    ['comment', { INPUT_COMMENT: 'yes' }, /"comment" must be one of on-findings, always, never/],
    ['audit-issue', { 'INPUT_AUDIT-ISSUE': 'yes' }, /"audit-issue" must be true or false; got "yes"/],
    ['endpoints', { INPUT_ENDPOINTS: 'ecs=https://x' }, /Input "endpoints": .*NAME one of dataworks, vpc, sts/],
    ['endpoints scheme', { INPUT_ENDPOINTS: 'vpc=ftp://x' }, /Input "endpoints": .*scheme/],
    [
      'config escaping the root',
      { INPUT_CONFIG: '../x.yml' },
      /"config" must name a file inside the working directory/
    ],
    ['working-directory', { 'INPUT_WORKING-DIRECTORY': 'nope' }, /"working-directory" must name an existing directory/],
    ['id without secret', { 'INPUT_ACCESS-KEY-ID': 'id' }, /must be given together .* only access-key-id is set/],
    [
      'token without id',
      { 'INPUT_ACCESS-KEY-SECRET': 's', 'INPUT_SECURITY-TOKEN': 't' },
      /only access-key-secret and security-token are set/
    ],
    ['repository', { GITHUB_REPOSITORY: '' }, /GITHUB_REPOSITORY must be "owner\/name"/]
  ])('rejects a bad %s with a message naming what was expected', (_name, bad, message) => {
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('lists every problem at once', () => {
    expect(() => readSettings(env({ 'INPUT_FAIL-ON': 'x', INPUT_COMMENT: 'y' }), noEvent)).toThrow(
      /2 inputs are invalid:\n- Input "fail-on".*\n- Input "comment"/
    );
  });

  it('takes the PR number and head SHA from a pull_request event', () => {
    const payload = { pull_request: { number: 42, head: { sha: 'a'.repeat(40) } } };
    const s = readSettings(
      env({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: '/event.json', GITHUB_RUN_ID: '99' }),
      (file) => (file === '/event.json' ? JSON.stringify(payload) : '')
    );
    expect(s.event).toEqual({
      name: 'pull_request_target',
      owner: 'octo',
      repo: 'repo',
      sha: 'a'.repeat(40),
      pullRequestNumber: 42,
      runUrl: 'https://github.com/octo/repo/actions/runs/99',
      mergeSha: 'f'.repeat(40)
    });
  });

  it('reports an unreadable event file', () => {
    expect(problemsOf({ GITHUB_EVENT_PATH: '/nope.json' })[0]).toMatch(
      /GITHUB_EVENT_PATH \(\/nope.json\) is not a readable JSON event/
    );
  });

  it('collects secret values from inputs and the credential environment, without duplicates', () => {
    expect(
      secretValues({
        'INPUT_GITHUB-TOKEN': 'ghs_t',
        'INPUT_ACCESS-KEY-SECRET': 'sec',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'sec',
        ALIBABA_CLOUD_SECURITY_TOKEN: 'sts-token',
        ALICLOUD_SECRET_KEY: ' ',
        INPUT_CONFIG: 'not a secret'
      }).sort()
    ).toEqual(['ghs_t', 'sec', 'sts-token']);
  });
});
