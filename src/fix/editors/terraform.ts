/**
 * The Terraform editor. It finds the literal that supplies a whitelist attribute's effective value, following the
 * layers the reader follows (the attribute, `var.*` through the last tfvars assignment or the default, `local.*`,
 * the literal part of `concat`, the argument of `toset`/`join`/`split`/…), and edits its bytes: a tuple gets new
 * items, a comma-separated string new entries. Which variables and locals were passed through is recorded, so a
 * literal that also feeds another data source's whitelist is not edited.
 */
import type { RepoFiles } from '../../io.js';
import type { DataSourceConfig, SourcePosition, WhitelistSourceConfig } from '../../model.js';
import { terraformAttributes } from '../../products/terraform.js';
import { buildModule, type Resource, type TerraformModule } from '../../whitelists/terraform/module.js';
import { parseTerraformFile } from '../../whitelists/terraform/index.js';
import { moduleDir, moduleLayout, normalizeRepoPath } from '../../whitelists/terraform/layout.js';
import { parseAttributePath, parseSelect, type PathSegment } from '../../whitelists/terraform/select.js';
import {
  describeExpression,
  findAttribute,
  type Attribute,
  type Body,
  type Expression,
  type ParsedFile
} from '../../whitelists/terraform/syntax.js';
import { lineEndingOf, offsetAt, type SpliceResult } from './common.js';
import { skipString, scanTuple } from './hcl-scan.js';
import { appendToCommaString, insertIntoList } from './list.js';

/** The files of one module as the reader sees them: module files, then tfvars in the order they apply. */
export interface TerraformModuleView {
  dir: string;
  module: TerraformModule;
  /** Parsed tfvars files, later ones override earlier ones. */
  tfvars: ParsedFile[];
}

/** The literal to edit, and the variables, locals and attributes the value passed through on its way. */
export interface TerraformLiteral {
  file: string;
  kind: 'list' | 'string';
  pos: SourcePosition;
  /** `attribute:file:line:column`, `var.NAME`, `local.NAME`: who else reads through one of these shares the literal. */
  via: string[];
}

/** Reads and parses the module a Terraform source names, with its tfvars, as the reader does. */
export async function loadModuleView(files: RepoFiles, source: WhitelistSourceConfig): Promise<TerraformModuleView> {
  const target = normalizeRepoPath(source.file);
  const kind = (await files.kind(target)) === 'directory' ? 'directory' : 'file';
  const dir = moduleDir(target, kind);
  const { moduleFiles, tfvarsFiles } = moduleLayout(target, kind, await files.listDir(dir));
  for (const extra of source.tfvars ?? []) tfvarsFiles.push(normalizeRepoPath(extra));
  const parse = async (file: string): Promise<ParsedFile> => parseTerraformFile(file, await files.readText(file));
  const parsedModule: ParsedFile[] = [];
  for (const file of moduleFiles) parsedModule.push(await parse(file));
  const tfvars: ParsedFile[] = [];
  for (const file of tfvarsFiles) tfvars.push(await parse(file));
  return { dir, module: buildModule(dir, parsedModule), tfvars };
}

/** Every attribute of a body and of the blocks inside it (`dynamic` blocks' content included). */
function* attributesWithin(body: Body): Generator<Attribute> {
  yield* body.attributes;
  for (const block of body.blocks) yield* attributesWithin(block.body);
}

const attributeIndexes = new WeakMap<TerraformModuleView, Map<string, { resource: Resource; attribute: Attribute }>>();

/** The resource and attribute written at `at` (where a `missing-entry` finding points); indexed once per module. */
export function attributeAt(
  view: TerraformModuleView,
  at: { file: string; line: number; column: number }
): { resource: Resource; attribute: Attribute } | undefined {
  let index = attributeIndexes.get(view);
  if (!index) {
    index = new Map();
    for (const resource of view.module.resources) {
      for (const attribute of attributesWithin(resource.block.body)) {
        const { file, line, column } = attribute.pos;
        index.set(`${file}:${line}:${column}`, { resource, attribute });
      }
    }
    attributeIndexes.set(view, index);
  }
  return index.get(`${at.file}:${at.line}:${at.column}`);
}

/** Functions whose result holds the entries of one argument unchanged: the edit goes into that argument. */
const PASS_THROUGH: Record<string, number> = {
  toset: 0,
  tolist: 0,
  distinct: 0,
  compact: 0,
  sort: 0,
  flatten: 0,
  join: 1,
  split: 1
};

/**
 * The literal that supplies `expression`'s value, or why there is none. `via` collects the variables and locals
 * passed through.
 */
export function literalOf(
  view: TerraformModuleView,
  expression: Expression,
  via: string[],
  depth = 0
): TerraformLiteral | { reason: string } {
  if (depth > 50) return { reason: 'the value passes through too many variables and locals to follow' };
  switch (expression.kind) {
    case 'tuple':
      return { file: expression.pos.file, kind: 'list', pos: expression.pos, via };
    case 'template':
      if (expression.parts.every((part) => part.kind === 'literal')) {
        return { file: expression.pos.file, kind: 'string', pos: expression.pos, via };
      }
      return { reason: 'the value is a string built from interpolations, not a literal' };
    case 'traversal': {
      const step = expression.steps[0];
      if (expression.steps.length !== 1 || step?.kind !== 'attr') break;
      if (expression.root === 'var') {
        via.push(`var.${step.name}`);
        const assigned = [...view.tfvars]
          .reverse()
          .map((file) => findAttribute(file.body, step.name))
          .find(Boolean);
        const variable = view.module.variables.get(step.name);
        const value = assigned?.expression ?? (variable && findAttribute(variable.block.body, 'default')?.expression);
        if (!value) return { reason: `var.${step.name} has no value in the repository to edit` };
        return literalOf(view, value, via, depth + 1);
      }
      if (expression.root === 'local') {
        via.push(`local.${step.name}`);
        const local = view.module.locals.get(step.name);
        if (!local) return { reason: `local.${step.name} is not defined` };
        return literalOf(view, local.expression, via, depth + 1);
      }
      break;
    }
    case 'call': {
      if (expression.name === 'concat' && !expression.expandLast) {
        const literal = [...expression.args].reverse().find((arg) => arg.kind === 'tuple');
        if (literal) return literalOf(view, literal, via, depth + 1);
        return { reason: 'concat(…) has no list literal among its arguments to add to' };
      }
      const index = PASS_THROUGH[expression.name];
      const argument = index === undefined ? undefined : expression.args[index];
      if (argument && !expression.expandLast) return literalOf(view, argument, via, depth + 1);
      break;
    }
    default:
      break;
  }
  return { reason: `the value is the expression ${describeExpression(expression)}, which has no literal to edit` };
}

/**
 * What a data source's Terraform source reads through: its attributes and every variable and local reachable
 * from them. Two data sources that share one of these share a literal.
 */
export function readsThrough(view: TerraformModuleView, source: WhitelistSourceConfig, ds: DataSourceConfig): string[] {
  if (source.select === undefined) return [];
  const selection = parseSelect(source.select);
  if (typeof selection === 'string') return [];
  const resources = view.module.resourcesByAddress.get(`${selection.resourceType}.${selection.resourceName}`) ?? [];
  const found: string[] = [];
  for (const resource of resources) {
    const paths: PathSegment[][] = [];
    if (selection.path) paths.push(selection.path);
    else {
      for (const attribute of terraformAttributes(ds.product, resource.type, ds.network) ?? []) {
        const segments = parseAttributePath(attribute.path);
        if (typeof segments !== 'string') paths.push(segments);
      }
    }
    for (const segments of paths) {
      for (const attribute of attributesAlong(resource.block.body, segments)) {
        found.push(attributeKey(attribute));
        collectReferences(view, attribute.expression, found, new Set(), 0);
      }
    }
  }
  return found;
}

export function attributeKey(attribute: Attribute): string {
  return `attribute:${attribute.pos.file}:${attribute.pos.line}:${attribute.pos.column}`;
}

function attributesAlong(body: Body, segments: readonly PathSegment[]): Attribute[] {
  const [segment, ...rest] = segments;
  if (!segment) return [];
  if (rest.length === 0) {
    const attribute = findAttribute(body, segment.name);
    return attribute ? [attribute] : [];
  }
  const blocks = body.blocks.flatMap((block) => {
    if (block.type === segment.name && block.labels.length === 0) return [block.body];
    if (block.type === 'dynamic' && block.labels[0] === segment.name) {
      return block.body.blocks.filter((b) => b.type === 'content').map((b) => b.body);
    }
    return [];
  });
  return blocks.flatMap((inner) => attributesAlong(inner, rest));
}

/** Adds every `var.X` and `local.X` that `expression` reads, directly or through locals and variable values. */
function collectReferences(
  view: TerraformModuleView,
  expression: Expression,
  found: string[],
  seen: Set<string>,
  depth: number
): void {
  if (depth > 200) return;
  const visit = (e: Expression): void => collectReferences(view, e, found, seen, depth + 1);
  switch (expression.kind) {
    case 'traversal': {
      const step = expression.steps[0];
      if ((expression.root === 'var' || expression.root === 'local') && step?.kind === 'attr') {
        const key = `${expression.root}.${step.name}`;
        found.push(key);
        if (!seen.has(key)) {
          seen.add(key);
          if (expression.root === 'local') {
            const local = view.module.locals.get(step.name);
            if (local) visit(local.expression);
          }
        }
      }
      for (const s of expression.steps) if (s.kind === 'index') visit(s.key);
      return;
    }
    case 'tuple':
      expression.items.forEach(visit);
      return;
    case 'object':
      expression.items.forEach((item) => {
        visit(item.key);
        visit(item.value);
      });
      return;
    case 'template':
      for (const part of expression.parts) if (part.kind === 'interpolation') visit(part.expression);
      return;
    case 'access':
      visit(expression.target);
      return;
    case 'call':
      expression.args.forEach(visit);
      return;
    case 'conditional':
      [expression.condition, expression.whenTrue, expression.whenFalse].forEach(visit);
      return;
    case 'binary':
      visit(expression.left);
      visit(expression.right);
      return;
    case 'unary':
      visit(expression.operand);
      return;
    default:
      return;
  }
}

/** Adds `entries` to the literal at `literal.pos` in `text` (the file's whole text as read, BOM included). */
export function editTerraformLiteral(
  text: string,
  literal: TerraformLiteral,
  entries: readonly string[],
  separator: string,
  knownOffset?: number
): SpliceResult {
  if (literal.file.endsWith('.json')) {
    return { ok: false, reason: `${literal.file} is Terraform JSON syntax, which this tool does not edit` };
  }
  const offset = knownOffset ?? offsetAt(text, literal.pos.line, literal.pos.column, true);
  if (offset === undefined || offset < 0) return { ok: false, reason: 'the literal could not be found in the file' };
  if (literal.kind === 'list') {
    const list = scanTuple(text, offset);
    if (!list) return { ok: false, reason: 'the list could not be followed (a heredoc or unusual syntax inside it)' };
    return insertIntoList(
      text,
      list,
      entries.map((e) => JSON.stringify(e)),
      lineEndingOf(text)
    );
  }
  if (text[offset] !== '"') return { ok: false, reason: 'the string is a heredoc, which this tool does not edit' };
  const end = skipString(text, offset);
  if (end === undefined) return { ok: false, reason: 'the string could not be followed' };
  const content = text.slice(offset + 1, end - 1);
  if (/[\\$%]/.test(content)) {
    return { ok: false, reason: 'the string holds escapes or template sequences; add the entries by hand' };
  }
  return {
    ok: true,
    splices: [{ start: offset + 1, end: end - 1, insert: appendToCommaString(content, entries, separator) }]
  };
}
