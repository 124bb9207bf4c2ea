/** The edges of `--verify`: the CLI's usage errors, the action's input, and the pair verdict on its own. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction, type ActionCore, type CheckRequest } from '../../src/action/run.js';
import { runCli } from '../../src/cli/run.js';
import { runCheck } from '../../src/engine.js';
import type { Finding, Report, RequiredEntryReport } from '../../src/model.js';
import {
  escapeMarkdown,
  renderJson,
  renderMarkdown,
  renderResolvedMarkdown,
  renderSarif
} from '../../src/report/index.js';
import { pairVerdict, verificationPairs } from '../../src/verify/verdict.js';
import { parseConfig } from '../../src/config/index.js';
import { startFakeAlibaba, type FakeAlibaba } from '../fakes/alibaba-openapi.js';
import { scenarioCloud } from '../online/helpers.js';
import { CONFIG, CREDENTIALS, repoFiles, workspace } from './helpers.js';

function repoOnDisk(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dwg-verify-'));
  mkdirSync(path.join(root, '.github'));
  mkdirSync(path.join(root, 'whitelists'));
  writeFileSync(path.join(root, '.github/dataworks-whitelist.yml'), CONFIG);
  writeFileSync(path.join(root, 'whitelists/orders.txt'), '192.0.2.192/27\n192.0.2.0/28\n');
  writeFileSync(path.join(root, 'whitelists/events.txt'), '192.0.2.192/27\n');
  return root;
}

async function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  let stdout = '';
  let stderr = '';
  const exit = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    cwd
  });
  return { exit, stdout, stderr };
}

describe('CLI --verify', () => {
  let fake: FakeAlibaba;
  beforeAll(async () => {
    fake = await startFakeAlibaba({ scenario: { ...scenarioCloud(), workspaces: [workspace()] } });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('is a usage error with --resolve offline', async () => {
    const root = repoOnDisk();
    const run = await cli(['check', '--verify', '--resolve', 'offline'], CREDENTIALS, root);
    expect(run.exit).toBe(2);
    expect(run.stderr).toMatch(/--verify needs an online run; it cannot be combined with --resolve offline/);
    expect(run.stdout).toBe('');
  });

  it('is a usage error with --resolve auto and no credentials (the run would resolve offline)', async () => {
    const root = repoOnDisk();
    const run = await cli(['check', '--verify'], {}, root);
    expect(run.exit).toBe(2);
    expect(run.stderr).toMatch(/--verify needs an online run, and no Alibaba Cloud credentials were found/);
  });

  it('runs online with credentials: the JSON report carries connectivity[] and the verdicts', async () => {
    const root = repoOnDisk();
    const run = await cli(
      ['check', '--verify', '--format', 'json', '--endpoint', `dataworks=${fake.url}`, '--endpoint', `vpc=${fake.url}`],
      CREDENTIALS,
      root
    );
    const report = JSON.parse(run.stdout) as Report;
    expect(report.resolve).toBe('online');
    expect(report.connectivity?.map((c) => [c.dataSource, c.resourceGroup, c.state, c.checkFoundGap])).toEqual([
      ['orders', 'three', 'Connectable', false],
      ['orders', 'two', 'Connectable', true],
      ['events', 'three', 'Connectable', false]
    ]);
    // Two missing entries: fail (the notice does not change that).
    expect(run.exit).toBe(1);
  });

  it('is listed in --help', async () => {
    const run = await cli(['--help'], {}, os.tmpdir());
    expect(run.stdout).toMatch(/--verify {15}also run DataWorks' own connectivity test/);
  });
});

describe('action input verify', () => {
  it('on an offline run adds one verify-failed warning, as an annotation, and calls nothing', async () => {
    const workspaceDir = repoOnDisk();
    const warnings: unknown[][] = [];
    const outputs: Record<string, string> = {};
    const requests: CheckRequest[] = [];
    const core: ActionCore = {
      setSecret() {},
      setOutput: (name, value) => void (outputs[name] = value),
      setFailed() {},
      debug() {},
      info() {},
      warning: (...args) => void warnings.push(args),
      error() {},
      notice() {}
    };
    await runAction({
      env: {
        GITHUB_WORKSPACE: workspaceDir,
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_EVENT_NAME: 'push',
        RUNNER_TEMP: workspaceDir,
        INPUT_VERIFY: 'true'
      },
      core,
      runCheck: async (request) => {
        requests.push(request);
        return runCheck({ ...request, files: repoFiles() });
      },
      renderers: { renderJson, renderMarkdown, renderResolvedMarkdown, renderSarif, escapeMarkdown },
      createGitHubApi: () => {
        throw new Error('no GitHub in this test');
      },
      appendSummary: async () => {},
      toolVersion: '0.0.0-test'
    });
    expect(requests[0]?.verify).toBe(true);
    const report = JSON.parse(
      readFileSync(path.join(workspaceDir, 'dataworks-whitelist-report.json'), 'utf8')
    ) as Report;
    expect(report.resolve).toBe('offline');
    expect(report.connectivity).toEqual([]);
    const failed = report.findings.filter((f) => f.rule === 'verify-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toMatch(/no Alibaba Cloud credentials were found/);
    expect(warnings.some(([message]) => String(message).includes('verification against DataWorks was asked for'))).toBe(
      true
    );
    // The groups have no static facts, so offline the check itself could not be completed either.
    expect(outputs.status).toBe('error');
  });
});

describe('the pair verdict', () => {
  const config = parseConfig(CONFIG, '.github/dataworks-whitelist.yml').config!;
  const block = (entry: string, covered: boolean | null, group = 'three'): RequiredEntryReport => ({
    dataSource: 'orders',
    entry,
    covered,
    via: [{ module: 'data-integration', resourceGroup: group, origin: 'api', source: 'vsw-x' }]
  });

  it('pairs each data source with a dataworks key with its serverless groups that have an id, in config order', () => {
    expect(verificationPairs(config).map((p) => [p.dataSource.name, p.group.name])).toEqual([
      ['orders', 'three'],
      ['orders', 'two'],
      ['events', 'three']
    ]);
  });

  it('reads only the blocks required through the group', () => {
    const required = [block('192.0.2.0/27', true), block('198.51.100.0/24', false, 'two')];
    expect(pairVerdict({ required, findings: [] }, 'orders', 'three')).toEqual({ kind: 'no-gap' });
    expect(pairVerdict({ required, findings: [] }, 'orders', 'two')).toEqual({
      kind: 'gap',
      blocks: ['198.51.100.0/24'],
      noPublicEgress: false
    });
  });

  it('is unknown when coverage is unknown, the group is unresolved, or nothing was required through it', () => {
    expect(pairVerdict({ required: [block('192.0.2.0/27', null)], findings: [] }, 'orders', 'three').kind).toBe(
      'unknown'
    );
    const unresolved: Finding = {
      rule: 'unresolved',
      severity: 'error',
      message: 'x',
      dataSource: 'orders',
      resourceGroup: 'three'
    };
    expect(
      pairVerdict({ required: [block('192.0.2.0/27', true)], findings: [unresolved] }, 'orders', 'three').kind
    ).toBe('unknown');
    expect(pairVerdict({ required: [], findings: [] }, 'orders', 'three').kind).toBe('unknown');
  });

  it('a group without public egress for a public source is a gap', () => {
    const egress: Finding = {
      rule: 'no-public-egress',
      severity: 'error',
      message: 'x',
      dataSource: 'orders',
      resourceGroup: 'three'
    };
    expect(pairVerdict({ required: [], findings: [egress] }, 'orders', 'three')).toEqual({
      kind: 'gap',
      blocks: [],
      noPublicEgress: true
    });
  });

  it('takes the coverage to read as one parameter (the deployed scope, once it is read)', () => {
    const required = [block('192.0.2.0/27', true)];
    expect(pairVerdict({ required, findings: [] }, 'orders', 'three', () => false).kind).toBe('gap');
  });
});
