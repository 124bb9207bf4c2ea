import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { Finding } from '../../src/model.js';
import { RULES } from '../../src/model.js';
import { FINGERPRINT_KEY, RULE_HELP, RULE_SEVERITY, renderSarif } from '../../src/report/index.js';
import { CONFIG, errorReport, hostileReport, hugeReport, passingReport, realisticReport } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(path.join(process.cwd(), '__tests__/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')
) as object;

// ajv-formats is not installed: the formats the schema uses are checked here with the URL parser instead.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///repo/') && !/[\s\\]/.test(s));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(schema);

const OPTS = { toolVersion: '1.2.3', configPath: CONFIG, informationUri: 'https://github.com/example/guard' };

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('renderSarif', () => {
  it.each([
    ['a failing run', realisticReport()],
    ['a clean run', passingReport()],
    ['a run that could not check', errorReport()],
    ['hostile names', hostileReport()],
    ['10,000 findings', hugeReport(10_000, 25)]
  ])('is valid SARIF 2.1.0 for %s', (_name, report) => {
    expectValid(renderSarif(report, OPTS));
  });

  it('rejects what the schema forbids, so the validation can fail', () => {
    const log = renderSarif(realisticReport(), OPTS) as unknown as { runs: { results: { level: string }[] }[] };
    (log.runs[0]?.results[0] as { level: string }).level = 'notice';
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and every rule, with help text and the default level of its severity', () => {
    const driver = renderSarif(realisticReport(), OPTS).runs[0]?.tool.driver;
    expect(driver?.name).toBe('dataworks-whitelist-guard');
    expect(driver?.version).toBe('1.2.3');
    expect(driver?.informationUri).toBe('https://github.com/example/guard');
    expect(driver?.rules?.map((r) => r.id)).toEqual([...RULES]);
    const missing = driver?.rules?.[0];
    expect(missing?.shortDescription?.text).toBe(RULE_HELP['missing-entry'].short);
    expect(missing?.help?.text).toBe(RULE_HELP['missing-entry'].help);
    expect(missing?.help?.markdown).toContain('**missing-entry**');
    const levels = Object.fromEntries(driver?.rules?.map((r) => [r.id, r.defaultConfiguration?.level]) ?? []);
    expect(levels['missing-entry']).toBe('error');
    expect(levels['drift']).toBe('warning');
    expect(levels['waived']).toBe('note');
    for (const id of RULES) expect(['error', 'warning', 'notice']).toContain(RULE_SEVERITY[id]);
  });

  it('puts each result at its file, line and column, with its rule and level', () => {
    const results = renderSarif(realisticReport(), OPTS).runs[0]?.results ?? [];
    // The stale-address-list notice is not an alert (contract §8); every other finding is a result.
    expect(results).toHaveLength(realisticReport().findings.length - 1);
    const first = results[0];
    expect(first?.ruleId).toBe('missing-entry');
    expect(first?.ruleIndex).toBe(RULES.indexOf('missing-entry'));
    expect(first?.level).toBe('error');
    expect(first?.message.text).toContain('203.0.113.9/32 is not allowed');
    expect(first?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('infra/rds.tf');
    expect(first?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 12, startColumn: 3 });
    expect(first?.properties).toMatchObject({ dataSource: 'orders-rds', uncovered: ['203.0.113.9/32'] });
    expect(results.find((r) => r.ruleId === 'redundant-entry')?.level).toBe('note');
  });

  it('reports a finding without a file at the first line of the config', () => {
    const report = realisticReport();
    report.findings.push({ rule: 'unused-waiver', severity: 'notice', message: 'the waiver matched nothing' });
    const results = renderSarif(report, OPTS).runs[0]?.results ?? [];
    const unused = results.find((r) => r.ruleId === 'unused-waiver');
    expect(unused?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: CONFIG, uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 }
    });
  });

  it('leaves out the stale-address-list notice, which the reports show as the list date', () => {
    const results = renderSarif(realisticReport(), OPTS).runs[0]?.results ?? [];
    expect(realisticReport().findings.some((f) => f.rule === 'stale-address-list')).toBe(true);
    expect(results.some((r) => r.ruleId === 'stale-address-list')).toBe(false);
  });

  it('lists the findings that made the check incomplete first', () => {
    const report = realisticReport();
    report.findings.push(
      { rule: 'unresolved', severity: 'error', message: 'var.ips has no value', file: 'infra/rds.tf', line: 3 },
      { rule: 'invalid-whitelist', severity: 'error', message: 'no such file', file: CONFIG, line: 20 }
    );
    const results = renderSarif(report, OPTS).runs[0]?.results ?? [];
    expect(results.slice(0, 3).map((r) => r.ruleId)).toEqual(['unresolved', 'invalid-whitelist', 'missing-entry']);
  });

  it('percent-encodes paths into URI references', () => {
    const report = realisticReport();
    (report.findings[0] as Finding).file = 'infra/my rds#1.tf';
    const uri = renderSarif(report, OPTS).runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation
      ?.uri;
    expect(uri).toBe('infra/my%20rds%231.tf');
  });

  describe('partial fingerprints', () => {
    const fingerprint = (findings: Finding[]): string[] => {
      const report = realisticReport();
      report.findings = findings;
      return (renderSarif(report, OPTS).runs[0]?.results ?? []).map(
        (r) => r.partialFingerprints?.[FINGERPRINT_KEY] as string
      );
    };
    const base = realisticReport().findings[0] as Finding;

    it('stay the same when the finding moves to another line or its message changes', () => {
      const [a] = fingerprint([base]);
      const [b] = fingerprint([{ ...base, line: 99, column: 7, message: 'reworded' }]);
      expect(a).toMatch(/^[0-9a-f]{64}$/);
      expect(b).toBe(a);
    });

    it('differ by rule, data source, entry and file', () => {
      const prints = fingerprint([
        base,
        { ...base, rule: 'unsupported-entry' },
        { ...base, dataSource: 'lake-mc' },
        { ...base, entry: '203.0.113.10/32' },
        { ...base, file: 'infra/other.tf' }
      ]);
      expect(new Set(prints).size).toBe(5);
    });

    it('tell apart findings that are otherwise alike, in report order', () => {
      const alike: Finding = { rule: 'invalid-config', severity: 'error', message: 'x', file: CONFIG, line: 3 };
      const prints = fingerprint([alike, { ...alike, line: 9 }]);
      expect(prints[0]).not.toBe(prints[1]);
      expect(fingerprint([alike])[0]).toBe(prints[0]);
    });
  });

  it('renders the same report identically', () => {
    expect(JSON.stringify(renderSarif(realisticReport(), OPTS))).toBe(
      JSON.stringify(renderSarif(realisticReport(), OPTS))
    );
  });

  it('leaves out informationUri when none is given, and semanticVersion when the version is not semver', () => {
    const driver = renderSarif(passingReport(), { toolVersion: 'dev', configPath: CONFIG }).runs[0]?.tool.driver;
    expect(driver).not.toHaveProperty('informationUri');
    expect(driver).not.toHaveProperty('semanticVersion');
    expect(renderSarif(passingReport(), OPTS).runs[0]?.tool.driver.semanticVersion).toBe('1.2.3');
  });
});
