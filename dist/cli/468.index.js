export const id = 468;
export const ids = [468];
export const modules = {

/***/ 9468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planFixes: () => (/* reexport */ planFixes),
  unifiedDiff: () => (/* reexport */ diff_unifiedDiff),
  writeFixes: () => (/* reexport */ writeFixes)
});

// UNUSED EXPORTS: blocksToAdd, overlayFiles

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/index.ts + 5 modules
var src_config = __webpack_require__(7623);
// EXTERNAL MODULE: ./src/engine.ts + 8 modules
var engine = __webpack_require__(8);
// EXTERNAL MODULE: ./src/io.ts
var io = __webpack_require__(5027);
// EXTERNAL MODULE: ./src/net/index.ts + 6 modules
var net = __webpack_require__(1047);
// EXTERNAL MODULE: ./src/products/index.ts + 1 modules
var products = __webpack_require__(9605);
// EXTERNAL MODULE: ./src/whitelists/structured.ts
var structured = __webpack_require__(5827);
;// CONCATENATED MODULE: ./src/fix/editors/common.ts
/**
 * What every editor shares: the result type, the file's line ending and indentation, and offsets from the 1-based
 * line and column that findings carry. Editors return the whole new text; every byte they do not mean to change
 * is copied as it was.
 */
const BOM = '\uFEFF';
/** Applies non-overlapping splices in one pass. */
function applySplices(text, splices) {
    const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
    const parts = [];
    let at = 0;
    for (const s of sorted) {
        parts.push(text.slice(at, s.start), s.insert);
        at = s.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}
function asText(text, result) {
    return result.ok ? { ok: true, text: applySplices(text, result.splices) } : result;
}
/** The file's line ending: the first one written, `\n` when there is none. */
function lineEndingOf(text) {
    const index = text.search(/\r\n|\n|\r/);
    if (index < 0)
        return '\n';
    return text.startsWith('\r\n', index) ? '\r\n' : text[index];
}
/**
 * The offset of a 1-based line and column (UTF-16 code units). `lfOnly`: only `\n` ends a line (the Terraform
 * parser's view); otherwise `\r\n`, `\n` and a lone `\r` do (the text, YAML and JSON readers' view). Undefined
 * when the position lies outside the text.
 */
function offsetAt(text, line, column, lfOnly = false) {
    if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1)
        return undefined;
    let start = 0;
    for (let current = 1; current < line; current++) {
        let index = start;
        while (index < text.length && text[index] !== '\n' && (lfOnly || text[index] !== '\r'))
            index++;
        if (index >= text.length)
            return undefined;
        start = text[index] === '\r' && text[index + 1] === '\n' ? index + 2 : index + 1;
    }
    const offset = start + column - 1;
    return offset <= text.length ? offset : undefined;
}
/**
 * Offsets of many positions in one text: the line starts are found once. `lfOnly` as in `offsetAt`.
 */
function offsetIndex(text, lfOnly) {
    const starts = [0];
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === '\n' || (!lfOnly && char === '\r' && text[index + 1] !== '\n'))
            starts.push(index + 1);
    }
    return (line, column) => {
        const start = starts[line - 1];
        if (start === undefined || !Number.isInteger(column) || column < 1)
            return undefined;
        const offset = start + column - 1;
        return offset <= text.length ? offset : undefined;
    };
}
/** The start of the line that holds `offset`. */
function lineStart(text, offset) {
    let index = offset;
    while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r')
        index--;
    return index;
}
/** The end of the line that holds `offset` (before its line break, or the end of the text). */
function lineEnd(text, offset) {
    let index = offset;
    while (index < text.length && text[index] !== '\n' && text[index] !== '\r')
        index++;
    return index;
}
/** The blanks that indent the line holding `offset`. */
function indentationAt(text, offset) {
    const start = lineStart(text, offset);
    return /^[ \t]*/.exec(text.slice(start))[0];
}
/** Replaces `[start, end)` of `text`. */
function splice(text, start, end, insert) {
    return text.slice(0, start) + insert + text.slice(end);
}
/**
 * Rewrites one entry in place (a `host-bits-set` entry to its block): the text at the position must be exactly
 * `raw`, otherwise nothing is changed.
 */
function replaceEntryAt(text, at, raw, replacement, lfOnly, knownOffset) {
    const offset = knownOffset ?? offsetAt(text, at.line, at.column, lfOnly);
    if (offset === undefined || offset < 0 || text.slice(offset, offset + raw.length) !== raw) {
        return {
            ok: false,
            reason: `the entry is not written as plain text at its position; write ${replacement} by hand`
        };
    }
    return { ok: true, splices: [{ start: offset, end: offset + raw.length, insert: replacement }] };
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/fix/editors/list.ts
/**
 * Inserting items into a bracketed list written in a file (a JSON array, a YAML flow sequence, a Terraform tuple),
 * in the style of the list: one item per line with the same indentation and trailing-comma habit when it is written
 * one per line, otherwise after the last item with the separator written between the items.
 */

/** What may follow an item on its line without being part of the list: blanks and a comment. */
function restOfLineIsComment(rest) {
    const trimmed = rest.trim();
    return trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//');
}
function insertIntoList(text, list, rendered, eol) {
    const last = list.items[list.items.length - 1];
    if (!last) {
        const inner = text.slice(list.open + 1, list.close);
        if (inner.trim() !== '')
            return { ok: false, reason: 'the empty list holds a comment; add the entries by hand' };
        return { ok: true, splices: [{ start: list.open + 1, end: list.close, insert: rendered.join(', ') }] };
    }
    const multiLine = /[\r\n]/.test(text.slice(list.open, last.start));
    if (multiLine) {
        const indent = indentationAt(text, last.start);
        let after = last.end;
        while (text[after] === ' ' || text[after] === '\t')
            after++;
        const trailingComma = text[after] === ',';
        const from = trailingComma ? after + 1 : last.end;
        const end = lineEnd(text, from);
        if (end <= list.close && restOfLineIsComment(text.slice(from, end))) {
            const lines = rendered.map((item) => `${eol}${indent}${item}`);
            if (trailingComma)
                return { ok: true, splices: [{ start: end, end, insert: lines.map((l) => `${l},`).join('') }] };
            // No trailing comma: the old last item gets one, the new items follow one per line.
            return {
                ok: true,
                splices: [
                    { start: last.end, end: last.end, insert: ',' },
                    { start: end, end, insert: lines.join(',') }
                ]
            };
        }
    }
    const first = list.items[0];
    const second = list.items[1];
    const written = second ? text.slice(first.end, second.start) : ', ';
    const separator = /^[ \t]*,[ \t]*$/.test(written) ? written : ', ';
    return {
        ok: true,
        splices: [{ start: last.end, end: last.end, insert: rendered.map((item) => `${separator}${item}`).join('') }]
    };
}
/** Appends entries to a comma-separated value written in a string, with the separator written in it. */
function appendToCommaString(value, entries, fallbackSeparator) {
    const written = /,[ \t]+/.exec(value)?.[0] ?? (value.includes(',') ? ',' : fallbackSeparator);
    const trimmedEnd = value.replace(/[\s,]+$/, '');
    const tail = value.slice(trimmedEnd.length);
    if (trimmedEnd === '')
        return entries.join(written) + tail;
    return trimmedEnd + entries.map((e) => `${written}${e}`).join('') + tail;
}

;// CONCATENATED MODULE: ./src/fix/editors/structured.ts
/**
 * The YAML and JSON editors. The value is found through the parsers the readers use (the `yaml` library's Document,
 * jsonc-parser's tree), following the source's `select`; the edit is made at the node's own offsets, so comments,
 * quoting, flow or block style and every unrelated byte stay as written. A comma-separated JSON string is rewritten
 * with jsonc-parser's `modify`.
 */




/** An entry in the quoting of its neighbour; a plain scalar that would end in `:` is double-quoted. */
function yamlScalar(entry, style) {
    if (style === dist/* Scalar */.X5.QUOTE_SINGLE)
        return `'${entry}'`;
    if (style === dist/* Scalar */.X5.QUOTE_DOUBLE || entry.endsWith(':'))
        return JSON.stringify(entry);
    return entry;
}
function followYaml(root, path) {
    let node = root;
    for (const segment of path) {
        if ((0,dist/* isAlias */.Vj)(node))
            return { reason: 'the select passes through a YAML alias, whose anchor may be shared' };
        if (segment.kind === 'key') {
            if (!(0,dist/* isMap */.jh)(node))
                return { reason: 'the selected value was not found' };
            const pair = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === segment.key);
            if (!pair)
                return { reason: 'the selected value was not found' };
            node = pair.value;
        }
        else {
            if (!(0,dist/* isSeq */.oP)(node))
                return { reason: 'the selected value was not found' };
            node = node.items[segment.index];
        }
    }
    if ((0,dist/* isAlias */.Vj)(node))
        return { reason: 'the value is a YAML alias; add the entries at its anchor by hand' };
    if (!node || typeof node !== 'object' || !('range' in node))
        return { reason: 'the selected value was not found' };
    return node;
}
function addYamlEntries(text, path, entries, separator) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
    if (doc.errors.length > 0)
        return { ok: false, reason: 'the YAML file does not parse' };
    const node = followYaml(doc.contents, path);
    if ('reason' in node)
        return { ok: false, reason: node.reason };
    const range = node.range;
    if (!range)
        return { ok: false, reason: 'the value has no position in the file' };
    const eol = lineEndingOf(text);
    if ((0,dist/* isSeq */.oP)(node)) {
        const items = node.items.filter((item) => (0,dist/* isScalar */.jn)(item) || (0,dist/* isSeq */.oP)(item) || (0,dist/* isMap */.jh)(item));
        if (items.length !== node.items.length || items.some((item) => !item.range)) {
            return { ok: false, reason: 'the list holds aliases or empty items; add the entries by hand' };
        }
        const lastItem = items[items.length - 1];
        const style = (0,dist/* isScalar */.jn)(lastItem) ? lastItem.type : undefined;
        if (node.flow) {
            return asText(text, insertIntoList(text, {
                open: range[0],
                close: range[1] - 1,
                items: items.map((item) => ({ start: item.range[0], end: item.range[1] }))
            }, entries.map((entry) => yamlScalar(entry, style ?? (entry.includes(':') ? dist/* Scalar */.X5.QUOTE_DOUBLE : dist/* Scalar */.X5.PLAIN))), eol));
        }
        if (!lastItem)
            return { ok: false, reason: 'the list is empty' };
        let dash = lastItem.range[0] - 1;
        while (dash > 0 && (text[dash] === ' ' || text[dash] === '\t'))
            dash--;
        if (text[dash] !== '-' || text.slice(lineStart(text, dash), dash).trim() !== '') {
            return {
                ok: false,
                reason: 'the list item is not written as "- value" on its own line; add the entries by hand'
            };
        }
        const indent = indentationAt(text, dash);
        const end = lineEnd(text, lastItem.range[1]);
        const lines = entries.map((entry) => `${eol}${indent}- ${yamlScalar(entry, style)}`).join('');
        return { ok: true, text: splice(text, end, end, lines) };
    }
    if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string') {
        const quoted = node.type === dist/* Scalar */.X5.QUOTE_DOUBLE || node.type === dist/* Scalar */.X5.QUOTE_SINGLE;
        if (!quoted && node.type !== dist/* Scalar */.X5.PLAIN) {
            return { ok: false, reason: 'the value is a YAML block scalar; add the entries by hand' };
        }
        const start = quoted ? range[0] + 1 : range[0];
        const end = quoted ? range[1] - 1 : range[1];
        const content = text.slice(start, end);
        if (/[\\'\r\n]/.test(content) || (!quoted && content !== node.value)) {
            return { ok: false, reason: 'the string holds escapes or line breaks; add the entries by hand' };
        }
        const updated = appendToCommaString(content, entries, separator);
        if (!quoted && (updated.endsWith(':') || /: |\s#/.test(updated))) {
            return { ok: false, reason: 'the entries cannot be written in this plain YAML string; quote it first' };
        }
        return { ok: true, text: splice(text, start, end, updated) };
    }
    return { ok: false, reason: 'the selected value is neither a list nor a string' };
}
function indentationOptions(text, eol) {
    const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
    return indent.startsWith('\t')
        ? { insertSpaces: false, tabSize: 1, eol }
        : { insertSpaces: true, tabSize: indent.length, eol };
}
function addJsonEntries(text, path, entries, separator) {
    const tree = (0,main.parseTree)(text, [], { disallowComments: true, allowTrailingComma: false });
    if (!tree)
        return { ok: false, reason: 'the JSON file does not parse' };
    const jsonPath = path.map((segment) => (segment.kind === 'key' ? segment.key : segment.index));
    const node = jsonPath.length === 0 ? tree : (0,main.findNodeAtLocation)(tree, jsonPath);
    if (!node)
        return { ok: false, reason: 'the selected value was not found' };
    const eol = lineEndingOf(text);
    if (node.type === 'array') {
        const items = (node.children ?? []).map((child) => ({ start: child.offset, end: child.offset + child.length }));
        return asText(text, insertIntoList(text, { open: node.offset, close: node.offset + node.length - 1, items }, entries.map((entry) => JSON.stringify(entry)), eol));
    }
    if (node.type === 'string' && typeof node.value === 'string') {
        const updated = appendToCommaString(node.value, entries, separator);
        if (jsonPath.length === 0)
            return { ok: true, text: splice(text, node.offset, node.offset + node.length, JSON.stringify(updated)) };
        const edits = (0,main.modify)(text, jsonPath, updated, { formattingOptions: indentationOptions(text, eol) });
        return { ok: true, text: (0,main.applyEdits)(text, edits) };
    }
    return { ok: false, reason: 'the selected value is neither an array nor a string' };
}

// EXTERNAL MODULE: ./src/products/terraform.ts
var terraform = __webpack_require__(2316);
// EXTERNAL MODULE: ./src/whitelists/terraform/module.ts
var terraform_module = __webpack_require__(5301);
// EXTERNAL MODULE: ./src/whitelists/terraform/index.ts + 5 modules
var whitelists_terraform = __webpack_require__(7733);
// EXTERNAL MODULE: ./src/whitelists/terraform/layout.ts
var layout = __webpack_require__(299);
// EXTERNAL MODULE: ./src/whitelists/terraform/select.ts
var terraform_select = __webpack_require__(2053);
// EXTERNAL MODULE: ./src/whitelists/terraform/syntax.ts
var syntax = __webpack_require__(4606);
;// CONCATENATED MODULE: ./src/fix/editors/hcl-scan.ts
const CLOSER = { '[': ']', '(': ')', '{': '}' };
/** The offset after a comment starting at `i`, the same `i` when none starts there, undefined when unterminated. */
function skipComment(text, i) {
    if (text[i] === '#' || (text[i] === '/' && text[i + 1] === '/')) {
        while (i < text.length && text[i] !== '\n')
            i++;
        return i;
    }
    if (text[i] === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        return end < 0 ? undefined : end + 2;
    }
    return i;
}
/** The offset after the quoted string whose `"` is at `start`, or undefined. */
function skipString(text, start) {
    let i = start + 1;
    while (i < text.length) {
        const c = text[i];
        if (c === '\n')
            return undefined;
        if (c === '\\')
            i += 2;
        else if (c === '"')
            return i + 1;
        else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{')
            i += 3;
        else if ((c === '$' || c === '%') && text[i + 1] === '{') {
            const end = skipNested(text, i + 2, '}');
            if (end === undefined)
                return undefined;
            i = end;
        }
        else
            i++;
    }
    return undefined;
}
/** The offset after the `closer` that balances an opener just before `start`, or undefined. */
function skipNested(text, start, closer) {
    const stack = [closer];
    let i = start;
    while (i < text.length) {
        const afterComment = skipComment(text, i);
        if (afterComment === undefined)
            return undefined;
        if (afterComment !== i) {
            i = afterComment;
            continue;
        }
        const c = text[i];
        if (c === '<' && text[i + 1] === '<')
            return undefined;
        if (c === '"') {
            const end = skipString(text, i);
            if (end === undefined)
                return undefined;
            i = end;
            continue;
        }
        if (CLOSER[c])
            stack.push(CLOSER[c]);
        else if (c === ']' || c === ')' || c === '}') {
            if (stack.pop() !== c)
                return undefined;
            if (stack.length === 0)
                return i + 1;
        }
        i++;
    }
    return undefined;
}
/** The tuple whose `[` is at `open`: its items and its `]`; undefined when it cannot be followed. */
function scanTuple(text, open) {
    if (text[open] !== '[')
        return undefined;
    const items = [];
    let itemStart = -1;
    let itemEnd = -1;
    const closeItem = () => {
        if (itemStart < 0)
            return false;
        items.push({ start: itemStart, end: itemEnd });
        itemStart = -1;
        return true;
    };
    let i = open + 1;
    while (i < text.length) {
        const afterComment = skipComment(text, i);
        if (afterComment === undefined)
            return undefined;
        if (afterComment !== i) {
            i = afterComment;
            continue;
        }
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === ']') {
            closeItem();
            return { open, close: i, items };
        }
        if (c === ',') {
            if (!closeItem())
                return undefined;
            i++;
            continue;
        }
        if (c === ')' || c === '}' || (c === '<' && text[i + 1] === '<'))
            return undefined;
        if (itemStart < 0)
            itemStart = i;
        let end = i + 1;
        if (c === '"')
            end = skipString(text, i);
        else if (CLOSER[c])
            end = skipNested(text, i + 1, CLOSER[c]);
        if (end === undefined)
            return undefined;
        itemEnd = end;
        i = end;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/fix/editors/terraform.ts









/** Reads and parses the module a Terraform source names, with its tfvars, as the reader does. */
async function loadModuleView(files, source) {
    const target = (0,layout/* normalizeRepoPath */.NP)(source.file);
    const kind = (await files.kind(target)) === 'directory' ? 'directory' : 'file';
    const dir = (0,layout/* moduleDir */.Mf)(target, kind);
    const { moduleFiles, tfvarsFiles } = (0,layout/* moduleLayout */.Nf)(target, kind, await files.listDir(dir));
    for (const extra of source.tfvars ?? [])
        tfvarsFiles.push((0,layout/* normalizeRepoPath */.NP)(extra));
    const parse = async (file) => (0,whitelists_terraform.parseTerraformFile)(file, await files.readText(file));
    const parsedModule = [];
    for (const file of moduleFiles)
        parsedModule.push(await parse(file));
    const tfvars = [];
    for (const file of tfvarsFiles)
        tfvars.push(await parse(file));
    return { dir, module: (0,terraform_module/* buildModule */.Zh)(dir, parsedModule), tfvars };
}
/** Every attribute of a body and of the blocks inside it (`dynamic` blocks' content included). */
function* attributesWithin(body) {
    yield* body.attributes;
    for (const block of body.blocks)
        yield* attributesWithin(block.body);
}
const attributeIndexes = new WeakMap();
/** The resource and attribute written at `at` (where a `missing-entry` finding points); indexed once per module. */
function attributeAt(view, at) {
    let index = attributeIndexes.get(view);
    if (!index) {
        index = new Map();
        for (const resource of view.module.resources) {
            for (const attribute of attributesWithin(resource.block.body)) {
                const { file, line, column } = attribute.pos;
                index.set(`${file}:${line}:${column}`, { resource, attribute });
            }
        }
        attributeIndexes.set(view, index);
    }
    return index.get(`${at.file}:${at.line}:${at.column}`);
}
/** Functions whose result holds the entries of one argument unchanged: the edit goes into that argument. */
const PASS_THROUGH = {
    toset: 0,
    tolist: 0,
    distinct: 0,
    compact: 0,
    sort: 0,
    flatten: 0,
    join: 1,
    split: 1
};
/**
 * The literal that supplies `expression`'s value, or why there is none. `via` collects the variables and locals
 * passed through.
 */
function literalOf(view, expression, via, depth = 0) {
    if (depth > 50)
        return { reason: 'the value passes through too many variables and locals to follow' };
    switch (expression.kind) {
        case 'tuple':
            return { file: expression.pos.file, kind: 'list', pos: expression.pos, via };
        case 'template':
            if (expression.parts.every((part) => part.kind === 'literal')) {
                return { file: expression.pos.file, kind: 'string', pos: expression.pos, via };
            }
            return { reason: 'the value is a string built from interpolations, not a literal' };
        case 'traversal': {
            const step = expression.steps[0];
            if (expression.steps.length !== 1 || step?.kind !== 'attr')
                break;
            if (expression.root === 'var') {
                via.push(`var.${step.name}`);
                const assigned = [...view.tfvars]
                    .reverse()
                    .map((file) => (0,syntax/* findAttribute */.Oh)(file.body, step.name))
                    .find(Boolean);
                const variable = view.module.variables.get(step.name);
                const value = assigned?.expression ?? (variable && (0,syntax/* findAttribute */.Oh)(variable.block.body, 'default')?.expression);
                if (!value)
                    return { reason: `var.${step.name} has no value in the repository to edit` };
                return literalOf(view, value, via, depth + 1);
            }
            if (expression.root === 'local') {
                via.push(`local.${step.name}`);
                const local = view.module.locals.get(step.name);
                if (!local)
                    return { reason: `local.${step.name} is not defined` };
                return literalOf(view, local.expression, via, depth + 1);
            }
            break;
        }
        case 'call': {
            if (expression.name === 'concat' && !expression.expandLast) {
                const literal = [...expression.args].reverse().find((arg) => arg.kind === 'tuple');
                if (literal)
                    return literalOf(view, literal, via, depth + 1);
                return { reason: 'concat(…) has no list literal among its arguments to add to' };
            }
            const index = PASS_THROUGH[expression.name];
            const argument = index === undefined ? undefined : expression.args[index];
            if (argument && !expression.expandLast)
                return literalOf(view, argument, via, depth + 1);
            break;
        }
        default:
            break;
    }
    return { reason: `the value is the expression ${(0,syntax/* describeExpression */.U)(expression)}, which has no literal to edit` };
}
/**
 * What a data source's Terraform source reads through: its attributes and every variable and local reachable
 * from them. Two data sources that share one of these share a literal.
 */
function readsThrough(view, source, ds) {
    if (source.select === undefined)
        return [];
    const selection = (0,terraform_select/* parseSelect */.c)(source.select);
    if (typeof selection === 'string')
        return [];
    const resources = view.module.resourcesByAddress.get(`${selection.resourceType}.${selection.resourceName}`) ?? [];
    const found = [];
    for (const resource of resources) {
        const paths = [];
        if (selection.path)
            paths.push(selection.path);
        else {
            for (const attribute of (0,terraform/* terraformAttributes */.QE)(ds.product, resource.type, ds.network) ?? []) {
                const segments = (0,terraform_select/* parseAttributePath */.f)(attribute.path);
                if (typeof segments !== 'string')
                    paths.push(segments);
            }
        }
        for (const segments of paths) {
            for (const attribute of attributesAlong(resource.block.body, segments)) {
                found.push(attributeKey(attribute));
                collectReferences(view, attribute.expression, found, new Set(), 0);
            }
        }
    }
    return found;
}
function attributeKey(attribute) {
    return `attribute:${attribute.pos.file}:${attribute.pos.line}:${attribute.pos.column}`;
}
function attributesAlong(body, segments) {
    const [segment, ...rest] = segments;
    if (!segment)
        return [];
    if (rest.length === 0) {
        const attribute = (0,syntax/* findAttribute */.Oh)(body, segment.name);
        return attribute ? [attribute] : [];
    }
    const blocks = body.blocks.flatMap((block) => {
        if (block.type === segment.name && block.labels.length === 0)
            return [block.body];
        if (block.type === 'dynamic' && block.labels[0] === segment.name) {
            return block.body.blocks.filter((b) => b.type === 'content').map((b) => b.body);
        }
        return [];
    });
    return blocks.flatMap((inner) => attributesAlong(inner, rest));
}
/** Adds every `var.X` and `local.X` that `expression` reads, directly or through locals and variable values. */
function collectReferences(view, expression, found, seen, depth) {
    if (depth > 200)
        return;
    const visit = (e) => collectReferences(view, e, found, seen, depth + 1);
    switch (expression.kind) {
        case 'traversal': {
            const step = expression.steps[0];
            if ((expression.root === 'var' || expression.root === 'local') && step?.kind === 'attr') {
                const key = `${expression.root}.${step.name}`;
                found.push(key);
                if (!seen.has(key)) {
                    seen.add(key);
                    if (expression.root === 'local') {
                        const local = view.module.locals.get(step.name);
                        if (local)
                            visit(local.expression);
                    }
                }
            }
            for (const s of expression.steps)
                if (s.kind === 'index')
                    visit(s.key);
            return;
        }
        case 'tuple':
            expression.items.forEach(visit);
            return;
        case 'object':
            expression.items.forEach((item) => {
                visit(item.key);
                visit(item.value);
            });
            return;
        case 'template':
            for (const part of expression.parts)
                if (part.kind === 'interpolation')
                    visit(part.expression);
            return;
        case 'access':
            visit(expression.target);
            return;
        case 'call':
            expression.args.forEach(visit);
            return;
        case 'conditional':
            [expression.condition, expression.whenTrue, expression.whenFalse].forEach(visit);
            return;
        case 'binary':
            visit(expression.left);
            visit(expression.right);
            return;
        case 'unary':
            visit(expression.operand);
            return;
        default:
            return;
    }
}
/** Adds `entries` to the literal at `literal.pos` in `text` (the file's whole text as read, BOM included). */
function editTerraformLiteral(text, literal, entries, separator, knownOffset) {
    if (literal.file.endsWith('.json')) {
        return { ok: false, reason: `${literal.file} is Terraform JSON syntax, which this tool does not edit` };
    }
    const offset = knownOffset ?? offsetAt(text, literal.pos.line, literal.pos.column, true);
    if (offset === undefined || offset < 0)
        return { ok: false, reason: 'the literal could not be found in the file' };
    if (literal.kind === 'list') {
        const list = scanTuple(text, offset);
        if (!list)
            return { ok: false, reason: 'the list could not be followed (a heredoc or unusual syntax inside it)' };
        return insertIntoList(text, list, entries.map((e) => JSON.stringify(e)), lineEndingOf(text));
    }
    if (text[offset] !== '"')
        return { ok: false, reason: 'the string is a heredoc, which this tool does not edit' };
    const end = skipString(text, offset);
    if (end === undefined)
        return { ok: false, reason: 'the string could not be followed' };
    const content = text.slice(offset + 1, end - 1);
    if (/[\\$%]/.test(content)) {
        return { ok: false, reason: 'the string holds escapes or template sequences; add the entries by hand' };
    }
    return {
        ok: true,
        splices: [{ start: offset + 1, end: end - 1, insert: appendToCommaString(content, entries, separator) }]
    };
}

// EXTERNAL MODULE: ./src/whitelists/text.ts
var whitelists_text = __webpack_require__(339);
;// CONCATENATED MODULE: ./src/fix/editors/text.ts
/**
 * The text editor: new entries go after the last entry of the file (where `missing-entry` points), in the style
 * around it: on a line of their own with the same indentation when the last entry stands alone on its line, or
 * after it with the same separator when the line holds several entries (`a, b, c`).
 */


function addTextEntries(text, entries) {
    const eol = lineEndingOf(text);
    const tokens = (0,whitelists_text/* splitEntries */.l8)(text, { comments: true });
    const last = tokens[tokens.length - 1];
    if (!last) {
        const lead = text === '' || /[\r\n]$/.test(text) ? '' : eol;
        return { ok: true, text: `${text}${lead}${entries.join(eol)}${eol}` };
    }
    const lastEnd = last.offset + last.text.length;
    const previous = tokens[tokens.length - 2];
    if (previous) {
        const between = text.slice(previous.offset + previous.text.length, last.offset);
        if (!/[\r\n#]/.test(between)) {
            // Several entries on the last line: continue it with the separator written between them.
            return { ok: true, text: splice(text, lastEnd, lastEnd, entries.map((e) => `${between}${e}`).join('')) };
        }
    }
    const indent = indentationAt(text, last.offset);
    const end = lineEnd(text, lastEnd);
    return { ok: true, text: splice(text, end, end, entries.map((e) => `${eol}${indent}${e}`).join('')) };
}

;// CONCATENATED MODULE: ./src/fix/plan.ts
/**
 * The fix planner (contract §10): from the declared-scope check, what each data source needs added (the fewest
 * CIDRs whose union is exactly what is uncovered, in a form the product accepts), the literal to add it to, and
 * the edits, checked by re-running the check with the edits overlaid on the files.
 */











/** Findings about the declared whitelists only (the deployed scope of contract §9 is never fixed here). */
function declaredScope(finding) {
    return finding.scope !== 'deployed';
}
function isMissing(finding) {
    return finding.rule === 'missing-entry' && declaredScope(finding);
}
function normalize(relPath) {
    const normalized = external_node_path_default().posix.normalize(relPath.replace(/\\/g, '/')).replace(/^\.\//, '');
    return normalized === '.' ? '' : normalized;
}
/** The files with edits laid over them: what the check reads "as if applied". */
function overlayFiles(files, texts) {
    return {
        readText: (relPath) => {
            const edited = texts.get(normalize(relPath));
            return edited === undefined ? files.readText(relPath) : Promise.resolve(edited);
        },
        listDir: (relPath) => files.listDir(relPath),
        kind: (relPath) => files.kind(relPath)
    };
}
/** The blocks to add, written as the product accepts them: IPv4 CIDRs, IPv6 CIDRs or single IPv6 addresses. */
function blocksToAdd(misses, product) {
    const ranges = misses.flatMap((f) => (f.uncovered ?? (f.entry ? [f.entry] : [])).flatMap((text) => {
        const parsed = (0,net/* parseEntry */.ER)(text);
        return parsed.ok ? [parsed.entry.range] : [];
    }));
    const set = net/* IpSet */.yo.build(ranges);
    const profile = (0,products/* productProfile */.T9)(product);
    const write = (cidr) => cidr.version === 6 && profile.ipv6AddressesOnly && cidr.prefix === 128
        ? (0,net/* formatAddress */.M0)(6, cidr.base)
        : (0,net/* formatCidr */.mG)(cidr);
    return [...set.cidrs(4), ...set.cidrs(6)].map(write);
}
const NOT_FIXED_PRODUCTS = {
    'ecs-security-group': 'security-group rules hold one CIDR each, so a fix means new rules; add a rule per block by hand',
    oss: 'OSS bucket policies are JSON documents whose conditions this tool does not edit; add the blocks to the policy by hand'
};
/** The file that a source's entries are added to, for sharing checks of non-Terraform formats. */
function sourceKey(source) {
    return `file:${normalize(source.file)}#${source.format === 'text' ? '' : (source.select ?? '')}`;
}
class Planner {
    files;
    config;
    before;
    views = new Map();
    texts = new Map();
    notFixed = [];
    constructor(files, config, before) {
        this.files = files;
        this.config = config;
        this.before = before;
    }
    readers = new Map();
    /** For each attribute, variable and local of the module: the data sources that read through it (built once). */
    readersIn(view) {
        let known = this.readers.get(view.dir);
        if (!known) {
            known = (async () => {
                const index = new Map();
                for (const ds of this.config.dataSources) {
                    for (const source of ds.whitelist) {
                        if (source.format !== 'terraform')
                            continue;
                        const otherView = await this.view(source);
                        if (!otherView || otherView.dir !== view.dir)
                            continue;
                        for (const key of readsThrough(otherView, source, ds)) {
                            const names = index.get(key) ?? new Set();
                            names.add(ds.name);
                            index.set(key, names);
                        }
                    }
                }
                return index;
            })();
            this.readers.set(view.dir, known);
        }
        return known;
    }
    view(source) {
        const key = JSON.stringify([normalize(source.file), source.tfvars ?? []]);
        let view = this.views.get(key);
        if (!view) {
            view = loadModuleView(this.files, source).catch(() => undefined);
            this.views.set(key, view);
        }
        return view;
    }
    async original(file) {
        const key = normalize(file);
        const known = this.texts.get(key);
        if (known !== undefined)
            return known;
        const text = await this.files.readText(key);
        this.texts.set(key, text);
        return text;
    }
    refuse(findings, reason) {
        for (const finding of findings)
            this.notFixed.push({ finding, reason });
    }
    /** What to add to each data source, or why not; `excluded` data sources are left alone (a failed earlier try). */
    async insertions(excluded) {
        const out = [];
        for (const ds of this.config.dataSources) {
            const misses = this.missesOf(ds.name);
            if (misses.length === 0)
                continue;
            const why = excluded.get(ds.name) ?? (await this.refusal(ds, misses));
            if (typeof why === 'string') {
                this.refuse(misses, why);
                continue;
            }
            out.push(why);
        }
        return out;
    }
    overLimitNames;
    overLimit() {
        this.overLimitNames ??= new Set(this.before.findings.filter((f) => f.rule === 'too-many-entries').map((f) => f.dataSource ?? ''));
        return this.overLimitNames;
    }
    async refusal(ds, misses) {
        const productReason = NOT_FIXED_PRODUCTS[ds.product];
        if (productReason)
            return productReason;
        const source = ds.whitelist[0];
        if (!source)
            return 'the data source has no whitelist file to add to';
        const entries = blocksToAdd(misses, ds.product);
        if (entries.length === 0)
            return 'the missing blocks could not be worked out';
        const profile = (0,products/* productProfile */.T9)(ds.product);
        const overLimit = this.overLimit().has(ds.name);
        if (overLimit && profile.entryLimit) {
            return `the whitelist already holds more than the ${profile.entryLimit.max} entries ${profile.displayName} allows (${profile.entryLimit.scope}); make room first, then add ${entries.join(', ')}`;
        }
        if (source.format !== 'terraform') {
            const key = sourceKey(source);
            const other = this.config.dataSources.find((o) => o.name !== ds.name && o.whitelist.some((s) => sourceKey(s) === key));
            if (other)
                return sharedReason(other, entries, source.file);
            return { dataSource: ds, source, entries };
        }
        const view = await this.view(source);
        const at = misses[0];
        if (!view || at.file === undefined || at.line === undefined || at.column === undefined) {
            return `the Terraform files could not be read again to edit them; add ${entries.join(', ')} by hand`;
        }
        const found = attributeAt(view, { file: at.file, line: at.line, column: at.column });
        if (!found)
            return `no attribute was found where the finding points; add ${entries.join(', ')} by hand`;
        const via = [];
        const literal = literalOf(view, found.attribute.expression, via);
        if ('reason' in literal)
            return `${literal.reason}; add ${entries.join(', ')} by hand where the value is defined`;
        const readers = await this.readersIn(view);
        for (const key of [attributeKey(found.attribute), ...via]) {
            const other = [...(readers.get(key) ?? [])].find((name) => name !== ds.name);
            const otherDs = other === undefined ? undefined : this.config.dataSources.find((d) => d.name === other);
            if (otherDs)
                return sharedReason(otherDs, entries, literal.file);
        }
        return { dataSource: ds, source, entries, literal };
    }
    /** `host-bits-set` findings, each rewritten to its block where it is written. */
    rewrites() {
        return this.before.findings
            .filter((f) => f.rule === 'host-bits-set' && declaredScope(f) && f.file !== undefined && f.entry !== undefined)
            .map((finding) => ({ finding, file: normalize(finding.file) }));
    }
    /** Applies the insertions and rewrites to the original texts: the new text of every file that changed. */
    async apply(insertions, rewrites) {
        const changes = new Map();
        const change = async (file) => {
            let known = changes.get(file);
            if (!known) {
                const before = await this.original(file);
                known = { before, after: before, added: [], dataSources: new Set(), rewrites: [] };
                changes.set(file, known);
            }
            return known;
        };
        const isTerraform = (file) => /\.(tf|tfvars)$/.test(file);
        // Positional edits (rewrites, Terraform literals) run from the end of each file to its start, so each one's
        // position is still that of the file as read; YAML, JSON and text insertions parse the text again afterwards.
        // Every edit runs before the ones nearer the start of its file, so the text before an edit's position is still
        // as read: one index of each file's original line starts gives every position's offset.
        const indexes = new Map();
        const offsetIn = async (file, line, column) => {
            let index = indexes.get(file);
            if (!index) {
                const text = await this.original(file);
                const terraform = isTerraform(file);
                const body = !terraform && text.startsWith(BOM) ? text.slice(1) : text;
                const bodyIndex = offsetIndex(body, terraform);
                const shift = body === text ? 0 : 1;
                index = (l, c) => {
                    const offset = bodyIndex(l, c);
                    return offset === undefined ? undefined : offset + shift;
                };
                indexes.set(file, index);
            }
            return index(line, column);
        };
        const ops = [];
        for (const rewrite of rewrites) {
            const f = rewrite.finding;
            const terraform = isTerraform(rewrite.file);
            ops.push({
                file: rewrite.file,
                at: [f.line, f.column],
                run: async (text) => {
                    const offset = await offsetIn(rewrite.file, f.line, f.column);
                    return replaceEntryAt(text, { line: f.line, column: f.column }, f.raw ?? '', f.entry, terraform, offset ?? -1);
                },
                done: (target) => target.rewrites.push(f),
                failed: (reason) => this.refuse([f], reason)
            });
        }
        for (const insertion of insertions) {
            const literal = insertion.literal;
            if (!literal)
                continue;
            const separator = (0,products/* entrySeparator */.Es)((0,products/* productProfile */.T9)(insertion.dataSource.product));
            ops.push({
                file: normalize(literal.file),
                at: [literal.pos.line, literal.pos.column],
                run: async (text) => editTerraformLiteral(text, literal, insertion.entries, separator, (await offsetIn(normalize(literal.file), literal.pos.line, literal.pos.column)) ?? -1),
                done: (target) => {
                    target.added.push(...insertion.entries);
                    target.dataSources.add(insertion.dataSource.name);
                },
                failed: (reason) => this.refuse(this.missesOf(insertion.dataSource.name), `${reason}; add ${insertion.entries.join(', ')} by hand`)
            });
        }
        ops.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : b.at[0] - a.at[0] || b.at[1] - a.at[1]));
        // Each positional edit is computed on the file as read; a file's splices are then applied in one pass. An edit
        // that would overlap another one of the same file is not made.
        const splicesOf = new Map();
        for (const op of ops) {
            const target = await change(op.file);
            const result = await op.run(target.before);
            if (!result.ok) {
                op.failed(result.reason);
                continue;
            }
            const taken = splicesOf.get(op.file) ?? [];
            const overlaps = result.splices.some((mine) => taken.some((other) => mine.start < other.end && other.start < mine.end));
            if (overlaps) {
                op.failed('it overlaps another edit of the same place');
                continue;
            }
            taken.push(...result.splices);
            splicesOf.set(op.file, taken);
            op.done(target);
        }
        for (const [file, splices] of splicesOf) {
            const target = await change(file);
            target.after = applySplices(target.before, splices);
        }
        for (const insertion of insertions) {
            if (insertion.literal)
                continue;
            const file = normalize(insertion.source.file);
            const target = await change(file);
            const separator = (0,products/* entrySeparator */.Es)((0,products/* productProfile */.T9)(insertion.dataSource.product));
            const result = withoutBom(target.after, true, (body) => addEntries(body, insertion, separator));
            if (!result.ok) {
                this.refuse(this.missesOf(insertion.dataSource.name), `${result.reason}; add ${insertion.entries.join(', ')} by hand`);
                continue;
            }
            target.after = result.text;
            target.added.push(...insertion.entries);
            target.dataSources.add(insertion.dataSource.name);
        }
        for (const [file, c] of changes)
            if (c.after === c.before)
                changes.delete(file);
        return changes;
    }
    missesByDataSource;
    missesOf(dataSource) {
        if (!this.missesByDataSource) {
            this.missesByDataSource = new Map();
            for (const f of this.before.findings) {
                if (!isMissing(f) || f.dataSource === undefined)
                    continue;
                const list = this.missesByDataSource.get(f.dataSource) ?? [];
                list.push(f);
                this.missesByDataSource.set(f.dataSource, list);
            }
        }
        return this.missesByDataSource.get(dataSource) ?? [];
    }
}
function sharedReason(other, entries, file) {
    return `the value in ${file} also feeds the whitelist of "${other.name}", which would then allow ${entries.join(', ')} too; give this data source its own list, or add the entries by hand if both need them`;
}
/** Runs an edit on the text without its byte-order mark (the readers' positions do not count it), then puts it back. */
function withoutBom(text, strip, edit) {
    if (!strip || !text.startsWith(BOM))
        return edit(text);
    const result = edit(text.slice(1));
    return result.ok ? { ok: true, text: BOM + result.text } : result;
}
function addEntries(text, insertion, separator) {
    const { source, entries } = insertion;
    if (source.format === 'text')
        return addTextEntries(text, entries);
    const select = source.select === undefined ? { ok: true, path: [] } : (0,structured/* parseSelect */.c$)(source.select);
    if (!select.ok)
        return { ok: false, reason: select.message };
    return source.format === 'yaml'
        ? addYamlEntries(text, select.path, entries, separator)
        : addJsonEntries(text, select.path, entries, separator);
}
/** The data sources whose edits did not check out: new limit, parse or entry findings, or blocks still missing. */
function failedDataSources(before, after, changes) {
    const failed = new Map();
    const key = (f) => JSON.stringify([f.rule, f.dataSource, f.entry, f.file, f.message]);
    const old = new Set(before.findings.map(key));
    const NEW_PROBLEMS = ['too-many-entries', 'invalid-whitelist', 'invalid-entry', 'unsupported-entry', 'unresolved'];
    const newProblems = new Map();
    for (const f of after.findings) {
        if (f.dataSource === undefined || newProblems.has(f.dataSource))
            continue;
        if (isMissing(f) || (NEW_PROBLEMS.includes(f.rule) && !old.has(key(f))))
            newProblems.set(f.dataSource, f);
    }
    for (const [file, change] of changes) {
        for (const name of change.dataSources) {
            const problem = newProblems.get(name);
            if (!problem || failed.has(name))
                continue;
            failed.set(name, problem.rule === 'too-many-entries'
                ? `adding ${change.added.join(', ')} would break the entry limit (${problem.message}); make room first, then add them by hand`
                : problem.rule === 'missing-entry'
                    ? `the edit of ${file} did not cover every missing block; add ${change.added.join(', ')} by hand`
                    : `the edit of ${file} did not check out (${problem.rule}); add ${change.added.join(', ')} by hand`);
        }
    }
    return failed;
}
/** Where a finding is, for matching the findings of two checks. */
function identity(f) {
    return JSON.stringify(f.rule === 'missing-entry'
        ? [f.rule, f.dataSource, f.entry]
        : [f.rule, f.dataSource, f.entry, f.file, f.line, f.column]);
}
const MAX_ROUNDS = 3;
async function planFixes(opts) {
    const files = opts.files ?? (0,io/* diskRepoFiles */.pL)(opts.root);
    const before = await (0,engine/* runCheck */.k_)({ ...opts, files });
    const loaded = await (0,src_config/* loadConfig */.Z9)(files, normalize(opts.configPath)).catch(() => undefined);
    const config = loaded?.config;
    if (!config)
        return { edits: [], notFixed: [], before, after: before };
    let excluded = new Map();
    let skipRewritesIn = new Set();
    for (let round = 1;; round++) {
        const planner = new Planner(files, config, before);
        const insertions = await planner.insertions(excluded);
        const rewrites = planner.rewrites().filter((r) => !skipRewritesIn.has(r.file));
        const changes = await planner.apply(insertions, rewrites);
        const texts = new Map([...changes].map(([file, c]) => [file, c.after]));
        const after = changes.size === 0 ? before : await (0,engine/* runCheck */.k_)({ ...opts, files: overlayFiles(files, texts) });
        const failed = failedDataSources(before, after, changes);
        const unreadable = (f) => f.rule === 'invalid-whitelist' || f.rule === 'invalid-entry';
        const known = new Set(before.findings.filter(unreadable).map((f) => JSON.stringify([f.file, f.rule, f.message])));
        const newlyBroken = new Set(after.findings
            .filter((f) => unreadable(f) && !known.has(JSON.stringify([f.file, f.rule, f.message])))
            .map((f) => f.file));
        const brokenFiles = [...changes].filter(([file]) => newlyBroken.has(file));
        if ((failed.size > 0 || brokenFiles.length > 0) && round < MAX_ROUNDS) {
            excluded = new Map([...excluded, ...failed]);
            for (const [file, change] of brokenFiles) {
                skipRewritesIn.add(file);
                for (const name of change.dataSources)
                    if (!excluded.has(name))
                        excluded.set(name, `the edit of ${file} did not parse back; add ${change.added.join(', ')} by hand`);
            }
            skipRewritesIn = new Set(skipRewritesIn);
            continue;
        }
        if (failed.size > 0 || brokenFiles.length > 0) {
            // Still failing after the retries: no edit is better than a wrong one.
            const notFixed = before.findings
                .filter((f) => isMissing(f) || f.rule === 'host-bits-set')
                .map((finding) => ({ finding, reason: 'the edits could not be checked; make them by hand' }));
            return { edits: [], notFixed, before, after: annotate(before, notFixed) };
        }
        const edits = [...changes]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([file, c]) => ({ file, before: c.before, after: c.after, added: [...new Set(c.added)] }));
        return { edits, notFixed: planner.notFixed, before, after: annotate(after, planner.notFixed) };
    }
}
/** The after-fix report, each finding that was not fixed saying why. */
function annotate(report, notFixed) {
    if (notFixed.length === 0)
        return report;
    const reasons = new Map();
    for (const n of notFixed)
        if (!reasons.has(identity(n.finding)))
            reasons.set(identity(n.finding), n.reason);
    const findings = report.findings.map((finding) => {
        const reason = reasons.get(identity(finding));
        return reason ? { ...finding, message: `${finding.message} — not fixed: ${reason}` } : finding;
    });
    return { ...report, findings };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/fix/write.ts
/**
 * Writing fixes to disk: each file is written to its real path inside the root, through a temporary file in the
 * same directory renamed over it (a reader sees the old file or the new one, never half of one), with the file's
 * mode kept. A path that leads outside the root, through a link or otherwise, or into `.git/`, is refused, and so
 * is a file that changed since it was read.
 */



function inside(root, real) {
    const relative = external_node_path_default().relative(root, real);
    return relative !== '' && !relative.startsWith(`..${(external_node_path_default()).sep}`) && relative !== '..' && !external_node_path_default().isAbsolute(relative);
}
async function writeOne(realRoot, edit) {
    const segments = edit.file.split('/').filter((s) => s !== '' && s !== '.');
    if (external_node_path_default().posix.isAbsolute(edit.file) || segments.includes('..') || segments.some((s) => s.toLowerCase() === '.git')) {
        return 'is not a path inside the repository; it was not written';
    }
    let real;
    try {
        real = await external_node_fs_.promises.realpath(external_node_path_default().join(realRoot, ...segments));
    }
    catch {
        return 'does not exist any more; it was not written';
    }
    if (!inside(realRoot, real) ||
        external_node_path_default().relative(realRoot, real)
            .split((external_node_path_default()).sep)
            .some((s) => s.toLowerCase() === '.git')) {
        return 'is a link to a place outside the repository; it was not written';
    }
    const stats = await external_node_fs_.promises.stat(real);
    if (!stats.isFile())
        return 'is not a regular file; it was not written';
    const current = await external_node_fs_.promises.readFile(real, 'utf8');
    if (current !== edit.before)
        return 'changed since it was checked; run fix again';
    const temporary = external_node_path_default().join(external_node_path_default().dirname(real), `.${external_node_path_default().basename(real)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await external_node_fs_.promises.writeFile(temporary, edit.after, { flag: 'wx', mode: stats.mode & 0o7777 });
        await external_node_fs_.promises.chmod(temporary, stats.mode & 0o7777);
        await external_node_fs_.promises.rename(temporary, real);
    }
    catch (error) {
        await external_node_fs_.promises.rm(temporary, { force: true });
        const code = error.code;
        return `could not be written (${typeof code === 'string' ? code : 'I/O error'})`;
    }
    return undefined;
}
/** Writes each edit; one file that cannot be written does not stop the others. */
async function writeFixes(root, edits) {
    const result = { written: [], failed: [] };
    const realRoot = await external_node_fs_.promises.realpath(external_node_path_default().resolve(root));
    for (const edit of edits) {
        let reason;
        try {
            reason = await writeOne(realRoot, edit);
        }
        catch (error) {
            const code = error.code;
            reason = `could not be written (${typeof code === 'string' ? code : 'I/O error'})`;
        }
        if (reason)
            result.failed.push({ file: edit.file, reason });
        else
            result.written.push(edit.file);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/fix/line-changes.ts
/**
 * The line changes between two versions of a file (what a fix edited), and their unified diff. Fix edits are
 * small (a few entries added in a few places), so Myers' algorithm runs with a small bound on the number of
 * differing lines; past it, the whole differing middle of the file is one change, which is still correct.
 */
/** Lines of a text with their line endings kept (the last line may have none). */
function splitLines(text) {
    if (text === '')
        return [];
    const lines = text.split(/(?<=\n)/);
    return lines;
}
/** A line without its line ending. */
function lineContent(line) {
    return line.replace(/\r?\n$/, '');
}
/** Differing lines over which the diff stops looking for the fewest changes. */
const MAX_DIFF_DISTANCE = 400;
/** Myers' shortest edit script between `a` and `b`, or `undefined` when it is longer than `maxDistance`. */
function shortestEditScript(a, b, maxDistance) {
    const n = a.length;
    const m = b.length;
    const offset = maxDistance + 1;
    const v = new Int32Array(2 * offset + 1);
    const trace = [];
    for (let d = 0; d <= maxDistance; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m)
                return backtrack(a, b, trace, offset);
        }
    }
    return undefined;
}
function backtrack(a, b, trace, offset) {
    const ops = [];
    let x = a.length;
    let y = b.length;
    for (let d = trace.length - 1; d >= 0; d--) {
        const v = trace[d];
        const k = x - y;
        const previousK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
        const previousX = d === 0 ? 0 : v[offset + previousK];
        const previousY = d === 0 ? 0 : previousX - previousK;
        while (x > previousX && y > previousY) {
            ops.push({ kind: 'equal', line: a[x - 1] });
            x--;
            y--;
        }
        if (d > 0) {
            if (x === previousX)
                ops.push({ kind: 'insert', line: b[y - 1] });
            else
                ops.push({ kind: 'delete', line: a[x - 1] });
        }
        x = previousX;
        y = previousY;
    }
    return ops.reverse();
}
/** The edit script of two line lists: common head and tail first, then Myers on the middle. */
function editScript(a, b, maxDistance) {
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head])
        head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
        tail++;
    }
    const middleA = a.slice(head, a.length - tail);
    const middleB = b.slice(head, b.length - tail);
    const middle = shortestEditScript(middleA, middleB, maxDistance) ?? [
        ...middleA.map((line) => ({ kind: 'delete', line })),
        ...middleB.map((line) => ({ kind: 'insert', line }))
    ];
    return [
        ...a.slice(0, head).map((line) => ({ kind: 'equal', line })),
        ...middle,
        ...a.slice(a.length - tail).map((line) => ({ kind: 'equal', line }))
    ];
}
/** The changed regions from `before` to `after`, in file order. */
function lineChanges(before, after, maxDistance = MAX_DIFF_DISTANCE) {
    const ops = editScript(splitLines(before), splitLines(after), maxDistance);
    const changes = [];
    let beforeIndex = 0;
    let current;
    for (const op of ops) {
        if (op.kind === 'equal') {
            current = undefined;
            beforeIndex++;
            continue;
        }
        if (!current) {
            current = { beforeStart: beforeIndex, beforeCount: 0, after: [] };
            changes.push(current);
        }
        if (op.kind === 'delete') {
            current.beforeCount++;
            beforeIndex++;
        }
        else
            current.after.push(op.line);
    }
    return changes;
}
const CONTEXT_LINES = 3;
const NO_NEWLINE = '\\ No newline at end of file';
/**
 * A unified diff of one file (`--- a/path`, `+++ b/path`, hunks with three lines of context), as `git apply` and
 * `patch -p1` read it. Empty when nothing changed.
 */
function unifiedDiff(file, before, after, options = {}) {
    const maxDistance = options.maxDistance ?? MAX_DIFF_DISTANCE;
    // A patch to apply keeps a CRLF file's `\r` (git apply compares whole lines); one to read shows the text alone.
    const shown = options.keepCarriageReturns ? (line) => line.replace(/\n$/, '') : lineContent;
    const ops = editScript(splitLines(before), splitLines(after), maxDistance);
    const changed = ops.map((op, index) => (op.kind === 'equal' ? -1 : index)).filter((index) => index >= 0);
    if (changed.length === 0)
        return '';
    // Hunks: runs of ops around changes, merged when their context would touch.
    const hunks = [];
    for (const index of changed) {
        const from = Math.max(0, index - CONTEXT_LINES);
        const to = Math.min(ops.length - 1, index + CONTEXT_LINES);
        const last = hunks[hunks.length - 1];
        if (last && from <= last.to + 1)
            last.to = Math.max(last.to, to);
        else
            hunks.push({ from, to });
    }
    const out = [`--- a/${file}`, `+++ b/${file}`];
    // Line numbers at the start of each op.
    let oldLine = 1;
    let newLine = 1;
    const starts = ops.map((op) => {
        const at = { oldLine, newLine };
        if (op.kind !== 'insert')
            oldLine++;
        if (op.kind !== 'delete')
            newLine++;
        return at;
    });
    for (const hunk of hunks) {
        const slice = ops.slice(hunk.from, hunk.to + 1);
        const oldCount = slice.filter((op) => op.kind !== 'insert').length;
        const newCount = slice.filter((op) => op.kind !== 'delete').length;
        const start = starts[hunk.from];
        const oldStart = oldCount === 0 ? start.oldLine - 1 : start.oldLine;
        const newStart = newCount === 0 ? start.newLine - 1 : start.newLine;
        out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
        for (const op of slice) {
            const sign = op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+';
            out.push(`${sign}${shown(op.line)}`);
            if (!op.line.endsWith('\n'))
                out.push(NO_NEWLINE);
        }
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/fix/diff.ts
/**
 * Unified diffs of whole-file edits (what `fix` prints, and what `git apply` / `patch -p1` accept). Lines are
 * compared with their line endings, so a CRLF file's diff keeps its `\r`.
 */

/** Past this many differing lines, the middle of the file is shown as one replaced block. */
const MAX_EDIT_DISTANCE = 2_000;
function diff_unifiedDiff(edit) {
    return unifiedDiff(edit.file, edit.before, edit.after, { maxDistance: MAX_EDIT_DISTANCE, keepCarriageReturns: true });
}

;// CONCATENATED MODULE: ./src/fix/index.ts
/** Fixes (contract §10): the plan, writing it, and its diff. */





/***/ })

};
