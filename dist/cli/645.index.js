export const id = 645;
export const ids = [645];
export const modules = {

/***/ 5645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderOfflineConfig: () => (/* binding */ renderOfflineConfig),
/* harmony export */   scanRepository: () => (/* binding */ scanRepository)
/* harmony export */ });
/* unused harmony exports INIT_LIMITS, STUB_GROUP */
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3346);
/* harmony import */ var _products_terraform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2316);
/* harmony import */ var _whitelists_terraform_module_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5301);
/* harmony import */ var _whitelists_terraform_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7733);
/* harmony import */ var _whitelists_terraform_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(299);
/* harmony import */ var _whitelists_terraform_syntax_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4606);
/* harmony import */ var _yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6380);







/** The walk's bounds: a repository of a few thousand directories is scanned; beyond that, the rest is named. */
const INIT_LIMITS = { maxDirectories: 5_000, maxDepth: 32, maxTerraformFiles: 1_000 };
/** Directories that hold no configuration of the repository's own. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'vendor']);
/** Whitelists read through the resource that attaches them (templates, global groups, prefix lists). */
const ATTACHED_TYPES = new Set([
    'alicloud_rds_whitelist_template',
    'alicloud_polardb_global_security_ip_group',
    'alicloud_mongodb_global_security_ip_group',
    'alicloud_redis_global_security_ip_group',
    'alicloud_ecs_prefix_list'
]);
const PRODUCT_OF_TYPE = new Map();
for (const profile of Object.values(_products_terraform_js__WEBPACK_IMPORTED_MODULE_1__/* .TERRAFORM_PRODUCTS */ .gn)) {
    for (const resource of profile.resources) {
        if (!PRODUCT_OF_TYPE.has(resource.resourceType))
            PRODUCT_OF_TYPE.set(resource.resourceType, profile.product);
    }
}
/** Finds the whitelist resources of the product table in every `.tf`/`.tf.json` module of the repository. */
async function scanRepository(files) {
    const scan = { resources: [], attached: [], problems: [] };
    const queue = [{ dir: '', depth: 0 }];
    let visited = 0;
    let terraformFiles = 0;
    while (queue.length > 0) {
        const { dir, depth } = queue.shift();
        if (++visited > INIT_LIMITS.maxDirectories) {
            scan.problems.push(`stopped after ${INIT_LIMITS.maxDirectories} directories; add the rest by hand`);
            break;
        }
        let names;
        try {
            names = await files.listDir(dir);
        }
        catch (error) {
            scan.problems.push(`${dir || '.'}: ${messageOf(error)}`);
            continue;
        }
        const moduleFiles = [];
        for (const name of names) {
            const rel = dir === '' ? name : `${dir}/${name}`;
            if (_whitelists_terraform_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .TERRAFORM_FILE */ .qF.test(name)) {
                moduleFiles.push(rel);
                continue;
            }
            if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name))
                continue;
            let kind;
            try {
                kind = await files.kind(rel);
            }
            catch {
                continue; // refused paths (links out of the root, devices) are not the repository's configuration
            }
            if (kind !== 'directory')
                continue;
            if (depth + 1 > INIT_LIMITS.maxDepth)
                scan.problems.push(`${rel}: deeper than ${INIT_LIMITS.maxDepth} levels, not scanned`);
            else
                queue.push({ dir: rel, depth: depth + 1 });
        }
        if (moduleFiles.length === 0)
            continue;
        const parsed = [];
        for (const file of moduleFiles) {
            if (++terraformFiles > INIT_LIMITS.maxTerraformFiles) {
                scan.problems.push(`stopped after ${INIT_LIMITS.maxTerraformFiles} Terraform files; add the rest by hand`);
                return finish(scan);
            }
            const result = await parseFile(files, file);
            if (typeof result === 'string')
                scan.problems.push(result);
            else
                parsed.push(result);
        }
        collect(parsed, dir, scan);
    }
    return finish(scan);
}
function finish(scan) {
    const order = (a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
    scan.resources.sort(order);
    scan.attached.sort(order);
    return scan;
}
async function parseFile(files, file) {
    try {
        const text = await files.readText(file);
        // The reader's parser and cache: a parse that aborts the WASM parser leaves a fresh one for the next file.
        const parsed = await (0,_whitelists_terraform_index_js__WEBPACK_IMPORTED_MODULE_3__.parseTerraformFile)(file, text);
        const problem = parsed.problems[0];
        if (problem)
            return `${file}:${problem.pos.line}:${problem.pos.column}: ${problem.message}; not scanned`;
        return parsed;
    }
    catch (error) {
        if (error instanceof _whitelists_terraform_syntax_js__WEBPACK_IMPORTED_MODULE_5__/* .SyntaxLimitError */ .py)
            return `${file}:${error.pos.line}:${error.pos.column}: ${error.message}`;
        return `${file}: ${messageOf(error)}`;
    }
}
function collect(parsed, dir, scan) {
    const module = (0,_whitelists_terraform_module_js__WEBPACK_IMPORTED_MODULE_2__/* .buildModule */ .Zh)(dir, parsed);
    const regions = providerRegions(parsed);
    for (const resource of module.resources) {
        const product = PRODUCT_OF_TYPE.get(resource.type);
        if (!product)
            continue;
        const found = {
            product,
            type: resource.type,
            name: resource.name,
            file: resource.file,
            line: resource.block.pos.line,
            region: regions.get(providerAlias(resource))
        };
        (ATTACHED_TYPES.has(resource.type) ? scan.attached : scan.resources).push(found);
    }
}
/** `alias` → literal region of the module's `provider "alicloud"` blocks; the default provider is `''`. */
function providerRegions(parsed) {
    const regions = new Map();
    for (const file of parsed) {
        for (const block of file.body.blocks) {
            if (block.type !== 'provider' || block.labels[0] !== 'alicloud')
                continue;
            const alias = literal((0,_whitelists_terraform_syntax_js__WEBPACK_IMPORTED_MODULE_5__/* .findAttribute */ .Oh)(block.body, 'alias')?.expression) ?? '';
            const region = literal((0,_whitelists_terraform_syntax_js__WEBPACK_IMPORTED_MODULE_5__/* .findAttribute */ .Oh)(block.body, 'region')?.expression);
            if (region !== undefined && _config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .REGION_PATTERN */ .aY.test(region) && !regions.has(alias))
                regions.set(alias, region);
        }
    }
    return regions;
}
/** The provider alias a resource uses (`provider = alicloud.hz`), `''` for the default one. */
function providerAlias(resource) {
    const expression = (0,_whitelists_terraform_syntax_js__WEBPACK_IMPORTED_MODULE_5__/* .findAttribute */ .Oh)(resource.block.body, 'provider')?.expression;
    if (expression?.kind !== 'traversal' || expression.root !== 'alicloud')
        return '';
    const step = expression.steps[0];
    return step?.kind === 'attr' ? step.name : '';
}
/** A string written as one literal (no interpolation), else undefined. */
function literal(expression) {
    if (expression?.kind !== 'template')
        return undefined;
    let text = '';
    for (const part of expression.parts) {
        if (part.kind !== 'literal')
            return undefined;
        text += part.text.value;
    }
    return text;
}
const STUB_GROUP = 'dataworks-serverless';
/** The config text for a scan. */
function renderOfflineConfig(scan, options = {}) {
    const regionCounts = new Map();
    for (const r of scan.resources)
        if (r.region)
            regionCounts.set(r.region, (regionCounts.get(r.region) ?? 0) + 1);
    const mostUsed = [...regionCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const region = options.region ?? mostUsed;
    const out = new _yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .YamlWriter */ .NI();
    out
        .comment(0, 'Generated by dataworks-whitelist-guard init from the Terraform in this repository.')
        .comment(0, 'Review every comment marked CHECK, then run dataworks-whitelist-guard check.')
        .line(0, 'version: 1');
    if (region)
        out.line(0, `region: ${(0,_yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .scalar */ .d_)(region)}`, options.region ? 'from --region' : 'from the provider blocks');
    else
        out.line(0, 'region: cn-hangzhou', 'CHECK: no provider block gives a literal region; set yours');
    out.blank();
    out
        .line(0, 'resourceGroups:')
        .line(2, `${STUB_GROUP}:`, 'CHECK: a stub; rename it and add one entry per resource group')
        .line(4, 'type: serverless')
        .comment(4, 'Online: set id (Serverless_res_group_…). Offline: set privateCidrs (the bound vSwitch CIDRs) and')
        .comment(4, 'publicIps (the NAT gateway SNAT IPs; [] when it has no Internet egress).')
        .comment(4, 'Until then the check reports this group as unresolved (status error).')
        .blank();
    for (const problem of scan.problems)
        out.comment(0, `not scanned: ${problem}`);
    if (scan.resources.length === 0) {
        out.comment(0, 'CHECK: no whitelist resource of a known product was found; add your data sources below.');
        out.line(0, 'dataSources: {}');
    }
    else {
        out.line(0, 'dataSources:');
    }
    const names = new _yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .NameAllocator */ .nW();
    for (const r of scan.resources) {
        const name = names.allocate(r.name, r.product, 'data-source');
        out.line(2, `${(0,_yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .scalar */ .d_)(name)}:`, `${r.type}.${r.name} at ${r.file}:${r.line}`);
        out.line(4, `product: ${r.product}`);
        if (r.region && r.region !== region)
            out.line(4, `region: ${(0,_yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .scalar */ .d_)(r.region)}`, 'from its provider block');
        else if (!r.region)
            out.comment(4, 'CHECK: its provider gives no literal region; the default region applies');
        out.line(4, 'network: private', 'CHECK: private (over the VPC) or public (over the Internet)');
        out.line(4, 'whitelist:');
        out.line(6, `- file: ${(0,_yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .scalar */ .d_)(r.file)}`);
        out.line(8, `select: ${(0,_yaml_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .scalar */ .d_)(`${r.type}.${r.name}`)}`);
        out.line(4, 'access:');
        out.line(6, '- module: data-integration', 'CHECK: add data-service, metadata-collection as you use them');
        out.line(8, `resourceGroups: [${STUB_GROUP}]`);
    }
    for (const r of scan.attached) {
        out.comment(2, `${r.type}.${r.name} (${r.file}:${r.line}) is read through the instance that attaches it`);
    }
    return out.toString();
}
function messageOf(error) {
    if (error instanceof Error && error.name === 'RepoFileError')
        return error.message;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    return code ? `cannot be read (${code})` : 'cannot be read';
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
