/** What the text and Markdown renderers share: grouping by data source, the chain behind a miss, places, counts. */
import type { AddressListReport, Finding, Report, Severity, Status, Via } from '../model.js';

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
  missing: Finding[];
  /** The data source's other findings, errors first, then warnings, then notices (stable within a severity). */
  others: Finding[];
}

/**
 * The report grouped by data source, in the report's own order (first appearance in `required`, then in
 * `findings`), and the findings that belong to no data source.
 */
export function groupByDataSource(report: Report): { groups: DataSourceGroup[]; general: Finding[] } {
  const groups = new Map<string, DataSourceGroup>();
  const groupOf = (name: string): DataSourceGroup => {
    let g = groups.get(name);
    if (!g) {
      g = { name, required: 0, covered: 0, missing: [], others: [] };
      groups.set(name, g);
    }
    return g;
  };
  for (const r of report.required) {
    const g = groupOf(r.dataSource);
    g.required++;
    if (r.covered) g.covered++;
  }
  const general: Finding[] = [];
  for (const f of report.findings) {
    if (f.dataSource === undefined) general.push(f);
    else if (f.rule === 'missing-entry') groupOf(f.dataSource).missing.push(f);
    else groupOf(f.dataSource).others.push(f);
  }
  for (const g of groups.values()) g.others = bySeverity(g.others);
  return { groups: [...groups.values()], general: bySeverity(general) };
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

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
