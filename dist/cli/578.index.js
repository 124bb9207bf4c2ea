export const id = 578;
export const ids = [578];
export const modules = {

/***/ 4392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ CloudClient)
});

// UNUSED EXPORTS: describeIssues

// EXTERNAL MODULE: ./node_modules/@alicloud/openapi-core/dist/client.js
var client = __webpack_require__(9764);
var client_default = /*#__PURE__*/__webpack_require__.n(client);
// EXTERNAL MODULE: ./src/cloud/errors.ts
var errors = __webpack_require__(1246);
// EXTERNAL MODULE: ./src/cloud/interop.ts
var interop = __webpack_require__(8588);
// EXTERNAL MODULE: ./src/cloud/endpoints.ts + 1 modules
var endpoints = __webpack_require__(344);
;// CONCATENATED MODULE: ./src/cloud/retry.ts
/** Our own retry loop (the SDK's runtime retry options do nothing): exponential backoff with full jitter. */

function backoffDelay(attempt, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(random() * ceiling);
}
/**
 * Runs `attempt` until it succeeds, fails for a reason a retry cannot fix, runs out of attempts, or would cross
 * the deadline. `attempt` gets the timeout to use, shortened so that no request outlives the deadline.
 */
async function withRetry(action, policy, clock, attempt, onRetry, 
/** The RAM action a 403 names when the answer does not say (default: the group resolver's). */
ramAction) {
    for (let n = 1;; n++) {
        const remaining = clock.deadline - clock.now();
        if (remaining <= 0) {
            throw new errors/* ApiCallError */.lF(`${action}: the overall deadline passed before the call could be made`, 'permanent', action, 'Deadline');
        }
        try {
            return await attempt(Math.min(policy.requestTimeoutMs, remaining));
        }
        catch (raw) {
            const error = (0,errors/* classifySdkError */.dI)(raw, action, ramAction);
            if (error.kind !== 'transient')
                throw error;
            if (n >= policy.maxAttempts) {
                throw new errors/* ApiCallError */.lF(`${error.message} (gave up after ${n} attempts)`, 'permanent', action, error.code);
            }
            // The server knows when its throttle resets; its wait wins over our guess.
            const delay = error.retryAfterMs !== undefined ? error.retryAfterMs : backoffDelay(n, policy, clock.random);
            if (clock.now() + delay >= clock.deadline) {
                throw new errors/* ApiCallError */.lF(`${error.message} (gave up after ${n} attempts: the next retry would pass the overall deadline)`, 'permanent', action, error.code);
            }
            onRetry?.(error, n, delay);
            await clock.sleep(delay);
        }
    }
}

;// CONCATENATED MODULE: ./src/cloud/client.ts
/**
 * The one place that talks to Alibaba Cloud: `@alicloud/openapi-core`'s generic `callApi` (RPC and ROA, signed with
 * ACS3-HMAC-SHA256), wrapped in our retry loop, a concurrency limit per API, and zod validation of what is read.
 */





const OpenApi = (0,interop/* interopDefault */.T)((client_default()));
const { $OpenApiUtil, OpenApiUtil } = client;
/** Calls one action and returns its validated body; every failure is an `ApiCallError`. */
class CloudClient {
    options;
    /** Requests sent, retries included. */
    requests = 0;
    /** Requests sent per `endpoint key:action`, retries included (for the bench and debug logs). */
    requestsByApi = new Map();
    clients = new Map();
    constructor(options) {
        this.options = options;
    }
    async call(spec, region, request, schema) {
        const endpoint = (0,endpoints/* endpointFor */.Lo)(spec.endpoint, region, this.options.settings);
        const client = this.clientFor(endpoint);
        const query = request.query ?? {};
        const params = new $OpenApiUtil.Params({
            action: spec.action,
            version: spec.version,
            protocol: endpoint.protocol,
            pathname: request.pathname ?? '/',
            method: spec.method,
            authType: 'AK',
            style: spec.style,
            reqBodyType: spec.style === 'ROA' ? 'json' : 'formData',
            // Read the body as text and parse it here, so a success body that is not JSON gets a clear message.
            bodyType: 'string'
        });
        const label = `${spec.action} (${describeRequest(request)})`;
        const { policy, clock, logger } = this.options;
        const limiter = this.options.limiterFor(spec.endpoint);
        const counter = `${spec.endpoint}:${spec.action}`;
        const body = await withRetry(spec.action, policy, clock, (timeoutMs) => limiter.run(async () => {
            this.requests++;
            this.requestsByApi.set(counter, (this.requestsByApi.get(counter) ?? 0) + 1);
            const openApiRequest = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
            // The runtime object is read field by field; the timeouts set here override the client's.
            const runtime = { readTimeout: timeoutMs, connectTimeout: timeoutMs };
            const response = await client.callApi(params, openApiRequest, runtime);
            const parsedBody = parseBody(spec.action, response.body);
            const failure = applicationError(spec.action, parsedBody);
            if (failure)
                throw failure;
            return parsedBody;
        }), (error, attempt, delayMs) => logger.debug(`${label}: ${error.message}; retry ${attempt} in ${delayMs} ms`), spec.ramAction);
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
            throw new errors/* ApiCallError */.lF(`${spec.action} returned a response of an unexpected shape: ${describeIssues(parsed.error)}`, 'permanent', spec.action, 'UnexpectedResponse');
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
        throw new errors/* ApiCallError */.lF(`${action}: the response body is not JSON`, 'transient', action, 'MalformedBody');
    }
}
/**
 * A 200 body that reports a failure: `Success: false` with its code in `ErrorCode` (DataWorks) or `Code`, or a
 * non-empty `errorCode` (MaxCompute's ROA bodies).
 */
function applicationError(action, body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return new errors/* ApiCallError */.lF(`${action}: the response body is not a JSON object`, 'permanent', action, 'UnexpectedResponse');
    }
    const record = body;
    const roaCode = stringField(record.errorCode);
    if (record.Success !== false && roaCode === undefined)
        return undefined;
    const code = stringField(record.ErrorCode) ?? stringField(record.Code) ?? roaCode ?? 'unknown';
    const message = stringField(record.ErrorMessage) ?? stringField(record.Message) ?? stringField(record.errorMsg) ?? '';
    const requestId = stringField(record.RequestId) ?? stringField(record.requestId);
    return new errors/* ApiCallError */.lF(`${action} answered ${roaCode === undefined ? 'Success: false with ' : 'with error '}${code}` +
        `${message ? `: ${message}` : ''}${requestId ? ` (request id ${requestId})` : ''}`, (0,errors/* isTransientCode */.gL)(code) ? 'transient' : 'permanent', action, code);
}
function stringField(value) {
    return typeof value === 'string' && value !== ''
        ? value
        : typeof value === 'number' && Number.isFinite(value)
            ? String(value)
            : undefined;
}
function describeRequest(request) {
    const parts = Object.entries(request.query ?? {})
        .filter(([key]) => key !== 'PageSize' && key !== 'RegionId' && key !== 'MaxResults')
        .map(([key, value]) => `${key}=${value}`);
    if (request.pathname && request.pathname !== '/')
        parts.unshift(request.pathname);
    return parts.join(' ');
}
/** `PagingInfo.NetworkList[2].VswitchId: expected string` — the first few problems, one line. */
function describeIssues(error) {
    return error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '') || '(body)'}: ${readable(issue.message)}`)
        .join('; ');
}
/** zod says "received undefined"; a user reads "nothing". */
function readable(message) {
    return message.replace(/\bundefined\b/g, 'nothing').replace(/\bNaN\b/g, 'not a number');
}


/***/ }),

/***/ 8841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NM: () => (/* binding */ ENDPOINT_KEYS),
/* harmony export */   Rf: () => (/* binding */ REGION_PLACEHOLDER)
/* harmony export */ });
/* unused harmony exports PRODUCT_ENDPOINT_KEYS, isEndpointKey */
/* harmony import */ var _products_deployed_apis_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1428);
/**
 * The keys of the `endpoints` input and `--endpoint`: one per product with a deployed-whitelist API, plus the
 * services the group resolver and OIDC use. Kept free of the cloud SDK, so that parsing settings offline loads none.
 */

/** One key per product with a deployed-whitelist API: the product table is the one list of them. */
const PRODUCT_ENDPOINT_KEYS = _products_deployed_apis_js__WEBPACK_IMPORTED_MODULE_0__/* .DEPLOYED_API_PRODUCTS */ .Nu;
const ENDPOINT_KEYS = [...PRODUCT_ENDPOINT_KEYS, 'dataworks', 'vpc', 'sts'];
/** The placeholder an endpoint URL may contain, replaced by the region of each call. */
const REGION_PLACEHOLDER = '{region}';
function isEndpointKey(name) {
    return ENDPOINT_KEYS.includes(name);
}


/***/ }),

/***/ 344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Lo: () => (/* binding */ endpointFor),
  yN: () => (/* binding */ parseEndpointUrl),
  HP: () => (/* binding */ stsHost)
});

// UNUSED EXPORTS: defaultEndpoint

// EXTERNAL MODULE: ./src/cloud/endpoint-keys.ts
var endpoint_keys = __webpack_require__(8841);
;// CONCATENATED MODULE: ./src/cloud/endpoint-table.ts
const PRODUCT_ENDPOINT_TABLES = {
    rds: {
        regionalHost: 'rds',
        hosts: {
            'rds.aliyuncs.com': [
                'ap-northeast-2-pop',
                'ap-southeast-1',
                'cn-beijing',
                'cn-beijing-finance-1',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-heyuan',
                'cn-hongkong',
                'cn-hongkong-finance-pop',
                'cn-north-2-gov-1',
                'cn-qingdao',
                'cn-qingdao-nebula',
                'cn-shanghai',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-finance-1',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen',
                'cn-shenzhen-finance-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-yushanfang',
                'cn-zhangbei',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'eu-west-1-oxs',
                'rus-west-1-pop',
                'us-east-1',
                'us-west-1'
            ],
            'rds-vpc.cn-hangzhou-finance.aliyuncs.com': ['cn-hangzhou-finance']
        }
    },
    polardb: {
        regionalHost: 'polardb',
        hosts: {
            'polardb.aliyuncs.com': [
                'ap-northeast-2-pop',
                'cn-beijing',
                'cn-beijing-finance-1',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-finance',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-heyuan',
                'cn-hongkong-finance-pop',
                'cn-huhehaote-nebula-1',
                'cn-qingdao',
                'cn-qingdao-nebula',
                'cn-shanghai',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-wulanchabu',
                'cn-yushanfang',
                'cn-zhangbei',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'eu-west-1-oxs',
                'rus-west-1-pop'
            ]
        }
    },
    redis: {
        regionalHost: 'r-kvstore',
        hosts: {
            'r-kvstore.aliyuncs.com': [
                'ap-northeast-2-pop',
                'cn-beijing',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-finance',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-heyuan',
                'cn-hongkong-finance-pop',
                'cn-qingdao',
                'cn-qingdao-nebula',
                'cn-shanghai',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-wulanchabu',
                'cn-yushanfang',
                'cn-zhangbei',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'eu-west-1-oxs',
                'rus-west-1-pop'
            ]
        }
    },
    mongodb: {
        regionalHost: 'mongodb',
        hosts: {
            'mongodb.aliyuncs.com': [
                'ap-northeast-2-pop',
                'cn-beijing',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-finance',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-heyuan',
                'cn-hongkong-finance-pop',
                'cn-huhehaote-nebula-1',
                'cn-qingdao-nebula',
                'cn-shanghai',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-wulanchabu',
                'cn-yushanfang',
                'cn-zhangbei',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'eu-west-1-oxs',
                'rus-west-1-pop'
            ]
        }
    },
    'adb-mysql': {
        regionalHost: 'adb',
        hosts: {
            'adb.aliyuncs.com': [
                'ap-southeast-1',
                'cn-beijing',
                'cn-beijing-finance-1',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-finance',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-hongkong',
                'cn-hongkong-finance-pop',
                'cn-north-2-gov-1',
                'cn-qingdao',
                'cn-qingdao-nebula',
                'cn-shanghai',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-finance-1',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen',
                'cn-shenzhen-finance-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-yushanfang',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'us-east-1',
                'us-west-1'
            ],
            'adb.ap-northeast-1.aliyuncs.com': ['ap-northeast-2-pop', 'eu-west-1-oxs', 'me-east-1', 'rus-west-1-pop']
        }
    },
    'adb-pg': {
        regionalHost: 'gpdb',
        hosts: {
            'gpdb.aliyuncs.com': [
                'ap-northeast-2-pop',
                'ap-south-1',
                'ap-southeast-2',
                'cn-beijing-finance-1',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-finance',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-hongkong-finance-pop',
                'cn-huhehaote-nebula-1',
                'cn-qingdao-nebula',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-yushanfang',
                'cn-zhangbei',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'eu-west-1-oxs',
                'rus-west-1-pop'
            ]
        }
    },
    clickhouse: {
        regionalHost: 'clickhouse',
        hosts: {
            'clickhouse.aliyuncs.com': [
                'ap-northeast-2-pop',
                'ap-southeast-1',
                'ap-southeast-3',
                'cn-beijing',
                'cn-beijing-finance-1',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-finance',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-hongkong',
                'cn-hongkong-finance-pop',
                'cn-north-2-gov-1',
                'cn-qingdao',
                'cn-qingdao-nebula',
                'cn-shanghai',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-finance-1',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen',
                'cn-shenzhen-finance-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-yushanfang',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'eu-west-1-oxs',
                'me-east-1',
                'rus-west-1-pop',
                'us-east-1',
                'us-west-1'
            ]
        }
    },
    elasticsearch: {
        regionalHost: 'elasticsearch',
        hosts: {}
    },
    lindorm: {
        regionalHost: 'hitsdb',
        hosts: {}
    },
    'ecs-security-group': {
        regionalHost: 'ecs',
        hosts: {
            'ecs-cn-hangzhou.aliyuncs.com': [
                'cn-beijing-nu16-b01',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-finance-1',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen-finance-1',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-zhangbei-na61-b01'
            ],
            'ecs.aliyuncs.com': [
                'ap-northeast-2-pop',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-hangzhou-finance',
                'cn-hongkong-finance-pop',
                'cn-north-2-gov-1',
                'cn-shanghai-inner',
                'cn-shenzhen-inner',
                'cn-wuhan',
                'cn-yushanfang',
                'cn-zhangbei',
                'rus-west-1-pop'
            ],
            'ecs.cn-qingdao-nebula.aliyuncs.com': ['cn-edge-1', 'cn-huhehaote-nebula-1', 'cn-zhengzhou-nebula-1'],
            'ecs.cn-zhangjiakou.aliyuncs.com': ['cn-zhangjiakou-na62-a01'],
            'ecs.cn-shenzhen-cloudstone.aliyuncs.com': ['eu-west-1-oxs']
        }
    },
    maxcompute: {
        regionalHost: 'maxcompute',
        hosts: {
            'maxcompute.aliyuncs.com': [
                'ap-northeast-1',
                'ap-northeast-2-pop',
                'ap-south-1',
                'ap-southeast-1',
                'ap-southeast-2',
                'ap-southeast-3',
                'ap-southeast-5',
                'cn-beijing',
                'cn-beijing-finance-1',
                'cn-beijing-finance-pop',
                'cn-beijing-gov-1',
                'cn-beijing-nu16-b01',
                'cn-chengdu',
                'cn-edge-1',
                'cn-fujian',
                'cn-haidian-cm12-c01',
                'cn-hangzhou',
                'cn-hangzhou-bj-b01',
                'cn-hangzhou-finance',
                'cn-hangzhou-internal-prod-1',
                'cn-hangzhou-internal-test-1',
                'cn-hangzhou-internal-test-2',
                'cn-hangzhou-internal-test-3',
                'cn-hangzhou-test-306',
                'cn-hongkong',
                'cn-hongkong-finance-pop',
                'cn-huhehaote',
                'cn-north-2-gov-1',
                'cn-qingdao',
                'cn-qingdao-nebula',
                'cn-shanghai',
                'cn-shanghai-et15-b01',
                'cn-shanghai-et2-b01',
                'cn-shanghai-finance-1',
                'cn-shanghai-inner',
                'cn-shanghai-internal-test-1',
                'cn-shenzhen',
                'cn-shenzhen-finance-1',
                'cn-shenzhen-inner',
                'cn-shenzhen-st4-d01',
                'cn-shenzhen-su18-b01',
                'cn-wuhan',
                'cn-yushanfang',
                'cn-zhangbei-na61-b01',
                'cn-zhangjiakou',
                'cn-zhangjiakou-na62-a01',
                'cn-zhengzhou-nebula-1',
                'eu-central-1',
                'eu-west-1',
                'eu-west-1-oxs',
                'me-east-1',
                'rus-west-1-pop',
                'us-east-1',
                'us-west-1'
            ]
        }
    }
};

;// CONCATENATED MODULE: ./src/cloud/endpoints.ts
/**
 * API endpoints per API and region, and the user's overrides: one URL per endpoint key (product id, `dataworks`,
 * `vpc`, `sts`), whose scheme sets the protocol and which may contain `{region}`.
 */


/** The DataWorks endpoint table is regional except for these regions, which use the central endpoint. */
const DATAWORKS_CENTRAL_REGIONS = new Set(['cn-qingdao', 'cn-huhehaote']);
/** The VPC client's own endpoint map sends these regions to the central endpoint. */
const VPC_CENTRAL_REGIONS = new Set(['cn-hangzhou']);
/** A region goes into a host name: only what region ids are made of, so a config can never steer the host. */
const REGION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
function checkedRegion(region) {
    if (!REGION_ID.test(region) || region.length > 64) {
        throw new Error(`region "${region.slice(0, 64)}" is not a region id (lowercase letters, digits and dashes)`);
    }
    return region;
}
/** Central hosts per product, inverted once: region → host. */
const CENTRAL_HOST = new Map(Object.entries(PRODUCT_ENDPOINT_TABLES).map(([key, table]) => {
    const byRegion = new Map();
    for (const [host, regions] of Object.entries(table.hosts))
        for (const r of regions)
            byRegion.set(r, host);
    return [key, byRegion];
}));
function defaultEndpoint(key, region) {
    const r = checkedRegion(region);
    if (key === 'dataworks') {
        return {
            host: DATAWORKS_CENTRAL_REGIONS.has(r) ? 'dataworks.aliyuncs.com' : `dataworks.${r}.aliyuncs.com`,
            protocol: 'HTTPS'
        };
    }
    if (key === 'vpc') {
        return { host: VPC_CENTRAL_REGIONS.has(r) ? 'vpc.aliyuncs.com' : `vpc.${r}.aliyuncs.com`, protocol: 'HTTPS' };
    }
    const central = CENTRAL_HOST.get(key)?.get(r);
    return { host: central ?? `${PRODUCT_ENDPOINT_TABLES[key].regionalHost}.${r}.aliyuncs.com`, protocol: 'HTTPS' };
}
/**
 * Parses an override URL; only the scheme and `host[:port]` matter (the APIs live at `/`). `{region}` in the host
 * is replaced by `region`; without a region it is checked with a sample region.
 */
function parseEndpointUrl(name, text, region) {
    const substituted = text.split(endpoint_keys/* REGION_PLACEHOLDER */.Rf).join(region === undefined ? 'cn-hangzhou' : checkedRegion(region));
    let url;
    try {
        url = new URL(substituted);
    }
    catch {
        throw new Error(`endpoint ${name}="${text}" is not a URL; expected e.g. ${name}=https://host[:port]`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`endpoint ${name}="${text}": the scheme must be https or http`);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
        throw new Error(`endpoint ${name}="${text}": give only the scheme, host and port (the APIs live at /)`);
    }
    return { host: url.host, protocol: url.protocol === 'http:' ? 'HTTP' : 'HTTPS' };
}
/** Generic so that a literal carrying the rest of the online settings is accepted as it is. */
function endpointFor(key, region, settings) {
    const override = settings.endpoints[key];
    return override ? parseEndpointUrl(key, override, region) : defaultEndpoint(key, region);
}
/** The STS host for OIDC: the credentials library calls STS over HTTPS only, so an http override is refused. */
function stsHost(settings) {
    const override = settings.endpoints.sts;
    if (!override)
        return undefined;
    if (override.includes(endpoint_keys/* REGION_PLACEHOLDER */.Rf)) {
        throw new Error(`endpoint sts="${override}": STS takes no {region} (set ALIBABA_CLOUD_STS_REGION instead)`);
    }
    const endpoint = parseEndpointUrl('sts', override);
    if (endpoint.protocol !== 'HTTPS') {
        throw new Error(`endpoint sts="${override}": STS is called over https only`);
    }
    return endpoint.host;
}


/***/ }),

/***/ 1246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QJ: () => (/* binding */ ramActionOf),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   dI: () => (/* binding */ classifySdkError),
/* harmony export */   gL: () => (/* binding */ isTransientCode),
/* harmony export */   lF: () => (/* binding */ ApiCallError)
/* harmony export */ });
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
/**
 * The group resolver's RAM action of a call (its `Describe*` calls are VPC's, the rest DataWorks'); other APIs
 * name theirs in their `ApiSpec`. Used when a 403 carries no AccessDeniedDetail.
 */
function ramActionOf(action) {
    return `${action.startsWith('Describe') ? 'vpc' : 'dataworks'}:${action}`;
}
function isTransientCode(code) {
    return code !== undefined && (code.startsWith('Throttling') || TRANSIENT_CODES.has(code));
}
function field(value, key) {
    return typeof value === 'object' && value !== null ? value[key] : undefined;
}
function text(value) {
    return typeof value === 'string' && value !== '' && value !== 'undefined' ? value : undefined;
}
/** Classifies an error thrown by `callApi` (or by the credential provider it calls). */
function classifySdkError(error, action, ramAction = ramActionOf(action)) {
    if (error instanceof ApiCallError)
        return error;
    const e = (typeof error === 'object' && error !== null ? error : { message: String(error) });
    const name = text(e.name) ?? 'Error';
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    // DataWorks sometimes answers with ErrorCode/ErrorMessage, which the SDK reports as code "undefined".
    const code = text(field(e.data, 'Code')) ?? text(field(e.data, 'ErrorCode')) ?? text(e.code);
    const serverMessage = text(field(e.data, 'Message')) ?? text(field(e.data, 'ErrorMessage'));
    const requestId = text(e.requestId) ?? text(field(e.data, 'RequestId'));
    const rawMessage = text(e.message) ?? name;
    if (status !== undefined) {
        const described = `${action} failed with HTTP ${status}${code ? ` ${code}` : ''}` +
            `${serverMessage ? `: ${serverMessage}` : ''}${requestId ? ` (request id ${requestId})` : ''}`;
        if (status === 403 && !(code && CREDENTIAL_CODE.test(code))) {
            const authAction = text(field(e.accessDeniedDetail, 'AuthAction')) ?? ramAction;
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
    const transportCode = text(e.code);
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


/***/ }),

/***/ 8588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ interopDefault)
/* harmony export */ });
/**
 * The Alibaba Cloud packages are CommonJS modules that set `exports.default`. Node's ESM loader gives
 * `module.exports` as the default import, while the bundler gives `exports.default`; this accepts both.
 */
function interopDefault(value) {
    return typeof value === 'function' ? value : value.default;
}


/***/ }),

/***/ 4457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
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


/***/ }),

/***/ 2229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ openSession)
});

// UNUSED EXPORTS: realSleep

// EXTERNAL MODULE: ./src/cloud/credentials-env.ts
var credentials_env = __webpack_require__(6153);
// EXTERNAL MODULE: ./node_modules/@alicloud/credentials/dist/src/client.js
var client = __webpack_require__(477);
var client_default = /*#__PURE__*/__webpack_require__.n(client);
// EXTERNAL MODULE: ./src/cloud/errors.ts
var errors = __webpack_require__(1246);
// EXTERNAL MODULE: ./src/cloud/interop.ts
var interop = __webpack_require__(8588);
;// CONCATENATED MODULE: ./src/cloud/credentials.ts
/**
 * Builds the `@alicloud/credentials` credential for the chosen source. The default chain (which would try CLI
 * profiles and the ECS metadata address) is built only when the user opted in; otherwise each source gets its
 * explicit provider, so nothing else is ever contacted.
 */



const Credential = (0,interop/* interopDefault */.T)((client_default()));
const { Config } = client;
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
        const reason = (0,errors/* firstLine */.TM)(error instanceof Error ? error.message : String(error));
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

// EXTERNAL MODULE: ./src/cloud/endpoints.ts + 1 modules
var endpoints = __webpack_require__(344);
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
;// CONCATENATED MODULE: ./src/cloud/proxy.ts
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

// EXTERNAL MODULE: ./src/cloud/tuning.ts
var cloud_tuning = __webpack_require__(1288);
;// CONCATENATED MODULE: ./src/cloud/session.ts





const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Opens a session, or says in one sentence why not (no or incomplete credentials, a bad endpoint, a failing OIDC
 * exchange). `check` validates the caller's own settings first (its endpoints for every region it will call), so
 * a typo is one clear message, not one per call.
 */
async function openSession(settings, deps, check = () => undefined) {
    // `--timeout` / input `timeout` (seconds) replaces the default deadline of every call of the run; a test's own
    // tuning still wins.
    const deadline = settings.timeoutSeconds !== undefined ? { deadlineMs: settings.timeoutSeconds * 1000 } : {};
    const tuning = (0,cloud_tuning/* effectiveTuning */.RZ)(deps.env, { ...deadline, ...deps.tuning });
    const source = (0,credentials_env/* findCredentialSource */["in"])(settings, deps.env);
    if (source.kind === 'none' || source.kind === 'incomplete')
        return { ok: false, message: source.message };
    let credential;
    try {
        check();
        const sts = (0,endpoints/* stsHost */.HP)(settings);
        useProxyEnvironment(deps.env);
        credential = buildCredential(source, sts, tuning.requestTimeoutMs);
        const keys = await fetchKeys(credential, source.origin);
        deps.setSecret?.(keys.accessKeySecret);
        if (keys.securityToken)
            deps.setSecret?.(keys.securityToken);
    }
    catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    deps.logger.debug(`online: credentials from ${source.origin}`);
    return {
        ok: true,
        session: {
            credential,
            tuning,
            policy: {
                maxAttempts: tuning.maxAttempts,
                baseDelayMs: tuning.baseDelayMs,
                maxDelayMs: tuning.maxDelayMs,
                requestTimeoutMs: tuning.requestTimeoutMs
            },
            clock: {
                sleep: deps.sleep ?? realSleep,
                now: tuning.now,
                random: tuning.random,
                deadline: (deps.startedAt ?? tuning.now()) + tuning.deadlineMs
            }
        }
    };
}


/***/ }),

/***/ 1288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RO: () => (/* binding */ concurrencyOf),
/* harmony export */   RZ: () => (/* binding */ effectiveTuning)
/* harmony export */ });
/* unused harmony export DEFAULT_API_CONCURRENCY */
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
 * Requests in flight at once per deployed-whitelist API (each product's API is throttled on its own, per account).
 * 8 stays well under the documented per-API flow-control limits; ECS also serves the group's pages and prefix lists.
 */
const DEFAULT_API_CONCURRENCY = 8;
function concurrencyOf(key, limits) {
    const limit = limits?.[key];
    return limit !== undefined && Number.isInteger(limit) && limit >= 1 ? limit : DEFAULT_API_CONCURRENCY;
}
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


/***/ })

};
