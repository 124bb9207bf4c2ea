/**
 * Terraform's JSON syntax (`.tf.json`, `.tfvars.json`) read into the shared syntax tree, with positions from
 * jsonc-parser's offsets. Strings holding `${…}` or `%{…}` are templates, parsed with the native grammar.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Parser } from 'web-tree-sitter';
import type { SourcePosition } from '../../model.js';
import { parseNative } from './native-syntax.js';
import type { Block, Body, Expression, ParsedFile, SyntaxProblem } from './syntax.js';
import { writtenText } from './text.js';

/** How many labels the top-level block types take in JSON syntax (`"resource": {"TYPE": {"NAME": {…}}}`). */
const TOP_LEVEL_LABELS: ReadonlyMap<string, number> = new Map([
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
export const MAX_JSON_DEPTH = 500;

/**
 * The offset of the first bracket that opens a level deeper than `limit`, or -1. A scan of the text, before the
 * recursive parse: strings are skipped (with their escapes), so brackets inside them do not count.
 */
export function jsonTooDeepAt(source: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source.charCodeAt(i);
    if (char === 0x22) {
      for (i += 1; i < source.length; i++) {
        const inner = source.charCodeAt(i);
        if (inner === 0x5c) i += 1;
        else if (inner === 0x22) break;
      }
    } else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > limit) return i;
    } else if (char === 0x5d || char === 0x7d) {
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
export function parseJson(parser: Parser, path: string, source: string, options: { topLevel: boolean }): ParsedFile {
  const lines = lineStarts(source);
  const place = (offset: number): SourcePosition => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lines[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { file: path, line: low + 1, column: offset - lines[low]! + 1 };
  };
  const empty: Body = { attributes: [], blocks: [] };
  const tooDeep = jsonTooDeepAt(source);
  if (tooDeep >= 0) {
    const message = `this file is nested deeper than the limit of ${MAX_JSON_DEPTH} levels; it was not read`;
    return { path, body: empty, problems: [{ message, pos: place(tooDeep), limit: true }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: true });
  const problems: SyntaxProblem[] = errors.slice(0, 5).map((error) => ({
    message: `invalid JSON: ${describeJsonError(printParseErrorCode(error.error))}`,
    pos: place(error.offset)
  }));
  if (!root) return { path, body: empty, problems };
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

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

class JsonConverter {
  constructor(
    private readonly parser: Parser,
    private readonly source: string,
    private readonly place: (offset: number) => SourcePosition,
    private readonly problems: SyntaxProblem[]
  ) {}

  private properties(node: JsonNode): { key: string; keyNode: JsonNode; value: JsonNode; at: JsonNode }[] {
    const result = [];
    for (const property of node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      if (!keyNode || !value || typeof keyNode.value !== 'string') continue;
      // Terraform's JSON syntax reserves "//" keys for comments.
      if (keyNode.value === '//') continue;
      result.push({ key: keyNode.value, keyNode, value, at: property });
    }
    return result;
  }

  topLevelBody(node: JsonNode): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (const { key, value } of this.properties(node)) {
      const labelCount = TOP_LEVEL_LABELS.get(key);
      if (labelCount === undefined) continue;
      for (const element of value.type === 'array' ? (value.children ?? []) : [value]) {
        this.labelledBlocks(key, element, labelCount, [], body.blocks);
      }
    }
    return body;
  }

  private labelledBlocks(type: string, node: JsonNode, remaining: number, labels: string[], out: Block[]): void {
    if (node.type !== 'object') return;
    if (remaining === 0) {
      out.push({ type, labels, body: this.body(node), pos: this.place(node.offset) });
      return;
    }
    for (const { key, value, at } of this.properties(node)) {
      for (const element of value.type === 'array' ? (value.children ?? []) : [value]) {
        const before = out.length;
        this.labelledBlocks(type, element, remaining - 1, [...labels, key], out);
        // A block is located at its innermost label, where `"NAME": {` is written.
        if (remaining === 1 && out.length > before) out[out.length - 1]!.pos = this.place(at.offset);
      }
    }
  }

  /**
   * Without a schema, JSON cannot tell an attribute from a nested block: every property is an attribute, and
   * every object (or array of objects) is also a block, so both kinds of lookup find it.
   */
  body(node: JsonNode): Body {
    const body: Body = { attributes: [], blocks: [] };
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

  expression(node: JsonNode): Expression {
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

  private string(node: JsonNode, pos: SourcePosition, literalKey?: string): Expression {
    const rawWithQuotes = this.source.slice(node.offset, node.offset + node.length);
    if (literalKey === undefined && TEMPLATE_MARK.test(rawWithQuotes)) {
      // A JSON string's escapes are HCL's too, so the quoted text parses as a native template in place.
      const parsed = parseNative(this.parser, pos.file, `x = ${rawWithQuotes}`, {
        line: pos.line,
        column: pos.column - 4
      });
      this.problems.push(...parsed.problems);
      const expression = parsed.body.attributes[0]?.expression;
      if (expression) return expression;
    }
    const start = { ...pos, column: pos.column + 1 };
    return {
      kind: 'template',
      parts: [{ kind: 'literal', text: writtenText(rawWithQuotes.slice(1, -1), start, { escapes: true, json: true }) }],
      pos
    };
  }
}
