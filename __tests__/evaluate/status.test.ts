import { shouldFail, statusOf } from '../../src/evaluate/status.js';
import type { FailOn, Finding, RuleId, Severity } from '../../src/model.js';

const f = (rule: RuleId, severity: Severity): Finding => ({ rule, severity, message: rule });

describe('statusOf (contract §3)', () => {
  it.each<[string, Finding[], FailOn, string]>([
    ['nothing', [], 'error', 'pass'],
    ['only notices', [f('redundant-entry', 'notice'), f('waived', 'notice')], 'warning', 'pass'],
    ['a warning with fail-on error', [f('drift', 'warning')], 'error', 'pass'],
    ['a warning with fail-on warning', [f('drift', 'warning')], 'warning', 'fail'],
    ['a missing entry', [f('missing-entry', 'error')], 'error', 'fail'],
    ['a missing entry with fail-on never', [f('missing-entry', 'error')], 'never', 'fail'],
    ['unresolved beats fail', [f('missing-entry', 'error'), f('unresolved', 'error')], 'error', 'error'],
    ['invalid-config', [f('invalid-config', 'error')], 'never', 'error'],
    ['invalid-whitelist', [f('invalid-whitelist', 'error')], 'error', 'error']
  ])('%s', (_name, findings, failOn, status) => {
    expect(statusOf(findings, failOn)).toBe(status);
  });

  it('fails the step on error always, on fail unless never', () => {
    expect(shouldFail('error', 'never')).toBe(true);
    expect(shouldFail('fail', 'never')).toBe(false);
    expect(shouldFail('fail', 'error')).toBe(true);
    expect(shouldFail('pass', 'warning')).toBe(false);
  });
});
