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

/** Evaluation went past a limit of the budget: the read stops there (its findings would only repeat it). */
export class BudgetExceeded extends Unresolvable {
  override name = 'BudgetExceeded';
}

/** The key and value of one `for_each` instance (`each`) or one `dynamic` block iteration. */
export interface Iteration {
  key: Value;
  value: Value;
}

/**
 * Limits of static evaluation, far above what real modules reach (the largest real whitelists hold a few
 * thousand entries; products cap them at 1,000 or fewer) and low enough that a module written to blow up
 * (values that double at each step, `count = 1000000000`, a chain of 10,000 locals) ends within a fraction of
 * a second with an `unresolved` finding at the expression that crossed the limit.
 */
export const EVALUATION_LIMITS = {
  /** Elements of one value: list items and object entries, nested ones included. */
  elements: 100_000,
  /** Characters of one value: a string, or all the strings (and object keys) inside a list or object. */
  characters: 1_000_000,
  /** Nesting: expressions inside expressions, locals that refer to locals, lists inside lists. */
  depth: 200,
  /** Instances of one resource (`count`, `for_each`) and iterations of one `dynamic` block. */
  instances: 10_000,
  /** Everything evaluated in one module, over all its data sources: elements, characters and instances made. */
  work: 5_000_000
} as const;

export type EvaluationLimits = { readonly [K in keyof typeof EVALUATION_LIMITS]: number };

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** What a value holds, nested contents included (values are immutable, so it is computed once). */
interface Measure {
  elements: number;
  characters: number;
  depth: number;
}

const SCALAR: Measure = { elements: 0, characters: 0, depth: 0 };
const measures = new WeakMap<Value, Measure>();

/** The size of a value; values not made by `EvaluationBudget` are measured once (and are small: literals). */
export function measure(value: Value): Measure {
  const known = measures.get(value);
  if (known) return known;
  let result: Measure;
  switch (value.kind) {
    case 'string':
      result = { elements: 0, characters: value.text.value.length, depth: 0 };
      break;
    case 'list':
      result = combine(value.items.length, 0, value.items);
      break;
    case 'object': {
      let keyCharacters = 0;
      for (const key of value.entries.keys()) keyCharacters += key.length;
      result = combine(value.entries.size, keyCharacters, value.entries.values());
      break;
    }
    default:
      return SCALAR;
  }
  measures.set(value, result);
  return result;
}

function combine(elements: number, characters: number, items: Iterable<Value>): Measure {
  let depth = 0;
  for (const item of items) {
    const inner = measure(item);
    elements += inner.elements;
    characters += inner.characters;
    if (inner.depth > depth) depth = inner.depth;
  }
  return { elements, characters, depth: depth + 1 };
}

/**
 * The evaluation budget of one module (see EVALUATION_LIMITS). Every list, object and string that evaluation
 * makes is checked against the limits of one value and charged to the module's work; nesting is counted as
 * evaluation descends. Past a limit: `Unresolvable` at the expression, "evaluation exceeds the budget of …".
 */
export class EvaluationBudget {
  private work = 0;
  private depth = 0;

  constructor(readonly limits: EvaluationLimits = EVALUATION_LIMITS) {}

  /** Charges work (elements, characters, instances made); throws once the module's budget is spent. */
  charge(units: number, pos: SourcePosition): void {
    this.work += units;
    if (this.work > this.limits.work) {
      throw new BudgetExceeded(
        `evaluation exceeds the budget of ${formatCount(this.limits.work)} units of work for this module (elements, characters and instances made)`,
        pos
      );
    }
  }

  /** Enters one level of nesting; every `enter` is followed by one `leave`. */
  enter(pos: SourcePosition): void {
    if (this.depth >= this.limits.depth) throw this.tooDeep(pos);
    this.depth += 1;
  }

  leave(): void {
    this.depth -= 1;
  }

  tooDeep(pos: SourcePosition): BudgetExceeded {
    return new BudgetExceeded(
      `evaluation exceeds the budget of ${formatCount(this.limits.depth)} nested levels (expressions within expressions, locals that refer to locals, lists within lists)`,
      pos
    );
  }

  /** Checks a count of elements before they are made (`count`, `for_each`, a concatenation). */
  checkElements(elements: number, pos: SourcePosition): void {
    if (elements > this.limits.elements) {
      throw new BudgetExceeded(
        `evaluation exceeds the budget of ${formatCount(this.limits.elements)} elements in one value (${formatCount(elements)} here)`,
        pos
      );
    }
  }

  /** Checks a number of characters before they are made (a template, `join`, `jsonencode`). */
  checkCharacters(characters: number, pos: SourcePosition): void {
    if (characters > this.limits.characters) {
      throw new BudgetExceeded(
        `evaluation exceeds the budget of ${formatCount(this.limits.characters)} characters in one value (${formatCount(characters)} here)`,
        pos
      );
    }
  }

  /**
   * Checks the entries one source has read so far (a comma-separated string counts as one here; it is
   * charged by its characters).
   */
  checkEntries(entries: number, pos: SourcePosition): void {
    if (entries > this.limits.elements) {
      throw new BudgetExceeded(
        `evaluation exceeds the budget of ${formatCount(this.limits.elements)} entries read from one whitelist source`,
        pos
      );
    }
  }

  checkInstances(instances: number, pos: SourcePosition): void {
    if (instances > this.limits.instances) {
      throw new BudgetExceeded(
        `evaluation exceeds the budget of ${formatCount(this.limits.instances)} instances (${formatCount(instances)} here)`,
        pos
      );
    }
    this.charge(instances, pos);
  }

  /** A list made by evaluation, within the limits of one value. */
  list(items: Value[], pos: SourcePosition): Value {
    return this.admit({ kind: 'list', items, pos }, items.length);
  }

  object(entries: Map<string, Value>, pos: SourcePosition): Value {
    return this.admit({ kind: 'object', entries, pos }, entries.size);
  }

  string(text: PositionedText, pos: SourcePosition): Value {
    this.checkCharacters(text.value.length, pos);
    this.charge(text.value.length + text.segments.length, pos);
    return { kind: 'string', text, pos };
  }

  private admit(value: Value, made: number): Value {
    const size = measure(value);
    this.checkElements(size.elements, value.pos);
    this.checkCharacters(size.characters, value.pos);
    if (size.depth > this.limits.depth) throw this.tooDeep(value.pos);
    this.charge(made, value.pos);
    return value;
  }
}

export interface Scope {
  /** Limits and work shared by every evaluation in the module. */
  budget: EvaluationBudget;
  /** The value of `var.NAME`; throws `Unresolvable` when it has none. */
  variable(name: string, at: SourcePosition): Value;
  /** The value of `local.NAME`; throws `Unresolvable` when it cannot be evaluated. */
  local(name: string, at: SourcePosition): Value;
  /** `each` and the iterators of enclosing `dynamic` blocks, by name. */
  iterations: ReadonlyMap<string, Iteration>;
}

/** For variable defaults and tfvars values, which Terraform evaluates without any references. */
export function constantScope(budget: EvaluationBudget): Scope {
  return {
    budget,
    variable(name, at) {
      throw new Unresolvable(`var.${name} cannot be used here: Terraform evaluates this value without references`, at);
    },
    local(name, at) {
      throw new Unresolvable(
        `local.${name} cannot be used here: Terraform evaluates this value without references`,
        at
      );
    },
    iterations: new Map()
  };
}

export function withIteration(scope: Scope, name: string, iteration: Iteration): Scope {
  const iterations = new Map(scope.iterations);
  iterations.set(name, iteration);
  return { budget: scope.budget, variable: scope.variable, local: scope.local, iterations };
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

/** A Map, so that names such as `constructor` or `__proto__` are ordinary names (not Object.prototype's). */
const REFERENCE_REASONS: ReadonlyMap<string, string> = new Map([
  ['data', 'data sources are read only when Terraform runs'],
  ['module', 'module outputs are known only when Terraform runs'],
  ['count', 'count-indexed values are not evaluated statically'],
  ['self', '`self` is known only when Terraform runs'],
  ['path', 'filesystem paths are not evaluated statically'],
  ['terraform', '`terraform.*` values are known only when Terraform runs']
]);

export function evaluate(expression: Expression, scope: Scope): Value {
  const budget = scope.budget;
  budget.enter(expression.pos);
  try {
    return evaluateHere(expression, scope);
  } finally {
    budget.leave();
  }
}

function evaluateHere(expression: Expression, scope: Scope): Value {
  const pos = expression.pos;
  const budget = scope.budget;
  switch (expression.kind) {
    case 'number':
      return { kind: 'number', value: expression.value, pos };
    case 'bool':
      return { kind: 'bool', value: expression.value, pos };
    case 'null':
      return { kind: 'null', pos };
    case 'tuple':
      return budget.list(
        expression.items.map((item) => evaluate(item, scope)),
        pos
      );
    case 'object': {
      const entries = new Map<string, Value>();
      for (const item of expression.items) {
        const key = evaluate(item.key, scope);
        const keyText = scalarText(key);
        if (!keyText) throw new Unresolvable(`an object key must be a string, not ${typeName(key)}`, item.key.pos);
        entries.set(keyText.value, evaluate(item.value, scope));
      }
      return budget.object(entries, pos);
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
        pos,
        budget
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
  let length = 0;
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
      length += text.value.length;
      // Checked as the parts come, so that no oversized string is ever made.
      scope.budget.checkCharacters(length, pos);
    }
  }
  if (texts.length === 1) return { kind: 'string', text: texts[0]!, pos };
  return scope.budget.string(texts.length === 0 ? emptyText : concatTexts(texts), pos);
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
  const reason = REFERENCE_REASONS.get(root);
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

function evaluateBinary(
  operator: string,
  left: Value,
  right: Value,
  pos: SourcePosition,
  budget: EvaluationBudget
): Value {
  if (operator === '==' || operator === '!=') {
    const equal = comparisonKey(left, budget) === comparisonKey(right, budget);
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

/** valueKey, charged: its text is about as long as the value's contents. */
function comparisonKey(value: Value, budget: EvaluationBudget): string {
  const size = measure(value);
  budget.charge(size.elements + size.characters, value.pos);
  return valueKey(value);
}

/**
 * A key that identifies a value's content (for `distinct`, `toset` and `==`), ignoring positions. Values are
 * within the budget's depth, so the recursion is bounded.
 */
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

type FunctionImplementation = (args: Value[], pos: SourcePosition, budget: EvaluationBudget) => Value;

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

function distinctItems(items: Value[], budget: EvaluationBudget): Value[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = comparisonKey(item, budget);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The scalars of nested lists, in order; iterative (its input may be as deep as the budget allows). */
function flattenItems(items: Value[], budget: EvaluationBudget, pos: SourcePosition): Value[] {
  const result: Value[] = [];
  const stack: { items: Value[]; next: number }[] = [{ items, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.next++]!;
    if (item.kind === 'list') stack.push({ items: item.items, next: 0 });
    else {
      result.push(item);
      budget.checkElements(result.length, pos);
    }
  }
  return result;
}

/** The functions whitelists are commonly assembled with; every other function is reported as unresolved. */
const FUNCTIONS: ReadonlyMap<string, FunctionImplementation> = new Map<string, FunctionImplementation>([
  [
    'concat',
    (args, pos, budget) => {
      const lists = args.map((arg) => expectList(arg, 'concat'));
      // Checked before the list is made, so that values doubling at each step stop at the limit.
      budget.checkElements(
        lists.reduce((total, items) => total + items.length, 0),
        pos
      );
      return budget.list(lists.flat(), pos);
    }
  ],
  [
    'distinct',
    (args, pos, budget) => {
      expectArity(args, 1, 'distinct', pos);
      return budget.list(distinctItems(expectList(args[0]!, 'distinct'), budget), pos);
    }
  ],
  [
    'flatten',
    (args, pos, budget) => {
      expectArity(args, 1, 'flatten', pos);
      return budget.list(flattenItems(expectList(args[0]!, 'flatten'), budget, pos), pos);
    }
  ],
  [
    'compact',
    (args, pos, budget) => {
      expectArity(args, 1, 'compact', pos);
      const items = expectList(args[0]!, 'compact').filter(
        (item) => item.kind !== 'null' && !(item.kind === 'string' && item.text.value === '')
      );
      return budget.list(items, pos);
    }
  ],
  [
    'toset',
    (args, pos, budget) => {
      expectArity(args, 1, 'toset', pos);
      return budget.list(distinctItems(expectList(args[0]!, 'toset'), budget), pos);
    }
  ],
  [
    'tolist',
    (args, pos, budget) => {
      expectArity(args, 1, 'tolist', pos);
      return budget.list(expectList(args[0]!, 'tolist'), pos);
    }
  ],
  [
    'split',
    (args, pos, budget) => {
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
        budget.checkElements(items.length, pos);
        if (found < 0) break;
        start = found + separator.length;
      }
      return budget.list(items, pos);
    }
  ],
  [
    'join',
    (args, pos, budget) => {
      if (args.length < 2) throw new Unresolvable('join() takes a separator and at least one list', pos);
      const separator = expectString(args[0]!, 'join');
      const texts = args
        .slice(1)
        .flatMap((arg) => expectList(arg, 'join'))
        .map((item) => expectString(item, 'join'));
      budget.checkCharacters(
        texts.reduce((total, text) => total + text.value.length + separator.value.length, 0),
        pos
      );
      const joined: PositionedText[] = [];
      texts.forEach((text, index) => {
        if (index > 0) joined.push(separator);
        joined.push(text);
      });
      return budget.string(concatTexts(joined), pos);
    }
  ],
  [
    'jsonencode',
    (args, pos, budget) => {
      expectArity(args, 1, 'jsonencode', pos);
      return budget.string(jsonText(args[0]!, budget, pos), pos);
    }
  ],
  [
    'tostring',
    (args, pos) => {
      expectArity(args, 1, 'tostring', pos);
      return { kind: 'string', text: expectString(args[0]!, 'tostring'), pos: args[0]!.pos };
    }
  ]
]);

/**
 * JSON text of a value. Strings that need no escaping keep their positions, so entries inside a
 * `jsonencode()`d policy still point at where they are written. The parts are gathered in one list, and the
 * length is checked as it grows, so that no oversized text is made.
 */
function jsonText(root: Value, budget: EvaluationBudget, pos: SourcePosition): PositionedText {
  const parts: PositionedText[] = [];
  let length = 0;
  const push = (part: PositionedText): void => {
    parts.push(part);
    length += part.value.length;
    budget.checkCharacters(length, pos);
  };
  const write = (value: Value): void => {
    const plain = (text: string): PositionedText => computedText(text, value.pos);
    switch (value.kind) {
      case 'string': {
        const encoded = JSON.stringify(value.text.value);
        const needsEscaping = encoded.length !== value.text.value.length + 2;
        push(plain('"'));
        push(needsEscaping ? plain(encoded.slice(1, -1)) : value.text);
        push(plain('"'));
        return;
      }
      case 'number':
      case 'bool':
        return push(plain(String(value.value)));
      case 'null':
        return push(plain('null'));
      case 'list':
        push(plain('['));
        value.items.forEach((item, index) => {
          if (index > 0) push(plain(','));
          write(item);
        });
        return push(plain(']'));
      case 'object': {
        push(plain('{'));
        let index = 0;
        for (const [key, item] of value.entries) {
          push(plain(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`));
          write(item);
          index += 1;
        }
        return push(plain('}'));
      }
    }
  };
  write(root);
  return concatTexts(parts);
}

export const SUPPORTED_FUNCTIONS: readonly string[] = [...FUNCTIONS.keys()].sort();

function callFunction(expression: Extract<Expression, { kind: 'call' }>, scope: Scope): Value {
  const implementation = FUNCTIONS.get(expression.name);
  if (!implementation) {
    throw new Unresolvable(
      `function ${expression.name}() is not evaluated statically (supported: ${SUPPORTED_FUNCTIONS.join(', ')})`,
      expression.pos
    );
  }
  const args = expression.args.map((arg) => evaluate(arg, scope));
  if (expression.expandLast && args.length > 0) {
    // Not `push(...items)`: spreading a long list into arguments overflows the stack.
    const expanded = args.slice(0, -1).concat(expectList(args[args.length - 1]!, expression.name));
    return implementation(expanded, expression.pos, scope.budget);
  }
  return implementation(args, expression.pos, scope.budget);
}
