/**
 * Findings as workflow annotations on the files and lines they concern. GitHub shows at most 10 error and 10
 * warning annotations per step, so the most important findings go first, and one notice says how many more are
 * only in the job summary.
 */
import type { Finding, Severity } from '../model.js';

/** Annotations GitHub displays per step and level. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

/**
 * What a fix needs first: the findings that made the check incomplete (contract §8: the root cause of whatever is
 * unknown, so they must never lose their slot to consequences), then gaps, then bad input, then the rest in
 * contract order. Compared by rule name, so rules added to the model later sort by this list too.
 */
const RULE_PRIORITY: readonly string[] = [
  'invalid-config',
  'invalid-whitelist',
  'unresolved',
  'internal-error',
  'missing-entry',
  'invalid-entry',
  'unsupported-entry',
  'no-public-egress',
  'too-many-entries',
  'expired-waiver',
  'overly-broad-entry',
  'allow-all-whitelist',
  'drift',
  'host-bits-set',
  'redundant-entry',
  'waived',
  'unused-waiver'
];

/**
 * Rules never annotated: the bundled list's age is not a problem of any line of the pull request; the reports
 * show each list's date in their address-list section instead (contract §8), and the JSON report keeps the notice.
 */
const NOT_ANNOTATED: readonly string[] = ['stale-address-list'];

export interface Annotation {
  level: Severity;
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** Annotations already emitted (or about to be, like `setFailed`'s error) that count against the limits. */
export type AnnotationBudgetUse = Record<Severity, number>;

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings not annotated because of the limits. */
  omitted: Record<Severity, number>;
}

/**
 * Contract §11: what made the check incomplete keeps the first slots (§8), then what the change introduces; the
 * findings the base commit had too take the slots left.
 */
function baselineRank(finding: Finding): number {
  if (priority(finding.rule) < RULE_PRIORITY.indexOf('missing-entry')) return 0;
  return finding.baseline === 'unchanged' ? 2 : 1;
}

function priority(rule: string): number {
  const index = RULE_PRIORITY.indexOf(rule);
  return index < 0 ? RULE_PRIORITY.length : index;
}

function toAnnotation(finding: Finding): Annotation {
  const title = finding.dataSource ? `${finding.rule}: ${finding.dataSource}` : finding.rule;
  return {
    level: finding.severity,
    message: finding.message,
    title,
    ...(finding.file ? { file: finding.file } : {}),
    ...(finding.file && finding.line ? { startLine: finding.line } : {}),
    ...(finding.file && finding.line && finding.column ? { startColumn: finding.column } : {})
  };
}

/**
 * Picks the annotations to emit, most important first, within what GitHub shows. `used` counts annotations of
 * each level emitted elsewhere in the step. When findings are left out, the last annotation is a notice that
 * says how many and where they are (so one notice slot is kept for it).
 */
export function planAnnotations(
  findings: readonly Finding[],
  used: AnnotationBudgetUse,
  summaryHint: string
): AnnotationPlan {
  const ordered = findings
    .filter((finding) => !NOT_ANNOTATED.includes(finding.rule))
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        baselineRank(a.finding) - baselineRank(b.finding) ||
        priority(a.finding.rule) - priority(b.finding.rule) ||
        a.index - b.index
    )
    .map(({ finding }) => finding);

  const total: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of ordered) total[finding.severity]++;
  const room = (level: Severity): number => Math.max(0, ANNOTATIONS_SHOWN_PER_LEVEL - used[level]);
  const overflows = (['error', 'warning', 'notice'] as const).some((level) => total[level] > room(level));
  const capacity: Record<Severity, number> = {
    error: room('error'),
    warning: room('warning'),
    notice: Math.max(0, room('notice') - (overflows ? 1 : 0))
  };

  const annotations: Annotation[] = [];
  const omitted: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const emitted: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of ordered) {
    if (emitted[finding.severity] < capacity[finding.severity]) {
      annotations.push(toAnnotation(finding));
      emitted[finding.severity]++;
    } else {
      omitted[finding.severity]++;
    }
  }
  const omittedTotal = omitted.error + omitted.warning + omitted.notice;
  if (omittedTotal > 0) {
    const parts = (['error', 'warning', 'notice'] as const)
      .filter((level) => omitted[level] > 0)
      .map((level) => `${omitted[level]} ${level}${omitted[level] === 1 ? '' : 's'}`);
    annotations.push({
      level: 'notice',
      title: 'More findings',
      message: `${omittedTotal} more finding${omittedTotal === 1 ? ' is' : 's are'} not annotated (${parts.join(', ')}): GitHub shows ${ANNOTATIONS_SHOWN_PER_LEVEL} annotations per level. ${summaryHint}`
    });
  }
  return { annotations, omitted };
}
