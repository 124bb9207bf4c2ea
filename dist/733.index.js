export const id = 733;
export const ids = [733];
export const modules = {

/***/ 2316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ terraformResource),
/* harmony export */   QE: () => (/* binding */ terraformAttributes),
/* harmony export */   Wp: () => (/* binding */ terraformAttributeShape),
/* harmony export */   gn: () => (/* binding */ TERRAFORM_PRODUCTS)
/* harmony export */ });
const BOTH = ['private', 'public'];
function resource(resourceType, attributes, note, entryLimit) {
    const profile = { resourceType, attributes };
    if (note !== undefined)
        profile.note = note;
    if (entryLimit !== undefined)
        profile.entryLimit = entryLimit;
    return profile;
}
/** The provider's `security_ips` of `alicloud_adb_db_cluster`: "The list contains up to 1,000 IP addresses". */
const ADB_DB_CLUSTER_DOC = 'https://github.com/aliyun/terraform-provider-alicloud/blob/master/website/docs/r/adb_db_cluster.html.markdown';
const ADB_WAREHOUSE_LIMIT = {
    max: 1000,
    scope: 'per whitelist of a Data Warehouse Edition cluster (alicloud_adb_db_cluster)',
    source: ADB_DB_CLUSTER_DOC
};
const ADB_LAKEHOUSE_LIMIT = {
    max: 500,
    scope: 'per whitelist of a Data Lakehouse Edition cluster (alicloud_adb_db_cluster_lake_version)',
    source: 'https://github.com/aliyun/terraform-provider-alicloud/blob/master/website/docs/r/adb_db_cluster_lake_version.html.markdown'
};
function attribute(path, shape, networks = BOTH, note) {
    return note === undefined ? { path, shape, networks } : { path, shape, networks, note };
}
const TERRAFORM_PRODUCTS = {
    rds: {
        product: 'rds',
        resources: [
            resource('alicloud_db_instance', [attribute('security_ips', 'set')], 'One resource manages one whitelist group (`db_instance_ip_array_name`). With `modify_mode = "Delete"` the list names entries to remove, so it allows nothing.'),
            resource('alicloud_db_readonly_instance', [attribute('security_ips', 'set')]),
            resource('alicloud_rds_clone_db_instance', [attribute('security_ips', 'set')]),
            resource('alicloud_rds_upgrade_db_instance', [attribute('security_ips', 'set')]),
            resource('alicloud_rds_ddr_instance', [attribute('security_ips', 'set')], 'An instance restored by disaster recovery; `whitelist_network_type` and `modify_mode` as on `alicloud_db_instance`.'),
            resource('alicloud_rds_whitelist_template', [attribute('ip_white_list', 'comma-string')], 'Template entries count toward the instance limit of 1,000.')
        ]
    },
    polardb: {
        product: 'polardb',
        resources: [
            resource('alicloud_polardb_cluster', [
                attribute('db_cluster_ip_array.security_ips', 'set', BOTH, 'Union over all `db_cluster_ip_array` blocks; blocks with `modify_mode = "Delete"` remove entries and allow nothing.'),
                attribute('security_ips', 'set', BOTH, 'Deprecated since provider v1.130.0; still read.')
            ]),
            resource('alicloud_polardb_global_security_ip_group', [attribute('global_ip_list', 'comma-string')])
        ]
    },
    'polardb-x': {
        product: 'polardb-x',
        resources: [],
        note: 'The provider reference lists no PolarDB-X whitelist attribute. Select an attribute explicitly (`TYPE.NAME.ATTRIBUTE`) or keep the whitelist in a text or YAML file.'
    },
    redis: {
        product: 'redis',
        resources: [
            resource('alicloud_kvstore_instance', [attribute('security_ips', 'set')], 'One resource manages one group (`security_ip_group_name`).'),
            resource('alicloud_redis_tair_instance', [attribute('security_ips', 'comma-string')], 'The current resource for Redis and Tair instances; a comma-separated string (the default group).'),
            resource('alicloud_redis_global_security_ip_group', [attribute('global_ip_list', 'comma-string')])
        ]
    },
    mongodb: {
        product: 'mongodb',
        resources: [
            resource('alicloud_mongodb_instance', [
                attribute('security_ip_list', 'set', BOTH, 'A set at the top level (the `default` group).'),
                attribute('security_ip_groups.security_ip_list', 'comma-string', BOTH, 'A comma-separated string inside `security_ip_groups` blocks.')
            ]),
            resource('alicloud_mongodb_sharding_instance', [
                attribute('security_ip_list', 'set', BOTH, 'A set at the top level (the `default` group).'),
                attribute('security_ip_groups.security_ip_list', 'comma-string', BOTH, 'A comma-separated string inside `security_ip_groups` blocks.')
            ]),
            resource('alicloud_mongodb_serverless_instance', [attribute('security_ip_groups.security_ip_list', 'comma-string')], 'Deprecated; still read.'),
            resource('alicloud_mongodb_global_security_ip_group', [attribute('global_security_ip_list', 'comma-string')])
        ]
    },
    'adb-mysql': {
        product: 'adb-mysql',
        resources: [
            resource('alicloud_adb_db_cluster', [attribute('security_ips', 'set')], 'At most 1,000 entries.', ADB_WAREHOUSE_LIMIT),
            resource('alicloud_adb_cluster', [attribute('security_ips', 'set')], 'Deprecated: the older name of `alicloud_adb_db_cluster`; still read. At most 1,000 entries.', ADB_WAREHOUSE_LIMIT),
            resource('alicloud_adb_db_cluster_lake_version', [attribute('security_ips', 'comma-string')], 'A comma-separated string here, unlike `alicloud_adb_db_cluster`. At most 500 entries.', ADB_LAKEHOUSE_LIMIT)
        ]
    },
    'adb-pg': {
        product: 'adb-pg',
        resources: [
            resource('alicloud_gpdb_instance', [
                attribute('ip_whitelist.security_ip_list', 'comma-string', BOTH, 'A comma-separated string inside `ip_whitelist` blocks.'),
                attribute('security_ip_list', 'set', BOTH, 'Deprecated since provider v1.187.0; still read.')
            ]),
            resource('alicloud_gpdb_db_instance_ip_array', [attribute('security_ip_list', 'set')], 'One resource per group; `modify_mode = "Delete"` removes entries.'),
            resource('alicloud_gpdb_elastic_instance', [attribute('security_ip_list', 'set')], 'Deprecated (use `alicloud_gpdb_instance`); still read.')
        ]
    },
    maxcompute: {
        product: 'maxcompute',
        resources: [
            resource('alicloud_maxcompute_project', [
                attribute('ip_white_list[0].vpc_ip_list', 'comma-string', ['private'], 'The VPC list; `*` allows every VPC.'),
                attribute('ip_white_list[0].ip_list', 'comma-string', ['public'], 'The Internet and cloud-interconnection list.')
            ], 'With an `ip_white_list` block that sets only one of the two lists, MaxCompute denies all access over the other network.')
        ]
    },
    hologres: {
        product: 'hologres',
        resources: [],
        note: 'Hologres whitelists cannot be set through Terraform: `alicloud_hologram_instance` has no whitelist argument (they live in HoloWeb). Keep them in a text or YAML file.'
    },
    clickhouse: {
        product: 'clickhouse',
        resources: [
            resource('alicloud_click_house_db_cluster', [
                attribute('db_cluster_access_white_list.security_ip_list', 'comma-string')
            ]),
            resource('alicloud_click_house_enterprise_db_cluster_security_ip', [attribute('security_ip_list', 'comma-string')], 'One resource per group.')
        ]
    },
    elasticsearch: {
        product: 'elasticsearch',
        resources: [
            resource('alicloud_elasticsearch_instance', [
                attribute('private_whitelist', 'set', ['private']),
                attribute('public_whitelist', 'set', ['public'], 'Applies only when `enable_public = true`.')
            ], 'The Kibana lists (`kibana_whitelist`, `kibana_private_whitelist`) do not govern DataWorks connections.')
        ]
    },
    lindorm: {
        product: 'lindorm',
        resources: [
            resource('alicloud_lindorm_instance', [attribute('ip_white_list', 'set')]),
            resource('alicloud_lindorm_instance_v2', [attribute('white_ip_list.ip_list', 'comma-string')])
        ]
    },
    selectdb: {
        product: 'selectdb',
        resources: [
            resource('alicloud_selectdb_db_instance', [attribute('desired_security_ip_lists.security_ip_list', 'comma-string')], 'A comma-separated string inside `desired_security_ip_lists` blocks (one per group), united.')
        ]
    },
    hbase: {
        product: 'hbase',
        resources: [resource('alicloud_hbase_instance', [attribute('ip_white', 'comma-string')])]
    },
    oss: {
        product: 'oss',
        resources: [
            resource('alicloud_oss_bucket_policy', [attribute('policy', 'bucket-policy')], 'Entries are the `acs:SourceIp` values of `IpAddress` conditions in `Allow` statements and of `NotIpAddress` conditions in `Deny` statements.'),
            resource('alicloud_oss_bucket', [attribute('policy', 'bucket-policy')], 'The `policy` argument is deprecated (use `alicloud_oss_bucket_policy`); still read.')
        ]
    },
    'ecs-security-group': {
        product: 'ecs-security-group',
        resources: [
            resource('alicloud_security_group_rule', [attribute('cidr_ip', 'single'), attribute('ipv6_cidr_ip', 'single')], 'Counts only `type = "ingress"` rules with `policy = "accept"` (the default) and protocol `tcp` or `all`; when the data source has a `port`, only rules whose `port_range` covers it (`-1/-1` is every port). `for_each` instances are each read.'),
            resource('alicloud_ecs_prefix_list', [attribute('entry.cidr', 'single')], 'Referenced by rules through `prefix_list_id`.')
        ]
    },
    other: { product: 'other', resources: [] }
};
function terraformResource(product, resourceType) {
    return TERRAFORM_PRODUCTS[product].resources.find((profile) => profile.resourceType === resourceType);
}
/** The whitelist attributes of a resource type for a network, or undefined when the type is not in the table. */
function terraformAttributes(product, resourceType, network) {
    return terraformResource(product, resourceType)?.attributes.filter((entry) => entry.networks.includes(network));
}
/** The value shape of an attribute of a resource type in any product's table, when the table knows it. */
function terraformAttributeShape(resourceType, path) {
    const normalized = path.replace(/\[\d+\]/g, '');
    for (const profile of Object.values(TERRAFORM_PRODUCTS)) {
        for (const candidate of profile.resources) {
            if (candidate.resourceType !== resourceType)
                continue;
            const found = candidate.attributes.find((entry) => entry.path.replace(/\[\d+\]/g, '') === normalized);
            if (found)
                return found.shape;
        }
    }
    return undefined;
}


/***/ }),

/***/ 4214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ constantScope),
/* harmony export */   G: () => (/* binding */ EVALUATION_LIMITS),
/* harmony export */   L$: () => (/* binding */ BudgetExceeded),
/* harmony export */   M$: () => (/* binding */ withIteration),
/* harmony export */   Q: () => (/* binding */ measure),
/* harmony export */   Yo: () => (/* binding */ EvaluationBudget),
/* harmony export */   _3: () => (/* binding */ evaluate),
/* harmony export */   go: () => (/* binding */ typeName),
/* harmony export */   ro: () => (/* binding */ Unresolvable),
/* harmony export */   ws: () => (/* binding */ scalarText),
/* harmony export */   xP: () => (/* binding */ SUPPORTED_FUNCTIONS)
/* harmony export */ });
/* unused harmony export valueKey */
/* harmony import */ var _syntax_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4606);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(466);


class Unresolvable extends Error {
    pos;
    name = 'Unresolvable';
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
/** Evaluation went past a limit of the budget: the read stops there (its findings would only repeat it). */
class BudgetExceeded extends Unresolvable {
    name = 'BudgetExceeded';
}
/**
 * Limits of static evaluation, far above what real modules reach (the largest real whitelists hold a few
 * thousand entries; products cap them at 1,000 or fewer) and low enough that a module written to blow up
 * (values that double at each step, `count = 1000000000`, a chain of 10,000 locals) ends within a fraction of
 * a second with an `unresolved` finding at the expression that crossed the limit.
 */
const EVALUATION_LIMITS = {
    /** Elements of one value: list items and object entries, nested ones included. */
    elements: 100_000,
    /** Characters of one value: a string, or all the strings (and object keys) inside a list or object. */
    characters: 1_000_000,
    /** Nesting: expressions inside expressions, locals that refer to locals, lists inside lists. */
    depth: 200,
    /** Instances of one resource (`count`, `for_each`) and iterations of one `dynamic` block. */
    instances: 10_000,
    /** Everything evaluated in one module, over all its data sources: elements, characters and instances made. */
    work: 5_000_000
};
function formatCount(count) {
    return count.toLocaleString('en-US');
}
const SCALAR = { elements: 0, characters: 0, depth: 0 };
const measures = new WeakMap();
/** The size of a value; values not made by `EvaluationBudget` are measured once (and are small: literals). */
function measure(value) {
    const known = measures.get(value);
    if (known)
        return known;
    let result;
    switch (value.kind) {
        case 'string':
            result = { elements: 0, characters: value.text.value.length, depth: 0 };
            break;
        case 'list':
            result = combine(value.items.length, 0, value.items);
            break;
        case 'object': {
            let keyCharacters = 0;
            for (const key of value.entries.keys())
                keyCharacters += key.length;
            result = combine(value.entries.size, keyCharacters, value.entries.values());
            break;
        }
        default:
            return SCALAR;
    }
    measures.set(value, result);
    return result;
}
function combine(elements, characters, items) {
    let depth = 0;
    for (const item of items) {
        const inner = measure(item);
        elements += inner.elements;
        characters += inner.characters;
        if (inner.depth > depth)
            depth = inner.depth;
    }
    return { elements, characters, depth: depth + 1 };
}
/**
 * The evaluation budget of one module (see EVALUATION_LIMITS). Every list, object and string that evaluation
 * makes is checked against the limits of one value and charged to the module's work; nesting is counted as
 * evaluation descends. Past a limit: `Unresolvable` at the expression, "evaluation exceeds the budget of …".
 */
class EvaluationBudget {
    limits;
    work = 0;
    depth = 0;
    constructor(limits = EVALUATION_LIMITS) {
        this.limits = limits;
    }
    /** Charges work (elements, characters, instances made); throws once the module's budget is spent. */
    charge(units, pos) {
        this.work += units;
        if (this.work > this.limits.work) {
            throw new BudgetExceeded(`evaluation exceeds the budget of ${formatCount(this.limits.work)} units of work for this module (elements, characters and instances made)`, pos);
        }
    }
    /** Enters one level of nesting; every `enter` is followed by one `leave`. */
    enter(pos) {
        if (this.depth >= this.limits.depth)
            throw this.tooDeep(pos);
        this.depth += 1;
    }
    leave() {
        this.depth -= 1;
    }
    tooDeep(pos) {
        return new BudgetExceeded(`evaluation exceeds the budget of ${formatCount(this.limits.depth)} nested levels (expressions within expressions, locals that refer to locals, lists within lists)`, pos);
    }
    /** Checks a count of elements before they are made (`count`, `for_each`, a concatenation). */
    checkElements(elements, pos) {
        if (elements > this.limits.elements) {
            throw new BudgetExceeded(`evaluation exceeds the budget of ${formatCount(this.limits.elements)} elements in one value (${formatCount(elements)} here)`, pos);
        }
    }
    /** Checks a number of characters before they are made (a template, `join`, `jsonencode`). */
    checkCharacters(characters, pos) {
        if (characters > this.limits.characters) {
            throw new BudgetExceeded(`evaluation exceeds the budget of ${formatCount(this.limits.characters)} characters in one value (${formatCount(characters)} here)`, pos);
        }
    }
    /**
     * Checks the entries one source has read so far (a comma-separated string counts as one here; it is
     * charged by its characters).
     */
    checkEntries(entries, pos) {
        if (entries > this.limits.elements) {
            throw new BudgetExceeded(`evaluation exceeds the budget of ${formatCount(this.limits.elements)} entries read from one whitelist source`, pos);
        }
    }
    checkInstances(instances, pos) {
        if (instances > this.limits.instances) {
            throw new BudgetExceeded(`evaluation exceeds the budget of ${formatCount(this.limits.instances)} instances (${formatCount(instances)} here)`, pos);
        }
        this.charge(instances, pos);
    }
    /** A list made by evaluation, within the limits of one value. */
    list(items, pos) {
        return this.admit({ kind: 'list', items, pos }, items.length);
    }
    object(entries, pos) {
        return this.admit({ kind: 'object', entries, pos }, entries.size);
    }
    string(text, pos) {
        this.checkCharacters(text.value.length, pos);
        this.charge(text.value.length + text.segments.length, pos);
        return { kind: 'string', text, pos };
    }
    admit(value, made) {
        const size = measure(value);
        this.checkElements(size.elements, value.pos);
        this.checkCharacters(size.characters, value.pos);
        if (size.depth > this.limits.depth)
            throw this.tooDeep(value.pos);
        this.charge(made, value.pos);
        return value;
    }
}
/** For variable defaults and tfvars values, which Terraform evaluates without any references. */
function constantScope(budget) {
    return {
        budget,
        variable(name, at) {
            throw new Unresolvable(`var.${name} cannot be used here: Terraform evaluates this value without references`, at);
        },
        local(name, at) {
            throw new Unresolvable(`local.${name} cannot be used here: Terraform evaluates this value without references`, at);
        },
        iterations: new Map()
    };
}
function withIteration(scope, name, iteration) {
    const iterations = new Map(scope.iterations);
    iterations.set(name, iteration);
    return { budget: scope.budget, variable: scope.variable, local: scope.local, iterations };
}
function typeName(value) {
    switch (value.kind) {
        case 'list':
            return 'a list';
        case 'object':
            return 'an object';
        case 'null':
            return 'null';
        default:
            return `a ${value.kind}`;
    }
}
/** Text of a scalar as Terraform converts it to a string; null for lists, objects and null. */
function scalarText(value) {
    switch (value.kind) {
        case 'string':
            return value.text;
        case 'number':
        case 'bool':
            return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .computedText */ .dO)(String(value.value), value.pos);
        default:
            return null;
    }
}
/** A Map, so that names such as `constructor` or `__proto__` are ordinary names (not Object.prototype's). */
const REFERENCE_REASONS = new Map([
    ['data', 'data sources are read only when Terraform runs'],
    ['module', 'module outputs are known only when Terraform runs'],
    ['count', 'count-indexed values are not evaluated statically'],
    ['self', '`self` is known only when Terraform runs'],
    ['path', 'filesystem paths are not evaluated statically'],
    ['terraform', '`terraform.*` values are known only when Terraform runs']
]);
function evaluate(expression, scope) {
    const budget = scope.budget;
    budget.enter(expression.pos);
    try {
        return evaluateHere(expression, scope);
    }
    finally {
        budget.leave();
    }
}
function evaluateHere(expression, scope) {
    const pos = expression.pos;
    const budget = scope.budget;
    switch (expression.kind) {
        case 'number':
            return { kind: 'number', value: expression.value, pos };
        case 'bool':
            return { kind: 'bool', value: expression.value, pos };
        case 'null':
            return { kind: 'null', pos };
        case 'tuple':
            return budget.list(expression.items.map((item) => evaluate(item, scope)), pos);
        case 'object': {
            const entries = new Map();
            for (const item of expression.items) {
                const key = evaluate(item.key, scope);
                const keyText = scalarText(key);
                if (!keyText)
                    throw new Unresolvable(`an object key must be a string, not ${typeName(key)}`, item.key.pos);
                entries.set(keyText.value, evaluate(item.value, scope));
            }
            return budget.object(entries, pos);
        }
        case 'template':
            return evaluateTemplate(expression, scope);
        case 'traversal':
            return evaluateTraversal(expression, scope);
        case 'access':
            return applySteps(evaluate(expression.target, scope), expression.steps, (0,_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .describeExpression */ .U)(expression.target), scope);
        case 'call':
            return callFunction(expression, scope);
        case 'conditional': {
            const condition = evaluate(expression.condition, scope);
            if (condition.kind !== 'bool') {
                throw new Unresolvable(`a condition must be a bool, not ${typeName(condition)}`, expression.condition.pos);
            }
            return evaluate(condition.value ? expression.whenTrue : expression.whenFalse, scope);
        }
        case 'binary':
            return evaluateBinary(expression.operator, evaluate(expression.left, scope), evaluate(expression.right, scope), pos, budget);
        case 'unary': {
            const operand = evaluate(expression.operand, scope);
            if (expression.operator === '!' && operand.kind === 'bool')
                return { kind: 'bool', value: !operand.value, pos };
            if (expression.operator === '-' && operand.kind === 'number')
                return { kind: 'number', value: -operand.value, pos };
            throw new Unresolvable(`\`${expression.operator}\` cannot be applied to ${typeName(operand)}`, pos);
        }
        case 'unsupported':
            throw new Unresolvable(`${expression.what} is not evaluated statically`, pos);
    }
}
function evaluateTemplate(expression, scope) {
    const { parts, pos } = expression;
    // "${x}" alone is x itself, whatever its type, as in Terraform.
    if (parts.length === 1 && parts[0].kind === 'interpolation')
        return evaluate(parts[0].expression, scope);
    const texts = [];
    let length = 0;
    for (const part of parts) {
        if (part.kind === 'literal') {
            texts.push(part.text);
        }
        else if (part.kind === 'directive') {
            throw new Unresolvable('template directives (`%{…}`) are not evaluated statically', part.pos);
        }
        else {
            const value = evaluate(part.expression, scope);
            const text = scalarText(value);
            if (!text)
                throw new Unresolvable(`cannot put ${typeName(value)} into a string template`, part.expression.pos);
            texts.push(text);
            length += text.value.length;
            // Checked as the parts come, so that no oversized string is ever made.
            scope.budget.checkCharacters(length, pos);
        }
    }
    if (texts.length === 1)
        return { kind: 'string', text: texts[0], pos };
    return scope.budget.string(texts.length === 0 ? _text_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyText */ .BI : (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .concatTexts */ .Hc)(texts), pos);
}
function evaluateTraversal(expression, scope) {
    const { root, steps, pos } = expression;
    const [first, ...rest] = steps;
    if (root === 'var' || root === 'local') {
        if (first?.kind !== 'attr')
            throw new Unresolvable(`\`${root}\` must be followed by a name`, pos);
        const value = root === 'var' ? scope.variable(first.name, pos) : scope.local(first.name, pos);
        return applySteps(value, rest, `${root}.${first.name}`, scope);
    }
    const iteration = scope.iterations.get(root);
    if (iteration) {
        if (first?.kind === 'attr' && (first.name === 'key' || first.name === 'value')) {
            return applySteps(iteration[first.name], rest, `${root}.${first.name}`, scope);
        }
        throw new Unresolvable(`\`${root}\` has only \`key\` and \`value\``, pos);
    }
    const reason = REFERENCE_REASONS.get(root);
    if (reason)
        throw new Unresolvable(`${(0,_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .describeExpression */ .U)(expression)}: ${reason}`, pos);
    if (root === 'each')
        throw new Unresolvable('`each` is only available in a resource with `for_each`', pos);
    if (root.includes('_') && first?.kind === 'attr') {
        throw new Unresolvable(`${(0,_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .describeExpression */ .U)(expression)}: another resource's attributes are known only when Terraform runs`, pos);
    }
    throw new Unresolvable(`\`${(0,_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .describeExpression */ .U)(expression)}\` is not a value that can be evaluated statically`, pos);
}
function applySteps(value, steps, described, scope) {
    let current = value;
    let path = described;
    for (const step of steps) {
        if (step.kind === 'splat')
            throw new Unresolvable(`splat expressions (\`${path}.*\`) are not evaluated statically`, step.pos);
        if (step.kind === 'attr') {
            if (current.kind !== 'object')
                throw new Unresolvable(`${path} is ${typeName(current)}, it has no attribute \`${step.name}\``, step.pos);
            const next = current.entries.get(step.name);
            if (!next)
                throw new Unresolvable(`${path} has no attribute \`${step.name}\``, step.pos);
            current = next;
            path = `${path}.${step.name}`;
            continue;
        }
        const key = evaluate(step.key, scope);
        if (current.kind === 'list' && key.kind === 'number') {
            const item = current.items[key.value];
            if (!Number.isInteger(key.value) || !item) {
                throw new Unresolvable(`${path} has ${current.items.length} elements, there is no [${key.value}]`, step.pos);
            }
            current = item;
        }
        else if (current.kind === 'object' && key.kind === 'string') {
            const item = current.entries.get(key.text.value);
            if (!item)
                throw new Unresolvable(`${path} has no key "${key.text.value}"`, step.pos);
            current = item;
        }
        else {
            throw new Unresolvable(`${path} is ${typeName(current)} and cannot be indexed with ${typeName(key)}`, step.pos);
        }
        path = `${path}[…]`;
    }
    return current;
}
function evaluateBinary(operator, left, right, pos, budget) {
    if (operator === '==' || operator === '!=') {
        const equal = comparisonKey(left, budget) === comparisonKey(right, budget);
        return { kind: 'bool', value: operator === '==' ? equal : !equal, pos };
    }
    if ((operator === '&&' || operator === '||') && left.kind === 'bool' && right.kind === 'bool') {
        return { kind: 'bool', value: operator === '&&' ? left.value && right.value : left.value || right.value, pos };
    }
    throw new Unresolvable(`\`${operator}\` on ${typeName(left)} and ${typeName(right)} is not evaluated statically`, pos);
}
/** valueKey, charged: its text is about as long as the value's contents. */
function comparisonKey(value, budget) {
    const size = measure(value);
    budget.charge(size.elements + size.characters, value.pos);
    return valueKey(value);
}
/**
 * A key that identifies a value's content (for `distinct`, `toset` and `==`), ignoring positions. Values are
 * within the budget's depth, so the recursion is bounded.
 */
function valueKey(value) {
    switch (value.kind) {
        case 'string':
            return JSON.stringify(value.text.value);
        case 'number':
        case 'bool':
            return String(value.value);
        case 'null':
            return 'null';
        case 'list':
            return `[${value.items.map(valueKey).join(',')}]`;
        case 'object':
            return `{${[...value.entries].map(([key, item]) => `${JSON.stringify(key)}:${valueKey(item)}`).join(',')}}`;
    }
}
function expectList(value, functionName) {
    if (value.kind !== 'list')
        throw new Unresolvable(`${functionName}() expects a list, not ${typeName(value)}`, value.pos);
    return value.items;
}
function expectString(value, functionName) {
    const text = scalarText(value);
    if (!text)
        throw new Unresolvable(`${functionName}() expects a string, not ${typeName(value)}`, value.pos);
    return text;
}
function expectArity(args, count, functionName, pos) {
    if (args.length !== count) {
        throw new Unresolvable(`${functionName}() takes ${count} argument${count === 1 ? '' : 's'}, not ${args.length}`, pos);
    }
}
function distinctItems(items, budget) {
    const seen = new Set();
    return items.filter((item) => {
        const key = comparisonKey(item, budget);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The scalars of nested lists, in order; iterative (its input may be as deep as the budget allows). */
function flattenItems(items, budget, pos) {
    const result = [];
    const stack = [{ items, next: 0 }];
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.next >= top.items.length) {
            stack.pop();
            continue;
        }
        const item = top.items[top.next++];
        if (item.kind === 'list')
            stack.push({ items: item.items, next: 0 });
        else {
            result.push(item);
            budget.checkElements(result.length, pos);
        }
    }
    return result;
}
/** The functions whitelists are commonly assembled with; every other function is reported as unresolved. */
const FUNCTIONS = new Map([
    [
        'concat',
        (args, pos, budget) => {
            const lists = args.map((arg) => expectList(arg, 'concat'));
            // Checked before the list is made, so that values doubling at each step stop at the limit.
            budget.checkElements(lists.reduce((total, items) => total + items.length, 0), pos);
            return budget.list(lists.flat(), pos);
        }
    ],
    [
        'distinct',
        (args, pos, budget) => {
            expectArity(args, 1, 'distinct', pos);
            return budget.list(distinctItems(expectList(args[0], 'distinct'), budget), pos);
        }
    ],
    [
        'flatten',
        (args, pos, budget) => {
            expectArity(args, 1, 'flatten', pos);
            return budget.list(flattenItems(expectList(args[0], 'flatten'), budget, pos), pos);
        }
    ],
    [
        'compact',
        (args, pos, budget) => {
            expectArity(args, 1, 'compact', pos);
            const items = expectList(args[0], 'compact').filter((item) => item.kind !== 'null' && !(item.kind === 'string' && item.text.value === ''));
            return budget.list(items, pos);
        }
    ],
    [
        'toset',
        (args, pos, budget) => {
            expectArity(args, 1, 'toset', pos);
            return budget.list(distinctItems(expectList(args[0], 'toset'), budget), pos);
        }
    ],
    [
        'tolist',
        (args, pos, budget) => {
            expectArity(args, 1, 'tolist', pos);
            return budget.list(expectList(args[0], 'tolist'), pos);
        }
    ],
    [
        'split',
        (args, pos, budget) => {
            expectArity(args, 2, 'split', pos);
            const separator = expectString(args[0], 'split').value;
            const text = expectString(args[1], 'split');
            if (separator === '')
                throw new Unresolvable('split() with an empty separator is not evaluated', pos);
            const items = [];
            let start = 0;
            for (;;) {
                const found = text.value.indexOf(separator, start);
                const end = found < 0 ? text.value.length : found;
                items.push({ kind: 'string', text: (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .sliceText */ .S$)(text, start, end), pos: args[1].pos });
                budget.checkElements(items.length, pos);
                if (found < 0)
                    break;
                start = found + separator.length;
            }
            return budget.list(items, pos);
        }
    ],
    [
        'join',
        (args, pos, budget) => {
            if (args.length < 2)
                throw new Unresolvable('join() takes a separator and at least one list', pos);
            const separator = expectString(args[0], 'join');
            const texts = args
                .slice(1)
                .flatMap((arg) => expectList(arg, 'join'))
                .map((item) => expectString(item, 'join'));
            budget.checkCharacters(texts.reduce((total, text) => total + text.value.length + separator.value.length, 0), pos);
            const joined = [];
            texts.forEach((text, index) => {
                if (index > 0)
                    joined.push(separator);
                joined.push(text);
            });
            return budget.string((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .concatTexts */ .Hc)(joined), pos);
        }
    ],
    [
        'jsonencode',
        (args, pos, budget) => {
            expectArity(args, 1, 'jsonencode', pos);
            return budget.string(jsonText(args[0], budget, pos), pos);
        }
    ],
    [
        'tostring',
        (args, pos) => {
            expectArity(args, 1, 'tostring', pos);
            return { kind: 'string', text: expectString(args[0], 'tostring'), pos: args[0].pos };
        }
    ]
]);
/**
 * JSON text of a value. Strings that need no escaping keep their positions, so entries inside a
 * `jsonencode()`d policy still point at where they are written. The parts are gathered in one list, and the
 * length is checked as it grows, so that no oversized text is made.
 */
function jsonText(root, budget, pos) {
    const parts = [];
    let length = 0;
    const push = (part) => {
        parts.push(part);
        length += part.value.length;
        budget.checkCharacters(length, pos);
    };
    const write = (value) => {
        const plain = (text) => (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .computedText */ .dO)(text, value.pos);
        switch (value.kind) {
            case 'string': {
                const encoded = JSON.stringify(value.text.value);
                const needsEscaping = encoded.length !== value.text.value.length + 2;
                push(plain('"'));
                push(needsEscaping ? plain(encoded.slice(1, -1)) : value.text);
                push(plain('"'));
                return;
            }
            case 'number':
            case 'bool':
                return push(plain(String(value.value)));
            case 'null':
                return push(plain('null'));
            case 'list':
                push(plain('['));
                value.items.forEach((item, index) => {
                    if (index > 0)
                        push(plain(','));
                    write(item);
                });
                return push(plain(']'));
            case 'object': {
                push(plain('{'));
                let index = 0;
                for (const [key, item] of value.entries) {
                    push(plain(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`));
                    write(item);
                    index += 1;
                }
                return push(plain('}'));
            }
        }
    };
    write(root);
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .concatTexts */ .Hc)(parts);
}
const SUPPORTED_FUNCTIONS = [...FUNCTIONS.keys()].sort();
function callFunction(expression, scope) {
    const implementation = FUNCTIONS.get(expression.name);
    if (!implementation) {
        throw new Unresolvable(`function ${expression.name}() is not evaluated statically (supported: ${SUPPORTED_FUNCTIONS.join(', ')})`, expression.pos);
    }
    const args = expression.args.map((arg) => evaluate(arg, scope));
    if (expression.expandLast && args.length > 0) {
        // Not `push(...items)`: spreading a long list into arguments overflows the stack.
        const expanded = args.slice(0, -1).concat(expectList(args[args.length - 1], expression.name));
        return implementation(expanded, expression.pos, scope.budget);
    }
    return implementation(args, expression.pos, scope.budget);
}


/***/ }),

/***/ 7733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EVALUATION_LIMITS: () => (/* reexport */ evaluate/* EVALUATION_LIMITS */.G),
  MAX_JSON_DEPTH: () => (/* reexport */ MAX_JSON_DEPTH),
  MAX_SYNTAX_DEPTH: () => (/* reexport */ MAX_SYNTAX_DEPTH),
  ParserLoadError: () => (/* reexport */ ParserLoadError),
  SUPPORTED_FUNCTIONS: () => (/* reexport */ evaluate/* SUPPORTED_FUNCTIONS */.xP),
  createTerraformReader: () => (/* binding */ createTerraformReader),
  loadTerraformParser: () => (/* reexport */ loadTerraformParser),
  locateParserFile: () => (/* reexport */ locateParserFile),
  parseTerraformFile: () => (/* binding */ parseTerraformFile),
  terraformReader: () => (/* binding */ terraformReader)
});

// EXTERNAL MODULE: ./src/whitelists/terraform/layout.ts
var layout = __webpack_require__(299);
// EXTERNAL MODULE: ./src/bounds.ts
var bounds = __webpack_require__(186);
// EXTERNAL MODULE: ./src/io.ts
var io = __webpack_require__(5027);
// EXTERNAL MODULE: ./src/products/terraform.ts
var terraform = __webpack_require__(2316);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/whitelists/terraform/parser.ts
/**
 * Loads tree-sitter (WASM) and the Terraform grammar once per process, on first use.
 *
 * The bundles (dist/index.js, dist/cli/index.js) carry web-tree-sitter.js, web-tree-sitter.wasm and
 * tree-sitter-terraform.wasm in dist/wasm/, because the bundler cannot see files loaded from computed paths; from
 * the sources (jest, tsx) they come from node_modules.
 */




const RUNTIME_JS = 'web-tree-sitter.js';
const RUNTIME_WASM = 'web-tree-sitter.wasm';
const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';
/**
 * Where each file is in node_modules: a file the package lets us resolve, next to which it lies (web-tree-sitter
 * exports its WASM but not its ESM file by name).
 */
const INSTALLED = {
    [RUNTIME_JS]: { resolvable: 'web-tree-sitter/web-tree-sitter.wasm', sibling: RUNTIME_JS },
    [RUNTIME_WASM]: { resolvable: 'web-tree-sitter/web-tree-sitter.wasm', sibling: RUNTIME_WASM },
    [GRAMMAR_WASM]: {
        resolvable: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
        sibling: GRAMMAR_WASM
    }
};
/** Thrown when the parser's files cannot be found or loaded: an installation problem, not the user's input. */
class ParserLoadError extends Error {
    name = 'ParserLoadError';
}
/**
 * Where one of the parser's files is: next to the bundle (`./wasm/`, `../wasm/`), else in node_modules.
 * The bundles carry web-tree-sitter's own ESM file there too: bundled, its `import("module")` loses
 * `createRequire` to the bundler's interop, so it is loaded as it ships, with a native `import()`.
 */
function locateParserFile(file, moduleUrl = import.meta.url) {
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(moduleUrl));
    const candidates = [external_node_path_default().join(here, 'wasm', file), external_node_path_default().join(here, '..', 'wasm', file)];
    for (const candidate of candidates)
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
    const installed = INSTALLED[file];
    if (installed) {
        try {
            const found = external_node_path_default().join(external_node_path_default().dirname((0,external_node_module_.createRequire)(moduleUrl).resolve(installed.resolvable)), installed.sibling);
            if ((0,external_node_fs_.existsSync)(found))
                return found;
        }
        catch {
            // Reported below with the places that were tried.
        }
    }
    throw new ParserLoadError(`cannot find ${file}: looked in ${candidates.join(', ')} and in node_modules`);
}
let loading;
let loaded;
/**
 * Each discarded parser's WASM instance is left behind whole: an aborted instance fails every later call
 * (`Aborted()`), so the next parser comes from a fresh instance of the runtime, imported anew.
 */
let generation = 0;
/** The shared parser, loaded on first call. A failed load is not cached, so a later call can retry. */
function loadTerraformParser() {
    if (loading)
        return loading;
    const instance = generation;
    const load = createParser(instance).then((parser) => {
        if (instance === generation)
            loaded = parser;
        return parser;
    }, (error) => {
        if (loading === load)
            loading = undefined;
        throw error instanceof ParserLoadError
            ? error
            : new ParserLoadError(`cannot load the Terraform parser: ${error instanceof Error ? error.message : String(error)}`);
    });
    loading = load;
    return load;
}
/** The parser that loadTerraformParser last gave, unless it has been discarded since. */
function loadedTerraformParser() {
    return loaded;
}
/**
 * Drops the shared parser after it failed (a WASM abort leaves its instance unusable): the next
 * loadTerraformParser call builds a new one in a fresh instance. Nothing of the old instance may be called
 * again, not even to free it.
 */
function discardTerraformParser() {
    loading = undefined;
    loaded = undefined;
    generation += 1;
}
async function createParser(instance) {
    const moduleUrl = (0,external_node_url_.pathToFileURL)(locateParserFile(RUNTIME_JS)).href + (instance === 0 ? '' : `?instance=${instance}`);
    const { Parser, Language } = (await import(/* webpackIgnore: true */ moduleUrl));
    const runtime = locateParserFile(RUNTIME_WASM);
    const grammar = locateParserFile(GRAMMAR_WASM);
    await Parser.init({ locateFile: () => runtime });
    const language = await Language.load(await external_node_fs_.promises.readFile(grammar));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
}

// EXTERNAL MODULE: ./src/whitelists/terraform/syntax.ts
var syntax = __webpack_require__(4606);
;// CONCATENATED MODULE: ./src/whitelists/terraform/plain-tree.ts
/** Nodes whose children are not copied when the tree has no errors: their text says everything needed. */
const OPAQUE = new Set([
    'string_lit',
    'numeric_lit',
    'bool_lit',
    'null_lit',
    'identifier',
    'comment',
    'template_literal',
    'variable_expr',
    'legacy_index',
    'block_start',
    'block_end',
    'tuple_start',
    'tuple_end',
    'object_start',
    'object_end',
    'heredoc_start',
    'quoted_template_start',
    'quoted_template_end'
]);
/**
 * The text of an expression that can only be a `string_lit`: quotes around characters that can start neither
 * an escape, an interpolation, a directive nor another token. tree-sitter gives such an expression the chain
 * expression > literal_value > string_lit, all three over the same text.
 */
const PLAIN_STRING = /^"[^"\\$%\r\n]*"$/;
const QUOTE = 0x22;
/** Shared by every node without children (most of them); frozen, so that nothing can add to it. */
const NO_CHILDREN = Object.freeze([]);
const typeTables = new WeakMap();
function typeTable(language) {
    let table = typeTables.get(language);
    if (!table) {
        table = { names: [], named: [] };
        typeTables.set(language, table);
    }
    return table;
}
/** The type name of a node type id, remembered per language (asking WASM for it each time is costly). */
function nodeTypeName(language, typeId) {
    const table = typeTable(language);
    let type = table.names[typeId];
    if (type === undefined) {
        type = language.nodeTypeForId(typeId) ?? 'ERROR';
        table.names[typeId] = type;
        table.named[typeId] = language.nodeTypeIsNamed(typeId);
    }
    return type;
}
/** The whole tree. */
function plainTree(tree, source) {
    const withErrors = tree.rootNode.hasError;
    const cursor = tree.walk();
    try {
        const root = plainSubtree(cursor, tree.language, withErrors, source);
        // The cursor reports an ERROR root's type id like any other; make sure the flag reflects the tree.
        if (withErrors)
            root.hasError = true;
        return root;
    }
    finally {
        cursor.delete();
    }
}
/**
 * How deep a syntax tree may nest (nodes from the top-level attribute or block down). tree-sitter parses any
 * depth, but the conversion that follows recurses once per node; real files stay below 100 (each level of
 * brackets or operators is two or three nodes). A deeper node throws `NestingTooDeep`.
 */
const MAX_SYNTAX_DEPTH = 1_500;
/** Thrown when a tree nests deeper than MAX_SYNTAX_DEPTH; `offset` is where the first too-deep node starts. */
class NestingTooDeep extends Error {
    offset;
    name = 'NestingTooDeep';
    constructor(offset) {
        super(`nested deeper than the limit of ${MAX_SYNTAX_DEPTH.toLocaleString('en-US')} syntax levels`);
        this.offset = offset;
    }
}
/**
 * The node under the cursor and everything below it; the cursor is back on that node afterwards (unless
 * NestingTooDeep is thrown). Only a tree with errors needs the missing flags and the inside of every leaf (an
 * unterminated string). `source` is the text that was parsed. The walk keeps its own stack, so that no input
 * can overflow JavaScript's.
 */
function plainSubtree(cursor, language, withErrors, source) {
    const table = typeTable(language);
    /** The node under the cursor, without its children; `open` when its children are to be read. */
    const read = () => {
        const typeId = cursor.nodeTypeId;
        const type = table.names[typeId] ?? nodeTypeName(language, typeId);
        const isNamed = table.named[typeId];
        const startIndex = cursor.startIndex;
        if (!withErrors && !isNamed) {
            const node = {
                type,
                isNamed,
                isMissing: false,
                hasError: false,
                startIndex,
                endIndex: startIndex + type.length,
                children: NO_CHILDREN
            };
            return { node, open: false };
        }
        const isMissing = withErrors && cursor.nodeIsMissing;
        const endIndex = cursor.endIndex;
        const node = {
            type,
            isNamed,
            isMissing,
            hasError: isMissing || type === 'ERROR',
            startIndex,
            endIndex,
            children: NO_CHILDREN
        };
        if (!withErrors &&
            type === 'expression' &&
            source.charCodeAt(startIndex) === QUOTE &&
            PLAIN_STRING.test(source.slice(startIndex, endIndex))) {
            node.children = [{ ...node, type: 'literal_value', children: [{ ...node, type: 'string_lit' }] }];
            return { node, open: false };
        }
        return { node, open: withErrors || !OPAQUE.has(type) };
    };
    const top = read();
    if (!top.open || !cursor.gotoFirstChild())
        return top.node;
    /** The nodes whose children are being read, outermost first. */
    const open = [{ node: top.node, children: [] }];
    for (;;) {
        const { node, open: descend } = read();
        const parent = open[open.length - 1];
        parent.children.push(node);
        if (descend && cursor.gotoFirstChild()) {
            if (open.length >= MAX_SYNTAX_DEPTH)
                throw new NestingTooDeep(node.startIndex);
            open.push({ node, children: [] });
            continue;
        }
        if (node.hasError)
            parent.node.hasError = true;
        while (!cursor.gotoNextSibling()) {
            const done = open.pop();
            done.node.children = done.children;
            cursor.gotoParent();
            const outer = open[open.length - 1];
            if (!outer)
                return done.node;
            if (done.node.hasError)
                outer.node.hasError = true;
        }
    }
}
function namedChildren(node) {
    return node.children.filter((child) => child.isNamed);
}

// EXTERNAL MODULE: ./src/whitelists/terraform/text.ts
var terraform_text = __webpack_require__(466);
;// CONCATENATED MODULE: ./src/whitelists/terraform/native-syntax.ts




/** At most this many syntax problems are reported per file: the first ones are the useful ones. */
const MAX_PROBLEMS_PER_FILE = 5;
const FILE_START = { line: 1, column: 1 };
function parseNative(parser, path, source, origin = FILE_START) {
    const place = placer(path, origin, source);
    const unreadable = (message, offset) => ({
        path,
        body: emptyBody(),
        problems: [{ message, pos: place(undefined, offset), limit: true }]
    });
    // Freed before the parse, so that the parse reuses that memory instead of growing WASM's.
    retainedTrees.makeRoomFor(source.length);
    let parsed;
    try {
        parsed = parseWithExponents(parser, source);
    }
    catch (error) {
        // tree-sitter's WASM instance aborted (out of memory on a huge file): nothing of it may be used again.
        recoverFromParserFailure();
        return unreadable(`the Terraform parser failed on this file (${parserFailure(error)}); it was not read`, 0);
    }
    if (!parsed)
        return unreadable('the parser gave up on this file', 0);
    const { tree, text, numbers } = parsed;
    const converter = new Converter(place, text, numbers);
    let retained;
    try {
        if (!tree.rootNode.hasError) {
            retained = retainedTrees.retain(tree, text.length);
            const body = lazyTopLevelBody(retained, converter, place, text, numbers);
            if (retained.pendingBodies > 0)
                treeFinalizer.register(body, retained);
            else
                retainedTrees.release(retained);
            return { path, body, problems: [] };
        }
        // A file with syntax errors is not read further than its problems, so it is converted at once. Their
        // messages quote the file as written (not the numbers rewritten for the grammar).
        const root = plainTree(tree, text);
        const problems = collectProblems(root, place, source);
        const bodyNode = namedChildren(root).find((child) => child.type === 'body');
        const body = bodyNode ? converter.body(bodyNode) : emptyBody();
        return { path, body, problems };
    }
    catch (error) {
        if (retained)
            retainedTrees.release(retained);
        if (error instanceof NestingTooDeep)
            return unreadable(`this file is ${error.message}; it was not read`, error.offset);
        throw error;
    }
    finally {
        if (!retained)
            tree.delete();
    }
}
/** A short description of a parser failure, without JavaScript's error class names. */
function parserFailure(error) {
    const message = error instanceof Error ? error.message : String(error);
    return /abort/i.test(message) ? 'it ran out of memory' : 'an internal failure';
}
/** After a parser failure: the trees of its instance are dropped unfreed, and the next parse gets a new parser. */
function recoverFromParserFailure() {
    retainedTrees.abandonAll();
    discardTerraformParser();
}
const NO_NUMBERS = new Map();
const EXPONENT_NUMBER = /(?<![\w.$-])\d+[eE][+-]?\d+(?![\w.])/g;
/** Nodes whose text is a string or comment: a number-like run of characters in them is not a number. */
const TEXT_NODES = new Set(['template_literal', 'string_lit', 'comment', 'heredoc_template', 'quoted_template']);
function parseWithExponents(parser, source) {
    const tree = parser.parse(source);
    if (!tree)
        return undefined;
    if (!tree.rootNode.hasError || !/\d[eE]/.test(source))
        return { tree, text: source, numbers: NO_NUMBERS };
    let candidates = new Map();
    for (const match of source.matchAll(EXPONENT_NUMBER)) {
        if (TEXT_NODES.has(tree.rootNode.descendantForIndex(match.index)?.type ?? ''))
            continue;
        candidates.set(match.index, { written: match[0], value: Number(match[0]) });
    }
    // A rewrite can change how the parser recovers elsewhere, and so what is a string: the rewritten tree has
    // the last word. Tokens that are not numbers in it are put back as written, and the text parsed again.
    const current = tree;
    for (let attempt = 0; attempt < 3 && candidates.size > 0; attempt++) {
        let text = source;
        for (const [offset, { written }] of candidates) {
            text = text.slice(0, offset) + '0'.repeat(written.length) + text.slice(offset + written.length);
        }
        const rewritten = parser.parse(text);
        if (!rewritten)
            break;
        const confirmed = new Map([...candidates].filter(([offset]) => {
            const node = rewritten.rootNode.descendantForIndex(offset);
            return node?.type === 'numeric_lit' && node.startIndex === offset;
        }));
        if (confirmed.size === candidates.size) {
            current.delete();
            const numbers = new Map([...confirmed].map(([offset, { value }]) => [offset, value]));
            return { tree: rewritten, text, numbers };
        }
        rewritten.delete();
        candidates = confirmed;
    }
    return { tree: current, text: source, numbers: NO_NUMBERS };
}
/**
 * Source characters whose trees may stay alive at once (beyond the newest tree, which is always kept). A live
 * tree makes the next parse grow WASM's memory, which roughly doubles that parse; freed memory is reused, so
 * keeping a bounded amount costs nothing after the first parses.
 */
const RETAINED_SOURCE_BUDGET = 1 << 20;
class RetainedTrees {
    /** Oldest first. */
    trees = new Set();
    sourceLength = 0;
    makeRoomFor(sourceLength) {
        for (const oldest of this.trees) {
            if (this.sourceLength + sourceLength <= RETAINED_SOURCE_BUDGET)
                break;
            this.release(oldest);
        }
    }
    retain(tree, sourceLength) {
        const retained = { tree, sourceLength, pendingBodies: 0 };
        this.trees.add(retained);
        this.sourceLength += sourceLength;
        return retained;
    }
    releaseAll() {
        for (const retained of this.trees)
            this.release(retained);
    }
    /** Forgets every tree without freeing it: after a failure, their WASM instance must not be called. */
    abandonAll() {
        for (const retained of this.trees) {
            retained.tree = undefined;
            retained.cursor = undefined;
        }
        this.trees.clear();
        this.sourceLength = 0;
    }
    release(retained) {
        if (!retained.tree)
            return;
        retained.cursor?.delete();
        retained.cursor = undefined;
        retained.tree.delete();
        retained.tree = undefined;
        this.trees.delete(retained);
        this.sourceLength -= retained.sourceLength;
    }
}
const retainedTrees = new RetainedTrees();
/** Frees every retained tree: bodies not yet converted are then parsed again from their blocks' text. */
function releaseRetainedTrees() {
    retainedTrees.releaseAll();
}
/** A file dropped by every cache (a reader that is no longer used) frees its tree. */
const treeFinalizer = new FinalizationRegistry((retained) => retainedTrees.release(retained));
/**
 * The top-level body of an error-free file. Attributes (tfvars files are nothing else) are converted at once;
 * of a block only the header (type, labels, position) is read, and its body is converted on first access: a
 * module of thousands of resources is often read to resolve one or a few of them, and copying every body out of
 * WASM costs more than the parse itself. The body comes from the file's tree while it is retained (see
 * RetainedTree), else from parsing the block's text again, which costs about what its share of the parse did.
 */
function lazyTopLevelBody(retained, converter, place, source, numbers) {
    const language = retained.tree.language;
    const attributes = [];
    const blocks = [];
    const cursor = retained.tree.walk();
    try {
        if (!cursor.gotoFirstChild())
            return { attributes, blocks };
        while (nodeTypeName(language, cursor.nodeTypeId) !== 'body') {
            if (!cursor.gotoNextSibling())
                return { attributes, blocks };
        }
        if (!cursor.gotoFirstChild())
            return { attributes, blocks };
        do {
            const type = nodeTypeName(language, cursor.nodeTypeId);
            if (type === 'attribute') {
                const attribute = converter.attribute(plainSubtree(cursor, language, false, source));
                if (attribute)
                    attributes.push(attribute);
            }
            else if (type === 'block') {
                const header = simpleBlockHeader(source, cursor.startIndex, cursor.endIndex) ?? blockHeader(cursor, language, source);
                const descendantIndex = header.hasBody ? cursor.currentDescendantIndex : -1;
                if (header.hasBody)
                    retained.pendingBodies += 1;
                let body;
                const convert = () => {
                    if (!header.hasBody)
                        return emptyBody();
                    let fromTree;
                    try {
                        fromTree =
                            retained.tree && retainedBlockBody(retained, retained.tree, descendantIndex, header, converter, source);
                    }
                    finally {
                        retained.pendingBodies -= 1;
                        if (retained.pendingBodies === 0)
                            retainedTrees.release(retained);
                    }
                    return fromTree ?? reparsedBody(source, { start: header.startIndex, end: header.endIndex }, place, numbers);
                };
                const position = converter.position(header.startIndex);
                blocks.push({
                    type: header.type,
                    labels: header.labels,
                    pos: position,
                    get body() {
                        if (body === undefined) {
                            try {
                                body = convert();
                            }
                            catch (error) {
                                if (!(error instanceof NestingTooDeep))
                                    throw error;
                                // Remembered: every later use of this body reports the same.
                                body = new syntax/* SyntaxLimitError */.py(`this ${header.type} block is ${error.message}; it was not read`, converter.position(error.offset));
                            }
                        }
                        if (body instanceof syntax/* SyntaxLimitError */.py)
                            throw body;
                        return body;
                    }
                });
            }
        } while (cursor.gotoNextSibling());
    }
    finally {
        cursor.delete();
    }
    return { attributes, blocks };
}
/** A top-level block's body converted from the file's tree, or undefined if the block is not where it was. */
function retainedBlockBody(retained, tree, descendantIndex, header, converter, source) {
    const cursor = (retained.cursor ??= tree.walk());
    cursor.gotoDescendant(descendantIndex);
    if (cursor.startIndex !== header.startIndex || cursor.endIndex !== header.endIndex)
        return undefined;
    const block = plainSubtree(cursor, tree.language, false, source);
    return block.type === 'block' ? converter.block(block).body : undefined;
}
function emptyBody() {
    return { attributes: [], blocks: [] };
}
/**
 * A top-level block parsed again on its own, for its body. Top-level blocks do not depend on what surrounds
 * them, so the text that parsed without errors in its file parses the same alone. Positions are those of the
 * file, from where the block starts.
 */
function reparsedBody(source, range, place, numbers) {
    const parser = loadedTerraformParser();
    const start = place(undefined, range.start);
    if (!parser)
        throw new syntax/* SyntaxLimitError */.py('the Terraform parser is not available to read this block', start);
    const text = source.slice(range.start, range.end);
    const tree = parser.parse(text);
    try {
        const shifted = new Map();
        for (const [offset, value] of numbers) {
            if (offset >= range.start && offset < range.end)
                shifted.set(offset - range.start, value);
        }
        const converter = new Converter(placer(start.file, { line: start.line, column: start.column }, text), text, shifted);
        const root = tree && !tree.rootNode.hasError ? plainTree(tree, text) : undefined;
        const topLevel = root && namedChildren(root).find((child) => child.type === 'body');
        const block = topLevel && namedChildren(topLevel).find((child) => child.type === 'block');
        if (!block)
            throw new Error(`internal: a block that parsed in ${start.file} does not parse alone`);
        return converter.block(block).body;
    }
    catch (error) {
        // Offsets in the block's own text, turned back into the file's.
        if (error instanceof NestingTooDeep)
            throw new NestingTooDeep(error.offset + range.start);
        throw error;
    }
    finally {
        tree?.delete();
    }
}
/**
 * `TYPE "label" label {` on one line, with labels that hold no escapes or templates: how nearly every block
 * starts. Read from the text, which spares the many WASM calls of walking the header's nodes.
 */
const SIMPLE_HEADER = /([A-Za-z_][\w-]*)((?:[ \t]+(?:"[^"\\\r\n$%]*"|[A-Za-z_][\w-]*))*)[ \t]*\{/y;
const HEADER_LABEL = /"([^"]*)"|([A-Za-z_][\w-]*)/g;
/** The header of a block (from `startIndex` to `endIndex`) written simply, else undefined. */
function simpleBlockHeader(source, startIndex, endIndex) {
    SIMPLE_HEADER.lastIndex = startIndex;
    const match = SIMPLE_HEADER.exec(source);
    if (!match)
        return undefined;
    const labels = [...match[2].matchAll(HEADER_LABEL)].map((label) => label[1] ?? label[2]);
    const hasBody = source.slice(SIMPLE_HEADER.lastIndex, endIndex - 1).trim() !== '';
    return { type: match[1], labels, startIndex, endIndex, hasBody };
}
/** A block's type, labels and where it starts, read with the cursor (left on the block); its body node, if any. */
function blockHeader(cursor, language, source) {
    const startIndex = cursor.startIndex;
    let type;
    const labels = [];
    const endIndex = cursor.endIndex;
    let hasBody = false;
    if (cursor.gotoFirstChild()) {
        do {
            const childType = nodeTypeName(language, cursor.nodeTypeId);
            if (childType === 'identifier' || childType === 'string_lit') {
                const text = source.slice(cursor.startIndex, cursor.endIndex);
                if (type === undefined)
                    type = text;
                else
                    labels.push(childType === 'string_lit' ? text.slice(1, -1) : text);
            }
            else if (childType === 'body') {
                hasBody = true;
            }
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
    }
    return { type: type ?? '', labels, startIndex, endIndex, hasBody };
}
/** Positions from offsets: a binary search over the line starts, which is cheaper than asking tree-sitter. */
function placer(file, origin, source) {
    const lineStarts = [0];
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    const rowOf = (offset) => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (lineStarts[middle] <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    };
    return (node, offset = node?.startIndex ?? 0) => {
        const row = rowOf(offset);
        const column = offset - lineStarts[row];
        return row === 0
            ? { file, line: origin.line, column: origin.column + column }
            : { file, line: origin.line + row, column: column + 1 };
    };
}
function collectProblems(root, positionOf, source) {
    const problems = [];
    const visit = (node) => {
        if (problems.length >= MAX_PROBLEMS_PER_FILE)
            return;
        if (node.isMissing) {
            problems.push({ message: `missing ${quote(node.type)}`, pos: positionOf(node) });
            return;
        }
        if (node.type === 'ERROR') {
            problems.push(describeError(node, positionOf, source));
            return;
        }
        if (!node.hasError)
            return;
        for (const child of node.children)
            visit(child);
    };
    visit(root);
    return problems;
}
/**
 * An ERROR node that spans lines wraps what tree-sitter could not fit into a construct; the parse failed at its
 * last token (a `}` after a trailing comma, say), so that is where the user should look.
 */
function describeError(node, positionOf, source) {
    if (source.slice(node.startIndex, node.endIndex).includes('\n')) {
        let last = node;
        while (last.children.length > 0)
            last = last.children[last.children.length - 1];
        const text = shorten(textOf(source, last));
        // An empty token is one the parser assumed in order to recover: it names nothing the user wrote.
        const message = text ? `unexpected ${quote(text)}` : 'the parser cannot read the expression that ends here';
        return { message, pos: positionOf(last) };
    }
    const text = shorten(textOf(source, node));
    return { message: text ? `cannot parse ${quote(text)}` : 'unexpected end of input', pos: positionOf(node) };
}
function shorten(text) {
    const line = text.split('\n')[0].trim();
    return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
function textOf(source, node) {
    return source.slice(node.startIndex, node.endIndex);
}
function quote(text) {
    return `\`${text}\``;
}
/** Named and anonymous children without comments (comments may appear between any two tokens). */
function significantChildren(node) {
    return node.children.filter((child) => child.type !== 'comment');
}
class Converter {
    pos;
    source;
    numbers;
    constructor(pos, source, 
    /** Numbers rewritten for the grammar (see ExponentNumbers), by offset. */
    numbers = NO_NUMBERS) {
        this.pos = pos;
        this.source = source;
        this.numbers = numbers;
    }
    namedOfType(node, type) {
        return node.children.find((child) => child.isNamed && child.type === type);
    }
    /** The text of the first named child of a type, or '' when there is none. */
    textOfChild(node, type) {
        const child = this.namedOfType(node, type);
        return child ? this.text(child) : '';
    }
    text(node) {
        return textOf(this.source, node);
    }
    /** The position of an offset into the source. */
    position(offset) {
        return this.pos(undefined, offset);
    }
    attribute(node) {
        const name = this.namedOfType(node, 'identifier');
        const value = this.namedOfType(node, 'expression');
        return name && value
            ? { name: this.text(name), expression: this.expression(value), pos: this.pos(node) }
            : undefined;
    }
    body(node) {
        const attributes = [];
        const blocks = [];
        for (const child of namedChildren(node)) {
            if (child.type === 'attribute') {
                const attribute = this.attribute(child);
                if (attribute)
                    attributes.push(attribute);
            }
            else if (child.type === 'block') {
                blocks.push(this.block(child));
            }
        }
        return { attributes, blocks };
    }
    block(node) {
        const children = namedChildren(node).filter((c) => c.type !== 'comment');
        const type = children[0] ? this.text(children[0]) : '';
        const labels = [];
        let body = { attributes: [], blocks: [] };
        for (const child of children.slice(1)) {
            if (child.type === 'string_lit')
                labels.push(this.source.slice(child.startIndex + 1, child.endIndex - 1));
            else if (child.type === 'identifier')
                labels.push(this.text(child));
            else if (child.type === 'body')
                body = this.body(child);
        }
        return { type, labels, body, pos: this.pos(node) };
    }
    expression(node) {
        const children = significantChildren(node);
        if (children.length === 1 && children[0].type === 'conditional')
            return this.conditional(children[0]);
        return this.term(children, node);
    }
    /** A primary expression followed by attribute, index and splat steps, as tree-sitter flattens them. */
    term(children, whole) {
        const first = children[0];
        if (!first)
            return { kind: 'unsupported', what: 'an empty expression', pos: this.pos(whole) };
        let primary;
        let rest;
        if (first.type === '(') {
            const inner = children.find((c) => c.type === 'expression');
            const close = children.findIndex((c) => c.type === ')');
            primary = inner
                ? this.expression(inner)
                : { kind: 'unsupported', what: 'an empty expression', pos: this.pos(first) };
            rest = children.slice(close + 1);
        }
        else {
            primary = this.primary(first);
            rest = children.slice(1);
        }
        if (rest.length === 0)
            return primary;
        const steps = rest.flatMap((step) => this.steps(step));
        if (primary.kind === 'traversal')
            return { ...primary, steps: [...primary.steps, ...steps] };
        return { kind: 'access', target: primary, steps, pos: primary.pos };
    }
    steps(node) {
        switch (node.type) {
            case 'get_attr':
                return [
                    {
                        kind: 'attr',
                        name: this.textOfChild(node, 'identifier'),
                        pos: this.pos(node)
                    }
                ];
            case 'index': {
                const inner = namedChildren(node)[0];
                if (inner?.type === 'legacy_index') {
                    const digits = this.text(inner).replace(/^\./, '');
                    return [
                        { kind: 'index', key: { kind: 'number', value: Number(digits), pos: this.pos(inner) }, pos: this.pos(node) }
                    ];
                }
                const key = inner && this.namedOfType(inner, 'expression');
                return key
                    ? [{ kind: 'index', key: this.expression(key), pos: this.pos(node) }]
                    : [{ kind: 'splat', pos: this.pos(node) }];
            }
            default:
                return [{ kind: 'splat', pos: this.pos(node) }];
        }
    }
    primary(node) {
        const pos = this.pos(node);
        switch (node.type) {
            case 'literal_value':
                return this.literal(namedChildren(node)[0] ?? node);
            case 'template_expr':
                return this.template(namedChildren(node)[0] ?? node);
            case 'collection_value':
                return this.collection(namedChildren(node)[0] ?? node);
            case 'variable_expr':
                return { kind: 'traversal', root: this.text(node), steps: [], pos };
            case 'function_call':
                return this.call(node);
            case 'operation':
                return this.operation(namedChildren(node)[0] ?? node);
            case 'for_expr':
                return { kind: 'unsupported', what: 'a `for` expression', pos };
            case 'expression':
                return this.expression(node);
            default:
                return { kind: 'unsupported', what: `\`${node.type}\``, pos };
        }
    }
    literal(node) {
        const pos = this.pos(node);
        switch (node.type) {
            case 'numeric_lit': {
                const value = this.numbers.get(node.startIndex) ?? Number(this.text(node));
                return Number.isFinite(value)
                    ? { kind: 'number', value, pos }
                    : { kind: 'unsupported', what: 'a number this large', pos };
            }
            case 'bool_lit':
                return { kind: 'bool', value: this.text(node) === 'true', pos };
            case 'null_lit':
                return { kind: 'null', pos };
            case 'string_lit':
                return this.template(node);
            default:
                return { kind: 'unsupported', what: `\`${node.type}\``, pos };
        }
    }
    /** `string_lit`, `quoted_template` or `heredoc_template`. */
    template(node) {
        const escapes = node.type !== 'heredoc_template';
        if (node.type === 'string_lit' && node.children.length === 0) {
            // Copied without children (see plain-tree.ts): the literal is everything between the quotes.
            const start = node.startIndex + 1;
            const raw = this.source.slice(start, node.endIndex - 1);
            const parts = raw === '' ? [] : [{ kind: 'literal', text: (0,terraform_text/* writtenText */.v4)(raw, this.pos(node, start), { escapes }) }];
            return { kind: 'template', parts, pos: this.pos(node) };
        }
        const parts = [];
        for (const child of namedChildren(node)) {
            if (!child)
                continue;
            if (child.type === 'template_literal') {
                parts.push({ kind: 'literal', text: (0,terraform_text/* writtenText */.v4)(this.text(child), this.pos(child), { escapes }) });
            }
            else if (child.type === 'template_interpolation') {
                const inner = this.namedOfType(child, 'expression');
                if (inner)
                    parts.push({ kind: 'interpolation', expression: this.expression(inner) });
            }
            else if (child.type === 'template_directive') {
                parts.push({ kind: 'directive', pos: this.pos(child) });
            }
        }
        return { kind: 'template', parts, pos: this.pos(node) };
    }
    collection(node) {
        const pos = this.pos(node);
        if (node.type === 'tuple') {
            const items = namedChildren(node)
                .filter((c) => c.type === 'expression')
                .map((c) => this.expression(c));
            return { kind: 'tuple', items, pos };
        }
        if (node.type === 'object') {
            const items = [];
            for (const element of namedChildren(node)) {
                if (element.type !== 'object_elem')
                    continue;
                // object_elem is `key (= or :) value`: the first expression is the key, the second the value.
                const [key, value] = element.children.filter((c) => c.type === 'expression');
                if (!key || !value)
                    continue;
                items.push({ key: this.objectKey(key), value: this.expression(value) });
            }
            return { kind: 'object', items, pos };
        }
        return { kind: 'unsupported', what: `\`${node.type}\``, pos };
    }
    /** `{ name = … }` uses the bare identifier as a string key; `(expr)` and strings are evaluated. */
    objectKey(node) {
        const expression = this.expression(node);
        if (expression.kind === 'traversal' && expression.steps.length === 0) {
            return {
                kind: 'template',
                parts: [{ kind: 'literal', text: (0,terraform_text/* writtenText */.v4)(expression.root, expression.pos, { escapes: false }) }],
                pos: expression.pos
            };
        }
        return expression;
    }
    call(node) {
        const name = this.textOfChild(node, 'identifier');
        const argumentsNode = this.namedOfType(node, 'function_arguments');
        const args = (argumentsNode ? namedChildren(argumentsNode) : [])
            .filter((c) => c.type === 'expression')
            .map((c) => this.expression(c));
        const expandLast = (argumentsNode ? namedChildren(argumentsNode) : []).some((c) => c.type === 'ellipsis');
        return { kind: 'call', name, args, expandLast, pos: this.pos(node) };
    }
    conditional(node) {
        const [condition, whenTrue, whenFalse] = namedChildren(node).filter((c) => c.type === 'expression');
        if (!condition || !whenTrue || !whenFalse)
            return { kind: 'unsupported', what: 'a conditional', pos: this.pos(node) };
        return {
            kind: 'conditional',
            condition: this.expression(condition),
            whenTrue: this.expression(whenTrue),
            whenFalse: this.expression(whenFalse),
            pos: this.pos(node)
        };
    }
    /** Operands of operations are flattened term sequences split by the anonymous operator token. */
    operation(node) {
        const children = significantChildren(node);
        const pos = this.pos(node);
        if (node.type === 'unary_operation') {
            return {
                kind: 'unary',
                operator: children[0] ? this.text(children[0]) : '',
                operand: this.term(children.slice(1), node),
                pos
            };
        }
        const operatorIndex = children.findIndex((c, index) => index > 0 && !c.isNamed && c.type !== '(' && c.type !== ')');
        if (operatorIndex < 0)
            return { kind: 'unsupported', what: 'an operation', pos };
        return {
            kind: 'binary',
            operator: this.text(children[operatorIndex]),
            left: this.term(children.slice(0, operatorIndex), node),
            right: this.term(children.slice(operatorIndex + 1), node),
            pos
        };
    }
}

;// CONCATENATED MODULE: ./src/whitelists/terraform/json-syntax.ts
/**
 * Terraform's JSON syntax (`.tf.json`, `.tfvars.json`) read into the shared syntax tree, with positions from
 * jsonc-parser's offsets. Strings holding `${…}` or `%{…}` are templates, parsed with the native grammar.
 */



/** How many labels the top-level block types take in JSON syntax (`"resource": {"TYPE": {"NAME": {…}}}`). */
const TOP_LEVEL_LABELS = new Map([
    ['resource', 2],
    ['data', 2],
    ['ephemeral', 2],
    ['variable', 1],
    ['output', 1],
    ['module', 1],
    ['provider', 1],
    ['locals', 0],
    ['terraform', 0],
    ['moved', 0],
    ['import', 0],
    ['check', 1]
]);
/**
 * How deep JSON may nest (arrays and objects). The JSON parser and the conversion recurse once per level; real
 * files stay below 20.
 */
const MAX_JSON_DEPTH = 500;
/**
 * The offset of the first bracket that opens a level deeper than `limit`, or -1. A scan of the text, before the
 * recursive parse: strings are skipped (with their escapes), so brackets inside them do not count.
 */
function jsonTooDeepAt(source, limit = MAX_JSON_DEPTH) {
    let depth = 0;
    for (let i = 0; i < source.length; i++) {
        const char = source.charCodeAt(i);
        if (char === 0x22) {
            for (i += 1; i < source.length; i++) {
                const inner = source.charCodeAt(i);
                if (inner === 0x5c)
                    i += 1;
                else if (inner === 0x22)
                    break;
            }
        }
        else if (char === 0x5b || char === 0x7b) {
            depth += 1;
            if (depth > limit)
                return i;
        }
        else if (char === 0x5d || char === 0x7d) {
            depth -= 1;
        }
    }
    return -1;
}
const TEMPLATE_MARK = /(^|[^$])\$\{|(^|[^%])%\{/;
/**
 * `topLevel` is true for `.tf.json` (blocks by type and labels) and false for `.tfvars.json` (an object of
 * variable values, read as attributes).
 */
function parseJson(parser, path, source, options) {
    const lines = lineStarts(source);
    const place = (offset) => {
        let low = 0;
        let high = lines.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (lines[middle] <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        return { file: path, line: low + 1, column: offset - lines[low] + 1 };
    };
    const empty = { attributes: [], blocks: [] };
    const tooDeep = jsonTooDeepAt(source);
    if (tooDeep >= 0) {
        const message = `this file is nested deeper than the limit of ${MAX_JSON_DEPTH} levels; it was not read`;
        return { path, body: empty, problems: [{ message, pos: place(tooDeep), limit: true }] };
    }
    const errors = [];
    const root = (0,main.parseTree)(source, errors, { allowTrailingComma: false, disallowComments: true });
    const problems = errors.slice(0, 5).map((error) => ({
        message: `invalid JSON: ${describeJsonError((0,main.printParseErrorCode)(error.error))}`,
        pos: place(error.offset)
    }));
    if (!root)
        return { path, body: empty, problems };
    if (root.type !== 'object') {
        return {
            path,
            body: empty,
            problems: [...problems, { message: 'expected a JSON object', pos: place(root.offset) }]
        };
    }
    const converter = new JsonConverter(parser, source, place, problems);
    const body = options.topLevel ? converter.topLevelBody(root) : converter.body(root);
    return { path, body, problems };
}
function describeJsonError(code) {
    return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
function lineStarts(source) {
    const starts = [0];
    for (let i = 0; i < source.length; i++)
        if (source[i] === '\n')
            starts.push(i + 1);
    return starts;
}
class JsonConverter {
    parser;
    source;
    place;
    problems;
    constructor(parser, source, place, problems) {
        this.parser = parser;
        this.source = source;
        this.place = place;
        this.problems = problems;
    }
    properties(node) {
        const result = [];
        for (const property of node.children ?? []) {
            const [keyNode, value] = property.children ?? [];
            if (!keyNode || !value || typeof keyNode.value !== 'string')
                continue;
            // Terraform's JSON syntax reserves "//" keys for comments.
            if (keyNode.value === '//')
                continue;
            result.push({ key: keyNode.value, keyNode, value, at: property });
        }
        return result;
    }
    topLevelBody(node) {
        const body = { attributes: [], blocks: [] };
        for (const { key, value } of this.properties(node)) {
            const labelCount = TOP_LEVEL_LABELS.get(key);
            if (labelCount === undefined)
                continue;
            for (const element of value.type === 'array' ? (value.children ?? []) : [value]) {
                this.labelledBlocks(key, element, labelCount, [], body.blocks);
            }
        }
        return body;
    }
    labelledBlocks(type, node, remaining, labels, out) {
        if (node.type !== 'object')
            return;
        if (remaining === 0) {
            out.push({ type, labels, body: this.body(node), pos: this.place(node.offset) });
            return;
        }
        for (const { key, value, at } of this.properties(node)) {
            for (const element of value.type === 'array' ? (value.children ?? []) : [value]) {
                const before = out.length;
                this.labelledBlocks(type, element, remaining - 1, [...labels, key], out);
                // A block is located at its innermost label, where `"NAME": {` is written.
                if (remaining === 1 && out.length > before)
                    out[out.length - 1].pos = this.place(at.offset);
            }
        }
    }
    /**
     * Without a schema, JSON cannot tell an attribute from a nested block: every property is an attribute, and
     * every object (or array of objects) is also a block, so both kinds of lookup find it.
     */
    body(node) {
        const body = { attributes: [], blocks: [] };
        for (const { key, value, at } of this.properties(node)) {
            body.attributes.push({ name: key, expression: this.expression(value), pos: this.place(at.offset) });
            const elements = value.type === 'array' ? (value.children ?? []) : [value];
            if (elements.length > 0 && elements.every((element) => element.type === 'object')) {
                for (const element of elements) {
                    body.blocks.push({ type: key, labels: [], body: this.body(element), pos: this.place(element.offset) });
                }
            }
        }
        return body;
    }
    expression(node) {
        const pos = this.place(node.offset);
        switch (node.type) {
            case 'string':
                return this.string(node, pos);
            case 'number': {
                const value = Number(node.value);
                return Number.isFinite(value)
                    ? { kind: 'number', value, pos }
                    : { kind: 'unsupported', what: 'a number this large', pos };
            }
            case 'boolean':
                return { kind: 'bool', value: node.value === true, pos };
            case 'null':
                return { kind: 'null', pos };
            case 'array':
                return { kind: 'tuple', items: (node.children ?? []).map((child) => this.expression(child)), pos };
            case 'object':
                return {
                    kind: 'object',
                    items: this.properties(node).map(({ key, keyNode, value }) => ({
                        key: this.string(keyNode, this.place(keyNode.offset), key),
                        value: this.expression(value)
                    })),
                    pos
                };
            default:
                return { kind: 'unsupported', what: `JSON ${node.type}`, pos };
        }
    }
    string(node, pos, literalKey) {
        const rawWithQuotes = this.source.slice(node.offset, node.offset + node.length);
        if (literalKey === undefined && TEMPLATE_MARK.test(rawWithQuotes)) {
            // A JSON string's escapes are HCL's too, so the quoted text parses as a native template in place.
            const parsed = parseNative(this.parser, pos.file, `x = ${rawWithQuotes}`, {
                line: pos.line,
                column: pos.column - 4
            });
            this.problems.push(...parsed.problems);
            const expression = parsed.body.attributes[0]?.expression;
            if (expression)
                return expression;
        }
        const start = { ...pos, column: pos.column + 1 };
        return {
            kind: 'template',
            parts: [{ kind: 'literal', text: (0,terraform_text/* writtenText */.v4)(rawWithQuotes.slice(1, -1), start, { escapes: true, json: true }) }],
            pos
        };
    }
}

;// CONCATENATED MODULE: ./src/whitelists/terraform/bucket-policy.ts
/**
 * OSS bucket policies: the allowed addresses are the `acs:SourceIp` values of `IpAddress` conditions in
 * `Allow` statements and of `NotIpAddress` conditions in `Deny` statements ("deny unless from these").
 */



const SOURCE_IP = 'acs:SourceIp';
function property(node, name) {
    if (node?.type !== 'object')
        return undefined;
    for (const child of node.children ?? []) {
        const [key, value] = child.children ?? [];
        if (key?.value === name)
            return value;
    }
    return undefined;
}
function asArray(node) {
    if (!node)
        return [];
    return node.type === 'array' ? (node.children ?? []) : [node];
}
/** The entries of a policy document given as a string (a heredoc, a file's text, or `jsonencode(…)`). */
function bucketPolicyEntries(value) {
    if (value.kind !== 'string')
        return { entries: [], problem: `a bucket policy is a JSON string, not ${value.kind}` };
    const text = value.text;
    if (jsonTooDeepAt(text.value) >= 0) {
        return { entries: [], problem: `the bucket policy nests deeper than the limit of ${MAX_JSON_DEPTH} levels` };
    }
    const root = (0,main.parseTree)(text.value, [], { disallowComments: true });
    if (root?.type !== 'object')
        return { entries: [], problem: 'the bucket policy is not a JSON object' };
    const entries = [];
    let conditions = 0;
    for (const statement of asArray(property(root, 'Statement'))) {
        const effect = property(statement, 'Effect')?.value;
        const condition = property(statement, 'Condition');
        const allowing = effect === 'Allow' ? 'IpAddress' : effect === 'Deny' ? 'NotIpAddress' : undefined;
        for (const operator of ['IpAddress', 'NotIpAddress']) {
            const addresses = asArray(property(property(condition, operator), SOURCE_IP));
            if (addresses.length === 0)
                continue;
            conditions += 1;
            // Allow+NotIpAddress and Deny+IpAddress name addresses that are not let in.
            if (operator !== allowing)
                continue;
            for (const address of addresses) {
                if (address.type !== 'string' || typeof address.value !== 'string')
                    continue;
                const raw = address.value.trim();
                if (raw === '')
                    continue;
                const leading = address.value.length - address.value.trimStart().length;
                entries.push({ raw, at: (0,terraform_text/* positionAt */.t$)(text, address.offset + 1 + leading) });
            }
        }
    }
    if (conditions === 0)
        return { entries, problem: `the bucket policy has no ${SOURCE_IP} condition` };
    return { entries };
}

// EXTERNAL MODULE: ./src/whitelists/terraform/evaluate.ts
var evaluate = __webpack_require__(4214);
// EXTERNAL MODULE: ./src/whitelists/terraform/module.ts
var terraform_module = __webpack_require__(5301);
// EXTERNAL MODULE: ./src/whitelists/terraform/select.ts
var terraform_select = __webpack_require__(2053);
;// CONCATENATED MODULE: ./src/whitelists/terraform/index.ts

















/** A reader with its own cache of parsed files (data sources often share a module). */
function createTerraformReader(options = {}) {
    const cache = options.cache ?? { files: new Map(), modules: new Map(), scopes: new Map() };
    const logger = options.logger ?? io/* silentLogger */.qq;
    const limits = options.limits;
    return {
        format: 'terraform',
        read: (source, ctx) => new Read(source, ctx, ctx.logger ?? logger, cache, limits).run()
    };
}
/** The shared parser, unless it failed since it was loaded: then a new one. */
async function liveParser() {
    for (;;) {
        const parser = await loadTerraformParser();
        if (parser === loadedTerraformParser())
            return parser;
    }
}
/** A file's syntax, parsed once per text: the cache is the reader's, keyed by path and compared by content. */
async function parseCached(cache, file, text) {
    const cached = cache.files.get(file);
    if (cached && cached.text === text)
        return cached.parsed;
    const parser = await liveParser();
    const parsed = file.endsWith('.json')
        ? parseJson(parser, file, text, { topLevel: file.endsWith('.tf.json') })
        : parseNative(parser, file, text);
    cache.files.set(file, { text, parsed });
    return parsed;
}
const defaultCache = { files: new Map(), modules: new Map(), scopes: new Map() };
const terraformReader = createTerraformReader({ cache: defaultCache });
/**
 * A file parsed as the default reader parses it, sharing its cache: the fix editor reads the module the check just
 * read, and parsing a large module again would double the work.
 */
function parseTerraformFile(file, text) {
    return parseCached(defaultCache, file, text);
}
function at(position) {
    return `${position.file}:${position.line}:${position.column}`;
}
/**
 * Whitelists that apply to an instance only once it names them: RDS whitelist templates through
 * `template_id_list`, PolarDB and MongoDB global security IP groups through `global_security_group_list`.
 */
const ATTACHMENTS = new Map([
    [
        'alicloud_db_instance',
        { attribute: 'template_id_list', target: 'alicloud_rds_whitelist_template', targetAttribute: 'ip_white_list' }
    ],
    [
        'alicloud_polardb_cluster',
        {
            attribute: 'global_security_group_list',
            target: 'alicloud_polardb_global_security_ip_group',
            targetAttribute: 'global_ip_list'
        }
    ],
    [
        'alicloud_mongodb_instance',
        {
            attribute: 'global_security_group_list',
            target: 'alicloud_mongodb_global_security_ip_group',
            targetAttribute: 'global_security_ip_list'
        }
    ],
    [
        'alicloud_mongodb_sharding_instance',
        {
            attribute: 'global_security_group_list',
            target: 'alicloud_mongodb_global_security_ip_group',
            targetAttribute: 'global_security_ip_list'
        }
    ]
]);
/** Whether an expression refers to `TYPE.NAME` anywhere (the expression is within the syntax depth limit). */
function refersTo(expression, type, name) {
    switch (expression.kind) {
        case 'traversal':
            return ((expression.root === type && expression.steps[0]?.kind === 'attr' && expression.steps[0].name === name) ||
                expression.steps.some((step) => step.kind === 'index' && refersTo(step.key, type, name)));
        case 'tuple':
            return expression.items.some((item) => refersTo(item, type, name));
        case 'object':
            return expression.items.some((item) => refersTo(item.key, type, name) || refersTo(item.value, type, name));
        case 'template':
            return expression.parts.some((part) => part.kind === 'interpolation' && refersTo(part.expression, type, name));
        case 'access':
            return refersTo(expression.target, type, name);
        case 'call':
            return expression.args.some((arg) => refersTo(arg, type, name));
        case 'conditional':
            return [expression.condition, expression.whenTrue, expression.whenFalse].some((e) => refersTo(e, type, name));
        case 'binary':
            return refersTo(expression.left, type, name) || refersTo(expression.right, type, name);
        case 'unary':
            return refersTo(expression.operand, type, name);
        default:
            return false;
    }
}
/** Stops a read with the findings gathered so far. */
class ReadFailed extends Error {
}
class Read {
    source;
    ctx;
    logger;
    cache;
    limits;
    findings = [];
    entries = [];
    /** Where `addEntry` puts entries: `entries`, or the list of a group that does not apply to the network. */
    sink = this.entries;
    excluded = [];
    entryLimit;
    unresolvedPrefixLists = new Set();
    addHere;
    constructor(source, ctx, logger, cache, limits) {
        this.source = source;
        this.ctx = ctx;
        this.logger = logger;
        this.cache = cache;
        this.limits = limits;
    }
    get files() {
        return this.ctx.files;
    }
    report(rule, message, pos) {
        this.findings.push({
            rule,
            severity: rule === 'unattached-template' ? 'warning' : 'error',
            message,
            dataSource: this.ctx.dataSource.name,
            file: pos.file,
            line: pos.line,
            column: pos.column
        });
    }
    stop(message, pos = this.source.pos) {
        this.report('invalid-whitelist', message, pos);
        throw new ReadFailed();
    }
    async run() {
        try {
            await this.read();
        }
        catch (error) {
            if (error instanceof syntax/* SyntaxLimitError */.py)
                this.report('invalid-whitelist', error.message, error.pos);
            else if (!(error instanceof ReadFailed))
                throw error;
            return { entries: [], findings: this.findings };
        }
        const result = { entries: this.entries, findings: this.findings };
        if (this.addHere)
            result.addHere = { ...this.addHere };
        const excluded = this.excluded.filter((group) => group.entries.length > 0);
        if (excluded.length > 0)
            result.excluded = excluded;
        if (this.entryLimit)
            result.entryLimit = this.entryLimit;
        return result;
    }
    async read() {
        const target = (0,layout/* normalizeRepoPath */.NP)(this.source.file);
        const kind = await this.fileOp(target, () => this.files.kind(target));
        if (kind === null)
            this.stop(`${this.source.file}: no such file or directory`);
        const dir = (0,layout/* moduleDir */.Mf)(target, kind);
        const names = await this.fileOp(dir || '.', () => this.files.listDir(dir), 'directory');
        const { moduleFiles, targetFiles, tfvarsFiles } = (0,layout/* moduleLayout */.Nf)(target, kind, names);
        if (targetFiles.length === 0)
            this.stop(`${this.source.file}: the directory holds no .tf or .tf.json files`);
        for (const extra of this.source.tfvars ?? []) {
            const file = (0,layout/* normalizeRepoPath */.NP)(extra);
            const tfvarsKind = await this.fileOp(file, () => this.files.kind(file));
            if (tfvarsKind !== 'file')
                this.stop(`tfvars file ${extra} ${tfvarsKind ? 'is a directory' : 'does not exist'}`);
            tfvarsFiles.push(file);
        }
        let parsed;
        try {
            // One at a time: the first file that cannot be read stops the read, and the findings stay deterministic.
            parsed = [];
            for (const file of [...moduleFiles, ...tfvarsFiles])
                parsed.push(await this.parse(file));
        }
        catch (error) {
            if (error instanceof ParserLoadError)
                this.stop(`cannot read Terraform: ${error.message}`);
            throw error;
        }
        for (const file of parsed) {
            for (const problem of file.problems)
                this.report('invalid-whitelist', problem.limit ? problem.message : `syntax error: ${problem.message}`, problem.pos);
        }
        if (this.findings.length > 0)
            throw new ReadFailed();
        // Block bodies are converted on first use, and may need a parser again (a failed one was replaced).
        await liveParser();
        const module = this.module(dir, parsed.slice(0, moduleFiles.length));
        for (const problem of module.problems)
            this.report('invalid-whitelist', problem.message, problem.pos);
        if (module.problems.length > 0)
            throw new ReadFailed();
        const scope = this.scope(dir, module, parsed.slice(moduleFiles.length));
        const selection = this.selection(module, targetFiles);
        const resource = this.findResource(module, targetFiles, selection);
        const wanted = this.wantedAttributes(selection, resource);
        if (resource.type === 'alicloud_rds_whitelist_template')
            this.checkAttached(module, resource);
        this.entryLimit = (0,terraform/* terraformResource */.Bv)(this.ctx.dataSource.product, resource.type)?.entryLimit;
        this.readResource(resource, wanted, scope, selection.path ? undefined : module);
    }
    /** The module built from these parsed files, reused when every file is the same as last time. */
    module(dir, files) {
        const cached = this.cache.modules.get(dir);
        if (cached && cached.files.length === files.length && cached.files.every((file, index) => file === files[index])) {
            return cached;
        }
        const module = (0,terraform_module/* buildModule */.Zh)(dir, files);
        this.cache.modules.set(dir, module);
        return module;
    }
    /** Runs a file operation; a refused or unreadable path stops the read with a finding that names it. */
    async fileOp(file, op, expected = 'file') {
        try {
            return await op();
        }
        catch (error) {
            return this.stop(`${file} ${(0,io/* describeFileError */.SQ)(error, expected)}`);
        }
    }
    /** The module's scope with these tfvars files, reused while the module and the files are the same. */
    scope(dir, module, tfvars) {
        const cached = this.cache.scopes.get(dir);
        if (cached?.module === module &&
            cached.tfvars.length === tfvars.length &&
            cached.tfvars.every((file, index) => file === tfvars[index])) {
            return cached.scope;
        }
        const scope = (0,terraform_module/* moduleScope */.$o)(module, tfvars.flatMap(terraform_module/* assignmentsOf */.I7), new evaluate/* EvaluationBudget */.Yo(this.limits));
        this.cache.scopes.set(dir, { module, tfvars, scope });
        return scope;
    }
    async parse(file) {
        const text = await this.fileOp(file, () => this.files.readText(file));
        return parseCached(this.cache, file, text);
    }
    selection(module, targetFiles) {
        if (this.source.select === undefined) {
            const types = new Set(terraform/* TERRAFORM_PRODUCTS */.gn[this.ctx.dataSource.product].resources.map((r) => r.resourceType));
            const candidates = module.resources
                .filter((r) => targetFiles.includes(r.file) && types.has(r.type))
                .map((r) => `${r.type}.${r.name}`);
            this.stop(`a Terraform whitelist source needs \`select\` (TYPE.NAME)` +
                (candidates.length > 0 ? `; candidates here: ${candidates.join(', ')}` : ''));
        }
        const selection = (0,terraform_select/* parseSelect */.c)(this.source.select);
        if (typeof selection === 'string')
            this.stop(selection);
        return selection;
    }
    findResource(module, targetFiles, selection) {
        const { resourceType, resourceName } = selection;
        const matches = (module.resourcesByAddress.get(`${resourceType}.${resourceName}`) ?? []).filter((r) => targetFiles.includes(r.file));
        if (matches.length > 1) {
            this.stop(`${resourceType}.${resourceName} is declared more than once: ${matches.map((r) => at(r.block.pos)).join(', ')}`);
        }
        if (matches.length === 1)
            return matches[0];
        const sameType = module.resources.filter((r) => r.type === resourceType);
        const where = this.source.file;
        const found = sameType.length === 0
            ? `no ${resourceType} resources were found`
            : `found: ${sameType.map((r) => `${r.type}.${r.name} (${at(r.block.pos)})`).join(', ')}`;
        return this.stop(`resource ${resourceType}.${resourceName} not found in ${where}; ${found}`);
    }
    wantedAttributes(selection, resource) {
        if (selection.path) {
            const text = selection.path.map((s) => (s.index === undefined ? s.name : `${s.name}[${s.index}]`)).join('.');
            return [{ path: selection.path, text, shape: (0,terraform/* terraformAttributeShape */.Wp)(resource.type, text) ?? 'any' }];
        }
        const { product, network } = this.ctx.dataSource;
        const profile = terraform/* TERRAFORM_PRODUCTS */.gn[product];
        const attributes = (0,terraform/* terraformAttributes */.QE)(product, resource.type, network);
        if (!attributes) {
            const known = profile.resources.map((r) => r.resourceType);
            this.stop(`${resource.type} is not a ${product} whitelist resource` +
                (known.length > 0 ? ` (expected one of: ${known.join(', ')})` : profile.note ? ` (${profile.note})` : '') +
                `; name the attribute: ${resource.type}.${resource.name}.ATTRIBUTE`);
        }
        return attributes.map((attribute) => {
            const segments = (0,terraform_select/* parseAttributePath */.f)(attribute.path);
            if (typeof segments === 'string')
                throw new Error(`product table path ${attribute.path}: ${segments}`);
            return { path: segments, text: attribute.path, shape: attribute.shape };
        });
    }
    /** A template that no instance of the module attaches applies to nothing: `unattached-template`. */
    checkAttached(module, template) {
        const attached = module.resources.some((candidate) => {
            if (candidate.type !== 'alicloud_db_instance')
                return false;
            const list = (0,syntax/* findAttribute */.Oh)(candidate.block.body, 'template_id_list');
            return list !== undefined && refersTo(list.expression, template.type, template.name);
        });
        if (attached)
            return;
        this.report('unattached-template', `${template.type}.${template.name} is attached to no instance in ${this.source.file} (no alicloud_db_instance lists it in template_id_list): its entries apply to nothing; attach it, or select the instance`, template.block.pos);
    }
    /**
     * The entries of the templates or global groups an instance attaches (see ATTACHMENTS), when they are
     * resources of the module; anything else there (a literal id) cannot be resolved offline.
     */
    readAttachments(module, resource, instance) {
        const attachment = ATTACHMENTS.get(resource.type);
        const list = attachment && (0,syntax/* findAttribute */.Oh)(resource.block.body, attachment.attribute);
        if (!attachment || !list)
            return 0;
        const items = list.expression.kind === 'tuple' ? list.expression.items : [list.expression];
        let read = 0;
        for (const item of items) {
            const step = item.kind === 'traversal' ? item.steps[0] : undefined;
            const target = item.kind === 'traversal' && item.root === attachment.target && step?.kind === 'attr'
                ? (module.resourcesByAddress.get(`${item.root}.${step.name}`) ?? [])[0]
                : undefined;
            if (!target) {
                this.report('unresolved', `${attachment.attribute} of ${instance.label}: only references to ${attachment.target} resources of this module are resolved (\`${attachment.target}.NAME.id\`); this item cannot be resolved offline, so the entries it attaches are unknown`, item.pos);
                continue;
            }
            const attribute = (0,syntax/* findAttribute */.Oh)(target.block.body, attachment.targetAttribute);
            if (!attribute) {
                this.report('invalid-whitelist', `${target.type}.${target.name} does not set ${attachment.targetAttribute}`, target.block.pos);
                continue;
            }
            read += 1;
            this.readAttribute(attribute, instance.scope, 'comma-string');
        }
        return read;
    }
    /**
     * The entries of the `alicloud_ecs_prefix_list` a security-group rule names in `prefix_list_id` (its
     * `entry { cidr }` blocks), read under the rule's direction, policy and ports, which the caller has checked.
     * Only a reference to a prefix list of the module is followed; a literal id, a variable or a data source cannot
     * be resolved offline: `unresolved`. Returns how many lists were read (0 or 1).
     */
    readPrefixList(rule, scope, module) {
        const attribute = (0,syntax/* findAttribute */.Oh)(rule.block.body, 'prefix_list_id');
        // An attribute selected by name (`TYPE.NAME.cidr_ip`) is read alone, as asked.
        if (!attribute || !module)
            return 0;
        const expression = attribute.expression;
        const step = expression.kind === 'traversal' ? expression.steps[0] : undefined;
        const target = expression.kind === 'traversal' && expression.root === 'alicloud_ecs_prefix_list' && step?.kind === 'attr'
            ? (module.resourcesByAddress.get(`${expression.root}.${step.name}`) ?? [])[0]
            : undefined;
        const unresolved = (why) => {
            // The instances of a rule with `count`/`for_each` share its prefix list: one finding, not one per copy.
            if (this.unresolvedPrefixLists.has(rule))
                return 1;
            this.unresolvedPrefixLists.add(rule);
            this.report('unresolved', `prefix_list_id of ${rule.type}.${rule.name}: ${why}, so the entries the rule admits are unknown`, expression.pos);
            return 1;
        };
        if (!target) {
            return unresolved('only a reference to an alicloud_ecs_prefix_list of this module (`alicloud_ecs_prefix_list.NAME.id`) is followed; this one cannot be resolved offline');
        }
        if ((0,syntax/* findAttribute */.Oh)(target.block.body, 'count') || (0,syntax/* findAttribute */.Oh)(target.block.body, 'for_each')) {
            return unresolved(`${target.type}.${target.name} has count or for_each, which is not followed`);
        }
        const path = (0,terraform_select/* parseAttributePath */.f)('entry.cidr');
        if (typeof path === 'string')
            throw new Error(`prefix list path: ${path}`);
        const address = `${target.type}.${target.name}`;
        const occurrences = this.occurrences(target.block.body, path, scope, address);
        this.addHere ??= occurrences[0]?.attribute.pos ?? target.block.pos;
        for (const occurrence of occurrences)
            this.readAttribute(occurrence.attribute, occurrence.scope, 'single');
        return 1;
    }
    readResource(resource, wanted, scope, module) {
        const address = `${resource.type}.${resource.name}`;
        const instances = this.instances(resource, scope);
        let attributesFound = 0;
        let removalsOnly = 0;
        let admitted = 0;
        for (const instance of instances) {
            if (resource.type === 'alicloud_security_group_rule' && !this.admitsTraffic(resource, instance))
                continue;
            const enabled = this.networkEnabled(resource, instance);
            if (enabled !== true) {
                // Found, so that no "does not set" error follows; nothing it holds is allowed on this network.
                attributesFound += 1;
                if (typeof enabled === 'string')
                    this.readExcluded(resource, wanted, instance, enabled);
                continue;
            }
            admitted += 1;
            if (module)
                attributesFound += this.readAttachments(module, resource, instance);
            if (resource.type === 'alicloud_security_group_rule')
                attributesFound += this.readPrefixList(resource, scope, module);
            for (const attribute of wanted) {
                for (const occurrence of this.occurrences(resource.block.body, attribute.path, instance.scope, address)) {
                    attributesFound += 1;
                    this.addHere ??= occurrence.attribute.pos;
                    if (this.isRemoval(occurrence.body, occurrence.scope, `${instance.label}.${attribute.text}`)) {
                        removalsOnly += 1;
                        continue;
                    }
                    this.readAttribute(occurrence.attribute, occurrence.scope, attribute.shape);
                }
            }
        }
        // Rules that do not let DataWorks in declare no entries; a missing entry is then reported at the rule.
        if (instances.length === 0 || admitted === 0) {
            this.addHere ??=
                wanted.map((w) => (0,syntax/* findAttribute */.Oh)(resource.block.body, w.path[0].name)?.pos).find(Boolean) ?? resource.block.pos;
            return;
        }
        if (attributesFound === 0 && this.findings.length === 0) {
            this.addHere = undefined;
            this.stop(`${address} does not set ${wanted.map((w) => w.text).join(' or ')}: its whitelist is then whatever the cloud holds, which cannot be checked from the repository`, resource.block.pos);
        }
        if (removalsOnly === attributesFound && attributesFound > 0) {
            this.stop(`${address} only removes entries (modify_mode = "Delete"): the whitelist that remains is not declared in the repository`, resource.block.pos);
        }
    }
    /**
     * Reads the entries of a group that does not apply to the network apart, for the `missing-entry` message
     * only: what cannot be read there (an unresolved value) changes nothing, so its findings are dropped. Going
     * past the evaluation budget still stops the read.
     */
    readExcluded(resource, wanted, instance, reason) {
        const group = { entries: [], reason };
        const findingsBefore = this.findings.length;
        const address = `${resource.type}.${resource.name}`;
        this.sink = group.entries;
        try {
            for (const attribute of wanted) {
                for (const occurrence of this.occurrences(resource.block.body, attribute.path, instance.scope, address)) {
                    if (this.isRemoval(occurrence.body, occurrence.scope, `${instance.label}.${attribute.text}`))
                        continue;
                    this.readAttribute(occurrence.attribute, occurrence.scope, attribute.shape);
                }
            }
        }
        finally {
            this.sink = this.entries;
        }
        this.findings.splice(findingsBefore);
        this.excluded.push(group);
    }
    /** One instance without `count`/`for_each`; one per element with `for_each`; `count` copies. */
    instances(resource, scope) {
        const address = `${resource.type}.${resource.name}`;
        const forEach = (0,syntax/* findAttribute */.Oh)(resource.block.body, 'for_each');
        if (forEach) {
            const value = this.evaluateOrReport(forEach, scope, `for_each of ${address}`);
            if (!value)
                return [];
            const size = value.kind === 'list' ? value.items.length : value.kind === 'object' ? value.entries.size : 0;
            const what = `for_each of ${address}`;
            if (!this.withinBudget(what, () => scope.budget.checkInstances(size, forEach.expression.pos)))
                return [];
            if (value.kind === 'list') {
                return value.items.flatMap((item) => {
                    const key = (0,evaluate/* scalarText */.ws)(item);
                    if (!key) {
                        this.report('invalid-whitelist', `for_each of ${address} must be a set of strings or a map, it holds ${(0,evaluate/* typeName */.go)(item)}`, item.pos);
                        return [];
                    }
                    return [
                        { scope: (0,evaluate/* withIteration */.M$)(scope, 'each', { key: item, value: item }), label: `${address}["${key.value}"]` }
                    ];
                });
            }
            if (value.kind === 'object') {
                return [...value.entries].map(([key, item]) => ({
                    scope: (0,evaluate/* withIteration */.M$)(scope, 'each', {
                        key: { kind: 'string', text: { value: key, segments: [] }, pos: item.pos },
                        value: item
                    }),
                    label: `${address}["${key}"]`
                }));
            }
            this.report('invalid-whitelist', `for_each of ${address} must be a set or a map, not ${(0,evaluate/* typeName */.go)(value)}`, forEach.pos);
            return [];
        }
        const count = (0,syntax/* findAttribute */.Oh)(resource.block.body, 'count');
        if (count) {
            const value = this.evaluateOrReport(count, scope, `count of ${address}`);
            if (!value)
                return [];
            if (value.kind !== 'number' || !Number.isInteger(value.value) || value.value < 0) {
                this.report('invalid-whitelist', `count of ${address} must be a whole number, not ${(0,evaluate/* typeName */.go)(value)}`, count.pos);
                return [];
            }
            const instances = value.value;
            const what = `count of ${address}`;
            if (!this.withinBudget(what, () => scope.budget.checkInstances(instances, count.expression.pos)))
                return [];
            if (value.value === 0)
                this.logger.info(`${address} has count = 0: it declares no whitelist`);
            return Array.from({ length: value.value }, (_, index) => ({ scope, label: `${address}[${index}]` }));
        }
        return [{ scope, label: address }];
    }
    evaluateOrReport(attribute, scope, what) {
        try {
            return (0,evaluate/* evaluate */._3)(attribute.expression, scope);
        }
        catch (error) {
            if (!(error instanceof evaluate/* Unresolvable */.ro))
                throw error;
            this.report('unresolved', `${what} cannot be evaluated: ${error.message}`, error.pos);
            if (error instanceof evaluate/* BudgetExceeded */.L$)
                throw new ReadFailed();
            return undefined;
        }
    }
    /** Runs a budget check; past the budget, an `unresolved` finding at its position, and the read stops. */
    withinBudget(what, check) {
        try {
            check();
            return true;
        }
        catch (error) {
            if (!(error instanceof evaluate/* Unresolvable */.ro))
                throw error;
            this.report('unresolved', `${what}: ${error.message}`, error.pos);
            if (error instanceof evaluate/* BudgetExceeded */.L$)
                throw new ReadFailed();
            return false;
        }
    }
    /**
     * Every attribute at the end of `path`: through all blocks of each name (or the `[n]`th), including the
     * blocks that `dynamic` blocks generate.
     */
    occurrences(body, segments, scope, where) {
        const [segment, ...rest] = segments;
        if (!segment)
            return [];
        if (rest.length === 0) {
            const attribute = (0,syntax/* findAttribute */.Oh)(body, segment.name);
            return attribute ? [{ attribute, body, scope }] : [];
        }
        const blocks = this.blocksNamed(body, segment.name, scope, where);
        let chosen = blocks;
        if (segment.index !== undefined) {
            const picked = blocks[segment.index];
            chosen = picked ? [picked] : [];
        }
        return chosen.flatMap((block) => this.occurrences(block.body, rest, block.scope, `${where}.${segment.name}`));
    }
    blocksNamed(body, name, scope, where) {
        const found = [];
        for (const block of body.blocks) {
            if (block.type === name && block.labels.length === 0) {
                found.push({ body: block.body, scope, pos: block.pos });
            }
            else if (block.type === 'dynamic' && block.labels[0] === name) {
                const content = block.body.blocks.find((b) => b.type === 'content');
                const forEach = (0,syntax/* findAttribute */.Oh)(block.body, 'for_each');
                if (!content || !forEach) {
                    this.report('invalid-whitelist', `dynamic "${name}" in ${where} needs for_each and a content block`, block.pos);
                    continue;
                }
                const iteratorAttribute = (0,syntax/* findAttribute */.Oh)(block.body, 'iterator');
                const iterator = iteratorAttribute?.expression.kind === 'traversal' ? iteratorAttribute.expression.root : name;
                const value = this.evaluateOrReport(forEach, scope, `for_each of dynamic "${name}" in ${where}`);
                if (!value)
                    continue;
                const iterations = value.kind === 'list'
                    ? value.items.map((item, index) => ({
                        key: { kind: 'number', value: index, pos: item.pos },
                        value: item
                    }))
                    : value.kind === 'object'
                        ? [...value.entries].map(([key, item]) => ({
                            key: { kind: 'string', text: { value: key, segments: [] }, pos: item.pos },
                            value: item
                        }))
                        : undefined;
                if (!iterations) {
                    this.report('invalid-whitelist', `for_each of dynamic "${name}" must be a collection, not ${(0,evaluate/* typeName */.go)(value)}`, forEach.pos);
                    continue;
                }
                const what = `for_each of dynamic "${name}" in ${where}`;
                if (!this.withinBudget(what, () => scope.budget.checkInstances(iterations.length, forEach.expression.pos))) {
                    continue;
                }
                for (const iteration of iterations) {
                    found.push({ body: content.body, scope: (0,evaluate/* withIteration */.M$)(scope, iterator, iteration), pos: block.pos });
                }
            }
        }
        return found;
    }
    /**
     * Whether the instance accepts connections on the data source's network at all:
     * - Elasticsearch takes Internet connections only with `enable_public = true` (otherwise `network-disabled`);
     * - an RDS whitelist group of `whitelist_network_type = "Classic"` admits no VPC clients, and one of `"VPC"` no
     *   Internet clients (`MIX` and no type admit both): its entries do not count for that network. Then the
     *   answer is the reason, in words, and the group's entries are kept apart (`ReadResult.excluded`).
     */
    networkEnabled(resource, instance) {
        const network = this.ctx.dataSource.network;
        const body = resource.block.body;
        if (resource.type === 'alicloud_elasticsearch_instance' && network === 'public') {
            const enable = (0,syntax/* findAttribute */.Oh)(body, 'enable_public');
            const value = enable && this.evaluateOrReport(enable, instance.scope, `enable_public of ${instance.label}`);
            if (enable && !value)
                return false;
            if (value?.kind === 'bool' && value.value)
                return true;
            this.addHere ??= (0,syntax/* findAttribute */.Oh)(body, 'public_whitelist')?.pos ?? resource.block.pos;
            this.report('network-disabled', `${instance.label} does not accept Internet connections: ${enable ? 'enable_public is not true' : 'enable_public is not set (public access is off by default)'}, so public_whitelist allows nothing; set enable_public = true, or reach the source over its VPC`, enable?.pos ?? resource.block.pos);
            return false;
        }
        if (resource.type === 'alicloud_db_instance' || resource.type === 'alicloud_rds_ddr_instance') {
            const typeAttribute = (0,syntax/* findAttribute */.Oh)(body, 'whitelist_network_type');
            if (!typeAttribute)
                return true;
            const value = this.evaluateOrReport(typeAttribute, instance.scope, `whitelist_network_type of ${instance.label}`);
            if (!value)
                return false;
            const type = (0,evaluate/* scalarText */.ws)(value)?.value;
            const excluded = (network === 'private' && type === 'Classic') || (network === 'public' && type === 'VPC');
            if (!excluded)
                return true;
            this.addHere ??= (0,syntax/* findAttribute */.Oh)(body, 'security_ips')?.pos ?? typeAttribute.pos;
            const clients = network === 'private' ? 'VPC' : 'Internet';
            const group = this.groupName(body, instance.scope);
            const reason = `group ${group} of ${instance.label} is ${type}: it does not admit ${clients} clients`;
            this.logger.info(`${reason}; its entries do not count for a ${network} data source`);
            return reason;
        }
        return true;
    }
    /** The RDS group a resource manages (`db_instance_ip_array_name`, "default" when unset), quoted for messages. */
    groupName(body, scope) {
        const attribute = (0,syntax/* findAttribute */.Oh)(body, 'db_instance_ip_array_name');
        if (!attribute)
            return '"default"';
        try {
            const name = (0,evaluate/* scalarText */.ws)((0,evaluate/* evaluate */._3)(attribute.expression, scope))?.value;
            if (name !== undefined)
                return JSON.stringify((0,bounds/* quotePrefix */.nU)(name, bounds/* MAX_QUOTED_CHARS */.oV));
        }
        catch (error) {
            if (!(error instanceof evaluate/* Unresolvable */.ro))
                throw error;
        }
        return `(${attribute.name} at line ${attribute.pos.line})`;
    }
    /** `modify_mode = "Delete"` makes the block's list a list of entries to remove, which allows nothing. */
    isRemoval(body, scope, label) {
        const mode = (0,syntax/* findAttribute */.Oh)(body, 'modify_mode');
        if (!mode)
            return false;
        const value = this.evaluateOrReport(mode, scope, `modify_mode of ${label}`);
        if (value?.kind === 'string' && value.text.value === 'Delete') {
            this.logger.info(`${label}: modify_mode = "Delete" lists entries to remove; they are not allowed entries`);
            return true;
        }
        return false;
    }
    /** Whether a security-group rule instance lets DataWorks in: ingress, accept, TCP, covering the port. */
    admitsTraffic(resource, instance) {
        const body = resource.block.body;
        const text = (name, fallback) => {
            const attribute = (0,syntax/* findAttribute */.Oh)(body, name);
            if (!attribute)
                return fallback;
            const value = this.evaluateOrReport(attribute, instance.scope, `${name} of ${instance.label}`);
            if (!value)
                return null;
            const scalar = (0,evaluate/* scalarText */.ws)(value);
            if (!scalar) {
                this.report('invalid-whitelist', `${name} of ${instance.label} must be a string, not ${(0,evaluate/* typeName */.go)(value)}`, attribute.pos);
                return null;
            }
            return scalar.value.trim().toLowerCase();
        };
        const type = text('type', undefined);
        const policy = text('policy', 'accept');
        const protocol = text('ip_protocol', undefined);
        const portRange = text('port_range', '-1/-1');
        if (type === null || policy === null || protocol === null || portRange === null)
            return false;
        if (type === undefined || protocol === undefined) {
            this.report('invalid-whitelist', `${instance.label} must set type and ip_protocol`, resource.block.pos);
            return false;
        }
        const skip = (why) => {
            this.logger.info(`${instance.label} does not admit DataWorks: ${why}`);
            return false;
        };
        if (type !== 'ingress')
            return skip(`type is "${type}"`);
        if (policy !== 'accept')
            return skip(`policy is "${policy}"`);
        if (protocol !== 'tcp' && protocol !== 'all')
            return skip(`ip_protocol is "${protocol}"`);
        const port = this.ctx.dataSource.port;
        if (port === undefined)
            return true;
        const range = /^(-?\d+)\/(-?\d+)$/.exec(portRange ?? '');
        if (!range) {
            const attribute = (0,syntax/* findAttribute */.Oh)(body, 'port_range');
            this.report('invalid-whitelist', `port_range of ${instance.label} is "${portRange}", expected START/END`, attribute?.pos ?? resource.block.pos);
            return false;
        }
        const start = Number(range[1]);
        const end = Number(range[2]);
        if (start === -1 && end === -1)
            return true;
        return start <= port && port <= end ? true : skip(`port_range ${portRange} does not cover port ${port}`);
    }
    readAttribute(attribute, scope, shape) {
        const value = this.evaluateOrReport(attribute, scope, attribute.name);
        if (value) {
            // Reading is charged too (about one unit per character split into entries): many instances that each
            // read one large value would otherwise multiply it.
            const size = (0,evaluate/* measure */.Q)(value);
            const budget = scope.budget;
            this.withinBudget(attribute.name, () => {
                const at = attribute.expression.pos;
                budget.charge(size.elements + size.characters, at);
                budget.checkEntries(this.entries.length + size.elements + (value.kind === 'string' ? 1 : 0), at);
            });
        }
        this.readValue(attribute, value, shape);
    }
    readValue(attribute, value, shape) {
        if (!value || value.kind === 'null')
            return;
        if (shape === 'bucket-policy') {
            const result = bucketPolicyEntries(value);
            if (result.problem)
                this.report('invalid-whitelist', `${attribute.name}: ${result.problem}`, value.pos);
            for (const entry of result.entries)
                this.addEntry(entry.raw, entry.at ?? value.pos);
            return;
        }
        const wrongShape = (expected) => this.report('invalid-whitelist', `${attribute.name} expects ${expected}, found ${(0,evaluate/* typeName */.go)(value)}`, value.pos);
        if (value.kind === 'list') {
            if (shape === 'comma-string' || shape === 'single')
                return wrongShape(shape === 'single' ? 'one address block' : 'a comma-separated string');
            for (const item of value.items) {
                const text = (0,evaluate/* scalarText */.ws)(item);
                if (!text) {
                    this.report('invalid-whitelist', `${attribute.name} must hold strings, found ${(0,evaluate/* typeName */.go)(item)}`, item.pos);
                    continue;
                }
                for (const piece of (0,terraform_text/* splitEntries */.l8)(text))
                    this.addEntry(piece.raw, piece.at ?? item.pos);
            }
            return;
        }
        const text = (0,evaluate/* scalarText */.ws)(value);
        if (!text)
            return wrongShape(shape === 'set' ? 'a list of strings' : 'a string');
        if (shape === 'set')
            return wrongShape('a list of strings (a set), not a comma-separated string');
        if (shape === 'single') {
            const pieces = (0,terraform_text/* splitEntries */.l8)(text);
            const first = pieces[0];
            if (!first)
                return;
            const trimmed = text.value.trim();
            this.addEntry(trimmed, first.at ?? value.pos);
            return;
        }
        for (const piece of (0,terraform_text/* splitEntries */.l8)(text))
            this.addEntry(piece.raw, piece.at ?? value.pos);
    }
    addEntry(raw, pos) {
        const limit = (this.limits ?? evaluate/* EVALUATION_LIMITS */.G).elements;
        if (this.entries.length + this.excludedCount() >= limit) {
            this.report('unresolved', `evaluation exceeds the budget of ${limit.toLocaleString('en-US')} entries read from one whitelist source`, pos);
            throw new ReadFailed();
        }
        this.sink.push({ raw, file: pos.file, line: pos.line, column: pos.column });
    }
    excludedCount() {
        return (this.excluded.reduce((sum, group) => sum + group.entries.length, 0) +
            (this.sink === this.entries ? 0 : this.sink.length));
    }
}


/***/ }),

/***/ 299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ moduleDir),
/* harmony export */   NP: () => (/* binding */ normalizeRepoPath),
/* harmony export */   Nf: () => (/* binding */ moduleLayout)
/* harmony export */ });
/* unused harmony exports TERRAFORM_FILE, joinRepoPath */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Which files make up the Terraform module a whitelist source names, as Terraform reads a module: every `.tf` and
 * `.tf.json` file of its directory, and its variable files in Terraform's order (`terraform.tfvars`, then
 * `*.auto.tfvars` by name, then the source's own `tfvars:`). One answer for the reader and the fix editor.
 */

const TERRAFORM_FILE = /\.tf(\.json)?$/;
const AUTO_TFVARS = /\.auto\.tfvars(\.json)?$/;
/** A repository-relative path with `/` separators, no `./`, no trailing slash; the root is ''. */
function normalizeRepoPath(relPath) {
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix
        .normalize(relPath.replace(/\\/g, '/'))
        .replace(/^\.\/?/, '')
        .replace(/\/$/, '');
    return normalized === '.' ? '' : normalized;
}
function joinRepoPath(dir, name) {
    return dir === '' ? name : `${dir}/${name}`;
}
/** The layout of the module at `target` (a file or a directory), from the names its directory lists. */
function moduleLayout(target, kind, names) {
    const dir = kind === 'directory' ? target : normalizeRepoPath(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(target));
    const moduleFiles = names.filter((name) => TERRAFORM_FILE.test(name)).map((name) => joinRepoPath(dir, name));
    if (kind === 'file' && !moduleFiles.includes(target))
        moduleFiles.push(target);
    const tfvarsFiles = [
        ...['terraform.tfvars', 'terraform.tfvars.json'].filter((name) => names.includes(name)),
        ...names.filter((name) => AUTO_TFVARS.test(name))
    ].map((name) => joinRepoPath(dir, name));
    return { dir, moduleFiles, targetFiles: kind === 'directory' ? moduleFiles : [target], tfvarsFiles };
}
/** The directory a target names: itself, or the directory of the file. */
function moduleDir(target, kind) {
    return kind === 'directory' ? target : normalizeRepoPath(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(target));
}


/***/ }),

/***/ 5301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ moduleScope),
/* harmony export */   I7: () => (/* binding */ assignmentsOf),
/* harmony export */   Zh: () => (/* binding */ buildModule)
/* harmony export */ });
/* unused harmony export isOverrideFile */
/* harmony import */ var _bounds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(186);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4214);
/* harmony import */ var _syntax_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4606);
/**
 * A Terraform module as the reader sees it: the `.tf`/`.tf.json` files of one directory, their variables,
 * locals and resources, and the values assigned to variables by tfvars files.
 */



/** `override.tf`, `override.tf.json`, `*_override.tf`, `*_override.tf.json`: merged into the others, not added. */
function isOverrideFile(file) {
    return /(^|\/|_)override\.tf(\.json)?$/.test(file);
}
function baseName(file) {
    return file.slice(file.lastIndexOf('/') + 1);
}
/**
 * The module of a directory's files as Terraform loads it: the normal files first, then the override files in
 * lexical order of their names, each top-level block merged into the block of the same type and labels
 * (https://developer.hashicorp.com/terraform/language/files/override).
 */
function buildModule(dir, files) {
    const variables = new Map();
    const locals = new Map();
    const resources = [];
    const problems = [];
    const normal = files.filter((file) => !isOverrideFile(file.path));
    const overrides = files
        .filter((file) => isOverrideFile(file.path))
        .sort((a, b) => (baseName(a.path) < baseName(b.path) ? -1 : baseName(a.path) > baseName(b.path) ? 1 : 0));
    for (const file of normal) {
        for (const block of file.body.blocks) {
            if (block.type === 'variable' && block.labels.length === 1) {
                const name = block.labels[0];
                variables.set(name, { name, block });
            }
            else if (block.type === 'locals') {
                for (const attribute of block.body.attributes)
                    locals.set(attribute.name, attribute);
            }
            else if (block.type === 'resource' && block.labels.length === 2) {
                resources.push({ type: block.labels[0], name: block.labels[1], block, file: file.path });
            }
        }
    }
    const resourcesByAddress = new Map();
    for (const resource of resources) {
        const address = `${resource.type}.${resource.name}`;
        const same = resourcesByAddress.get(address);
        if (same)
            same.push(resource);
        else
            resourcesByAddress.set(address, [resource]);
    }
    for (const file of overrides) {
        const name = baseName(file.path);
        for (const block of file.body.blocks) {
            const missing = (what, terraformSays) => {
                problems.push({
                    message: `${what} in ${name} overrides nothing: no normal file of the module declares it, and Terraform refuses the module ("${terraformSays}")`,
                    pos: block.pos,
                    limit: true
                });
            };
            if (block.type === 'variable' && block.labels.length === 1) {
                const variable = variables.get(block.labels[0]);
                if (variable)
                    variable.block = mergedBlock(variable.block, block);
                else
                    missing(`variable "${(0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .quotePrefix */ .nU)(block.labels[0])}"`, 'Missing base variable declaration to override');
            }
            else if (block.type === 'locals') {
                // Local values are overridden one by one, whichever locals block declares them.
                for (const attribute of block.body.attributes) {
                    if (locals.has(attribute.name))
                        locals.set(attribute.name, attribute);
                    else
                        problems.push({
                            message: `local.${(0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .quotePrefix */ .nU)(attribute.name)} in ${name} overrides nothing: no normal file of the module declares it, and Terraform refuses the module ("Missing base local value definition to override")`,
                            pos: attribute.pos,
                            limit: true
                        });
                }
            }
            else if (block.type === 'resource' && block.labels.length === 2) {
                const same = resourcesByAddress.get(`${block.labels[0]}.${block.labels[1]}`);
                if (!same)
                    missing(`resource "${(0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .quotePrefix */ .nU)(block.labels[0])}" "${(0,_bounds_js__WEBPACK_IMPORTED_MODULE_2__/* .quotePrefix */ .nU)(block.labels[1])}"`, 'Missing resource to override');
                for (const resource of same ?? [])
                    resource.block = mergedBlock(resource.block, block);
            }
            // Other blocks (providers, data sources, outputs, modules) hold no whitelist the reader uses.
        }
    }
    return { dir, files, variables, locals, resources, resourcesByAddress, problems };
}
/**
 * A block with an override block merged in, converted on first use (bodies are lazy, see native-syntax.ts):
 * each argument of the override replaces the argument of that name; its nested blocks replace every nested block
 * of the same type, written as it is or generated by `dynamic`; nested blocks are not merged further.
 */
function mergedBlock(base, override) {
    let body;
    return {
        type: base.type,
        labels: base.labels,
        pos: base.pos,
        get body() {
            body ??= mergeBody(base.body, override.body);
            return body;
        }
    };
}
function mergeBody(base, override) {
    const replaced = new Map(override.attributes.map((attribute) => [attribute.name, attribute]));
    const attributes = base.attributes.map((attribute) => replaced.get(attribute.name) ?? attribute);
    const kept = new Set(base.attributes.map((attribute) => attribute.name));
    attributes.push(...override.attributes.filter((attribute) => !kept.has(attribute.name)));
    const blockType = (block) => block.type === 'dynamic' ? block.labels[0] : block.labels.length === 0 ? block.type : undefined;
    const overridden = new Set(override.blocks.map(blockType).filter((type) => type !== undefined));
    const blocks = [
        ...base.blocks.filter((block) => {
            const type = blockType(block);
            return type === undefined || !overridden.has(type);
        }),
        ...override.blocks
    ];
    return { attributes, blocks };
}
/** The assignments of a tfvars file (each top-level attribute is one variable). */
function assignmentsOf(file) {
    return file.body.attributes.map((attribute) => ({
        name: attribute.name,
        expression: attribute.expression,
        file: file.path
    }));
}
const IN_PROGRESS = Symbol('in progress');
/**
 * The module-level scope: `var.*` from the last tfvars assignment or the default, `local.*` evaluated once each
 * (a failure is remembered and rethrown, a cycle is reported). Every evaluation in it shares one budget.
 */
function moduleScope(module, assignments, budget = new _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .EvaluationBudget */ .Yo()) {
    const constants = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .constantScope */ .$s)(budget);
    const lastAssignment = new Map();
    for (const assignment of assignments)
        lastAssignment.set(assignment.name, assignment);
    const variableValues = new Map();
    const localValues = new Map();
    const remembered = (result) => {
        if (result instanceof _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .Unresolvable */ .ro)
            throw result;
        return result;
    };
    const scope = {
        budget,
        variable(name, at) {
            const known = variableValues.get(name);
            if (known)
                return remembered(known);
            let result;
            const declared = module.variables.get(name);
            const assigned = lastAssignment.get(name);
            if (!declared) {
                result = new _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .Unresolvable */ .ro(`var.${name} is not declared in ${module.dir || 'the repository root'}`, at);
            }
            else {
                const expression = assigned?.expression ?? (0,_syntax_js__WEBPACK_IMPORTED_MODULE_1__/* .findAttribute */ .Oh)(declared.block.body, 'default')?.expression;
                if (!expression) {
                    result = new _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .Unresolvable */ .ro(`var.${name} has no default and no value in terraform.tfvars, *.auto.tfvars or the source's tfvars files`, at);
                }
                else {
                    try {
                        result = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluate */ ._3)(expression, constants);
                    }
                    catch (error) {
                        if (!(error instanceof _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .Unresolvable */ .ro))
                            throw error;
                        result = error;
                    }
                }
            }
            variableValues.set(name, result);
            return remembered(result);
        },
        local(name, at) {
            const known = localValues.get(name);
            if (known === IN_PROGRESS)
                throw new _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .Unresolvable */ .ro(`local.${name} refers to itself`, at);
            if (known)
                return remembered(known);
            const attribute = module.locals.get(name);
            if (!attribute)
                throw new _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .Unresolvable */ .ro(`local.${name} is not defined in ${module.dir || 'the repository root'}`, at);
            localValues.set(name, IN_PROGRESS);
            let result;
            try {
                result = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluate */ ._3)(attribute.expression, scope);
            }
            catch (error) {
                if (!(error instanceof _evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .Unresolvable */ .ro))
                    throw error;
                result = error;
            }
            localValues.set(name, result);
            return remembered(result);
        },
        iterations: new Map()
    };
    return scope;
}


/***/ }),

/***/ 2053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ parseSelect),
/* harmony export */   f: () => (/* binding */ parseAttributePath)
/* harmony export */ });
/** The `select` of a Terraform whitelist source: `TYPE.NAME`, `TYPE.NAME.ATTRIBUTE`, `TYPE.NAME.BLOCK[n].ATTRIBUTE`. */
const NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const SEGMENT = new RegExp(`^(${NAME})(?:\\[(\\d+)\\])?$`);
/** Parses a path like `ip_white_list[0].vpc_ip_list`; the last segment is an attribute and takes no index. */
function parseAttributePath(text) {
    const segments = [];
    for (const part of text.split('.')) {
        const match = SEGMENT.exec(part);
        if (!match)
            return `\`${part}\` is not a block or attribute name (optionally with [n])`;
        segments.push(match[2] === undefined ? { name: match[1] } : { name: match[1], index: Number(match[2]) });
    }
    if (segments[segments.length - 1].index !== undefined) {
        return 'the last part names an attribute and cannot take [n]; [n] picks one of several blocks';
    }
    return segments;
}
/** The parsed select, or a message saying what was expected. */
function parseSelect(text) {
    const expected = 'expected TYPE.NAME, TYPE.NAME.ATTRIBUTE or TYPE.NAME.BLOCK.ATTRIBUTE (BLOCK may take [n])';
    const parts = text.trim().split('.');
    if (parts.length < 2 || !new RegExp(`^${NAME}$`).test(parts[0]) || !new RegExp(`^${NAME}$`).test(parts[1])) {
        return `select \`${text}\`: ${expected}`;
    }
    const [resourceType, resourceName] = parts;
    if (parts.length === 2)
        return { resourceType, resourceName };
    const path = parseAttributePath(parts.slice(2).join('.'));
    if (typeof path === 'string')
        return `select \`${text}\`: ${path}; ${expected}`;
    return { resourceType, resourceName, path };
}


/***/ }),

/***/ 4606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oh: () => (/* binding */ findAttribute),
/* harmony export */   U: () => (/* binding */ describeExpression),
/* harmony export */   py: () => (/* binding */ SyntaxLimitError)
/* harmony export */ });
/**
 * Thrown when a block body that is converted on first use turns out to be beyond the reader's limits (nested
 * too deeply); the read reports it at `pos` as the source being unreadable.
 */
class SyntaxLimitError extends Error {
    pos;
    name = 'SyntaxLimitError';
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
function findAttribute(body, name) {
    return body.attributes.find((attribute) => attribute.name === name);
}
/** A human description of an expression's kind, for messages. */
function describeExpression(expression) {
    switch (expression.kind) {
        case 'traversal':
            return [expression.root, ...expression.steps.map((step) => (step.kind === 'attr' ? step.name : '[…]'))]
                .join('.')
                .replace(/\.\[/g, '[');
        case 'call':
            return `${expression.name}(…)`;
        case 'unsupported':
            return expression.what;
        default:
            return expression.kind;
    }
}


/***/ }),

/***/ 466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ emptyText),
/* harmony export */   Hc: () => (/* binding */ concatTexts),
/* harmony export */   S$: () => (/* binding */ sliceText),
/* harmony export */   dO: () => (/* binding */ computedText),
/* harmony export */   l8: () => (/* binding */ splitEntries),
/* harmony export */   t$: () => (/* binding */ positionAt),
/* harmony export */   v4: () => (/* binding */ writtenText)
/* harmony export */ });
const emptyText = { value: '', segments: [] };
/** Text that was computed rather than written (a number turned into a string); it points at `at` as a whole. */
function computedText(value, at) {
    return { value, segments: value === '' ? [] : [{ offset: 0, at }] };
}
const SIMPLE_ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
const JSON_ESCAPES = { ...SIMPLE_ESCAPES, '/': '/', b: '\b', f: '\f' };
/**
 * Text of a template literal as written at `start`. Quoted strings decode HCL's backslash escapes; heredocs do
 * not (HCL leaves backslashes in heredocs alone). Both turn `$${` and `%%{` into `${` and `%{`.
 */
function writtenText(raw, start, options) {
    // Most literals are written on one line without escapes or `$${`: one segment, the text as written.
    if (!/[\n$%\\]/.test(raw)) {
        return {
            value: raw,
            segments: raw === '' ? [] : [{ offset: 0, at: { file: start.file, line: start.line, column: start.column } }]
        };
    }
    const simpleEscapes = options.json ? JSON_ESCAPES : SIMPLE_ESCAPES;
    let value = '';
    const segments = [];
    let line = start.line;
    let column = start.column;
    // Whether the next emitted character continues the current segment at exactly (line, column).
    let contiguous = false;
    const emit = (chars, consumed) => {
        const decodedExactly = chars.length === consumed;
        if (!contiguous || !decodedExactly)
            segments.push({ offset: value.length, at: { file: start.file, line, column } });
        value += chars;
        column += consumed;
        contiguous = decodedExactly;
    };
    for (let i = 0; i < raw.length;) {
        const char = raw[i];
        if (char === '\n') {
            emit('\n', 1);
            line += 1;
            column = 1;
            contiguous = false;
            i += 1;
            continue;
        }
        if ((char === '$' || char === '%') && raw[i + 1] === char && raw[i + 2] === '{') {
            emit(`${char}{`, 3);
            i += 3;
            continue;
        }
        if (options.escapes && char === '\\' && i + 1 < raw.length) {
            const next = raw[i + 1];
            const simple = simpleEscapes[next];
            if (simple !== undefined) {
                emit(simple, 2);
                i += 2;
                continue;
            }
            const hexLength = next === 'u' ? 4 : next === 'U' ? 8 : 0;
            const hex = raw.slice(i + 2, i + 2 + hexLength);
            if (hexLength > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength) {
                emit(String.fromCodePoint(Number.parseInt(hex, 16)), 2 + hexLength);
                i += 2 + hexLength;
                continue;
            }
        }
        emit(char, 1);
        i += 1;
    }
    return { value, segments };
}
function concatTexts(parts) {
    let value = '';
    const segments = [];
    for (const part of parts) {
        for (const segment of part.segments)
            segments.push({ offset: value.length + segment.offset, at: segment.at });
        value += part.value;
    }
    return { value, segments };
}
/** The characters from `start` to `end`, keeping their positions. */
function sliceText(text, start, end) {
    if (end <= start)
        return emptyText;
    const segments = [];
    const index = segmentIndexAt(text, start);
    if (index >= 0) {
        const first = text.segments[index];
        segments.push({ offset: 0, at: shift(first.at, start - first.offset) });
    }
    for (let i = index + 1; i < text.segments.length; i++) {
        const segment = text.segments[i];
        if (segment.offset >= end)
            break;
        segments.push({ offset: segment.offset - start, at: segment.at });
    }
    return { value: text.value.slice(start, end), segments };
}
/** Where the character at `offset` was written, or null when it was computed. */
function positionAt(text, offset) {
    const index = segmentIndexAt(text, offset);
    if (index < 0)
        return null;
    const segment = text.segments[index];
    return shift(segment.at, offset - segment.offset);
}
function shift(at, by) {
    return at && { file: at.file, line: at.line, column: at.column + by };
}
/** Index of the last segment that starts at or before `offset` (binary search), or -1. */
function segmentIndexAt(text, offset) {
    let low = 0;
    let high = text.segments.length - 1;
    let found = -1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        if (text.segments[middle].offset <= offset) {
            found = middle;
            low = middle + 1;
        }
        else {
            high = middle - 1;
        }
    }
    return found;
}
/** The pieces of `text` between separators (`,` and whitespace by default), each with its own position. */
function splitEntries(text) {
    const pieces = [];
    const pattern = /[^\s,]+/g;
    for (const match of text.value.matchAll(pattern)) {
        pieces.push({ raw: match[0], at: positionAt(text, match.index) });
    }
    return pieces;
}


/***/ })

};
