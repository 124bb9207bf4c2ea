/**
 * tree-sitter's syntax tree copied into plain objects with one cursor walk. Reading nodes through
 * web-tree-sitter's `Node` API crosses into WASM for every property and allocates child arrays on each access,
 * which made converting a large module several times slower than parsing it. The walk therefore reads only the
 * type id and the offsets of each node (positions are computed from offsets in JavaScript), and does not descend
 * into leaves whose text is all the reader needs (string literals without interpolation, numbers, names).
 */
import type { Language, Tree } from 'web-tree-sitter';

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
  'template_literal'
]);

const typeTables = new WeakMap<Language, { names: string[]; named: boolean[] }>();

function typeTable(language: Language): { names: string[]; named: boolean[] } {
  let table = typeTables.get(language);
  if (!table) {
    table = { names: [], named: [] };
    typeTables.set(language, table);
  }
  return table;
}

export function plainTree(tree: Tree): PlainNode {
  const table = typeTable(tree.language);
  const language = tree.language;
  // Only a tree with errors needs the missing flags and the inside of every leaf (an unterminated string).
  const withErrors = tree.rootNode.hasError;
  const cursor = tree.walk();
  try {
    const read = (): PlainNode => {
      const typeId = cursor.nodeTypeId;
      let type = table.names[typeId];
      if (type === undefined) {
        type = language.nodeTypeForId(typeId) ?? 'ERROR';
        table.names[typeId] = type;
        table.named[typeId] = language.nodeTypeIsNamed(typeId);
      }
      const isMissing = withErrors && cursor.nodeIsMissing;
      const node: PlainNode = {
        type,
        isNamed: table.named[typeId]!,
        isMissing,
        hasError: isMissing || type === 'ERROR',
        startIndex: cursor.startIndex,
        endIndex: cursor.endIndex,
        children: []
      };
      if ((withErrors || !OPAQUE.has(type)) && cursor.gotoFirstChild()) {
        do {
          const child = read();
          node.children.push(child);
          if (child.hasError) node.hasError = true;
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      return node;
    };
    const root = read();
    // The cursor reports an ERROR root's type id like any other; make sure the flag reflects the tree.
    if (withErrors) root.hasError = true;
    return root;
  } finally {
    cursor.delete();
  }
}

export function namedChildren(node: PlainNode): PlainNode[] {
  return node.children.filter((child) => child.isNamed);
}
