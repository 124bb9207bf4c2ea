/**
 * The Markdown report: the body of the sticky PR comment, the audit issue and the job summary. A headline with
 * the status and counts, a table per data source of what to add and where, the other findings, the notices
 * (collapsed), the address lists used. Everything from the repository goes through `escapeMarkdown`.
 *
 * GitHub rejects a comment over 65,536 characters, so with `maxChars` whole sections are dropped, least important
 * first (a section that no longer fits whole keeps as many rows as fit), and a line says what was left out and
 * where the full report is.
 */
import { madeCheckIncomplete } from '../evaluate/status.js';
import type { Finding, Report, RuleId, Status } from '../model.js';
import {
  ViaIndex,
  checkVerdictLabel,
  dataWorksSaysLabel,
  formatCount,
  groupByDataSource,
  isStaleList,
  listedAsFinding,
  noticesText,
  pasteLines,
  plural,
  sideMarkers,
  SIDE_MARK,
  STATUS_LABEL,
  whereOf,
  type DataSourceGroup
} from './common.js';
import { escapeMarkdown, truncate } from './escape.js';
import { RULE_HELP } from './rules.js';

export interface MarkdownOptions {
  /** The body never exceeds this many characters (UTF-16 code units, as GitHub counts). */
  maxChars?: number;
  /** Plain text, escaped (it may name the config path). Default: "DataWorks whitelist check". */
  title?: string;
  /** Markdown from the caller, appended as is (never repository text). */
  footer?: string;
  /** The commit checked. */
  sha?: string;
  /** Where the full JSON report is, named when sections are left out. */
  reportPath?: string;
}

export const DEFAULT_TITLE = 'DataWorks whitelist check';

const STATUS_ICON: Record<Status, string> = { pass: '✅', fail: '❌', error: '⚠️' };
const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const;

/** DataWorks' connectivity states at a glance; a test that did not run (or an unknown state) shows ❔. */
const CONNECT_ICON: Record<string, string> = {
  Connectable: '✅',
  Unreachable: '❌',
  ConfigError: '❌',
  Unsupport: '➖'
};

function connectIcon(state: string | null): string {
  // An own key only: a state named like a prototype member ("constructor") is an unknown state.
  return state !== null && Object.hasOwn(CONNECT_ICON, state) ? (CONNECT_ICON[state] as string) : '❔';
}

/** Longest repository text shown in one cell; the JSON report keeps it whole. */
const MAX_CELL = 300;
const MAX_MESSAGE = 500;
const MAX_CHAINS = 3;

const SECTION_GAP = '\n\n';

/** A block of the body: a heading and table header, rows that may be cut, and a closing part. */
interface Section {
  /** Position in the body. */
  order: number;
  /** Lower is kept first when the body must be cut. */
  priority: number;
  head: string;
  rows: string[];
  tail: string;
  /** Whether each row is one finding (counted in the "not shown" line when left out). */
  rowsAreFindings: boolean;
  /** How a cut table says how many rows it lost. */
  more: (n: number) => string;
}

/** Repository text for a table cell or a heading: shortened, then escaped. */
function text(value: string, max = MAX_CELL): string {
  return escapeMarkdown(truncate(value, max));
}

function code(value: string, max = MAX_CELL): string {
  return `<code>${text(value, max)}</code>`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableHead(columns: readonly string[]): string {
  return `${row(columns)}\n${row(columns.map(() => '---'))}`;
}

function shaText(sha: string): string {
  // A bare commit SHA is linked by GitHub; anything else is shown literally.
  return /^[0-9a-f]{7,40}$/i.test(sha) ? sha : code(sha, 64);
}

function whereCell(f: Finding): string {
  const where = whereOf(f);
  return where ? code(where) : '—';
}

function chainsCell(chains: readonly string[]): string {
  if (chains.length === 0) return '—';
  const shown = chains.slice(0, MAX_CHAINS).map((c) => text(c));
  if (chains.length > MAX_CHAINS) shown.push(`and ${formatCount(chains.length - MAX_CHAINS)} more`);
  return shown.join('<br>');
}

function headline(report: Report, opts: MarkdownOptions): string {
  const s = report.summary;
  const title = text(opts.title ?? DEFAULT_TITLE, 200);
  const lines = [`### ${STATUS_ICON[report.status]} ${title}: ${STATUS_LABEL[report.status]}`, ''];
  const affected = new Set(report.findings.filter((f) => f.rule === 'missing-entry').map((f) => f.dataSource)).size;
  const first =
    s.missing > 0
      ? `**${plural(s.missing, 'missing entry', 'missing entries')}** in ${formatCount(affected)} of ${plural(s.dataSources, 'data source')}`
      : report.status === 'error'
        ? `**The check could not be completed**: ${plural(s.dataSources, 'data source')}`
        : `**Every required block is allowed** in ${plural(s.dataSources, 'data source')}`;
  const unknown = report.required.filter((r) => r.covered === null).length;
  lines.push(
    `${first} · ${plural(s.required, 'required block')}${unknown > 0 ? ` (${formatCount(unknown)} unknown)` : ''} · ` +
      `${plural(s.errors, 'error')} · ` +
      `${plural(s.warnings, 'warning')} · ${noticesText(report.findings, s.notices)}`
  );
  if (report.baseline) lines.push('', baselineLine(report));
  const context = [`Config ${code(report.config)}`, `resolved ${report.resolve}`];
  if (opts.sha) context.push(`commit ${shaText(opts.sha)}`);
  lines.push('', context.join(' · '));
  return lines.join('\n');
}

function missingRow(f: Finding, vias: ViaIndex, instance?: string): string {
  const uncovered = f.uncovered ?? [];
  const whole = uncovered.length === 0 || (uncovered.length === 1 && uncovered[0] === f.entry);
  // A miss of the deployed whitelist is added on the instance, not in a file: the cell says so.
  const where =
    f.scope === 'deployed'
      ? `cloud: instance ${instance !== undefined ? code(instance) : '—'} (${whereCell(f)})`
      : whereCell(f);
  return row([
    f.entry !== undefined ? code(f.entry) : text(f.message, MAX_MESSAGE),
    whole ? 'whole block' : code(uncovered.join(', ')),
    where,
    chainsCell(vias.chainsOf(f))
  ]);
}

/** One row per data source that names an instance: its files and its deployed whitelist side by side (§9). */
function sidesSection(report: Report, order: number): Section | undefined {
  const rows: string[] = [];
  for (const d of report.dataSources) {
    const m = sideMarkers(report, d.name);
    if (!m || d.instance === undefined) continue;
    rows.push(
      row([
        text(d.name),
        code(d.instance),
        SIDE_MARK[m.code],
        SIDE_MARK[m.cloud],
        m.drift > 0 ? formatCount(m.drift) : '—'
      ])
    );
  }
  if (rows.length === 0) return undefined;
  return {
    order,
    priority: 5,
    head:
      '#### Code and cloud\n\n' +
      '_Code: the whitelist files; cloud: the whitelist deployed on the instance. ✓ every required block allowed, ' +
      '✗ some missing, ? unknown, — none kept there._\n\n' +
      tableHead(['Data source', 'Instance', 'Code', 'Cloud', 'Differences']),
    rows,
    tail: '',
    rowsAreFindings: false,
    more: (n) => `_…and ${plural(n, 'more data source')}, not shown._`
  };
}

function findingRow(f: Finding, withSeverity: boolean): string {
  const subject = f.raw ?? f.entry;
  const details =
    subject !== undefined ? `${code(subject)} ${text(f.message, MAX_MESSAGE)}` : text(f.message, MAX_MESSAGE);
  const cells = [f.rule, f.dataSource !== undefined ? text(f.dataSource) : '—', whereCell(f), details];
  return row(withSeverity ? [SEVERITY_ICON[f.severity as 'error' | 'warning'], ...cells] : cells);
}

/** Paste-ready blocks after a data source's table: per whitelist file, everything to add in one copyable line. */
function pasteTail(g: DataSourceGroup, report: Report): string {
  const product = report.dataSources.find((d) => d.name === g.name)?.product;
  return pasteLines(g.missing, product)
    .map((paste) =>
      // The entries are canonical CIDRs the tool computed; anything else would be shown escaped, outside the fence.
      /^[0-9a-fA-F:./, ]*$/.test(paste.text)
        ? `\n\nAdd to ${code(paste.file)}:\n\n\`\`\`text\n${paste.text}\n\`\`\``
        : `\n\nAdd to ${code(paste.file)}: ${code(paste.text)}`
    )
    .join('');
}

/** Which data sources have blocks of unknown coverage, and how many: said under the could-not-check findings. */
function unknownNote(groups: readonly DataSourceGroup[]): string {
  const withUnknown = groups.filter((g) => g.unknown.length > 0);
  if (withUnknown.length === 0) return '';
  const total = withUnknown.reduce((n, g) => n + g.unknown.length, 0);
  const which = withUnknown.map((g) => `${text(g.name)} (${formatCount(g.unknown.length)})`).join(', ');
  return (
    `\n\n_Coverage of ${plural(total, 'required block')} is unknown until these are fixed: ${which}. ` +
    'They are not counted as missing._'
  );
}

/** With a baseline: how many findings the change introduced, left and fixed, against which base. */
function baselineLine(report: Report): string {
  const base = report.baseline!;
  const fresh = report.findings.filter((f) => f.baseline !== 'unchanged' && f.severity !== 'notice').length;
  const present = report.findings.filter((f) => f.baseline === 'unchanged' && f.severity !== 'notice').length;
  const fixed = (report.resolvedFindings ?? []).filter((f) => f.severity !== 'notice').length;
  const against = base.read
    ? `compared with ${shaText(base.commit ?? base.ref)}`
    : `the base ${code(base.ref, 100)} could not be read, so every finding counts as new`;
  return (
    `**${formatCount(fresh)} introduced by this pull request** · ${formatCount(present)} already present · ` +
    `${formatCount(fixed)} fixed by this pull request (errors and warnings; ${against})` +
    (base.onlyNew ? ' · only new findings fail the check' : '')
  );
}

/**
 * Contract §11: new findings lead (with whatever made the check incomplete, which always leads), then the findings
 * already present at the base, collapsed, then those this change fixed.
 */
function baselineSections(report: Report): Section[] {
  const fresh = {
    ...report,
    findings: report.findings.filter((f) => f.baseline !== 'unchanged' || madeCheckIncomplete(f))
  };
  const present = report.findings.filter(
    (f) => f.baseline === 'unchanged' && !madeCheckIncomplete(f) && listedAsFinding(f)
  );
  const fixed = (report.resolvedFindings ?? []).filter(listedAsFinding);
  const sections: Section[] = [
    {
      order: 0,
      priority: 0,
      head: '#### Introduced by this pull request',
      rows: [],
      tail: fresh.findings.some(listedAsFinding) ? '' : '\n_Nothing: this change adds no finding._',
      rowsAreFindings: false,
      more: () => ''
    }
  ];
  for (const s of sectionsOf(fresh)) sections.push({ ...s, order: s.order + 1 });
  const columns = tableHead(['', 'Rule', 'Data source', 'Where', 'Details']);
  if (present.length > 0) {
    sections.push({
      order: 1000,
      priority: 250,
      head: `<details><summary>Already present: ${plural(present.length, 'finding')} the base commit had too</summary>\n\n${columns}`,
      rows: present.map((f) => findingRow(f, true)),
      tail: '\n\n</details>',
      rowsAreFindings: true,
      more: (n) => `_…and ${plural(n, 'more finding')}, not shown._`
    });
  }
  if (fixed.length > 0) {
    sections.push({
      order: 1001,
      priority: 150,
      head: `#### Fixed by this pull request\n\n${tableHead(['', 'Rule', 'Data source', 'Where it was', 'Details'])}`,
      rows: fixed.map((f) => findingRow(f, true)),
      tail: '',
      rowsAreFindings: true,
      more: (n) => `_…and ${plural(n, 'more fixed finding')}, not shown._`
    });
  }
  return sections;
}

function sectionsOf(report: Report): Section[] {
  const vias = new ViaIndex(report);
  const { couldNotCheck, groups } = groupByDataSource(report);
  const sections: Section[] = [];
  let order = 0;

  // Contract §8: what made the check incomplete leads; it is why coverage is unknown, and is never cut first.
  if (couldNotCheck.length > 0) {
    sections.push({
      order: order++,
      priority: 0,
      head: `#### Could not check\n\n${tableHead(['', 'Rule', 'Data source', 'Where', 'Details'])}`,
      rows: couldNotCheck.map((f) => findingRow(f, true)),
      tail: unknownNote(groups),
      rowsAreFindings: true,
      more: (n) => `_…and ${plural(n, 'more finding')}, not shown._`
    });
  }

  const sides = sidesSection(report, order);
  if (sides) {
    sections.push(sides);
    order++;
  }

  for (const g of groups) {
    if (g.missing.length === 0) continue;
    const instance = report.dataSources.find((d) => d.name === g.name)?.instance;
    sections.push({
      order: order++,
      priority: 10 + sections.length,
      head: `#### ${text(g.name)} · ${formatCount(g.missing.length)} missing\n\n${tableHead(['Entry to add', 'Uncovered part', 'Where', 'Why (module → resource group → source)'])}`,
      rows: g.missing.map((f) => missingRow(f, vias, instance)),
      tail: pasteTail(g, report),
      rowsAreFindings: true,
      more: (n) => `_…and ${plural(n, 'more missing entry', 'more missing entries')} of this data source, not shown._`
    });
  }

  if (report.connectivity !== undefined && report.connectivity.length > 0) {
    sections.push({
      order: order++,
      // After the missing entries, before the other findings: it says whether the check's verdict holds.
      priority: 50,
      head: `#### DataWorks connectivity test\n\n${tableHead(['Data source', 'Resource group', 'Check', 'DataWorks says'])}`,
      rows: report.connectivity.map((c) =>
        row([
          text(c.dataSource),
          `${text(c.resourceGroup)} (${code(c.resourceGroupId, 100)})`,
          checkVerdictLabel(c),
          `${connectIcon(c.state)} ${text(dataWorksSaysLabel(c), MAX_MESSAGE)}`
        ])
      ),
      tail: '',
      rowsAreFindings: false,
      more: (n) => `_…and ${plural(n, 'more tested pair')}, not shown._`
    });
  }

  const all = report.findings.filter(
    (f) => listedAsFinding(f) && !madeCheckIncomplete(f) && (f.rule !== 'missing-entry' || f.dataSource === undefined)
  );
  const errors = all.filter((f) => f.severity === 'error');
  const warnings = all.filter((f) => f.severity === 'warning');
  const notices = all.filter((f) => f.severity === 'notice');
  const others = [...errors, ...warnings];
  if (others.length > 0) {
    sections.push({
      order: order++,
      priority: 100,
      head: `#### Other findings\n\n${tableHead(['', 'Rule', 'Data source', 'Where', 'Details'])}`,
      rows: others.map((f) => findingRow(f, true)),
      tail: '',
      rowsAreFindings: true,
      more: (n) => `_…and ${plural(n, 'more finding')}, not shown._`
    });
  }

  if (notices.length > 0) {
    sections.push({
      order: order++,
      priority: 300,
      head: `<details><summary>${SEVERITY_ICON.notice} ${plural(notices.length, 'notice')}</summary>\n\n${tableHead(['Rule', 'Data source', 'Where', 'Details'])}`,
      rows: notices.map((f) => findingRow(f, false)),
      tail: '\n\n</details>',
      rowsAreFindings: true,
      more: (n) => `_…and ${plural(n, 'more notice')}, not shown._`
    });
  }

  if (report.addressLists.length > 0) {
    const staleCount = report.addressLists.filter((l) => isStaleList(l)).length;
    sections.push({
      order: order++,
      priority: 200,
      head:
        `<details><summary>Address lists used (${formatCount(report.addressLists.length)}` +
        `${staleCount > 0 ? `, ${formatCount(staleCount)} stale` : ''})</summary>\n\n` +
        tableHead(['List', 'Region', 'Origin', 'As of', 'Source']),
      rows: report.addressLists.map((l) =>
        row([
          l.list,
          text(l.region),
          l.origin,
          `${l.asOf === null ? 'undated' : text(l.asOf)}${isStaleList(l) ? ' ⚠️ stale' : ''}`,
          sourceCell(l.source)
        ])
      ),
      tail: '\n\n</details>',
      rowsAreFindings: false,
      more: (n) => `_…and ${plural(n, 'more list')}, not shown._`
    });
  }

  const rules = [...new Set(report.findings.filter(listedAsFinding).map((f) => f.rule))].sort() as RuleId[];
  if (rules.length > 0) {
    sections.push({
      order: order++,
      priority: 400,
      head: '<details><summary>What the rules mean</summary>\n',
      rows: rules.map((rule) => `- **${rule}**: ${RULE_HELP[rule].short} ${RULE_HELP[rule].help}`),
      tail: '\n\n</details>',
      rowsAreFindings: false,
      more: (n) => `_…and ${plural(n, 'more rule')}._`
    });
  }
  return sections;
}

/** A plain https URL becomes a link; anything else (a config path, say) is shown literally. */
function sourceCell(source: string): string {
  return /^https:\/\/[A-Za-z0-9.-]+(\/[A-Za-z0-9\-._~/%?=&+]*)?$/.test(source) && source.length <= MAX_CELL
    ? `<${source}>`
    : text(source);
}

function wholeText(s: Section): string {
  return `${s.head}\n${s.rows.join('\n')}${s.tail}`;
}

/** The section with as many rows as fit in `room` characters, or undefined when not even one does. */
function partialText(s: Section, room: number): { text: string; shown: number } | undefined {
  const fixed = s.head.length + 1 + SECTION_GAP.length + s.more(s.rows.length).length + s.tail.length;
  let used = fixed;
  let shown = 0;
  while (shown < s.rows.length) {
    const add = (s.rows[shown] as string).length + (shown > 0 ? 1 : 0);
    if (used + add > room) break;
    used += add;
    shown++;
  }
  if (shown === 0) return undefined;
  const body = `${s.head}\n${s.rows.slice(0, shown).join('\n')}${SECTION_GAP}${s.more(s.rows.length - shown)}${s.tail}`;
  return { text: body, shown };
}

function cutNote(sectionsLeft: number, sectionsCut: number, findingsLeft: number, reportPath?: string): string {
  const parts: string[] = [];
  if (sectionsLeft > 0) parts.push(`${plural(sectionsLeft, 'section')} left out`);
  if (sectionsCut > 0) parts.push(`${plural(sectionsCut, 'section')} cut short`);
  const findings = findingsLeft > 0 ? `, ${plural(findingsLeft, 'finding')} not shown` : '';
  const where = reportPath ? ` (${code(reportPath, 1000)})` : '';
  return (
    `> **This report is cut to fit:** ${parts.join(' and ')}${findings}. ` +
    `See the job summary or the full JSON report${where} for everything.`
  );
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const head = headline(report, opts);
  const footer = opts.footer ? `${SECTION_GAP}${opts.footer}` : '';
  const sections = report.baseline ? baselineSections(report) : sectionsOf(report);
  const limit = opts.maxChars ?? Number.POSITIVE_INFINITY;
  const full = `${[head, ...sections.map(wholeText)].join(SECTION_GAP)}${footer}\n`;
  if (full.length <= limit) return full;

  const kept = new Map<Section, string>();

  const totalFindings = sections.reduce((n, s) => n + (s.rowsAreFindings ? s.rows.length : 0), 0);
  const noteRoom =
    SECTION_GAP.length + cutNote(sections.length, sections.length, totalFindings, opts.reportPath).length;
  let room = limit - head.length - footer.length - 1 - noteRoom;

  let sectionsLeft = 0;
  let sectionsCut = 0;
  let findingsLeft = 0;
  let stopped = false;
  for (const s of [...sections].sort((a, b) => a.priority - b.priority || a.order - b.order)) {
    const count = s.rowsAreFindings ? s.rows.length : 0;
    if (!stopped) {
      const whole = wholeText(s);
      if (SECTION_GAP.length + whole.length <= room) {
        kept.set(s, whole);
        room -= SECTION_GAP.length + whole.length;
        continue;
      }
      // Everything below this section's priority is left out, so no less important part shows while it is cut.
      stopped = true;
      const partial = partialText(s, room - SECTION_GAP.length);
      if (partial) {
        kept.set(s, partial.text);
        sectionsCut++;
        if (s.rowsAreFindings) findingsLeft += s.rows.length - partial.shown;
        continue;
      }
    }
    sectionsLeft++;
    findingsLeft += count;
  }

  const parts = [head, ...sections.filter((s) => kept.has(s)).map((s) => kept.get(s) as string)];
  if (sectionsLeft > 0 || sectionsCut > 0)
    parts.push(cutNote(sectionsLeft, sectionsCut, findingsLeft, opts.reportPath));
  const body = `${parts.join(SECTION_GAP)}${footer}\n`;
  // Only when even the headline and footer do not fit (a tiny limit): still never over it.
  return body.length <= limit
    ? body
    : `${truncate(head.split('\n')[0] as string, Math.max(0, limit - 1))}\n`.slice(0, limit);
}

/** The short body that replaces a PR comment once a run is clean. */
export function renderResolvedMarkdown(opts: { title?: string; sha?: string } = {}): string {
  const title = text(opts.title ?? DEFAULT_TITLE, 200);
  const at = opts.sha ? ` as of commit ${shaText(opts.sha)}` : '';
  return (
    `### ✅ ${title}: resolved\n\n` +
    `Every required whitelist entry is allowed and no errors or warnings remain${at}.\n`
  );
}
