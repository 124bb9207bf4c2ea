export const id = 31;
export const ids = [31];
export const modules = {

/***/ 31:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveOnline: () => (/* binding */ resolveOnline)
});

// UNUSED EXPORTS: effectiveTuning, findCredentialSource, hasCredentials

// EXTERNAL MODULE: ./node_modules/@alicloud/openapi-core/dist/client.js
var client = __webpack_require__(9764);
var client_default = /*#__PURE__*/__webpack_require__.n(client);
;// CONCATENATED MODULE: ./src/resolve/online/errors.ts
/**
 * Turning whatever the OpenAPI client throws into one error type with a retry decision and a message a user can
 * act on. The SDK's classes are recognised by `name` and fields, so this module does not import the SDK.
 */
class ApiCallError extends Error {
    kind;
    action;
    code;
    retryAfterMs;
    authAction;
    name = 'ApiCallError';
    constructor(message, kind, action, code, 
    /** Milliseconds the server asked us to wait (`x-acs-retry-after`). */
    retryAfterMs, 
    /** The RAM action that was denied, for 403s. */
    authAction) {
        super(message);
        this.kind = kind;
        this.action = action;
        this.code = code;
        this.retryAfterMs = retryAfterMs;
        this.authAction = authAction;
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
const CREDENTIAL_CODE = /^(InvalidAccessKeyId|InvalidSecurityToken|SignatureDoesNotMatch|IncompleteSignature|InvalidCredentials)/;
/** The default RAM action of each call, used when a 403 carries no AccessDeniedDetail. */
function ramActionOf(action) {
    return `${action.startsWith('Describe') ? 'vpc' : 'dataworks'}:${action}`;
}
function isTransientCode(code) {
    return code !== undefined && (code.startsWith('Throttling') || TRANSIENT_CODES.has(code));
}
function field(value, key) {
    return typeof value === 'object' && value !== null ? value[key] : undefined;
}
function errors_text(value) {
    return typeof value === 'string' && value !== '' && value !== 'undefined' ? value : undefined;
}
/** Classifies an error thrown by `callApi` (or by the credential provider it calls). */
function classifySdkError(error, action) {
    if (error instanceof ApiCallError)
        return error;
    const e = (typeof error === 'object' && error !== null ? error : { message: String(error) });
    const name = errors_text(e.name) ?? 'Error';
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    // DataWorks sometimes answers with ErrorCode/ErrorMessage, which the SDK reports as code "undefined".
    const code = errors_text(field(e.data, 'Code')) ?? errors_text(field(e.data, 'ErrorCode')) ?? errors_text(e.code);
    const serverMessage = errors_text(field(e.data, 'Message')) ?? errors_text(field(e.data, 'ErrorMessage'));
    const requestId = errors_text(e.requestId) ?? errors_text(field(e.data, 'RequestId'));
    const rawMessage = errors_text(e.message) ?? name;
    if (status !== undefined) {
        const described = `${action} failed with HTTP ${status}${code ? ` ${code}` : ''}` +
            `${serverMessage ? `: ${serverMessage}` : ''}${requestId ? ` (request id ${requestId})` : ''}`;
        if (status === 403 && !(code && CREDENTIAL_CODE.test(code))) {
            const authAction = errors_text(field(e.accessDeniedDetail, 'AuthAction')) ?? ramActionOf(action);
            return new ApiCallError(`${described}; the RAM policy of these credentials must allow ${authAction}`, 'permanent', action, code, undefined, authAction);
        }
        if (code && CREDENTIAL_CODE.test(code)) {
            return new ApiCallError(credentialAdvice(described, code), 'credentials', action, code);
        }
        const transient = name === 'ThrottlingError' || status >= 500 || status === 429 || isTransientCode(code);
        const retryAfter = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : undefined;
        return new ApiCallError(described, transient ? 'transient' : 'permanent', action, code, retryAfter);
    }
    // No HTTP status: the request never got a usable answer.
    const transportCode = errors_text(e.code);
    if (name === 'SyntaxError') {
        // The client parses error bodies as JSON before it looks at them; an HTML 502 from a proxy ends here.
        return new ApiCallError(`${action}: the server answered an error with a body that is not JSON`, 'transient', action, undefined);
    }
    if (name === 'RequestTimeoutError' || /timeout/i.test(name)) {
        return new ApiCallError(`${action} timed out: ${firstLine(rawMessage)}`, 'transient', action, 'Timeout');
    }
    if (transportCode && TRANSPORT_CODES.has(transportCode)) {
        return new ApiCallError(`${action}: connection failed (${transportCode}): ${firstLine(rawMessage)}`, 'transient', action, transportCode);
    }
    if (code && CREDENTIAL_CODE.test(code)) {
        return new ApiCallError(credentialAdvice(`${action}: ${firstLine(rawMessage)}`, code), 'credentials', action, code);
    }
    return new ApiCallError(`${action} failed: ${firstLine(rawMessage)}`, 'permanent', action, transportCode);
}
function credentialAdvice(described, code) {
    if (code.startsWith('InvalidSecurityToken')) {
        return (`${described}. The STS security token was refused (expired or malformed): tokens from ` +
            'aliyun/configure-aliyun-credentials-action last 1800 s by default, so run that step again closer to this ' +
            'one or raise role-session-expiration');
    }
    return `${described}. The credentials were refused: check the AccessKey pair (and that it is active)`;
}
/** The first line, with the `GET <url> failed.` that the SDK's HTTP layer glues to transport errors set apart. */
function firstLine(message) {
    return message
        .split('\n')[0]
        .trim()
        .replace(/\s*((?:GET|POST|PUT|DELETE|HEAD) \S+ failed\.)$/, ' ($1)');
}

;// CONCATENATED MODULE: ./src/resolve/online/interop.ts
/**
 * The Alibaba Cloud packages are CommonJS modules that set `exports.default`. Node's ESM loader gives
 * `module.exports` as the default import, while the bundler gives `exports.default`; this accepts both.
 */
function interopDefault(value) {
    return typeof value === 'function' ? value : value.default;
}

;// CONCATENATED MODULE: ./src/resolve/online/endpoints.ts
/** The DataWorks endpoint table is regional except for these regions, which use the central endpoint. */
const DATAWORKS_CENTRAL_REGIONS = new Set(['cn-qingdao', 'cn-huhehaote']);
/** The VPC client's own endpoint map sends these regions to the central endpoint. */
const VPC_CENTRAL_REGIONS = new Set(['cn-hangzhou']);
function defaultEndpoint(service, region) {
    if (service === 'dataworks') {
        const host = DATAWORKS_CENTRAL_REGIONS.has(region) ? 'dataworks.aliyuncs.com' : `dataworks.${region}.aliyuncs.com`;
        return { host, protocol: 'HTTPS' };
    }
    const host = VPC_CENTRAL_REGIONS.has(region) ? 'vpc.aliyuncs.com' : `vpc.${region}.aliyuncs.com`;
    return { host, protocol: 'HTTPS' };
}
/** Parses an override URL; only the scheme and `host[:port]` matter (the APIs live at `/`). */
function parseEndpointUrl(name, text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new Error(`endpoint ${name}="${text}" is not a URL; expected e.g. ${name}=https://host[:port]`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`endpoint ${name}="${text}": the scheme must be https or http`);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username || url.password) {
        throw new Error(`endpoint ${name}="${text}": give only the scheme, host and port (the APIs live at /)`);
    }
    return { host: url.host, protocol: url.protocol === 'http:' ? 'HTTP' : 'HTTPS' };
}
function endpointFor(service, region, settings) {
    const override = settings.endpoints[service];
    return override ? parseEndpointUrl(service, override) : defaultEndpoint(service, region);
}
/** The STS host for OIDC: the credentials library calls STS over HTTPS only, so an http override is refused. */
function stsHost(settings) {
    const override = settings.endpoints.sts;
    if (!override)
        return undefined;
    const endpoint = parseEndpointUrl('sts', override);
    if (endpoint.protocol !== 'HTTPS') {
        throw new Error(`endpoint sts="${override}": STS is called over https only`);
    }
    return endpoint.host;
}

;// CONCATENATED MODULE: ./src/resolve/online/retry.ts
/** Our own retry loop (the SDK's runtime retry options do nothing): exponential backoff with full jitter. */

function backoffDelay(attempt, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(random() * ceiling);
}
/**
 * Runs `attempt` until it succeeds, fails for a reason a retry cannot fix, runs out of attempts, or would cross
 * the deadline. `attempt` gets the timeout to use, shortened so that no request outlives the deadline.
 */
async function withRetry(action, policy, clock, attempt, onRetry) {
    for (let n = 1;; n++) {
        const remaining = clock.deadline - clock.now();
        if (remaining <= 0) {
            throw new ApiCallError(`${action}: the overall deadline passed before the call could be made`, 'permanent', action, 'Deadline');
        }
        try {
            return await attempt(Math.min(policy.requestTimeoutMs, remaining));
        }
        catch (raw) {
            const error = classifySdkError(raw, action);
            if (error.kind !== 'transient')
                throw error;
            if (n >= policy.maxAttempts) {
                throw new ApiCallError(`${error.message} (gave up after ${n} attempts)`, 'permanent', action, error.code);
            }
            // The server knows when its throttle resets; its wait wins over our guess.
            const delay = error.retryAfterMs !== undefined ? error.retryAfterMs : backoffDelay(n, policy, clock.random);
            if (clock.now() + delay >= clock.deadline) {
                throw new ApiCallError(`${error.message} (gave up after ${n} attempts: the next retry would pass the overall deadline)`, 'permanent', action, error.code);
            }
            onRetry?.(error, n, delay);
            await clock.sleep(delay);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/coerce.js
var coerce = __webpack_require__(9567);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(6921);
;// CONCATENATED MODULE: ./src/resolve/online/schemas.ts
/**
 * The response fields the resolver reads, validated with zod. Only what is read is checked; everything else may
 * change freely. Wire names are the generated SDK models' (note `VswitchId` in DataWorks, `VSwitchId` in VPC).
 */

/** Paging numbers arrive as numbers; tolerate numeric strings, which some gateways send. */
const count = coerce/* number */.ai().int().nonnegative();
/** Absent and empty mean "none" for optional text such as `Ipv6CidrBlock` and `SourceVSwitchId`. */
const optionalText = schemas/* string */.YjP()
    .nullish()
    .transform((v) => (v ? v : undefined));
const getResourceGroupResponse = schemas/* object */.Ikc({
    ResourceGroup: schemas/* object */.Ikc({
        Id: schemas/* string */.YjP(),
        ResourceGroupType: schemas/* string */.YjP().optional(),
        Status: schemas/* string */.YjP().optional()
    })
});
const listNetworksResponse = schemas/* object */.Ikc({
    PagingInfo: schemas/* object */.Ikc({
        PageNumber: count.optional(),
        PageSize: count.optional(),
        TotalCount: count,
        NetworkList: schemas/* array */.YOg(schemas/* object */.Ikc({
            VpcId: schemas/* string */.YjP(),
            VswitchId: schemas/* string */.YjP(),
            Status: schemas/* string */.YjP()
        }))
            .nullish()
            .transform((v) => v ?? [])
    })
});
const paging = { PageNumber: count.optional(), PageSize: count.optional(), TotalCount: count };
const describeVSwitchesResponse = schemas/* object */.Ikc({
    ...paging,
    VSwitches: schemas/* object */.Ikc({
        VSwitch: schemas/* array */.YOg(schemas/* object */.Ikc({
            VSwitchId: schemas/* string */.YjP(),
            VpcId: schemas/* string */.YjP().optional(),
            CidrBlock: schemas/* string */.YjP(),
            Ipv6CidrBlock: optionalText
        }))
    })
        .nullish()
        .transform((v) => v?.VSwitch ?? [])
});
const describeNatGatewaysResponse = schemas/* object */.Ikc({
    ...paging,
    NatGateways: schemas/* object */.Ikc({
        NatGateway: schemas/* array */.YOg(schemas/* object */.Ikc({
            NatGatewayId: schemas/* string */.YjP(),
            NetworkType: schemas/* string */.YjP(),
            Status: schemas/* string */.YjP().optional(),
            SnatTableIds: schemas/* object */.Ikc({ SnatTableId: schemas/* array */.YOg(schemas/* string */.YjP()) })
                .nullish()
                .transform((v) => v?.SnatTableId ?? [])
        }))
    })
        .nullish()
        .transform((v) => v?.NatGateway ?? [])
});
const describeSnatTableEntriesResponse = schemas/* object */.Ikc({
    ...paging,
    SnatTableEntries: schemas/* object */.Ikc({
        SnatTableEntry: schemas/* array */.YOg(schemas/* object */.Ikc({
            SnatEntryId: schemas/* string */.YjP(),
            SnatTableId: schemas/* string */.YjP().optional(),
            NatGatewayId: schemas/* string */.YjP().optional(),
            SourceVSwitchId: optionalText,
            SourceCIDR: optionalText,
            SnatIp: schemas/* string */.YjP(),
            Status: schemas/* string */.YjP().optional()
        }))
    })
        .nullish()
        .transform((v) => v?.SnatTableEntry ?? [])
});
/** `PagingInfo.NetworkList[2].VswitchId: expected string` — the first few problems, one line. */
function describeIssues(error) {
    return error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '') || '(body)'}: ${issue.message}`)
        .join('; ');
}

;// CONCATENATED MODULE: ./src/resolve/online/client.ts
/**
 * The one place that talks to Alibaba Cloud: `@alicloud/openapi-core`'s generic `callApi` (RPC style, signed with
 * ACS3-HMAC-SHA256), wrapped in our retry loop, a concurrency limit, and zod validation of what is read.
 */






const OpenApi = interopDefault((client_default()));
const { $OpenApiUtil, OpenApiUtil } = client;
const API_VERSION = { dataworks: '2024-05-18', vpc: '2016-04-28' };
/** DataWorks 2024 reads are GET; VPC actions are POST with the parameters in the query string. */
const API_METHOD = { dataworks: 'GET', vpc: 'POST' };
/** Calls one action and returns its validated body; every failure is an `ApiCallError`. */
class ApiClient {
    options;
    /** Requests sent, retries included. */
    requests = 0;
    clients = new Map();
    constructor(options) {
        this.options = options;
    }
    async call(service, region, action, query, schema) {
        const endpoint = endpointFor(service, region, this.options.settings);
        const client = this.clientFor(endpoint);
        const params = new $OpenApiUtil.Params({
            action,
            version: API_VERSION[service],
            protocol: endpoint.protocol,
            pathname: '/',
            method: API_METHOD[service],
            authType: 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            // Read the body as text and parse it here, so a success body that is not JSON gets a clear message.
            bodyType: 'string'
        });
        const label = `${action} (${describeQuery(query)})`;
        const { policy, clock, limiter, logger } = this.options;
        const body = await withRetry(action, policy, clock, (timeoutMs) => limiter.run(async () => {
            this.requests++;
            const request = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
            // The runtime object is read field by field; the timeouts set here override the client's.
            const runtime = { readTimeout: timeoutMs, connectTimeout: timeoutMs };
            const response = await client.callApi(params, request, runtime);
            const parsedBody = parseBody(action, response.body);
            const failure = applicationError(action, parsedBody);
            if (failure)
                throw failure;
            return parsedBody;
        }), (error, attempt, delayMs) => logger.debug(`${label}: ${error.message}; retry ${attempt} in ${delayMs} ms`));
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
            throw new ApiCallError(`${action} returned a response of an unexpected shape: ${describeIssues(parsed.error)}`, 'permanent', action, 'UnexpectedResponse');
        }
        return parsed.data;
    }
    clientFor(endpoint) {
        const key = `${endpoint.protocol}://${endpoint.host}`;
        let client = this.clients.get(key);
        if (!client) {
            client = new OpenApi(new $OpenApiUtil.Config({
                credential: this.options.credential,
                endpoint: endpoint.host,
                protocol: endpoint.protocol,
                readTimeout: this.options.policy.requestTimeoutMs,
                connectTimeout: this.options.policy.requestTimeoutMs
            }));
            this.clients.set(key, client);
        }
        return client;
    }
}
function parseBody(action, body) {
    if (typeof body !== 'string')
        return body;
    try {
        return JSON.parse(body);
    }
    catch {
        // A 200 whose body is not JSON comes from something in between (a proxy, a captive portal): try again.
        throw new ApiCallError(`${action}: the response body is not JSON`, 'transient', action, 'MalformedBody');
    }
}
/** A 200 body with `Success: false` is an error, with its code in `ErrorCode` (DataWorks) or `Code`. */
function applicationError(action, body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return new ApiCallError(`${action}: the response body is not a JSON object`, 'permanent', action, 'UnexpectedResponse');
    }
    const record = body;
    if (record.Success !== false)
        return undefined;
    const code = stringField(record.ErrorCode) ?? stringField(record.Code) ?? 'unknown';
    const message = stringField(record.ErrorMessage) ?? stringField(record.Message) ?? '';
    const requestId = stringField(record.RequestId);
    return new ApiCallError(`${action} answered Success: false with ${code}${message ? `: ${message}` : ''}${requestId ? ` (request id ${requestId})` : ''}`, isTransientCode(code) ? 'transient' : 'permanent', action, code);
}
function stringField(value) {
    return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}
function describeQuery(query) {
    return Object.entries(query)
        .filter(([key]) => key !== 'PageSize' && key !== 'RegionId')
        .map(([key, value]) => `${key}=${value}`)
        .join(' ');
}

// EXTERNAL MODULE: ./src/resolve/online/credentials-env.ts
var credentials_env = __webpack_require__(2130);
// EXTERNAL MODULE: ./node_modules/@alicloud/credentials/dist/src/client.js
var src_client = __webpack_require__(477);
var src_client_default = /*#__PURE__*/__webpack_require__.n(src_client);
;// CONCATENATED MODULE: ./src/resolve/online/credentials.ts
/**
 * Builds the `@alicloud/credentials` credential for the chosen source. The default chain (which would try CLI
 * profiles and the ECS metadata address) is built only when the user opted in; otherwise each source gets its
 * explicit provider, so nothing else is ever contacted.
 */



const Credential = interopDefault((src_client_default()));
const { Config } = src_client;
class CredentialError extends Error {
    name = 'CredentialError';
}
/** `stsHost` overrides the STS endpoint for OIDC (from `endpoints: sts=…`). */
function buildCredential(source, stsHost, timeoutMs) {
    switch (source.kind) {
        case 'keys': {
            const { accessKeyId, accessKeySecret, securityToken } = source.keys;
            return new Credential(new Config(securityToken
                ? { type: 'sts', accessKeyId, accessKeySecret, securityToken }
                : { type: 'access_key', accessKeyId, accessKeySecret }));
        }
        case 'oidc': {
            const { oidc } = source;
            return new Credential(new Config({
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
            }));
        }
        case 'instance':
            return new Credential();
    }
}
/**
 * Fetches the credential once before any API call, so that a failing OIDC exchange or an empty chain is one clear
 * message instead of one per call, and so that the secrets it yields can be masked before anything is logged.
 */
async function fetchKeys(credential, origin) {
    let model;
    try {
        model = await credential.getCredential();
    }
    catch (error) {
        const reason = firstLine(error instanceof Error ? error.message : String(error));
        throw new CredentialError(`could not get Alibaba Cloud credentials from ${origin}: ${reason}`);
    }
    if (!model.accessKeyId || !model.accessKeySecret) {
        throw new CredentialError(`${origin} gave no AccessKey pair`);
    }
    const keys = { accessKeyId: model.accessKeyId, accessKeySecret: model.accessKeySecret };
    if (model.securityToken)
        keys.securityToken = model.securityToken;
    return keys;
}

;// CONCATENATED MODULE: ./src/resolve/online/limiter.ts
/** A counting semaphore: at most `limit` tasks run at once; waiters start in arrival order. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`concurrency limit must be >= 1, got ${limit}`);
    }
    async run(task) {
        if (this.active >= this.limit) {
            await new Promise((resolve) => this.waiting.push(resolve));
        }
        else {
            this.active++;
        }
        try {
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            // Hand the slot straight to the next waiter, so `active` never drops below the number running.
            if (next)
                next();
            else
                this.active--;
        }
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./node_modules/httpx/lib/index.js
var lib = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/resolve/online/proxy.ts
/**
 * HTTPS_PROXY / NO_PROXY for the Alibaba Cloud SDK. Its HTTP layer (`httpx`, shared by the OpenAPI core and the
 * credentials library) ignores proxy settings, but it uses the `agent` a request passes. So the one `request`
 * function both call is wrapped to pass a CONNECT-tunnelling agent when a proxy applies to the target. Only HTTPS
 * targets are proxied, as every Alibaba Cloud endpoint is; plain-HTTP overrides (tests) go direct.
 */




/** The proxy for an HTTPS target, from HTTPS_PROXY (or https_proxy) unless NO_PROXY (or no_proxy) excludes it. */
function proxyFor(target, env) {
    if (target.protocol !== 'https:')
        return undefined;
    const raw = (env.HTTPS_PROXY ?? env.https_proxy ?? '').trim();
    if (!raw)
        return undefined;
    if (bypassed(target, env.NO_PROXY ?? env.no_proxy ?? ''))
        return undefined;
    let proxy;
    try {
        proxy = new URL(raw.includes('://') ? raw : `http://${raw}`);
    }
    catch {
        throw new Error(`HTTPS_PROXY "${raw}" is not a URL`);
    }
    if (proxy.protocol !== 'http:')
        throw new Error(`HTTPS_PROXY "${raw}": only http:// proxies are supported`);
    return proxy;
}
/** NO_PROXY entries: `*`, a host, a domain (`example.com` and `.example.com` both match its subdomains), with an
 * optional `:port`. */
function bypassed(target, noProxy) {
    const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const port = target.port || '443';
    for (const item of noProxy.split(/[\s,]+/)) {
        const entry = item.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return true;
        const portMatch = /^(.*?)(?::(\d+))?$/.exec(entry.startsWith('[') ? entry.replace(/^\[([^\]]+)\]/, '$1') : entry);
        const entryHost = (portMatch?.[1] ?? entry).replace(/^\*?\./, '');
        const entryPort = portMatch?.[2];
        if (entryPort && entryPort !== port)
            continue;
        if (host === entryHost || host.endsWith(`.${entryHost}`))
            return true;
    }
    return false;
}
/** An HTTPS agent that opens each connection through an HTTP proxy's CONNECT tunnel. */
class TunnelAgent extends (external_node_https_default()).Agent {
    proxy;
    constructor(proxy) {
        super({ keepAlive: true });
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        // Node calls back with only the error when a connection fails; the typings insist on a stream.
        const fail = (error) => callback?.(error, undefined);
        const host = String(options.host ?? options.hostname ?? 'localhost');
        const port = Number(options.port ?? 443);
        const headers = { host: `${host}:${port}` };
        if (this.proxy.username) {
            const credentials = `${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}`;
            headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
        }
        const connect = external_node_http_default().request({
            host: this.proxy.hostname,
            port: Number(this.proxy.port || 80),
            method: 'CONNECT',
            path: `${host}:${port}`,
            headers,
            agent: false
        });
        connect.once('connect', (response, socket) => {
            if (response.statusCode !== 200) {
                socket.destroy();
                fail(new Error(`the proxy ${this.proxy.host} refused CONNECT ${host}:${port} with HTTP ${response.statusCode}`));
                return;
            }
            const secure = external_node_tls_default().connect({
                socket,
                servername: options.servername ?? host,
                ...(options.ca ? { ca: options.ca } : {}),
                ...(options.cert ? { cert: options.cert } : {}),
                ...(options.key ? { key: options.key } : {}),
                ...(options.rejectUnauthorized !== undefined ? { rejectUnauthorized: options.rejectUnauthorized } : {})
            });
            callback?.(null, secure);
        });
        connect.once('error', (error) => fail(new Error(`the proxy ${this.proxy.host} could not be reached: ${error.message}`)));
        connect.end();
        return undefined;
    }
}
/** The environment the proxy decision reads; set per run by `useProxyEnvironment`. */
let currentEnv = {};
const agents = new Map();
let installed = false;
/**
 * Makes the SDK's requests follow HTTPS_PROXY / NO_PROXY from `env` (no proxy variables: no change). The wrapper
 * is installed once per process; it leaves requests that already carry an agent alone.
 */
function useProxyEnvironment(env) {
    // A malformed HTTPS_PROXY is one clear message before any call, not a failure of each.
    proxyFor(new URL('https://proxy-check.invalid'), { ...env, NO_PROXY: '', no_proxy: '' });
    currentEnv = env;
    if (installed)
        return;
    installed = true;
    const original = lib.request;
    lib.request = (url, options) => {
        if (options.agent)
            return original(url, options);
        const proxy = proxyFor(new URL(String(url)), currentEnv);
        if (!proxy)
            return original(url, options);
        let agent = agents.get(proxy.href);
        if (!agent) {
            agent = new TunnelAgent(proxy);
            agents.set(proxy.href, agent);
        }
        return original(url, { ...options, agent });
    };
}

// EXTERNAL MODULE: ./src/net/index.ts + 6 modules
var net = __webpack_require__(1047);
;// CONCATENATED MODULE: ./src/resolve/online/snat.ts
/**
 * Which SNAT entries give a vSwitch its public egress. SNAT picks, for each source address, the entry with the
 * longest source prefix that contains it. So an entry contributes to a vSwitch exactly when some address of the
 * vSwitch lies in the entry's source range and in no strictly longer entry's range.
 */

/** Splits `SnatIp` ("198.51.100.1,198.51.100.2") and checks each address; throws with the entry named. */
function splitSnatIps(entry) {
    const ips = entry.SnatIp.split(',')
        .map((ip) => ip.trim())
        .filter((ip) => ip !== '');
    for (const ip of ips) {
        const parsed = (0,net/* parseCidr */.GN)(ip);
        if (!parsed.ok || parsed.entry.form !== 'address') {
            throw new Error(`SNAT entry ${entry.SnatEntryId} has SnatIp "${entry.SnatIp}", which is not a list of addresses`);
        }
    }
    if (ips.length === 0)
        throw new Error(`SNAT entry ${entry.SnatEntryId} has an empty SnatIp`);
    return ips;
}
/**
 * The SNAT rules that some address of the vSwitch uses, in the order given. Entries of other vSwitches and
 * entries without a source are not about this vSwitch; vSwitches of one VPC never overlap.
 */
function egressRulesFor(vswitchId, vswitchCidr, entries) {
    const target = (0,net/* parseCidr */.GN)(vswitchCidr);
    if (!target.ok || !target.entry.cidr || target.entry.version !== 4) {
        throw new Error(`vSwitch ${vswitchId} has CidrBlock "${vswitchCidr}", which is not an IPv4 CIDR block`);
    }
    const targetRange = target.entry.range;
    const candidates = [];
    for (const { entry, natGatewayId } of entries) {
        let sourceText;
        if (entry.SourceVSwitchId) {
            if (entry.SourceVSwitchId !== vswitchId)
                continue;
            sourceText = vswitchCidr;
        }
        else if (entry.SourceCIDR) {
            sourceText = entry.SourceCIDR;
        }
        else {
            continue;
        }
        const source = (0,net/* parseCidr */.GN)(sourceText);
        if (!source.ok || !source.entry.cidr) {
            throw new Error(`SNAT entry ${entry.SnatEntryId} has SourceCIDR "${sourceText}", which is not a CIDR block`);
        }
        if (source.entry.version !== 4)
            continue;
        const range = source.entry.range;
        if (range.last < targetRange.first || range.first > targetRange.last)
            continue;
        candidates.push({
            rule: {
                entryId: entry.SnatEntryId,
                natGatewayId,
                source: source.entry.canonical,
                ips: splitSnatIps(entry)
            },
            range,
            prefix: source.entry.cidr.prefix
        });
    }
    return candidates
        .filter((candidate) => {
        // CIDR blocks either nest or are disjoint, so the overlap is the smaller of the two.
        const overlap = {
            version: 4,
            first: candidate.range.first > targetRange.first ? candidate.range.first : targetRange.first,
            last: candidate.range.last < targetRange.last ? candidate.range.last : targetRange.last
        };
        const longer = net/* IpSet */.yo.build(candidates.filter((other) => other.prefix > candidate.prefix).map((o) => o.range));
        return !longer.covers(overlap);
    })
        .map((candidate) => candidate.rule);
}

;// CONCATENATED MODULE: ./src/resolve/online/resolver.ts




const PAGE_SIZE = { dataworks: 100, vpc: 50 };
/** A server that keeps saying "more" must not keep us paging forever. */
const MAX_PAGES = 200;
/** Resolves every request; failures become findings, never exceptions. */
async function resolveGroups(requests, api, logger) {
    const cloud = new CloudCache(api);
    const results = await Promise.all(requests.map((request) => resolveGroup(request, cloud, logger)));
    // Refused credentials make every answer meaningless: report that one cause for every group.
    const credentialFailure = cloud.credentialFailure;
    if (credentialFailure) {
        return {
            facts: new Map(),
            findings: requests.map(({ group }) => unresolved(group, credentialFailure.message))
        };
    }
    const facts = new Map();
    const findings = [];
    requests.forEach(({ group }, i) => {
        const result = results[i];
        if (result.facts.size > 0)
            facts.set(group.name, result.facts);
        findings.push(...result.findings);
    });
    return { facts, findings };
}
/** Memoised, shared lookups: the promise is stored, so concurrent askers share one call. */
class CloudCache {
    api;
    credentialFailure;
    memo = new Map();
    constructor(api) {
        this.api = api;
    }
    once(key, load) {
        let promise = this.memo.get(key);
        if (!promise) {
            promise = load();
            this.memo.set(key, promise);
        }
        return promise;
    }
    async call(service, region, action, query, schema) {
        if (this.credentialFailure)
            throw this.credentialFailure;
        try {
            return await this.api.call(service, region, action, query, schema);
        }
        catch (error) {
            if (error instanceof ApiCallError && error.kind === 'credentials')
                this.credentialFailure ??= error;
            throw error;
        }
    }
    resourceGroup(region, id) {
        return this.once(`rg:${region}:${id}`, async () => {
            const body = await this.call('dataworks', region, 'GetResourceGroup', { Id: id }, getResourceGroupResponse);
            return body.ResourceGroup;
        });
    }
    bindings(region, id) {
        return this.once(`net:${region}:${id}`, () => allPages('ListNetworks', async (page) => {
            const body = await this.call('dataworks', region, 'ListNetworks', { ResourceGroupId: id, PageNumber: page, PageSize: PAGE_SIZE.dataworks }, listNetworksResponse);
            return { items: body.PagingInfo.NetworkList, total: body.PagingInfo.TotalCount };
        }));
    }
    vswitches(region, vpcId) {
        return this.once(`vsw:${region}:${vpcId}`, () => allPages('DescribeVSwitches', async (page) => {
            const body = await this.call('vpc', region, 'DescribeVSwitches', { RegionId: region, VpcId: vpcId, PageNumber: page, PageSize: PAGE_SIZE.vpc }, describeVSwitchesResponse);
            return { items: body.VSwitches, total: body.TotalCount };
        }));
    }
    natGateways(region, vpcId) {
        return this.once(`ngw:${region}:${vpcId}`, () => allPages('DescribeNatGateways', async (page) => {
            const body = await this.call('vpc', region, 'DescribeNatGateways', { RegionId: region, VpcId: vpcId, PageNumber: page, PageSize: PAGE_SIZE.vpc }, describeNatGatewaysResponse);
            return { items: body.NatGateways, total: body.TotalCount };
        }));
    }
    snatEntries(region, tableId) {
        return this.once(`stb:${region}:${tableId}`, () => allPages('DescribeSnatTableEntries', async (page) => {
            const body = await this.call('vpc', region, 'DescribeSnatTableEntries', { RegionId: region, SnatTableId: tableId, PageNumber: page, PageSize: PAGE_SIZE.vpc }, describeSnatTableEntriesResponse);
            return { items: body.SnatTableEntries, total: body.TotalCount };
        }));
    }
    /** The facts of one binding, computed once however many groups and modules share the vSwitch. */
    bindingFacts(region, binding) {
        return this.once(`facts:${region}:${binding.VpcId}:${binding.VswitchId}`, async () => {
            const [vswitches, natGateways] = await settleAll([
                this.vswitches(region, binding.VpcId),
                this.natGateways(region, binding.VpcId)
            ]);
            const vswitch = vswitches.find((v) => v.VSwitchId === binding.VswitchId);
            if (!vswitch) {
                throw new Error(`the bound vSwitch ${binding.VswitchId} is not among the ${vswitches.length} vSwitches that ` +
                    `DescribeVSwitches lists for ${binding.VpcId}`);
            }
            const privateCidrs = [vswitch.CidrBlock, vswitch.Ipv6CidrBlock]
                .filter((text) => text !== undefined)
                .map((text) => ({
                text: canonicalBlock(text, `vSwitch ${vswitch.VSwitchId}`),
                origin: 'api',
                source: vswitch.VSwitchId
            }));
            // VPC NAT gateways (`intranet`) translate to private addresses: never public egress.
            const internetGateways = natGateways.filter((gateway) => gateway.NetworkType === 'internet');
            const tables = await settleAll(internetGateways.flatMap((gateway) => gateway.SnatTableIds.map(async (tableId) => (await this.snatEntries(region, tableId)).map((entry) => ({ entry, natGatewayId: gateway.NatGatewayId })))));
            const entries = tables.flat().filter(({ entry }) => entry.Status !== 'Deleting');
            const publicIps = egressRulesFor(vswitch.VSwitchId, vswitch.CidrBlock, entries).flatMap((rule) => rule.ips.map((ip) => ({ text: ip, origin: 'api', source: `snat:${rule.entryId}` })));
            return { privateCidrs, publicIps };
        });
    }
}
/**
 * Like Promise.all, but waits for every promise before rejecting with the first failure: nothing this run started
 * may still be running (and retrying) after the run has returned.
 */
async function settleAll(promises) {
    const settled = await Promise.allSettled(promises);
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure)
        throw failure.reason;
    return settled.map((s) => s.value);
}
async function allPages(action, fetchPage) {
    const items = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await fetchPage(page);
        items.push(...result.items);
        // The server may cap the page size below what was asked, so count items, not pages.
        if (result.items.length === 0 || items.length >= result.total)
            return items;
    }
    throw new ApiCallError(`${action} still reported more results after ${MAX_PAGES} pages`, 'permanent', action, 'Paging');
}
function canonicalBlock(text, what) {
    const parsed = (0,net/* parseCidr */.GN)(text);
    if (!parsed.ok)
        throw new Error(`${what} has the block "${text}", which does not parse: ${parsed.reason}`);
    return parsed.entry.canonical;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function positionOf(pos) {
    return pos ? { file: pos.file, line: pos.line, column: pos.column } : {};
}
function unresolved(group, reason, module) {
    return {
        rule: 'unresolved',
        severity: 'error',
        message: `resource group "${group.name}"${module ? ` (${module})` : ''} could not be resolved online: ${reason}`,
        resourceGroup: group.name,
        ...(module ? { module } : {}),
        ...positionOf(group.id?.pos ?? group.pos)
    };
}
async function resolveGroup(request, cloud, logger) {
    const { group } = request;
    const facts = new Map();
    const findings = [];
    if (!group.id) {
        return { facts, findings: [unresolved(group, 'it has no `id`, which online resolution needs')] };
    }
    const id = group.id.value;
    const region = group.region;
    let running;
    try {
        const [resourceGroup, bindings] = await settleAll([
            cloud.resourceGroup(region, id),
            cloud.bindings(region, id)
        ]);
        const type = resourceGroup.ResourceGroupType;
        if (type && type.startsWith('Exclusive')) {
            return {
                facts,
                findings: [
                    unresolved(group, `${id} is a legacy exclusive group (${type}); declare it with type exclusive-integration or ` +
                        'exclusive-service and static facts, since no API returns its network')
                ]
            };
        }
        running = bindings.filter((binding) => binding.Status === 'Running');
        for (const binding of bindings) {
            if (binding.Status !== 'Running') {
                logger.debug(`${group.name}: ignoring the ${binding.Status} binding ${binding.VswitchId} (${binding.VpcId})`);
            }
        }
    }
    catch (error) {
        return { facts, findings: [unresolved(group, messageOf(error))] };
    }
    const { chosenPerModule, findings: selectionFindings } = selectBindings(request, id, running);
    findings.push(...selectionFindings);
    // Each distinct binding once; a failure makes only the modules that use it unresolved.
    const distinct = new Map();
    for (const chosen of chosenPerModule.values())
        for (const b of chosen)
            distinct.set(b.VswitchId, b);
    const outcomes = new Map();
    await Promise.all([...distinct.values()].map(async (binding) => {
        try {
            outcomes.set(binding.VswitchId, { ok: true, facts: await cloud.bindingFacts(region, binding) });
        }
        catch (error) {
            outcomes.set(binding.VswitchId, { ok: false, reason: messageOf(error) });
        }
    }));
    const failureReasons = new Set();
    for (const [module, chosen] of chosenPerModule) {
        const failed = chosen.map((b) => outcomes.get(b.VswitchId)).find((o) => !o.ok);
        if (failed && !failed.ok) {
            failureReasons.add(failed.reason);
            continue;
        }
        facts.set(module, mergeFacts(chosen.map((b) => outcomes.get(b.VswitchId).facts)));
    }
    for (const reason of [...failureReasons].sort())
        findings.push(unresolved(group, reason));
    findings.push(...driftFindings(group, facts));
    return { facts, findings };
}
/**
 * The Running bindings each module uses: all of them, or those the config's `vswitches` (per module where given)
 * names. A named vSwitch that is not a Running binding is reported as drift; a module left with none is
 * unresolved.
 */
function selectBindings(request, id, running) {
    const { group } = request;
    const findings = [];
    const chosenPerModule = new Map();
    const runningList = running.map((b) => b.VswitchId).join(', ') || 'none';
    const runningIds = new Set(running.map((binding) => binding.VswitchId));
    const reported = new Set();
    let reportedNoBinding = false;
    for (const module of request.modules) {
        const override = group.modules[module]?.vswitches;
        const restriction = override ?? group.vswitches;
        if (!restriction) {
            if (running.length > 0)
                chosenPerModule.set(module, [...running]);
            else if (!reportedNoBinding) {
                reportedNoBinding = true;
                findings.push(unresolved(group, `${id} has no Running network binding (no vSwitch to reach data sources from)`));
            }
            continue;
        }
        const key = override ? `modules.${module}.vswitches` : 'vswitches';
        for (const entry of restriction) {
            if (runningIds.has(entry.value) || reported.has(`${key}:${entry.value}`))
                continue;
            reported.add(`${key}:${entry.value}`);
            findings.push({
                rule: 'drift',
                severity: 'warning',
                message: `resource group "${group.name}": ${key} lists ${entry.value}, which is not a Running binding of ${id} ` +
                    `(Running: ${runningList})`,
                resourceGroup: group.name,
                entry: entry.value,
                ...positionOf(entry.pos)
            });
        }
        const wanted = new Set(restriction.map((v) => v.value));
        const chosen = running.filter((binding) => wanted.has(binding.VswitchId));
        if (chosen.length > 0) {
            chosenPerModule.set(module, chosen);
            continue;
        }
        findings.push(unresolved(group, `none of the vSwitches in ${key} (${[...wanted].join(', ')}) is a Running binding of ${id} ` +
            `(Running: ${runningList})`, module));
    }
    return { chosenPerModule, findings };
}
function mergeFacts(parts) {
    const dedupe = (entries) => {
        const seen = new Map();
        for (const entry of entries)
            seen.set(`${entry.source}\u0000${entry.text}`, entry);
        return [...seen.values()].sort((a, b) => compareAddresses(a.text, b.text) || compareText(a.source, b.source));
    };
    return {
        privateCidrs: dedupe(parts.flatMap((p) => p.privateCidrs)),
        publicIps: dedupe(parts.flatMap((p) => p.publicIps))
    };
}
/** IPv4 before IPv6, then by address, then by prefix length: the order a reader scans a whitelist in. */
function compareAddresses(a, b) {
    const pa = (0,net/* parseCidr */.GN)(a);
    const pb = (0,net/* parseCidr */.GN)(b);
    if (!pa.ok || !pb.ok)
        return compareText(a, b);
    const x = pa.entry;
    const y = pb.entry;
    if (x.version !== y.version)
        return x.version - y.version;
    if (x.range.first !== y.range.first)
        return x.range.first < y.range.first ? -1 : 1;
    return x.range.last < y.range.last ? 1 : x.range.last > y.range.last ? -1 : 0;
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * One `drift` finding per static key whose value differs from what the API says for the modules it applies to.
 * A group-level key shared by several modules with the same online value gives one finding naming them all.
 */
function driftFindings(group, facts) {
    const grouped = new Map();
    for (const [module, online] of facts) {
        for (const factKey of ['privateCidrs', 'publicIps']) {
            const override = group.modules[module]?.[factKey];
            const staticEntries = override ?? group[factKey];
            if (!staticEntries)
                continue;
            const keyName = override ? `modules.${module}.${factKey}` : factKey;
            const onlineEntries = online[factKey] ?? [];
            const staticSet = canonicalMap(staticEntries.map((e) => e.value));
            const onlineSet = canonicalMap(onlineEntries.map((e) => e.text));
            const onlyStatic = [...staticSet]
                .filter(([canonical]) => !onlineSet.has(canonical))
                .map(([, written]) => written);
            const onlyOnline = [...onlineSet]
                .filter(([canonical]) => !staticSet.has(canonical))
                .map(([, written]) => written);
            if (onlyStatic.length === 0 && onlyOnline.length === 0)
                continue;
            const onlineText = describeOnline(onlineEntries);
            const groupingKey = `${keyName}\u0000${onlineText}`;
            const existing = grouped.get(groupingKey);
            if (existing) {
                existing.modules.push(module);
                continue;
            }
            const pos = staticEntries[0]?.pos ?? (override ? group.modules[module]?.pos : group.pos);
            grouped.set(groupingKey, {
                key: keyName,
                modules: [module],
                finding: {
                    rule: 'drift',
                    severity: 'warning',
                    resourceGroup: group.name,
                    ...(override ? { module } : {}),
                    ...positionOf(pos)
                },
                message: (modules) => `resource group "${group.name}" (${modules.join(', ')}): the config's ${keyName} ` +
                    `[${staticEntries.map((e) => e.value).join(', ')}] differ from the API's [${onlineText}]` +
                    (onlyStatic.length ? `; only in the config: ${onlyStatic.join(', ')}` : '') +
                    (onlyOnline.length ? `; only in the API: ${onlyOnline.join(', ')}` : '')
            });
        }
    }
    return [...grouped.values()]
        .sort((a, b) => compareText(a.key, b.key))
        .map((g) => ({ ...g.finding, message: g.message(g.modules) }));
}
/** Canonical text → the text as written, so `192.0.2.7` and `192.0.2.7/32` compare equal but print as given. */
function canonicalMap(texts) {
    const map = new Map();
    for (const text of texts) {
        const parsed = (0,net/* parseCidr */.GN)(text);
        const canonical = parsed.ok ? parsed.entry.canonical : text;
        if (!map.has(canonical))
            map.set(canonical, text);
    }
    return map;
}
function describeOnline(entries) {
    return entries.map((e) => `${e.text} (${e.source})`).join(', ');
}

;// CONCATENATED MODULE: ./src/resolve/online/index.ts








const DEFAULT_TUNING = {
    requestTimeoutMs: 15_000,
    deadlineMs: 120_000,
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    concurrency: 8,
    random: Math.random,
    now: Date.now
};
/**
 * Test seams for runs of the bundled action, where no code can be injected: environment variables shorten the
 * timeouts and backoff. Production leaves them unset.
 */
const TUNING_VARIABLES = {
    requestTimeoutMs: 'DATAWORKS_WHITELIST_GUARD_TIMEOUT_MS',
    deadlineMs: 'DATAWORKS_WHITELIST_GUARD_DEADLINE_MS',
    maxAttempts: 'DATAWORKS_WHITELIST_GUARD_MAX_ATTEMPTS',
    baseDelayMs: 'DATAWORKS_WHITELIST_GUARD_RETRY_BASE_MS',
    maxDelayMs: 'DATAWORKS_WHITELIST_GUARD_RETRY_MAX_MS'
};
function effectiveTuning(env, overrides = {}) {
    const tuning = { ...DEFAULT_TUNING };
    for (const [key, variable] of Object.entries(TUNING_VARIABLES)) {
        const raw = env[variable]?.trim();
        if (!raw)
            continue;
        const value = Number(raw);
        if (Number.isInteger(value) && value > 0)
            tuning[key] = value;
    }
    return { ...tuning, ...overrides };
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function resolveOnline(requests, settings, deps) {
    const tuning = effectiveTuning(deps.env, deps.tuning);
    const failAll = (reason) => ({
        facts: new Map(),
        apiCalls: 0,
        findings: requests.map(({ group }) => {
            const pos = group.id?.pos ?? group.pos;
            return {
                rule: 'unresolved',
                severity: 'error',
                message: `resource group "${group.name}" could not be resolved online: ${reason}`,
                resourceGroup: group.name,
                file: pos.file,
                line: pos.line,
                column: pos.column
            };
        })
    });
    if (requests.length === 0)
        return { facts: new Map(), findings: [], apiCalls: 0 };
    const source = (0,credentials_env/* findCredentialSource */["in"])(settings, deps.env);
    if (source.kind === 'none' || source.kind === 'incomplete')
        return failAll(source.message);
    let credential;
    try {
        // Every setting is checked before the first call: a typo is one clear message, not one per call.
        for (const { group } of requests) {
            endpointFor('dataworks', group.region, settings);
            endpointFor('vpc', group.region, settings);
        }
        const sts = stsHost(settings);
        useProxyEnvironment(deps.env);
        credential = buildCredential(source, sts, tuning.requestTimeoutMs);
        const keys = await fetchKeys(credential, source.origin);
        deps.setSecret?.(keys.accessKeySecret);
        if (keys.securityToken)
            deps.setSecret?.(keys.securityToken);
    }
    catch (error) {
        return failAll(error instanceof Error ? error.message : String(error));
    }
    deps.logger.debug(`online: credentials from ${source.origin}`);
    const policy = {
        maxAttempts: tuning.maxAttempts,
        baseDelayMs: tuning.baseDelayMs,
        maxDelayMs: tuning.maxDelayMs,
        requestTimeoutMs: tuning.requestTimeoutMs
    };
    const api = new ApiClient({
        credential,
        settings,
        limiter: new Limiter(tuning.concurrency),
        policy,
        clock: {
            sleep: deps.sleep ?? realSleep,
            now: tuning.now,
            random: tuning.random,
            deadline: tuning.now() + tuning.deadlineMs
        },
        logger: deps.logger
    });
    const { facts, findings } = await resolveGroups(requests, api, deps.logger);
    deps.logger.debug(`online: ${api.requests} API requests for ${requests.length} resource groups`);
    return { facts, findings, apiCalls: api.requests };
}


/***/ })

};
