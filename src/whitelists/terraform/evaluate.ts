/**
 * Static evaluation of the Terraform expressions that whitelists are usually written with. What is beyond it
 * (data sources, module outputs, other resources' attributes, `count.index`, unknown functions) throws
 * `Unresolvable` at the position of the sub-expression that could not be evaluated: never a guess, never an
 * empty list.
 */
import type { SourcePosition } from '../../model.js';
import { describeExpression, type Expression, type TraversalStep } from './syntax.js';
import { computedText, concatTexts, emptyText, sliceText, type PositionedText } from './text.js';

export type Value =
  | { kind: 'string'; text: PositionedText; pos: SourcePosition }
  | { kind: 'number'; value: number; pos: SourcePosition }
  | { kind: 'bool'; value: boolean; pos: SourcePosition }
  | { kind: 'null'; pos: SourcePosition }
  | { kind: 'list'; items: Value[]; pos: SourcePosition }
  | { kind: 'object'; entries: Map<string, Value>; pos: SourcePosition };

export class Unresolvable extends Error {
  override name = 'Unresolvable';
  constructor(
    message: string,
    readonly pos: SourcePosition
  ) {
    super(message);
  }
}

/** The key and value of one `for_each` instance (`each`) or one `dynamic` block iteration. */
export interface Iteration {
  key: Value;
  value: Value;
}

export interface Scope {
  /** The value of `var.NAME`; throws `Unresolvable` when it has none. */
  variable(name: string, at: SourcePosition): Value;
  /** The value of `local.NAME`; throws `Unresolvable` when it cannot be evaluated. */
  local(name: string, at: SourcePosition): Value;
  /** `each` and the iterators of enclosing `dynamic` blocks, by name. */
  iterations: ReadonlyMap<string, Iteration>;
}

/** For variable defaults and tfvars values, which Terraform evaluates without any references. */
export const constantScope: Scope = {
  variable(name, at) {
    throw new Unresolvable(`var.${name} cannot be used here: Terraform evaluates this value without references`, at);
  },
  local(name, at) {
    throw new Unresolvable(`local.${name} cannot be used here: Terraform evaluates this value without references`, at);
  },
  iterations: new Map()
};

export function withIteration(scope: Scope, name: string, iteration: Iteration): Scope {
  const iterations = new Map(scope.iterations);
  iterations.set(name, iteration);
  return { variable: scope.variable, local: scope.local, iterations };
}

export function typeName(value: Value): string {
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
export function scalarText(value: Value): PositionedText | null {
  switch (value.kind) {
    case 'string':
      return value.text;
    case 'number':
    case 'bool':
      return computedText(String(value.value), value.pos);
    default:
      return null;
  }
}

const REFERENCE_REASONS: Record<string, string> = {
  data: 'data sources are read only when Terraform runs',
  module: 'module outputs are known only when Terraform runs',
  count: 'count-indexed values are not evaluated statically',
  self: '`self` is known only when Terraform runs',
  path: 'filesystem paths are not evaluated statically',
  terraform: '`terraform.*` values are known only when Terraform runs'
};

export function evaluate(expression: Expression, scope: Scope): Value {
  const pos = expression.pos;
  switch (expression.kind) {
    case 'number':
      return { kind: 'number', value: expression.value, pos };
    case 'bool':
      return { kind: 'bool', value: expression.value, pos };
    case 'null':
      return { kind: 'null', pos };
    case 'tuple':
      return { kind: 'list', items: expression.items.map((item) => evaluate(item, scope)), pos };
    case 'object': {
      const entries = new Map<string, Value>();
      for (const item of expression.items) {
        const key = evaluate(item.key, scope);
        const keyText = scalarText(key);
        if (!keyText) throw new Unresolvable(`an object key must be a string, not ${typeName(key)}`, item.key.pos);
        entries.set(keyText.value, evaluate(item.value, scope));
      }
      return { kind: 'object', entries, pos };
    }
    case 'template':
      return evaluateTemplate(expression, scope);
    case 'traversal':
      return evaluateTraversal(expression, scope);
    case 'access':
      return applySteps(
        evaluate(expression.target, scope),
        expression.steps,
        describeExpression(expression.target),
        scope
      );
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
      return evaluateBinary(
        expression.operator,
        evaluate(expression.left, scope),
        evaluate(expression.right, scope),
        pos
      );
    case 'unary': {
      const operand = evaluate(expression.operand, scope);
      if (expression.operator === '!' && operand.kind === 'bool') return { kind: 'bool', value: !operand.value, pos };
      if (expression.operator === '-' && operand.kind === 'number')
        return { kind: 'number', value: -operand.value, pos };
      throw new Unresolvable(`\`${expression.operator}\` cannot be applied to ${typeName(operand)}`, pos);
    }
    case 'unsupported':
      throw new Unresolvable(`${expression.what} is not evaluated statically`, pos);
  }
}

function evaluateTemplate(expression: Extract<Expression, { kind: 'template' }>, scope: Scope): Value {
  const { parts, pos } = expression;
  // "${x}" alone is x itself, whatever its type, as in Terraform.
  if (parts.length === 1 && parts[0]!.kind === 'interpolation') return evaluate(parts[0]!.expression, scope);
  const texts: PositionedText[] = [];
  for (const part of parts) {
    if (part.kind === 'literal') {
      texts.push(part.text);
    } else if (part.kind === 'directive') {
      throw new Unresolvable('template directives (`%{…}`) are not evaluated statically', part.pos);
    } else {
      const value = evaluate(part.expression, scope);
      const text = scalarText(value);
      if (!text) throw new Unresolvable(`cannot put ${typeName(value)} into a string template`, part.expression.pos);
      texts.push(text);
    }
  }
  return { kind: 'string', text: texts.length === 0 ? emptyText : concatTexts(texts), pos };
}

function evaluateTraversal(expression: Extract<Expression, { kind: 'traversal' }>, scope: Scope): Value {
  const { root, steps, pos } = expression;
  const [first, ...rest] = steps;
  if (root === 'var' || root === 'local') {
    if (first?.kind !== 'attr') throw new Unresolvable(`\`${root}\` must be followed by a name`, pos);
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
  const reason = REFERENCE_REASONS[root];
  if (reason) throw new Unresolvable(`${describeExpression(expression)}: ${reason}`, pos);
  if (root === 'each') throw new Unresolvable('`each` is only available in a resource with `for_each`', pos);
  if (root.includes('_') && first?.kind === 'attr') {
    throw new Unresolvable(
      `${describeExpression(expression)}: another resource's attributes are known only when Terraform runs`,
      pos
    );
  }
  throw new Unresolvable(`\`${describeExpression(expression)}\` is not a value that can be evaluated statically`, pos);
}

function applySteps(value: Value, steps: readonly TraversalStep[], described: string, scope: Scope): Value {
  let current = value;
  let path = described;
  for (const step of steps) {
    if (step.kind === 'splat')
      throw new Unresolvable(`splat expressions (\`${path}.*\`) are not evaluated statically`, step.pos);
    if (step.kind === 'attr') {
      if (current.kind !== 'object')
        throw new Unresolvable(`${path} is ${typeName(current)}, it has no attribute \`${step.name}\``, step.pos);
      const next = current.entries.get(step.name);
      if (!next) throw new Unresolvable(`${path} has no attribute \`${step.name}\``, step.pos);
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
    } else if (current.kind === 'object' && key.kind === 'string') {
      const item = current.entries.get(key.text.value);
      if (!item) throw new Unresolvable(`${path} has no key "${key.text.value}"`, step.pos);
      current = item;
    } else {
      throw new Unresolvable(`${path} is ${typeName(current)} and cannot be indexed with ${typeName(key)}`, step.pos);
    }
    path = `${path}[…]`;
  }
  return current;
}

function evaluateBinary(operator: string, left: Value, right: Value, pos: SourcePosition): Value {
  if (operator === '==' || operator === '!=') {
    const equal = valueKey(left) === valueKey(right);
    return { kind: 'bool', value: operator === '==' ? equal : !equal, pos };
  }
  if ((operator === '&&' || operator === '||') && left.kind === 'bool' && right.kind === 'bool') {
    return { kind: 'bool', value: operator === '&&' ? left.value && right.value : left.value || right.value, pos };
  }
  throw new Unresolvable(
    `\`${operator}\` on ${typeName(left)} and ${typeName(right)} is not evaluated statically`,
    pos
  );
}

/** A key that identifies a value's content (for `distinct`, `toset` and `==`), ignoring positions. */
export function valueKey(value: Value): string {
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

type FunctionImplementation = (args: Value[], pos: SourcePosition) => Value;

function expectList(value: Value, functionName: string): Value[] {
  if (value.kind !== 'list')
    throw new Unresolvable(`${functionName}() expects a list, not ${typeName(value)}`, value.pos);
  return value.items;
}

function expectString(value: Value, functionName: string): PositionedText {
  const text = scalarText(value);
  if (!text) throw new Unresolvable(`${functionName}() expects a string, not ${typeName(value)}`, value.pos);
  return text;
}

function expectArity(args: Value[], count: number, functionName: string, pos: SourcePosition): void {
  if (args.length !== count) {
    throw new Unresolvable(
      `${functionName}() takes ${count} argument${count === 1 ? '' : 's'}, not ${args.length}`,
      pos
    );
  }
}

function distinctItems(items: Value[]): Value[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = valueKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function flattenItems(items: Value[]): Value[] {
  return items.flatMap((item) => (item.kind === 'list' ? flattenItems(item.items) : [item]));
}

/** The functions whitelists are commonly assembled with; every other function is reported as unresolved. */
const FUNCTIONS: Record<string, FunctionImplementation> = {
  concat: (args, pos) => ({ kind: 'list', items: args.flatMap((arg) => expectList(arg, 'concat')), pos }),
  distinct: (args, pos) => {
    expectArity(args, 1, 'distinct', pos);
    return { kind: 'list', items: distinctItems(expectList(args[0]!, 'distinct')), pos };
  },
  flatten: (args, pos) => {
    expectArity(args, 1, 'flatten', pos);
    return { kind: 'list', items: flattenItems(expectList(args[0]!, 'flatten')), pos };
  },
  compact: (args, pos) => {
    expectArity(args, 1, 'compact', pos);
    const items = expectList(args[0]!, 'compact').filter(
      (item) => item.kind !== 'null' && !(item.kind === 'string' && item.text.value === '')
    );
    return { kind: 'list', items, pos };
  },
  toset: (args, pos) => {
    expectArity(args, 1, 'toset', pos);
    return { kind: 'list', items: distinctItems(expectList(args[0]!, 'toset')), pos };
  },
  tolist: (args, pos) => {
    expectArity(args, 1, 'tolist', pos);
    return { kind: 'list', items: expectList(args[0]!, 'tolist'), pos };
  },
  split: (args, pos) => {
    expectArity(args, 2, 'split', pos);
    const separator = expectString(args[0]!, 'split').value;
    const text = expectString(args[1]!, 'split');
    if (separator === '') throw new Unresolvable('split() with an empty separator is not evaluated', pos);
    const items: Value[] = [];
    let start = 0;
    for (;;) {
      const found = text.value.indexOf(separator, start);
      const end = found < 0 ? text.value.length : found;
      items.push({ kind: 'string', text: sliceText(text, start, end), pos: args[1]!.pos });
      if (found < 0) break;
      start = found + separator.length;
    }
    return { kind: 'list', items, pos };
  },
  join: (args, pos) => {
    if (args.length < 2) throw new Unresolvable('join() takes a separator and at least one list', pos);
    const separator = expectString(args[0]!, 'join');
    const texts = args
      .slice(1)
      .flatMap((arg) => expectList(arg, 'join'))
      .map((item) => expectString(item, 'join'));
    const joined: PositionedText[] = [];
    texts.forEach((text, index) => {
      if (index > 0) joined.push(separator);
      joined.push(text);
    });
    return { kind: 'string', text: concatTexts(joined), pos };
  },
  jsonencode: (args, pos) => {
    expectArity(args, 1, 'jsonencode', pos);
    return { kind: 'string', text: jsonText(args[0]!), pos };
  },
  tostring: (args, pos) => {
    expectArity(args, 1, 'tostring', pos);
    return { kind: 'string', text: expectString(args[0]!, 'tostring'), pos: args[0]!.pos };
  }
};

/**
 * JSON text of a value. Strings that need no escaping keep their positions, so entries inside a
 * `jsonencode()`d policy still point at where they are written.
 */
function jsonText(value: Value): PositionedText {
  const plain = (text: string): PositionedText => computedText(text, value.pos);
  switch (value.kind) {
    case 'string': {
      const encoded = JSON.stringify(value.text.value);
      const needsEscaping = encoded.length !== value.text.value.length + 2;
      return concatTexts([plain('"'), needsEscaping ? plain(encoded.slice(1, -1)) : value.text, plain('"')]);
    }
    case 'number':
    case 'bool':
      return plain(String(value.value));
    case 'null':
      return plain('null');
    case 'list': {
      const parts: PositionedText[] = [plain('[')];
      value.items.forEach((item, index) => {
        if (index > 0) parts.push(plain(','));
        parts.push(jsonText(item));
      });
      parts.push(plain(']'));
      return concatTexts(parts);
    }
    case 'object': {
      const parts: PositionedText[] = [plain('{')];
      [...value.entries].forEach(([key, item], index) => {
        parts.push(plain(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`));
        parts.push(jsonText(item));
      });
      parts.push(plain('}'));
      return concatTexts(parts);
    }
  }
}

export const SUPPORTED_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS).sort();

function callFunction(expression: Extract<Expression, { kind: 'call' }>, scope: Scope): Value {
  const implementation = Object.hasOwn(FUNCTIONS, expression.name) ? FUNCTIONS[expression.name] : undefined;
  if (!implementation) {
    throw new Unresolvable(
      `function ${expression.name}() is not evaluated statically (supported: ${SUPPORTED_FUNCTIONS.join(', ')})`,
      expression.pos
    );
  }
  const args = expression.args.map((arg) => evaluate(arg, scope));
  if (expression.expandLast && args.length > 0) {
    const last = args.pop()!;
    args.push(...expectList(last, expression.name));
  }
  return implementation(args, expression.pos);
}
