export const id = 312;
export const ids = [312];
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

/***/ 7312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SessionError: () => (/* binding */ SessionError),
  openWorkspaceSession: () => (/* binding */ openWorkspaceSession)
});

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
