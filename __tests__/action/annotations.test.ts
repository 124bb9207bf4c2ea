import { planAnnotations } from '../../src/action/annotations.js';
import type { Finding, RuleId, Severity } from '../../src/model.js';

function finding(rule: RuleId, severity: Severity, n: number): Finding {
  return { rule, severity, message: `${rule} ${n}`, dataSource: 'db', file: 'w.txt', line: n, column: 1 };
}
const none = { error: 0, warning: 0, notice: 0 };

describe('planAnnotations', () => {
  it('annotates every finding at its file, line and column when within the limits', () => {
    const plan = planAnnotations([finding('host-bits-set', 'warning', 3)], none, 'See the summary.');
    expect(plan.annotations).toEqual([
      {
        level: 'warning',
        message: 'host-bits-set 3',
        title: 'host-bits-set: db',
        file: 'w.txt',
        startLine: 3,
        startColumn: 1
      }
    ]);
  });

  it('puts the findings that made the check incomplete first, then missing entries, then other errors', () => {
    const findings = [
      ...Array.from({ length: 8 }, (_, i) => finding('expired-waiver', 'error', i)),
      finding('invalid-entry', 'error', 100),
      finding('unresolved', 'error', 101),
      finding('missing-entry', 'error', 102),
      finding('invalid-config', 'error', 103)
    ];
    const plan = planAnnotations(findings, none, 'See the summary.');
    const errors = plan.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.slice(0, 4)).toEqual([
      'invalid-config 103',
      'unresolved 101',
      'missing-entry 102',
      'invalid-entry 100'
    ]);
    expect(errors).toHaveLength(10);
    expect(plan.omitted).toEqual({ error: 2, warning: 0, notice: 0 });
    expect(plan.annotations.at(-1)).toMatchObject({
      level: 'notice',
      message: '2 more findings are not annotated (2 errors): GitHub shows 10 annotations per level. See the summary.'
    });
  });

  it('leaves room for annotations emitted elsewhere and keeps a notice slot for the overflow notice', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('redundant-entry', 'notice', i)),
      ...Array.from({ length: 3 }, (_, i) => finding('missing-entry', 'error', i))
    ];
    const plan = planAnnotations(findings, { error: 9, warning: 0, notice: 0 }, 'x');
    const byLevel = (level: Severity): number => plan.annotations.filter((a) => a.level === level).length;
    expect(byLevel('error')).toBe(1);
    expect(byLevel('notice')).toBe(10);
    expect(plan.omitted).toEqual({ error: 2, warning: 0, notice: 3 });
  });

  it('omits file properties for findings without a file', () => {
    const plan = planAnnotations([{ rule: 'unused-waiver', severity: 'notice', message: 'old' }], none, 'x');
    expect(plan.annotations).toEqual([{ level: 'notice', message: 'old', title: 'unused-waiver' }]);
  });

  it('gives the root cause a slot when ten missing entries follow from an unreadable whitelist', () => {
    const findings = [
      ...Array.from({ length: 10 }, (_, i) => finding('missing-entry', 'error', i)),
      finding('invalid-whitelist', 'error', 50)
    ];
    const plan = planAnnotations(findings, none, 'x');
    expect(plan.annotations[0]?.message).toBe('invalid-whitelist 50');
    expect(plan.omitted.error).toBe(1);
  });

  it('annotates no stale-address-list notice: the reports show the list date instead', () => {
    const stale: Finding = { rule: 'stale-address-list', severity: 'notice', message: 'the bundled list is old' };
    const plan = planAnnotations([stale, finding('redundant-entry', 'notice', 2)], none, 'x');
    expect(plan.annotations.map((a) => a.title)).toEqual(['redundant-entry: db']);
    expect(plan.omitted).toEqual({ error: 0, warning: 0, notice: 0 });
  });
});
