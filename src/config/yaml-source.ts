/**
 * Reads the YAML text of the configuration into plain data, and maps paths in that data back to positions in
 * the text, so every finding can name the line and column of the node it is about.
 */
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, visit } from 'yaml';
import type { Node, Pair } from 'yaml';
import { MAX_YAML_ALIAS_COUNT } from '../bounds.js';
import { parseYamlDocuments } from '../parse-bounds.js';
import { plainYamlError } from '../yaml-errors.js';
import type { Finding, SourcePosition } from '../model.js';

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

export function invalidConfig(pos: SourcePosition, message: string): Finding {
  return { rule: 'invalid-config', severity: 'error', message, file: pos.file, line: pos.line, column: pos.column };
}

/** A parsed YAML document with the positions of its nodes. */
export class YamlSource {
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter
  ) {}

  positionOfOffset(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** The value node at `path`, through aliases; undefined when the path does not exist. */
  node(path: DataPath): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const segment of path) {
      node = this.resolveAlias(node);
      if (isMap(node)) {
        const pair = findPair(node.items, segment);
        node = pair?.value ?? undefined;
        if (!pair) return undefined;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return undefined;
      }
      if (node === undefined) return undefined;
    }
    return (this.resolveAlias(node) ?? undefined) as Node | undefined;
  }

  /** The keys of the mapping at `path` in file order (JS objects put integer-like keys first). */
  keysInOrder(path: DataPath): string[] {
    const node = this.node(path);
    if (!isMap(node)) return [];
    return node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
  }

  /** The key node of the map entry at `path` (the last segment is the key). */
  keyNode(path: DataPath): Node | undefined {
    if (path.length === 0) return undefined;
    const parent = this.node(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    const key = findPair(parent.items, path[path.length - 1])?.key;
    return (key ?? undefined) as Node | undefined;
  }

  /**
   * Where the value at `path` was written. A missing value (a required key that is absent) points at the
   * entry that should hold it, so the message lands on the right object.
   */
  valuePos(path: DataPath): SourcePosition {
    const node = this.node(path);
    if (node?.range) return this.positionOfOffset(node.range[0]);
    const key = this.keyNode(path);
    if (key?.range) return this.positionOfOffset(key.range[0]);
    return path.length === 0 ? this.positionOfOffset(0) : this.ownerPos(path.slice(0, -1));
  }

  /** The key of a map entry (where it was named), or the item itself for list items and the root. */
  ownerPos(path: DataPath): SourcePosition {
    const key = this.keyNode(path);
    if (key?.range) return this.positionOfOffset(key.range[0]);
    if (path.length === 0) {
      const root = this.node([]);
      return this.positionOfOffset(root?.range?.[0] ?? 0);
    }
    return this.valuePos(path);
  }

  private resolveAlias(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }
}

/**
 * The pairs of each mapping by key text, built on the first look-up: positions are asked for every value of every
 * data source, and a linear scan per look-up made a config of thousands of data sources quadratic.
 */
const pairsByKey = new WeakMap<Pair<unknown, unknown>[], Map<string, Pair<unknown, unknown>>>();

function findPair(items: Pair<unknown, unknown>[], segment: PathSegment): Pair<unknown, unknown> | undefined {
  let index = pairsByKey.get(items);
  if (!index) {
    index = new Map();
    for (const pair of items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      // The first pair with a key wins, as a linear search would find it.
      if (!index.has(key)) index.set(key, pair);
    }
    pairsByKey.set(items, index);
  }
  return index.get(String(segment));
}

export interface ParsedYaml {
  source: YamlSource;
  /** Undefined when the text is not a well-formed YAML document; `findings` then say why. */
  data?: unknown;
  findings: Finding[];
}

/**
 * YAML's own diagnostics (syntax errors and warnings alike) are findings: nothing is silently reinterpreted. A
 * syntax error is reported once, in plain words, at the line to fix; nesting deeper than the limit and a second
 * document are refused before anything else looks at the data.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const parsed = parseYamlDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if ('tooDeep' in parsed) {
    const empty = new YamlSource(file, new Document() as Document.Parsed, lineCounter);
    return { source: empty, findings: [invalidConfig(at(parsed.tooDeep.offset), `YAML: ${parsed.tooDeep.message}`)] };
  }
  const doc = parsed.documents[0] ?? (new Document() as Document.Parsed);
  const source = new YamlSource(file, doc, lineCounter);
  const second = parsed.documents[1];
  if (second) {
    const start = at(second.range[0]);
    const message = `the config must be one YAML document; a second one starts at line ${start.line}`;
    return { source, findings: [invalidConfig(start, message)] };
  }
  const syntax = plainYamlError(text, doc.errors);
  if (syntax) return { source, findings: [invalidConfig(at(syntax.offset), `YAML: ${syntax.message}`)] };
  const findings: Finding[] = [];
  for (const problem of doc.warnings) {
    findings.push(invalidConfig(source.positionOfOffset(problem.pos[0]), `YAML: ${yamlMessage(problem.message)}`));
  }
  visit(doc, {
    Scalar(_, scalar) {
      // .nan, .inf and integers past 2^53 become the text as written: the schema then rejects that text in its
      // own words, never with NaN, Infinity or 1e+23.
      const value = scalar.value;
      if (typeof value === 'number' && (!Number.isFinite(value) || !Number.isSafeInteger(Math.trunc(value)))) {
        scalar.value = scalar.range ? text.slice(scalar.range[0], scalar.range[1]) : String(value);
      }
    },
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        const offset = (pair.key as Node).range?.[0] ?? 0;
        findings.push(invalidConfig(source.positionOfOffset(offset), 'expected a plain key, got a list or mapping'));
      }
    },
    Alias(_, alias, path) {
      const target = alias.resolve(doc);
      if (target && path.includes(target)) {
        const offset = alias.range?.[0] ?? 0;
        findings.push(
          invalidConfig(
            source.positionOfOffset(offset),
            `YAML: alias *${alias.source} refers to a node that contains it`
          )
        );
      } else if (!target) {
        const offset = alias.range?.[0] ?? 0;
        findings.push(invalidConfig(source.positionOfOffset(offset), `YAML: unknown alias *${alias.source}`));
      }
    }
  });
  if (findings.length > 0) return { source, findings };
  try {
    return { source, data: normaliseDates(doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT })), findings };
  } catch (error) {
    // toJS throws only on alias abuse here; the text is still the user's mistake, not an internal error.
    const reason = error instanceof Error ? error.message : 'aliases expand too far';
    return { source, findings: [invalidConfig(source.positionOfOffset(0), `YAML: ${reason}`)] };
  }
}

/** The `yaml` package appends the position to its messages; findings carry it separately. */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * An explicit `!!timestamp` yields a Date; keep the calendar date as text when that is all it holds, so the
 * schema sees one form. A Date with a time of day stays a full timestamp and fails the date check visibly.
 */
function normaliseDates(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(normaliseDates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normaliseDates(item)]));
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
