export const id = 16;
export const ids = [16];
export const modules = {

/***/ 1016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initFromWorkspace: () => (/* binding */ initFromWorkspace)
});

// UNUSED EXPORTS: renderWorkspaceConfig

// EXTERNAL MODULE: ./src/config/schema.ts + 1 modules
var schema = __webpack_require__(3346);
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
const MAX_PROPERTIES_TEXT = 64 * 1024;
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

// EXTERNAL MODULE: ./src/workspace/yaml-writer.ts
var yaml_writer = __webpack_require__(6380);
;// CONCATENATED MODULE: ./src/workspace/init-online.ts
/**
 * `init --workspace ID --region R`: a config from what the DataWorks workspace knows (contract §12): its resource
 * groups (ListResourceGroups, every type) and its data sources in one environment (ListDataSources, every page).
 */



const GROUP_KINDS = {
    CommonV2: 'serverless',
    ExclusiveDataIntegration: 'exclusive-integration',
    ExclusiveDataService: 'exclusive-service'
};
/** Reads the workspace and writes the config text. API failures propagate (the caller reports them). */
async function initFromWorkspace(api, options) {
    const [groups, sources] = await Promise.all([
        api.listResourceGroups(options.workspace),
        api.listDataSources(options.workspace, options.env)
    ]);
    return renderWorkspaceConfig(groups, sources, options);
}
/** The config text for these groups and data sources (pure, for tests and the golden file). */
function renderWorkspaceConfig(groups, sources, options) {
    const out = new yaml_writer/* YamlWriter */.NI();
    out
        .comment(0, `Generated by dataworks-whitelist-guard init from DataWorks workspace ${options.workspace}`)
        .comment(0, `(${options.env} environment, region ${options.region}). Review every comment marked CHECK, then run`)
        .comment(0, 'dataworks-whitelist-guard check. Comments may be deleted once reviewed.')
        .line(0, 'version: 1')
        .line(0, `region: ${(0,yaml_writer/* scalar */.d_)(options.region)}`)
        .blank();
    const groupNames = new yaml_writer/* NameAllocator */.nW();
    const planned = [];
    const skipped = [];
    for (const group of [...groups].sort((a, b) => compare(a.Id, b.Id))) {
        const type = group.ResourceGroupType ?? '';
        const kind = Object.hasOwn(GROUP_KINDS, type) ? GROUP_KINDS[type] : undefined;
        if (!kind) {
            skipped.push(group);
            continue;
        }
        planned.push({ name: groupNames.allocate(group.Name ?? group.Id, kind, 'group'), kind, source: group });
    }
    out.line(0, 'resourceGroups:');
    if (!planned.some((g) => g.kind !== 'exclusive-service')) {
        const stub = groupNames.allocate('dataworks-serverless', 'serverless', 'group');
        planned.unshift({ name: stub, kind: 'serverless', source: { Id: '' } });
        out
            .line(2, `${(0,yaml_writer/* scalar */.d_)(stub)}:`, 'CHECK: the workspace lists no Data Integration or Data Service group')
            .line(4, 'type: serverless')
            .comment(4, 'Set id (online) or privateCidrs/publicIps (offline); until then the check is unresolved.');
    }
    for (const group of planned) {
        if (group.source.Id === '')
            continue;
        out.line(2, `${(0,yaml_writer/* scalar */.d_)(group.name)}:`, `DataWorks ${group.source.ResourceGroupType} group ${group.source.Name ?? ''}`);
        out.line(4, `type: ${group.kind}`);
        if (group.kind === 'serverless') {
            out.line(4, `id: ${(0,yaml_writer/* scalar */.d_)(group.source.Id)}`);
            const vswitch = group.source.DefaultVswicthId;
            if (vswitch)
                out.comment(4, `default vSwitch ${vswitch}; online runs read every binding from the API`);
        }
        else {
            out
                .line(4, `# id: ${(0,yaml_writer/* scalar */.d_)(group.source.Id)}`)
                .comment(4, 'CHECK: no API returns the addresses of an exclusive group: fill in its vSwitch CIDR and EIP.')
                .comment(4, 'Until then the check reports this group as unresolved (status error).')
                .comment(4, 'privateCidrs: [] # CHECK: the vSwitch CIDR of the group')
                .comment(4, 'publicIps: [] # CHECK: the EIP of the group, when it reaches sources over the Internet');
        }
    }
    for (const group of skipped) {
        out.comment(2, `left out: ${group.Id} (${group.ResourceGroupType ?? 'unknown type'}) runs no Data Integration or Data Service`);
    }
    out.blank();
    const integration = planned.filter((g) => g.kind !== 'exclusive-service').map((g) => g.name);
    const service = planned.filter((g) => g.kind === 'exclusive-service').map((g) => g.name);
    const section = new yaml_writer/* YamlWriter */.NI();
    const sourceNames = new yaml_writer/* NameAllocator */.nW();
    let written = 0;
    let commentedOut = 0;
    const envType = options.env === 'prod' ? 'prod' : 'dev';
    for (const source of [...sources].sort((a, b) => compare(a.Name, b.Name) || compare(a.Type, b.Type))) {
        const environment = source.DataSource.find((d) => (d.EnvType ?? '').toLowerCase() === envType) ??
            (source.DataSource.length === 1 ? source.DataSource[0] : undefined);
        const mapped = environment
            ? mapDataSource(source.Type, environment.ConnectionPropertiesMode, environment.ConnectionProperties)
            : { ok: false, reason: `DataWorks lists no ${options.env} environment for it` };
        const name = sourceNames.allocate(source.Name, source.Type, 'data-source');
        const block = new yaml_writer/* YamlWriter */.NI();
        block.line(0, `${(0,yaml_writer/* scalar */.d_)(name)}:`, `DataWorks ${source.Type} data source ${source.Name}`);
        block.line(2, `product: ${mapped.product ?? 'other'}`);
        const region = mapped.ok && mapped.region && schema/* REGION_PATTERN */.aY.test(mapped.region) ? mapped.region : undefined;
        if (region)
            block.line(2, `region: ${(0,yaml_writer/* scalar */.d_)(region)}`);
        else
            block.line(2, `region: ${(0,yaml_writer/* scalar */.d_)(options.region)}`, 'CHECK: the connection properties name no region');
        if (mapped.ok) {
            block.line(2, `instance: ${(0,yaml_writer/* scalar */.d_)(mapped.instance)}`, mapped.crossAccount
                ? 'CHECK: in another account; one credential set per run reads only its own account'
                : `from the connection properties (${mapped.mode})`);
        }
        block.line(2, 'network: private', 'CHECK: private (over the VPC) or public (over the Internet)');
        block.line(2, 'access:');
        block.line(4, '- module: data-integration');
        block.line(6, `resourceGroups: [${integration.map(yaml_writer/* scalar */.d_).join(', ')}]`, 'CHECK: the groups that reach it');
        if (service.length > 0) {
            block.line(4, '- module: data-service');
            block.line(6, `resourceGroups: [${service.map(yaml_writer/* scalar */.d_).join(', ')}]`, 'CHECK: the groups that reach it');
        }
        block.line(2, 'dataworks:');
        block.line(4, `workspace: ${(0,yaml_writer/* scalar */.d_)(options.workspace)}`);
        block.line(4, `name: ${JSON.stringify(source.Name)}`);
        block.line(4, `env: ${options.env}`);
        if (mapped.ok) {
            section.append(2, block);
            written++;
        }
        else {
            section.comment(2, `cannot be checked: ${mapped.reason}`);
            section.commentedOut(2, block);
            commentedOut++;
        }
    }
    // An empty map, not an absent one: the file must load even when every source is commented out.
    out.line(0, written > 0 ? 'dataSources:' : 'dataSources: {}');
    out.append(0, section);
    return { text: out.toString(), dataSources: written, commentedOut, resourceGroups: planned.length };
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 6380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NI: () => (/* binding */ YamlWriter),
/* harmony export */   d_: () => (/* binding */ scalar),
/* harmony export */   nW: () => (/* binding */ NameAllocator)
/* harmony export */ });
/* unused harmony exports commentText, configName */
/* harmony import */ var _bounds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(186);
/**
 * Writes the config that `init` generates, as text: YAML with a comment beside each value the user must check.
 * Every value that came from the repository or the cloud is quoted unless it is a plain word, and every comment is
 * one line of printable text, so hostile names cannot break out of their scalar or their comment.
 */

/** YAML 1.1 and 1.2 words that a plain scalar would turn into something other than a string. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN = /^[A-Za-z][A-Za-z0-9_./-]*$/;
/** A scalar: plain when it is an ordinary word, else double-quoted (JSON's escapes are valid YAML). */
function scalar(value) {
    if (typeof value === 'number')
        return String(value);
    return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}
/** One line of printable text for a comment: no line breaks, no control or format characters, bounded. */
function commentText(text) {
    const flat = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ');
    return (0,_bounds_js__WEBPACK_IMPORTED_MODULE_0__/* .quotePrefix */ .nU)(flat.replace(/\s+/g, ' ').trim(), 200);
}
/** Builds the file line by line; comments go after the value, or on their own line. */
class YamlWriter {
    lines = [];
    comment(indent, text) {
        this.lines.push(`${' '.repeat(indent)}# ${commentText(text)}`);
        return this;
    }
    blank() {
        this.lines.push('');
        return this;
    }
    /** `key: value  # comment`; without a value, `key:` opens a block. */
    line(indent, text, comment) {
        const body = `${' '.repeat(indent)}${text}`;
        this.lines.push(comment === undefined ? body : `${body} # ${commentText(comment)}`);
        return this;
    }
    /** Lines written as comments: a block the user can enable by removing the `# `. */
    commentedOut(indent, inner) {
        for (const line of inner.lines)
            this.lines.push(`${' '.repeat(indent)}# ${line}`);
        return this;
    }
    /** The lines of `inner`, indented. */
    append(indent, inner) {
        for (const line of inner.lines)
            this.lines.push(line === '' ? '' : `${' '.repeat(indent)}${line}`);
        return this;
    }
    get isEmpty() {
        return this.lines.length === 0;
    }
    toString() {
        return `${this.lines.join('\n')}\n`;
    }
}
const NAME_CHARS = /[^A-Za-z0-9_.-]+/g;
/** A config name (letters, digits, `.`, `_`, `-`, starting with a letter or digit) made from any text. */
function configName(text, fallback) {
    const cleaned = text
        .replace(NAME_CHARS, '-')
        .replace(/^[^A-Za-z0-9]+/, '')
        .replace(/-+$/, '')
        .slice(0, 63);
    return cleaned === '' ? fallback : cleaned;
}
/**
 * Unique config names: the plain name when free, else `prefix-name` (contract §12: `type-name` on a collision),
 * else numbered. The first holder keeps the plain name, so names are stable as entries are added after it.
 */
class NameAllocator {
    taken = new Set();
    allocate(text, prefix, fallback) {
        const base = configName(text, fallback);
        const candidates = [base, configName(`${prefix}-${base}`, fallback)];
        for (const candidate of candidates) {
            if (!this.taken.has(candidate.toLowerCase()))
                return this.take(candidate);
        }
        for (let n = 2;; n++) {
            const candidate = `${candidates[1]}-${n}`;
            if (!this.taken.has(candidate.toLowerCase()))
                return this.take(candidate);
        }
    }
    take(name) {
        // Case-insensitively unique: names differing only by case are too easy to confuse in a review.
        this.taken.add(name.toLowerCase());
        return name;
    }
}


/***/ })

};
