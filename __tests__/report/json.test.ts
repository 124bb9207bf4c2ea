import type { Finding, Report } from '../../src/model.js';
import { renderJson } from '../../src/report/index.js';
import { hugeReport, realisticReport, unknownCoverageReport } from './fixtures.js';

/** The same object with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v
    )
  ) as T;
}

describe('renderJson', () => {
  it('round-trips the report, indented by two spaces, with a trailing newline', () => {
    const report = realisticReport();
    const json = renderJson(report);
    expect(JSON.parse(json)).toEqual(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "reportVersion": 1,');
  });

  it('writes a block of unknown coverage as "covered": null, neither true nor false (contract §8)', () => {
    const parsed = JSON.parse(renderJson(unknownCoverageReport())) as Report;
    expect(parsed.required.map((r) => r.covered)).toEqual([true, null, null, false]);
    expect(renderJson(unknownCoverageReport())).toContain('"covered": null');
  });

  it('writes keys in the contract order whatever order the objects were built in', () => {
    const report = realisticReport();
    expect(renderJson(reversedKeys(report))).toBe(renderJson(report));
    expect(Object.keys(JSON.parse(renderJson(reversedKeys(report))) as object)).toEqual([
      'reportVersion',
      'status',
      'config',
      'resolve',
      'summary',
      'dataSources',
      'addressLists',
      'required',
      'findings'
    ]);
    const finding = (JSON.parse(renderJson(reversedKeys(report))) as Report).findings[0] as Finding;
    expect(Object.keys(finding)).toEqual([
      'rule',
      'severity',
      'dataSource',
      'module',
      'resourceGroup',
      'entry',
      'uncovered',
      'file',
      'line',
      'column',
      'message'
    ]);
    const via = (JSON.parse(renderJson(reversedKeys(report))) as Report).required[0]?.via[0] as object;
    expect(Object.keys(via)).toEqual(['module', 'resourceGroup', 'origin', 'source']);
  });

  it('omits absent fields, keeps asOf null, and keeps unknown keys after the known ones, sorted', () => {
    const report = realisticReport() as Report & { zeta?: number; alpha?: string };
    report.findings = [{ rule: 'drift', severity: 'warning', message: 'm', module: undefined }];
    report.zeta = 1;
    report.alpha = 'a';
    const parsed = JSON.parse(renderJson(report)) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(-2)).toEqual(['alpha', 'zeta']);
    expect(parsed.findings).toEqual([{ rule: 'drift', severity: 'warning', message: 'm' }]);
    expect(renderJson(report)).toContain('"asOf": null');
  });

  it('keeps the order of the arrays as the report gives them', () => {
    const report = hugeReport(50, 5);
    const parsed = JSON.parse(renderJson(report)) as Report;
    expect(parsed.findings.map((f) => f.entry)).toEqual(report.findings.map((f) => f.entry));
  });
});
