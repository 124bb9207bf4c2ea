import type { FailOn, Finding, Status } from '../model.js';

/**
 * Rules whose findings mean the check could not be completed (contract §3, §8, §13): the run is `error` whatever
 * else was found, and these findings lead every output, because they are the root cause of what is unknown.
 * Compared by name so that a rule added to the model later (`internal-error`) needs no change here.
 */
export const COULD_NOT_CHECK_RULES: readonly string[] = [
  'invalid-config',
  'invalid-whitelist',
  'unresolved',
  'internal-error'
];

/** Whether the finding made the check incomplete. */
export function madeCheckIncomplete(finding: Pick<Finding, 'rule'>): boolean {
  return COULD_NOT_CHECK_RULES.includes(finding.rule);
}

/** The findings that made the check incomplete first, each part in its given order (a stable partition). */
export function couldNotCheckFirst<T extends Pick<Finding, 'rule'>>(findings: readonly T[]): T[] {
  return [...findings.filter(madeCheckIncomplete), ...findings.filter((f) => !madeCheckIncomplete(f))];
}

/** Contract §3: error if the check could not be completed; else fail on errors (or warnings with fail-on: warning). */
export function statusOf(findings: readonly Finding[], failOn: FailOn): Status {
  if (findings.some(madeCheckIncomplete)) return 'error';
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (failOn === 'warning' && findings.some((f) => f.severity === 'warning')) return 'fail';
  return 'pass';
}

/** Whether the step (or the CLI) fails: always on `error`, on `fail` unless fail-on is `never`. */
export function shouldFail(status: Status, failOn: FailOn): boolean {
  return status === 'error' || (status === 'fail' && failOn !== 'never');
}
