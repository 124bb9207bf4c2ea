/**
 * Turning whatever the OpenAPI client throws into one error type with a retry decision and a message a user can
 * act on. The SDK's classes are recognised by `name` and fields, so this module does not import the SDK.
 */

/** How the resolver should react to a failed call. */
export type FailureKind =
  /** Throttling, 5xx, transport errors, timeouts: try again after a backoff. */
  | 'transient'
  /** The credentials themselves are refused: every later call would fail the same way, so stop the run. */
  | 'credentials'
  /** Anything else (403, bad parameter, not found, unexpected shape): this call fails, others go on. */
  | 'permanent';

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly action: string,
    readonly code: string | undefined,
    /** Milliseconds the server asked us to wait (`x-acs-retry-after`). */
    readonly retryAfterMs?: number,
    /** The RAM action that was denied, for 403s. */
    readonly authAction?: string
  ) {
    super(message);
  }
}

const TRANSPORT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET'
]);
const TRANSIENT_CODES = new Set([
  'ServiceUnavailable',
  'InternalError',
  'Rejected.Throttling',
  // A nonce collision: a new attempt signs with a new nonce.
  'SignatureNonceUsed',
  // DataWorks codes the Terraform provider retries on its 2024-05-18 reads (undocumented; bounded by maxAttempts).
  '9990020002',
  '9990040003'
]);
const CREDENTIAL_CODE =
  /^(InvalidAccessKeyId|InvalidSecurityToken|SignatureDoesNotMatch|IncompleteSignature|InvalidCredentials)/;

/**
 * The group resolver's RAM action of a call (its `Describe*` calls are VPC's, the rest DataWorks'); other APIs
 * name theirs in their `ApiSpec`. Used when a 403 carries no AccessDeniedDetail.
 */
export function ramActionOf(action: string): string {
  return `${action.startsWith('Describe') ? 'vpc' : 'dataworks'}:${action}`;
}

export function isTransientCode(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('Throttling') || TRANSIENT_CODES.has(code));
}

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  data?: unknown;
  retryAfter?: unknown;
  requestId?: unknown;
  accessDeniedDetail?: unknown;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'undefined' ? value : undefined;
}

/** Classifies an error thrown by `callApi` (or by the credential provider it calls). */
export function classifySdkError(
  error: unknown,
  action: string,
  ramAction: string = ramActionOf(action)
): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkErrorShape;
  const name = text(e.name) ?? 'Error';
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  // DataWorks sometimes answers with ErrorCode/ErrorMessage, which the SDK reports as code "undefined".
  const code = text(field(e.data, 'Code')) ?? text(field(e.data, 'ErrorCode')) ?? text(e.code);
  const serverMessage = text(field(e.data, 'Message')) ?? text(field(e.data, 'ErrorMessage'));
  const requestId = text(e.requestId) ?? text(field(e.data, 'RequestId'));
  const rawMessage = text(e.message) ?? name;

  if (status !== undefined) {
    const described =
      `${action} failed with HTTP ${status}${code ? ` ${code}` : ''}` +
      `${serverMessage ? `: ${serverMessage}` : ''}${requestId ? ` (request id ${requestId})` : ''}`;
    if (status === 403 && !(code && CREDENTIAL_CODE.test(code))) {
      const authAction = text(field(e.accessDeniedDetail, 'AuthAction')) ?? ramAction;
      return new ApiCallError(
        `${described}; the RAM policy of these credentials must allow ${authAction}`,
        'permanent',
        action,
        code,
        undefined,
        authAction
      );
    }
    if (code && CREDENTIAL_CODE.test(code)) {
      return new ApiCallError(credentialAdvice(described, code), 'credentials', action, code);
    }
    const transient = name === 'ThrottlingError' || status >= 500 || status === 429 || isTransientCode(code);
    const retryAfter = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : undefined;
    return new ApiCallError(described, transient ? 'transient' : 'permanent', action, code, retryAfter);
  }

  // No HTTP status: the request never got a usable answer.
  const transportCode = text(e.code);
  if (name === 'SyntaxError') {
    // The client parses error bodies as JSON before it looks at them; an HTML 502 from a proxy ends here.
    return new ApiCallError(
      `${action}: the server answered an error with a body that is not JSON`,
      'transient',
      action,
      undefined
    );
  }
  if (name === 'RequestTimeoutError' || /timeout/i.test(name)) {
    return new ApiCallError(`${action} timed out: ${firstLine(rawMessage)}`, 'transient', action, 'Timeout');
  }
  if (transportCode && TRANSPORT_CODES.has(transportCode)) {
    return new ApiCallError(
      `${action}: connection failed (${transportCode}): ${firstLine(rawMessage)}`,
      'transient',
      action,
      transportCode
    );
  }
  if (code && CREDENTIAL_CODE.test(code)) {
    return new ApiCallError(credentialAdvice(`${action}: ${firstLine(rawMessage)}`, code), 'credentials', action, code);
  }
  return new ApiCallError(`${action} failed: ${firstLine(rawMessage)}`, 'permanent', action, transportCode);
}

function credentialAdvice(described: string, code: string): string {
  if (code.startsWith('InvalidSecurityToken')) {
    return (
      `${described}. The STS security token was refused (expired or malformed): tokens from ` +
      'aliyun/configure-aliyun-credentials-action last 1800 s by default, so run that step again closer to this ' +
      'one or raise role-session-expiration'
    );
  }
  return `${described}. The credentials were refused: check the AccessKey pair (and that it is active)`;
}

/** The first line, with the `GET <url> failed.` that the SDK's HTTP layer glues to transport errors set apart. */
export function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .trim()
    .replace(/\s*((?:GET|POST|PUT|DELETE|HEAD) \S+ failed\.)$/, ' ($1)');
}
