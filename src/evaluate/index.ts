/**
 * Decides coverage and applies the product rules and waivers (contract §1, §3). Pure: the declared entries come
 * from the readers and the requirements from the resolver; the clock is a parameter.
 */
import { MAX_INVALID_ENTRIES_PER_FILE, MAX_QUOTED_CHARS, quotePrefix } from '../bounds.js';
import type { Config, DataSourceConfig, Finding, RequiredEntryReport, RuleId, Scope, WaiverConfig } from '../model.js';
import {
  IpSet,
  cidrToRange,
  formatCidr,
  isOverlyBroad,
  parseEntry,
  rangeContains,
  type IpRange,
  type ParsedEntry
} from '../net/index.js';
import type { ProductProfile } from '../products/index.js';
import type { RequiredBlock, Requirements } from '../resolve/requirements.js';
import type { DeclaredEntryText, ReadResult } from '../whitelists/types.js';
import {
  checkDeployed,
  compareWithFiles,
  entryKey,
  instancePos,
  instanceText,
  unsupportedReason,
  type DeployedInput
} from './deployed.js';
import { redundantEntryIndexes } from './redundancy.js';
import { madeCheckIncomplete } from './status.js';

/**
 * `redundant-entry` notices shown one by one per data source (issue 8 §2); past it, one notice gives the count, so
 * a long list of nested entries cannot flood the report.
 */
export const MAX_REDUNDANT_NOTICES_PER_DATA_SOURCE = 20;

export interface EvaluateInput {
  config: Config;
  requirements: Requirements;
  /** The read results of each data source's whitelist sources, in the order of its `whitelist` list. */
  declared: Map<string, ReadResult[]>;
  profileOf(product: DataSourceConfig['product']): ProductProfile;
  now: Date;
  /** Per data source with `instance`: its deployed whitelist, or why there is none (contract §9). */
  deployed?: Map<string, DeployedInput>;
}

export interface Evaluation {
  findings: Finding[];
  required: RequiredEntryReport[];
}

interface AcceptedEntry {
  written: DeclaredEntryText;
  parsed: ParsedEntry;
}

interface LiveWaiver {
  waiver: WaiverConfig;
  range: IpRange;
  canonical: string;
  used: boolean;
}

export function evaluate(input: EvaluateInput): Evaluation {
  const findings: Finding[] = [];
  const required: RequiredEntryReport[] = [];
  const waivers = checkWaivers(input.config.waivers, input.now, findings);

  for (const ds of input.config.dataSources) {
    const profile = input.profileOf(ds.product);
    const results = input.declared.get(ds.name) ?? [];
    for (const r of results) for (const f of r.findings) findings.push({ dataSource: ds.name, ...f });
    const dsWaivers = waivers.filter((w) => w.waiver.dataSource === ds.name);

    // The declared side: only for a data source with whitelist files (an absent file list is not an empty one).
    const hasFiles = ds.whitelist.length > 0;
    const written = distinctWritten(results.flatMap((r) => r.entries));
    // Contract §8: with a source unread (or a Terraform value unresolved), a block the readable entries do not
    // cover may well be allowed by what could not be read: its coverage is unknown, not missing.
    const coverageUnknown = results.some((r) => r.findings.some(madeCheckIncomplete));
    const declaredStart = findings.length;
    const accepted = hasFiles ? checkDeclaredEntries(ds, profile, written, findings) : [];
    if (hasFiles) checkEntryLimit(ds, profile, written, results, findings);
    const allowAll =
      hasFiles && written.length === 0 && results.every((r) => r.findings.length === 0) && profile.emptyMeansAllowAll;
    if (allowAll) {
      findings.push({
        rule: 'allow-all-whitelist',
        severity: 'warning',
        message: `the whitelist of "${ds.name}" is empty, which on ${profile.displayName} means every address is allowed: add the entries it needs to restrict access`,
        dataSource: ds.name,
        ...(ds.whitelist[0]?.pos ?? ds.pos)
      });
    }
    for (let i = declaredStart; i < findings.length; i++) {
      const f = findings[i] as Finding;
      if (SCOPED_RULES.includes(f.rule)) findings[i] = withScope(f, 'declared');
    }
    const declaredSet = IpSet.build(accepted.map((a) => a.parsed.range));
    const excluded = excludedGroups(results);
    const addHere = results[0]?.addHere ?? ds.whitelist[0]?.pos ?? ds.pos;

    // The deployed side (contract §9).
    const deployedInput = ds.instance ? input.deployed?.get(ds.name) : undefined;
    const deployedSide =
      deployedInput?.state === 'read'
        ? checkDeployed(ds, profile, deployedInput.whitelist, new Set(written.map((e) => entryKey(e.raw))), findings)
        : undefined;
    if (deployedSide && hasFiles && !coverageUnknown) {
      const forDrift = accepted
        .filter((a) => !profile.denyAllPlaceholders.includes(a.written.raw))
        .map((a) => ({
          raw: a.written.raw,
          range: a.parsed.range,
          canonical: a.parsed.canonical,
          pos: { file: a.written.file, line: a.written.line, column: a.written.column }
        }));
      compareWithFiles(ds, deployedSide, forDrift, declaredSet, findings);
    }
    if (deployedInput?.state === 'not-read' && !hasFiles) {
      findings.push({
        rule: 'not-checked',
        severity: 'notice',
        message: `"${ds.name}" has no whitelist files and its deployed whitelist on ${instanceText(ds)} was not read (${deployedInput.reason}): its required blocks are unknown; run online to check it, or keep its whitelist as code`,
        dataSource: ds.name,
        ...instancePos(ds)
      });
    }
    // A scope that was not read (or could not be) may need any waiver that applies to it: never `unused-waiver`.
    const deployedUnread = deployedInput !== undefined && deployedInput.state !== 'read';
    for (const w of dsWaivers) if (deployedUnread && appliesTo(w, 'deployed')) w.used = true;

    for (const block of input.requirements.perSource.get(ds.name) ?? []) {
      const range = cidrToRange(block.cidr);
      let declaredCovered: boolean | null | undefined;
      if (hasFiles) {
        declaredCovered = allowAll || declaredSet.covers(range);
        if (!declaredCovered && coverageUnknown) declaredCovered = null;
      }
      let deployedCovered: boolean | null | undefined;
      if (deployedSide) deployedCovered = deployedSide.allowAll || deployedSide.set.covers(range);
      else if (deployedInput?.state === 'unreadable') deployedCovered = null;

      const item: RequiredEntryReport = {
        dataSource: ds.name,
        entry: block.text,
        covered: hasFiles ? (declaredCovered ?? null) : (deployedCovered ?? null),
        via: block.via
      };
      if (deployedCovered !== undefined) item.deployed = deployedCovered;
      required.push(item);

      for (const scope of ['declared', 'deployed'] as const) {
        const covered = scope === 'declared' ? declaredCovered : deployedCovered;
        if (covered === undefined || covered === true) continue;
        if (covered === null) {
          // A waiver for a block whose coverage is unknown may still be needed: it is not `unused-waiver`.
          for (const w of dsWaivers) if (appliesTo(w, scope) && rangesOverlap(w.range, range)) w.used = true;
          continue;
        }
        const set = scope === 'declared' ? declaredSet : (deployedSide?.set ?? IpSet.EMPTY);
        const uncoveredBlocks = set.uncovered(range);
        const uncovered = uncoveredBlocks.map(formatCidr);
        const waiver = dsWaivers.find(
          (w) => appliesTo(w, scope) && uncoveredBlocks.every((u) => rangeContains(w.range, cidrToRange(u)))
        );
        const where = scope === 'declared' ? '' : ` on the whitelist deployed on ${instanceText(ds)}`;
        if (waiver) {
          waiver.used = true;
          findings.push({
            ...blockContext(ds, block),
            rule: 'waived',
            severity: 'notice',
            scope,
            message: `${describeMiss(block, uncovered)}${where}, but a waiver accepts ${uncovered.join(', ')} until ${waiver.waiver.expires}: ${waiver.waiver.reason}`,
            uncovered,
            file: waiver.waiver.pos.file,
            line: waiver.waiver.pos.line,
            column: waiver.waiver.pos.column
          });
          continue;
        }
        if (scope === 'declared') {
          findings.push({
            ...blockContext(ds, block),
            rule: 'missing-entry',
            severity: 'error',
            scope,
            message: `${describeMiss(block, uncovered)}: add ${uncovered.join(', ')} to the whitelist of "${ds.name}" (required by ${describeVia(block)})${describeExcluded(excluded, accepted, range)}`,
            uncovered,
            file: addHere.file,
            line: addHere.line,
            column: addHere.column
          });
          continue;
        }
        const fix =
          declaredCovered === true
            ? 'the whitelist files allow it: apply them (for example run Terraform)'
            : `add ${uncovered.join(', ')} to it`;
        findings.push({
          ...blockContext(ds, block),
          rule: 'missing-entry',
          severity: 'error',
          scope,
          message: `${describeMiss(block, uncovered)}${where}, so DataWorks cannot connect today: ${fix} (required by ${describeVia(block)})`,
          uncovered,
          ...instancePos(ds)
        });
      }
    }
  }

  for (const w of waivers) {
    if (w.used) continue;
    findings.push({
      rule: 'unused-waiver',
      severity: 'notice',
      message: `the waiver for ${w.waiver.entry.value} on "${w.waiver.dataSource}" matched no missing entry: remove it`,
      dataSource: w.waiver.dataSource,
      entry: w.canonical,
      ...w.waiver.pos
    });
  }
  return { findings, required };
}

/** Entries listed by name when a `missing-entry` says which excluded entries would have covered the block. */
const MAX_EXCLUDED_ENTRIES_NAMED = 5;
/** Groups described one by one in one `missing-entry` message; the rest are counted. */
const MAX_EXCLUDED_GROUPS_NAMED = 3;

interface ExcludedGroup {
  reason: string;
  entries: { canonical: string; range: IpRange }[];
}

/** The entries of the groups that do not apply to the data source's network, parsed (the others are left out). */
function excludedGroups(results: readonly ReadResult[]): ExcludedGroup[] {
  return results.flatMap((result) =>
    (result.excluded ?? []).map((group) => ({
      reason: group.reason,
      entries: group.entries.flatMap((written) => {
        const parsed = parseEntry(written.raw);
        return parsed.ok ? [{ canonical: parsed.entry.canonical, range: parsed.entry.range }] : [];
      })
    }))
  );
}

/**
 * "; group "x" of alicloud_db_instance.y is Classic: it does not admit VPC clients; its entries 192.0.2.0/24
 * would have covered this block", for each excluded group whose entries reach the block; empty otherwise.
 */
function describeExcluded(
  groups: readonly ExcludedGroup[],
  accepted: readonly AcceptedEntry[],
  block: IpRange
): string {
  let text = '';
  let described = 0;
  let more = 0;
  for (const group of groups) {
    const reaching = group.entries.filter((entry) => rangesOverlap(entry.range, block));
    if (reaching.length === 0) continue;
    if (described === MAX_EXCLUDED_GROUPS_NAMED) {
      more += 1;
      continue;
    }
    described += 1;
    const names = [...new Set(reaching.map((entry) => entry.canonical))];
    const named = names.slice(0, MAX_EXCLUDED_ENTRIES_NAMED).join(', ');
    const rest =
      names.length > MAX_EXCLUDED_ENTRIES_NAMED ? ` and ${names.length - MAX_EXCLUDED_ENTRIES_NAMED} more` : '';
    const whole = IpSet.build([...accepted.map((a) => a.parsed.range), ...reaching.map((e) => e.range)]).covers(block);
    const entries = names.length === 1 ? 'its entry' : 'its entries';
    text += `; ${group.reason}; ${entries} ${named}${rest} would have covered ${whole ? 'this block' : 'part of this block'}`;
  }
  if (more > 0) text += `; and ${more} more such ${more === 1 ? 'group' : 'groups'}`;
  return text;
}

/** The rules whose findings carry `scope` (contract §9). */
const SCOPED_RULES: readonly RuleId[] = [
  'missing-entry',
  'invalid-entry',
  'unsupported-entry',
  'too-many-entries',
  'overly-broad-entry',
  'allow-all-whitelist',
  'host-bits-set',
  'redundant-entry',
  'waived',
  'deployed-drift'
];

/** The finding with its scope (a copy: reader findings may be shared). */
function withScope(f: Finding, scope: Scope): Finding {
  return { ...f, scope };
}

function appliesTo(w: LiveWaiver, scope: Scope): boolean {
  return w.waiver.scope === undefined || w.waiver.scope === scope;
}

function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

/**
 * The entries as written, each once: the copies of one literal that Terraform's `count`/`for_each` make (same
 * file, line, column and text) are one entry, not repeats to flag or to count twice.
 */
function distinctWritten(entries: readonly DeclaredEntryText[]): DeclaredEntryText[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = JSON.stringify([e.file, e.line, e.column, e.raw]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a finding about a required block says of it: the data source, the first chain and the block. */
function blockContext(
  ds: DataSourceConfig,
  block: RequiredBlock
): Pick<Finding, 'dataSource' | 'module' | 'resourceGroup' | 'entry'> {
  const first = block.via[0];
  return {
    dataSource: ds.name,
    module: first?.module,
    resourceGroup: first?.resourceGroup,
    entry: block.text
  };
}

function describeMiss(block: RequiredBlock, uncovered: string[]): string {
  const whole = uncovered.length === 1 && uncovered[0] === block.text;
  return whole ? `${block.text} is not allowed` : `${block.text} is only partly allowed`;
}

function describeVia(block: RequiredBlock): string {
  return block.via
    .map((v) => [v.module, v.resourceGroup, `${v.source} (${v.origin})`].filter(Boolean).join(' → '))
    .join('; ');
}

/** Parses every declared entry and applies the product's accepted forms; returns the entries that count. */
function checkDeclaredEntries(
  ds: DataSourceConfig,
  profile: ProductProfile,
  written: readonly DeclaredEntryText[],
  findings: Finding[]
): AcceptedEntry[] {
  const accepted: AcceptedEntry[] = [];
  const invalidPerFile = new Map<string, { reported: number; omitted: DeclaredEntryText[] }>();
  for (const entry of written) {
    const raw = quotePrefix(entry.raw);
    const at = { dataSource: ds.name, raw, file: entry.file, line: entry.line, column: entry.column };
    if (profile.allowAllTokens.includes(entry.raw)) {
      // Product tokens such as PolarDB's `%` mean "every address": they cover like `0.0.0.0/0` (and `::/0`).
      for (const everything of profile.acceptsIpv6 ? ['0.0.0.0/0', '::/0'] : ['0.0.0.0/0']) {
        const all = parseEntry(everything);
        if (all.ok) accepted.push({ written: entry, parsed: all.entry });
      }
      findings.push({
        ...at,
        rule: 'overly-broad-entry',
        severity: 'warning',
        message: `"${entry.raw}" allows every address on ${profile.displayName}, far more than DataWorks needs`
      });
      continue;
    }
    const result = parseEntry(entry.raw);
    if (!result.ok) {
      // Capped per file and quoted by a prefix only: no report may carry a file's content line by line.
      const counts = invalidPerFile.get(entry.file) ?? { reported: 0, omitted: [] };
      invalidPerFile.set(entry.file, counts);
      if (counts.reported >= MAX_INVALID_ENTRIES_PER_FILE) {
        counts.omitted.push(entry);
        continue;
      }
      counts.reported++;
      const reason =
        entry.raw.length > MAX_QUOTED_CHARS ? 'it is longer than any address, CIDR block or range' : result.reason;
      findings.push({
        ...at,
        rule: 'invalid-entry',
        severity: 'error',
        message: `"${raw}" is not a valid whitelist entry: ${reason}`
      });
      continue;
    }
    const parsed = result.entry;
    const canonical = parsed.canonical;
    const unsupported = unsupportedReason(profile, parsed);
    if (unsupported) {
      findings.push({
        ...at,
        entry: canonical,
        rule: 'unsupported-entry',
        severity: 'error',
        message: `"${entry.raw}" is not accepted by ${profile.displayName}: ${unsupported}; it allows nothing`
      });
      continue;
    }
    if (parsed.hostBitsSet) {
      findings.push({
        ...at,
        entry: canonical,
        rule: 'host-bits-set',
        severity: 'warning',
        message: `"${entry.raw}" has host bits set; it means ${canonical}: write that instead`
      });
    }
    if (isOverlyBroad(parsed.range)) {
      findings.push({
        ...at,
        entry: canonical,
        rule: 'overly-broad-entry',
        severity: 'warning',
        message: `"${entry.raw}" opens ${canonical} to the data source, far more than DataWorks needs`
      });
    }
    accepted.push({ written: entry, parsed });
  }
  for (const [file, { omitted }] of invalidPerFile) {
    const first = omitted[0];
    if (!first) continue;
    findings.push({
      rule: 'invalid-entry',
      severity: 'error',
      message: `${omitted.length} more entries of "${file}" are not valid whitelist entries; only the first ${MAX_INVALID_ENTRIES_PER_FILE} are reported one by one`,
      dataSource: ds.name,
      file,
      line: first.line,
      column: first.column
    });
  }
  reportRedundant(ds, accepted, findings);
  return accepted;
}

/**
 * One `redundant-entry` notice per entry that can be removed (all of them together keep the union unchanged), up to
 * the cap; then one notice, at the first entry not listed, with how many more there are.
 */
function reportRedundant(ds: DataSourceConfig, accepted: readonly AcceptedEntry[], findings: Finding[]): void {
  const redundant = [...redundantEntryIndexes(accepted.map((a) => a.parsed.range))]
    .sort((a, b) => a - b)
    .map((i) => accepted[i] as AcceptedEntry);
  const shown = redundant.slice(0, MAX_REDUNDANT_NOTICES_PER_DATA_SOURCE);
  for (const a of shown) {
    findings.push({
      rule: 'redundant-entry',
      severity: 'notice',
      message: `"${a.written.raw}" is already allowed by broader or earlier entries of the whitelist of "${ds.name}": it can be removed`,
      dataSource: ds.name,
      raw: quotePrefix(a.written.raw),
      entry: a.parsed.canonical,
      file: a.written.file,
      line: a.written.line,
      column: a.written.column
    });
  }
  const rest = redundant.length - shown.length;
  const firstNotShown = redundant[shown.length];
  if (rest > 0 && firstNotShown) {
    findings.push({
      rule: 'redundant-entry',
      severity: 'notice',
      message:
        `${rest} more ${rest === 1 ? 'entry' : 'entries'} of the whitelist of "${ds.name}", starting here, ` +
        `${rest === 1 ? 'is' : 'are'} already allowed by broader or earlier entries and can be removed ` +
        `(only the first ${MAX_REDUNDANT_NOTICES_PER_DATA_SOURCE} are listed one by one)`,
      dataSource: ds.name,
      file: firstNotShown.written.file,
      line: firstNotShown.written.line,
      column: firstNotShown.written.column
    });
  }
}

function checkEntryLimit(
  ds: DataSourceConfig,
  profile: ProductProfile,
  written: readonly DeclaredEntryText[],
  results: readonly ReadResult[],
  findings: Finding[]
): void {
  // A Terraform resource type decides its own limit (contract §9); the strictest one applies.
  const declaredLimits = results.flatMap((result) => (result.entryLimit ? [result.entryLimit] : []));
  const limit =
    declaredLimits.length > 0
      ? declaredLimits.reduce((strictest, candidate) => (candidate.max < strictest.max ? candidate : strictest))
      : profile.entryLimit;
  if (!limit) return;
  const distinct = new Set(written.map((e) => e.raw));
  if (distinct.size <= limit.max) return;
  const at = results[0]?.addHere ?? ds.whitelist[0]?.pos ?? ds.pos;
  findings.push({
    rule: 'too-many-entries',
    severity: 'error',
    message: `the whitelist of "${ds.name}" has ${distinct.size} distinct entries; ${profile.displayName} allows at most ${limit.max} (${limit.scope})`,
    dataSource: ds.name,
    file: at.file,
    line: at.line,
    column: at.column
  });
}

/** Live waivers, after reporting the expired ones and those whose entry does not parse. */
function checkWaivers(waivers: readonly WaiverConfig[], now: Date, findings: Finding[]): LiveWaiver[] {
  const today = now.toISOString().slice(0, 10);
  const live: LiveWaiver[] = [];
  for (const waiver of waivers) {
    const parsed = parseEntry(waiver.entry.value);
    if (!parsed.ok) {
      findings.push({
        rule: 'invalid-config',
        severity: 'error',
        message: `waiver entry "${waiver.entry.value}" is not an address, CIDR or range: ${parsed.reason}`,
        dataSource: waiver.dataSource,
        raw: waiver.entry.value,
        ...waiver.entry.pos
      });
      continue;
    }
    if (waiver.expires < today) {
      findings.push({
        rule: 'expired-waiver',
        severity: 'error',
        message: `the waiver for ${waiver.entry.value} on "${waiver.dataSource}" expired on ${waiver.expires} (${waiver.reason}): fix the whitelist or renew the waiver`,
        dataSource: waiver.dataSource,
        entry: parsed.entry.canonical,
        ...waiver.pos
      });
      continue;
    }
    live.push({ waiver, range: parsed.entry.range, canonical: parsed.entry.canonical, used: false });
  }
  return live;
}
