/** What the text and Markdown renderers share: grouping by data source, the chain behind a miss, places, counts. */
import { madeCheckIncomplete } from '../evaluate/status.js';
import type {
  AddressListReport,
  ConnectivityReport,
  Finding,
  ProductId,
  Report,
  Severity,
  Status,
  Via
} from '../model.js';
import { compareEntryText } from '../net/index.js';
import { entrySeparator, productProfile } from '../products/index.js';

export const STATUS_LABEL: Record<Status, string> = {
  pass: 'passed',
  fail: 'failed',
  error: 'could not check'
};

/** The text report's headline, a sentence: "DataWorks whitelist check passed" … "could not be completed". */
export const STATUS_SENTENCE: Record<Status, string> = {
  pass: 'passed',
  fail: 'failed',
  error: 'could not be completed'
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Numbers with thousands separators, the same on every machine. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `file:line:column`, `file:line` or `file`; undefined when the finding has no file. */
export function whereOf(f: Pick<Finding, 'file' | 'line' | 'column'>): string | undefined {
  if (!f.file) return undefined;
  if (f.line === undefined) return f.file;
  return f.column === undefined ? `${f.file}:${f.line}` : `${f.file}:${f.line}:${f.column}`;
}

/** One chain that made a block required: `module → resource group → binding, static key or list`. */
export function formatVia(via: Via): string {
  return [via.module, via.resourceGroup, via.source].filter((part) => part !== undefined && part !== '').join(' → ');
}

/** Looks up the chains behind a required block, so a miss can say why it is required. */
export class ViaIndex {
  private readonly byKey = new Map<string, Via[]>();

  constructor(report: Report) {
    for (const r of report.required) this.byKey.set(ViaIndex.key(r.dataSource, r.entry), r.via);
  }

  private static key(dataSource: string, entry: string): string {
    return `${dataSource}\u0000${entry}`;
  }

  /** The chains of the finding's block; else the module and group the finding names; else none. */
  chainsOf(f: Finding): string[] {
    const via = f.dataSource && f.entry ? this.byKey.get(ViaIndex.key(f.dataSource, f.entry)) : undefined;
    if (via && via.length > 0) return via.map(formatVia);
    const own = [f.module, f.resourceGroup].filter((part): part is string => Boolean(part));
    return own.length > 0 ? [own.join(' → ')] : [];
  }
}

export interface DataSourceGroup {
  name: string;
  required: number;
  covered: number;
  /** Required blocks whose coverage is unknown (contract §8), in the report's (address) order. */
  unknown: string[];
  missing: Finding[];
  /** The data source's other findings, errors first, then warnings, then notices (stable within a severity). */
  others: Finding[];
}

/**
 * Rules the text and Markdown reports do not list as findings: each list's date is shown in their address-list
 * section instead (contract §8). The JSON report keeps these findings.
 */
const SHOWN_ELSEWHERE: readonly string[] = ['stale-address-list'];

/** Whether the text and Markdown reports list the finding as a finding (the stale-list notice they do not). */
export function listedAsFinding(f: Pick<Finding, 'rule'>): boolean {
  return !SHOWN_ELSEWHERE.includes(f.rule);
}

export interface GroupedReport {
  /** The findings that made the check incomplete, in the report's order: every report shows them first (§8). */
  couldNotCheck: Finding[];
  groups: DataSourceGroup[];
  /** The other findings that belong to no data source, errors first. */
  general: Finding[];
}

/**
 * The report grouped by data source, in the report's own order (first appearance in `required`, then in
 * `findings`), the findings that made the check incomplete apart, and the findings that belong to no data source.
 */
export function groupByDataSource(report: Report): GroupedReport {
  const groups = new Map<string, DataSourceGroup>();
  const groupOf = (name: string): DataSourceGroup => {
    let g = groups.get(name);
    if (!g) {
      g = { name, required: 0, covered: 0, unknown: [], missing: [], others: [] };
      groups.set(name, g);
    }
    return g;
  };
  for (const r of report.required) {
    const g = groupOf(r.dataSource);
    g.required++;
    if (r.covered === true) g.covered++;
    else if (r.covered === null) g.unknown.push(r.entry);
  }
  const couldNotCheck: Finding[] = [];
  const general: Finding[] = [];
  for (const f of report.findings) {
    if (!listedAsFinding(f)) continue;
    if (madeCheckIncomplete(f)) {
      couldNotCheck.push(f);
      if (f.dataSource !== undefined) groupOf(f.dataSource);
    } else if (f.dataSource === undefined) general.push(f);
    else if (f.rule === 'missing-entry') groupOf(f.dataSource).missing.push(f);
    else groupOf(f.dataSource).others.push(f);
  }
  for (const g of groups.values()) {
    g.others = bySeverity(g.others);
    // Blocks in address order, whatever order the report came in (string order misplaces 100.104.38.192/26).
    g.missing = g.missing
      .map((f, i) => ({ f, i }))
      .sort((a, b) => compareEntryText(a.f.entry ?? '', b.f.entry ?? '') || a.i - b.i)
      .map(({ f }) => f);
  }
  return { couldNotCheck, groups: [...groups.values()], general: bySeverity(general) };
}

/** One paste-ready line of a whitelist file: the blocks to add there, in address order, each once. */
export interface PasteLine {
  /** The file the missing entries point at. */
  file: string;
  entries: string[];
  /** The entries joined with the product's separator. */
  text: string;
}

/**
 * Per whitelist file that missing entries point at (in order of first mention), everything to add there as one
 * line in the product's separator: after the per-block lines, this is what a user copies.
 */
export function pasteLines(missing: readonly Finding[], product: ProductId | undefined): PasteLine[] {
  const separator = product ? entrySeparator(productProfile(product)) : ',';
  const byFile = new Map<string, Set<string>>();
  for (const f of missing) {
    // A miss of the deployed whitelist points at `instance` in the config: nothing to paste into that file.
    if (f.file === undefined || f.scope === 'deployed') continue;
    const blocks = f.uncovered && f.uncovered.length > 0 ? f.uncovered : f.entry !== undefined ? [f.entry] : [];
    const set = byFile.get(f.file) ?? new Set<string>();
    for (const b of blocks) set.add(b);
    byFile.set(f.file, set);
  }
  return [...byFile].map(([file, set]) => {
    const entries = [...set].sort(compareEntryText);
    return { file, entries, text: entries.join(separator) };
  });
}

/** Errors, then warnings, then notices; the report's order within each (a stable sort). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** Whether a list used by the run is stale: the engine decides (bundled, and older than 180 days or undated). */
export function isStaleList(list: AddressListReport): boolean {
  return list.stale;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  notice: number;
}

/**
 * "3 notices", or "3 notices (1 in the address lists)": a stale bundled list is a notice of the JSON report that the
 * text and Markdown reports show as a date in their address-list section, not in a list of findings, so the count
 * says where the difference went.
 */
export function noticesText(findings: readonly Finding[], total: number): string {
  const stale = findings.filter((f) => f.rule === 'stale-address-list').length;
  return stale > 0 ? `${plural(total, 'notice')} (${stale} in the address lists)` : plural(total, 'notice');
}

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** How one side of a data source stands: every block allowed, some missing, some unknown, not read, no such side. */
export type SideState = 'allowed' | 'missing' | 'unknown' | 'not-read' | 'none';

export interface SideMarkers {
  /** The whitelist files (`declared`). */
  code: SideState;
  /** The whitelist deployed on the instance. */
  cloud: SideState;
  /** `deployed-drift` findings of the data source. */
  drift: number;
}

/** A short mark for a side, the same in the text and Markdown reports ("code ✓, cloud ✗" at a glance). */
export const SIDE_MARK: Record<SideState, string> = {
  allowed: '✓',
  missing: '✗',
  unknown: '?',
  'not-read': 'not read',
  none: '—'
};

function sideOf(values: readonly (boolean | null | undefined)[]): SideState {
  if (values.some((v) => v === false)) return 'missing';
  if (values.some((v) => v === null || v === undefined)) return 'unknown';
  return 'allowed';
}

/**
 * The code and cloud state of a data source that names an instance (contract §9); undefined for one that does not,
 * whose reports stay as they were.
 */
export function sideMarkers(report: Report, dataSource: string): SideMarkers | undefined {
  const described = report.dataSources.find((d) => d.name === dataSource);
  if (!described || described.instance === undefined) return undefined;
  const required = report.required.filter((r) => r.dataSource === dataSource);
  const code: SideState = described.declared === false ? 'none' : sideOf(required.map((r) => r.covered));
  let cloud: SideState;
  if (described.deployedState === 'read') cloud = sideOf(required.map((r) => r.deployed));
  else if (described.deployedState === 'unreadable') cloud = 'unknown';
  else cloud = 'not-read';
  const drift = report.findings.filter((f) => f.rule === 'deployed-drift' && f.dataSource === dataSource).length;
  return { code, cloud, drift };
}

/** "code ✓ · cloud ✗" (with the drift count when there is any). */
export function sideMarkersText(m: SideMarkers): string {
  const drift = m.drift > 0 ? ` · ${plural(m.drift, 'difference')}` : '';
  return `code ${SIDE_MARK[m.code]} · cloud ${SIDE_MARK[m.cloud]}${drift}`;
}

/** The check's own verdict for a tested pair, in words ("DataWorks says" tables). */
export function checkVerdictLabel(row: Pick<ConnectivityReport, 'checkFoundGap'>): string {
  return row.checkFoundGap === true ? 'gap' : row.checkFoundGap === false ? 'no gap' : 'unknown';
}

/** What DataWorks said of a pair, in words: its state, message and failed step, or why it was not tested. */
export function dataWorksSaysLabel(row: Pick<ConnectivityReport, 'state' | 'message' | 'failedStep'>): string {
  const head = row.state === null ? 'not tested' : row.state;
  const parts = [row.message, row.failedStep !== undefined ? `failed step: ${row.failedStep}` : '']
    .filter((p) => p !== '')
    .join('; ');
  return parts ? `${head}: ${parts}` : head;
}
