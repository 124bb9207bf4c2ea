export const id = 689;
export const ids = [689];
export const modules = {

/***/ 9141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ allPages)
/* harmony export */ });
/* unused harmony export MAX_PAGES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1246);
/** Every page of a paged DataWorks list, for the group resolver and the workspace reads alike. */

/** A server that keeps reporting more results must not keep us paging forever. */
const MAX_PAGES = 200;
async function allPages(action, fetchPage) {
    const items = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await fetchPage(page);
        items.push(...result.items);
        // The server may cap the page size below what was asked, so count items, not pages.
        if (result.items.length === 0 || items.length >= result.total)
            return items;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiCallError */ .lF(`${action} still reported more results after ${MAX_PAGES} pages`, 'permanent', action, 'Paging');
}


/***/ }),

/***/ 1343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ ApiClient)
/* harmony export */ });
/* unused harmony export resolverApiSpec */
/* harmony import */ var _cloud_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4392);
/* harmony import */ var _cloud_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1246);


const API_VERSION = { dataworks: '2024-05-18', vpc: '2016-04-28' };
/** DataWorks 2024 reads are GET; VPC actions are POST with the parameters in the query string. */
const API_METHOD = { dataworks: 'GET', vpc: 'POST' };
function resolverApiSpec(service, action) {
    return {
        endpoint: service,
        version: API_VERSION[service],
        action,
        style: 'RPC',
        method: API_METHOD[service],
        ramAction: (0,_cloud_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ramActionOf */ .QJ)(action)
    };
}
/** Calls one action and returns its validated body; every failure is an `ApiCallError`. */
class ApiClient {
    cloud;
    constructor(options) {
        const { limiter, ...rest } = options;
        this.cloud = new _cloud_client_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudClient */ .L({ ...rest, limiterFor: () => limiter });
    }
    /** Requests sent, retries included. */
    get requests() {
        return this.cloud.requests;
    }
    call(service, region, action, query, schema, 
    /** Overrides the service's method for an action the SDK sends otherwise (DataWorks writes and tests are POST). */
    method) {
        const spec = resolverApiSpec(service, action);
        return this.cloud.call(method ? { ...spec, method } : spec, region, { query }, schema);
    }
}


/***/ }),

/***/ 689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyConnectivity: () => (/* binding */ verifyConnectivity)
});

// UNUSED EXPORTS: findEnvironment

// EXTERNAL MODULE: ./src/suggest.ts
var suggest = __webpack_require__(2969);
;// CONCATENATED MODULE: ./src/workspace/mapping.ts
/** Products whose deployed whitelist no API returns (contract §9): `instance` on them is an invalid config. */
const NO_DEPLOYED_API = new Set(['hologres', 'polardb-x', 'oss', 'other']);
const instanceId = (props) => props.text('instanceId');
/** The one mapping table: DataWorks `Type` → product and instance key. Types not here are written commented out. */
const DATAWORKS_TYPES = {
    mysql: { product: 'rds', instance: instanceId },
    postgresql: { product: 'rds', instance: instanceId },
    sqlserver: { product: 'rds', instance: instanceId },
    polardb: { product: 'polardb', instance: (p) => p.text('clusterId') },
    polardbx20: { product: 'polardb-x', instance: instanceId },
    analyticdb_for_mysql: { product: 'adb-mysql', instance: instanceId },
    hologres: { product: 'hologres', instance: instanceId },
    maxcompute: { product: 'maxcompute', instance: (p) => p.text('project') },
    odps: { product: 'maxcompute', instance: (p) => p.text('project') },
    clickhouse: { product: 'clickhouse', instance: instanceId },
    // URL mode only: the instance is the first label of the seed server's host (`ld-….lindorm.rds.aliyuncs.com`).
    lindorm: { product: 'lindorm', instance: (p) => p.text('instanceId') ?? lindormInstance(p.text('seedserver')) }
};
/** DataWorks types that name a product whose connection keys are not confirmed: the user maps them by hand. */
const UNCONFIRMED = {
    redis: 'redis',
    mongodb: 'mongodb',
    elasticsearch: 'elasticsearch',
    analyticdb_for_postgresql: 'adb-pg'
};
function lindormInstance(seed) {
    const match = seed === undefined ? null : /^(ld-[a-z0-9]+)(?=[-.])/i.exec(seed.trim());
    return match?.[1];
}
/** At most this much of a connection-properties string is decoded: they are a few hundred bytes. */
const MAX_PROPERTIES_TEXT = (/* unused pure expression or super */ null && (64 * 1024));
/** The connection properties of one environment, read defensively: an object, or a JSON string of one. */
class ConnectionProperties {
    values;
    constructor(raw) {
        this.values = ConnectionProperties.decode(raw);
    }
    static decode(raw) {
        let value = raw;
        if (typeof value === 'string' && value.length <= MAX_PROPERTIES_TEXT) {
            try {
                value = JSON.parse(value);
            }
            catch {
                return {};
            }
        }
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : {};
    }
    /** A property as text: strings as given (trimmed), finite numbers as digits; anything else is absent. */
    text(key) {
        if (!Object.hasOwn(this.values, key))
            return undefined;
        const value = this.values[key];
        if (typeof value === 'string')
            return value.trim() === '' ? undefined : value.trim();
        if (typeof value === 'number' && Number.isFinite(value))
            return String(value);
        return undefined;
    }
}
/** What the config can say about one environment of a DataWorks data source, or why it cannot be checked. */
function mapDataSource(type, mode, rawProperties) {
    const typeKey = type.toLowerCase();
    const mapping = Object.hasOwn(DATAWORKS_TYPES, typeKey) ? DATAWORKS_TYPES[typeKey] : undefined;
    if (!mapping) {
        const guess = Object.hasOwn(UNCONFIRMED, typeKey) ? UNCONFIRMED[typeKey] : undefined;
        return guess
            ? {
                ok: false,
                product: guess,
                reason: `the connection properties of DataWorks type ${type} are not mapped yet; set product ${guess} and its instance by hand`
            }
            : { ok: false, reason: `DataWorks type ${type} maps to no product this tool checks` };
    }
    if (NO_DEPLOYED_API.has(mapping.product)) {
        return {
            ok: false,
            product: mapping.product,
            reason: `no API returns the deployed whitelist of ${mapping.product}; add a whitelist file source instead`
        };
    }
    const props = new ConnectionProperties(rawProperties);
    const instance = mapping.instance(props);
    if (instance === undefined) {
        return {
            ok: false,
            product: mapping.product,
            reason: mode === 'UrlMode'
                ? 'URL mode (host and port) names no instance; add instance or a whitelist file source by hand'
                : 'the connection properties name no instance'
        };
    }
    return {
        ok: true,
        product: mapping.product,
        instance,
        region: props.text('regionId'),
        crossAccount: props.text('crossAccountOwnerId') !== undefined,
        mode: mode ?? 'unknown'
    };
}

// EXTERNAL MODULE: ./src/cloud/session.ts + 2 modules
var cloud_session = __webpack_require__(2229);
// EXTERNAL MODULE: ./src/cloud/endpoints.ts + 1 modules
var endpoints = __webpack_require__(344);
// EXTERNAL MODULE: ./src/resolve/online/client.ts
var online_client = __webpack_require__(1343);
// EXTERNAL MODULE: ./src/cloud/limiter.ts
var limiter = __webpack_require__(4457);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/coerce.js
var coerce = __webpack_require__(9567);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(6921);
// EXTERNAL MODULE: ./src/cloud/paging.ts
var paging = __webpack_require__(9141);
;// CONCATENATED MODULE: ./src/workspace/api.ts
/**
 * The DataWorks 2024-05-18 workspace calls that `init --workspace` and `--verify` make, behind one small interface
 * (so tests and a future client module can supply their own), with zod models of only the fields read.
 * Wire names are the generated SDK models' (note `DefaultVswicthId`, misspelled by ListResourceGroups).
 */


/** Counts arrive as numbers; tolerate numeric strings, which some gateways send. */
const count = coerce/* number */.ai().int().nonnegative();
const optionalText = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()])
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? undefined : String(v)));
/** One environment's copy of a data source. */
const dataSourceEnvironment = schemas/* object */.Ikc({
    Id: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).transform(String),
    EnvType: optionalText,
    ConnectionPropertiesMode: optionalText,
    /** An object in the documented shape; some answers carry it as a JSON string, decoded by `connectionProperties`. */
    ConnectionProperties: schemas/* unknown */.L5J().optional()
});
const listDataSourcesResponse = schemas/* object */.Ikc({
    PagingInfo: schemas/* object */.Ikc({
        TotalCount: count,
        DataSources: schemas/* array */.YOg(schemas/* object */.Ikc({
            Name: schemas/* string */.YjP(),
            Type: schemas/* string */.YjP(),
            DataSource: schemas/* array */.YOg(dataSourceEnvironment)
                .nullish()
                .transform((v) => v ?? [])
        }))
            .nullish()
            .transform((v) => v ?? [])
    })
});
const listResourceGroupsResponse = schemas/* object */.Ikc({
    PagingInfo: schemas/* object */.Ikc({
        TotalCount: count,
        ResourceGroupList: schemas/* array */.YOg(schemas/* object */.Ikc({
            Id: schemas/* string */.YjP(),
            Name: optionalText,
            ResourceGroupType: optionalText,
            Status: optionalText,
            DefaultVpcId: optionalText,
            DefaultVswicthId: optionalText
        }))
            .nullish()
            .transform((v) => v ?? [])
    })
});
const testDataSourceConnectivityResponse = schemas/* object */.Ikc({
    Connectivity: schemas/* object */.Ikc({
        ConnectState: schemas/* string */.YjP(),
        ConnectMessage: optionalText,
        DetailLogs: schemas/* array */.YOg(schemas/* object */.Ikc({
            Code: optionalText,
            Message: optionalText
        }))
            .nullish()
            .transform((v) => v ?? [])
    })
});
/** Every resource group type ListResourceGroups knows; without the filter it returns only serverless groups. */
const RESOURCE_GROUP_TYPES = [
    'CommonV2',
    'ExclusiveDataIntegration',
    'ExclusiveDataService',
    'ExclusiveScheduler'
];
const PAGE_SIZE = 100;
/** The workspace calls over the shared client, in one region. */
function workspaceApi(caller, region) {
    return {
        listDataSources: (workspace, env) => (0,paging/* allPages */.S)('ListDataSources', async (page) => {
            const body = await caller.call('dataworks', region, 'ListDataSources', {
                ProjectId: workspace,
                EnvType: env === 'prod' ? 'Prod' : 'Dev',
                PageNumber: page,
                PageSize: PAGE_SIZE
            }, listDataSourcesResponse);
            return { items: body.PagingInfo.DataSources, total: body.PagingInfo.TotalCount };
        }),
        listResourceGroups: (workspace) => (0,paging/* allPages */.S)('ListResourceGroups', async (page) => {
            const body = await caller.call('dataworks', region, 'ListResourceGroups', {
                ProjectId: workspace,
                ResourceGroupTypes: JSON.stringify(RESOURCE_GROUP_TYPES),
                PageNumber: page,
                PageSize: PAGE_SIZE
            }, listResourceGroupsResponse);
            return { items: body.PagingInfo.ResourceGroupList, total: body.PagingInfo.TotalCount };
        }),
        testConnectivity: async (workspace, dataSourceId, resourceGroupId) => {
            const body = await caller.call('dataworks', region, 'TestDataSourceConnectivity', { ProjectId: workspace, DataSourceId: dataSourceId, ResourceGroupId: resourceGroupId }, testDataSourceConnectivityResponse, 'POST');
            return body.Connectivity;
        }
    };
}

;// CONCATENATED MODULE: ./src/workspace/session.ts
/**
 * An authenticated DataWorks client for `init --workspace` and `--verify`, built from the shared online client
 * (credentials, retries, concurrency limit, deadline) exactly as the resolver builds it. Loaded with a dynamic
 * import only by online runs, so offline runs never load the cloud SDK.
 */





class SessionError extends Error {
}
/** Opens a session in `region`; a missing credential or a bad endpoint is a `SessionError` with one clear line. */
async function openWorkspaceSession(region, settings, deps) {
    // The shared session: credentials (masked), proxy, retries, the run's deadline (`--timeout` included).
    const opened = await (0,cloud_session/* openSession */.f)(settings, deps, () => (0,endpoints/* endpointFor */.Lo)('dataworks', region, settings));
    if (!opened.ok)
        throw new SessionError(opened.message);
    const { session } = opened;
    const client = new online_client/* ApiClient */.O({
        credential: session.credential,
        settings,
        limiter: new limiter/* Limiter */.j(session.tuning.concurrency),
        policy: session.policy,
        clock: session.clock,
        logger: deps.logger
    });
    return {
        api: workspaceApi(client, region),
        apiIn: (other) => workspaceApi(client, other),
        requests: () => client.requests
    };
}

// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
;// CONCATENATED MODULE: ./src/verify/verdict.ts


/**
 * For each data source with a `dataworks` key (config order), each serverless group with an `id` that some access
 * entry of it names (config order of the groups): only these can be tested, as only they have a DataWorks id.
 */
function verificationPairs(config) {
    const pairs = [];
    for (const ds of config.dataSources) {
        if (!ds.dataworks)
            continue;
        const named = new Set(ds.access.flatMap((a) => (a.resourceGroups ?? []).map((r) => r.value)));
        for (const group of config.resourceGroups) {
            if (group.type !== 'serverless' || group.id === undefined || !named.has(group.name))
                continue;
            pairs.push({
                dataSource: ds,
                group: group
            });
        }
    }
    return pairs;
}
const declaredCoverage = (required) => required.covered;
const UNKNOWN_RULES = ['unresolved', 'internal-error', 'invalid-whitelist'];
/**
 * The check's verdict for a pair: a gap when a required block that reaches the data source through this group is
 * not covered (a waived gap is still a gap in the network: a waiver accepts it, DataWorks still cannot connect
 * through it), or when the group has no public egress for a public source; unknown when coverage or the group's
 * addresses are unknown, or nothing was required through the group; otherwise no gap.
 */
function pairVerdict(check, dataSource, group, coverageOf = declaredCoverage) {
    const blocks = check.required.filter((r) => r.dataSource === dataSource && r.via.some((v) => v.resourceGroup === group));
    const missing = blocks.filter((r) => coverageOf(r) === false).map((r) => r.entry);
    const pairFindings = check.findings.filter((f) => f.dataSource === dataSource && (f.resourceGroup === group || f.resourceGroup === undefined));
    const noPublicEgress = pairFindings.some((f) => f.rule === 'no-public-egress' && f.resourceGroup === group);
    if (missing.length > 0 || noPublicEgress)
        return { kind: 'gap', blocks: missing, noPublicEgress };
    const unknown = blocks.length === 0 ||
        blocks.some((r) => coverageOf(r) === null) ||
        pairFindings.some((f) => UNKNOWN_RULES.includes(f.rule));
    return unknown ? { kind: 'unknown' } : { kind: 'no-gap' };
}
/** Longest text taken from an API answer into a message; the API's own texts are a sentence or two. */
const MAX_API_TEXT = 500;
const MAX_STATE = 64;
/** Blocks named in a message; the `missing-entry` findings list them all. */
const BLOCKS_NAMED = 3;
/** API text on one line, bounded: it goes into findings, annotations and tables. */
function apiText(value, max = MAX_API_TEXT) {
    return (0,report_escape/* truncate */.xv)((value ?? '').replace(/\s+/g, ' ').trim(), max);
}
/** How a data source is named in messages: its config name and the DataWorks data source it stands for. */
function describeTarget(pair) {
    const ref = pair.dataSource.dataworks;
    return `"${pair.dataSource.name}" (DataWorks data source "${apiText(ref.name, 100)}" of workspace ${apiText(ref.workspace, 40)}, ${ref.env})`;
}
function describeGroup(pair) {
    return `resource group "${pair.group.name}" (${apiText(pair.group.id.value, 100)})`;
}
/** The step that failed: the last of `DetailLogs`, where DataWorks stopped. */
function failedStep(answer) {
    const last = answer.DetailLogs.at(-1);
    if (!last)
        return undefined;
    const name = apiText(last.Message, 200);
    const code = apiText(last.Code, 100);
    if (name && code)
        return `${name} (${code})`;
    return name || code || undefined;
}
function namedBlocks(blocks) {
    const shown = blocks.slice(0, BLOCKS_NAMED).join(', ');
    return blocks.length > BLOCKS_NAMED ? `${shown} and ${blocks.length - BLOCKS_NAMED} more` : shown;
}
function describeGap(verdict) {
    const parts = [];
    if (verdict.blocks.length > 0)
        parts.push(`the whitelist does not allow ${namedBlocks(verdict.blocks)}`);
    if (verdict.noPublicEgress)
        parts.push('the group has no public egress to reach this public source');
    return parts.join(', and ');
}
function checkFoundGap(verdict) {
    return verdict.kind === 'gap' ? true : verdict.kind === 'no-gap' ? false : null;
}
function at(pair) {
    const pos = pair.dataSource.dataworks.pos;
    return { dataSource: pair.dataSource.name, file: pos.file, line: pos.line, column: pos.column };
}
/** The report row and the finding (if any) for a pair DataWorks tested. */
function judgeAnswer(pair, verdict, answer) {
    const state = apiText(answer.ConnectState, MAX_STATE);
    const said = apiText(answer.ConnectMessage);
    const step = state === 'Connectable' ? undefined : failedStep(answer);
    const row = {
        dataSource: pair.dataSource.name,
        resourceGroup: pair.group.name,
        resourceGroupId: pair.group.id.value,
        state,
        message: said,
        ...(step !== undefined ? { failedStep: step } : {}),
        checkFoundGap: checkFoundGap(verdict)
    };
    const where = { ...at(pair), resourceGroup: pair.group.name };
    const subject = `${describeTarget(pair)} from ${describeGroup(pair)}`;
    if (state === 'Connectable') {
        if (verdict.kind !== 'gap')
            return { row };
        return {
            row,
            finding: {
                rule: 'connectivity-disagrees',
                severity: 'notice',
                message: `DataWorks connects to ${subject}, although ${describeGap(verdict)}: the deployed whitelist may allow ` +
                    "more than the code (changed outside code), or the group's addresses in the config are not the ones it " +
                    'connects from (compare them with --resolve online)',
                ...where
            }
        };
    }
    if (state === 'Unreachable' || state === 'ConfigError') {
        const what = state === 'Unreachable'
            ? `DataWorks cannot connect to ${subject} (Unreachable)`
            : `DataWorks reaches ${subject} but cannot use it (ConfigError)`;
        const detail = [said ? `: ${said}` : '', step ? `; failed step: ${step}` : ''].join('');
        const cause = verdict.kind === 'no-gap'
            ? ". The check found no whitelist gap for this pair, so the whitelist is not the cause: look at the security group, the route from the group's vSwitch, and the data source's address and credentials"
            : verdict.kind === 'gap'
                ? `. The check found a gap for this pair (${describeGap(verdict)}): fix the missing entries first`
                : '. Whether the whitelist allows this group is unknown (see the findings that made the check incomplete)';
        return { row, finding: { rule: 'unreachable', severity: 'error', message: `${what}${detail}${cause}`, ...where } };
    }
    if (state === 'Unsupport')
        return { row };
    return {
        row,
        finding: {
            rule: 'verify-failed',
            severity: 'warning',
            message: `DataWorks answered the connectivity test of ${subject} with an unknown state "${state}" (expected one of ${model/* CONNECT_STATES */.CK.join(', ')}): nothing was verified`,
            ...where
        }
    };
}
/** The report row and the finding for a pair whose test could not be run. */
function notTested(pair, verdict, reason) {
    return {
        row: {
            dataSource: pair.dataSource.name,
            resourceGroup: pair.group.name,
            resourceGroupId: pair.group.id.value,
            state: null,
            message: apiText(reason, 1_000),
            checkFoundGap: checkFoundGap(verdict)
        },
        finding: {
            rule: 'verify-failed',
            severity: 'warning',
            message: `the connectivity test of ${describeTarget(pair)} from ${describeGroup(pair)} could not be run: ${apiText(reason, 1_000)}`,
            ...at(pair),
            resourceGroup: pair.group.name
        }
    };
}
/**
 * The report rows and one finding when nothing could be tested for a data source (its DataWorks data source could
 * not be found or listed, or no session could be opened): one cause, one warning, a row per pair.
 */
function dataSourceNotTested(pairs, verdictOf, reason) {
    const first = pairs[0];
    if (!first)
        return undefined;
    const rows = pairs.map((pair) => notTested(pair, verdictOf(pair), reason).row);
    const groups = pairs.map((p) => `"${p.group.name}"`).join(', ');
    return {
        rows,
        finding: {
            rule: 'verify-failed',
            severity: 'warning',
            message: `the connectivity test of ${describeTarget(first)} could not be run (resource groups ${groups}): ${apiText(reason, 1_000)}`,
            ...at(first)
        }
    };
}

;// CONCATENATED MODULE: ./src/verify/index.ts




/**
 * A connectivity test takes seconds (DataWorks connects from the group, then logs in): its per-request timeout is
 * longer than a read's, unless the timeout is set for the run (the test seam's variable).
 */
const CONNECTIVITY_REQUEST_TIMEOUT_MS = 60_000;
const TIMEOUT_VARIABLE = 'DATAWORKS_WHITELIST_GUARD_TIMEOUT_MS';
async function verifyConnectivity(config, check, settings, deps, coverageOf = declaredCoverage) {
    const pairs = verificationPairs(config);
    for (const ds of config.dataSources) {
        if (ds.dataworks && !pairs.some((p) => p.dataSource === ds)) {
            deps.logger.debug(`verify: "${ds.name}" is reached by no serverless resource group with an id: nothing to test`);
        }
    }
    if (pairs.length === 0)
        return { connectivity: [], findings: [], apiCalls: 0 };
    const verdicts = new Map(pairs.map((p) => [p, pairVerdict(check, p.dataSource.name, p.group.name, coverageOf)]));
    const verdictOf = (pair) => verdicts.get(pair) ?? { kind: 'unknown' };
    const byDataSource = groupByDataSource(pairs);
    let session;
    try {
        session = await openWorkspaceSession(pairs[0].group.region, settings, {
            logger: deps.logger,
            env: deps.env,
            sleep: deps.sleep,
            setSecret: deps.setSecret,
            startedAt: deps.startedAt,
            tuning: {
                ...(deps.env[TIMEOUT_VARIABLE] ? {} : { requestTimeoutMs: CONNECTIVITY_REQUEST_TIMEOUT_MS }),
                ...deps.tuning
            }
        });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const out = collect();
        for (const group of byDataSource)
            out.addNotTested(dataSourceNotTested(group, verdictOf, reason));
        return { ...out.result(), apiCalls: 0 };
    }
    const lookups = new DataSourceLookups(session);
    const tests = new Map();
    const outcomes = await Promise.all(byDataSource.map(async (group) => {
        const first = group[0];
        const ref = first.dataSource.dataworks;
        const found = await lookups.find(first.group.region, ref, first.dataSource.product);
        if ('problem' in found)
            return { group, problem: found.problem };
        const answers = await Promise.all(group.map(async (pair) => {
            const key = JSON.stringify([pair.group.region, ref.workspace, found.id, pair.group.id.value]);
            let test = tests.get(key);
            if (!test) {
                test = session.apiIn(pair.group.region).testConnectivity(ref.workspace, found.id, pair.group.id.value);
                tests.set(key, test);
            }
            try {
                return { pair, answer: await test };
            }
            catch (error) {
                return { pair, problem: error instanceof Error ? error.message : String(error) };
            }
        }));
        return { group, answers };
    }));
    const out = collect();
    for (const outcome of outcomes) {
        if ('problem' in outcome) {
            out.addNotTested(dataSourceNotTested(outcome.group, verdictOf, outcome.problem));
            continue;
        }
        for (const result of outcome.answers) {
            const judged = 'answer' in result
                ? judgeAnswer(result.pair, verdictOf(result.pair), result.answer)
                : notTested(result.pair, verdictOf(result.pair), result.problem);
            out.add(judged.row, judged.finding);
        }
    }
    deps.logger.debug(`verify: ${session.requests()} API requests for ${pairs.length} connectivity tests`);
    return { ...out.result(), apiCalls: session.requests() };
}
/** Pairs of one data source together, in the pairs' order. */
function groupByDataSource(pairs) {
    const groups = new Map();
    for (const pair of pairs) {
        const list = groups.get(pair.dataSource.name) ?? [];
        list.push(pair);
        groups.set(pair.dataSource.name, list);
    }
    return [...groups.values()];
}
function collect() {
    const connectivity = [];
    const findings = [];
    return {
        add(row, finding) {
            connectivity.push(row);
            if (finding)
                findings.push(finding);
        },
        addNotTested(result) {
            if (!result)
                return;
            connectivity.push(...result.rows);
            findings.push(result.finding);
        },
        result: () => ({ connectivity, findings })
    };
}
/** Each workspace and environment is listed once per run (all pages), however many data sources name it. */
class DataSourceLookups {
    session;
    listings = new Map();
    constructor(session) {
        this.session = session;
    }
    async find(region, ref, product) {
        const key = JSON.stringify([region, ref.workspace, ref.env]);
        let listing = this.listings.get(key);
        if (!listing) {
            listing = this.session.apiIn(region).listDataSources(ref.workspace, ref.env);
            this.listings.set(key, listing);
        }
        let list;
        try {
            list = await listing;
        }
        catch (error) {
            return { problem: error instanceof Error ? error.message : String(error) };
        }
        return findEnvironment(list, ref, product);
    }
}
const ENV_TYPE = { prod: 'prod', dev: 'dev' };
/**
 * The environment's own data source id for `dataworks.name`. Names are matched exactly; when two data sources of
 * different types share the name, the one whose type maps to the config's product is meant.
 */
function findEnvironment(list, ref, product) {
    const where = `workspace ${apiText(ref.workspace, 40)} (${ref.env})`;
    let named = list.filter((d) => d.Name === ref.name);
    if (named.length === 0) {
        const suggestions = (0,suggest/* closestNames */.g9)(ref.name, list.map((d) => d.Name)).slice(0, 3);
        const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${apiText(s, 100)}"`).join(' or ')}?` : '';
        return {
            problem: `dataworks.name "${apiText(ref.name, 100)}" names no data source of ${where} (${list.length} listed)${hint}`
        };
    }
    if (named.length > 1) {
        const ofProduct = named.filter((d) => DATAWORKS_TYPES[d.Type.toLowerCase()]?.product === product);
        if (ofProduct.length === 1)
            named = ofProduct;
        else {
            const types = named.map((d) => apiText(d.Type, 40)).join(', ');
            return {
                problem: `dataworks.name "${apiText(ref.name, 100)}" names ${named.length} data sources of ${where} (types ${types}), and the product ${product} does not tell which`
            };
        }
    }
    const environments = named[0].DataSource;
    const own = environments.filter((e) => e.EnvType?.toLowerCase() === ENV_TYPE[ref.env]);
    // The list was asked for one environment; an answer that does not say which is taken when it is the only one.
    const chosen = own.length > 0 ? own : environments.length === 1 && environments[0].EnvType === undefined ? environments : [];
    if (chosen.length !== 1) {
        return {
            problem: chosen.length === 0
                ? `data source "${apiText(ref.name, 100)}" of ${where} has no ${ref.env} environment`
                : `data source "${apiText(ref.name, 100)}" of ${where} lists ${chosen.length} ${ref.env} environments`
        };
    }
    return { id: chosen[0].Id };
}


/***/ }),

/***/ 9567:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ai: () => (/* binding */ number)
/* harmony export */ });
/* unused harmony exports string, boolean, bigint, date */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6921);


function string(params) {
    return core._coercedString(schemas.ZodString, params);
}
function number(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._coercedNumber */ .qG(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodNumber */ .rSt, params);
}
function boolean(params) {
    return core._coercedBoolean(schemas.ZodBoolean, params);
}
function bigint(params) {
    return core._coercedBigint(schemas.ZodBigInt, params);
}
function date(params) {
    return core._coercedDate(schemas.ZodDate, params);
}


/***/ })

};
