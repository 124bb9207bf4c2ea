export const id = 38;
export const ids = [38];
export const modules = {

/***/ 3038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDeployedReader: () => (/* binding */ createDeployedReader)
});

// UNUSED EXPORTS: ramActionsOf

// EXTERNAL MODULE: ./src/cloud/client.ts + 1 modules
var client = __webpack_require__(4392);
// EXTERNAL MODULE: ./src/cloud/errors.ts
var errors = __webpack_require__(1246);
// EXTERNAL MODULE: ./src/cloud/endpoint-keys.ts
var endpoint_keys = __webpack_require__(8841);
// EXTERNAL MODULE: ./src/cloud/endpoints.ts + 1 modules
var endpoints = __webpack_require__(344);
// EXTERNAL MODULE: ./src/cloud/limiter.ts
var cloud_limiter = __webpack_require__(4457);
// EXTERNAL MODULE: ./src/cloud/session.ts + 2 modules
var session = __webpack_require__(2229);
// EXTERNAL MODULE: ./src/cloud/tuning.ts
var tuning = __webpack_require__(1288);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(6921);
// EXTERNAL MODULE: ./src/products/index.ts + 1 modules
var products = __webpack_require__(9605);
;// CONCATENATED MODULE: ./src/whitelists/deployed/common.ts
/**
 * What every deployed-whitelist reader shares: how an API is described, how its answer becomes a
 * `DeployedWhitelist`, and the tolerant zod pieces (absent lists are empty, comma strings are split).
 * Pure: no I/O here, and no cloud SDK (only its types), so the readers can be tested on plain bodies.
 */


const BOTH_NETWORKS = ['private', 'public'];
/** A deployed whitelist larger than this is not something any product allows: refuse it rather than churn on it. */
const MAX_DEPLOYED_ENTRIES = 20_000;
/** Text that may be absent or null (absent and empty mean the same). */
const optionalText = schemas/* string */.YjP()
    .nullish()
    .transform((v) => v ?? '');
/** A list that may be absent or null: then it is empty. */
function list(item) {
    return schemas/* array */.YOg(item)
        .nullish()
        .transform((v) => v ?? []);
}
/** `"192.0.2.1, 192.0.2.0/24,,"` → the entries, trimmed, empties dropped. Some products separate with blanks too. */
function splitEntries(text) {
    return text
        .split(/[,\s]+/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
}
function isHiddenAttribute(attribute) {
    return (attribute ?? '').trim().toLowerCase() === 'hidden';
}
/** Builds the whitelist, refusing one whose size no product allows (a broken or hostile answer). */
function whitelistOf(request, groups, extra = {}) {
    const total = groups.reduce((n, g) => n + g.entries.length, 0);
    if (total > MAX_DEPLOYED_ENTRIES) {
        return {
            ok: false,
            message: `the deployed whitelist holds ${total} entries, more than the ${MAX_DEPLOYED_ENTRIES} any product allows`
        };
    }
    return {
        ok: true,
        whitelist: {
            product: request.product,
            instance: request.instance,
            region: request.region,
            groups,
            disabledNetworks: extra.disabledNetworks ?? [],
            emptyAllowsAll: extra.emptyAllowsAll ?? emptyMeansAllowAll(request.product)
        }
    };
}
function emptyMeansAllowAll(product) {
    return (0,products/* productProfile */.T9)(product).emptyMeansAllowAll;
}
/** A group name as shown in findings: never empty. */
function groupName(name, fallback) {
    const trimmed = name.trim();
    return trimmed === '' ? fallback : trimmed;
}
/** The usual RPC request: the instance id under the API's parameter name, and the region. */
function rpcRequest(idParameter, withRegion = false) {
    return (request) => ({
        query: { [idParameter]: request.instance, ...(withRegion ? { RegionId: request.region } : {}) }
    });
}
/** An RPC spec of a deployed-whitelist API, with the RAM action `<ramService>:<action>`. */
function rpcSpec(endpoint, ramService, version, action) {
    return { endpoint, version, action, style: 'RPC', method: 'POST', ramAction: `${ramService}:${action}` };
}
/** Groups that admit both networks (the product does not tell networks apart); `hidden` from the attribute. */
function plainGroups(items, hiddenNames = []) {
    return items.map((item, i) => {
        const name = groupName(item.name, `group ${i + 1}`);
        return {
            name,
            hidden: isHiddenAttribute(item.attribute) || hiddenNames.includes(name),
            networks: BOTH_NETWORKS,
            entries: splitEntries(item.entries)
        };
    });
}

;// CONCATENATED MODULE: ./src/whitelists/deployed/adb-mysql.ts
/**
 * AnalyticDB for MySQL: `Items.IPArray[]` (`DBClusterIPArrayName`, comma string `SecurityIPList`,
 * `DBClusterIPArrayAttribute`). Warehouse edition (default): adb 2019-03-15 `DescribeDBClusterAccessWhiteList`;
 * lakehouse edition: adb 2021-12-01 `DescribeClusterAccessWhiteList`. Same shape, same endpoints.
 */


const ipArraySchema = schemas/* object */.Ikc({
    Items: schemas/* object */.Ikc({
        IPArray: list(schemas/* object */.Ikc({
            DBClusterIPArrayName: optionalText,
            DBClusterIPArrayAttribute: optionalText,
            SecurityIPList: optionalText
        }))
    })
});
function ipArrayGroups(items) {
    return plainGroups((items?.IPArray ?? []).map((g) => ({
        name: g.DBClusterIPArrayName,
        attribute: g.DBClusterIPArrayAttribute,
        entries: g.SecurityIPList
    })));
}
const adbMysqlWarehouseApi = {
    spec: rpcSpec('adb-mysql', 'adb', '2019-03-15', 'DescribeDBClusterAccessWhiteList'),
    request: rpcRequest('DBClusterId'),
    schema: ipArraySchema,
    read: (body, request) => whitelistOf(request, ipArrayGroups(body.Items))
};
const adbMysqlLakehouseApi = {
    spec: rpcSpec('adb-mysql', 'adb', '2021-12-01', 'DescribeClusterAccessWhiteList'),
    request: rpcRequest('DBClusterId', true),
    schema: ipArraySchema,
    read: (body, request) => whitelistOf(request, ipArrayGroups(body.Items))
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/adb-pg.ts
/**
 * AnalyticDB for PostgreSQL: gpdb 2016-05-03 `DescribeDBInstanceIPArrayList` → `Items.DBInstanceIPArray[]`
 * (`DBInstanceIPArrayName`, comma string `SecurityIPList`, `DBInstanceIPArrayAttribute`). Asked without a group
 * name, which returns every group (as the Terraform provider does).
 */


const schema = schemas/* object */.Ikc({
    Items: schemas/* object */.Ikc({
        DBInstanceIPArray: list(schemas/* object */.Ikc({
            DBInstanceIPArrayName: optionalText,
            DBInstanceIPArrayAttribute: optionalText,
            SecurityIPList: optionalText
        }))
    })
});
const adbPgApi = {
    spec: rpcSpec('adb-pg', 'gpdb', '2016-05-03', 'DescribeDBInstanceIPArrayList'),
    request: rpcRequest('DBInstanceId'),
    schema,
    read: (body, request) => whitelistOf(request, plainGroups((body.Items?.DBInstanceIPArray ?? []).map((g) => ({
        name: g.DBInstanceIPArrayName,
        attribute: g.DBInstanceIPArrayAttribute,
        entries: g.SecurityIPList
    }))))
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/clickhouse.ts
/**
 * ClickHouse. Community edition (default): clickhouse 2019-11-11 `DescribeDBClusterAccessWhiteList` →
 * `DBClusterAccessWhiteList.IPArray[]` (not under `Items`). Enterprise edition: clickhouse 2023-05-22
 * `DescribeSecurityIPList` (`DBInstanceId`, `RegionId`) → `Data.GroupItems[]` (`GroupName`, `SecurityIPList`,
 * `WhitelistNetType`, `GroupTag`).
 */



const communitySchema = schemas/* object */.Ikc({ DBClusterAccessWhiteList: ipArraySchema.shape.Items });
const clickhouseCommunityApi = {
    spec: rpcSpec('clickhouse', 'clickhouse', '2019-11-11', 'DescribeDBClusterAccessWhiteList'),
    request: rpcRequest('DBClusterId'),
    schema: communitySchema,
    read: (body, request) => whitelistOf(request, ipArrayGroups(body.DBClusterAccessWhiteList))
};
const enterpriseSchema = schemas/* object */.Ikc({
    Data: schemas/* object */.Ikc({
        GroupItems: list(schemas/* object */.Ikc({ GroupName: optionalText, GroupTag: optionalText, SecurityIPList: optionalText }))
    })
});
const clickhouseEnterpriseApi = {
    spec: rpcSpec('clickhouse', 'clickhouse', '2023-05-22', 'DescribeSecurityIPList'),
    request: rpcRequest('DBInstanceId', true),
    schema: enterpriseSchema,
    read: (body, request) => whitelistOf(request, plainGroups((body.Data?.GroupItems ?? []).map((g) => ({
        name: g.GroupName,
        attribute: g.GroupTag,
        entries: g.SecurityIPList
    }))))
};

// EXTERNAL MODULE: ./src/net/index.ts + 6 modules
var net = __webpack_require__(1047);
;// CONCATENATED MODULE: ./src/whitelists/deployed/ecs-security-group.ts
/**
 * ECS security groups: Ecs 2014-05-26 `DescribeSecurityGroupAttribute` (`RegionId`, `SecurityGroupId`,
 * `Direction=ingress`, `MaxResults`, `NextToken`; every page, an empty `NextToken` ends) → `Permissions.Permission[]`,
 * one rule each. A rule admits DataWorks when it is ingress, `Accept`, TCP (or all protocols), and its `PortRange`
 * covers the data source's `port` (`-1/-1` = every port; no `port`: every rule counts). Its addresses are
 * `SourceCidrIp` / `Ipv6SourceCidrIp`, or the entries of the prefix list `SourcePrefixListId`
 * (`DescribePrefixListAttributes` → `Entries.Entry[].Cidr`, each list asked once per run). A rule that names a
 * source security group admits instances of that group, never a CIDR: it contributes nothing.
 *
 * Drop rules are subtracted: for a source address, the matching rule of the highest priority (lowest `Priority`
 * number, 1–100, default 1) decides, and a Drop rule wins a tie. So an Accept rule of priority p admits its addresses
 * minus those of every matching Drop rule of priority ≤ p; counting it whole would pass what ECS denies.
 */



const ECS_PAGE_SIZE = 1000;
/** A server that keeps answering a next token must not keep us paging forever (100 × 1,000 rules). */
const ECS_MAX_PAGES = 100;
const ecs_security_group_ecsRulesSpec = rpcSpec('ecs-security-group', 'ecs', '2014-05-26', 'DescribeSecurityGroupAttribute');
const ecs_security_group_ecsPrefixListSpec = rpcSpec('ecs-security-group', 'ecs', '2014-05-26', 'DescribePrefixListAttributes');
const permission = schemas/* object */.Ikc({
    SecurityGroupRuleId: optionalText,
    Description: optionalText,
    Direction: optionalText,
    Policy: optionalText,
    IpProtocol: optionalText,
    PortRange: optionalText,
    SourceCidrIp: optionalText,
    Ipv6SourceCidrIp: optionalText,
    SourcePrefixListId: optionalText,
    SourceGroupId: optionalText,
    Priority: optionalText
});
const ecsRulesSchema = schemas/* object */.Ikc({
    Permissions: schemas/* object */.Ikc({ Permission: list(permission) }),
    NextToken: optionalText
});
const ecsPrefixListSchema = schemas/* object */.Ikc({
    Entries: schemas/* object */.Ikc({ Entry: list(schemas/* object */.Ikc({ Cidr: optionalText })) })
});
function ecsRulesRequest(request, nextToken) {
    return {
        query: {
            RegionId: request.region,
            SecurityGroupId: request.instance,
            Direction: 'ingress',
            MaxResults: ECS_PAGE_SIZE,
            ...(nextToken ? { NextToken: nextToken } : {})
        }
    };
}
function prefixListEntries(body) {
    return (body.Entries?.Entry ?? []).flatMap((entry) => splitEntries(entry.Cidr));
}
/** `3306/3306`, `1/65535`, `-1/-1` (every port); `undefined` for anything else. */
function parsePortRange(text) {
    const match = /^\s*(-?\d{1,5})\s*\/\s*(-?\d{1,5})\s*$/.exec(text);
    if (!match)
        return undefined;
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (from === -1 && to === -1)
        return 'all';
    if (from < 0 || to > 65535 || from > to)
        return undefined;
    return { from, to };
}
/** Whether a rule accepts or drops TCP connections to `port` from its sources, or why that cannot be told. */
function verdictOf(rule, port) {
    const direction = rule.Direction.trim().toLowerCase();
    if (direction !== '' && direction !== 'ingress')
        return 'none';
    // ECS's default policy is accept.
    const policy = rule.Policy.trim().toLowerCase();
    const verdict = policy === '' || policy === 'accept' ? 'accept' : policy === 'drop' ? 'drop' : 'none';
    if (verdict === 'none')
        return 'none';
    const protocol = rule.IpProtocol.trim().toUpperCase();
    if (protocol !== 'TCP' && protocol !== 'ALL')
        return 'none';
    if (port === undefined)
        return verdict;
    const range = parsePortRange(rule.PortRange);
    if (range === undefined)
        return `the port range "${rule.PortRange.slice(0, 40)}" does not parse`;
    return range === 'all' || (range.from <= port && port <= range.to) ? verdict : 'none';
}
/** `Priority` 1–100; absent means 1 (the highest), as ECS defaults it. */
function priorityOf(rule) {
    const text = rule.Priority.trim();
    if (text === '')
        return 1;
    if (!/^\d{1,3}$/.test(text))
        return undefined;
    const value = Number(text);
    return value >= 1 && value <= 100 ? value : undefined;
}
/** The source entries of a rule: its CIDRs, or its prefix list's entries; `undefined` when that list was not read. */
function sourcesOf(rule, prefixLists) {
    const prefixList = rule.SourcePrefixListId.trim();
    if (prefixList) {
        const listed = prefixLists.get(prefixList);
        return listed ? [...listed] : undefined;
    }
    return [...splitEntries(rule.SourceCidrIp), ...splitEntries(rule.Ipv6SourceCidrIp)];
}
/** An Accept rule's entries less what Drop rules of its priority or higher deny (entries left as written when untouched). */
function lessDropped(entries, dropped) {
    if (dropped.isEmpty)
        return [...entries];
    return entries.flatMap((entry) => {
        const parsed = (0,net/* parseEntry */.ER)(entry);
        // An entry that does not parse is kept as written: the evaluator reports it.
        if (!parsed.ok || !dropped.overlaps(parsed.entry.range))
            return [entry];
        return dropped.uncovered(parsed.entry.range).map(net/* formatCidr */.mG);
    });
}
/**
 * The rules of every page, with the entries of the prefix lists they name, as one group per admitting rule.
 * `prefixLists` must hold every list a counted rule names (the caller asked for them with `prefixListsNeeded`).
 */
function ecsWhitelist(rules, prefixLists, request) {
    const drops = [];
    const accepts = [];
    for (const [i, rule] of rules.entries()) {
        const label = `rule ${rule.SecurityGroupRuleId || i + 1} of ${request.instance}`;
        const verdict = verdictOf(rule, request.port);
        if (verdict !== 'accept' && verdict !== 'drop' && verdict !== 'none')
            return { ok: false, message: `${label}: ${verdict}` };
        if (verdict === 'none')
            continue;
        const priority = priorityOf(rule);
        if (priority === undefined) {
            return {
                ok: false,
                message: `${label}: the priority "${rule.Priority.slice(0, 20)}" is not a number from 1 to 100`
            };
        }
        const entries = sourcesOf(rule, prefixLists);
        if (!entries)
            return { ok: false, message: `the prefix list ${rule.SourcePrefixListId.trim()} was not read` };
        if (verdict === 'accept') {
            accepts.push({ rule, index: i, priority, entries });
            continue;
        }
        const ranges = [];
        for (const entry of entries) {
            const parsed = (0,net/* parseEntry */.ER)(entry);
            // A Drop rule whose addresses cannot be read could deny anything: the whitelist cannot be told.
            if (!parsed.ok)
                return { ok: false, message: `${label}: the Drop rule's source "${entry.slice(0, 60)}" does not parse` };
            ranges.push(parsed.entry.range);
        }
        drops.push({ priority, ranges });
    }
    const groups = [];
    for (const { rule, index, priority, entries } of accepts) {
        // A rule with only a source security group admits no CIDR: nothing to add.
        if (entries.length === 0 && rule.SourceGroupId.trim() !== '')
            continue;
        const dropped = net/* IpSet */.yo.build(drops.filter((d) => d.priority <= priority).flatMap((d) => d.ranges));
        const name = rule.Description.trim() || rule.SecurityGroupRuleId.trim() || `rule ${index + 1}`;
        groups.push({ name, hidden: false, networks: BOTH_NETWORKS, entries: lessDropped(entries, dropped) });
    }
    return whitelistOf(request, groups, { emptyAllowsAll: false });
}
/** The prefix lists that the counted Accept and Drop rules name (only those are asked for). */
function prefixListsNeeded(rules, request) {
    const needed = new Set();
    for (const rule of rules) {
        const id = rule.SourcePrefixListId.trim();
        const verdict = verdictOf(rule, request.port);
        if (id && (verdict === 'accept' || verdict === 'drop'))
            needed.add(id);
    }
    return [...needed];
}

;// CONCATENATED MODULE: ./src/whitelists/deployed/elasticsearch.ts
/**
 * Elasticsearch: elasticsearch 2017-06-13 `DescribeInstance`, ROA `GET /openapi/instances/{InstanceId}` →
 * `Result.networkConfig.whiteIpGroupList[]` (`groupName`, JSON array `ips`, `whiteIpType` `PRIVATE_ES` /
 * `PUBLIC_ES` / `PRIVATE_KIBANA` / `PUBLIC_KIBANA`) and `Result.enablePublic`. Instances without group lists answer
 * only the flat `privateNetworkIpWhiteList` / `publicIpWhitelist`, read as the groups `default`.
 * `private` counts the `PRIVATE_ES` groups, `public` the `PUBLIC_ES` groups; Kibana groups admit nobody to the
 * cluster. Public access off: `public` is a disabled network.
 */


const elasticsearch_schema = schemas/* object */.Ikc({
    Result: schemas/* object */.Ikc({
        enablePublic: schemas/* boolean */.zMY().nullish(),
        networkConfig: schemas/* object */.Ikc({
            whiteIpGroupList: list(schemas/* object */.Ikc({ groupName: optionalText, ips: list(schemas/* string */.YjP()), whiteIpType: optionalText }))
        })
            .nullish(),
        privateNetworkIpWhiteList: list(schemas/* string */.YjP()),
        publicIpWhitelist: list(schemas/* string */.YjP())
    })
});
const ES_GROUP_NETWORK = { PRIVATE_ES: 'private', PUBLIC_ES: 'public' };
const elasticsearchApi = {
    spec: {
        endpoint: 'elasticsearch',
        version: '2017-06-13',
        action: 'DescribeInstance',
        style: 'ROA',
        method: 'GET',
        ramAction: 'elasticsearch:DescribeInstance'
    },
    request: (request) => ({ pathname: `/openapi/instances/${encodeURIComponent(request.instance)}` }),
    schema: elasticsearch_schema,
    read(body, request) {
        const result = body.Result;
        const enablePublic = result.enablePublic;
        if (request.network === 'public' && (enablePublic === null || enablePublic === undefined)) {
            return { ok: false, message: 'DescribeInstance did not say whether public access is on (Result.enablePublic)' };
        }
        const listed = result.networkConfig?.whiteIpGroupList ?? [];
        const groups = [];
        if (listed.length > 0) {
            for (const [i, group] of listed.entries()) {
                const network = ES_GROUP_NETWORK[group.whiteIpType.trim().toUpperCase()];
                if (!network)
                    continue;
                groups.push({
                    name: groupName(group.groupName, `group ${i + 1}`),
                    hidden: false,
                    networks: [network],
                    entries: group.ips.flatMap(splitEntries)
                });
            }
        }
        else {
            groups.push({
                name: 'default',
                hidden: false,
                networks: ['private'],
                entries: result.privateNetworkIpWhiteList.flatMap(splitEntries)
            }, {
                name: 'default',
                hidden: false,
                networks: ['public'],
                entries: result.publicIpWhitelist.flatMap(splitEntries)
            });
        }
        return whitelistOf(request, groups, { disabledNetworks: enablePublic === false ? ['public'] : [] });
    }
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/lindorm.ts
/**
 * Lindorm: hitsdb 2020-06-15 `GetInstanceIpWhiteList` → `GroupList[]` (`GroupName`, comma string
 * `SecurityIpList`); older instances answer only the flat `IpList[]`, read then as one group `default`.
 * `127.0.0.1` means nobody (the product profile applies).
 */


// A real answer carries at least one of the two lists: one with neither is not an empty whitelist.
const lindorm_schema = schemas/* object */.Ikc({
    GroupList: list(schemas/* object */.Ikc({ GroupName: optionalText, SecurityIpList: optionalText })).optional(),
    IpList: list(schemas/* string */.YjP()).optional()
})
    .refine((body) => body.GroupList !== undefined || body.IpList !== undefined, {
    message: 'neither GroupList nor IpList is present'
})
    .transform((body) => ({ GroupList: body.GroupList ?? [], IpList: body.IpList ?? [] }));
const lindormApi = {
    spec: rpcSpec('lindorm', 'lindorm', '2020-06-15', 'GetInstanceIpWhiteList'),
    request: rpcRequest('InstanceId'),
    schema: lindorm_schema,
    read(body, request) {
        const groups = body.GroupList.length > 0
            ? body.GroupList.map((g) => ({ name: g.GroupName, attribute: '', entries: g.SecurityIpList }))
            : [{ name: 'default', attribute: '', entries: body.IpList.join(',') }];
        return whitelistOf(request, plainGroups(groups));
    }
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/maxcompute.ts
/**
 * MaxCompute: MaxCompute 2022-01-04 `GetProject`, ROA `GET /api/v1/projects/{projectName}` →
 * `data.ipWhiteList.ipList` (comma string; Internet and classic network: `public`) and `vpcIpList` (`private`).
 * Both empty: everyone may connect. Only one set: the other network is denied outright.
 */


const maxcompute_schema = schemas/* object */.Ikc({
    data: schemas/* object */.Ikc({
        name: optionalText,
        ipWhiteList: schemas/* object */.Ikc({ ipList: optionalText, vpcIpList: optionalText }).nullish()
    })
});
const maxcomputeApi = {
    spec: {
        endpoint: 'maxcompute',
        version: '2022-01-04',
        action: 'GetProject',
        style: 'ROA',
        method: 'GET',
        ramAction: 'odps:GetProject'
    },
    request: (request) => ({ pathname: `/api/v1/projects/${encodeURIComponent(request.instance)}` }),
    schema: maxcompute_schema,
    read(body, request) {
        const publicEntries = splitEntries(body.data.ipWhiteList?.ipList ?? '');
        const privateEntries = splitEntries(body.data.ipWhiteList?.vpcIpList ?? '');
        const disabledNetworks = [];
        if (publicEntries.length > 0 && privateEntries.length === 0)
            disabledNetworks.push('private');
        if (privateEntries.length > 0 && publicEntries.length === 0)
            disabledNetworks.push('public');
        return whitelistOf(request, [
            { name: 'ipList', hidden: false, networks: ['public'], entries: publicEntries },
            { name: 'vpcIpList', hidden: false, networks: ['private'], entries: privateEntries }
        ], { disabledNetworks, emptyAllowsAll: publicEntries.length === 0 && privateEntries.length === 0 });
    }
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/redis.ts
/**
 * Redis / Tair: R-kvstore 2015-01-01 `DescribeSecurityIps` → `SecurityIpGroups.SecurityIpGroup[]`
 * (`SecurityIpGroupName`, comma string `SecurityIpList`, `SecurityIpGroupAttribute: hidden`). The groups DMS and
 * DAS add (`ali_dms_group`, `hdm_security_ips`) are system groups too: the Terraform provider skips them as well.
 */


const securityIpGroupsSchema = schemas/* object */.Ikc({
    SecurityIpGroups: schemas/* object */.Ikc({
        SecurityIpGroup: list(schemas/* object */.Ikc({
            SecurityIpGroupName: optionalText,
            SecurityIpGroupAttribute: optionalText,
            SecurityIpList: optionalText
        }))
    })
});
const REDIS_SYSTEM_GROUPS = ['ali_dms_group', 'hdm_security_ips'];
function securityIpGroups(body, hiddenNames = []) {
    return plainGroups((body.SecurityIpGroups?.SecurityIpGroup ?? []).map((g) => ({
        name: g.SecurityIpGroupName,
        attribute: g.SecurityIpGroupAttribute,
        entries: g.SecurityIpList
    })), hiddenNames);
}
const redisApi = {
    spec: rpcSpec('redis', 'kvstore', '2015-01-01', 'DescribeSecurityIps'),
    request: rpcRequest('InstanceId'),
    schema: securityIpGroupsSchema,
    read: (body, request) => whitelistOf(request, securityIpGroups(body, REDIS_SYSTEM_GROUPS))
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/mongodb.ts
/**
 * MongoDB: Dds 2015-12-01 `DescribeSecurityIps` (host `mongodb.…`, RAM service `dds`) → the same
 * `SecurityIpGroups.SecurityIpGroup[]` shape as Redis.
 */


const mongodbApi = {
    spec: rpcSpec('mongodb', 'dds', '2015-12-01', 'DescribeSecurityIps'),
    request: rpcRequest('DBInstanceId'),
    schema: securityIpGroupsSchema,
    read: (body, request) => whitelistOf(request, securityIpGroups(body))
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/polardb.ts
/**
 * PolarDB: polardb 2017-08-01 `DescribeDBClusterAccessWhitelist` → `Items.DBClusterIPArray[]`
 * (`DBClusterIPArrayName`, comma string `SecurityIps`, `DBClusterIPArrayAttribute: hidden`).
 */


const polardb_schema = schemas/* object */.Ikc({
    Items: schemas/* object */.Ikc({
        DBClusterIPArray: list(schemas/* object */.Ikc({
            DBClusterIPArrayName: optionalText,
            DBClusterIPArrayAttribute: optionalText,
            SecurityIps: optionalText
        }))
    })
});
const polardbApi = {
    spec: rpcSpec('polardb', 'polardb', '2017-08-01', 'DescribeDBClusterAccessWhitelist'),
    request: rpcRequest('DBClusterId'),
    schema: polardb_schema,
    read: (body, request) => whitelistOf(request, plainGroups((body.Items?.DBClusterIPArray ?? []).map((g) => ({
        name: g.DBClusterIPArrayName,
        attribute: g.DBClusterIPArrayAttribute,
        entries: g.SecurityIps
    }))))
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/rds.ts
/**
 * RDS: Rds 2014-08-15 `DescribeDBInstanceIPArrayList` → `Items.DBInstanceIPArray[]`, one per group
 * (`DBInstanceIPArrayName`, comma string `SecurityIPList`, `DBInstanceIPArrayAttribute: hidden` for system groups).
 * In enhanced whitelist mode a group has `WhitelistNetworkType` `Classic` (admits classic/public clients), `VPC`
 * (VPC clients) or `MIX`; the current SDK models do not list the field, so it is optional.
 */


const rds_schema = schemas/* object */.Ikc({
    Items: schemas/* object */.Ikc({
        DBInstanceIPArray: list(schemas/* object */.Ikc({
            DBInstanceIPArrayName: optionalText,
            DBInstanceIPArrayAttribute: optionalText,
            SecurityIPList: optionalText,
            SecurityIPType: optionalText,
            WhitelistNetworkType: optionalText
        }))
    })
});
/** `private` counts VPC, MIX and untyped groups; `public` counts Classic, MIX and untyped groups. */
function rdsNetworks(type) {
    switch (type.trim().toLowerCase()) {
        case '':
        case 'mix':
            return BOTH_NETWORKS;
        case 'vpc':
            return ['private'];
        case 'classic':
            return ['public'];
        default:
            return undefined;
    }
}
const rdsApi = {
    spec: rpcSpec('rds', 'rds', '2014-08-15', 'DescribeDBInstanceIPArrayList'),
    request: rpcRequest('DBInstanceId'),
    schema: rds_schema,
    read(body, request) {
        const groups = [];
        for (const [i, item] of (body.Items?.DBInstanceIPArray ?? []).entries()) {
            const name = groupName(item.DBInstanceIPArrayName, `group ${i + 1}`);
            const networks = rdsNetworks(item.WhitelistNetworkType);
            if (!networks) {
                // An unknown network type could admit either network or none: fail closed rather than guess.
                return {
                    ok: false,
                    message: `group "${name}" has the network type "${item.WhitelistNetworkType.slice(0, 40)}", which is none of Classic, VPC, MIX`
                };
            }
            groups.push({
                name,
                hidden: isHiddenAttribute(item.DBInstanceIPArrayAttribute),
                networks,
                entries: splitEntries(item.SecurityIPList)
            });
        }
        return whitelistOf(request, groups);
    }
};

;// CONCATENATED MODULE: ./src/whitelists/deployed/index.ts


















/** The one-call APIs, per product and edition (the first edition listed is the default). */
const SINGLE_CALL_APIS = {
    rds: { default: rdsApi },
    polardb: { default: polardbApi },
    redis: { default: redisApi },
    mongodb: { default: mongodbApi },
    'adb-mysql': { warehouse: adbMysqlWarehouseApi, lakehouse: adbMysqlLakehouseApi },
    'adb-pg': { default: adbPgApi },
    clickhouse: { community: clickhouseCommunityApi, enterprise: clickhouseEnterpriseApi },
    elasticsearch: { default: elasticsearchApi },
    lindorm: { default: lindormApi },
    maxcompute: { default: maxcomputeApi }
};
/** The RAM actions each product's reader uses (for the README's least-privilege policy and for tests). */
function ramActionsOf(product) {
    if (product === 'ecs-security-group')
        return [ecsRulesSpec.ramAction, ecsPrefixListSpec.ramAction];
    return Object.values(SINGLE_CALL_APIS[product] ?? {}).map((api) => api.spec.ramAction);
}
/** Instance ids and project names are short; anything else is refused before it reaches a URL. */
const MAX_INSTANCE_LENGTH = 128;
function createDeployedReader(settings, deps) {
    return { read: (requests) => readDeployed(requests, settings, deps) };
}
async function readDeployed(requests, settings, deps) {
    const results = new Map();
    const runnable = [];
    for (const request of requests) {
        const refusal = refuse(request);
        if (refusal)
            results.set(request.dataSource, { ok: false, message: refusal, apiCalls: 0 });
        else
            runnable.push(request);
    }
    if (runnable.length === 0)
        return results;
    let caller = deps.caller;
    if (!caller) {
        const opened = await (0,session/* openSession */.f)(settings, deps, () => {
            // Every override is checked once, before any call: a typo is one clear message, not one per instance.
            for (const key of endpoint_keys/* ENDPOINT_KEYS */.NM) {
                const url = settings.endpoints[key];
                if (url)
                    (0,endpoints/* parseEndpointUrl */.yN)(key, url);
            }
        });
        if (!opened.ok) {
            for (const request of runnable)
                results.set(request.dataSource, { ok: false, message: opened.message, apiCalls: 0 });
            return results;
        }
        const limiters = new Map();
        caller = new client/* CloudClient */.L({
            credential: opened.session.credential,
            settings,
            policy: opened.session.policy,
            clock: opened.session.clock,
            logger: deps.logger,
            limiterFor: (key) => {
                let limiter = limiters.get(key);
                if (!limiter) {
                    limiter = new cloud_limiter/* Limiter */.j((0,tuning/* concurrencyOf */.RO)(key, deps.concurrency));
                    limiters.set(key, limiter);
                }
                return limiter;
            }
        });
    }
    const reader = new InstanceReader(caller);
    const settled = await Promise.all(runnable.map((request) => reader.read(request)));
    runnable.forEach((request, i) => results.set(request.dataSource, settled[i]));
    // Refused credentials make every answer meaningless: report that one cause everywhere.
    const credentialFailure = reader.credentialFailure;
    if (credentialFailure) {
        for (const request of runnable) {
            results.set(request.dataSource, { ok: false, message: credentialFailure.message, apiCalls: 0 });
        }
    }
    return results;
}
/** Why a request cannot be asked at all (a product without an API, an unknown edition, an absurd id). */
function refuse(request) {
    if (request.instance.length === 0 || request.instance.length > MAX_INSTANCE_LENGTH) {
        return `the instance id must be 1 to ${MAX_INSTANCE_LENGTH} characters`;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\s]/.test(request.instance))
        return 'the instance id contains blanks or control characters';
    if (request.product === 'ecs-security-group')
        return undefined;
    const editions = SINGLE_CALL_APIS[request.product];
    if (!editions)
        return `no API reads the deployed whitelist of product ${request.product}`;
    if (request.edition !== undefined && !Object.hasOwn(editions, request.edition)) {
        const known = Object.keys(editions).filter((e) => e !== 'default');
        return known.length > 0
            ? `edition "${request.edition.slice(0, 40)}" is none of ${known.join(', ')}`
            : `product ${request.product} has no editions`;
    }
    return undefined;
}
/** Reads instances; memoises the ECS prefix lists so that each is asked once per run. */
class InstanceReader {
    caller;
    credentialFailure;
    prefixLists = new Map();
    constructor(caller) {
        this.caller = caller;
    }
    async read(request) {
        const calls = { count: 0 };
        try {
            const outcome = request.product === 'ecs-security-group'
                ? await this.readSecurityGroup(request, calls)
                : await this.readSingle(request, calls);
            return outcome.ok
                ? { ok: true, whitelist: outcome.whitelist, apiCalls: calls.count }
                : { ok: false, message: outcome.message, apiCalls: calls.count };
        }
        catch (error) {
            return this.failure(error, calls.count);
        }
    }
    async readSingle(request, calls) {
        const editions = SINGLE_CALL_APIS[request.product];
        const api = (request.edition !== undefined ? editions[request.edition] : undefined) ?? Object.values(editions)[0];
        calls.count++;
        const body = await this.caller.call(api.spec, request.region, api.request(request), api.schema);
        return api.read(body, request);
    }
    async readSecurityGroup(request, calls) {
        const rules = [];
        const seenTokens = new Set();
        let token = '';
        for (let page = 1;; page++) {
            if (page > ECS_MAX_PAGES) {
                return { ok: false, message: `DescribeSecurityGroupAttribute kept paging past ${ECS_MAX_PAGES} pages` };
            }
            calls.count++;
            const body = await this.caller.call(ecs_security_group_ecsRulesSpec, request.region, ecsRulesRequest(request, token), ecsRulesSchema);
            rules.push(...(body.Permissions?.Permission ?? []));
            token = body.NextToken.trim();
            if (token === '')
                break;
            if (seenTokens.has(token)) {
                return { ok: false, message: 'DescribeSecurityGroupAttribute answered the same NextToken twice' };
            }
            seenTokens.add(token);
        }
        const prefixLists = new Map();
        await Promise.all(prefixListsNeeded(rules, request).map(async (id) => {
            prefixLists.set(id, await this.prefixList(request.region, id, calls));
        }));
        return ecsWhitelist(rules, prefixLists, request);
    }
    /** Each prefix list (per region) is asked once per run; concurrent askers share the one call. */
    prefixList(region, id, calls) {
        const key = `${region}\u0000${id}`;
        let pending = this.prefixLists.get(key);
        if (!pending) {
            calls.count++;
            pending = this.caller
                .call(ecs_security_group_ecsPrefixListSpec, region, { query: { RegionId: region, PrefixListId: id } }, ecsPrefixListSchema)
                .then(prefixListEntries);
            this.prefixLists.set(key, pending);
        }
        return pending;
    }
    failure(error, apiCalls) {
        if (error instanceof errors/* ApiCallError */.lF) {
            if (error.kind === 'credentials')
                this.credentialFailure ??= error;
            return {
                ok: false,
                message: error.message,
                ...(error.authAction ? { ramAction: error.authAction } : {}),
                apiCalls
            };
        }
        // Not a cloud error (a bad region in an endpoint, say): its message, never a stack.
        const message = error instanceof Error ? error.message : 'the deployed whitelist could not be read';
        return { ok: false, message, apiCalls };
    }
}


/***/ })

};
