import type { FailOn, Finding, Status } from '../model.js';

/** Rules that mean the check could not be completed: the run is `error` whatever else was found. */
const COULD_NOT_CHECK = new Set(['invalid-config', 'invalid-whitelist', 'unresolved', 'internal-error']);

/** Contract §3: error if the check could not be completed; else fail on errors (or warnings with fail-on: warning). */
export function statusOf(findings: readonly Finding[], failOn: FailOn): Status {
  if (findings.some((f) => COULD_NOT_CHECK.has(f.rule))) return 'error';
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (failOn === 'warning' && findings.some((f) => f.severity === 'warning')) return 'fail';
  return 'pass';
}

/** Whether the step (or the CLI) fails: always on `error`, on `fail` unless fail-on is `never`. */
export function shouldFail(status: Status, failOn: FailOn): boolean {
  return status === 'error' || (status === 'fail' && failOn !== 'never');
}
