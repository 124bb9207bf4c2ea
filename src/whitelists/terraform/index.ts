/**
 * The `terraform` whitelist reader (contract §2): reads the alicloud provider's whitelist attributes from a
 * `.tf`/`.tf.json` file or a module directory, resolving variables, locals and simple functions statically,
 * with the position where every entry is written.
 */
import type { Parser } from 'web-tree-sitter';
import type { Logger, RepoFiles } from '../../io.js';
import { moduleDir, moduleLayout, normalizeRepoPath } from './layout.js';
import { MAX_QUOTED_CHARS, quotePrefix } from '../../bounds.js';
import { describeFileError, silentLogger } from '../../io.js';
import type { Finding, RuleId, SourcePosition, WhitelistSourceConfig } from '../../model.js';
import type { EntryLimit } from '../../products/profiles.js';
import {
  terraformAttributes,
  terraformAttributeShape,
  terraformResource,
  TERRAFORM_PRODUCTS,
  type TerraformValueShape
} from '../../products/terraform.js';
import type { DeclaredEntryText, ReadContext, ReadResult, WhitelistReader } from '../types.js';
import { bucketPolicyEntries } from './bucket-policy.js';
import {
  BudgetExceeded,
  EVALUATION_LIMITS,
  evaluate,
  EvaluationBudget,
  measure,
  scalarText,
  typeName,
  Unresolvable,
  withIteration,
  type EvaluationLimits,
  type Scope,
  type Value
} from './evaluate.js';
import { parseJson } from './json-syntax.js';
import { assignmentsOf, buildModule, moduleScope, type Resource, type TerraformModule } from './module.js';
import { parseNative } from './native-syntax.js';
import { loadedTerraformParser, loadTerraformParser, ParserLoadError } from './parser.js';
import { parseAttributePath, parseSelect, type PathSegment, type TerraformSelect } from './select.js';
import {
  findAttribute,
  SyntaxLimitError,
  type Attribute,
  type Body,
  type Expression,
  type ParsedFile
} from './syntax.js';
import { splitEntries } from './text.js';

export { locateParserFile, loadTerraformParser, ParserLoadError } from './parser.js';
export { EVALUATION_LIMITS, SUPPORTED_FUNCTIONS } from './evaluate.js';
export { MAX_SYNTAX_DEPTH } from './plain-tree.js';
export { MAX_JSON_DEPTH } from './json-syntax.js';

export interface TerraformReaderOptions {
  /** Receives what the reader skips on purpose (removal lists, rules that do not admit the traffic). */
  logger?: Logger;
  /** The evaluation budget of each module (default EVALUATION_LIMITS); tests lower it. */
  limits?: EvaluationLimits;
}

/** A shape the product table does not know: a list or a comma-separated string are both read. */
type ReadShape = TerraformValueShape | 'any';

interface WantedAttribute {
  path: PathSegment[];
  text: string;
  shape: ReadShape;
}

/** A reader with its own cache of parsed files (data sources often share a module). */
export function createTerraformReader(options: TerraformReaderOptions & { cache?: ReaderCache } = {}): WhitelistReader {
  const cache: ReaderCache = options.cache ?? { files: new Map(), modules: new Map(), scopes: new Map() };
  const logger = options.logger ?? silentLogger;
  const limits = options.limits;
  return {
    format: 'terraform',
    read: (source, ctx) => new Read(source, ctx, ctx.logger ?? logger, cache, limits).run()
  };
}

/**
 * Parsed files by path (reused while the text is the same), built modules by directory, and the scope of each
 * module with its tfvars files: locals are evaluated once however many data sources read the module, and its
 * evaluation budget is shared by all of them, so that many data sources cannot multiply the work.
 */
interface ReaderCache {
  files: Map<string, { text: string; parsed: ParsedFile }>;
  modules: Map<string, TerraformModule>;
  scopes: Map<string, { module: TerraformModule; tfvars: ParsedFile[]; scope: Scope }>;
}

/** The shared parser, unless it failed since it was loaded: then a new one. */
async function liveParser(): Promise<Parser> {
  for (;;) {
    const parser = await loadTerraformParser();
    if (parser === loadedTerraformParser()) return parser;
  }
}

/** A file's syntax, parsed once per text: the cache is the reader's, keyed by path and compared by content. */
async function parseCached(cache: ReaderCache, file: string, text: string): Promise<ParsedFile> {
  const cached = cache.files.get(file);
  if (cached && cached.text === text) return cached.parsed;
  const parser = await liveParser();
  const parsed = file.endsWith('.json')
    ? parseJson(parser, file, text, { topLevel: file.endsWith('.tf.json') })
    : parseNative(parser, file, text);
  cache.files.set(file, { text, parsed });
  return parsed;
}

const defaultCache: ReaderCache = { files: new Map(), modules: new Map(), scopes: new Map() };

export const terraformReader: WhitelistReader = createTerraformReader({ cache: defaultCache });

/**
 * A file parsed as the default reader parses it, sharing its cache: the fix editor reads the module the check just
 * read, and parsing a large module again would double the work.
 */
export function parseTerraformFile(file: string, text: string): Promise<ParsedFile> {
  return parseCached(defaultCache, file, text);
}

function at(position: SourcePosition): string {
  return `${position.file}:${position.line}:${position.column}`;
}

/**
 * Whitelists that apply to an instance only once it names them: RDS whitelist templates through
 * `template_id_list`, PolarDB and MongoDB global security IP groups through `global_security_group_list`.
 */
const ATTACHMENTS: ReadonlyMap<string, { attribute: string; target: string; targetAttribute: string }> = new Map([
  [
    'alicloud_db_instance',
    { attribute: 'template_id_list', target: 'alicloud_rds_whitelist_template', targetAttribute: 'ip_white_list' }
  ],
  [
    'alicloud_polardb_cluster',
    {
      attribute: 'global_security_group_list',
      target: 'alicloud_polardb_global_security_ip_group',
      targetAttribute: 'global_ip_list'
    }
  ],
  [
    'alicloud_mongodb_instance',
    {
      attribute: 'global_security_group_list',
      target: 'alicloud_mongodb_global_security_ip_group',
      targetAttribute: 'global_security_ip_list'
    }
  ],
  [
    'alicloud_mongodb_sharding_instance',
    {
      attribute: 'global_security_group_list',
      target: 'alicloud_mongodb_global_security_ip_group',
      targetAttribute: 'global_security_ip_list'
    }
  ]
]);

/** Whether an expression refers to `TYPE.NAME` anywhere (the expression is within the syntax depth limit). */
function refersTo(expression: Expression, type: string, name: string): boolean {
  switch (expression.kind) {
    case 'traversal':
      return (
        (expression.root === type && expression.steps[0]?.kind === 'attr' && expression.steps[0].name === name) ||
        expression.steps.some((step) => step.kind === 'index' && refersTo(step.key, type, name))
      );
    case 'tuple':
      return expression.items.some((item) => refersTo(item, type, name));
    case 'object':
      return expression.items.some((item) => refersTo(item.key, type, name) || refersTo(item.value, type, name));
    case 'template':
      return expression.parts.some((part) => part.kind === 'interpolation' && refersTo(part.expression, type, name));
    case 'access':
      return refersTo(expression.target, type, name);
    case 'call':
      return expression.args.some((arg) => refersTo(arg, type, name));
    case 'conditional':
      return [expression.condition, expression.whenTrue, expression.whenFalse].some((e) => refersTo(e, type, name));
    case 'binary':
      return refersTo(expression.left, type, name) || refersTo(expression.right, type, name);
    case 'unary':
      return refersTo(expression.operand, type, name);
    default:
      return false;
  }
}

/** Stops a read with the findings gathered so far. */
class ReadFailed extends Error {}

class Read {
  private readonly findings: Finding[] = [];
  private readonly entries: DeclaredEntryText[] = [];
  /** Where `addEntry` puts entries: `entries`, or the list of a group that does not apply to the network. */
  private sink: DeclaredEntryText[] = this.entries;
  private readonly excluded: { entries: DeclaredEntryText[]; reason: string }[] = [];
  private entryLimit: EntryLimit | undefined;
  private readonly unresolvedPrefixLists = new Set<Resource>();
  private addHere: SourcePosition | undefined;

  constructor(
    private readonly source: WhitelistSourceConfig,
    private readonly ctx: ReadContext,
    private readonly logger: Logger,
    private readonly cache: ReaderCache,
    private readonly limits: EvaluationLimits | undefined
  ) {}

  private get files(): RepoFiles {
    return this.ctx.files;
  }

  private report(
    rule: Extract<RuleId, 'invalid-whitelist' | 'unresolved' | 'network-disabled' | 'unattached-template'>,
    message: string,
    pos: SourcePosition
  ): void {
    this.findings.push({
      rule,
      severity: rule === 'unattached-template' ? 'warning' : 'error',
      message,
      dataSource: this.ctx.dataSource.name,
      file: pos.file,
      line: pos.line,
      column: pos.column
    });
  }

  private stop(message: string, pos: SourcePosition = this.source.pos): never {
    this.report('invalid-whitelist', message, pos);
    throw new ReadFailed();
  }

  async run(): Promise<ReadResult> {
    try {
      await this.read();
    } catch (error) {
      if (error instanceof SyntaxLimitError) this.report('invalid-whitelist', error.message, error.pos);
      else if (!(error instanceof ReadFailed)) throw error;
      return { entries: [], findings: this.findings };
    }
    const result: ReadResult = { entries: this.entries, findings: this.findings };
    if (this.addHere) result.addHere = { ...this.addHere };
    const excluded = this.excluded.filter((group) => group.entries.length > 0);
    if (excluded.length > 0) result.excluded = excluded;
    if (this.entryLimit) result.entryLimit = this.entryLimit;
    return result;
  }

  private async read(): Promise<void> {
    const target = normalizeRepoPath(this.source.file);
    const kind = await this.fileOp(target, () => this.files.kind(target));
    if (kind === null) this.stop(`${this.source.file}: no such file or directory`);
    const dir = moduleDir(target, kind);
    const names = await this.fileOp(dir || '.', () => this.files.listDir(dir), 'directory');
    const { moduleFiles, targetFiles, tfvarsFiles } = moduleLayout(target, kind, names);
    if (targetFiles.length === 0) this.stop(`${this.source.file}: the directory holds no .tf or .tf.json files`);

    for (const extra of this.source.tfvars ?? []) {
      const file = normalizeRepoPath(extra);
      const tfvarsKind = await this.fileOp(file, () => this.files.kind(file));
      if (tfvarsKind !== 'file') this.stop(`tfvars file ${extra} ${tfvarsKind ? 'is a directory' : 'does not exist'}`);
      tfvarsFiles.push(file);
    }

    let parsed: ParsedFile[];
    try {
      // One at a time: the first file that cannot be read stops the read, and the findings stay deterministic.
      parsed = [];
      for (const file of [...moduleFiles, ...tfvarsFiles]) parsed.push(await this.parse(file));
    } catch (error) {
      if (error instanceof ParserLoadError) this.stop(`cannot read Terraform: ${error.message}`);
      throw error;
    }
    for (const file of parsed) {
      for (const problem of file.problems)
        this.report(
          'invalid-whitelist',
          problem.limit ? problem.message : `syntax error: ${problem.message}`,
          problem.pos
        );
    }
    if (this.findings.length > 0) throw new ReadFailed();
    // Block bodies are converted on first use, and may need a parser again (a failed one was replaced).
    await liveParser();

    const module = this.module(dir, parsed.slice(0, moduleFiles.length));
    for (const problem of module.problems) this.report('invalid-whitelist', problem.message, problem.pos);
    if (module.problems.length > 0) throw new ReadFailed();
    const scope = this.scope(dir, module, parsed.slice(moduleFiles.length));

    const selection = this.selection(module, targetFiles);
    const resource = this.findResource(module, targetFiles, selection);
    const wanted = this.wantedAttributes(selection, resource);
    if (resource.type === 'alicloud_rds_whitelist_template') this.checkAttached(module, resource);
    this.entryLimit = terraformResource(this.ctx.dataSource.product, resource.type)?.entryLimit;
    this.readResource(resource, wanted, scope, selection.path ? undefined : module);
  }

  /** The module built from these parsed files, reused when every file is the same as last time. */
  private module(dir: string, files: ParsedFile[]): TerraformModule {
    const cached = this.cache.modules.get(dir);
    if (cached && cached.files.length === files.length && cached.files.every((file, index) => file === files[index])) {
      return cached;
    }
    const module = buildModule(dir, files);
    this.cache.modules.set(dir, module);
    return module;
  }

  /** Runs a file operation; a refused or unreadable path stops the read with a finding that names it. */
  private async fileOp<T>(file: string, op: () => Promise<T>, expected: 'file' | 'directory' = 'file'): Promise<T> {
    try {
      return await op();
    } catch (error) {
      return this.stop(`${file} ${describeFileError(error, expected)}`);
    }
  }

  /** The module's scope with these tfvars files, reused while the module and the files are the same. */
  private scope(dir: string, module: TerraformModule, tfvars: ParsedFile[]): Scope {
    const cached = this.cache.scopes.get(dir);
    if (
      cached?.module === module &&
      cached.tfvars.length === tfvars.length &&
      cached.tfvars.every((file, index) => file === tfvars[index])
    ) {
      return cached.scope;
    }
    const scope = moduleScope(module, tfvars.flatMap(assignmentsOf), new EvaluationBudget(this.limits));
    this.cache.scopes.set(dir, { module, tfvars, scope });
    return scope;
  }

  private async parse(file: string): Promise<ParsedFile> {
    const text = await this.fileOp(file, () => this.files.readText(file));
    return parseCached(this.cache, file, text);
  }

  private selection(module: TerraformModule, targetFiles: string[]): TerraformSelect {
    if (this.source.select === undefined) {
      const types = new Set(TERRAFORM_PRODUCTS[this.ctx.dataSource.product].resources.map((r) => r.resourceType));
      const candidates = module.resources
        .filter((r) => targetFiles.includes(r.file) && types.has(r.type))
        .map((r) => `${r.type}.${r.name}`);
      this.stop(
        `a Terraform whitelist source needs \`select\` (TYPE.NAME)` +
          (candidates.length > 0 ? `; candidates here: ${candidates.join(', ')}` : '')
      );
    }
    const selection = parseSelect(this.source.select);
    if (typeof selection === 'string') this.stop(selection);
    return selection;
  }

  private findResource(module: TerraformModule, targetFiles: string[], selection: TerraformSelect): Resource {
    const { resourceType, resourceName } = selection;
    const matches = (module.resourcesByAddress.get(`${resourceType}.${resourceName}`) ?? []).filter((r) =>
      targetFiles.includes(r.file)
    );
    if (matches.length > 1) {
      this.stop(
        `${resourceType}.${resourceName} is declared more than once: ${matches.map((r) => at(r.block.pos)).join(', ')}`
      );
    }
    if (matches.length === 1) return matches[0]!;
    const sameType = module.resources.filter((r) => r.type === resourceType);
    const where = this.source.file;
    const found =
      sameType.length === 0
        ? `no ${resourceType} resources were found`
        : `found: ${sameType.map((r) => `${r.type}.${r.name} (${at(r.block.pos)})`).join(', ')}`;
    return this.stop(`resource ${resourceType}.${resourceName} not found in ${where}; ${found}`);
  }

  private wantedAttributes(selection: TerraformSelect, resource: Resource): WantedAttribute[] {
    if (selection.path) {
      const text = selection.path.map((s) => (s.index === undefined ? s.name : `${s.name}[${s.index}]`)).join('.');
      return [{ path: selection.path, text, shape: terraformAttributeShape(resource.type, text) ?? 'any' }];
    }
    const { product, network } = this.ctx.dataSource;
    const profile = TERRAFORM_PRODUCTS[product];
    const attributes = terraformAttributes(product, resource.type, network);
    if (!attributes) {
      const known = profile.resources.map((r) => r.resourceType);
      this.stop(
        `${resource.type} is not a ${product} whitelist resource` +
          (known.length > 0 ? ` (expected one of: ${known.join(', ')})` : profile.note ? ` (${profile.note})` : '') +
          `; name the attribute: ${resource.type}.${resource.name}.ATTRIBUTE`
      );
    }
    return attributes.map((attribute) => {
      const segments = parseAttributePath(attribute.path);
      if (typeof segments === 'string') throw new Error(`product table path ${attribute.path}: ${segments}`);
      return { path: segments, text: attribute.path, shape: attribute.shape };
    });
  }

  /** A template that no instance of the module attaches applies to nothing: `unattached-template`. */
  private checkAttached(module: TerraformModule, template: Resource): void {
    const attached = module.resources.some((candidate) => {
      if (candidate.type !== 'alicloud_db_instance') return false;
      const list = findAttribute(candidate.block.body, 'template_id_list');
      return list !== undefined && refersTo(list.expression, template.type, template.name);
    });
    if (attached) return;
    this.report(
      'unattached-template',
      `${template.type}.${template.name} is attached to no instance in ${this.source.file} (no alicloud_db_instance lists it in template_id_list): its entries apply to nothing; attach it, or select the instance`,
      template.block.pos
    );
  }

  /**
   * The entries of the templates or global groups an instance attaches (see ATTACHMENTS), when they are
   * resources of the module; anything else there (a literal id) cannot be resolved offline.
   */
  private readAttachments(
    module: TerraformModule,
    resource: Resource,
    instance: { scope: Scope; label: string }
  ): number {
    const attachment = ATTACHMENTS.get(resource.type);
    const list = attachment && findAttribute(resource.block.body, attachment.attribute);
    if (!attachment || !list) return 0;
    const items = list.expression.kind === 'tuple' ? list.expression.items : [list.expression];
    let read = 0;
    for (const item of items) {
      const step = item.kind === 'traversal' ? item.steps[0] : undefined;
      const target =
        item.kind === 'traversal' && item.root === attachment.target && step?.kind === 'attr'
          ? (module.resourcesByAddress.get(`${item.root}.${step.name}`) ?? [])[0]
          : undefined;
      if (!target) {
        this.report(
          'unresolved',
          `${attachment.attribute} of ${instance.label}: only references to ${attachment.target} resources of this module are resolved (\`${attachment.target}.NAME.id\`); this item cannot be resolved offline, so the entries it attaches are unknown`,
          item.pos
        );
        continue;
      }
      const attribute = findAttribute(target.block.body, attachment.targetAttribute);
      if (!attribute) {
        this.report(
          'invalid-whitelist',
          `${target.type}.${target.name} does not set ${attachment.targetAttribute}`,
          target.block.pos
        );
        continue;
      }
      read += 1;
      this.readAttribute(attribute, instance.scope, 'comma-string');
    }
    return read;
  }

  /**
   * The entries of the `alicloud_ecs_prefix_list` a security-group rule names in `prefix_list_id` (its
   * `entry { cidr }` blocks), read under the rule's direction, policy and ports, which the caller has checked.
   * Only a reference to a prefix list of the module is followed; a literal id, a variable or a data source cannot
   * be resolved offline: `unresolved`. Returns how many lists were read (0 or 1).
   */
  private readPrefixList(rule: Resource, scope: Scope, module: TerraformModule | undefined): number {
    const attribute = findAttribute(rule.block.body, 'prefix_list_id');
    // An attribute selected by name (`TYPE.NAME.cidr_ip`) is read alone, as asked.
    if (!attribute || !module) return 0;
    const expression = attribute.expression;
    const step = expression.kind === 'traversal' ? expression.steps[0] : undefined;
    const target =
      expression.kind === 'traversal' && expression.root === 'alicloud_ecs_prefix_list' && step?.kind === 'attr'
        ? (module.resourcesByAddress.get(`${expression.root}.${step.name}`) ?? [])[0]
        : undefined;
    const unresolved = (why: string): number => {
      // The instances of a rule with `count`/`for_each` share its prefix list: one finding, not one per copy.
      if (this.unresolvedPrefixLists.has(rule)) return 1;
      this.unresolvedPrefixLists.add(rule);
      this.report(
        'unresolved',
        `prefix_list_id of ${rule.type}.${rule.name}: ${why}, so the entries the rule admits are unknown`,
        expression.pos
      );
      return 1;
    };
    if (!target) {
      return unresolved(
        'only a reference to an alicloud_ecs_prefix_list of this module (`alicloud_ecs_prefix_list.NAME.id`) is followed; this one cannot be resolved offline'
      );
    }
    if (findAttribute(target.block.body, 'count') || findAttribute(target.block.body, 'for_each')) {
      return unresolved(`${target.type}.${target.name} has count or for_each, which is not followed`);
    }
    const path = parseAttributePath('entry.cidr');
    if (typeof path === 'string') throw new Error(`prefix list path: ${path}`);
    const address = `${target.type}.${target.name}`;
    const occurrences = this.occurrences(target.block.body, path, scope, address);
    this.addHere ??= occurrences[0]?.attribute.pos ?? target.block.pos;
    for (const occurrence of occurrences) this.readAttribute(occurrence.attribute, occurrence.scope, 'single');
    return 1;
  }

  private readResource(resource: Resource, wanted: WantedAttribute[], scope: Scope, module?: TerraformModule): void {
    const address = `${resource.type}.${resource.name}`;
    const instances = this.instances(resource, scope);
    let attributesFound = 0;
    let removalsOnly = 0;
    let admitted = 0;
    for (const instance of instances) {
      if (resource.type === 'alicloud_security_group_rule' && !this.admitsTraffic(resource, instance)) continue;
      const enabled = this.networkEnabled(resource, instance);
      if (enabled !== true) {
        // Found, so that no "does not set" error follows; nothing it holds is allowed on this network.
        attributesFound += 1;
        if (typeof enabled === 'string') this.readExcluded(resource, wanted, instance, enabled);
        continue;
      }
      admitted += 1;
      if (module) attributesFound += this.readAttachments(module, resource, instance);
      if (resource.type === 'alicloud_security_group_rule')
        attributesFound += this.readPrefixList(resource, scope, module);
      for (const attribute of wanted) {
        for (const occurrence of this.occurrences(resource.block.body, attribute.path, instance.scope, address)) {
          attributesFound += 1;
          this.addHere ??= occurrence.attribute.pos;
          if (this.isRemoval(occurrence.body, occurrence.scope, `${instance.label}.${attribute.text}`)) {
            removalsOnly += 1;
            continue;
          }
          this.readAttribute(occurrence.attribute, occurrence.scope, attribute.shape);
        }
      }
    }
    // Rules that do not let DataWorks in declare no entries; a missing entry is then reported at the rule.
    if (instances.length === 0 || admitted === 0) {
      this.addHere ??=
        wanted.map((w) => findAttribute(resource.block.body, w.path[0]!.name)?.pos).find(Boolean) ?? resource.block.pos;
      return;
    }
    if (attributesFound === 0 && this.findings.length === 0) {
      this.addHere = undefined;
      this.stop(
        `${address} does not set ${wanted.map((w) => w.text).join(' or ')}: its whitelist is then whatever the cloud holds, which cannot be checked from the repository`,
        resource.block.pos
      );
    }
    if (removalsOnly === attributesFound && attributesFound > 0) {
      this.stop(
        `${address} only removes entries (modify_mode = "Delete"): the whitelist that remains is not declared in the repository`,
        resource.block.pos
      );
    }
  }

  /**
   * Reads the entries of a group that does not apply to the network apart, for the `missing-entry` message
   * only: what cannot be read there (an unresolved value) changes nothing, so its findings are dropped. Going
   * past the evaluation budget still stops the read.
   */
  private readExcluded(
    resource: Resource,
    wanted: WantedAttribute[],
    instance: { scope: Scope; label: string },
    reason: string
  ): void {
    const group = { entries: [] as DeclaredEntryText[], reason };
    const findingsBefore = this.findings.length;
    const address = `${resource.type}.${resource.name}`;
    this.sink = group.entries;
    try {
      for (const attribute of wanted) {
        for (const occurrence of this.occurrences(resource.block.body, attribute.path, instance.scope, address)) {
          if (this.isRemoval(occurrence.body, occurrence.scope, `${instance.label}.${attribute.text}`)) continue;
          this.readAttribute(occurrence.attribute, occurrence.scope, attribute.shape);
        }
      }
    } finally {
      this.sink = this.entries;
    }
    this.findings.splice(findingsBefore);
    this.excluded.push(group);
  }

  /** One instance without `count`/`for_each`; one per element with `for_each`; `count` copies. */
  private instances(resource: Resource, scope: Scope): { scope: Scope; label: string }[] {
    const address = `${resource.type}.${resource.name}`;
    const forEach = findAttribute(resource.block.body, 'for_each');
    if (forEach) {
      const value = this.evaluateOrReport(forEach, scope, `for_each of ${address}`);
      if (!value) return [];
      const size = value.kind === 'list' ? value.items.length : value.kind === 'object' ? value.entries.size : 0;
      const what = `for_each of ${address}`;
      if (!this.withinBudget(what, () => scope.budget.checkInstances(size, forEach.expression.pos))) return [];
      if (value.kind === 'list') {
        return value.items.flatMap((item) => {
          const key = scalarText(item);
          if (!key) {
            this.report(
              'invalid-whitelist',
              `for_each of ${address} must be a set of strings or a map, it holds ${typeName(item)}`,
              item.pos
            );
            return [];
          }
          return [
            { scope: withIteration(scope, 'each', { key: item, value: item }), label: `${address}["${key.value}"]` }
          ];
        });
      }
      if (value.kind === 'object') {
        return [...value.entries].map(([key, item]) => ({
          scope: withIteration(scope, 'each', {
            key: { kind: 'string', text: { value: key, segments: [] }, pos: item.pos },
            value: item
          }),
          label: `${address}["${key}"]`
        }));
      }
      this.report(
        'invalid-whitelist',
        `for_each of ${address} must be a set or a map, not ${typeName(value)}`,
        forEach.pos
      );
      return [];
    }
    const count = findAttribute(resource.block.body, 'count');
    if (count) {
      const value = this.evaluateOrReport(count, scope, `count of ${address}`);
      if (!value) return [];
      if (value.kind !== 'number' || !Number.isInteger(value.value) || value.value < 0) {
        this.report(
          'invalid-whitelist',
          `count of ${address} must be a whole number, not ${typeName(value)}`,
          count.pos
        );
        return [];
      }
      const instances = value.value;
      const what = `count of ${address}`;
      if (!this.withinBudget(what, () => scope.budget.checkInstances(instances, count.expression.pos))) return [];
      if (value.value === 0) this.logger.info(`${address} has count = 0: it declares no whitelist`);
      return Array.from({ length: value.value }, (_, index) => ({ scope, label: `${address}[${index}]` }));
    }
    return [{ scope, label: address }];
  }

  private evaluateOrReport(attribute: Attribute, scope: Scope, what: string): Value | undefined {
    try {
      return evaluate(attribute.expression, scope);
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
      this.report('unresolved', `${what} cannot be evaluated: ${error.message}`, error.pos);
      if (error instanceof BudgetExceeded) throw new ReadFailed();
      return undefined;
    }
  }

  /** Runs a budget check; past the budget, an `unresolved` finding at its position, and the read stops. */
  private withinBudget(what: string, check: () => void): boolean {
    try {
      check();
      return true;
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
      this.report('unresolved', `${what}: ${error.message}`, error.pos);
      if (error instanceof BudgetExceeded) throw new ReadFailed();
      return false;
    }
  }

  /**
   * Every attribute at the end of `path`: through all blocks of each name (or the `[n]`th), including the
   * blocks that `dynamic` blocks generate.
   */
  private occurrences(
    body: Body,
    segments: PathSegment[],
    scope: Scope,
    where: string
  ): { attribute: Attribute; body: Body; scope: Scope }[] {
    const [segment, ...rest] = segments;
    if (!segment) return [];
    if (rest.length === 0) {
      const attribute = findAttribute(body, segment.name);
      return attribute ? [{ attribute, body, scope }] : [];
    }
    const blocks = this.blocksNamed(body, segment.name, scope, where);
    let chosen = blocks;
    if (segment.index !== undefined) {
      const picked = blocks[segment.index];
      chosen = picked ? [picked] : [];
    }
    return chosen.flatMap((block) => this.occurrences(block.body, rest, block.scope, `${where}.${segment.name}`));
  }

  private blocksNamed(body: Body, name: string, scope: Scope, where: string): { body: Body; scope: Scope }[] {
    const found: { body: Body; scope: Scope; pos: SourcePosition }[] = [];
    for (const block of body.blocks) {
      if (block.type === name && block.labels.length === 0) {
        found.push({ body: block.body, scope, pos: block.pos });
      } else if (block.type === 'dynamic' && block.labels[0] === name) {
        const content = block.body.blocks.find((b) => b.type === 'content');
        const forEach = findAttribute(block.body, 'for_each');
        if (!content || !forEach) {
          this.report(
            'invalid-whitelist',
            `dynamic "${name}" in ${where} needs for_each and a content block`,
            block.pos
          );
          continue;
        }
        const iteratorAttribute = findAttribute(block.body, 'iterator');
        const iterator = iteratorAttribute?.expression.kind === 'traversal' ? iteratorAttribute.expression.root : name;
        const value = this.evaluateOrReport(forEach, scope, `for_each of dynamic "${name}" in ${where}`);
        if (!value) continue;
        const iterations =
          value.kind === 'list'
            ? value.items.map((item, index) => ({
                key: { kind: 'number', value: index, pos: item.pos } as Value,
                value: item
              }))
            : value.kind === 'object'
              ? [...value.entries].map(([key, item]) => ({
                  key: { kind: 'string', text: { value: key, segments: [] }, pos: item.pos } as Value,
                  value: item
                }))
              : undefined;
        if (!iterations) {
          this.report(
            'invalid-whitelist',
            `for_each of dynamic "${name}" must be a collection, not ${typeName(value)}`,
            forEach.pos
          );
          continue;
        }
        const what = `for_each of dynamic "${name}" in ${where}`;
        if (!this.withinBudget(what, () => scope.budget.checkInstances(iterations.length, forEach.expression.pos))) {
          continue;
        }
        for (const iteration of iterations) {
          found.push({ body: content.body, scope: withIteration(scope, iterator, iteration), pos: block.pos });
        }
      }
    }
    return found;
  }

  /**
   * Whether the instance accepts connections on the data source's network at all:
   * - Elasticsearch takes Internet connections only with `enable_public = true` (otherwise `network-disabled`);
   * - an RDS whitelist group of `whitelist_network_type = "Classic"` admits no VPC clients, and one of `"VPC"` no
   *   Internet clients (`MIX` and no type admit both): its entries do not count for that network. Then the
   *   answer is the reason, in words, and the group's entries are kept apart (`ReadResult.excluded`).
   */
  private networkEnabled(resource: Resource, instance: { scope: Scope; label: string }): boolean | string {
    const network = this.ctx.dataSource.network;
    const body = resource.block.body;
    if (resource.type === 'alicloud_elasticsearch_instance' && network === 'public') {
      const enable = findAttribute(body, 'enable_public');
      const value = enable && this.evaluateOrReport(enable, instance.scope, `enable_public of ${instance.label}`);
      if (enable && !value) return false;
      if (value?.kind === 'bool' && value.value) return true;
      this.addHere ??= findAttribute(body, 'public_whitelist')?.pos ?? resource.block.pos;
      this.report(
        'network-disabled',
        `${instance.label} does not accept Internet connections: ${enable ? 'enable_public is not true' : 'enable_public is not set (public access is off by default)'}, so public_whitelist allows nothing; set enable_public = true, or reach the source over its VPC`,
        enable?.pos ?? resource.block.pos
      );
      return false;
    }
    if (resource.type === 'alicloud_db_instance' || resource.type === 'alicloud_rds_ddr_instance') {
      const typeAttribute = findAttribute(body, 'whitelist_network_type');
      if (!typeAttribute) return true;
      const value = this.evaluateOrReport(typeAttribute, instance.scope, `whitelist_network_type of ${instance.label}`);
      if (!value) return false;
      const type = scalarText(value)?.value;
      const excluded = (network === 'private' && type === 'Classic') || (network === 'public' && type === 'VPC');
      if (!excluded) return true;
      this.addHere ??= findAttribute(body, 'security_ips')?.pos ?? typeAttribute.pos;
      const clients = network === 'private' ? 'VPC' : 'Internet';
      const group = this.groupName(body, instance.scope);
      const reason = `group ${group} of ${instance.label} is ${type}: it does not admit ${clients} clients`;
      this.logger.info(`${reason}; its entries do not count for a ${network} data source`);
      return reason;
    }
    return true;
  }

  /** The RDS group a resource manages (`db_instance_ip_array_name`, "default" when unset), quoted for messages. */
  private groupName(body: Body, scope: Scope): string {
    const attribute = findAttribute(body, 'db_instance_ip_array_name');
    if (!attribute) return '"default"';
    try {
      const name = scalarText(evaluate(attribute.expression, scope))?.value;
      if (name !== undefined) return JSON.stringify(quotePrefix(name, MAX_QUOTED_CHARS));
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
    }
    return `(${attribute.name} at line ${attribute.pos.line})`;
  }

  /** `modify_mode = "Delete"` makes the block's list a list of entries to remove, which allows nothing. */
  private isRemoval(body: Body, scope: Scope, label: string): boolean {
    const mode = findAttribute(body, 'modify_mode');
    if (!mode) return false;
    const value = this.evaluateOrReport(mode, scope, `modify_mode of ${label}`);
    if (value?.kind === 'string' && value.text.value === 'Delete') {
      this.logger.info(`${label}: modify_mode = "Delete" lists entries to remove; they are not allowed entries`);
      return true;
    }
    return false;
  }

  /** Whether a security-group rule instance lets DataWorks in: ingress, accept, TCP, covering the port. */
  private admitsTraffic(resource: Resource, instance: { scope: Scope; label: string }): boolean {
    const body = resource.block.body;
    const text = (name: string, fallback: string | undefined): string | null | undefined => {
      const attribute = findAttribute(body, name);
      if (!attribute) return fallback;
      const value = this.evaluateOrReport(attribute, instance.scope, `${name} of ${instance.label}`);
      if (!value) return null;
      const scalar = scalarText(value);
      if (!scalar) {
        this.report(
          'invalid-whitelist',
          `${name} of ${instance.label} must be a string, not ${typeName(value)}`,
          attribute.pos
        );
        return null;
      }
      return scalar.value.trim().toLowerCase();
    };
    const type = text('type', undefined);
    const policy = text('policy', 'accept');
    const protocol = text('ip_protocol', undefined);
    const portRange = text('port_range', '-1/-1');
    if (type === null || policy === null || protocol === null || portRange === null) return false;
    if (type === undefined || protocol === undefined) {
      this.report('invalid-whitelist', `${instance.label} must set type and ip_protocol`, resource.block.pos);
      return false;
    }
    const skip = (why: string): false => {
      this.logger.info(`${instance.label} does not admit DataWorks: ${why}`);
      return false;
    };
    if (type !== 'ingress') return skip(`type is "${type}"`);
    if (policy !== 'accept') return skip(`policy is "${policy}"`);
    if (protocol !== 'tcp' && protocol !== 'all') return skip(`ip_protocol is "${protocol}"`);
    const port = this.ctx.dataSource.port;
    if (port === undefined) return true;
    const range = /^(-?\d+)\/(-?\d+)$/.exec(portRange ?? '');
    if (!range) {
      const attribute = findAttribute(body, 'port_range');
      this.report(
        'invalid-whitelist',
        `port_range of ${instance.label} is "${portRange}", expected START/END`,
        attribute?.pos ?? resource.block.pos
      );
      return false;
    }
    const start = Number(range[1]);
    const end = Number(range[2]);
    if (start === -1 && end === -1) return true;
    return start <= port && port <= end ? true : skip(`port_range ${portRange} does not cover port ${port}`);
  }

  private readAttribute(attribute: Attribute, scope: Scope, shape: ReadShape): void {
    const value = this.evaluateOrReport(attribute, scope, attribute.name);
    if (value) {
      // Reading is charged too (about one unit per character split into entries): many instances that each
      // read one large value would otherwise multiply it.
      const size = measure(value);
      const budget = scope.budget;
      this.withinBudget(attribute.name, () => {
        const at = attribute.expression.pos;
        budget.charge(size.elements + size.characters, at);
        budget.checkEntries(this.entries.length + size.elements + (value.kind === 'string' ? 1 : 0), at);
      });
    }
    this.readValue(attribute, value, shape);
  }

  private readValue(attribute: Attribute, value: Value | undefined, shape: ReadShape): void {
    if (!value || value.kind === 'null') return;
    if (shape === 'bucket-policy') {
      const result = bucketPolicyEntries(value);
      if (result.problem) this.report('invalid-whitelist', `${attribute.name}: ${result.problem}`, value.pos);
      for (const entry of result.entries) this.addEntry(entry.raw, entry.at ?? value.pos);
      return;
    }
    const wrongShape = (expected: string): void =>
      this.report('invalid-whitelist', `${attribute.name} expects ${expected}, found ${typeName(value)}`, value.pos);
    if (value.kind === 'list') {
      if (shape === 'comma-string' || shape === 'single')
        return wrongShape(shape === 'single' ? 'one address block' : 'a comma-separated string');
      for (const item of value.items) {
        const text = scalarText(item);
        if (!text) {
          this.report('invalid-whitelist', `${attribute.name} must hold strings, found ${typeName(item)}`, item.pos);
          continue;
        }
        for (const piece of splitEntries(text)) this.addEntry(piece.raw, piece.at ?? item.pos);
      }
      return;
    }
    const text = scalarText(value);
    if (!text) return wrongShape(shape === 'set' ? 'a list of strings' : 'a string');
    if (shape === 'set') return wrongShape('a list of strings (a set), not a comma-separated string');
    if (shape === 'single') {
      const pieces = splitEntries(text);
      const first = pieces[0];
      if (!first) return;
      const trimmed = text.value.trim();
      this.addEntry(trimmed, first.at ?? value.pos);
      return;
    }
    for (const piece of splitEntries(text)) this.addEntry(piece.raw, piece.at ?? value.pos);
  }

  private addEntry(raw: string, pos: SourcePosition): void {
    const limit = (this.limits ?? EVALUATION_LIMITS).elements;
    if (this.entries.length + this.excludedCount() >= limit) {
      this.report(
        'unresolved',
        `evaluation exceeds the budget of ${limit.toLocaleString('en-US')} entries read from one whitelist source`,
        pos
      );
      throw new ReadFailed();
    }
    this.sink.push({ raw, file: pos.file, line: pos.line, column: pos.column });
  }

  private excludedCount(): number {
    return (
      this.excluded.reduce((sum, group) => sum + group.entries.length, 0) +
      (this.sink === this.entries ? 0 : this.sink.length)
    );
  }
}
