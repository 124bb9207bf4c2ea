/**
 * The fix planner (contract §10): from the declared-scope check, what each data source needs added (the fewest
 * CIDRs whose union is exactly what is uncovered, in a form the product accepts), the literal to add it to, and
 * the edits, checked by re-running the check with the edits overlaid on the files.
 */
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { runCheck, type CheckOptions } from '../engine.js';
import { diskRepoFiles, type RepoFiles } from '../io.js';
import type { Config, DataSourceConfig, Finding, Report, WhitelistSourceConfig } from '../model.js';
import { formatAddress, formatCidr, IpSet, parseEntry, type Cidr } from '../net/index.js';
import { entrySeparator, productProfile } from '../products/index.js';
import { parseSelect } from '../whitelists/structured.js';
import {
  applySplices,
  BOM,
  offsetIndex,
  replaceEntryAt,
  type EditResult,
  type Splice,
  type SpliceResult
} from './editors/common.js';
import { addJsonEntries, addYamlEntries } from './editors/structured.js';
import {
  attributeAt,
  attributeKey,
  editTerraformLiteral,
  literalOf,
  loadModuleView,
  readsThrough,
  type TerraformLiteral,
  type TerraformModuleView
} from './editors/terraform.js';
import { addTextEntries } from './editors/text.js';
import type { FileEdit, FixPlan, NotFixed } from './types.js';

/** Findings about the declared whitelists only (the deployed scope of contract §9 is never fixed here). */
function declaredScope(finding: Finding): boolean {
  return (finding as { scope?: string }).scope !== 'deployed';
}

function isMissing(finding: Finding): boolean {
  return finding.rule === 'missing-entry' && declaredScope(finding);
}

function normalize(relPath: string): string {
  const normalized = path.posix.normalize(relPath.replace(/\\/g, '/')).replace(/^\.\//, '');
  return normalized === '.' ? '' : normalized;
}

/** The files with edits laid over them: what the check reads "as if applied". */
export function overlayFiles(files: RepoFiles, texts: ReadonlyMap<string, string>): RepoFiles {
  return {
    readText: (relPath) => {
      const edited = texts.get(normalize(relPath));
      return edited === undefined ? files.readText(relPath) : Promise.resolve(edited);
    },
    listDir: (relPath) => files.listDir(relPath),
    kind: (relPath) => files.kind(relPath)
  };
}

/** The blocks to add, written as the product accepts them: IPv4 CIDRs, IPv6 CIDRs or single IPv6 addresses. */
export function blocksToAdd(misses: readonly Finding[], product: DataSourceConfig['product']): string[] {
  const ranges = misses.flatMap((f) =>
    (f.uncovered ?? (f.entry ? [f.entry] : [])).flatMap((text) => {
      const parsed = parseEntry(text);
      return parsed.ok ? [parsed.entry.range] : [];
    })
  );
  const set = IpSet.build(ranges);
  const profile = productProfile(product);
  const write = (cidr: Cidr): string =>
    cidr.version === 6 && profile.ipv6AddressesOnly && cidr.prefix === 128
      ? formatAddress(6, cidr.base)
      : formatCidr(cidr);
  return [...set.cidrs(4), ...set.cidrs(6)].map(write);
}

interface Insertion {
  dataSource: DataSourceConfig;
  source: WhitelistSourceConfig;
  entries: string[];
  /** Terraform: the literal, found in the module as read before any edit. */
  literal?: TerraformLiteral;
}

interface Rewrite {
  finding: Finding;
  file: string;
}

const NOT_FIXED_PRODUCTS: Partial<Record<DataSourceConfig['product'], string>> = {
  'ecs-security-group':
    'security-group rules hold one CIDR each, so a fix means new rules; add a rule per block by hand',
  oss: 'OSS bucket policies are JSON documents whose conditions this tool does not edit; add the blocks to the policy by hand'
};

/** The file that a source's entries are added to, for sharing checks of non-Terraform formats. */
function sourceKey(source: WhitelistSourceConfig): string {
  return `file:${normalize(source.file)}#${source.format === 'text' ? '' : (source.select ?? '')}`;
}

class Planner {
  private readonly views = new Map<string, Promise<TerraformModuleView | undefined>>();
  private readonly texts = new Map<string, string>();
  readonly notFixed: NotFixed[] = [];

  constructor(
    private readonly files: RepoFiles,
    private readonly config: Config,
    private readonly before: Report
  ) {}

  private readonly readers = new Map<string, Promise<Map<string, Set<string>>>>();

  /** For each attribute, variable and local of the module: the data sources that read through it (built once). */
  private readersIn(view: TerraformModuleView): Promise<Map<string, Set<string>>> {
    let known = this.readers.get(view.dir);
    if (!known) {
      known = (async () => {
        const index = new Map<string, Set<string>>();
        for (const ds of this.config.dataSources) {
          for (const source of ds.whitelist) {
            if (source.format !== 'terraform') continue;
            const otherView = await this.view(source);
            if (!otherView || otherView.dir !== view.dir) continue;
            for (const key of readsThrough(otherView, source, ds)) {
              const names = index.get(key) ?? new Set<string>();
              names.add(ds.name);
              index.set(key, names);
            }
          }
        }
        return index;
      })();
      this.readers.set(view.dir, known);
    }
    return known;
  }

  private view(source: WhitelistSourceConfig): Promise<TerraformModuleView | undefined> {
    const key = JSON.stringify([normalize(source.file), source.tfvars ?? []]);
    let view = this.views.get(key);
    if (!view) {
      view = loadModuleView(this.files, source).catch(() => undefined);
      this.views.set(key, view);
    }
    return view;
  }

  async original(file: string): Promise<string> {
    const key = normalize(file);
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const text = await this.files.readText(key);
    this.texts.set(key, text);
    return text;
  }

  private refuse(findings: readonly Finding[], reason: string): void {
    for (const finding of findings) this.notFixed.push({ finding, reason });
  }

  /** What to add to each data source, or why not; `excluded` data sources are left alone (a failed earlier try). */
  async insertions(excluded: ReadonlyMap<string, string>): Promise<Insertion[]> {
    const out: Insertion[] = [];
    for (const ds of this.config.dataSources) {
      const misses = this.missesOf(ds.name);
      if (misses.length === 0) continue;
      const why = excluded.get(ds.name) ?? (await this.refusal(ds, misses));
      if (typeof why === 'string') {
        this.refuse(misses, why);
        continue;
      }
      out.push(why);
    }
    return out;
  }

  private overLimitNames: Set<string> | undefined;

  private overLimit(): Set<string> {
    this.overLimitNames ??= new Set(
      this.before.findings.filter((f) => f.rule === 'too-many-entries').map((f) => f.dataSource ?? '')
    );
    return this.overLimitNames;
  }

  private async refusal(ds: DataSourceConfig, misses: readonly Finding[]): Promise<Insertion | string> {
    const productReason = NOT_FIXED_PRODUCTS[ds.product];
    if (productReason) return productReason;
    const source = ds.whitelist[0];
    if (!source) return 'the data source has no whitelist file to add to';
    const entries = blocksToAdd(misses, ds.product);
    if (entries.length === 0) return 'the missing blocks could not be worked out';
    const profile = productProfile(ds.product);
    const overLimit = this.overLimit().has(ds.name);
    if (overLimit && profile.entryLimit) {
      return `the whitelist already holds more than the ${profile.entryLimit.max} entries ${profile.displayName} allows (${profile.entryLimit.scope}); make room first, then add ${entries.join(', ')}`;
    }
    if (source.format !== 'terraform') {
      const key = sourceKey(source);
      const other = this.config.dataSources.find(
        (o) => o.name !== ds.name && o.whitelist.some((s) => sourceKey(s) === key)
      );
      if (other) return sharedReason(other, entries, source.file);
      return { dataSource: ds, source, entries };
    }
    const view = await this.view(source);
    const at = misses[0]!;
    if (!view || at.file === undefined || at.line === undefined || at.column === undefined) {
      return `the Terraform files could not be read again to edit them; add ${entries.join(', ')} by hand`;
    }
    const found = attributeAt(view, { file: at.file, line: at.line, column: at.column });
    if (!found) return `no attribute was found where the finding points; add ${entries.join(', ')} by hand`;
    const via: string[] = [];
    const literal = literalOf(view, found.attribute.expression, via);
    if ('reason' in literal) return `${literal.reason}; add ${entries.join(', ')} by hand where the value is defined`;
    const readers = await this.readersIn(view);
    for (const key of [attributeKey(found.attribute), ...via]) {
      const other = [...(readers.get(key) ?? [])].find((name) => name !== ds.name);
      const otherDs = other === undefined ? undefined : this.config.dataSources.find((d) => d.name === other);
      if (otherDs) return sharedReason(otherDs, entries, literal.file);
    }
    return { dataSource: ds, source, entries, literal };
  }

  /** `host-bits-set` findings, each rewritten to its block where it is written. */
  rewrites(): Rewrite[] {
    return this.before.findings
      .filter((f) => f.rule === 'host-bits-set' && declaredScope(f) && f.file !== undefined && f.entry !== undefined)
      .map((finding) => ({ finding, file: normalize(finding.file!) }));
  }

  /** Applies the insertions and rewrites to the original texts: the new text of every file that changed. */
  async apply(insertions: readonly Insertion[], rewrites: readonly Rewrite[]): Promise<Map<string, FileChange>> {
    const changes = new Map<string, FileChange>();
    const change = async (file: string): Promise<FileChange> => {
      let known = changes.get(file);
      if (!known) {
        const before = await this.original(file);
        known = { before, after: before, added: [], dataSources: new Set(), rewrites: [] };
        changes.set(file, known);
      }
      return known;
    };
    const isTerraform = (file: string): boolean => /\.(tf|tfvars)$/.test(file);
    // Positional edits (rewrites, Terraform literals) run from the end of each file to its start, so each one's
    // position is still that of the file as read; YAML, JSON and text insertions parse the text again afterwards.
    // Every edit runs before the ones nearer the start of its file, so the text before an edit's position is still
    // as read: one index of each file's original line starts gives every position's offset.
    const indexes = new Map<string, (line: number, column: number) => number | undefined>();
    const offsetIn = async (file: string, line: number, column: number): Promise<number | undefined> => {
      let index = indexes.get(file);
      if (!index) {
        const text = await this.original(file);
        const terraform = isTerraform(file);
        const body = !terraform && text.startsWith(BOM) ? text.slice(1) : text;
        const bodyIndex = offsetIndex(body, terraform);
        const shift = body === text ? 0 : 1;
        index = (l, c) => {
          const offset = bodyIndex(l, c);
          return offset === undefined ? undefined : offset + shift;
        };
        indexes.set(file, index);
      }
      return index(line, column);
    };
    type Op = {
      file: string;
      at: [number, number];
      run: (text: string) => Promise<SpliceResult>;
      done: (target: FileChange) => void;
      failed: (reason: string) => void;
    };
    const ops: Op[] = [];
    for (const rewrite of rewrites) {
      const f = rewrite.finding;
      const terraform = isTerraform(rewrite.file);
      ops.push({
        file: rewrite.file,
        at: [f.line!, f.column!],
        run: async (text) => {
          const offset = await offsetIn(rewrite.file, f.line!, f.column!);
          return replaceEntryAt(
            text,
            { line: f.line!, column: f.column! },
            f.raw ?? '',
            f.entry!,
            terraform,
            offset ?? -1
          );
        },
        done: (target) => target.rewrites.push(f),
        failed: (reason) => this.refuse([f], reason)
      });
    }
    for (const insertion of insertions) {
      const literal = insertion.literal;
      if (!literal) continue;
      const separator = entrySeparator(productProfile(insertion.dataSource.product));
      ops.push({
        file: normalize(literal.file),
        at: [literal.pos.line, literal.pos.column],
        run: async (text) =>
          editTerraformLiteral(
            text,
            literal,
            insertion.entries,
            separator,
            (await offsetIn(normalize(literal.file), literal.pos.line, literal.pos.column)) ?? -1
          ),
        done: (target) => {
          target.added.push(...insertion.entries);
          target.dataSources.add(insertion.dataSource.name);
        },
        failed: (reason) =>
          this.refuse(
            this.missesOf(insertion.dataSource.name),
            `${reason}; add ${insertion.entries.join(', ')} by hand`
          )
      });
    }
    ops.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : b.at[0] - a.at[0] || b.at[1] - a.at[1]));
    // Each positional edit is computed on the file as read; a file's splices are then applied in one pass. An edit
    // that would overlap another one of the same file is not made.
    const splicesOf = new Map<string, Splice[]>();
    for (const op of ops) {
      const target = await change(op.file);
      const result = await op.run(target.before);
      if (!result.ok) {
        op.failed(result.reason);
        continue;
      }
      const taken = splicesOf.get(op.file) ?? [];
      const overlaps = result.splices.some((mine) =>
        taken.some((other) => mine.start < other.end && other.start < mine.end)
      );
      if (overlaps) {
        op.failed('it overlaps another edit of the same place');
        continue;
      }
      taken.push(...result.splices);
      splicesOf.set(op.file, taken);
      op.done(target);
    }
    for (const [file, splices] of splicesOf) {
      const target = await change(file);
      target.after = applySplices(target.before, splices);
    }
    for (const insertion of insertions) {
      if (insertion.literal) continue;
      const file = normalize(insertion.source.file);
      const target = await change(file);
      const separator = entrySeparator(productProfile(insertion.dataSource.product));
      const result = withoutBom(target.after, true, (body) => addEntries(body, insertion, separator));
      if (!result.ok) {
        this.refuse(
          this.missesOf(insertion.dataSource.name),
          `${result.reason}; add ${insertion.entries.join(', ')} by hand`
        );
        continue;
      }
      target.after = result.text;
      target.added.push(...insertion.entries);
      target.dataSources.add(insertion.dataSource.name);
    }
    for (const [file, c] of changes) if (c.after === c.before) changes.delete(file);
    return changes;
  }

  private missesByDataSource: Map<string, Finding[]> | undefined;

  missesOf(dataSource: string): Finding[] {
    if (!this.missesByDataSource) {
      this.missesByDataSource = new Map();
      for (const f of this.before.findings) {
        if (!isMissing(f) || f.dataSource === undefined) continue;
        const list = this.missesByDataSource.get(f.dataSource) ?? [];
        list.push(f);
        this.missesByDataSource.set(f.dataSource, list);
      }
    }
    return this.missesByDataSource.get(dataSource) ?? [];
  }
}

interface FileChange {
  before: string;
  after: string;
  added: string[];
  dataSources: Set<string>;
  rewrites: Finding[];
}

function sharedReason(other: DataSourceConfig, entries: readonly string[], file: string): string {
  return `the value in ${file} also feeds the whitelist of "${other.name}", which would then allow ${entries.join(', ')} too; give this data source its own list, or add the entries by hand if both need them`;
}

/** Runs an edit on the text without its byte-order mark (the readers' positions do not count it), then puts it back. */
function withoutBom(text: string, strip: boolean, edit: (body: string) => EditResult): EditResult {
  if (!strip || !text.startsWith(BOM)) return edit(text);
  const result = edit(text.slice(1));
  return result.ok ? { ok: true, text: BOM + result.text } : result;
}

function addEntries(text: string, insertion: Insertion, separator: string): EditResult {
  const { source, entries } = insertion;
  if (source.format === 'text') return addTextEntries(text, entries);
  const select = source.select === undefined ? { ok: true as const, path: [] } : parseSelect(source.select);
  if (!select.ok) return { ok: false, reason: select.message };
  return source.format === 'yaml'
    ? addYamlEntries(text, select.path, entries, separator)
    : addJsonEntries(text, select.path, entries, separator);
}

/** The data sources whose edits did not check out: new limit, parse or entry findings, or blocks still missing. */
function failedDataSources(
  before: Report,
  after: Report,
  changes: ReadonlyMap<string, FileChange>
): Map<string, string> {
  const failed = new Map<string, string>();
  const key = (f: Finding): string => JSON.stringify([f.rule, f.dataSource, f.entry, f.file, f.message]);
  const old = new Set(before.findings.map(key));
  const NEW_PROBLEMS = ['too-many-entries', 'invalid-whitelist', 'invalid-entry', 'unsupported-entry', 'unresolved'];
  const newProblems = new Map<string, Finding>();
  for (const f of after.findings) {
    if (f.dataSource === undefined || newProblems.has(f.dataSource)) continue;
    if (isMissing(f) || (NEW_PROBLEMS.includes(f.rule) && !old.has(key(f)))) newProblems.set(f.dataSource, f);
  }
  for (const [file, change] of changes) {
    for (const name of change.dataSources) {
      const problem = newProblems.get(name);
      if (!problem || failed.has(name)) continue;
      failed.set(
        name,
        problem.rule === 'too-many-entries'
          ? `adding ${change.added.join(', ')} would break the entry limit (${problem.message}); make room first, then add them by hand`
          : problem.rule === 'missing-entry'
            ? `the edit of ${file} did not cover every missing block; add ${change.added.join(', ')} by hand`
            : `the edit of ${file} did not check out (${problem.rule}); add ${change.added.join(', ')} by hand`
      );
    }
  }
  return failed;
}

/** Where a finding is, for matching the findings of two checks. */
function identity(f: Finding): string {
  return JSON.stringify(
    f.rule === 'missing-entry'
      ? [f.rule, f.dataSource, f.entry]
      : [f.rule, f.dataSource, f.entry, f.file, f.line, f.column]
  );
}

const MAX_ROUNDS = 3;

export async function planFixes(opts: CheckOptions): Promise<FixPlan> {
  const files = opts.files ?? diskRepoFiles(opts.root);
  const before = await runCheck({ ...opts, files });
  const loaded = await loadConfig(files, normalize(opts.configPath)).catch(() => undefined);
  const config = loaded?.config;
  if (!config) return { edits: [], notFixed: [], before, after: before };

  let excluded = new Map<string, string>();
  let skipRewritesIn = new Set<string>();
  for (let round = 1; ; round++) {
    const planner = new Planner(files, config, before);
    const insertions = await planner.insertions(excluded);
    const rewrites = planner.rewrites().filter((r) => !skipRewritesIn.has(r.file));
    const changes = await planner.apply(insertions, rewrites);
    const texts = new Map([...changes].map(([file, c]) => [file, c.after]));
    const after = changes.size === 0 ? before : await runCheck({ ...opts, files: overlayFiles(files, texts) });
    const failed = failedDataSources(before, after, changes);
    const unreadable = (f: Finding): boolean => f.rule === 'invalid-whitelist' || f.rule === 'invalid-entry';
    const known = new Set(before.findings.filter(unreadable).map((f) => JSON.stringify([f.file, f.rule, f.message])));
    const newlyBroken = new Set(
      after.findings
        .filter((f) => unreadable(f) && !known.has(JSON.stringify([f.file, f.rule, f.message])))
        .map((f) => f.file)
    );
    const brokenFiles = [...changes].filter(([file]) => newlyBroken.has(file));
    if ((failed.size > 0 || brokenFiles.length > 0) && round < MAX_ROUNDS) {
      excluded = new Map([...excluded, ...failed]);
      for (const [file, change] of brokenFiles) {
        skipRewritesIn.add(file);
        for (const name of change.dataSources)
          if (!excluded.has(name))
            excluded.set(name, `the edit of ${file} did not parse back; add ${change.added.join(', ')} by hand`);
      }
      skipRewritesIn = new Set(skipRewritesIn);
      continue;
    }
    if (failed.size > 0 || brokenFiles.length > 0) {
      // Still failing after the retries: no edit is better than a wrong one.
      const notFixed = before.findings
        .filter((f) => isMissing(f) || f.rule === 'host-bits-set')
        .map((finding) => ({ finding, reason: 'the edits could not be checked; make them by hand' }));
      return { edits: [], notFixed, before, after: annotate(before, notFixed) };
    }
    const edits: FileEdit[] = [...changes]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, c]) => ({ file, before: c.before, after: c.after, added: [...new Set(c.added)] }));
    return { edits, notFixed: planner.notFixed, before, after: annotate(after, planner.notFixed) };
  }
}

/** The after-fix report, each finding that was not fixed saying why. */
function annotate(report: Report, notFixed: readonly NotFixed[]): Report {
  if (notFixed.length === 0) return report;
  const reasons = new Map<string, string>();
  for (const n of notFixed) if (!reasons.has(identity(n.finding))) reasons.set(identity(n.finding), n.reason);
  const findings = report.findings.map((finding) => {
    const reason = reasons.get(identity(finding));
    return reason ? { ...finding, message: `${finding.message} — not fixed: ${reason}` } : finding;
  });
  return { ...report, findings };
}
