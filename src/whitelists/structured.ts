/**
 * The YAML and JSON whitelist readers. `select` names the value inside the document (keys and `[n]` indexes);
 * the value is a list of strings or one string of entries separated by commas or blanks. Every entry keeps the
 * line and column where its text starts, inside quoted strings too.
 */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Document } from 'yaml';
import { formatCount, MAX_ENTRIES_PER_SOURCE, MAX_ITEM_FINDINGS_PER_FILE } from '../bounds.js';
import type { Finding, WhitelistSourceConfig } from '../model.js';
import { jsonTooDeep, parseYamlDocuments } from '../parse-bounds.js';
import { plainYamlError } from '../yaml-errors.js';
import { entriesAt, invalidWhitelist, isEntrySeparator, LineIndex, readWhitelistText, splitEntries } from './text.js';
import type { EntryToken } from './text.js';
import type { DeclaredEntryText, ReadContext, ReadResult, WhitelistReader } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// `select`

export type SelectSegment = { kind: 'key'; key: string } | { kind: 'index'; index: number };

export type ParsedSelect = { ok: true; path: SelectSegment[] } | { ok: false; message: string };

const BARE_KEY_CHAR = /[^.[\]"'\s]/u;

/**
 * Parses `a.b[0].c`, `properties["odps.security.ip.whitelist"]`, `["x.y"].z`. Keys are bare (no dots, brackets,
 * quotes or blanks) or quoted with `"` or `'` inside brackets (`\` escapes the quote and itself); indexes are
 * decimal without leading zeros.
 */
export function parseSelect(select: string): ParsedSelect {
  const path: SelectSegment[] = [];
  let index = 0;
  const fail = (expected: string): ParsedSelect => ({
    ok: false,
    message:
      index >= select.length
        ? `malformed select "${select}": expected ${expected} at its end`
        : `malformed select "${select}": expected ${expected} at character ${index + 1}, found "${select[index]}"`
  });
  const bareKey = (): string | undefined => {
    const start = index;
    while (index < select.length && BARE_KEY_CHAR.test(select[index]!)) index++;
    return index > start ? select.slice(start, index) : undefined;
  };
  if (select.length === 0) return { ok: false, message: 'malformed select: it is empty' };
  while (true) {
    if (select[index] === '[') {
      index++;
      const quote = select[index];
      if (quote === '"' || quote === "'") {
        index++;
        let key = '';
        while (index < select.length && select[index] !== quote) {
          if (select[index] === '\\' && index + 1 < select.length) index++;
          key += select[index];
          index++;
        }
        if (index >= select.length) return fail(`a closing ${quote}`);
        index++;
        path.push({ kind: 'key', key });
      } else {
        const digits = /^(0|[1-9][0-9]*)/.exec(select.slice(index))?.[0];
        if (digits === undefined) return fail('an index (0, 1, …) or a quoted key');
        // No list can be that long (and the number would print as 1e+23).
        if (digits.length > 9) return fail(`an index below 1000000000, not ${digits.slice(0, 20)}`);
        index += digits.length;
        path.push({ kind: 'index', index: Number(digits) });
      }
      if (select[index] !== ']') return fail('"]"');
      index++;
    } else {
      const key = bareKey();
      if (key === undefined) return fail(path.length === 0 ? 'a key or "["' : 'a key');
      path.push({ kind: 'key', key });
    }
    if (index >= select.length) return { ok: true, path };
    if (select[index] === '.') {
      index++;
      if (select[index] === '[') return fail('a key');
    } else if (select[index] !== '[') {
      return fail('".", "[" or the end');
    }
  }
}

/** Writes a path back in select syntax, quoting keys that a bare key cannot spell. */
export function formatSelectPath(path: readonly SelectSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (segment.kind === 'index') text += `[${segment.index}]`;
    else if ([...segment.key].every((char) => BARE_KEY_CHAR.test(char)) && segment.key !== '') {
      text += text === '' ? segment.key : `.${segment.key}`;
    } else text += `[${JSON.stringify(segment.key)}]`;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// One view of YAML and JSON documents, enough to follow a select and read the value.

interface DocNode {
  /** Offset of the node's first character in the text. */
  offset: number;
  /** What it is, for messages: "a mapping", "a number (10)", … */
  description: string;
  /** Keys in document order and a lookup of every pair with that key (JSON allows duplicates). */
  mapping?: { keys: string[]; get(key: string): DocNode[] };
  /** The items, built on demand (a YAML alias may make a list contain itself). */
  list?: () => DocNode[];
  /** How many items `list` builds, known without building them. */
  listSize?: number;
  /** A string's value and its entries, with offsets into the text. */
  string?: { value: string; entries(): EntryToken[] };
}

/**
 * The entries of a string value with their offsets in the text. `decoded` holds each character of the value as
 * the parser decoded it, with the offset of the source that produced it. Separators are whitespace or commas,
 * so how a parser folds line breaks never changes the entries; the decoding is checked against the parser's own
 * value, and when they disagree (an escape this code does not know) the entries keep the parser's text and all
 * point at the string's start rather than at a wrong column.
 */
function locateEntries(value: string, decoded: { char: string; offset: number }[], start: number): EntryToken[] {
  const expected = splitEntries(value, { comments: false });
  const located: EntryToken[] = [];
  let current: EntryToken | undefined;
  for (const { char, offset } of decoded) {
    if (isEntrySeparator(char)) {
      if (current) located.push(current);
      current = undefined;
    } else if (current) current.text += char;
    else current = { text: char, offset };
  }
  if (current) located.push(current);
  const agrees =
    located.length === expected.length && located.every((token, index) => token.text === expected[index]!.text);
  return agrees ? located : expected.map((token) => ({ text: token.text, offset: start }));
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
};

function decodeJsonString(text: string, node: JsonNode): { char: string; offset: number }[] {
  const decoded: { char: string; offset: number }[] = [];
  const end = node.offset + node.length - 1;
  for (let index = node.offset + 1; index < end; index++) {
    const offset = index;
    if (text[index] !== '\\') {
      decoded.push({ char: text[index]!, offset });
      continue;
    }
    const escape = text[++index]!;
    if (escape === 'u') {
      decoded.push({ char: String.fromCharCode(parseInt(text.slice(index + 1, index + 5), 16)), offset });
      index += 4;
    } else decoded.push({ char: JSON_ESCAPES[escape] ?? escape, offset });
  }
  return decoded;
}

const YAML_DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029'
};
const YAML_HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function decodeYamlScalar(text: string, scalar: Scalar): { char: string; offset: number }[] {
  const [start, end] = scalar.range!;
  const decoded: { char: string; offset: number }[] = [];
  if (scalar.type === Scalar.QUOTE_DOUBLE) {
    for (let index = start + 1; index < end - 1; index++) {
      const offset = index;
      if (text[index] !== '\\') {
        decoded.push({ char: text[index]!, offset });
        continue;
      }
      const escape = text[++index]!;
      const hexLength = YAML_HEX_ESCAPE_LENGTH[escape];
      if (hexLength !== undefined) {
        decoded.push({
          char: String.fromCodePoint(parseInt(text.slice(index + 1, index + 1 + hexLength), 16)),
          offset
        });
        index += hexLength;
      } else if (escape === '\n' || escape === '\r') {
        // An escaped line break joins the lines: it and the next line's indentation vanish.
        if (escape === '\r' && text[index + 1] === '\n') index++;
        while (text[index + 1] === ' ' || text[index + 1] === '\t') index++;
      } else decoded.push({ char: YAML_DOUBLE_ESCAPES[escape] ?? escape, offset });
    }
  } else if (scalar.type === Scalar.QUOTE_SINGLE) {
    for (let index = start + 1; index < end - 1; index++) {
      decoded.push({ char: text[index]!, offset: index });
      if (text[index] === "'") index++;
    }
  } else {
    // Plain and block scalars hold their characters as written; a block scalar's first line is its header.
    let index = start;
    if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) {
      while (index < end && text[index] !== '\n' && text[index] !== '\r') index++;
    }
    for (; index < end; index++) decoded.push({ char: text[index]!, offset: index });
  }
  return decoded;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value (null)';
  if (typeof value === 'number' || typeof value === 'bigint') return `a number (${String(value)})`;
  if (typeof value === 'boolean') return `a boolean (${String(value)})`;
  if (value instanceof Date) return `a date (${value.toISOString()})`;
  return `a ${typeof value}`;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function fromYaml(text: string, doc: Document.Parsed, node: unknown): DocNode {
  // An alias stands for its anchor's node. The node's own position is the alias (where it is used, and where a
  // finding about it belongs); the entries of a string keep the anchor's positions, where their text is. Nodes
  // are built lazily, along the select and the selected list only, so recursive aliases cost nothing.
  const offset = (node as { range?: [number, number, number] | null } | null)?.range?.[0] ?? 0;
  if (isAlias(node)) node = node.resolve(doc);
  const textOffset = (node as { range?: [number, number, number] | null } | null)?.range?.[0] ?? offset;
  if (isMap(node)) {
    const pairs = node.items.map((pair) => ({
      key: isScalar(pair.key) ? String(pair.key.value) : isAlias(pair.key) ? `*${pair.key.source}` : '[complex key]',
      value: pair.value
    }));
    return {
      offset,
      description: `a mapping (${countOf(pairs.length, 'key')})`,
      mapping: {
        keys: pairs.map((pair) => pair.key),
        get: (key) => pairs.filter((pair) => pair.key === key).map((pair) => fromYaml(text, doc, pair.value))
      }
    };
  }
  if (isSeq(node)) {
    return {
      offset,
      description: `a list (${countOf(node.items.length, 'item')})`,
      list: () => node.items.map((item) => fromYaml(text, doc, item)),
      listSize: node.items.length
    };
  }
  if (isScalar(node) && typeof node.value === 'string') {
    const value = node.value;
    return {
      offset,
      description: 'a string',
      string: { value, entries: () => locateEntries(value, decodeYamlScalar(text, node), textOffset) }
    };
  }
  return { offset, description: describeValue(isScalar(node) ? node.value : null) };
}

function fromJson(text: string, node: JsonNode): DocNode {
  const { offset } = node;
  switch (node.type) {
    case 'object': {
      const properties = (node.children ?? []).map((property) => ({
        key: String(property.children?.[0]?.value),
        value: property.children?.[1]
      }));
      return {
        offset,
        description: `an object (${countOf(properties.length, 'key')})`,
        mapping: {
          keys: properties.map((property) => property.key),
          get: (key) =>
            properties
              .filter((property) => property.key === key)
              .map((property) =>
                property.value ? fromJson(text, property.value) : { offset, description: 'a missing value' }
              )
        }
      };
    }
    case 'array': {
      const items = node.children ?? [];
      return {
        offset,
        description: `an array (${countOf(items.length, 'item')})`,
        list: () => items.map((item) => fromJson(text, item)),
        listSize: items.length
      };
    }
    case 'string': {
      const value = String(node.value);
      return {
        offset,
        description: 'a string',
        string: { value, entries: () => locateEntries(value, decodeJsonString(text, node), offset) }
      };
    }
    default:
      return { offset, description: describeValue(node.value) };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const MAX_LISTED_KEYS = 20;

function listKeys(keys: string[]): string {
  if (keys.length === 0) return 'nothing (it is empty)';
  const shown = keys.slice(0, MAX_LISTED_KEYS).map((key) => formatSelectPath([{ kind: 'key', key }]));
  const more = keys.length - shown.length;
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

type Selection = { found: DocNode } | { failedAt: DocNode; reason: string };

function follow(root: DocNode, path: SelectSegment[]): Selection {
  let node = root;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth]!;
    const where = depth === 0 ? 'at the top level' : `under "${formatSelectPath(path.slice(0, depth))}"`;
    if (segment.kind === 'key') {
      if (!node.mapping) {
        return { failedAt: node, reason: `no key "${segment.key}" ${where}: it is ${node.description}` };
      }
      const matches = node.mapping.get(segment.key);
      if (matches.length === 0) {
        return { failedAt: node, reason: `no key "${segment.key}" ${where}; found: ${listKeys(node.mapping.keys)}` };
      }
      if (matches.length > 1) {
        return { failedAt: node, reason: `key "${segment.key}" appears ${matches.length} times ${where}` };
      }
      node = matches[0]!;
    } else {
      if (!node.list) {
        return { failedAt: node, reason: `no item [${segment.index}] ${where}: it is ${node.description}` };
      }
      const item = node.list()[segment.index];
      if (!item) return { failedAt: node, reason: `no item [${segment.index}] ${where}: it is ${node.description}` };
      node = item;
    }
  }
  return { found: node };
}

const EXPECTED_VALUE = 'a list of strings or one string of entries separated by commas';
const EXPECTED_ITEM = 'a string (an address, CIDR or range)';

/** Reads entries from the selected node of a parsed document. */
function readSelected(root: DocNode, source: WhitelistSourceConfig, ctx: ReadContext, lines: LineIndex): ReadResult {
  const at = (offset: number): { file: string; line: number; column: number } => ({
    file: source.file,
    ...lines.position(offset)
  });
  let path: SelectSegment[] = [];
  if (source.select !== undefined) {
    const parsed = parseSelect(source.select);
    if (!parsed.ok) {
      const { file, line, column } = source.pos;
      return { entries: [], findings: [invalidWhitelist(ctx, { file, line, column }, parsed.message)] };
    }
    path = parsed.path;
  }
  const selection = follow(root, path);
  if ('failedAt' in selection) {
    // The finding points into the whitelist file, at the deepest node the select reached: that is where what
    // exists is listed, and where a renamed key shows up in a pull request.
    const configAt = `${source.pos.file}:${source.pos.line}:${source.pos.column}`;
    const message = `select "${source.select ?? ''}" (${configAt}) matches nothing in "${source.file}": ${selection.reason}`;
    return { entries: [], findings: [invalidWhitelist(ctx, at(selection.failedAt.offset), message)] };
  }
  const node = selection.found;
  const addHere = at(node.offset);
  const what = path.length === 0 ? 'the document root' : `"${formatSelectPath(path)}"`;
  if (node.string) {
    return { entries: entriesAt(node.string.entries(), lines, source.file), findings: [], addHere };
  }
  if (!node.list) {
    const message = `expected ${EXPECTED_VALUE} at ${what} in "${source.file}"; found ${node.description}`;
    return { entries: [], findings: [invalidWhitelist(ctx, at(node.offset), message)] };
  }
  if ((node.listSize ?? 0) > MAX_ENTRIES_PER_SOURCE) {
    const message = `${what} in "${source.file}" holds ${formatCount(node.listSize!)} items, over the limit of ${formatCount(MAX_ENTRIES_PER_SOURCE)} entries per whitelist source; it was not read`;
    return { entries: [], findings: [invalidWhitelist(ctx, at(node.offset), message)] };
  }
  const entries: DeclaredEntryText[] = [];
  const findings: Finding[] = [];
  let omitted = 0;
  const itemProblem = (offset: number, message: string): void => {
    if (findings.length < MAX_ITEM_FINDINGS_PER_FILE) findings.push(invalidWhitelist(ctx, at(offset), message));
    else if (omitted++ === 0) findings.push(invalidWhitelist(ctx, at(offset), ''));
  };
  node.list().forEach((item, index) => {
    const itemPath = `${path.length === 0 ? '' : formatSelectPath(path)}[${index}]`;
    if (!item.string) {
      itemProblem(
        item.offset,
        `expected ${EXPECTED_ITEM} at "${itemPath}" in "${source.file}"; found ${item.description}`
      );
      return;
    }
    const tokens = item.string.entries();
    if (tokens.length === 0) {
      itemProblem(item.offset, `expected ${EXPECTED_ITEM} at "${itemPath}" in "${source.file}"; found an empty string`);
    }
    entries.push(...entriesAt(tokens, lines, source.file));
  });
  // Past the cap, one finding (at the first item not reported) gives the count of the rest.
  if (omitted > 0) {
    findings[findings.length - 1]!.message =
      `${formatCount(omitted)} more items of ${what} in "${source.file}" are not ${EXPECTED_ITEM}; only the first ${MAX_ITEM_FINDINGS_PER_FILE} are reported one by one`;
  }
  return { entries, findings, addHere };
}

function syntaxError(
  ctx: ReadContext,
  source: WhitelistSourceConfig,
  lines: LineIndex,
  offset: number,
  format: string,
  reason: string
): Finding {
  const message = `${format} syntax error in "${source.file}": ${reason}`;
  return invalidWhitelist(ctx, { file: source.file, ...lines.position(offset) }, message);
}

export const yamlReader: WhitelistReader = {
  format: 'yaml',
  async read(source, ctx): Promise<ReadResult> {
    const loaded = await readWhitelistText(source, ctx);
    if ('finding' in loaded) return { entries: [], findings: [loaded.finding] };
    const { text } = loaded;
    const lines = new LineIndex(text);
    const parsed = parseYamlDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
    if ('tooDeep' in parsed) {
      const { offset, message } = parsed.tooDeep;
      return { entries: [], findings: [syntaxError(ctx, source, lines, offset, 'YAML', message)] };
    }
    const [doc, second] = parsed.documents;
    if (!doc) return { entries: [], findings: [syntaxError(ctx, source, lines, 0, 'YAML', 'the file is empty')] };
    if (second) {
      const start = lines.position(second.range[0]);
      const message = `the file must be one YAML document; a second one starts at line ${start.line}`;
      return { entries: [], findings: [syntaxError(ctx, source, lines, second.range[0], 'YAML', message)] };
    }
    // One mistake, one finding: the parser's follow-on errors are left out.
    const syntax = plainYamlError(text, doc.errors);
    if (syntax)
      return { entries: [], findings: [syntaxError(ctx, source, lines, syntax.offset, 'YAML', syntax.message)] };
    return readSelected(fromYaml(text, doc, doc.contents), source, ctx, lines);
  }
};

/** Readable forms of jsonc-parser's error codes. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape',
  InvalidCharacter: 'invalid character in a string'
};

export const jsonReader: WhitelistReader = {
  format: 'json',
  async read(source, ctx): Promise<ReadResult> {
    const loaded = await readWhitelistText(source, ctx);
    if ('finding' in loaded) return { entries: [], findings: [loaded.finding] };
    const { text } = loaded;
    const lines = new LineIndex(text);
    const deep = jsonTooDeep(text);
    if (deep) return { entries: [], findings: [syntaxError(ctx, source, lines, deep.offset, 'JSON', deep.message)] };
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false
    });
    // The parser recovers and reports follow-on errors; the first is the one to fix.
    const first = errors[0];
    if (first || !tree) {
      const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
      const reason = JSON_ERRORS[code] ?? code;
      return { entries: [], findings: [syntaxError(ctx, source, lines, first?.offset ?? 0, 'JSON', reason)] };
    }
    return readSelected(fromJson(text, tree), source, ctx, lines);
  }
};
