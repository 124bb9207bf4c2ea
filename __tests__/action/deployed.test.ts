/** Inputs `deployed` and `timeout` (contract §9): what the action asks of the engine per event, and bad values. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction, type ActionCore, type ActionDeps, type CheckRequest } from '../../src/action/run.js';
import { InputError, readSettings, type Env } from '../../src/action/settings.js';
import type { Report } from '../../src/model.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'dwg-deployed-'));

function env(overrides: Env = {}): Env {
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_EVENT_NAME: 'schedule',
    RUNNER_TEMP: workspace,
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

const PASS: Report = {
  reportVersion: 1,
  status: 'pass',
  config: '.github/dataworks-whitelist.yml',
  resolve: 'offline',
  summary: { dataSources: 0, required: 0, missing: 0, errors: 0, warnings: 0, notices: 0 },
  dataSources: [],
  addressLists: [],
  required: [],
  findings: []
};

async function requestFor(e: Env): Promise<CheckRequest | undefined> {
  const checks: CheckRequest[] = [];
  const noop = (): void => undefined;
  const core: ActionCore = {
    setSecret: noop,
    setOutput: noop,
    setFailed: noop,
    debug: noop,
    info: noop,
    warning: noop,
    error: noop,
    notice: noop
  };
  const deps: ActionDeps = {
    env: env(e),
    core,
    runCheck: async (request) => {
      checks.push(request);
      return PASS;
    },
    renderers: {
      renderJson: (r) => JSON.stringify(r),
      renderMarkdown: () => '',
      renderResolvedMarkdown: () => '',
      renderSarif: () => ({ version: '2.1.0' }),
      escapeMarkdown: (text) => text
    },
    createGitHubApi: () => {
      throw new Error('no GitHub in this test');
    },
    appendSummary: async () => undefined,
    toolVersion: '0.0.0-test'
  };
  await runAction(deps);
  return checks[0];
}

describe('action input deployed', () => {
  it.each(['pull_request', 'pull_request_target', 'merge_group'])(
    'auto reads no deployed whitelist on %s, and says why',
    async (event) => {
      const request = await requestFor({ GITHUB_EVENT_NAME: event });
      expect(request).toMatchObject({ deployed: 'never', warnOfflineAudit: false });
      expect(request?.deployedOffReason).toContain(event);
    }
  );

  it.each(['schedule', 'push', 'workflow_dispatch'])(
    'auto reads them on %s, warning if the run is offline',
    async (event) => {
      expect(await requestFor({ GITHUB_EVENT_NAME: event })).toMatchObject({
        deployed: 'auto',
        warnOfflineAudit: true
      });
    }
  );

  it('always and never are passed as given, on any event', async () => {
    expect(await requestFor({ GITHUB_EVENT_NAME: 'pull_request', INPUT_DEPLOYED: 'always' })).toMatchObject({
      deployed: 'always',
      warnOfflineAudit: false
    });
    expect(await requestFor({ INPUT_DEPLOYED: 'never' })).toMatchObject({ deployed: 'never' });
  });

  it('refuses always with resolve offline, and a value that is no mode', () => {
    expect(problemsOf({ INPUT_DEPLOYED: 'always', INPUT_RESOLVE: 'offline' })).toEqual([
      expect.stringMatching(/Input "deployed" is always.*needs an online run/)
    ]);
    expect(problemsOf({ INPUT_DEPLOYED: 'alway' })).toEqual([
      expect.stringMatching(/Input "deployed" must be one of auto, always, never; got "alway".*always/)
    ]);
  });
});

describe('action input timeout', () => {
  it('becomes the online deadline in seconds', async () => {
    expect((await requestFor({ INPUT_TIMEOUT: '900' }))?.online.timeoutSeconds).toBe(900);
    expect((await requestFor({}))?.online).not.toHaveProperty('timeoutSeconds');
  });

  it.each(['0', '-5', '1.5', 'ten', '21601', '1e3'])('refuses %s', (value) => {
    expect(problemsOf({ INPUT_TIMEOUT: value })).toEqual([
      expect.stringMatching(/^Input "timeout": expected whole seconds from 1 to 21,600/)
    ]);
  });
});

describe('action input endpoints', () => {
  it('takes product ids with a {region} placeholder', () => {
    const s = readSettings(
      env({ INPUT_ENDPOINTS: 'rds=https://rds.{region}.example.test\necs-security-group=http://127.0.0.1:9000' }),
      noEvent
    );
    expect(s.online.endpoints).toEqual({
      rds: 'https://rds.{region}.example.test',
      'ecs-security-group': 'http://127.0.0.1:9000'
    });
  });
});
