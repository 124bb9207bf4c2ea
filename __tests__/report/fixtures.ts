/** Reports for the renderer tests, built here so each test shows the input it reasons about. */
import type { Finding, Report, RequiredEntryReport } from '../../src/model.js';

const DATA_SOURCES: Report['dataSources'] = [
  { name: 'orders-rds', product: 'rds', network: 'private', region: 'cn-hangzhou' },
  { name: 'events-maxcompute', product: 'maxcompute', network: 'public', region: 'cn-hangzhou' },
  { name: 'search-es', product: 'elasticsearch', network: 'private', region: 'cn-hangzhou' }
];

export const CONFIG = '.github/dataworks-whitelist.yml';
export const STALE_SOURCE = 'https://www.alibabacloud.com/help/en/dataworks/user-guide/metadata-collection-ips';

/** A failing offline run over three data sources, with one finding of most kinds. */
export function realisticReport(): Report {
  const required: RequiredEntryReport[] = [
    {
      dataSource: 'orders-rds',
      entry: '192.0.2.0/24',
      covered: true,
      via: [{ module: 'data-integration', resourceGroup: 'prod-serverless', origin: 'config', source: 'privateCidrs' }]
    },
    {
      dataSource: 'orders-rds',
      entry: '203.0.113.9/32',
      covered: false,
      via: [{ module: 'data-integration', resourceGroup: 'legacy-di', origin: 'config', source: 'publicIps' }]
    },
    {
      dataSource: 'orders-rds',
      entry: '198.51.100.0/24',
      covered: false,
      via: [
        { module: 'metadata-collection', origin: 'bundled', source: 'metadata-collection:cn-hangzhou' },
        { module: 'data-service', resourceGroup: 'shared', origin: 'config', source: 'shared-service:cn-hangzhou' }
      ]
    },
    {
      dataSource: 'lake-mc',
      entry: '192.0.2.0/24',
      covered: true,
      via: [{ module: 'data-integration', resourceGroup: 'prod-serverless', origin: 'config', source: 'privateCidrs' }]
    },
    {
      dataSource: 'events-ck',
      entry: '192.0.2.0/24',
      covered: true,
      via: [{ module: 'data-integration', resourceGroup: 'prod-serverless', origin: 'config', source: 'privateCidrs' }]
    }
  ];
  const findings: Finding[] = [
    {
      rule: 'missing-entry',
      severity: 'error',
      message: '203.0.113.9/32 is not allowed: add 203.0.113.9/32 to the whitelist of "orders-rds"',
      dataSource: 'orders-rds',
      module: 'data-integration',
      resourceGroup: 'legacy-di',
      entry: '203.0.113.9/32',
      uncovered: ['203.0.113.9/32'],
      file: 'infra/rds.tf',
      line: 12,
      column: 3
    },
    {
      rule: 'missing-entry',
      severity: 'error',
      message: '198.51.100.0/24 is only partly allowed: add 198.51.100.128/25 to the whitelist of "orders-rds"',
      dataSource: 'orders-rds',
      module: 'metadata-collection',
      entry: '198.51.100.0/24',
      uncovered: ['198.51.100.128/25'],
      file: 'infra/rds.tf',
      line: 12,
      column: 3
    },
    {
      rule: 'host-bits-set',
      severity: 'warning',
      message: '192.0.2.5/24 has host bits set; it means 192.0.2.0/24',
      dataSource: 'orders-rds',
      raw: '192.0.2.5/24',
      entry: '192.0.2.0/24',
      file: 'whitelists/office.txt',
      line: 3,
      column: 1
    },
    {
      rule: 'redundant-entry',
      severity: 'notice',
      message: '192.0.2.0/25 is covered by 192.0.2.0/24',
      dataSource: 'lake-mc',
      raw: '192.0.2.0/25',
      entry: '192.0.2.0/25',
      file: 'whitelists/lake.yaml',
      line: 4,
      column: 5
    },
    {
      rule: 'expired-waiver',
      severity: 'error',
      message: 'the waiver for 203.0.113.0/24 on "events-ck" expired on 2024-01-31',
      dataSource: 'events-ck',
      entry: '203.0.113.0/24',
      file: CONFIG,
      line: 40,
      column: 5
    },
    {
      rule: 'stale-address-list',
      severity: 'notice',
      message: `the bundled metadata-collection list for cn-hangzhou dates from 2024-07-23: compare it with ${STALE_SOURCE}`
    }
  ];
  return {
    reportVersion: 1,
    status: 'fail',
    config: CONFIG,
    resolve: 'offline',
    summary: { dataSources: 3, required: required.length, missing: 2, errors: 3, warnings: 1, notices: 2 },
    dataSources: DATA_SOURCES.slice(0, 3),
    addressLists: [
      {
        list: 'metadata-collection',
        region: 'cn-hangzhou',
        source: STALE_SOURCE,
        asOf: '2024-07-23',
        origin: 'bundled',
        stale: true
      },
      {
        list: 'data-analysis',
        region: 'cn-shanghai',
        source: 'https://www.alibabacloud.com/help/en/dataworks/user-guide/data-analysis-ips',
        asOf: null,
        origin: 'bundled',
        stale: true
      },
      {
        list: 'shared-service',
        region: 'cn-hangzhou',
        source: `${CONFIG}:18 (copied from https://www.alibabacloud.com/help/en/dataworks/user-guide/shared-ips)`,
        asOf: null,
        origin: 'config',
        stale: false
      }
    ],
    required,
    findings
  };
}

/** A clean run: every block covered, nothing to say. */
export function passingReport(): Report {
  return {
    reportVersion: 1,
    status: 'pass',
    config: CONFIG,
    resolve: 'online',
    summary: { dataSources: 1, required: 1, missing: 0, errors: 0, warnings: 0, notices: 0 },
    dataSources: DATA_SOURCES.slice(0, 1),
    addressLists: [],
    required: [
      {
        dataSource: 'orders-rds',
        entry: '192.0.2.0/24',
        covered: true,
        via: [{ module: 'data-integration', resourceGroup: 'prod-serverless', origin: 'api', source: 'vsw-aaa' }]
      }
    ],
    findings: []
  };
}

/** A run that could not be completed: an unresolved group and an unreadable whitelist. */
export function errorReport(): Report {
  return {
    reportVersion: 1,
    status: 'error',
    config: CONFIG,
    resolve: 'online',
    summary: { dataSources: 1, required: 0, missing: 0, errors: 2, warnings: 0, notices: 0 },
    dataSources: DATA_SOURCES.slice(0, 1),
    addressLists: [],
    required: [],
    findings: [
      {
        rule: 'unresolved',
        severity: 'error',
        message: 'online resolution of resource group "prod-serverless" failed: timeout after 3 attempts',
        resourceGroup: 'prod-serverless',
        file: CONFIG,
        line: 5,
        column: 3
      },
      {
        rule: 'invalid-whitelist',
        severity: 'error',
        message: 'whitelists/orders.txt does not exist',
        dataSource: 'orders-rds',
        file: CONFIG,
        line: 22,
        column: 11
      }
    ]
  };
}

/**
 * A run where one whitelist source of orders-rds could not be read (contract §8): of its three required blocks the
 * readable source covers one; the other two are unknown, not missing.
 */
export function unknownCoverageReport(): Report {
  const via = [
    { module: 'data-integration' as const, resourceGroup: 'legacy-di', origin: 'config' as const, source: 'publicIps' }
  ];
  return {
    reportVersion: 1,
    status: 'error',
    config: CONFIG,
    resolve: 'offline',
    summary: { dataSources: 2, required: 4, missing: 1, errors: 2, warnings: 1, notices: 0 },
    dataSources: DATA_SOURCES.slice(0, 2),
    addressLists: [],
    required: [
      { dataSource: 'orders-rds', entry: '192.0.2.0/24', covered: true, via },
      { dataSource: 'orders-rds', entry: '198.51.100.0/24', covered: null, via },
      { dataSource: 'orders-rds', entry: '203.0.113.9/32', covered: null, via },
      { dataSource: 'events-maxcompute', entry: '203.0.113.7/32', covered: false, via }
    ],
    findings: [
      {
        rule: 'invalid-whitelist',
        severity: 'error',
        message: 'alicloud_db_instance.ordrs matches nothing; the file has alicloud_db_instance.orders',
        dataSource: 'orders-rds',
        file: CONFIG,
        line: 22,
        column: 9
      },
      {
        rule: 'missing-entry',
        severity: 'error',
        message: '203.0.113.7/32 is not allowed: add 203.0.113.7/32 to the whitelist of "events-maxcompute"',
        dataSource: 'events-maxcompute',
        module: 'data-integration',
        resourceGroup: 'legacy-di',
        entry: '203.0.113.7/32',
        uncovered: ['203.0.113.7/32'],
        file: 'whitelists/events.txt',
        line: 2,
        column: 1
      },
      {
        rule: 'host-bits-set',
        severity: 'warning',
        message: '192.0.2.5/24 has host bits set; it means 192.0.2.0/24',
        dataSource: 'orders-rds',
        raw: '192.0.2.5/24',
        entry: '192.0.2.0/24',
        file: 'whitelists/office.txt',
        line: 3,
        column: 1
      }
    ]
  };
}

/** The nth address of 203.0.113.0/24, 198.51.100.0/24 and 192.0.2.0/24 in turn, as a /32: documentation ranges. */
export function docAddress(n: number): string {
  const nets = ['203.0.113', '198.51.100', '192.0.2'];
  return `${nets[n % 3]}.${Math.floor(n / 3) % 256}/32`;
}

/**
 * A report with `missing` missing entries spread over `dataSources` data sources, plus warnings and notices: the
 * size the action must fit into one PR comment.
 */
export function hugeReport(missing: number, dataSources: number, warnings = 0, notices = 0): Report {
  const required: RequiredEntryReport[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < missing; i++) {
    const dataSource = `source-${String(i % dataSources).padStart(3, '0')}`;
    const entry = docAddress(i);
    required.push({
      dataSource,
      entry,
      covered: false,
      via: [{ module: 'data-integration', resourceGroup: 'legacy-di', origin: 'config', source: 'publicIps' }]
    });
    findings.push({
      rule: 'missing-entry',
      severity: 'error',
      message: `${entry} is not allowed: add ${entry} to the whitelist of "${dataSource}"`,
      dataSource,
      module: 'data-integration',
      resourceGroup: 'legacy-di',
      entry,
      uncovered: [entry],
      file: `infra/${dataSource}.tf`,
      line: 10 + (i % 50),
      column: 3
    });
  }
  for (let i = 0; i < warnings; i++) {
    findings.push({
      rule: 'host-bits-set',
      severity: 'warning',
      message: `entry ${i} has host bits set`,
      dataSource: 'source-000',
      raw: '192.0.2.5/24',
      entry: '192.0.2.0/24',
      file: 'whitelists/office.txt',
      line: i + 1,
      column: 1
    });
  }
  for (let i = 0; i < notices; i++) {
    findings.push({
      rule: 'redundant-entry',
      severity: 'notice',
      message: `entry ${i} is covered by others`,
      dataSource: 'source-001',
      raw: '192.0.2.0/25',
      entry: '192.0.2.0/25',
      file: 'whitelists/lake.yaml',
      line: i + 1,
      column: 1
    });
  }
  return {
    reportVersion: 1,
    status: 'fail',
    config: CONFIG,
    resolve: 'offline',
    summary: { dataSources, required: missing, missing, errors: missing, warnings, notices },
    dataSources: Array.from({ length: dataSources }, (_, i) => ({
      name: `source-${String(i).padStart(3, '0')}`,
      product: 'rds' as const,
      network: 'private' as const,
      region: 'cn-hangzhou'
    })),
    addressLists: [],
    required,
    findings
  };
}

/**
 * Names and text an attacker could put in a repository: HTML, an @mention, a table-breaking pipe, backticks, a
 * link, an issue reference, a bare URL, a heading, a newline and a terminal escape sequence.
 */
export const HOSTILE =
  '# evil @team <script>alert(1)</script> | x `code` [click](https://evil.example) ![img](x.png) #123 ' +
  'https://phish.example www.phish.example *bold* _it_ ~~s~~ $x$ \u001b[31mred\u001b[0m\nnew line\u202eabc';

export function hostileReport(): Report {
  const r = realisticReport();
  const rename = (name: string | undefined): string | undefined => (name === 'orders-rds' ? HOSTILE : name);
  r.required = r.required.map((q) => ({ ...q, dataSource: rename(q.dataSource) as string }));
  r.findings = r.findings.map((f) => ({
    ...f,
    dataSource: rename(f.dataSource),
    file: f.file === 'infra/rds.tf' ? `infra/${HOSTILE}.tf` : f.file,
    message: `${f.message} ${HOSTILE}`,
    ...(f.raw !== undefined ? { raw: HOSTILE } : {})
  }));
  r.findings.push({ rule: 'invalid-entry', severity: 'error', message: HOSTILE, dataSource: HOSTILE, raw: HOSTILE });
  r.addressLists.push({
    list: 'shared-integration',
    region: HOSTILE,
    source: HOSTILE,
    asOf: null,
    origin: 'config',
    stale: false
  });
  return r;
}
