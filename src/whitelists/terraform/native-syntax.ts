/** Turns tree-sitter's concrete syntax tree of a `.tf`/`.tfvars` file into the shared syntax tree. */
import type { Node, Parser } from 'web-tree-sitter';
import type { SourcePosition } from '../../model.js';
import type {
  Attribute,
  Block,
  Body,
  Expression,
  ObjectItem,
  ParsedFile,
  SyntaxProblem,
  TemplatePart,
  TraversalStep
} from './syntax.js';
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
  const tree = parser.parse(source);
  if (!tree) {
    return {
      path,
      body: { attributes: [], blocks: [] },
      problems: [{ message: 'the parser gave up on this file', pos: { file: path, line: 1, column: 1 } }]
    };
  }
  try {
    const place = placer(path, origin);
    const converter = new Converter(place);
    const root = tree.rootNode;
    const problems = root.hasError ? collectProblems(root, place) : [];
    const bodyNode = root.namedChildren.find((child) => child?.type === 'body');
    const body = bodyNode ? converter.body(bodyNode) : { attributes: [], blocks: [] };
    return { path, body, problems };
  } finally {
    tree.delete();
  }
}

type Placer = (node: Node) => SourcePosition;

function placer(file: string, origin: Origin): Placer {
  return (node) => {
    const { row, column } = node.startPosition;
    return row === 0
      ? { file, line: origin.line, column: origin.column + column }
      : { file, line: origin.line + row, column: column + 1 };
  };
}

function collectProblems(root: Node, positionOf: Placer): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const visit = (node: Node): void => {
    if (problems.length >= MAX_PROBLEMS_PER_FILE) return;
    if (node.isMissing) {
      problems.push({ message: `missing ${quote(node.type)}`, pos: positionOf(node) });
      return;
    }
    if (node.isError) {
      problems.push(describeError(node, positionOf));
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return problems;
}

/**
 * An ERROR node that spans lines wraps what tree-sitter could not fit into a construct; the parse failed at its
 * last token (a `}` after a trailing comma, say), so that is where the user should look.
 */
function describeError(node: Node, positionOf: Placer): SyntaxProblem {
  if (node.startPosition.row !== node.endPosition.row) {
    let last: Node = node;
    while (last.childCount > 0) last = last.child(last.childCount - 1)!;
    return { message: `unexpected ${quote(shorten(last.text))}`, pos: positionOf(last) };
  }
  const text = shorten(node.text);
  return { message: text ? `cannot parse ${quote(text)}` : 'unexpected end of input', pos: positionOf(node) };
}

function shorten(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function quote(text: string): string {
  return `\`${text}\``;
}

/** Named and anonymous children without comments (comments may appear between any two tokens). */
function significantChildren(node: Node): Node[] {
  return node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
}

class Converter {
  constructor(private readonly pos: Placer) {}

  body(node: Node): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const child of node.namedChildren) {
      if (child?.type === 'attribute') {
        const name = child.namedChildren.find((c) => c?.type === 'identifier');
        const value = child.namedChildren.find((c) => c?.type === 'expression');
        if (name && value)
          attributes.push({ name: name.text, expression: this.expression(value), pos: this.pos(child) });
      } else if (child?.type === 'block') {
        blocks.push(this.block(child));
      }
    }
    return { attributes, blocks };
  }

  private block(node: Node): Block {
    const children = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    const type = children[0]?.text ?? '';
    const labels: string[] = [];
    let body: Body = { attributes: [], blocks: [] };
    for (const child of children.slice(1)) {
      if (child.type === 'string_lit')
        labels.push(child.namedChildren.find((c) => c?.type === 'template_literal')?.text ?? '');
      else if (child.type === 'identifier') labels.push(child.text);
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
            name: node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '',
            pos: this.pos(node)
          }
        ];
      case 'index': {
        const inner = node.namedChildren[0];
        if (inner?.type === 'legacy_index') {
          const digits = inner.text.replace(/^\./, '');
          return [
            { kind: 'index', key: { kind: 'number', value: Number(digits), pos: this.pos(inner) }, pos: this.pos(node) }
          ];
        }
        const key = inner?.namedChildren.find((c) => c?.type === 'expression');
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
        return this.literal(node.namedChildren[0] ?? node);
      case 'template_expr':
        return this.template(node.namedChildren[0] ?? node);
      case 'collection_value':
        return this.collection(node.namedChildren[0] ?? node);
      case 'variable_expr':
        return { kind: 'traversal', root: node.text, steps: [], pos };
      case 'function_call':
        return this.call(node);
      case 'operation':
        return this.operation(node.namedChildren[0] ?? node);
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
      case 'numeric_lit':
        return { kind: 'number', value: Number(node.text), pos };
      case 'bool_lit':
        return { kind: 'bool', value: node.text === 'true', pos };
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
    const parts: TemplatePart[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'template_literal') {
        parts.push({ kind: 'literal', text: writtenText(child.text, this.pos(child), { escapes }) });
      } else if (child.type === 'template_interpolation') {
        const inner = child.namedChildren.find((c) => c?.type === 'expression');
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
      const items = node.namedChildren
        .filter((c): c is Node => c?.type === 'expression')
        .map((c) => this.expression(c));
      return { kind: 'tuple', items, pos };
    }
    if (node.type === 'object') {
      const items: ObjectItem[] = [];
      for (const element of node.namedChildren) {
        if (element?.type !== 'object_elem') continue;
        const key = element.childForFieldName('key');
        const value = element.childForFieldName('val');
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
    const name = node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '';
    const argumentsNode = node.namedChildren.find((c) => c?.type === 'function_arguments');
    const args = (argumentsNode?.namedChildren ?? [])
      .filter((c): c is Node => c?.type === 'expression')
      .map((c) => this.expression(c));
    const expandLast = (argumentsNode?.namedChildren ?? []).some((c) => c?.type === 'ellipsis');
    return { kind: 'call', name, args, expandLast, pos: this.pos(node) };
  }

  private conditional(node: Node): Expression {
    const [condition, whenTrue, whenFalse] = node.namedChildren.filter((c): c is Node => c?.type === 'expression');
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
      return { kind: 'unary', operator: children[0]?.text ?? '', operand: this.term(children.slice(1), node), pos };
    }
    const operatorIndex = children.findIndex((c, index) => index > 0 && !c.isNamed && c.type !== '(' && c.type !== ')');
    if (operatorIndex < 0) return { kind: 'unsupported', what: 'an operation', pos };
    return {
      kind: 'binary',
      operator: children[operatorIndex]!.text,
      left: this.term(children.slice(0, operatorIndex), node),
      right: this.term(children.slice(operatorIndex + 1), node),
      pos
    };
  }
}
