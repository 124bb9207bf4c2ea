/**
 * tree-sitter's syntax tree copied into plain objects with one cursor walk. Reading nodes through
 * web-tree-sitter's `Node` API crosses into WASM for every property and allocates child arrays on each access,
 * which made converting a large module several times slower than parsing it. The walk therefore reads only the
 * type id and the offsets of each node (positions are computed from offsets in JavaScript), does not descend
 * into nodes whose text is all the reader needs (string literals without interpolation, numbers, names, the
 * delimiters of blocks and tuples), and, in a tree without errors, asks nothing more of an anonymous token than
 * its type and start: its text is its type (the grammar has no anonymous aliases) and it has no children. An
 * expression that is a plain quoted string (the commonest kind) is recognised from its text and not descended
 * into either.
 */
import type { Language, Tree, TreeCursor } from 'web-tree-sitter';

export interface PlainNode {
  type: string;
  isNamed: boolean;
  isMissing: boolean;
  /** True when this node or a descendant is an ERROR or MISSING node. */
  hasError: boolean;
  /** UTF-16 offsets into the source, as web-tree-sitter reports them for JavaScript strings. */
  startIndex: number;
  endIndex: number;
  children: PlainNode[];
}

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
const NO_CHILDREN = Object.freeze([]) as unknown as PlainNode[];

interface TypeTable {
  names: string[];
  named: boolean[];
}

const typeTables = new WeakMap<Language, TypeTable>();

function typeTable(language: Language): TypeTable {
  let table = typeTables.get(language);
  if (!table) {
    table = { names: [], named: [] };
    typeTables.set(language, table);
  }
  return table;
}

/** The type name of a node type id, remembered per language (asking WASM for it each time is costly). */
export function nodeTypeName(language: Language, typeId: number): string {
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
export function plainTree(tree: Tree, source: string): PlainNode {
  const withErrors = tree.rootNode.hasError;
  const cursor = tree.walk();
  try {
    const root = plainSubtree(cursor, tree.language, withErrors, source);
    // The cursor reports an ERROR root's type id like any other; make sure the flag reflects the tree.
    if (withErrors) root.hasError = true;
    return root;
  } finally {
    cursor.delete();
  }
}

/**
 * How deep a syntax tree may nest (nodes from the top-level attribute or block down). tree-sitter parses any
 * depth, but the conversion that follows recurses once per node; real files stay below 100 (each level of
 * brackets or operators is two or three nodes). A deeper node throws `NestingTooDeep`.
 */
export const MAX_SYNTAX_DEPTH = 1_500;

/** Thrown when a tree nests deeper than MAX_SYNTAX_DEPTH; `offset` is where the first too-deep node starts. */
export class NestingTooDeep extends Error {
  override name = 'NestingTooDeep';
  constructor(readonly offset: number) {
    super(`nested deeper than the limit of ${MAX_SYNTAX_DEPTH.toLocaleString('en-US')} syntax levels`);
  }
}

/**
 * The node under the cursor and everything below it; the cursor is back on that node afterwards (unless
 * NestingTooDeep is thrown). Only a tree with errors needs the missing flags and the inside of every leaf (an
 * unterminated string). `source` is the text that was parsed. The walk keeps its own stack, so that no input
 * can overflow JavaScript's.
 */
export function plainSubtree(cursor: TreeCursor, language: Language, withErrors: boolean, source: string): PlainNode {
  const table = typeTable(language);
  /** The node under the cursor, without its children; `open` when its children are to be read. */
  const read = (): { node: PlainNode; open: boolean } => {
    const typeId = cursor.nodeTypeId;
    const type = table.names[typeId] ?? nodeTypeName(language, typeId);
    const isNamed = table.named[typeId]!;
    const startIndex = cursor.startIndex;
    if (!withErrors && !isNamed) {
      const node: PlainNode = {
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
    const node: PlainNode = {
      type,
      isNamed,
      isMissing,
      hasError: isMissing || type === 'ERROR',
      startIndex,
      endIndex,
      children: NO_CHILDREN
    };
    if (
      !withErrors &&
      type === 'expression' &&
      source.charCodeAt(startIndex) === QUOTE &&
      PLAIN_STRING.test(source.slice(startIndex, endIndex))
    ) {
      node.children = [{ ...node, type: 'literal_value', children: [{ ...node, type: 'string_lit' }] }];
      return { node, open: false };
    }
    return { node, open: withErrors || !OPAQUE.has(type) };
  };

  const top = read();
  if (!top.open || !cursor.gotoFirstChild()) return top.node;
  /** The nodes whose children are being read, outermost first. */
  const open: { node: PlainNode; children: PlainNode[] }[] = [{ node: top.node, children: [] }];
  for (;;) {
    const { node, open: descend } = read();
    const parent = open[open.length - 1]!;
    parent.children.push(node);
    if (descend && cursor.gotoFirstChild()) {
      if (open.length >= MAX_SYNTAX_DEPTH) throw new NestingTooDeep(node.startIndex);
      open.push({ node, children: [] });
      continue;
    }
    if (node.hasError) parent.node.hasError = true;
    while (!cursor.gotoNextSibling()) {
      const done = open.pop()!;
      done.node.children = done.children;
      cursor.gotoParent();
      const outer = open[open.length - 1];
      if (!outer) return done.node;
      if (done.node.hasError) outer.node.hasError = true;
    }
  }
}

export function namedChildren(node: PlainNode): PlainNode[] {
  return node.children.filter((child) => child.isNamed);
}
