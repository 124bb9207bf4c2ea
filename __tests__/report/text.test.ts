import { renderText } from '../../src/report/index.js';
import {
  HOSTILE,
  errorReport,
  hostileReport,
  passingReport,
  realisticReport,
  unknownCoverageReport
} from './fixtures.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

describe('renderText', () => {
  const text = renderText(realisticReport(), { color: false });
  const lines = text.split('\n');

  it('opens with the status and the counts', () => {
    expect(lines[0]).toBe('DataWorks whitelist check failed — 2 missing entries in 3 data sources (5 required blocks)');
    expect(lines[1]).toBe('config .github/dataworks-whitelist.yml · resolve offline');
  });

  it('groups findings under their data source: what is missing, where to add it and why it is required', () => {
    const at = lines.indexOf('orders-rds · rds, private, cn-hangzhou (1 of 3 required blocks allowed)');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '  ✗ missing 198.51.100.128/25 of 198.51.100.0/24 — add to infra/rds.tf:12:3 ' +
        '(metadata-collection → metadata-collection:cn-hangzhou; data-service → shared → shared-service:cn-hangzhou)',
      '  ✗ missing 203.0.113.9/32 — add to infra/rds.tf:12:3 (data-integration → legacy-di → publicIps)',
      '  → infra/rds.tf — add: 198.51.100.128/25,203.0.113.9/32',
      '  ⚠ host-bits-set 192.0.2.5/24 whitelists/office.txt:3:1 — 192.0.2.5/24 has host bits set; it means 192.0.2.0/24'
    ]);
    expect(lines).toContain('lake-mc (1 of 1 required block allowed)');
    expect(lines).toContain(
      '  ℹ redundant-entry 192.0.2.0/25 whitelists/lake.yaml:4:5 — 192.0.2.0/25 is covered by 192.0.2.0/24'
    );
  });

  it('lists findings of no data source apart, with their rule ids', () => {
    const report = realisticReport();
    report.findings.push({
      rule: 'drift',
      severity: 'warning',
      message: 'the API reports 192.0.2.0/24 for vsw-aaa; the config says 192.0.2.0/25',
      resourceGroup: 'prod-serverless'
    });
    const out = renderText(report, { color: false }).split('\n');
    const at = out.indexOf('Other findings');
    expect(at).toBeGreaterThan(0);
    expect(out[at + 1]).toBe('  ⚠ drift — the API reports 192.0.2.0/24 for vsw-aaa; the config says 192.0.2.0/25');
  });

  it('shows the stale-list notice as the date in the address-list section, not as a finding', () => {
    expect(text).not.toContain('stale-address-list');
    expect(text).not.toContain('Other findings');
    expect(text).toMatch(
      /metadata-collection cn-hangzhou · bundled · 2024-07-23 · https:\/\/\S+ \(stale: over 180 days old; compare it with its source/
    );
    expect(text).toMatch(/data-analysis cn-shanghai · bundled · undated · https:\/\/\S+ \(stale: undated;/);
  });

  it('shows the address lists and flags the stale ones', () => {
    expect(text).toMatch(/metadata-collection cn-hangzhou · bundled · 2024-07-23 · https:\/\/\S+ \(stale/);
    expect(text).toMatch(/shared-service cn-hangzhou · config · undated · \S+:18 \(copied from \S+\)\n/);
  });

  it('ends with the summary line; the exit statuses are explained in --help, not in every report', () => {
    expect(lines.at(-2)).toBe('✗ fail: 2 missing entries, 3 errors, 1 warning, 2 notices (1 in the address lists)');
    expect(lines.at(-1)).toBe('');
    expect(text).not.toMatch(/exit status/i);
  });

  it('lists the blocks to add in address order, not string order, with one paste line per file', () => {
    const report = realisticReport();
    const miss = (entry: string, file: string) => ({
      rule: 'missing-entry' as const,
      severity: 'error' as const,
      message: `${entry} is not allowed`,
      dataSource: 'events-maxcompute',
      entry,
      uncovered: [entry],
      file,
      line: 4,
      column: 31
    });
    report.findings.push(
      miss('100.104.189.64/26', 'whitelists/mc.yml'),
      miss('100.104.38.192/26', 'whitelists/mc.yml'),
      miss('100.104.5.0/24', 'whitelists/other.txt')
    );
    const out = renderText(report, { color: false }).split('\n');
    const at = out.findIndex((l) => l.startsWith('events-maxcompute'));
    expect(out.slice(at + 1, at + 6)).toEqual([
      '  ✗ missing 100.104.5.0/24 — add to whitelists/other.txt:4:31',
      '  ✗ missing 100.104.38.192/26 — add to whitelists/mc.yml:4:31',
      '  ✗ missing 100.104.189.64/26 — add to whitelists/mc.yml:4:31',
      '  → whitelists/other.txt — add: 100.104.5.0/24',
      '  → whitelists/mc.yml — add: 100.104.38.192/26,100.104.189.64/26'
    ]);
  });

  it('leads with what could not be checked, and calls uncovered blocks of that data source unknown, not missing', () => {
    const out = renderText(unknownCoverageReport(), { color: false });
    const ls = out.split('\n');
    expect(ls[0]).toBe(
      'DataWorks whitelist check could not be completed — 1 missing entry in 2 data sources (4 required blocks, 2 unknown)'
    );
    expect(ls.slice(2, 5)).toEqual([
      '',
      'Could not check',
      '  ✗ invalid-whitelist orders-rds .github/dataworks-whitelist.yml:22:9 — alicloud_db_instance.ordrs matches nothing; the file has alicloud_db_instance.orders'
    ]);
    const at = ls.indexOf('orders-rds · rds, private, cn-hangzhou (1 of 3 required blocks allowed, 2 unknown)');
    expect(at).toBeGreaterThan(4);
    expect(ls[at + 1]).toBe(
      '  ? 2 required blocks not known to be allowed (198.51.100.0/24, 203.0.113.9/32): a whitelist source could not be read (see "Could not check" above)'
    );
    expect(ls.slice(at + 1).join('\n')).not.toMatch(/missing 198|missing 203\.0\.113\.9/);
    expect(out).toContain('  ✗ missing 203.0.113.7/32 — add to whitelists/events.txt:2:1');
  });

  it('says so when a data source needs nothing', () => {
    const clean = renderText(passingReport(), { color: false });
    expect(clean).toContain(
      'orders-rds · rds, private, cn-hangzhou (1 of 1 required block allowed)\n  ✓ every required block is allowed\n'
    );
    expect(clean).toContain('\n✓ pass: 0 missing entries, 0 errors, 0 warnings, 0 notices\n');
  });

  it('words a run that could not check', () => {
    const out = renderText(errorReport(), { color: false });
    expect(out.split('\n')[0]).toMatch(/^DataWorks whitelist check could not be completed/);
    const ls = out.split('\n');
    expect(ls.slice(3, 6)).toEqual([
      'Could not check',
      '  ✗ unresolved .github/dataworks-whitelist.yml:5:3 — online resolution of resource group "prod-serverless" failed: timeout after 3 attempts',
      '  ✗ invalid-whitelist orders-rds .github/dataworks-whitelist.yml:22:11 — whitelists/orders.txt does not exist'
    ]);
    // The data source is not called clean when its whitelist could not be read.
    expect(out).toContain(
      'orders-rds · rds, private, cn-hangzhou\n  ? not fully checked (see "Could not check" above)\n'
    );
    expect(out).not.toContain('every required block is allowed');
    expect(out).toContain('✗ error: 0 missing entries, 2 errors');
  });

  it('uses colour only when asked, and the same words either way', () => {
    expect(text).not.toMatch(ANSI);
    const coloured = renderText(realisticReport(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31m✗\u001b[39m missing');
    expect(coloured.replace(ANSI, '')).toBe(text);
  });

  it('never passes control sequences from the repository to the terminal', () => {
    const out = renderText(hostileReport(), { color: false });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('\\u{1b}[31mred\\u{1b}[0m new line\\u{202e}abc');
    // The newline in the hostile name did not start a line of its own.
    expect(out.split('\n').some((l) => l.startsWith('new line'))).toBe(false);
    expect(HOSTILE).toContain('\n');
  });

  it('renders the same report identically', () => {
    expect(renderText(realisticReport(), { color: true })).toBe(renderText(realisticReport(), { color: true }));
  });
});
