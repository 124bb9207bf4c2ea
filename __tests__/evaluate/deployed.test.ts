/**
 * Deployed whitelists (contract §9) through the engine, with a hand-written reader returning `DeployedWhitelist`
 * values: coverage per scope, drift both ways as address sets, hidden groups, `deployedGroups`, networks, product
 * rules on deployed entries, waivers across scopes, and failing closed when a whitelist cannot be read.
 */
import { runCheck, type CheckOptions } from '../../src/engine.js';
import { silentLogger, type Logger } from '../../src/io.js';
import type { Finding, Report } from '../../src/model.js';
import type {
  DeployedGroup,
  DeployedReadResult,
  DeployedRequest,
  DeployedWhitelist,
  DeployedWhitelistReader
} from '../../src/whitelists/deployed/types.js';
import { memoryFiles } from '../helpers/memory-files.js';

const CONFIG = '.github/dataworks-whitelist.yml';
const NOW = new Date('2026-11-28T08:00:00Z');

const HEAD = `version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: serverless
    privateCidrs: [192.0.2.0/24]
    publicIps: [198.51.100.7]
dataSources:
`;

/** A data source of `product` on `network`; `keys` are extra YAML lines at the data source's level. */
function source(keys: string, product = 'rds', network = 'private'): string {
  return `  db:
    product: ${product}
    network: ${network}
${keys}    access:
      - module: data-integration
        resourceGroups: [prod]
`;
}

function group(name: string, entries: string[], extra: Partial<DeployedGroup> = {}): DeployedGroup {
  return { name, hidden: false, networks: ['private', 'public'], entries, ...extra };
}

function whitelist(groups: DeployedGroup[], extra: Partial<DeployedWhitelist> = {}): DeployedWhitelist {
  return {
    product: 'rds',
    instance: 'rm-test',
    region: 'cn-hangzhou',
    groups,
    disabledNetworks: [],
    emptyAllowsAll: false,
    ...extra
  };
}

/** A reader that answers every request with `answer` and records what it was asked. */
function fakeReader(answer: (r: DeployedRequest) => DeployedReadResult): DeployedWhitelistReader & {
  asked: DeployedRequest[];
} {
  const asked: DeployedRequest[] = [];
  return {
    asked,
    read: async (requests) => {
      asked.push(...requests);
      return new Map(requests.map((r) => [r.dataSource, answer(r)]));
    }
  };
}

const reads = (w: DeployedWhitelist): DeployedWhitelistReader =>
  fakeReader(() => ({ ok: true, whitelist: w, apiCalls: 1 }));

async function check(config: string, files: Record<string, string>, opts: Partial<CheckOptions> = {}): Promise<Report> {
  return runCheck({
    root: '/repo',
    configPath: CONFIG,
    resolve: 'online',
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

/** The line of the config that holds `text` (1-based). */
function lineOf(config: string, text: string): number {
  return config.split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('deployed whitelists: coverage per scope', () => {
  it('checks a data source by its instance alone: a miss is scope deployed, at the instance key', async () => {
    const config = HEAD + source('    instance: rm-test\n');
    const reader = fakeReader(() => ({
      ok: true,
      whitelist: whitelist([group('default', ['192.0.2.0/25'])]),
      apiCalls: 1
    }));
    const report = await check(config, {}, { deployedReader: reader });
    expect(reader.asked).toEqual([
      { dataSource: 'db', product: 'rds', instance: 'rm-test', region: 'cn-hangzhou', network: 'private' }
    ]);
    const [miss, ...more] = byRule(report, 'missing-entry');
    expect(more).toEqual([]);
    expect(miss).toMatchObject({
      scope: 'deployed',
      dataSource: 'db',
      entry: '192.0.2.0/24',
      uncovered: ['192.0.2.128/25'],
      file: CONFIG,
      line: lineOf(config, 'instance:'),
      column: 15
    });
    expect(miss?.message).toContain('"rm-test"');
    expect(miss?.message).toContain('DataWorks cannot connect today');
    expect(report.required).toEqual([
      expect.objectContaining({ entry: '192.0.2.0/24', covered: false, deployed: false })
    ]);
    expect(report.dataSources[0]).toMatchObject({ declared: false, instance: 'rm-test', deployedState: 'read' });
    expect(report.status).toBe('fail');
    expect(report.summary.missing).toBe(1);
  });

  it('passes an instance whose groups together cover the block, and counts hidden groups for coverage', async () => {
    const config = HEAD + source('    instance: rm-test\n');
    const w = whitelist([group('default', ['192.0.2.0/25']), group('sys', ['192.0.2.128/25'], { hidden: true })]);
    const report = await check(config, {}, { deployedReader: reads(w) });
    expect(report.status).toBe('pass');
    expect(report.required[0]).toMatchObject({ covered: true, deployed: true });
  });

  it('reports a block missing in both scopes once per scope, and missing-count counts both', async () => {
    const config = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');
    const report = await check(
      config,
      { 'wl.txt': '203.0.113.1\n' },
      { deployedReader: reads(whitelist([group('default', ['203.0.113.1'])])) }
    );
    const misses = byRule(report, 'missing-entry');
    expect(misses.map((f) => [f.scope, f.file])).toEqual([
      ['declared', 'wl.txt'],
      ['deployed', CONFIG]
    ]);
    expect(report.summary.missing).toBe(2);
    expect(report.required[0]).toMatchObject({ covered: false, deployed: false });
  });

  it('says "apply the files" when the files allow a block the instance lacks, and reports it as not applied', async () => {
    const config = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/24\n' },
      { deployedReader: reads(whitelist([group('default', [])])) }
    );
    const [miss] = byRule(report, 'missing-entry');
    expect(miss).toMatchObject({ scope: 'deployed', entry: '192.0.2.0/24' });
    expect(miss?.message).toContain('apply them');
    expect(report.required[0]).toMatchObject({ covered: true, deployed: false });
    const [drift, ...more] = byRule(report, 'deployed-drift');
    expect(more).toEqual([]);
    expect(drift).toMatchObject({ scope: 'deployed', entry: '192.0.2.0/24', file: 'wl.txt', line: 1, column: 1 });
    expect(drift?.message).toMatch(/^not applied/);
  });

  it('ignores groups that do not admit the data source network', async () => {
    const config = HEAD + source('    instance: rm-test\n');
    const w = whitelist([group('classic', ['192.0.2.0/24'], { networks: ['public'] })]);
    const report = await check(config, {}, { deployedReader: reads(w) });
    expect(byRule(report, 'missing-entry')).toHaveLength(1);
  });

  it('reports network-disabled when the instance takes no connection on the network', async () => {
    const config =
      HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n', 'elasticsearch', 'public');
    const w = whitelist([group('public', ['198.51.100.7'], { networks: ['public'] })], {
      product: 'elasticsearch',
      disabledNetworks: ['public']
    });
    const report = await check(config, { 'wl.txt': '198.51.100.7\n' }, { deployedReader: reads(w) });
    expect(byRule(report, 'network-disabled')).toEqual([
      expect.objectContaining({ dataSource: 'db', file: CONFIG, line: lineOf(config, 'instance:') })
    ]);
    expect(report.required[0]).toMatchObject({ covered: true, deployed: false });
    // The files are not "not applied": the instance refuses the whole network.
    expect(byRule(report, 'deployed-drift')).toEqual([]);
  });
});

describe('deployed whitelists: drift as address sets', () => {
  const config = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');

  it('treats two /25 halves in the files as equal to their /24 deployed', async () => {
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/25\n192.0.2.128/25\n' },
      {
        deployedReader: reads(whitelist([group('default', ['192.0.2.0/24'])]))
      }
    );
    expect(byRule(report, 'deployed-drift')).toEqual([]);
    expect(report.status).toBe('pass');
  });

  it('reports an entry added in the console as changed outside code, with the part outside the files', async () => {
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/24\n' },
      {
        deployedReader: reads(whitelist([group('default', ['192.0.2.0/24', '203.0.113.0/31'])]))
      }
    );
    const [drift, ...more] = byRule(report, 'deployed-drift');
    expect(more).toEqual([]);
    expect(drift).toMatchObject({
      severity: 'warning',
      scope: 'deployed',
      entry: '203.0.113.0/31',
      uncovered: ['203.0.113.0/31'],
      file: CONFIG,
      line: lineOf(config, 'instance:')
    });
    expect(drift?.message).toMatch(/^changed outside code: .*group "default"/);
  });

  it('never reports a hidden group as changed outside code', async () => {
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/24\n' },
      {
        deployedReader: reads(
          whitelist([group('default', ['192.0.2.0/24']), group('dts', ['203.0.113.0/24'], { hidden: true })])
        )
      }
    );
    expect(byRule(report, 'deployed-drift')).toEqual([]);
  });

  it('counts hidden groups as applied: a file entry deployed only in a hidden group is not drift', async () => {
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/24\n203.0.113.5\n' },
      {
        deployedReader: reads(
          whitelist([group('default', ['192.0.2.0/24']), group('sys', ['203.0.113.0/24'], { hidden: true })])
        )
      }
    );
    expect(byRule(report, 'deployed-drift')).toEqual([]);
  });

  it('compares only deployedGroups when given, both ways', async () => {
    const withGroups =
      HEAD + source('    instance: rm-test\n    deployedGroups: [dataworks]\n    whitelist:\n      file: wl.txt\n');
    const w = whitelist([group('dataworks', ['192.0.2.0/24']), group('office', ['203.0.113.0/24', '198.51.100.9'])]);
    const quiet = await check(withGroups, { 'wl.txt': '192.0.2.0/24\n' }, { deployedReader: reads(w) });
    expect(byRule(quiet, 'deployed-drift')).toEqual([]);
    // An entry of the files that is deployed only in a group outside deployedGroups is not applied where it belongs.
    const loud = await check(withGroups, { 'wl.txt': '192.0.2.0/24\n198.51.100.9\n' }, { deployedReader: reads(w) });
    expect(byRule(loud, 'deployed-drift')).toEqual([
      expect.objectContaining({ entry: '198.51.100.9/32', file: 'wl.txt', line: 2 })
    ]);
    expect(byRule(loud, 'deployed-drift')[0]?.message).toContain('groups "dataworks"');
  });

  it('reports no drift when the declared side is unknown (a whitelist file cannot be read)', async () => {
    const report = await check(
      config,
      {},
      { deployedReader: reads(whitelist([group('default', ['203.0.113.0/24'])])) }
    );
    expect(byRule(report, 'invalid-whitelist')).toHaveLength(1);
    expect(byRule(report, 'deployed-drift')).toEqual([]);
    // The deployed scope is still checked: it was read.
    expect(byRule(report, 'missing-entry')).toEqual([expect.objectContaining({ scope: 'deployed' })]);
    expect(report.required[0]).toMatchObject({ covered: null, deployed: false });
  });

  it('lists at most 50 differences one by one per direction, then how many more', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `203.0.113.${i}`);
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/24\n' },
      {
        deployedReader: reads(whitelist([group('default', ['192.0.2.0/24', ...many])]))
      }
    );
    const drift = byRule(report, 'deployed-drift');
    expect(drift).toHaveLength(51);
    expect(drift.filter((f) => /^10 more deployed entries are not in the files/.test(f.message))).toHaveLength(1);
  });
});

describe('deployed whitelists: product rules on deployed entries', () => {
  const config = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');

  it('reports invalid and unsupported deployed entries with scope deployed at the instance; they cover nothing', async () => {
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/24\n' },
      {
        deployedReader: reads(whitelist([group('default', ['192.0.2.0/24', 'not-an-ip', '2001:db8::1'])]))
      }
    );
    expect(byRule(report, 'invalid-entry')).toEqual([
      expect.objectContaining({ scope: 'deployed', raw: 'not-an-ip', file: CONFIG })
    ]);
    expect(byRule(report, 'unsupported-entry')).toEqual([
      expect.objectContaining({ scope: 'deployed', entry: '2001:db8::1/128' })
    ]);
  });

  it('gives an entry both in the files and deployed its entry findings once, as declared', async () => {
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.5/24\n' },
      {
        deployedReader: reads(whitelist([group('default', ['192.0.2.5/24']), group('copy', ['192.0.2.5/24'])]))
      }
    );
    expect(byRule(report, 'host-bits-set').map((f) => [f.scope, f.file])).toEqual([['declared', 'wl.txt']]);
  });

  it('reports a deployed-only entry finding once however many groups hold it', async () => {
    const report = await check(
      config,
      { 'wl.txt': '192.0.2.0/24\n' },
      {
        deployedReader: reads(whitelist([group('a', ['192.0.2.0/24', '0.0.0.0/0']), group('b', ['0.0.0.0/0'])]))
      }
    );
    expect(byRule(report, 'overly-broad-entry')).toEqual([
      expect.objectContaining({ scope: 'deployed', entry: '0.0.0.0/0' })
    ]);
  });

  it('an empty deployed whitelist that allows everyone covers every block, with allow-all-whitelist', async () => {
    const maxcompute = HEAD + source('    instance: my_project\n', 'maxcompute', 'private');
    const w = whitelist([group('vpcIpList', [], { networks: ['private'] })], {
      product: 'maxcompute',
      emptyAllowsAll: true
    });
    const report = await check(maxcompute, {}, { deployedReader: reads(w) });
    expect(byRule(report, 'allow-all-whitelist')).toEqual([
      expect.objectContaining({ scope: 'deployed', dataSource: 'db' })
    ]);
    expect(report.required[0]).toMatchObject({ covered: true, deployed: true });
  });

  it('treats an RDS 127.0.0.1 as deny-all: it covers nothing, is never drift, and keeps an empty list empty', async () => {
    const report = await check(
      HEAD + source('    instance: rm-test\n'),
      {},
      {
        deployedReader: reads(whitelist([group('default', ['127.0.0.1'])], { emptyAllowsAll: true }))
      }
    );
    expect(byRule(report, 'allow-all-whitelist')).toHaveLength(1);
    const withFiles = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');
    const denied = await check(
      withFiles,
      { 'wl.txt': '192.0.2.0/24\n' },
      {
        deployedReader: reads(whitelist([group('default', ['127.0.0.1', '192.0.2.0/24'])]))
      }
    );
    expect(byRule(denied, 'deployed-drift')).toEqual([]);
    const alone = await check(
      HEAD + source('    instance: rm-test\n'),
      {},
      {
        deployedReader: reads(whitelist([group('default', ['127.0.0.1'])]))
      }
    );
    expect(byRule(alone, 'missing-entry')).toHaveLength(1);
  });

  it('applies the entry limit to the instance', async () => {
    const entries = Array.from({ length: 1001 }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.1`);
    const report = await check(
      HEAD + source('    instance: rm-test\n'),
      {},
      {
        deployedReader: reads(
          whitelist([group('default', ['192.0.2.0/24', ...entries.slice(0, 500)]), group('b', entries.slice(500))])
        )
      }
    );
    expect(byRule(report, 'too-many-entries')).toEqual([expect.objectContaining({ scope: 'deployed', file: CONFIG })]);
  });
});

describe('deployed whitelists: when they are not read', () => {
  it('offline: an instance-only source is not-checked and its blocks are unknown; no deployed key', async () => {
    const config = HEAD + source('    instance: rm-test\n');
    const reader = fakeReader(() => ({ ok: false, message: 'never called', apiCalls: 0 }));
    const report = await check(config, {}, { resolve: 'offline', deployedReader: reader });
    expect(reader.asked).toEqual([]);
    expect(byRule(report, 'not-checked')).toEqual([
      expect.objectContaining({ severity: 'notice', dataSource: 'db', file: CONFIG, line: lineOf(config, 'instance:') })
    ]);
    expect(report.required).toEqual([expect.not.objectContaining({ deployed: expect.anything() })]);
    expect(report.required[0]?.covered).toBeNull();
    expect(report.status).toBe('pass');
    expect(report.dataSources[0]?.deployedState).toBe('not-read');
  });

  it('deployed never with files: the files are checked as usual and no notice', async () => {
    const config = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');
    const report = await check(config, { 'wl.txt': '192.0.2.0/24\n' }, { deployed: 'never' });
    expect(report.status).toBe('pass');
    expect(report.findings).toEqual([]);
    expect(report.required[0]).not.toHaveProperty('deployed');
  });

  it('warns on an audit run that goes offline under deployed auto', async () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warning: (m) => warnings.push(m) };
    await check(HEAD + source('    instance: rm-test\n'), {}, { resolve: 'offline', warnOfflineAudit: true, logger });
    expect(warnings).toEqual([expect.stringContaining('No deployed whitelist was read')]);
    warnings.length = 0;
    await check(HEAD + source('    instance: rm-test\n'), {}, { resolve: 'offline', logger });
    expect(warnings).toEqual([]);
  });

  it('a failed read is unresolved (naming the RAM action), its blocks unknown, status error', async () => {
    const config = HEAD + source('    instance: rm-test\n');
    const reader = fakeReader(() => ({
      ok: false,
      message: 'DescribeDBInstanceIPArrayList was denied (403)',
      ramAction: 'rds:DescribeDBInstanceIPArrayList',
      apiCalls: 1
    }));
    const report = await check(config, {}, { deployedReader: reader });
    expect(report.status).toBe('error');
    const [unresolved] = byRule(report, 'unresolved');
    expect(unresolved).toMatchObject({ dataSource: 'db', file: CONFIG, line: lineOf(config, 'instance:') });
    expect(unresolved?.message).toContain('rds:DescribeDBInstanceIPArrayList');
    expect(report.required[0]).toMatchObject({ covered: null, deployed: null });
    expect(byRule(report, 'missing-entry')).toEqual([]);
  });

  it('fails closed when the reader throws, returns nothing for a source, or returns a malformed whitelist', async () => {
    const config = HEAD + source('    instance: rm-test\n');
    const throwing: DeployedWhitelistReader = {
      read: async () => {
        throw new TypeError('boom');
      }
    };
    const silent: DeployedWhitelistReader = { read: async () => new Map() };
    const malformed = fakeReader(() => ({
      ok: true,
      whitelist: { groups: 'x' } as unknown as DeployedWhitelist,
      apiCalls: 1
    }));
    for (const reader of [throwing, silent, malformed]) {
      const report = await check(config, {}, { deployedReader: reader });
      expect(report.status).toBe('error');
      expect(byRule(report, 'unresolved')).toHaveLength(1);
      expect(JSON.stringify(report)).not.toMatch(/boom|undefined|\[object Object\]/);
    }
  });

  it('deployed always on a run without credentials is unresolved, never a silent pass', async () => {
    const report = await check(HEAD + source('    instance: rm-test\n'), {}, { resolve: 'auto', deployed: 'always' });
    expect(report.status).toBe('error');
    expect(byRule(report, 'unresolved')[0]?.message).toContain('offline');
  });

  it('without an injected reader and no readers module, every instance is unresolved', async () => {
    const report = await check(HEAD + source('    instance: rm-test\n'), {});
    expect(report.status).toBe('error');
    expect(byRule(report, 'unresolved')[0]?.message).toMatch(/could not be read/);
  });
});

describe('deployed whitelists: waivers across scopes', () => {
  const waiver = (scope: string) => `waivers:
  - dataSource: db
    entry: 192.0.2.0/24
    reason: migrating
    expires: 2027-01-31
${scope ? `    scope: ${scope}\n` : ''}`;
  const base = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');
  const empty = { deployedReader: reads(whitelist([group('default', ['203.0.113.1'])])) };

  it('an unscoped waiver waives the block in both scopes', async () => {
    const report = await check(base + waiver(''), { 'wl.txt': '203.0.113.1\n' }, empty);
    expect(byRule(report, 'waived').map((f) => f.scope)).toEqual(['declared', 'deployed']);
    expect(byRule(report, 'missing-entry')).toEqual([]);
  });

  it('a waiver with scope declared leaves the deployed miss', async () => {
    const report = await check(base + waiver('declared'), { 'wl.txt': '203.0.113.1\n' }, empty);
    expect(byRule(report, 'waived').map((f) => f.scope)).toEqual(['declared']);
    expect(byRule(report, 'missing-entry').map((f) => f.scope)).toEqual(['deployed']);
  });

  it('a deployed-scope waiver is not unused when the deployed whitelist was not read', async () => {
    const offline = await check(base + waiver('deployed'), { 'wl.txt': '192.0.2.0/24\n' }, { resolve: 'offline' });
    expect(byRule(offline, 'unused-waiver')).toEqual([]);
    const online = await check(
      base + waiver('deployed'),
      { 'wl.txt': '192.0.2.0/24\n' },
      {
        deployedReader: reads(whitelist([group('default', ['192.0.2.0/24'])]))
      }
    );
    expect(byRule(online, 'unused-waiver')).toHaveLength(1);
  });
});

describe('deployed whitelists: hostile content from the console', () => {
  const config = HEAD + source('    instance: rm-test\n    whitelist:\n      file: wl.txt\n');

  it('quotes names and entries by a prefix, caps the findings, and stays fast on 100,000 entries', async () => {
    const long = `10.0.0.1${'x'.repeat(100_000)}`;
    const junk = Array.from({ length: 100_000 }, (_, i) =>
      i % 2 === 0 ? `bad-${i}` : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`
    );
    const w = whitelist([
      group('__proto__', [long, 'constructor', ...junk]),
      group('x'.repeat(10_000), ['192.0.2.0/24', '', '   '])
    ]);
    const started = Date.now();
    const report = await check(config, { 'wl.txt': '192.0.2.0/24\n' }, { deployedReader: reads(w) });
    expect(Date.now() - started).toBeLessThan(10_000);
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]|Maximum call stack/);
    expect(text.length).toBeLessThan(200_000);
    for (const f of report.findings) expect(f.message.length).toBeLessThan(1_000);
    // 20 invalid entries one by one, then how many more; drift capped per direction.
    expect(byRule(report, 'invalid-entry')).toHaveLength(21);
    expect(byRule(report, 'deployed-drift').length).toBeLessThanOrEqual(52);
    expect(byRule(report, 'too-many-entries')).toHaveLength(1);
    expect(report.required[0]).toMatchObject({ covered: true, deployed: true });
  });
});
