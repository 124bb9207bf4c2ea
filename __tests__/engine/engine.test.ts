import { runCheck, type CheckOptions } from '../../src/engine.js';
import { silentLogger } from '../../src/io.js';
import type { Finding, Report } from '../../src/model.js';
import { memoryFiles } from '../helpers/memory-files.js';

const CONFIG = '.github/dataworks-whitelist.yml';
const NOW = new Date('2026-11-28T08:00:00Z');

async function check(config: string, files: Record<string, string>, opts: Partial<CheckOptions> = {}): Promise<Report> {
  return runCheck({
    root: '/repo',
    configPath: CONFIG,
    resolve: 'offline',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    now: NOW,
    env: {},
    files: memoryFiles({ [CONFIG]: config, ...files }),
    ...opts
  });
}

const byRule = (report: Report, rule: Finding['rule']): Finding[] => report.findings.filter((f) => f.rule === rule);

const GROUPS = `
version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: serverless
    privateCidrs: [192.0.2.0/24, "2001:db8:1::/64"]
    publicIps: [198.51.100.7]
  legacy:
    type: exclusive-integration
    privateCidrs: [203.0.113.64/27]
    publicIps: [203.0.113.9]
  nopublic:
    type: serverless
    privateCidrs: [192.0.2.0/24]
    publicIps: []
  unknown:
    type: exclusive-integration
    privateCidrs: [203.0.113.128/27]
`;

function source(name: string, product: string, network: string, file: string, groups: string, extra = ''): string {
  return `
  ${name}:
    product: ${product}
    network: ${network}
    whitelist:
      file: ${file}
    access:
      - module: data-integration
        resourceGroups: [${groups}]${extra}`;
}

describe('runCheck: coverage', () => {
  it('passes when two /25 halves cover the required /24, and ignores IPv6 blocks for an IPv4-only product', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt': '192.0.2.0/25\n192.0.2.128/25\n'
    });
    expect(report.status).toBe('pass');
    expect(report.required).toEqual([
      {
        dataSource: 'db',
        entry: '192.0.2.0/24',
        covered: true,
        via: [{ module: 'data-integration', resourceGroup: 'prod', origin: 'config', source: 'privateCidrs' }]
      }
    ]);
    expect(report.summary).toEqual({ dataSources: 1, required: 1, missing: 0, errors: 0, warnings: 0, notices: 0 });
  });

  it('reports a partly covered block with the minimal uncovered remainder, pointing at the whitelist', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('es', 'elasticsearch', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt': '# ES private whitelist\n192.0.2.0/25\n192.0.2.128/26\n'
    });
    expect(report.status).toBe('fail');
    const missing = byRule(report, 'missing-entry');
    expect(missing.map((f) => [f.entry, f.uncovered, f.file, f.line, f.column])).toEqual([
      ['192.0.2.0/24', ['192.0.2.192/26'], 'wl.txt', 4, 1],
      ['2001:db8:1::/64', ['2001:db8:1::/64'], 'wl.txt', 4, 1]
    ]);
    expect(missing[0]?.message).toContain('only partly allowed');
    expect(report.summary.missing).toBe(2);
  });

  it('merges a block required through several groups into one entry with every chain', async () => {
    const config = `${GROUPS}
  again:
    type: serverless
    privateCidrs: [192.0.2.0/24]
dataSources:${source('db', 'rds', 'private', 'wl.txt', 'prod, again')}`;
    const report = await check(config, { 'wl.txt': '' });
    expect(report.required).toHaveLength(1);
    expect(report.required[0]?.via.map((v) => v.resourceGroup)).toEqual(['prod', 'again']);
    expect(byRule(report, 'missing-entry')).toHaveLength(1);
  });

  it('uses per-module overrides, inheriting the keys not given', async () => {
    const config = `
version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: serverless
    privateCidrs: [192.0.2.0/24]
    publicIps: [198.51.100.7]
    modules:
      data-service:
        privateCidrs: [192.0.2.128/25]
dataSources:
  api-db:
    product: rds
    network: private
    whitelist: { file: wl.txt }
    access:
      - module: data-service
        resourceGroups: [prod]
  pub-db:
    product: rds
    network: public
    whitelist: { file: wl.txt }
    access:
      - module: data-service
        resourceGroups: [prod]
`;
    const report = await check(config, { 'wl.txt': '192.0.2.128/25\n198.51.100.7\n' });
    expect(report.required.map((r) => [r.dataSource, r.entry, r.via[0]?.source, r.covered])).toEqual([
      ['api-db', '192.0.2.128/25', 'modules.data-service.privateCidrs', true],
      ['pub-db', '198.51.100.7/32', 'publicIps', true]
    ]);
    expect(report.status).toBe('pass');
  });
  it('requires an IPv6 block only where the product can hold it (MongoDB takes single IPv6 addresses)', async () => {
    const config = `version: 1
region: cn-hangzhou
resourceGroups:
  dual:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/24, "2001:db8:1::/64", "2001:db8:2::7"]
dataSources:${source('mongo', 'mongodb', 'private', 'wl.txt', 'dual')}${source('es', 'elasticsearch', 'private', 'wl.txt', 'dual')}`;
    const report = await check(config, { 'wl.txt': '192.0.2.0/24\n' });
    expect(report.required.map((r) => `${r.dataSource} ${r.entry}`)).toEqual([
      'mongo 192.0.2.0/24',
      'mongo 2001:db8:2::7/128',
      'es 192.0.2.0/24',
      'es 2001:db8:1::/64',
      'es 2001:db8:2::7/128'
    ]);
  });
});

describe('runCheck: fail closed', () => {
  it('is an error when a needed static fact is absent', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('db', 'rds', 'public', 'wl.txt', 'unknown')}`, {
      'wl.txt': '203.0.113.0/24\n'
    });
    expect(report.status).toBe('error');
    const [unresolved] = byRule(report, 'unresolved');
    expect(unresolved).toMatchObject({ dataSource: 'db', resourceGroup: 'unknown', file: CONFIG });
    expect(unresolved?.message).toContain('has no publicIps');
  });

  it('reports no-public-egress for a public source behind a group without egress', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('db', 'rds', 'public', 'wl.txt', 'nopublic')}`, {
      'wl.txt': '203.0.113.0/24\n'
    });
    expect(report.status).toBe('fail');
    expect(byRule(report, 'no-public-egress')).toHaveLength(1);
  });

  it('is an error when a whitelist file is missing, never a pass', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'nowhere.txt', 'prod')}`, {});
    expect(report.status).toBe('error');
    expect(byRule(report, 'invalid-whitelist')[0]?.message).toContain('nowhere.txt');
  });

  it('is an error for an invalid config, with its position', async () => {
    const report = await check('version: 1\nregion: cn-hangzhou\ndataSorces: {}\n', {});
    expect(report.status).toBe('error');
    const typo = report.findings.find((f) => f.message.includes('dataSorces'));
    expect(typo).toMatchObject({ rule: 'invalid-config', file: CONFIG, line: 3, column: 1 });
    expect(report.required).toEqual([]);
  });

  it('is an error for a missing config file', async () => {
    const report = await runCheck({
      root: '/repo',
      configPath: CONFIG,
      resolve: 'offline',
      failOn: 'error',
      online: { endpoints: {}, allowInstanceCredentials: false },
      logger: silentLogger,
      files: memoryFiles({})
    });
    expect(report.status).toBe('error');
    expect(report.findings[0]?.rule).toBe('invalid-config');
  });

  it('reports a static fact that is not an address at its config position', async () => {
    const config = `version: 1
region: cn-hangzhou
resourceGroups:
  bad:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/33]
dataSources:${source('db', 'rds', 'private', 'wl.txt', 'bad')}`;
    const report = await check(config, { 'wl.txt': '' });
    expect(report.status).toBe('error');
    expect(report.findings[0]).toMatchObject({ rule: 'invalid-config', line: 6, column: 20 });
  });
});

describe('runCheck: published lists', () => {
  it('requires the bundled Metadata Collection list of the region, and flags it stale', async () => {
    const config = `version: 1
region: cn-hangzhou
dataSources:
  db:
    product: rds
    network: public
    whitelist: { file: wl.txt }
    access:
      - module: metadata-collection
        region: cn-shanghai
`;
    // The published cn-shanghai list (a test of the shipped list, so its real addresses are used).
    const shanghai = [
      '100.104.189.64/26',
      '11.115.110.0/24',
      '11.115.109.0/24',
      '47.102.181.128/25',
      '47.102.234.0/25',
      '100.104.38.192/26'
    ];
    const report = await check(config, { 'wl.txt': shanghai.join('\n') });
    expect(report.status).toBe('pass');
    expect(report.required.every((r) => r.covered && r.via[0]?.source === 'metadata-collection:cn-shanghai')).toBe(
      true
    );
    expect(report.required).toHaveLength(8);
    expect(report.addressLists).toEqual([
      {
        list: 'metadata-collection',
        region: 'cn-shanghai',
        source:
          'https://www.alibabacloud.com/help/en/dataworks/user-guide/configure-ip-address-whitelists-for-metadata-collection',
        asOf: '2024-07-23',
        origin: 'bundled',
        stale: true
      }
    ]);
    expect(byRule(report, 'stale-address-list')[0]?.message).toContain('dates from 2024-07-23');
    expect(byRule(report, 'host-bits-set')).toEqual([]);
  });

  it('asks for a shared resource group list it does not ship, naming the page', async () => {
    const config = `version: 1
region: cn-hangzhou
resourceGroups:
  shared: { type: shared }
dataSources:${source('db', 'rds', 'public', 'wl.txt', 'shared')}`;
    const report = await check(config, { 'wl.txt': '198.51.100.0/24' });
    expect(report.status).toBe('error');
    expect(byRule(report, 'unresolved')[0]?.message).toContain(
      'https://www.alibabacloud.com/help/en/dataworks/user-guide/public-resource-group-whitelist-for-data-integration'
    );
  });

  it('takes a shared list from the config', async () => {
    const config = `version: 1
region: cn-hangzhou
resourceGroups:
  shared: { type: shared }
addressLists:
  shared-integration:
    cn-hangzhou: [198.51.100.0/26]
dataSources:${source('db', 'rds', 'public', 'wl.txt', 'shared')}`;
    const report = await check(config, { 'wl.txt': '198.51.100.0/24' });
    expect(report.status).toBe('pass');
    expect(report.required[0]).toMatchObject({ entry: '198.51.100.0/26', covered: true });
    expect(report.required[0]?.via[0]).toEqual({
      module: 'data-integration',
      resourceGroup: 'shared',
      origin: 'config',
      source: 'shared-integration:cn-hangzhou'
    });
    expect(report.addressLists.map((l) => l.origin)).toEqual(['config']);
  });
});

describe('runCheck: product rules', () => {
  it('applies accepted forms, broadness, host bits and redundancy', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt':
        '192.0.2.0/24, 2001:db8::/48, 198.51.100.1-198.51.100.9, 192.0.2.77, 203.0.113.5/24 0.0.0.0/0 300.1.1.1\n'
    });
    const summary = report.findings.map((f) => `${f.rule} ${f.raw ?? f.entry}`);
    expect(summary).toEqual([
      'invalid-entry 300.1.1.1',
      'unsupported-entry 2001:db8::/48',
      'unsupported-entry 198.51.100.1-198.51.100.9',
      'overly-broad-entry 0.0.0.0/0',
      'host-bits-set 203.0.113.5/24',
      'redundant-entry 192.0.2.0/24',
      'redundant-entry 192.0.2.77',
      'redundant-entry 203.0.113.5/24'
    ]);
    expect(report.status).toBe('fail');
  });

  it('rejects 0.0.0.0/0 on ClickHouse, so it covers nothing', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('ch', 'clickhouse', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt': '0.0.0.0/0\n'
    });
    expect(byRule(report, 'unsupported-entry')).toHaveLength(1);
    expect(byRule(report, 'missing-entry').map((f) => f.entry)).toEqual(['192.0.2.0/24']);
  });

  it('treats an empty MaxCompute whitelist as allowing everyone, with a warning', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('mc', 'maxcompute', 'public', 'wl.txt', 'prod')}`, {
      'wl.txt': '# no entries\n'
    });
    expect(report.status).toBe('pass');
    expect(byRule(report, 'allow-all-whitelist')).toHaveLength(1);
    expect(report.required.every((r) => r.covered)).toBe(true);
    expect(
      (
        await check(
          `${GROUPS}\ndataSources:${source('mc', 'maxcompute', 'public', 'wl.txt', 'prod')}`,
          { 'wl.txt': '' },
          { failOn: 'warning' }
        )
      ).status
    ).toBe('fail');
  });

  it("takes PolarDB's % as every address", async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('pg', 'polardb', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt': '%\n'
    });
    expect(byRule(report, 'missing-entry')).toEqual([]);
    expect(byRule(report, 'overly-broad-entry')).toHaveLength(1);
  });

  it('counts distinct entries against the product limit', async () => {
    const entries = Array.from({ length: 201 }, (_, i) => `203.0.113.${i % 256}/32`).join('\n');
    const report = await check(`${GROUPS}\ndataSources:${source('ch', 'clickhouse', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt': `192.0.2.0/24\n${entries}\n`
    });
    const [tooMany] = byRule(report, 'too-many-entries');
    expect(tooMany?.message).toContain('has 202 distinct entries');
  });
});

describe('runCheck: waivers', () => {
  const waived = (expires: string, entry = '203.0.113.64/27'): string =>
    `${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'wl.txt', 'prod, legacy')}
waivers:
  - dataSource: db
    entry: ${entry}
    reason: retired in January
    expires: ${expires}
`;

  it('turns a miss inside a live waiver into a notice', async () => {
    const report = await check(waived('2026-11-28'), { 'wl.txt': '192.0.2.0/24' });
    expect(report.status).toBe('pass');
    expect(byRule(report, 'waived')).toHaveLength(1);
    expect(byRule(report, 'missing-entry')).toEqual([]);
  });

  it('counts the miss again after the expiry day', async () => {
    const report = await check(waived('2026-11-27'), { 'wl.txt': '192.0.2.0/24' });
    expect(report.status).toBe('fail');
    expect(byRule(report, 'expired-waiver')).toHaveLength(1);
    expect(byRule(report, 'missing-entry')).toHaveLength(1);
  });

  it('reports a waiver that matched nothing', async () => {
    const report = await check(waived('2027-01-31', '198.51.100.0/24'), { 'wl.txt': '192.0.2.0/24' });
    expect(byRule(report, 'unused-waiver')).toHaveLength(1);
    expect(byRule(report, 'missing-entry')).toHaveLength(1);
  });
});

describe('runCheck: determinism', () => {
  it('gives the same report twice', async () => {
    const files = { 'wl.txt': '192.0.2.0/25\n203.0.113.9\n' };
    const config = `${GROUPS}\ndataSources:${source('b', 'rds', 'private', 'wl.txt', 'prod, legacy')}${source('a', 'rds', 'public', 'wl.txt', 'legacy, prod')}`;
    const first = await check(config, files);
    expect(await check(config, files)).toEqual(first);
    expect(first.findings.map((f) => f.dataSource)).toEqual(['b', 'b', 'a']);
  });
});

describe('runCheck: unknown is not missing (contract §8)', () => {
  const twoSources = (second: string, extra = ''): string => `${GROUPS}
dataSources:
  db:
    product: rds
    network: private
    whitelist:
      - file: wl.txt
      - ${second}
    access:
      - module: data-integration
        resourceGroups: [prod, legacy]${extra}
`;

  it('with one source missing, reports the blocks the readable source does not cover as unknown, not missing', async () => {
    const report = await check(twoSources('file: nowhere.txt'), { 'wl.txt': '192.0.2.0/24\n' });
    expect(report.status).toBe('error');
    expect(byRule(report, 'missing-entry')).toEqual([]);
    expect(report.summary.missing).toBe(0);
    expect(report.required.map((r) => [r.entry, r.covered])).toEqual([
      ['192.0.2.0/24', true],
      ['203.0.113.64/27', null]
    ]);
    // The root cause leads the findings.
    expect(report.findings[0]).toMatchObject({ rule: 'invalid-whitelist', dataSource: 'db', file: CONFIG });
  });

  it('with a select that matches nothing, gives no missing-entry pointing at the place of the typo', async () => {
    const tf = 'resource "alicloud_db_instance" "orders" {\n  security_ips = ["198.51.100.0/24"]\n}\n';
    const report = await check(twoSources('file: infra/rds.tf\n        select: alicloud_db_instance.ordrs'), {
      'wl.txt': '203.0.113.64/27\n',
      'infra/rds.tf': tf
    });
    expect(byRule(report, 'invalid-whitelist')).toHaveLength(1);
    expect(byRule(report, 'missing-entry')).toEqual([]);
    expect(report.required.map((r) => [r.entry, r.covered])).toEqual([
      ['192.0.2.0/24', null],
      ['203.0.113.64/27', true]
    ]);
  });

  it('with a Terraform value that cannot be resolved, keeps the literal entries and leaves the rest unknown', async () => {
    const tf =
      'variable "extra" {\n  type = list(string)\n}\n' +
      'resource "alicloud_db_instance" "orders" {\n  security_ips = concat(["192.0.2.0/24"], var.extra)\n}\n';
    const report = await check(
      `${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'infra/rds.tf', 'prod, legacy')}\n        `.replace(
        'file: infra/rds.tf',
        'file: infra/rds.tf\n      select: alicloud_db_instance.orders'
      ),
      { 'infra/rds.tf': tf }
    );
    expect(report.status).toBe('error');
    expect(report.findings[0]?.rule).toBe('unresolved');
    expect(byRule(report, 'missing-entry')).toEqual([]);
    expect(report.required.map((r) => r.covered)).toContain(null);
  });

  it('still reports real misses of other data sources, after the findings that made the check incomplete', async () => {
    const config = `${twoSources('file: nowhere.txt')}${source('other', 'rds', 'private', 'wl.txt', 'legacy').replace(/^\n/, '')}`;
    const report = await check(config, { 'wl.txt': '192.0.2.0/24\n' });
    const missing = byRule(report, 'missing-entry');
    expect(missing.map((f) => [f.dataSource, f.entry])).toEqual([['other', '203.0.113.64/27']]);
    expect(report.summary.missing).toBe(1);
    expect(report.findings.map((f) => f.rule).indexOf('invalid-whitelist')).toBe(0);
  });

  it('does not call a waiver for an unknown block unused', async () => {
    const config = `${twoSources('file: nowhere.txt')}waivers:
  - dataSource: db
    entry: 203.0.113.64/27
    reason: retired in January
    expires: 2027-01-31
`;
    const report = await check(config, { 'wl.txt': '192.0.2.0/24\n' });
    expect(byRule(report, 'unused-waiver')).toEqual([]);
    expect(byRule(report, 'waived')).toEqual([]);
  });

  it('orders missing blocks by address, not by string', async () => {
    const config = `version: 1
region: cn-hangzhou
resourceGroups:
  g:
    type: exclusive-integration
    privateCidrs: [100.104.189.64/26, 100.104.38.192/26, 100.104.5.0/24]
dataSources:${source('db', 'rds', 'private', 'wl.txt', 'g')}
`;
    const report = await check(config, { 'wl.txt': '192.0.2.1\n' });
    expect(byRule(report, 'missing-entry').map((f) => f.entry)).toEqual([
      '100.104.5.0/24',
      '100.104.38.192/26',
      '100.104.189.64/26'
    ]);
  });
});

describe('runCheck: redundancy a user can act on (issue 9 §3)', () => {
  it('flags the two halves of a listed /24, never all three', async () => {
    const report = await check(`${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt': '192.0.2.0/24\n192.0.2.0/25\n192.0.2.128/25\n'
    });
    expect(byRule(report, 'redundant-entry').map((f) => [f.raw, f.line])).toEqual([
      ['192.0.2.0/25', 2],
      ['192.0.2.128/25', 3]
    ]);
    expect(report.status).toBe('pass');
  });

  it('treats the copies that count = 2 makes of one literal as one entry', async () => {
    const tf = 'resource "alicloud_db_instance" "orders" {\n  count        = 2\n  security_ips = ["192.0.2.5/24"]\n}\n';
    const report = await check(
      `${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'infra/rds.tf', 'prod')}`.replace(
        'file: infra/rds.tf',
        'file: infra/rds.tf\n      select: alicloud_db_instance.orders'
      ),
      { 'infra/rds.tf': tf }
    );
    expect(byRule(report, 'redundant-entry')).toEqual([]);
    expect(byRule(report, 'host-bits-set')).toHaveLength(1);
    expect(report.required.every((r) => r.covered === true)).toBe(true);
  });

  it('lists the first 20 redundant entries of a data source, then one notice with the count of the rest', async () => {
    const nested = Array.from({ length: 30 }, (_, i) => `192.0.2.${i}`).join('\n');
    const report = await check(`${GROUPS}\ndataSources:${source('db', 'rds', 'private', 'wl.txt', 'prod')}`, {
      'wl.txt': `192.0.2.0/24\n${nested}\n`
    });
    const notices = byRule(report, 'redundant-entry');
    expect(notices).toHaveLength(21);
    expect(notices.slice(0, 20).every((f) => f.raw !== undefined)).toBe(true);
    const last = notices[20];
    expect(last).toMatchObject({ file: 'wl.txt', line: 22, column: 1 });
    expect(last?.message).toMatch(/^10 more entries of the whitelist of "db", starting here, are already allowed/);
  });
});
