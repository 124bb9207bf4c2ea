/**
 * Where the online resolver's Alibaba Cloud credentials come from, decided from settings and the environment
 * only. This module must not import the cloud SDK: `resolve: auto` asks it whether to go online at all.
 */
/** What credential selection reads from the settings (the online settings of a run fit). */
export interface CredentialSettings {
  credentials?: { accessKeyId: string; accessKeySecret: string; securityToken?: string } | undefined;
  /** Opt-in for the ECS metadata service and CLI profiles (self-hosted runners on ECS). */
  allowInstanceCredentials: boolean;
}

export interface KeyPair {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface OidcSettings {
  roleArn: string;
  oidcProviderArn: string;
  oidcTokenFilePath: string;
  roleSessionName?: string;
  stsRegionId?: string;
  enableVpc: boolean;
}

export type CredentialSource =
  | { kind: 'keys'; origin: string; keys: KeyPair }
  | { kind: 'oidc'; origin: string; oidc: OidcSettings }
  | { kind: 'instance'; origin: string }
  | { kind: 'incomplete'; message: string }
  | { kind: 'none'; message: string };

/** The environment variable names of one access-key form, in the order they are tried. */
interface KeyVariables {
  id: string;
  secret: string;
  token: string;
}

/** `aliyun/configure-aliyun-credentials-action` exports all three forms; the first complete one wins. */
export const KEY_VARIABLE_FORMS: readonly KeyVariables[] = [
  {
    id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    token: 'ALIBABA_CLOUD_SECURITY_TOKEN'
  },
  { id: 'ALICLOUD_ACCESS_KEY', secret: 'ALICLOUD_SECRET_KEY', token: 'ALICLOUD_SECURITY_TOKEN' },
  {
    id: 'ALIBABACLOUD_ACCESS_KEY_ID',
    secret: 'ALIBABACLOUD_ACCESS_KEY_SECRET',
    token: 'ALIBABACLOUD_SECURITY_TOKEN'
  }
];

export const OIDC_VARIABLES = {
  roleArn: 'ALIBABA_CLOUD_ROLE_ARN',
  providerArn: 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  tokenFile: 'ALIBABA_CLOUD_OIDC_TOKEN_FILE'
} as const;

/** A variable counts only when non-blank: the credentials action's post step blanks what it set. */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Picks the credential source, in the documented order: explicit inputs, the access-key variables (three forms),
 * the OIDC variables, then (only when opted in) the instance metadata service and CLI profiles.
 */
export function findCredentialSource(settings: CredentialSettings, env: NodeJS.ProcessEnv): CredentialSource {
  const explicit = settings.credentials;
  if (explicit) {
    if (!explicit.accessKeyId || !explicit.accessKeySecret) {
      return {
        kind: 'incomplete',
        message:
          'the explicit credentials are incomplete: access-key-id and access-key-secret must both be given ' +
          '(security-token is optional)'
      };
    }
    const keys: KeyPair = { accessKeyId: explicit.accessKeyId, accessKeySecret: explicit.accessKeySecret };
    if (explicit.securityToken) keys.securityToken = explicit.securityToken;
    return { kind: 'keys', origin: 'the access-key-id/access-key-secret inputs', keys };
  }

  for (const form of KEY_VARIABLE_FORMS) {
    const id = read(env, form.id);
    const secret = read(env, form.secret);
    if (id && secret) {
      const keys: KeyPair = { accessKeyId: id, accessKeySecret: secret };
      const token = read(env, form.token);
      if (token) keys.securityToken = token;
      return { kind: 'keys', origin: `the ${form.id}/${form.secret} environment variables`, keys };
    }
    if (id || secret) {
      return {
        kind: 'incomplete',
        message: `${id ? form.id : form.secret} is set but ${id ? form.secret : form.id} is not: set both or neither`
      };
    }
  }

  const roleArn = read(env, OIDC_VARIABLES.roleArn);
  const providerArn = read(env, OIDC_VARIABLES.providerArn);
  const tokenFile = read(env, OIDC_VARIABLES.tokenFile);
  if (roleArn && providerArn && tokenFile) {
    const oidc: OidcSettings = {
      roleArn,
      oidcProviderArn: providerArn,
      oidcTokenFilePath: tokenFile,
      enableVpc: read(env, 'ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED')?.toLowerCase() === 'true'
    };
    const sessionName = read(env, 'ALIBABA_CLOUD_ROLE_SESSION_NAME');
    if (sessionName) oidc.roleSessionName = sessionName;
    const stsRegion = read(env, 'ALIBABA_CLOUD_STS_REGION');
    if (stsRegion) oidc.stsRegionId = stsRegion;
    return { kind: 'oidc', origin: 'the ALIBABA_CLOUD_ROLE_ARN/OIDC variables', oidc };
  }
  if (roleArn || providerArn || tokenFile) {
    const all = Object.values(OIDC_VARIABLES);
    const missing = all.filter((name) => !read(env, name));
    return {
      kind: 'incomplete',
      message: `OIDC needs ${all.join(', ')}; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`
    };
  }

  if (settings.allowInstanceCredentials) {
    return { kind: 'instance', origin: 'the default credential chain (ECS instance role, CLI profiles)' };
  }

  return {
    kind: 'none',
    message:
      'no Alibaba Cloud credentials found; tried: the access-key-id/access-key-secret inputs, ' +
      KEY_VARIABLE_FORMS.map((f) => `${f.id}/${f.secret}`).join(', ') +
      `, and ${Object.values(OIDC_VARIABLES).join('/')}. The ECS instance role and CLI profiles are used only ` +
      'when opted in (allow-instance-credentials)'
  };
}

/**
 * Why a run that goes online cannot, when its credentials are set only in part; undefined when they are complete
 * or absent. In `auto` mode a half-set credential means an online check was intended, so the run fails rather
 * than quietly checking offline, and the message names both ways out: complete the credentials, or ask for an
 * offline check explicitly.
 */
export function incompleteCredentialsMessage(
  mode: 'auto' | 'online',
  settings: CredentialSettings,
  env: NodeJS.ProcessEnv
): string | undefined {
  const source = findCredentialSource(settings, env);
  if (source.kind !== 'incomplete') return undefined;
  const problem = `the Alibaba Cloud credentials are set only in part: ${source.message}`;
  if (mode === 'online') return problem;
  return (
    `${problem}. resolve auto does not fall back to offline when credentials are half-set; ` +
    'to check offline, use --resolve offline (action input resolve: offline)'
  );
}

/** Whether `resolve: auto` should go online: some credential source is configured (an incomplete one counts, so
 * that it is reported as an error rather than silently ignored). */
export function hasCredentials(settings: CredentialSettings, env: NodeJS.ProcessEnv): boolean {
  return findCredentialSource(settings, env).kind !== 'none';
}
