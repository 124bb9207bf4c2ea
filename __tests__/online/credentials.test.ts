/** Where credentials come from, in the documented order, and the OIDC wiring one level below the STS call. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findCredentialSource, hasCredentials } from '../../src/resolve/online/credentials-env.js';
import { buildCredential, fetchKeys } from '../../src/resolve/online/credentials.js';
import type { OnlineSettings } from '../../src/resolve/types.js';

const none: OnlineSettings = { endpoints: {}, allowInstanceCredentials: false };
const explicit: OnlineSettings = { ...none, credentials: { accessKeyId: 'IN_ID', accessKeySecret: 'IN_SECRET' } };
const oidcEnv = {
  ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1234:role/ci',
  ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1234:oidc-provider/github',
  ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/tmp/token'
};

describe('findCredentialSource', () => {
  it('prefers the explicit inputs over every variable', () => {
    const source = findCredentialSource(explicit, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'ENV',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'S',
      ...oidcEnv
    });
    expect(source).toEqual({
      kind: 'keys',
      origin: 'the access-key-id/access-key-secret inputs',
      keys: { accessKeyId: 'IN_ID', accessKeySecret: 'IN_SECRET' }
    });
  });

  it.each([
    [
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'A', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'B', ALIBABA_CLOUD_SECURITY_TOKEN: 'T' },
      'ALIBABA_CLOUD_ACCESS_KEY_ID'
    ],
    [{ ALICLOUD_ACCESS_KEY: 'A', ALICLOUD_SECRET_KEY: 'B', ALICLOUD_SECURITY_TOKEN: 'T' }, 'ALICLOUD_ACCESS_KEY'],
    [
      { ALIBABACLOUD_ACCESS_KEY_ID: 'A', ALIBABACLOUD_ACCESS_KEY_SECRET: 'B', ALIBABACLOUD_SECURITY_TOKEN: 'T' },
      'ALIBABACLOUD_ACCESS_KEY_ID'
    ]
  ])('reads the access-key variables %#, token included', (env, idVariable) => {
    const source = findCredentialSource(none, { ...env, ...oidcEnv });
    expect(source.kind).toBe('keys');
    if (source.kind !== 'keys') return;
    expect(source.keys).toEqual({ accessKeyId: 'A', accessKeySecret: 'B', securityToken: 'T' });
    expect(source.origin).toContain(idVariable);
  });

  it('takes ALIBABA_CLOUD_* before the ALICLOUD_* form', () => {
    const source = findCredentialSource(none, {
      ALICLOUD_ACCESS_KEY: 'OLD',
      ALICLOUD_SECRET_KEY: 'OLD_S',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'NEW',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'NEW_S'
    });
    expect(source).toMatchObject({ kind: 'keys', keys: { accessKeyId: 'NEW', accessKeySecret: 'NEW_S' } });
  });

  it('ignores variables blanked by the credentials action post step', () => {
    const source = findCredentialSource(none, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: '',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: ' ',
      ...oidcEnv
    });
    expect(source.kind).toBe('oidc');
  });

  it('refuses an id without a secret instead of falling through', () => {
    expect(findCredentialSource(none, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'A', ...oidcEnv })).toEqual({
      kind: 'incomplete',
      message: 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: set both or neither'
    });
    expect(findCredentialSource({ ...none, credentials: { accessKeyId: 'A', accessKeySecret: '' } }, {}).kind).toBe(
      'incomplete'
    );
  });

  it('builds OIDC settings from the variables, with the optional ones', () => {
    const source = findCredentialSource(none, {
      ...oidcEnv,
      ALIBABA_CLOUD_ROLE_SESSION_NAME: 'run-42',
      ALIBABA_CLOUD_STS_REGION: 'cn-shanghai',
      ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: 'true'
    });
    expect(source).toEqual({
      kind: 'oidc',
      origin: 'the ALIBABA_CLOUD_ROLE_ARN/OIDC variables',
      oidc: {
        roleArn: oidcEnv.ALIBABA_CLOUD_ROLE_ARN,
        oidcProviderArn: oidcEnv.ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
        oidcTokenFilePath: '/tmp/token',
        roleSessionName: 'run-42',
        stsRegionId: 'cn-shanghai',
        enableVpc: true
      }
    });
  });

  it('names the missing OIDC variables', () => {
    const source = findCredentialSource(none, { ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/x' });
    expect(source).toEqual({
      kind: 'incomplete',
      message:
        'OIDC needs ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE; ' +
        'ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE are not set'
    });
  });

  it('uses the instance chain only when opted in', () => {
    expect(findCredentialSource(none, {}).kind).toBe('none');
    expect(findCredentialSource({ ...none, allowInstanceCredentials: true }, {}).kind).toBe('instance');
  });

  it('lists everything it tried when nothing is found', () => {
    const source = findCredentialSource(none, {});
    expect(source.kind).toBe('none');
    if (source.kind !== 'none') return;
    for (const name of [
      'access-key-id',
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALICLOUD_ACCESS_KEY',
      'ALIBABACLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
      'allow-instance-credentials'
    ]) {
      expect(source.message).toContain(name);
    }
  });
});

describe('hasCredentials (resolve: auto)', () => {
  it.each([
    [explicit, {}, true],
    [none, { ALIBABACLOUD_ACCESS_KEY_ID: 'A', ALIBABACLOUD_ACCESS_KEY_SECRET: 'B' }, true],
    [none, oidcEnv, true],
    [none, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'A' }, true],
    [{ ...none, allowInstanceCredentials: true }, {}, true],
    [none, {}, false],
    [none, { ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '' }, false]
  ])('case %#', (settings, env, expected) => {
    expect(hasCredentials(settings, env)).toBe(expected);
  });
});

describe('OIDC wiring', () => {
  // STS is HTTPS-only in the credentials library; a plain TCP listener proves where the exchange goes.
  let listener: net.Server;
  let connections = 0;
  let port = 0;
  let dir = '';

  beforeAll(async () => {
    listener = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as net.AddressInfo).port;
    dir = mkdtempSync(path.join(os.tmpdir(), 'oidc-'));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  });

  it('sends the token exchange to the sts= endpoint and reports its failure clearly', async () => {
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, 'header.payload.signature');
    const credential = buildCredential(
      {
        kind: 'oidc',
        origin: 'the OIDC variables',
        oidc: {
          roleArn: 'acs:ram::1:role/r',
          oidcProviderArn: 'acs:ram::1:oidc-provider/gh',
          oidcTokenFilePath: tokenFile,
          enableVpc: false
        }
      },
      `127.0.0.1:${port}`,
      2000
    );
    await expect(fetchKeys(credential, 'the OIDC variables')).rejects.toThrow(
      /^could not get Alibaba Cloud credentials from the OIDC variables: .*AssumeRoleWithOIDC/
    );
    expect(connections).toBe(1);
  });

  it('names a missing token file', async () => {
    const credential = buildCredential(
      {
        kind: 'oidc',
        origin: 'the OIDC variables',
        oidc: { roleArn: 'r', oidcProviderArn: 'p', oidcTokenFilePath: path.join(dir, 'absent'), enableVpc: false }
      },
      `127.0.0.1:${port}`,
      2000
    );
    await expect(fetchKeys(credential, 'the OIDC variables')).rejects.toThrow(
      /ENOENT: no such file or directory, open '.*absent'/
    );
  });
});
