export const id = 206;
export const ids = [206];
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

/***/ 8206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveOnline: () => (/* binding */ resolveOnline)
});

// UNUSED EXPORTS: effectiveTuning, findCredentialSource, hasCredentials

// EXTERNAL MODULE: ./src/resolve/online/client.ts
var client = __webpack_require__(1343);
// EXTERNAL MODULE: ./src/cloud/endpoints.ts + 1 modules
var endpoints = __webpack_require__(344);
// EXTERNAL MODULE: ./src/cloud/limiter.ts
var limiter = __webpack_require__(4457);
// EXTERNAL MODULE: ./src/cloud/session.ts + 2 modules
var cloud_session = __webpack_require__(2229);
// EXTERNAL MODULE: ./src/cloud/paging.ts
var paging = __webpack_require__(9141);
// EXTERNAL MODULE: ./src/net/index.ts + 6 modules
var net = __webpack_require__(1047);
// EXTERNAL MODULE: ./src/cloud/errors.ts
var errors = __webpack_require__(1246);
;// CONCATENATED MODULE: ./src/resolve/online/errors.ts
/** Moved to `src/cloud/` (shared by the group resolver and the deployed-whitelist readers); kept for existing imports. */


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
const schemas_paging = { PageNumber: count.optional(), PageSize: count.optional(), TotalCount: count };
const describeVSwitchesResponse = schemas/* object */.Ikc({
    ...schemas_paging,
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
    ...schemas_paging,
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
    ...schemas_paging,
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
            if (error instanceof errors/* ApiCallError */.lF && error.kind === 'credentials')
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
        return this.once(`net:${region}:${id}`, () => (0,paging/* allPages */.S)('ListNetworks', async (page) => {
            const body = await this.call('dataworks', region, 'ListNetworks', { ResourceGroupId: id, PageNumber: page, PageSize: PAGE_SIZE.dataworks }, listNetworksResponse);
            return { items: body.PagingInfo.NetworkList, total: body.PagingInfo.TotalCount };
        }));
    }
    vswitches(region, vpcId) {
        return this.once(`vsw:${region}:${vpcId}`, () => (0,paging/* allPages */.S)('DescribeVSwitches', async (page) => {
            const body = await this.call('vpc', region, 'DescribeVSwitches', { RegionId: region, VpcId: vpcId, PageNumber: page, PageSize: PAGE_SIZE.vpc }, describeVSwitchesResponse);
            return { items: body.VSwitches, total: body.TotalCount };
        }));
    }
    natGateways(region, vpcId) {
        return this.once(`ngw:${region}:${vpcId}`, () => (0,paging/* allPages */.S)('DescribeNatGateways', async (page) => {
            const body = await this.call('vpc', region, 'DescribeNatGateways', { RegionId: region, VpcId: vpcId, PageNumber: page, PageSize: PAGE_SIZE.vpc }, describeNatGatewaysResponse);
            return { items: body.NatGateways, total: body.TotalCount };
        }));
    }
    snatEntries(region, tableId) {
        return this.once(`stb:${region}:${tableId}`, () => (0,paging/* allPages */.S)('DescribeSnatTableEntries', async (page) => {
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

// EXTERNAL MODULE: ./src/cloud/credentials-env.ts
var credentials_env = __webpack_require__(6153);
// EXTERNAL MODULE: ./src/cloud/tuning.ts
var tuning = __webpack_require__(1288);
;// CONCATENATED MODULE: ./src/resolve/online/index.ts







async function resolveOnline(requests, settings, deps) {
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
    const opened = await (0,cloud_session/* openSession */.f)(settings, deps, () => {
        // Every setting is checked before the first call: a typo is one clear message, not one per call.
        for (const { group } of requests) {
            (0,endpoints/* endpointFor */.Lo)('dataworks', group.region, settings);
            (0,endpoints/* endpointFor */.Lo)('vpc', group.region, settings);
        }
    });
    if (!opened.ok)
        return failAll(opened.message);
    const { session } = opened;
    const api = new client/* ApiClient */.O({
        credential: session.credential,
        settings,
        limiter: new limiter/* Limiter */.j(session.tuning.concurrency),
        policy: session.policy,
        clock: session.clock,
        logger: deps.logger
    });
    const { facts, findings } = await resolveGroups(requests, api, deps.logger);
    deps.logger.debug(`online: ${api.requests} API requests for ${requests.length} resource groups`);
    return { facts, findings, apiCalls: api.requests };
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
