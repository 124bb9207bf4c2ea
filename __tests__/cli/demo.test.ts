/** The README's demo: the committed CLI bundle checks examples/ and names exactly the entries it lacks. */
import { spawnSync } from 'node:child_process';

function demo(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/cli/index.js', 'check', '--root', 'examples', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const waiverLive = new Date().toISOString().slice(0, 10) <= '2027-12-31';

describe('the README demo (dist/cli/index.js on examples/)', () => {
  it('fails with exit 1 and names the three missing entries and where to add them', () => {
    const run = demo('--format', 'json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      status: string;
      resolve: string;
      findings: { rule: string; dataSource?: string; entry?: string; file?: string; line?: number }[];
    };
    expect(report.status).toBe('fail');
    expect(report.resolve).toBe('offline');
    expect(
      report.findings.filter((f) => f.rule === 'missing-entry').map((f) => [f.dataSource, f.entry, f.file, f.line])
    ).toEqual([
      // The example's waiver runs through 2027-12-31; after it, the waived RDS miss counts again (contract §2).
      ...(waiverLive ? [] : [['orders-rds', '203.0.113.64/27', 'whitelists/orders-rds.txt', 8]]),
      ['events-maxcompute', '198.51.100.7/32', 'whitelists/maxcompute-events.yml', 4],
      ['search-es', '2001:db8:1::/64', 'whitelists/search-es.json', 3],
      ['warehouse-polardb', '203.0.113.64/27', 'infra/warehouse.tf', 29]
    ]);
    expect(
      report.findings.filter((f) => f.rule === (waiverLive ? 'waived' : 'expired-waiver')).map((f) => f.entry)
    ).toEqual(['203.0.113.64/27']);
  });

  it('prints a readable text report', () => {
    const run = demo();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ missing 203.0.113.64/27 — add to infra/warehouse.tf:29:5');
    expect(run.stdout).not.toContain('\u001b[');
  });
});
