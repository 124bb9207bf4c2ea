/**
 * The terminal report: what made the check incomplete first, then grouped by data source, one line per finding
 * and a paste-ready line per whitelist file, then a summary line (the exit statuses are explained in --help). ANSI colour only when the caller says so (the CLI decides from the TTY, --no-color and NO_COLOR);
 * without it the symbols and words carry the meaning alone.
 */
import type { ConnectivityReport, Finding, Report, RuleId, Severity, Status } from '../model.js';
import {
  ViaIndex,
  checkVerdictLabel,
  dataWorksSaysLabel,
  formatCount,
  groupByDataSource,
  isStaleList,
  pasteLines,
  plural,
  noticesText,
  severityCounts,
  sideMarkers,
  sideMarkersText,
  STATUS_SENTENCE,
  whereOf
} from './common.js';
import { sanitizeTerminal } from './escape.js';
import { RULE_HELP } from './rules.js';

export interface TextOptions {
  color: boolean;
}

type Paint = (text: string) => string;

interface Palette {
  error: Paint;
  warning: Paint;
  notice: Paint;
  ok: Paint;
  bold: Paint;
  dim: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

function palette(color: boolean): Palette {
  if (!color) return { error: plain, warning: plain, notice: plain, ok: plain, bold: plain, dim: plain };
  return {
    error: ansi(31, 39),
    warning: ansi(33, 39),
    notice: ansi(36, 39),
    ok: ansi(32, 39),
    bold: ansi(1, 22),
    dim: ansi(2, 22)
  };
}

const SYMBOL: Record<Severity, string> = { error: '✗', warning: '⚠', notice: 'ℹ' };
const STATUS_SYMBOL: Record<Status, string> = { pass: '✓', fail: '✗', error: '✗' };

/** Repository text, made safe for a terminal. */
const t = sanitizeTerminal;

function missingLine(f: Finding, vias: ViaIndex, p: Palette, instance?: string): string {
  const uncovered = f.uncovered ?? [];
  let what: string;
  if (f.entry === undefined) what = t(f.message);
  else if (uncovered.length === 0 || (uncovered.length === 1 && uncovered[0] === f.entry)) what = t(f.entry);
  else what = `${t(uncovered.join(', '))} of ${t(f.entry)}`;
  const where = whereOf(f);
  const chains = vias.chainsOf(f);
  const why = chains.length > 0 ? ` ${p.dim(`(${t(chains.join('; '))})`)}` : '';
  if (f.scope === 'deployed') {
    const on = instance !== undefined ? ` on instance ${t(instance)}` : '';
    return `  ${p.error(SYMBOL.error)} missing in the cloud ${p.bold(what)}${on}${where ? ` (${t(where)})` : ''}${why}`;
  }
  return `  ${p.error(SYMBOL.error)} missing ${p.bold(what)}${where ? ` — add to ${t(where)}` : ''}${why}`;
}

function findingLine(f: Finding, p: Palette, withDataSource: boolean): string {
  const where = whereOf(f);
  const subject = f.raw ?? f.entry;
  const parts = [
    p[f.severity](`${SYMBOL[f.severity]} ${f.rule}`),
    withDataSource && f.dataSource ? t(f.dataSource) : undefined,
    subject ? t(subject) : undefined,
    where ? t(where) : undefined
  ].filter((part): part is string => part !== undefined);
  return `  ${parts.join(' ')} — ${t(f.message)}`;
}

/** At most this many unknown blocks are named on a data source's "coverage unknown" line. */
const UNKNOWN_NAMED = 5;

function unknownLine(blocks: readonly string[], p: Palette): string {
  const named = blocks.slice(0, UNKNOWN_NAMED).join(', ');
  const more = blocks.length > UNKNOWN_NAMED ? ` and ${formatCount(blocks.length - UNKNOWN_NAMED)} more` : '';
  return (
    `  ${p.warning('?')} ${plural(blocks.length, 'required block')} not known to be allowed (${t(named)}${more}): ` +
    'a whitelist source could not be read (see "Could not check" above)'
  );
}

/** One tested pair: the DataWorks answer beside the check's own verdict. */
function connectivityLine(row: ConnectivityReport, p: Palette): string {
  const symbol =
    row.state === 'Connectable'
      ? p.ok('✓')
      : row.state === 'Unreachable' || row.state === 'ConfigError'
        ? p.error(SYMBOL.error)
        : p.warning('?');
  return (
    `  ${symbol} ${t(row.dataSource)} · ${t(row.resourceGroup)} ${p.dim(`(${t(row.resourceGroupId)})`)} — ` +
    `DataWorks: ${t(dataWorksSaysLabel(row))} · check: ${checkVerdictLabel(row)}`
  );
}

export function renderText(report: Report, opts: TextOptions): string {
  const p = palette(opts.color);
  const vias = new ViaIndex(report);
  const { couldNotCheck, groups, general } = groupByDataSource(report);
  const counts = severityCounts(report.findings);
  const s = report.summary;
  const unknown = groups.reduce((n, g) => n + g.unknown.length, 0);
  const lines: string[] = [];

  const statusPaint = report.status === 'pass' ? p.ok : report.status === 'fail' ? p.error : p.warning;
  lines.push(
    p.bold(`DataWorks whitelist check ${statusPaint(STATUS_SENTENCE[report.status])}`) +
      ` — ${plural(s.missing, 'missing entry', 'missing entries')} in ${plural(s.dataSources, 'data source')}` +
      ` (${plural(s.required, 'required block')}${unknown > 0 ? `, ${formatCount(unknown)} unknown` : ''})`
  );
  lines.push(p.dim(`config ${t(report.config)} · resolve ${report.resolve}`));

  // Contract §8: what made the check incomplete comes first; it is why some coverage is unknown.
  if (couldNotCheck.length > 0) {
    lines.push('', p.bold('Could not check'));
    for (const f of couldNotCheck) lines.push(findingLine(f, p, true));
  }

  const incomplete = new Set(couldNotCheck.map((f) => f.dataSource));
  for (const g of groups) {
    lines.push('');
    const unknownPart = g.unknown.length > 0 ? `, ${formatCount(g.unknown.length)} unknown` : '';
    const coverage =
      g.required > 0
        ? ` ${p.dim(`(${formatCount(g.covered)} of ${plural(g.required, 'required block')} allowed${unknownPart})`)}`
        : '';
    const described = report.dataSources.find((d) => d.name === g.name);
    const kind = described ? ` ${p.dim(`· ${described.product}, ${described.network}, ${t(described.region)}`)}` : '';
    const markers = sideMarkers(report, g.name);
    const sides = markers ? ` ${p.dim('·')} ${sideMarkersText(markers)}` : '';
    lines.push(`${p.bold(t(g.name))}${kind}${coverage}${sides}`);
    for (const f of g.missing) lines.push(missingLine(f, vias, p, described?.instance));
    for (const paste of pasteLines(g.missing, described?.product)) {
      lines.push(`  ${p.dim('→')} ${t(paste.file)} — add: ${p.bold(t(paste.text))}`);
    }
    if (g.unknown.length > 0) lines.push(unknownLine(g.unknown, p));
    for (const f of g.others) lines.push(findingLine(f, p, false));
    if (g.missing.length === 0 && g.others.length === 0 && g.unknown.length === 0) {
      lines.push(
        incomplete.has(g.name)
          ? `  ${p.warning('?')} not fully checked (see "Could not check" above)`
          : `  ${p.ok('✓')} every required block is allowed`
      );
    }
  }

  if (report.connectivity !== undefined && report.connectivity.length > 0) {
    lines.push('', p.bold('DataWorks says (its own connectivity test)'));
    for (const row of report.connectivity) lines.push(connectivityLine(row, p));
  }

  if (general.length > 0) {
    lines.push('', p.bold('Other findings'));
    for (const f of general) lines.push(findingLine(f, p, true));
  }

  if (report.addressLists.length > 0) {
    lines.push('', p.bold('Address lists used'));
    for (const list of report.addressLists) {
      const stale = isStaleList(list)
        ? ` ${p.warning(`(stale: ${list.asOf === null ? 'undated' : 'over 180 days old'}; compare it with its source and update addressLists in the config if it changed)`)}`
        : '';
      lines.push(
        `  ${list.list} ${t(list.region)} · ${list.origin} · ${list.asOf ?? 'undated'} · ${t(list.source)}${stale}`
      );
    }
  }

  const shown = [...couldNotCheck, ...groups.flatMap((g) => [...g.missing, ...g.others]), ...general];
  const rules = [...new Set(shown.map((f) => f.rule))].sort() as RuleId[];
  if (rules.length > 0) {
    lines.push('', p.bold('Rules'));
    for (const rule of rules) lines.push(`  ${rule}: ${RULE_HELP[rule].short}`);
  }

  lines.push('');
  lines.push(
    statusPaint(`${STATUS_SYMBOL[report.status]} ${report.status}`) +
      `: ${plural(s.missing, 'missing entry', 'missing entries')}, ${plural(counts.error, 'error')}, ` +
      `${plural(counts.warning, 'warning')}, ${noticesText(report.findings, counts.notice)}`
  );
  return `${lines.join('\n')}\n`;
}
