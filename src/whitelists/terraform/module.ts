/**
 * A Terraform module as the reader sees it: the `.tf`/`.tf.json` files of one directory, their variables,
 * locals and resources, and the values assigned to variables by tfvars files.
 */
import type { SourcePosition } from '../../model.js';
import { constantScope, EvaluationBudget, evaluate, Unresolvable, type Scope, type Value } from './evaluate.js';
import { findAttribute, type Attribute, type Block, type Expression, type ParsedFile } from './syntax.js';

export interface Resource {
  type: string;
  name: string;
  block: Block;
  file: string;
}

export interface Variable {
  name: string;
  /** Its body (and so its `default`) is read only when the variable is used. */
  block: Block;
}

/** A value given to a variable by a tfvars file; later assignments override earlier ones. */
export interface VariableAssignment {
  name: string;
  expression: Expression;
  file: string;
}

export interface TerraformModule {
  dir: string;
  files: ParsedFile[];
  variables: Map<string, Variable>;
  locals: Map<string, Attribute>;
  /** In file order. */
  resources: Resource[];
  /** By `TYPE.NAME`. */
  resourcesByAddress: Map<string, Resource[]>;
}

export function buildModule(dir: string, files: ParsedFile[]): TerraformModule {
  const variables = new Map<string, Variable>();
  const locals = new Map<string, Attribute>();
  const resources: Resource[] = [];
  for (const file of files) {
    for (const block of file.body.blocks) {
      if (block.type === 'variable' && block.labels.length === 1) {
        const name = block.labels[0]!;
        variables.set(name, { name, block });
      } else if (block.type === 'locals') {
        for (const attribute of block.body.attributes) locals.set(attribute.name, attribute);
      } else if (block.type === 'resource' && block.labels.length === 2) {
        resources.push({ type: block.labels[0]!, name: block.labels[1]!, block, file: file.path });
      }
    }
  }
  const resourcesByAddress = new Map<string, Resource[]>();
  for (const resource of resources) {
    const address = `${resource.type}.${resource.name}`;
    const same = resourcesByAddress.get(address);
    if (same) same.push(resource);
    else resourcesByAddress.set(address, [resource]);
  }
  return { dir, files, variables, locals, resources, resourcesByAddress };
}

/** The assignments of a tfvars file (each top-level attribute is one variable). */
export function assignmentsOf(file: ParsedFile): VariableAssignment[] {
  return file.body.attributes.map((attribute) => ({
    name: attribute.name,
    expression: attribute.expression,
    file: file.path
  }));
}

const IN_PROGRESS: unique symbol = Symbol('in progress');

/**
 * The module-level scope: `var.*` from the last tfvars assignment or the default, `local.*` evaluated once each
 * (a failure is remembered and rethrown, a cycle is reported). Every evaluation in it shares one budget.
 */
export function moduleScope(
  module: TerraformModule,
  assignments: readonly VariableAssignment[],
  budget: EvaluationBudget = new EvaluationBudget()
): Scope {
  const constants = constantScope(budget);
  const lastAssignment = new Map<string, VariableAssignment>();
  for (const assignment of assignments) lastAssignment.set(assignment.name, assignment);
  const variableValues = new Map<string, Value | Unresolvable>();
  const localValues = new Map<string, Value | Unresolvable | typeof IN_PROGRESS>();

  const remembered = (result: Value | Unresolvable): Value => {
    if (result instanceof Unresolvable) throw result;
    return result;
  };

  const scope: Scope = {
    budget,
    variable(name: string, at: SourcePosition): Value {
      const known = variableValues.get(name);
      if (known) return remembered(known);
      let result: Value | Unresolvable;
      const declared = module.variables.get(name);
      const assigned = lastAssignment.get(name);
      if (!declared) {
        result = new Unresolvable(`var.${name} is not declared in ${module.dir || 'the repository root'}`, at);
      } else {
        const expression = assigned?.expression ?? findAttribute(declared.block.body, 'default')?.expression;
        if (!expression) {
          result = new Unresolvable(
            `var.${name} has no default and no value in terraform.tfvars, *.auto.tfvars or the source's tfvars files`,
            at
          );
        } else {
          try {
            result = evaluate(expression, constants);
          } catch (error) {
            if (!(error instanceof Unresolvable)) throw error;
            result = error;
          }
        }
      }
      variableValues.set(name, result);
      return remembered(result);
    },
    local(name: string, at: SourcePosition): Value {
      const known = localValues.get(name);
      if (known === IN_PROGRESS) throw new Unresolvable(`local.${name} refers to itself`, at);
      if (known) return remembered(known);
      const attribute = module.locals.get(name);
      if (!attribute)
        throw new Unresolvable(`local.${name} is not defined in ${module.dir || 'the repository root'}`, at);
      localValues.set(name, IN_PROGRESS);
      let result: Value | Unresolvable;
      try {
        result = evaluate(attribute.expression, scope);
      } catch (error) {
        if (!(error instanceof Unresolvable)) throw error;
        result = error;
      }
      localValues.set(name, result);
      return remembered(result);
    },
    iterations: new Map()
  };
  return scope;
}
