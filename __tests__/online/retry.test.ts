/** Error classes and the retry loop, with the SDK's error shapes as the reference documents them. */
import { describe, expect, it } from '@jest/globals';
import { ApiCallError, classifySdkError, ramActionOf } from '../../src/resolve/online/errors.js';
import { backoffDelay, withRetry } from '../../src/resolve/online/retry.js';
import type { RetryClock, RetryPolicy } from '../../src/resolve/online/retry.js';

function sdkError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'boom')), fields);
}

describe('classifySdkError', () => {
  it.each([
    [
      { name: 'ThrottlingError', code: 'Throttling.User', statusCode: 400, data: { Code: 'Throttling.User' } },
      'transient'
    ],
    [{ name: 'ServerError', code: 'InternalError', statusCode: 500, data: { Code: 'InternalError' } }, 'transient'],
    [
      { name: 'ServerError', code: 'ServiceUnavailable', statusCode: 503, data: { Code: 'ServiceUnavailable' } },
      'transient'
    ],
    [{ name: 'ClientError', code: 'Throttling.Api', statusCode: 429, data: {} }, 'transient'],
    [
      { name: 'ClientError', code: 'undefined', statusCode: 400, data: { ErrorCode: 'Throttling.Resource' } },
      'transient'
    ],
    [{ name: 'ClientError', code: 'undefined', statusCode: 400, data: { ErrorCode: '9990020002' } }, 'transient'],
    [{ name: 'SyntaxError', message: "Unexpected token '<'" }, 'transient'],
    [{ name: 'RequestTimeoutError', message: 'ReadTimeout(15000). GET http://x/ failed.' }, 'transient'],
    [{ name: 'Error', code: 'ECONNRESET', message: 'socket hang up' }, 'transient'],
    [{ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'transient'],
    [
      { name: 'ClientError', code: 'InvalidParameter', statusCode: 400, data: { Code: 'InvalidParameter' } },
      'permanent'
    ],
    [{ name: 'ClientError', code: 'Forbidden.RAM', statusCode: 403, data: { Code: 'Forbidden.RAM' } }, 'permanent'],
    [
      {
        name: 'ClientError',
        code: 'InvalidAccessKeyId.NotFound',
        statusCode: 404,
        data: { Code: 'InvalidAccessKeyId.NotFound' }
      },
      'credentials'
    ],
    [
      { name: 'ClientError', code: 'SignatureDoesNotMatch', statusCode: 400, data: { Code: 'SignatureDoesNotMatch' } },
      'credentials'
    ],
    [
      {
        name: 'ClientError',
        code: 'InvalidSecurityToken.Expired',
        statusCode: 400,
        data: { Code: 'InvalidSecurityToken.Expired' }
      },
      'credentials'
    ],
    [{ name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND host' }, 'permanent']
  ])('case %# is %s', (fields, kind) => {
    expect(classifySdkError(sdkError(fields), 'ListNetworks').kind).toBe(kind);
  });

  it('reads the code and message of ErrorCode/ErrorMessage bodies', () => {
    const error = classifySdkError(
      sdkError({
        name: 'ClientError',
        code: 'undefined',
        statusCode: 400,
        data: { ErrorCode: 'Invalid.Tenant', ErrorMessage: 'No tenant.', RequestId: 'R1' }
      }),
      'GetResourceGroup'
    );
    expect(error.code).toBe('Invalid.Tenant');
    expect(error.message).toBe('GetResourceGroup failed with HTTP 400 Invalid.Tenant: No tenant. (request id R1)');
  });

  it('names the denied RAM action from AccessDeniedDetail, else from the call', () => {
    const denied = classifySdkError(
      sdkError({
        name: 'ClientError',
        statusCode: 403,
        data: { Code: 'Forbidden.RAM' },
        accessDeniedDetail: { AuthAction: 'vpc:DescribeVSwitches' }
      }),
      'DescribeVSwitches'
    );
    expect(denied.authAction).toBe('vpc:DescribeVSwitches');
    const bare = classifySdkError(
      sdkError({ name: 'ClientError', statusCode: 403, data: { Code: 'Forbidden' } }),
      'GetResourceGroup'
    );
    expect(bare.authAction).toBe('dataworks:GetResourceGroup');
    expect(ramActionOf('DescribeSnatTableEntries')).toBe('vpc:DescribeSnatTableEntries');
  });

  it('sets apart the request line the HTTP layer appends to transport errors', () => {
    const error = classifySdkError(
      sdkError({
        name: 'Error',
        code: 'ECONNRESET',
        message: 'socket hang upPOST https://vpc.example.invalid/?RegionId=x failed.'
      }),
      'DescribeVSwitches'
    );
    expect(error.message).toBe(
      'DescribeVSwitches: connection failed (ECONNRESET): socket hang up (POST https://vpc.example.invalid/?RegionId=x failed.)'
    );
  });

  it('keeps the retry-after of a throttling error', () => {
    const error = classifySdkError(
      sdkError({ name: 'ThrottlingError', statusCode: 503, data: { Code: 'Throttling' }, retryAfter: 1200 }),
      'ListNetworks'
    );
    expect(error.retryAfterMs).toBe(1200);
  });
});

describe('backoffDelay', () => {
  const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, requestTimeoutMs: 1 };

  it('draws uniformly below an exponential ceiling, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
});

describe('withRetry', () => {
  const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, requestTimeoutMs: 500 };
  function clock(deadline = 10_000): RetryClock & { slept: number[]; time: number } {
    const c = {
      slept: [] as number[],
      time: 0,
      sleep: async (ms: number) => {
        c.slept.push(ms);
        c.time += ms;
      },
      now: () => c.time,
      random: () => 0.5,
      deadline
    };
    return c;
  }

  it('retries transient failures and returns the first success', async () => {
    const c = clock();
    let calls = 0;
    const result = await withRetry('X', policy, c, async () => {
      calls++;
      if (calls < 3) throw sdkError({ name: 'Error', code: 'ECONNRESET' });
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(c.slept).toEqual([50, 100]);
  });

  it('does not retry a permanent failure', async () => {
    const c = clock();
    await expect(
      withRetry('X', policy, c, async () => {
        throw sdkError({ name: 'ClientError', statusCode: 400, data: { Code: 'InvalidParameter' } });
      })
    ).rejects.toMatchObject({ kind: 'permanent', code: 'InvalidParameter' });
    expect(c.slept).toEqual([]);
  });

  it('gives up after maxAttempts, saying so', async () => {
    const c = clock();
    const failure = withRetry('X', policy, c, async () => {
      throw sdkError({ name: 'ServerError', statusCode: 500, data: { Code: 'InternalError' } });
    });
    await expect(failure).rejects.toBeInstanceOf(ApiCallError);
    await expect(failure).rejects.toThrow('X failed with HTTP 500 InternalError (gave up after 3 attempts)');
  });

  it('shortens the request timeout to what is left before the deadline', async () => {
    const c = clock(300);
    const timeouts: number[] = [];
    await withRetry('X', policy, c, async (timeoutMs) => {
      timeouts.push(timeoutMs);
      return 1;
    });
    expect(timeouts).toEqual([300]);
  });
});
