import { renderText } from '../../src/report/index.js';
import { HOSTILE, errorReport, hostileReport, passingReport, realisticReport } from './fixtures.js';

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
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  ✗ missing 203.0.113.9/32 — add to infra/rds.tf:12:3 (data-integration → legacy-di → publicIps)',
      '  ✗ missing 198.51.100.128/25 of 198.51.100.0/24 — add to infra/rds.tf:12:3 ' +
        '(metadata-collection → metadata-collection:cn-hangzhou; data-service → shared → shared-service:cn-hangzhou)',
      '  ⚠ host-bits-set 192.0.2.5/24 whitelists/office.txt:3:1 — 192.0.2.5/24 has host bits set; it means 192.0.2.0/24'
    ]);
    expect(lines).toContain('lake-mc (1 of 1 required block allowed)');
    expect(lines).toContain(
      '  ℹ redundant-entry 192.0.2.0/25 whitelists/lake.yaml:4:5 — 192.0.2.0/25 is covered by 192.0.2.0/24'
    );
  });

  it('lists findings of no data source apart, with their rule ids', () => {
    const at = lines.indexOf('Other findings');
    expect(lines[at + 1]).toMatch(/^ {2}ℹ stale-address-list — the bundled metadata-collection list for cn-hangzhou/);
  });

  it('shows the address lists and flags the stale ones', () => {
    expect(text).toMatch(/metadata-collection cn-hangzhou · bundled · 2024-07-23 · https:\/\/\S+ \(stale\)/);
    expect(text).toMatch(/shared-service cn-hangzhou · config · undated · \S+:18 \(copied from \S+\)\n/);
  });

  it('ends with a summary line and the meaning of the exit status', () => {
    expect(lines.at(-3)).toBe('✗ fail: 2 missing entries, 3 errors, 1 warning, 2 notices');
    expect(lines.at(-2)).toBe(
      'Exit status: 0 pass (or fail with --fail-on never) · 1 fail · 2 could not check (status error) or usage error'
    );
    expect(lines.at(-1)).toBe('');
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
    expect(out).toContain(
      '  ✗ invalid-whitelist .github/dataworks-whitelist.yml:22:11 — whitelists/orders.txt does not exist'
    );
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
