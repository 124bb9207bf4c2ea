/**
 * A Terraform module as the reader sees it: the `.tf`/`.tf.json` files of one directory, their variables,
 * locals and resources, and the values assigned to variables by tfvars files.
 */
import { quotePrefix } from '../../bounds.js';
import type { SourcePosition } from '../../model.js';
import { constantScope, EvaluationBudget, evaluate, Unresolvable, type Scope, type Value } from './evaluate.js';
import {
  findAttribute,
  type Attribute,
  type Block,
  type Body,
  type Expression,
  type ParsedFile,
  type SyntaxProblem
} from './syntax.js';

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
  /** Override blocks that override nothing: Terraform refuses the module, so the read stops at them. */
  problems: SyntaxProblem[];
}

/** `override.tf`, `override.tf.json`, `*_override.tf`, `*_override.tf.json`: merged into the others, not added. */
export function isOverrideFile(file: string): boolean {
  return /(^|\/|_)override\.tf(\.json)?$/.test(file);
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/**
 * The module of a directory's files as Terraform loads it: the normal files first, then the override files in
 * lexical order of their names, each top-level block merged into the block of the same type and labels
 * (https://developer.hashicorp.com/terraform/language/files/override).
 */
export function buildModule(dir: string, files: ParsedFile[]): TerraformModule {
  const variables = new Map<string, Variable>();
  const locals = new Map<string, Attribute>();
  const resources: Resource[] = [];
  const problems: SyntaxProblem[] = [];
  const normal = files.filter((file) => !isOverrideFile(file.path));
  const overrides = files
    .filter((file) => isOverrideFile(file.path))
    .sort((a, b) => (baseName(a.path) < baseName(b.path) ? -1 : baseName(a.path) > baseName(b.path) ? 1 : 0));
  for (const file of normal) {
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
  for (const file of overrides) {
    const name = baseName(file.path);
    for (const block of file.body.blocks) {
      const missing = (what: string, terraformSays: string): void => {
        problems.push({
          message: `${what} in ${name} overrides nothing: no normal file of the module declares it, and Terraform refuses the module ("${terraformSays}")`,
          pos: block.pos,
          limit: true
        });
      };
      if (block.type === 'variable' && block.labels.length === 1) {
        const variable = variables.get(block.labels[0]!);
        if (variable) variable.block = mergedBlock(variable.block, block);
        else missing(`variable "${quotePrefix(block.labels[0]!)}"`, 'Missing base variable declaration to override');
      } else if (block.type === 'locals') {
        // Local values are overridden one by one, whichever locals block declares them.
        for (const attribute of block.body.attributes) {
          if (locals.has(attribute.name)) locals.set(attribute.name, attribute);
          else
            problems.push({
              message: `local.${quotePrefix(attribute.name)} in ${name} overrides nothing: no normal file of the module declares it, and Terraform refuses the module ("Missing base local value definition to override")`,
              pos: attribute.pos,
              limit: true
            });
        }
      } else if (block.type === 'resource' && block.labels.length === 2) {
        const same = resourcesByAddress.get(`${block.labels[0]!}.${block.labels[1]!}`);
        if (!same)
          missing(
            `resource "${quotePrefix(block.labels[0]!)}" "${quotePrefix(block.labels[1]!)}"`,
            'Missing resource to override'
          );
        for (const resource of same ?? []) resource.block = mergedBlock(resource.block, block);
      }
      // Other blocks (providers, data sources, outputs, modules) hold no whitelist the reader uses.
    }
  }
  return { dir, files, variables, locals, resources, resourcesByAddress, problems };
}

/**
 * A block with an override block merged in, converted on first use (bodies are lazy, see native-syntax.ts):
 * each argument of the override replaces the argument of that name; its nested blocks replace every nested block
 * of the same type, written as it is or generated by `dynamic`; nested blocks are not merged further.
 */
function mergedBlock(base: Block, override: Block): Block {
  let body: Body | undefined;
  return {
    type: base.type,
    labels: base.labels,
    pos: base.pos,
    get body(): Body {
      body ??= mergeBody(base.body, override.body);
      return body;
    }
  };
}

function mergeBody(base: Body, override: Body): Body {
  const replaced = new Map(override.attributes.map((attribute) => [attribute.name, attribute]));
  const attributes = base.attributes.map((attribute) => replaced.get(attribute.name) ?? attribute);
  const kept = new Set(base.attributes.map((attribute) => attribute.name));
  attributes.push(...override.attributes.filter((attribute) => !kept.has(attribute.name)));
  const blockType = (block: Block): string | undefined =>
    block.type === 'dynamic' ? block.labels[0] : block.labels.length === 0 ? block.type : undefined;
  const overridden = new Set(override.blocks.map(blockType).filter((type) => type !== undefined));
  const blocks = [
    ...base.blocks.filter((block) => {
      const type = blockType(block);
      return type === undefined || !overridden.has(type);
    }),
    ...override.blocks
  ];
  return { attributes, blocks };
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
