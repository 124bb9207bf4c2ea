/** Turns tree-sitter's concrete syntax tree of a `.tf`/`.tfvars` file into the shared syntax tree. */
import type { Language, Parser, Tree, TreeCursor } from 'web-tree-sitter';
import type { SourcePosition } from '../../model.js';
import { discardTerraformParser, loadedTerraformParser } from './parser.js';
import {
  SyntaxLimitError,
  type Attribute,
  type Block,
  type Body,
  type Expression,
  type ObjectItem,
  type ParsedFile,
  type SyntaxProblem,
  type TemplatePart,
  type TraversalStep
} from './syntax.js';
import {
  namedChildren,
  NestingTooDeep,
  nodeTypeName,
  plainSubtree,
  plainTree,
  type PlainNode as Node
} from './plain-tree.js';
import { writtenText } from './text.js';

/** At most this many syntax problems are reported per file: the first ones are the useful ones. */
const MAX_PROBLEMS_PER_FILE = 5;

/** Where row 0, column 0 of the parsed text is in the file (for snippets cut out of `.tf.json` strings). */
interface Origin {
  line: number;
  column: number;
}

const FILE_START: Origin = { line: 1, column: 1 };

export function parseNative(parser: Parser, path: string, source: string, origin: Origin = FILE_START): ParsedFile {
  const place = placer(path, origin, source);
  const unreadable = (message: string, offset: number): ParsedFile => ({
    path,
    body: emptyBody(),
    problems: [{ message, pos: place(undefined, offset), limit: true }]
  });
  // Freed before the parse, so that the parse reuses that memory instead of growing WASM's.
  retainedTrees.makeRoomFor(source.length);
  let parsed: { tree: Tree; text: string; numbers: ExponentNumbers } | undefined;
  try {
    parsed = parseWithExponents(parser, source);
  } catch (error) {
    // tree-sitter's WASM instance aborted (out of memory on a huge file): nothing of it may be used again.
    recoverFromParserFailure();
    return unreadable(`the Terraform parser failed on this file (${parserFailure(error)}); it was not read`, 0);
  }
  if (!parsed) return unreadable('the parser gave up on this file', 0);
  const { tree, text, numbers } = parsed;
  const converter = new Converter(place, text, numbers);
  let retained: RetainedTree | undefined;
  try {
    if (!tree.rootNode.hasError) {
      retained = retainedTrees.retain(tree, text.length);
      const body = lazyTopLevelBody(retained, converter, place, text, numbers);
      if (retained.pendingBodies > 0) treeFinalizer.register(body, retained);
      else retainedTrees.release(retained);
      return { path, body, problems: [] };
    }
    // A file with syntax errors is not read further than its problems, so it is converted at once. Their
    // messages quote the file as written (not the numbers rewritten for the grammar).
    const root = plainTree(tree, text);
    const problems = collectProblems(root, place, source);
    const bodyNode = namedChildren(root).find((child) => child.type === 'body');
    const body = bodyNode ? converter.body(bodyNode) : emptyBody();
    return { path, body, problems };
  } catch (error) {
    if (retained) retainedTrees.release(retained);
    if (error instanceof NestingTooDeep)
      return unreadable(`this file is ${error.message}; it was not read`, error.offset);
    throw error;
  } finally {
    if (!retained) tree.delete();
  }
}

/** A short description of a parser failure, without JavaScript's error class names. */
function parserFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /abort/i.test(message) ? 'it ran out of memory' : 'an internal failure';
}

/** After a parser failure: the trees of its instance are dropped unfreed, and the next parse gets a new parser. */
function recoverFromParserFailure(): void {
  retainedTrees.abandonAll();
  discardTerraformParser();
}

/**
 * Numbers written with an exponent but no fraction (`1e3`, `1E+3`): valid HCL, but tree-sitter's grammar
 * wants a fraction before the exponent. Such a token is rewritten to digits of the same length (positions do
 * not move) and its value kept here, by offset.
 */
type ExponentNumbers = ReadonlyMap<number, number>;

const NO_NUMBERS: ExponentNumbers = new Map();
const EXPONENT_NUMBER = /(?<![\w.$-])\d+[eE][+-]?\d+(?![\w.])/g;
/** Nodes whose text is a string or comment: a number-like run of characters in them is not a number. */
const TEXT_NODES = new Set(['template_literal', 'string_lit', 'comment', 'heredoc_template', 'quoted_template']);

function parseWithExponents(
  parser: Parser,
  source: string
): { tree: Tree; text: string; numbers: ExponentNumbers } | undefined {
  const tree = parser.parse(source);
  if (!tree) return undefined;
  if (!tree.rootNode.hasError || !/\d[eE]/.test(source)) return { tree, text: source, numbers: NO_NUMBERS };
  let candidates = new Map<number, { written: string; value: number }>();
  for (const match of source.matchAll(EXPONENT_NUMBER)) {
    if (TEXT_NODES.has(tree.rootNode.descendantForIndex(match.index)?.type ?? '')) continue;
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
    if (!rewritten) break;
    const confirmed = new Map(
      [...candidates].filter(([offset]) => {
        const node = rewritten.rootNode.descendantForIndex(offset);
        return node?.type === 'numeric_lit' && node.startIndex === offset;
      })
    );
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
 * An error-free file's tree, kept while some of its block bodies are still unconverted. Converting a body from
 * it costs only the walk; once it is freed, a body is parsed again from the block's own text.
 */
interface RetainedTree {
  tree: Tree | undefined;
  /** On the root, created on the first conversion: bodies are reached with `gotoDescendant`. */
  cursor?: TreeCursor | undefined;
  sourceLength: number;
  pendingBodies: number;
}

/**
 * Source characters whose trees may stay alive at once (beyond the newest tree, which is always kept). A live
 * tree makes the next parse grow WASM's memory, which roughly doubles that parse; freed memory is reused, so
 * keeping a bounded amount costs nothing after the first parses.
 */
const RETAINED_SOURCE_BUDGET = 1 << 20;

class RetainedTrees {
  /** Oldest first. */
  private readonly trees = new Set<RetainedTree>();
  private sourceLength = 0;

  makeRoomFor(sourceLength: number): void {
    for (const oldest of this.trees) {
      if (this.sourceLength + sourceLength <= RETAINED_SOURCE_BUDGET) break;
      this.release(oldest);
    }
  }

  retain(tree: Tree, sourceLength: number): RetainedTree {
    const retained: RetainedTree = { tree, sourceLength, pendingBodies: 0 };
    this.trees.add(retained);
    this.sourceLength += sourceLength;
    return retained;
  }

  releaseAll(): void {
    for (const retained of this.trees) this.release(retained);
  }

  /** Forgets every tree without freeing it: after a failure, their WASM instance must not be called. */
  abandonAll(): void {
    for (const retained of this.trees) {
      retained.tree = undefined;
      retained.cursor = undefined;
    }
    this.trees.clear();
    this.sourceLength = 0;
  }

  release(retained: RetainedTree): void {
    if (!retained.tree) return;
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
export function releaseRetainedTrees(): void {
  retainedTrees.releaseAll();
}

/** A file dropped by every cache (a reader that is no longer used) frees its tree. */
const treeFinalizer = new FinalizationRegistry<RetainedTree>((retained) => retainedTrees.release(retained));

/**
 * The top-level body of an error-free file. Attributes (tfvars files are nothing else) are converted at once;
 * of a block only the header (type, labels, position) is read, and its body is converted on first access: a
 * module of thousands of resources is often read to resolve one or a few of them, and copying every body out of
 * WASM costs more than the parse itself. The body comes from the file's tree while it is retained (see
 * RetainedTree), else from parsing the block's text again, which costs about what its share of the parse did.
 */
function lazyTopLevelBody(
  retained: RetainedTree,
  converter: Converter,
  place: Placer,
  source: string,
  numbers: ExponentNumbers
): Body {
  const language = retained.tree!.language;
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  const cursor = retained.tree!.walk();
  try {
    if (!cursor.gotoFirstChild()) return { attributes, blocks };
    while (nodeTypeName(language, cursor.nodeTypeId) !== 'body') {
      if (!cursor.gotoNextSibling()) return { attributes, blocks };
    }
    if (!cursor.gotoFirstChild()) return { attributes, blocks };
    do {
      const type = nodeTypeName(language, cursor.nodeTypeId);
      if (type === 'attribute') {
        const attribute = converter.attribute(plainSubtree(cursor, language, false, source));
        if (attribute) attributes.push(attribute);
      } else if (type === 'block') {
        const header =
          simpleBlockHeader(source, cursor.startIndex, cursor.endIndex) ?? blockHeader(cursor, language, source);
        const descendantIndex = header.hasBody ? cursor.currentDescendantIndex : -1;
        if (header.hasBody) retained.pendingBodies += 1;
        let body: Body | SyntaxLimitError | undefined;
        const convert = (): Body => {
          if (!header.hasBody) return emptyBody();
          let fromTree: Body | undefined;
          try {
            fromTree =
              retained.tree && retainedBlockBody(retained, retained.tree, descendantIndex, header, converter, source);
          } finally {
            retained.pendingBodies -= 1;
            if (retained.pendingBodies === 0) retainedTrees.release(retained);
          }
          return fromTree ?? reparsedBody(source, { start: header.startIndex, end: header.endIndex }, place, numbers);
        };
        const position = converter.position(header.startIndex);
        blocks.push({
          type: header.type,
          labels: header.labels,
          pos: position,
          get body(): Body {
            if (body === undefined) {
              try {
                body = convert();
              } catch (error) {
                if (!(error instanceof NestingTooDeep)) throw error;
                // Remembered: every later use of this body reports the same.
                body = new SyntaxLimitError(
                  `this ${header.type} block is ${error.message}; it was not read`,
                  converter.position(error.offset)
                );
              }
            }
            if (body instanceof SyntaxLimitError) throw body;
            return body;
          }
        });
      }
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
  return { attributes, blocks };
}

/** A top-level block's body converted from the file's tree, or undefined if the block is not where it was. */
function retainedBlockBody(
  retained: RetainedTree,
  tree: Tree,
  descendantIndex: number,
  header: { startIndex: number; endIndex: number },
  converter: Converter,
  source: string
): Body | undefined {
  const cursor = (retained.cursor ??= tree.walk());
  cursor.gotoDescendant(descendantIndex);
  if (cursor.startIndex !== header.startIndex || cursor.endIndex !== header.endIndex) return undefined;
  const block = plainSubtree(cursor, tree.language, false, source);
  return block.type === 'block' ? converter.block(block).body : undefined;
}

function emptyBody(): Body {
  return { attributes: [], blocks: [] };
}

/**
 * A top-level block parsed again on its own, for its body. Top-level blocks do not depend on what surrounds
 * them, so the text that parsed without errors in its file parses the same alone. Positions are those of the
 * file, from where the block starts.
 */
function reparsedBody(
  source: string,
  range: { start: number; end: number },
  place: Placer,
  numbers: ExponentNumbers
): Body {
  const parser = loadedTerraformParser();
  const start = place(undefined, range.start);
  if (!parser) throw new SyntaxLimitError('the Terraform parser is not available to read this block', start);
  const text = source.slice(range.start, range.end);
  const tree = parser.parse(text);
  try {
    const shifted = new Map<number, number>();
    for (const [offset, value] of numbers) {
      if (offset >= range.start && offset < range.end) shifted.set(offset - range.start, value);
    }
    const converter = new Converter(
      placer(start.file, { line: start.line, column: start.column }, text),
      text,
      shifted
    );
    const root = tree && !tree.rootNode.hasError ? plainTree(tree, text) : undefined;
    const topLevel = root && namedChildren(root).find((child) => child.type === 'body');
    const block = topLevel && namedChildren(topLevel).find((child) => child.type === 'block');
    if (!block) throw new Error(`internal: a block that parsed in ${start.file} does not parse alone`);
    return converter.block(block).body;
  } catch (error) {
    // Offsets in the block's own text, turned back into the file's.
    if (error instanceof NestingTooDeep) throw new NestingTooDeep(error.offset + range.start);
    throw error;
  } finally {
    tree?.delete();
  }
}

interface BlockHeader {
  type: string;
  labels: string[];
  startIndex: number;
  endIndex: number;
  /** False only when the block certainly has no body node; a body that holds nothing converts to empty. */
  hasBody: boolean;
}

/**
 * `TYPE "label" label {` on one line, with labels that hold no escapes or templates: how nearly every block
 * starts. Read from the text, which spares the many WASM calls of walking the header's nodes.
 */
const SIMPLE_HEADER = /([A-Za-z_][\w-]*)((?:[ \t]+(?:"[^"\\\r\n$%]*"|[A-Za-z_][\w-]*))*)[ \t]*\{/y;
const HEADER_LABEL = /"([^"]*)"|([A-Za-z_][\w-]*)/g;

/** The header of a block (from `startIndex` to `endIndex`) written simply, else undefined. */
function simpleBlockHeader(source: string, startIndex: number, endIndex: number): BlockHeader | undefined {
  SIMPLE_HEADER.lastIndex = startIndex;
  const match = SIMPLE_HEADER.exec(source);
  if (!match) return undefined;
  const labels = [...match[2]!.matchAll(HEADER_LABEL)].map((label) => label[1] ?? label[2]!);
  const hasBody = source.slice(SIMPLE_HEADER.lastIndex, endIndex - 1).trim() !== '';
  return { type: match[1]!, labels, startIndex, endIndex, hasBody };
}

/** A block's type, labels and where it starts, read with the cursor (left on the block); its body node, if any. */
function blockHeader(cursor: TreeCursor, language: Language, source: string): BlockHeader {
  const startIndex = cursor.startIndex;
  let type: string | undefined;
  const labels: string[] = [];
  const endIndex = cursor.endIndex;
  let hasBody = false;
  if (cursor.gotoFirstChild()) {
    do {
      const childType = nodeTypeName(language, cursor.nodeTypeId);
      if (childType === 'identifier' || childType === 'string_lit') {
        const text = source.slice(cursor.startIndex, cursor.endIndex);
        if (type === undefined) type = text;
        else labels.push(childType === 'string_lit' ? text.slice(1, -1) : text);
      } else if (childType === 'body') {
        hasBody = true;
      }
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return { type: type ?? '', labels, startIndex, endIndex, hasBody };
}

type Placer = (node: Node | undefined, offset?: number) => SourcePosition;

/** Positions from offsets: a binary search over the line starts, which is cheaper than asking tree-sitter. */
function placer(file: string, origin: Origin, source: string): Placer {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const rowOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return (node, offset = node?.startIndex ?? 0) => {
    const row = rowOf(offset);
    const column = offset - lineStarts[row]!;
    return row === 0
      ? { file, line: origin.line, column: origin.column + column }
      : { file, line: origin.line + row, column: column + 1 };
  };
}

function collectProblems(root: Node, positionOf: Placer, source: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const visit = (node: Node): void => {
    if (problems.length >= MAX_PROBLEMS_PER_FILE) return;
    if (node.isMissing) {
      problems.push({ message: `missing ${quote(node.type)}`, pos: positionOf(node) });
      return;
    }
    if (node.type === 'ERROR') {
      problems.push(describeError(node, positionOf, source));
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) visit(child);
  };
  visit(root);
  return problems;
}

/**
 * An ERROR node that spans lines wraps what tree-sitter could not fit into a construct; the parse failed at its
 * last token (a `}` after a trailing comma, say), so that is where the user should look.
 */
function describeError(node: Node, positionOf: Placer, source: string): SyntaxProblem {
  if (source.slice(node.startIndex, node.endIndex).includes('\n')) {
    let last: Node = node;
    while (last.children.length > 0) last = last.children[last.children.length - 1]!;
    const text = shorten(textOf(source, last));
    // An empty token is one the parser assumed in order to recover: it names nothing the user wrote.
    const message = text ? `unexpected ${quote(text)}` : 'the parser cannot read the expression that ends here';
    return { message, pos: positionOf(last) };
  }
  const text = shorten(textOf(source, node));
  return { message: text ? `cannot parse ${quote(text)}` : 'unexpected end of input', pos: positionOf(node) };
}

function shorten(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function textOf(source: string, node: Node): string {
  return source.slice(node.startIndex, node.endIndex);
}

function quote(text: string): string {
  return `\`${text}\``;
}

/** Named and anonymous children without comments (comments may appear between any two tokens). */
function significantChildren(node: Node): Node[] {
  return node.children.filter((child) => child.type !== 'comment');
}

class Converter {
  constructor(
    private readonly pos: Placer,
    private readonly source: string,
    /** Numbers rewritten for the grammar (see ExponentNumbers), by offset. */
    private readonly numbers: ExponentNumbers = NO_NUMBERS
  ) {}

  private namedOfType(node: Node, type: string): Node | undefined {
    return node.children.find((child) => child.isNamed && child.type === type);
  }

  /** The text of the first named child of a type, or '' when there is none. */
  private textOfChild(node: Node, type: string): string {
    const child = this.namedOfType(node, type);
    return child ? this.text(child) : '';
  }

  private text(node: Node): string {
    return textOf(this.source, node);
  }

  /** The position of an offset into the source. */
  position(offset: number): SourcePosition {
    return this.pos(undefined, offset);
  }

  attribute(node: Node): Attribute | undefined {
    const name = this.namedOfType(node, 'identifier');
    const value = this.namedOfType(node, 'expression');
    return name && value
      ? { name: this.text(name), expression: this.expression(value), pos: this.pos(node) }
      : undefined;
  }

  body(node: Node): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const child of namedChildren(node)) {
      if (child.type === 'attribute') {
        const attribute = this.attribute(child);
        if (attribute) attributes.push(attribute);
      } else if (child.type === 'block') {
        blocks.push(this.block(child));
      }
    }
    return { attributes, blocks };
  }

  block(node: Node): Block {
    const children = namedChildren(node).filter((c) => c.type !== 'comment');
    const type = children[0] ? this.text(children[0]) : '';
    const labels: string[] = [];
    let body: Body = { attributes: [], blocks: [] };
    for (const child of children.slice(1)) {
      if (child.type === 'string_lit') labels.push(this.source.slice(child.startIndex + 1, child.endIndex - 1));
      else if (child.type === 'identifier') labels.push(this.text(child));
      else if (child.type === 'body') body = this.body(child);
    }
    return { type, labels, body, pos: this.pos(node) };
  }

  expression(node: Node): Expression {
    const children = significantChildren(node);
    if (children.length === 1 && children[0]!.type === 'conditional') return this.conditional(children[0]!);
    return this.term(children, node);
  }

  /** A primary expression followed by attribute, index and splat steps, as tree-sitter flattens them. */
  private term(children: Node[], whole: Node): Expression {
    const first = children[0];
    if (!first) return { kind: 'unsupported', what: 'an empty expression', pos: this.pos(whole) };
    let primary: Expression;
    let rest: Node[];
    if (first.type === '(') {
      const inner = children.find((c) => c.type === 'expression');
      const close = children.findIndex((c) => c.type === ')');
      primary = inner
        ? this.expression(inner)
        : { kind: 'unsupported', what: 'an empty expression', pos: this.pos(first) };
      rest = children.slice(close + 1);
    } else {
      primary = this.primary(first);
      rest = children.slice(1);
    }
    if (rest.length === 0) return primary;
    const steps = rest.flatMap((step) => this.steps(step));
    if (primary.kind === 'traversal') return { ...primary, steps: [...primary.steps, ...steps] };
    return { kind: 'access', target: primary, steps, pos: primary.pos };
  }

  private steps(node: Node): TraversalStep[] {
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

  private primary(node: Node): Expression {
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

  private literal(node: Node): Expression {
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
  private template(node: Node): Expression {
    const escapes = node.type !== 'heredoc_template';
    if (node.type === 'string_lit' && node.children.length === 0) {
      // Copied without children (see plain-tree.ts): the literal is everything between the quotes.
      const start = node.startIndex + 1;
      const raw = this.source.slice(start, node.endIndex - 1);
      const parts: TemplatePart[] =
        raw === '' ? [] : [{ kind: 'literal', text: writtenText(raw, this.pos(node, start), { escapes }) }];
      return { kind: 'template', parts, pos: this.pos(node) };
    }
    const parts: TemplatePart[] = [];
    for (const child of namedChildren(node)) {
      if (!child) continue;
      if (child.type === 'template_literal') {
        parts.push({ kind: 'literal', text: writtenText(this.text(child), this.pos(child), { escapes }) });
      } else if (child.type === 'template_interpolation') {
        const inner = this.namedOfType(child, 'expression');
        if (inner) parts.push({ kind: 'interpolation', expression: this.expression(inner) });
      } else if (child.type === 'template_directive') {
        parts.push({ kind: 'directive', pos: this.pos(child) });
      }
    }
    return { kind: 'template', parts, pos: this.pos(node) };
  }

  private collection(node: Node): Expression {
    const pos = this.pos(node);
    if (node.type === 'tuple') {
      const items = namedChildren(node)
        .filter((c) => c.type === 'expression')
        .map((c) => this.expression(c));
      return { kind: 'tuple', items, pos };
    }
    if (node.type === 'object') {
      const items: ObjectItem[] = [];
      for (const element of namedChildren(node)) {
        if (element.type !== 'object_elem') continue;
        // object_elem is `key (= or :) value`: the first expression is the key, the second the value.
        const [key, value] = element.children.filter((c) => c.type === 'expression');
        if (!key || !value) continue;
        items.push({ key: this.objectKey(key), value: this.expression(value) });
      }
      return { kind: 'object', items, pos };
    }
    return { kind: 'unsupported', what: `\`${node.type}\``, pos };
  }

  /** `{ name = … }` uses the bare identifier as a string key; `(expr)` and strings are evaluated. */
  private objectKey(node: Node): Expression {
    const expression = this.expression(node);
    if (expression.kind === 'traversal' && expression.steps.length === 0) {
      return {
        kind: 'template',
        parts: [{ kind: 'literal', text: writtenText(expression.root, expression.pos, { escapes: false }) }],
        pos: expression.pos
      };
    }
    return expression;
  }

  private call(node: Node): Expression {
    const name = this.textOfChild(node, 'identifier');
    const argumentsNode = this.namedOfType(node, 'function_arguments');
    const args = (argumentsNode ? namedChildren(argumentsNode) : [])
      .filter((c) => c.type === 'expression')
      .map((c) => this.expression(c));
    const expandLast = (argumentsNode ? namedChildren(argumentsNode) : []).some((c) => c.type === 'ellipsis');
    return { kind: 'call', name, args, expandLast, pos: this.pos(node) };
  }

  private conditional(node: Node): Expression {
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
  private operation(node: Node): Expression {
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
    if (operatorIndex < 0) return { kind: 'unsupported', what: 'an operation', pos };
    return {
      kind: 'binary',
      operator: this.text(children[operatorIndex]!),
      left: this.term(children.slice(0, operatorIndex), node),
      right: this.term(children.slice(operatorIndex + 1), node),
      pos
    };
  }
}
