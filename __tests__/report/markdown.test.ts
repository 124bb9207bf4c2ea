import fc from 'fast-check';
import type { Report } from '../../src/model.js';
import { renderMarkdown, renderResolvedMarkdown } from '../../src/report/index.js';
import {
  CONFIG,
  HOSTILE,
  STALE_SOURCE,
  errorReport,
  hostileReport,
  hugeReport,
  passingReport,
  realisticReport,
  unknownCoverageReport
} from './fixtures.js';

const COMMENT_LIMIT = 65_536;

/** The cells of a Markdown table row, split on pipes that are not escaped (entities and `\|` are not pipes). */
function cells(row: string): string[] {
  return row
    .replace(/\\\|/g, '')
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

function rowsOf(md: string, heading: string): string[] {
  const start = md.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = md.slice(start).split('\n');
  const table = lines.findIndex((l) => l.startsWith('| ---') || l.startsWith('|  ---') || /^\| -+ \|/.test(l));
  const rows: string[] = [];
  for (const line of lines.slice(table + 1)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('renderMarkdown', () => {
  it('opens with the status, the counts and the commit', () => {
    const md = renderMarkdown(realisticReport(), { sha: '0123456789abcdef0123456789abcdef01234567' });
    const lines = md.split('\n');
    expect(lines[0]).toBe('### ❌ DataWorks whitelist check: failed');
    expect(md).toContain(
      '**2 missing entries** in 1 of 3 data sources · 5 required blocks · 3 errors · 1 warning · 2 notices'
    );
    expect(md).toContain(
      `Config <code>${CONFIG}</code> · resolved offline · commit 0123456789abcdef0123456789abcdef01234567`
    );
  });

  it.each([
    [
      passingReport(),
      '### ✅ DataWorks whitelist check: passed',
      '**Every required block is allowed** in 1 data source'
    ],
    [errorReport(), '### ⚠️ DataWorks whitelist check: could not check', '**The check could not be completed**']
  ])('words the headline for each status', (report, first, summary) => {
    const md = renderMarkdown(report);
    expect(md.split('\n')[0]).toBe(first);
    expect(md).toContain(summary);
  });

  it('tables each data source with what to add, where and why', () => {
    const md = renderMarkdown(realisticReport());
    const rows = rowsOf(md, '#### orders-rds · 2 missing');
    // Blocks in address order: 198.51.100.0/24 before 203.0.113.9/32.
    expect(rows.map(cells)).toEqual([
      [
        '<code>198.51.100.0/24</code>',
        '<code>198.51.100.128/25</code>',
        '<code>infra/rds.tf:12:3</code>',
        'metadata-collection → metadata-collection:cn-hangzhou<br>data-service → shared → shared-service:cn-hangzhou'
      ],
      [
        '<code>203.0.113.9/32</code>',
        'whole block',
        '<code>infra/rds.tf:12:3</code>',
        'data-integration → legacy-di → publicIps'
      ]
    ]);
    // Then one paste-ready line per whitelist file, in the product's separator, in a copyable code block.
    const afterTable = md.slice(md.indexOf('#### orders-rds'));
    expect(afterTable).toContain('Add to <code>infra/rds.tf</code>:\n\n```text\n198.51.100.128/25,203.0.113.9/32\n```');
    // Data sources with nothing missing get no table.
    expect(md).not.toContain('#### lake-mc');
  });

  it('lists the other errors and warnings, errors first, and collapses the notices', () => {
    const md = renderMarkdown(realisticReport());
    const others = rowsOf(md, '#### Other findings').map(cells);
    expect(others.map((c) => [c[0], c[1], c[2], c[3]])).toEqual([
      ['❌', 'expired-waiver', 'events-ck', `<code>${CONFIG}:40:5</code>`],
      ['⚠️', 'host-bits-set', 'orders-rds', '<code>whitelists/office.txt:3:1</code>']
    ]);
    expect(others[1]?.[4]).toBe('<code>192.0.2.5/24</code> 192.0.2.5/24 has host bits set; it means 192.0.2.0/24');

    // The stale-list notice is shown as the list's date in the address-list section, not as a notice (§8).
    const details = md.slice(md.indexOf('<details><summary>ℹ️ 1 notice</summary>'));
    const notices = rowsOf(details, 'notice').map(cells);
    expect(notices.map((c) => c[0])).toEqual(['redundant-entry']);
    expect(details.indexOf('</details>')).toBeGreaterThan(details.indexOf('redundant-entry'));
    expect(md).not.toContain('stale-address-list');
  });

  it('shows the address lists with source and date, and flags the stale and undated bundled ones', () => {
    const md = renderMarkdown(realisticReport());
    expect(md).toContain('<details><summary>Address lists used (3, 2 stale)</summary>');
    const rows = rowsOf(md, 'Address lists used').map(cells);
    expect(rows[0]).toEqual([
      'metadata-collection',
      'cn-hangzhou',
      'bundled',
      '2024-07-23 ⚠️ stale',
      `<${STALE_SOURCE}>`
    ]);
    expect(rows[1]?.[3]).toBe('undated ⚠️ stale');
    // A list copied into the config is the user's own and not flagged; the documentation URL in it stays clickable.
    expect(rows[2]?.[3]).toBe('undated');
    expect(rows[2]?.[4]).toBe(
      `${CONFIG}:18 \\(copied from <https://www.alibabacloud.com/help/en/dataworks/user-guide/shared-ips>\\)`
    );
  });

  it('explains the rules that occur', () => {
    const md = renderMarkdown(realisticReport());
    expect(md).toContain('- **missing-entry**: A required address block is not allowed by the data source whitelist.');
    expect(md).not.toContain('**unused-waiver**');
  });

  it('puts the could-not-check findings first when the check could not be completed', () => {
    const md = renderMarkdown(errorReport());
    const rows = rowsOf(md, '#### Could not check').map(cells);
    expect(rows.map((c) => c[1])).toEqual(['unresolved', 'invalid-whitelist']);
    expect(md.split('\n').find((l) => l.startsWith('#### '))).toBe('#### Could not check');
    expect(md).not.toContain('#### Other findings');
  });

  it('leads with the unreadable source, above the missing entries, and counts unknown blocks apart', () => {
    const md = renderMarkdown(unknownCoverageReport());
    const headings = md.split('\n').filter((l) => l.startsWith('#### '));
    expect(headings).toEqual(['#### Could not check', '#### events-maxcompute · 1 missing', '#### Other findings']);
    expect(rowsOf(md, '#### Could not check').map((c) => cells(c)[1])).toEqual(['invalid-whitelist']);
    expect(md).toContain(
      '_Coverage of 2 required blocks is unknown until these are fixed: orders-rds (2). They are not counted as missing._'
    );
    expect(md.split('\n')[2]).toBe(
      '**1 missing entry** in 1 of 2 data sources · 4 required blocks (2 unknown) · 2 errors · 1 warning · 0 notices'
    );
    expect(md).not.toContain('#### orders-rds');
  });

  it('appends the footer as given and renders the same report identically', () => {
    const footer = '<sub>Posted by dataworks-whitelist-guard</sub>';
    const a = renderMarkdown(realisticReport(), { footer });
    const b = renderMarkdown(realisticReport(), { footer });
    expect(a).toBe(b);
    expect(a.endsWith(`${footer}\n`)).toBe(true);
  });

  it('does not depend on the key order of the objects in the report', () => {
    const report = realisticReport();
    const reordered = JSON.parse(
      JSON.stringify(report, (_key, value: unknown) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value
      )
    ) as Report;
    expect(renderMarkdown(reordered)).toBe(renderMarkdown(report));
  });

  describe('hostile repository text', () => {
    const md = renderMarkdown(hostileReport(), { title: `Check of ${HOSTILE}`, reportPath: `/tmp/${HOSTILE}.json` });

    it('adds no HTML, links, images or mentions', () => {
      expect(md).not.toMatch(/<script/i);
      expect(md).not.toMatch(/<(?!\/?(code|details|summary|br|sub)\b|https:\/\/www\.alibabacloud\.com\/)/);
      expect(md).not.toMatch(/[^\\]\]\(/);
      expect(md).not.toMatch(/!\[/);
      expect(md).not.toMatch(/@team/);
      expect(md).not.toMatch(/#123/);
      expect(md).not.toContain('https://evil.example');
      expect(md).not.toContain('https://phish.example');
      expect(md).not.toContain('\u001b');
      expect(md).not.toContain('\u202e');
    });

    it('keeps every table row on one line with its own number of cells', () => {
      const lines = md.split('\n');
      let columns: number | undefined;
      for (const line of lines) {
        if (!line.startsWith('|')) {
          columns = undefined;
          continue;
        }
        const n = cells(line).length;
        columns ??= n;
        expect(n).toBe(columns);
      }
      // The hostile name's newline did not make a line of its own.
      expect(lines.some((l) => l.startsWith('new line'))).toBe(false);
      expect(lines.filter((l) => l.startsWith('#')).every((l) => /^#{3,4} /.test(l))).toBe(true);
    });

    it('still shows the hostile name, escaped', () => {
      expect(md).toContain('\\# evil @&#8203;team &lt;script&gt;alert\\(1\\)&lt;/script&gt; &#124; x \\`code\\`');
    });
  });

  describe('maxChars', () => {
    it('fits 10,000 findings into a PR comment and says what was left out and where it is', () => {
      const report = hugeReport(9_000, 40, 700, 300);
      const md = renderMarkdown(report, {
        maxChars: COMMENT_LIMIT,
        reportPath: '/runner/tmp/report.json',
        footer: 'F'
      });
      expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(md.length).toBeGreaterThan(COMMENT_LIMIT * 0.9);
      expect(md.split('\n')[0]).toBe('### ❌ DataWorks whitelist check: failed');
      expect(md).toContain('**9,000 missing entries** in 40 of 40 data sources');
      expect(md.endsWith('F\n')).toBe(true);

      const note =
        /> \*\*This report is cut to fit:\*\* (\d+) sections? left out and 1 section cut short, ([\d,]+) findings not shown\. See the job summary or the full JSON report \(<code>\/runner\/tmp\/report\.json<\/code>\) for everything\./.exec(
          md
        );
      expect(note).not.toBeNull();
      // Every finding is either a row of the body or counted as not shown.
      const shownRows = md.split('\n').filter((l) => l.startsWith('| <code>') || /^\| (❌|⚠️) \|/.test(l)).length;
      const notShown = Number((note?.[2] ?? '').replace(/,/g, ''));
      expect(shownRows + notShown).toBe(report.findings.length);
      // The first data source is kept whole; the cut one says how many of its rows are missing.
      expect(md).toContain('#### source-000 · 225 missing');
      expect(md).toMatch(/_…and [\d,]+ more missing entries of this data source, not shown\._/);
    });

    it('cuts within a single data source that alone is too long', () => {
      const md = renderMarkdown(hugeReport(10_000, 1), { maxChars: COMMENT_LIMIT });
      expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      const rows = md.split('\n').filter((l) => l.startsWith('| <code>')).length;
      expect(rows).toBeGreaterThan(100);
      expect(md).toContain(
        `_…and ${(10_000 - rows).toLocaleString('en-US')} more missing entries of this data source, not shown._`
      );
      expect(md).toContain('See the job summary or the full JSON report for everything.');
    });

    it('changes nothing when the report fits', () => {
      const report = realisticReport();
      const full = renderMarkdown(report);
      expect(renderMarkdown(report, { maxChars: full.length })).toBe(full);
      expect(renderMarkdown(report, { maxChars: full.length - 1 }).length).toBeLessThan(full.length);
    });

    it('drops the least important sections first', () => {
      const report = realisticReport();
      const full = renderMarkdown(report);
      const legend = full.length - full.indexOf('<details><summary>What the rules mean</summary>');
      const md = renderMarkdown(report, { maxChars: full.length - legend + 150 });
      expect(md).not.toContain('What the rules mean');
      expect(md).toContain('Address lists used');
      expect(md).toContain('#### orders-rds');
    });

    it('never exceeds any limit, however small', () => {
      const report = hugeReport(300, 7, 20, 20);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 40_000 }), (maxChars) => {
          expect(renderMarkdown(report, { maxChars, reportPath: '/tmp/r.json' }).length).toBeLessThanOrEqual(maxChars);
        }),
        { numRuns: 60 }
      );
    });
  });
});

describe('renderResolvedMarkdown', () => {
  it('says the findings are resolved, as of the commit', () => {
    expect(renderResolvedMarkdown({ sha: 'abc1234' })).toBe(
      '### ✅ DataWorks whitelist check: resolved\n\n' +
        'Every required whitelist entry is allowed and no errors or warnings remain as of commit abc1234.\n'
    );
  });

  it('escapes the title and a commit that is not a SHA', () => {
    const md = renderResolvedMarkdown({ title: '@team <b>x</b>', sha: '[x](y)' });
    expect(md).toContain('@&#8203;team &lt;b&gt;x&lt;/b&gt;');
    expect(md).toContain('<code>\\[x\\]\\(y\\)</code>');
  });
});
