/** `--timeout` / input `timeout` (seconds) is the online layer's deadline for the whole run (contract §9). */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { resolveOnline } from '../../src/resolve/online/index.js';
import { startFakeAlibaba, type FakeAlibaba } from '../fakes/alibaba-openapi.js';
import { GROUP_A, recordingLogger, scenarioCloud, serverlessGroup } from './helpers.js';

let fake: FakeAlibaba;

beforeEach(async () => {
  fake = await startFakeAlibaba({ scenario: scenarioCloud() });
});

afterEach(async () => {
  await fake.close();
});

/** Resolves one group against a failing ListNetworks under a fake clock; returns the calls made. */
async function callsWithin(timeoutSeconds: number | undefined): Promise<{ calls: number; message: string }> {
  let now = 0;
  fake.addFault('ListNetworks', { kind: 'error', status: 500, code: 'InternalError' }, { times: 100 });
  const result = await resolveOnline(
    [{ group: serverlessGroup('prod', GROUP_A), modules: ['data-integration'] }],
    {
      endpoints: { dataworks: fake.url, vpc: fake.url },
      credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'SECRET_TEST' },
      allowInstanceCredentials: false,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {})
    },
    {
      logger: recordingLogger(),
      env: {},
      sleep: async (ms) => {
        now += ms;
      },
      tuning: { now: () => now, baseDelayMs: 400, maxDelayMs: 400, random: () => 1, maxAttempts: 50 }
    }
  );
  return { calls: fake.count('ListNetworks'), message: result.findings[0]?.message ?? '' };
}

describe('the online deadline', () => {
  it('is the timeout in seconds when one is given', async () => {
    const { calls, message } = await callsWithin(1);
    expect(message).toContain('the next retry would pass the overall deadline');
    expect(calls).toBe(3); // at 0, 400 and 800 ms; the next retry would start at 1,200 ms
  });

  it('a longer timeout allows more attempts', async () => {
    const { calls } = await callsWithin(2);
    expect(calls).toBe(5);
  });
});
