/** Action inputs and endpoint names: a typo names the value meant. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, readSettings, type Env } from '../../src/action/settings.js';
import { parseEndpointSpecs } from '../../src/endpoints.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'dwg-inputs-'));

function problemsOf(inputs: Env): string[] {
  const env: Env = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_EVENT_NAME: 'push',
    ...inputs
  };
  try {
    readSettings(env, () => '{}');
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}

describe('action inputs', () => {
  it.each<[Env, string]>([
    [
      { INPUT_RESOLVE: 'ofline' },
      'Input "resolve" must be one of auto, online, offline; got "ofline"; did you mean offline?'
    ],
    [
      { INPUT_RESOLVE: 'Onlin' },
      'Input "resolve" must be one of auto, online, offline; got "Onlin"; did you mean online?'
    ],
    [{ INPUT_RESOLVE: 'cloud' }, 'Input "resolve" must be one of auto, online, offline; got "cloud".'],
    [
      { 'INPUT_FAIL-ON': 'warnings' },
      'Input "fail-on" must be one of error, warning, never; got "warnings"; did you mean warning?'
    ],
    [
      { INPUT_COMMENT: 'on-finding' },
      'Input "comment" must be one of on-findings, always, never; got "on-finding"; did you mean on-findings?'
    ]
  ])('%j', (inputs, problem) => {
    expect(problemsOf(inputs)).toEqual([problem]);
  });
});

describe('endpoint names', () => {
  it.each<[string, string]>([
    [
      'dataworsk=https://dataworks.example.test',
      'endpoint "dataworsk=https://dataworks.example.test": expected NAME=URL with NAME one of dataworks, vpc, sts, rds, polardb, redis, mongodb, adb-mysql, adb-pg, clickhouse, elasticsearch, lindorm, ecs-security-group, maxcompute; did you mean dataworks?'
    ],
    [
      'vcp=https://vpc.example.test',
      'endpoint "vcp=https://vpc.example.test": expected NAME=URL with NAME one of dataworks, vpc, sts, rds, polardb, redis, mongodb, adb-mysql, adb-pg, clickhouse, elasticsearch, lindorm, ecs-security-group, maxcompute; did you mean vpc?'
    ],
    [
      'ecs=https://x.test',
      'endpoint "ecs=https://x.test": expected NAME=URL with NAME one of dataworks, vpc, sts, rds, polardb, redis, mongodb, adb-mysql, adb-pg, clickhouse, elasticsearch, lindorm, ecs-security-group, maxcompute'
    ]
  ])('%s', (spec, error) => {
    expect(parseEndpointSpecs([spec])).toEqual({ ok: false, error });
  });
});
