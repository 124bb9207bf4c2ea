/**
 * A small syntax tree for Terraform configuration, shared by the native syntax (`.tf`, `.tfvars`, read with
 * tree-sitter) and the JSON syntax (`.tf.json`). Every node carries the 1-based position where it is written.
 */
import type { SourcePosition } from '../../model.js';
import type { PositionedText } from './text.js';

export type Expression =
  | { kind: 'template'; parts: TemplatePart[]; pos: SourcePosition }
  | { kind: 'number'; value: number; pos: SourcePosition }
  | { kind: 'bool'; value: boolean; pos: SourcePosition }
  | { kind: 'null'; pos: SourcePosition }
  | { kind: 'tuple'; items: Expression[]; pos: SourcePosition }
  | { kind: 'object'; items: ObjectItem[]; pos: SourcePosition }
  /** `root.step.step[index]`: `var.x`, `local.y`, `each.value`, `data.a.b.c`, `alicloud_vpc.main.id`, … */
  | { kind: 'traversal'; root: string; steps: TraversalStep[]; pos: SourcePosition }
  /** An index or attribute applied to a non-name expression, such as `split(",", x)[0]`. */
  | { kind: 'access'; target: Expression; steps: TraversalStep[]; pos: SourcePosition }
  | { kind: 'call'; name: string; args: Expression[]; expandLast: boolean; pos: SourcePosition }
  | { kind: 'conditional'; condition: Expression; whenTrue: Expression; whenFalse: Expression; pos: SourcePosition }
  | { kind: 'binary'; operator: string; left: Expression; right: Expression; pos: SourcePosition }
  | { kind: 'unary'; operator: string; operand: Expression; pos: SourcePosition }
  /** Syntax that is valid Terraform but beyond static evaluation here (`for`, splats, template directives). */
  | { kind: 'unsupported'; what: string; pos: SourcePosition };

export type TemplatePart =
  | { kind: 'literal'; text: PositionedText }
  | { kind: 'interpolation'; expression: Expression }
  | { kind: 'directive'; pos: SourcePosition };

export type TraversalStep =
  | { kind: 'attr'; name: string; pos: SourcePosition }
  | { kind: 'index'; key: Expression; pos: SourcePosition }
  | { kind: 'splat'; pos: SourcePosition };

export interface ObjectItem {
  /** A bare identifier key is a string key, as in Terraform. */
  key: Expression;
  value: Expression;
}

export interface Attribute {
  name: string;
  expression: Expression;
  /** Where the attribute's name is written. */
  pos: SourcePosition;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  pos: SourcePosition;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export interface SyntaxProblem {
  message: string;
  pos: SourcePosition;
  /** A limit of the reader (nesting, a parser failure), not a syntax error: its message stands alone. */
  limit?: boolean;
}

/**
 * Thrown when a block body that is converted on first use turns out to be beyond the reader's limits (nested
 * too deeply); the read reports it at `pos` as the source being unreadable.
 */
export class SyntaxLimitError extends Error {
  override name = 'SyntaxLimitError';
  constructor(
    message: string,
    readonly pos: SourcePosition
  ) {
    super(message);
  }
}

/** A parsed file: its top-level body, or the problems that stop it from being read faithfully. */
export interface ParsedFile {
  path: string;
  body: Body;
  problems: SyntaxProblem[];
}

export function findAttribute(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((attribute) => attribute.name === name);
}

/** A human description of an expression's kind, for messages. */
export function describeExpression(expression: Expression): string {
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
