export const id = 35;
export const ids = [35];
export const modules = {

/***/ 4035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SessionError: () => (/* binding */ SessionError),
  openWorkspaceSession: () => (/* binding */ openWorkspaceSession)
});

// EXTERNAL MODULE: ./src/resolve/online/client.ts
var online_client = __webpack_require__(1343);
// EXTERNAL MODULE: ./src/resolve/online/credentials-env.ts
var credentials_env = __webpack_require__(2130);
// EXTERNAL MODULE: ./src/cloud/credentials.ts
var credentials = __webpack_require__(5319);
;// CONCATENATED MODULE: ./src/resolve/online/credentials.ts
/** Moved to `src/cloud/` (shared by the group resolver and the deployed-whitelist readers); kept for existing imports. */


// EXTERNAL MODULE: ./src/cloud/endpoints.ts + 1 modules
var endpoints = __webpack_require__(344);
;// CONCATENATED MODULE: ./src/resolve/online/endpoints.ts
/** Moved to `src/cloud/` (one endpoint table per API); kept for existing imports. */


// EXTERNAL MODULE: ./src/resolve/online/index.ts + 4 modules
var online = __webpack_require__(8206);
// EXTERNAL MODULE: ./src/cloud/limiter.ts
var limiter = __webpack_require__(4457);
// EXTERNAL MODULE: ./src/cloud/proxy.ts
var proxy = __webpack_require__(7849);
;// CONCATENATED MODULE: ./src/resolve/online/proxy.ts
/** Moved to `src/cloud/` (shared by the group resolver and the deployed-whitelist readers); kept for existing imports. */


// EXTERNAL MODULE: ./node_modules/zod/v4/classic/coerce.js
var coerce = __webpack_require__(9567);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(6921);
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
/** A server that keeps saying "more" must not keep us paging forever: 200 pages of 100 is 20 000 items. */
const MAX_PAGES = 200;
class PagingError extends Error {
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
    throw new PagingError(`${action} still reported more results after ${MAX_PAGES} pages`);
}
/** The workspace calls over the shared client, in one region. */
function workspaceApi(caller, region) {
    return {
        listDataSources: (workspace, env) => allPages('ListDataSources', async (page) => {
            const body = await caller.call('dataworks', region, 'ListDataSources', {
                ProjectId: workspace,
                EnvType: env === 'prod' ? 'Prod' : 'Dev',
                PageNumber: page,
                PageSize: PAGE_SIZE
            }, listDataSourcesResponse);
            return { items: body.PagingInfo.DataSources, total: body.PagingInfo.TotalCount };
        }),
        listResourceGroups: (workspace) => allPages('ListResourceGroups', async (page) => {
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








class SessionError extends Error {
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Opens a session in `region`; a missing credential or a bad endpoint is a `SessionError` with one clear line. */
async function openWorkspaceSession(region, settings, deps) {
    const tuning = (0,online/* effectiveTuning */.RZ)(deps.env, deps.tuning);
    const source = (0,credentials_env/* findCredentialSource */["in"])(settings, deps.env);
    if (source.kind === 'none' || source.kind === 'incomplete')
        throw new SessionError(source.message);
    let client;
    try {
        (0,endpoints/* endpointFor */.Lo)('dataworks', region, settings);
        const sts = (0,endpoints/* stsHost */.HP)(settings);
        (0,proxy/* useProxyEnvironment */.PX)(deps.env);
        const credential = (0,credentials/* buildCredential */.cA)(source, sts, tuning.requestTimeoutMs);
        const keys = await (0,credentials/* fetchKeys */.Hq)(credential, source.origin);
        deps.setSecret?.(keys.accessKeySecret);
        if (keys.securityToken)
            deps.setSecret?.(keys.securityToken);
        client = new online_client/* ApiClient */.O({
            credential,
            settings,
            limiter: new limiter/* Limiter */.j(tuning.concurrency),
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
            },
            logger: deps.logger
        });
    }
    catch (error) {
        throw new SessionError(error instanceof Error ? error.message : String(error));
    }
    deps.logger.debug(`workspace: credentials from ${source.origin}`);
    return {
        api: workspaceApi(client, region),
        apiIn: (other) => workspaceApi(client, other),
        requests: () => client.requests
    };
}


/***/ })

};
