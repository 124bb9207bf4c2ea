/**
 * Verification against DataWorks itself (contract §12), the pure part: which data source and resource group pairs
 * are tested, what the check itself concluded for each pair, and the findings and report rows that follow from
 * DataWorks' answer. No I/O here: `./index.ts` makes the calls.
 */
import type {
  Config,
  ConnectivityReport,
  DataSourceConfig,
  DataWorksRef,
  Finding,
  Located,
  RequiredEntryReport,
  ResourceGroupConfig
} from '../model.js';
import { CONNECT_STATES } from '../model.js';
import { truncate } from '../report/escape.js';

export interface VerifyPair {
  dataSource: DataSourceConfig & { dataworks: DataWorksRef };
  group: ResourceGroupConfig & { id: Located<string> };
}

/**
 * For each data source with a `dataworks` key (config order), each serverless group with an `id` that some access
 * entry of it names (config order of the groups): only these can be tested, as only they have a DataWorks id.
 */
export function verificationPairs(config: Pick<Config, 'dataSources' | 'resourceGroups'>): VerifyPair[] {
  const pairs: VerifyPair[] = [];
  for (const ds of config.dataSources) {
    if (!ds.dataworks) continue;
    const named = new Set(ds.access.flatMap((a) => (a.resourceGroups ?? []).map((r) => r.value)));
    for (const group of config.resourceGroups) {
      if (group.type !== 'serverless' || group.id === undefined || !named.has(group.name)) continue;
      pairs.push({
        dataSource: ds as VerifyPair['dataSource'],
        group: group as VerifyPair['group']
      });
    }
  }
  return pairs;
}

/**
 * Which coverage of a required block the verdict reads: the declared one now. Once deployed whitelists are read
 * (contract §9), the verdict is "the deployed scope when it was read, else the declared one": pass an accessor
 * that says so, nothing else changes.
 */
export type CoverageOf = (required: RequiredEntryReport) => boolean | null;
export const declaredCoverage: CoverageOf = (required) => required.covered;

/** What the check itself concluded for one data source and resource group. */
export type PairVerdict =
  /** Blocks this group needs are not allowed (or the group cannot reach a public source at all). */
  | { kind: 'gap'; blocks: string[]; noPublicEgress: boolean }
  /** Every block this group needs is allowed. */
  | { kind: 'no-gap' }
  /** The check could not tell (a source unread, the group's addresses unresolved, nothing required of it). */
  | { kind: 'unknown' };

/** The parts of a finished check that the verdict reads. */
export interface CheckResult {
  required: readonly RequiredEntryReport[];
  findings: readonly Finding[];
}

const UNKNOWN_RULES: readonly string[] = ['unresolved', 'internal-error', 'invalid-whitelist'];

/**
 * The check's verdict for a pair: a gap when a required block that reaches the data source through this group is
 * not covered (a waived gap is still a gap in the network: a waiver accepts it, DataWorks still cannot connect
 * through it), or when the group has no public egress for a public source; unknown when coverage or the group's
 * addresses are unknown, or nothing was required through the group; otherwise no gap.
 */
export function pairVerdict(
  check: CheckResult,
  dataSource: string,
  group: string,
  coverageOf: CoverageOf = declaredCoverage
): PairVerdict {
  const blocks = check.required.filter(
    (r) => r.dataSource === dataSource && r.via.some((v) => v.resourceGroup === group)
  );
  const missing = blocks.filter((r) => coverageOf(r) === false).map((r) => r.entry);
  const pairFindings = check.findings.filter(
    (f) => f.dataSource === dataSource && (f.resourceGroup === group || f.resourceGroup === undefined)
  );
  const noPublicEgress = pairFindings.some((f) => f.rule === 'no-public-egress' && f.resourceGroup === group);
  if (missing.length > 0 || noPublicEgress) return { kind: 'gap', blocks: missing, noPublicEgress };
  const unknown =
    blocks.length === 0 ||
    blocks.some((r) => coverageOf(r) === null) ||
    pairFindings.some((f) => UNKNOWN_RULES.includes(f.rule));
  return unknown ? { kind: 'unknown' } : { kind: 'no-gap' };
}

/** DataWorks' answer to one test, as `TestDataSourceConnectivity` returns it (already validated). */
export interface ConnectivityAnswer {
  ConnectState: string;
  ConnectMessage?: string;
  DetailLogs: { Code?: string; Message?: string }[];
}

/** Longest text taken from an API answer into a message; the API's own texts are a sentence or two. */
const MAX_API_TEXT = 500;
const MAX_STATE = 64;
/** Blocks named in a message; the `missing-entry` findings list them all. */
const BLOCKS_NAMED = 3;

/** API text on one line, bounded: it goes into findings, annotations and tables. */
export function apiText(value: string | undefined, max = MAX_API_TEXT): string {
  return truncate((value ?? '').replace(/\s+/g, ' ').trim(), max);
}

/** How a data source is named in messages: its config name and the DataWorks data source it stands for. */
export function describeTarget(pair: VerifyPair): string {
  const ref = pair.dataSource.dataworks;
  return `"${pair.dataSource.name}" (DataWorks data source "${apiText(ref.name, 100)}" of workspace ${apiText(ref.workspace, 40)}, ${ref.env})`;
}

function describeGroup(pair: VerifyPair): string {
  return `resource group "${pair.group.name}" (${apiText(pair.group.id.value, 100)})`;
}

/** The step that failed: the last of `DetailLogs`, where DataWorks stopped. */
export function failedStep(answer: ConnectivityAnswer): string | undefined {
  const last = answer.DetailLogs.at(-1);
  if (!last) return undefined;
  const name = apiText(last.Message, 200);
  const code = apiText(last.Code, 100);
  if (name && code) return `${name} (${code})`;
  return name || code || undefined;
}

function namedBlocks(blocks: readonly string[]): string {
  const shown = blocks.slice(0, BLOCKS_NAMED).join(', ');
  return blocks.length > BLOCKS_NAMED ? `${shown} and ${blocks.length - BLOCKS_NAMED} more` : shown;
}

function describeGap(verdict: Extract<PairVerdict, { kind: 'gap' }>): string {
  const parts: string[] = [];
  if (verdict.blocks.length > 0) parts.push(`the whitelist does not allow ${namedBlocks(verdict.blocks)}`);
  if (verdict.noPublicEgress) parts.push('the group has no public egress to reach this public source');
  return parts.join(', and ');
}

function checkFoundGap(verdict: PairVerdict): boolean | null {
  return verdict.kind === 'gap' ? true : verdict.kind === 'no-gap' ? false : null;
}

function at(pair: VerifyPair): Pick<Finding, 'dataSource' | 'file' | 'line' | 'column'> {
  const pos = pair.dataSource.dataworks.pos;
  return { dataSource: pair.dataSource.name, file: pos.file, line: pos.line, column: pos.column };
}

/** The report row and the finding (if any) for a pair DataWorks tested. */
export function judgeAnswer(
  pair: VerifyPair,
  verdict: PairVerdict,
  answer: ConnectivityAnswer
): { row: ConnectivityReport; finding?: Finding } {
  const state = apiText(answer.ConnectState, MAX_STATE);
  const said = apiText(answer.ConnectMessage);
  const step = state === 'Connectable' ? undefined : failedStep(answer);
  const row: ConnectivityReport = {
    dataSource: pair.dataSource.name,
    resourceGroup: pair.group.name,
    resourceGroupId: pair.group.id.value,
    state,
    message: said,
    ...(step !== undefined ? { failedStep: step } : {}),
    checkFoundGap: checkFoundGap(verdict)
  };
  const where = { ...at(pair), resourceGroup: pair.group.name };
  const subject = `${describeTarget(pair)} from ${describeGroup(pair)}`;

  if (state === 'Connectable') {
    if (verdict.kind !== 'gap') return { row };
    return {
      row,
      finding: {
        rule: 'connectivity-disagrees',
        severity: 'notice',
        message:
          `DataWorks connects to ${subject}, although ${describeGap(verdict)}: the deployed whitelist may allow ` +
          "more than the code (changed outside code), or the group's addresses in the config are not the ones it " +
          'connects from (compare them with --resolve online)',
        ...where
      }
    };
  }
  if (state === 'Unreachable' || state === 'ConfigError') {
    const what =
      state === 'Unreachable'
        ? `DataWorks cannot connect to ${subject} (Unreachable)`
        : `DataWorks reaches ${subject} but cannot use it (ConfigError)`;
    const detail = [said ? `: ${said}` : '', step ? `; failed step: ${step}` : ''].join('');
    const cause =
      verdict.kind === 'no-gap'
        ? ". The check found no whitelist gap for this pair, so the whitelist is not the cause: look at the security group, the route from the group's vSwitch, and the data source's address and credentials"
        : verdict.kind === 'gap'
          ? `. The check found a gap for this pair (${describeGap(verdict)}): fix the missing entries first`
          : '. Whether the whitelist allows this group is unknown (see the findings that made the check incomplete)';
    return { row, finding: { rule: 'unreachable', severity: 'error', message: `${what}${detail}${cause}`, ...where } };
  }
  if (state === 'Unsupport') return { row };
  return {
    row,
    finding: {
      rule: 'verify-failed',
      severity: 'warning',
      message: `DataWorks answered the connectivity test of ${subject} with an unknown state "${state}" (expected one of ${CONNECT_STATES.join(', ')}): nothing was verified`,
      ...where
    }
  };
}

/** The report row and the finding for a pair whose test could not be run. */
export function notTested(
  pair: VerifyPair,
  verdict: PairVerdict,
  reason: string
): { row: ConnectivityReport; finding: Finding } {
  return {
    row: {
      dataSource: pair.dataSource.name,
      resourceGroup: pair.group.name,
      resourceGroupId: pair.group.id.value,
      state: null,
      message: apiText(reason, 1_000),
      checkFoundGap: checkFoundGap(verdict)
    },
    finding: {
      rule: 'verify-failed',
      severity: 'warning',
      message: `the connectivity test of ${describeTarget(pair)} from ${describeGroup(pair)} could not be run: ${apiText(reason, 1_000)}`,
      ...at(pair),
      resourceGroup: pair.group.name
    }
  };
}

/**
 * The report rows and one finding when nothing could be tested for a data source (its DataWorks data source could
 * not be found or listed, or no session could be opened): one cause, one warning, a row per pair.
 */
export function dataSourceNotTested(
  pairs: readonly VerifyPair[],
  verdictOf: (pair: VerifyPair) => PairVerdict,
  reason: string
): { rows: ConnectivityReport[]; finding: Finding } | undefined {
  const first = pairs[0];
  if (!first) return undefined;
  const rows = pairs.map((pair) => notTested(pair, verdictOf(pair), reason).row);
  const groups = pairs.map((p) => `"${p.group.name}"`).join(', ');
  return {
    rows,
    finding: {
      rule: 'verify-failed',
      severity: 'warning',
      message: `the connectivity test of ${describeTarget(first)} could not be run (resource groups ${groups}): ${apiText(reason, 1_000)}`,
      ...at(first)
    }
  };
}
