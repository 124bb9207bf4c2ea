/**
 * Builds the `@alicloud/credentials` credential for the chosen source. The default chain (which would try CLI
 * profiles and the ECS metadata address) is built only when the user opted in; otherwise each source gets its
 * explicit provider, so nothing else is ever contacted.
 */
import * as credentials from '@alicloud/credentials';
import type { CredentialSource } from './credentials-env.js';
import { firstLine } from './errors.js';
import { interopDefault } from './interop.js';

const Credential = interopDefault(credentials.default);
const { Config } = credentials;
export type Credential = InstanceType<typeof Credential>;

export class CredentialError extends Error {
  override readonly name = 'CredentialError';
}

/** `stsHost` overrides the STS endpoint for OIDC (from `endpoints: sts=…`). */
export function buildCredential(
  source: Exclude<CredentialSource, { kind: 'none' | 'incomplete' }>,
  stsHost: string | undefined,
  timeoutMs: number
): Credential {
  switch (source.kind) {
    case 'keys': {
      const { accessKeyId, accessKeySecret, securityToken } = source.keys;
      return new Credential(
        new Config(
          securityToken
            ? { type: 'sts', accessKeyId, accessKeySecret, securityToken }
            : { type: 'access_key', accessKeyId, accessKeySecret }
        )
      );
    }
    case 'oidc': {
      const { oidc } = source;
      return new Credential(
        new Config({
          type: 'oidc_role_arn',
          roleArn: oidc.roleArn,
          oidcProviderArn: oidc.oidcProviderArn,
          oidcTokenFilePath: oidc.oidcTokenFilePath,
          roleSessionName: oidc.roleSessionName ?? 'dataworks-whitelist-guard',
          ...(oidc.stsRegionId ? { stsRegionId: oidc.stsRegionId } : {}),
          ...(stsHost ? { stsEndpoint: stsHost } : {}),
          enableVpc: oidc.enableVpc,
          timeout: timeoutMs,
          connectTimeout: timeoutMs
        })
      );
    }
    case 'instance':
      return new Credential();
  }
}

export interface ResolvedKeys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/**
 * Fetches the credential once before any API call, so that a failing OIDC exchange or an empty chain is one clear
 * message instead of one per call, and so that the secrets it yields can be masked before anything is logged.
 */
export async function fetchKeys(credential: Credential, origin: string): Promise<ResolvedKeys> {
  let model: Awaited<ReturnType<Credential['getCredential']>>;
  try {
    model = await credential.getCredential();
  } catch (error) {
    const reason = firstLine(error instanceof Error ? error.message : String(error));
    throw new CredentialError(`could not get Alibaba Cloud credentials from ${origin}: ${reason}`);
  }
  if (!model.accessKeyId || !model.accessKeySecret) {
    throw new CredentialError(`${origin} gave no AccessKey pair`);
  }
  const keys: ResolvedKeys = { accessKeyId: model.accessKeyId, accessKeySecret: model.accessKeySecret };
  if (model.securityToken) keys.securityToken = model.securityToken;
  return keys;
}
