import { readFileSync } from 'node:fs';
import { loadConfig, parseConfig } from '../../src/config/index.js';
import type { Config, Located } from '../../src/model.js';
import { memoryFiles } from '../helpers/memory-files.js';
import { MINIMAL, yamlText } from './yaml-text.js';

const FILE = '.github/dataworks-whitelist.yml';
const fullText = readFileSync(new URL('./fixtures/valid-full.yml', import.meta.url), 'utf8');

function load(text: string): Config {
  const result = parseConfig(text, FILE);
  expect(result.findings).toEqual([]);
  expect(result.config).toBeDefined();
  return result.config!;
}

const at = (line: number, column: number) => ({ file: FILE, line, column });
const values = (items: Located<string>[] | undefined) => items?.map((item) => item.value);

describe('parseConfig: the contract example', () => {
  const config = load(fullText);

  it('keeps the top level and the file path', () => {
    expect(config).toMatchObject({ path: FILE, version: 1, region: 'cn-hangzhou' });
  });

  it('reads resource groups in file order with their facts and positions', () => {
    expect(config.resourceGroups.map((group) => [group.name, group.type])).toEqual([
      ['prod-serverless', 'serverless'],
      ['legacy-di', 'exclusive-integration'],
      ['shared', 'shared']
    ]);
    const [serverless, legacy, shared] = config.resourceGroups;
    expect(serverless.pos).toEqual(at(5, 3));
    expect(serverless.id).toEqual({ value: 'Serverless_res_group_524257424564736_6831777003XXXXX', pos: at(7, 9) });
    expect(serverless.privateCidrs).toEqual([
      { value: '192.0.2.0/24', pos: at(9, 20) },
      { value: '2001:db8:1::/64', pos: at(9, 34) }
    ]);
    expect(serverless.publicIps).toEqual([{ value: '198.51.100.7', pos: at(10, 17) }]);
    expect(values(serverless.vswitches)).toEqual(['vsw-aaa']);
    expect(serverless.modules['data-service']).toEqual({
      pos: at(13, 7),
      vswitches: [{ value: 'vsw-bbb', pos: at(14, 21) }],
      privateCidrs: [{ value: '192.0.2.128/25', pos: at(15, 24) }],
      publicIps: []
    });
    expect(legacy).toMatchObject({ region: 'cn-hangzhou', modules: {}, pos: at(17, 3) });
    expect(legacy.vswitches).toBeUndefined();
    expect(shared).toEqual({ name: 'shared', type: 'shared', region: 'cn-hangzhou', modules: {}, pos: at(21, 3) });
  });

  it('reads address-list overrides: a plain list adds, an object may replace', () => {
    expect(config.addressLists).toEqual([
      {
        list: 'shared-integration',
        region: 'cn-hangzhou',
        replace: false,
        entries: [{ value: '198.51.100.0/26', pos: at(26, 19) }],
        pos: at(26, 5)
      },
      {
        list: 'metadata-collection',
        region: 'cn-hangzhou',
        replace: true,
        entries: [{ value: '198.51.100.64/26', pos: at(28, 45) }],
        pos: at(28, 5)
      }
    ]);
  });

  it('reads data sources with inferred formats, access entries and positions', () => {
    expect(config.dataSources).toHaveLength(1);
    const [orders] = config.dataSources;
    expect(orders).toMatchObject({
      name: 'orders-rds',
      product: 'rds',
      region: 'cn-hangzhou',
      network: 'private',
      port: 3306,
      pos: at(31, 3)
    });
    expect(orders.whitelist).toEqual([
      { file: 'infra/rds.tf', format: 'terraform', select: 'alicloud_db_instance.orders', pos: at(37, 9) },
      { file: 'whitelists/office.txt', format: 'text', pos: at(39, 9) }
    ]);
    expect(orders.access).toEqual([
      {
        module: 'data-integration',
        resourceGroups: [
          { value: 'prod-serverless', pos: at(42, 26) },
          { value: 'legacy-di', pos: at(42, 43) }
        ],
        pos: at(41, 9)
      },
      { module: 'metadata-collection', region: 'cn-hangzhou', pos: at(43, 9) }
    ]);
  });

  it('reads waivers with the entry position and the date as text', () => {
    expect(config.waivers).toEqual([
      {
        dataSource: 'orders-rds',
        entry: { value: '203.0.113.9', pos: at(47, 12) },
        reason: 'legacy group retired in January',
        expires: '2027-01-31',
        pos: at(46, 5)
      }
    ]);
  });
});

describe('parseConfig: defaults and normalisation', () => {
  it('gives groups and data sources the top-level region unless they set one', () => {
    const config = load(yamlText`
      version: 1
      region: cn-shanghai
      resourceGroups:
        here: { type: serverless }
        there: { type: serverless, region: ap-southeast-1 }
      dataSources:
        local:
          product: rds
          network: private
          whitelist: { file: a.txt }
          access: [{ module: data-integration, resourceGroups: [here] }]
        remote:
          product: maxcompute
          region: ap-southeast-1
          network: public
          whitelist: { file: b.txt }
          access: [{ module: data-analysis }, { module: metadata-collection }]
    `);
    expect(config.resourceGroups.map((group) => group.region)).toEqual(['cn-shanghai', 'ap-southeast-1']);
    expect(config.dataSources.map((source) => source.region)).toEqual(['cn-shanghai', 'ap-southeast-1']);
    expect(config.dataSources[1].access.map((access) => access.region)).toEqual([undefined, undefined]);
    expect(config.addressLists).toEqual([]);
    expect(config.waivers).toEqual([]);
  });

  it('keeps absent publicIps apart from an empty list (unknown versus no public egress)', () => {
    const config = load(yamlText`
      version: 1
      region: cn-hangzhou
      resourceGroups:
        unknown: { type: serverless, privateCidrs: [192.0.2.0/24] }
        none: { type: serverless, publicIps: [] }
      dataSources:
        db:
          product: rds
          network: public
          whitelist: { file: a.txt }
          access: [{ module: data-integration, resourceGroups: [unknown, none] }]
    `);
    const [unknown, none] = config.resourceGroups;
    expect(unknown.publicIps).toBeUndefined();
    expect('publicIps' in unknown).toBe(false);
    expect(none.publicIps).toEqual([]);
    expect(none.privateCidrs).toBeUndefined();
  });

  it('keeps the file order of names, even integer-like ones', () => {
    const config = load(yamlText`
      version: 1
      region: cn-hangzhou
      resourceGroups:
        zeta: { type: serverless }
        "10": { type: serverless }
        alpha: { type: serverless }
      dataSources:
        zz:
          product: rds
          network: private
          whitelist: { file: a.txt }
          access: [{ module: data-integration, resourceGroups: ["10"] }]
        "2":
          product: rds
          network: private
          whitelist: { file: a.txt }
          access: [{ module: data-integration, resourceGroups: [alpha] }]
    `);
    expect(config.resourceGroups.map((group) => group.name)).toEqual(['zeta', '10', 'alpha']);
    expect(config.dataSources.map((source) => source.name)).toEqual(['zz', '2']);
  });

  it.each([
    ['infra/rds.tf', undefined, 'infra/rds.tf', 'terraform'],
    ['infra/rds.tf.json', undefined, 'infra/rds.tf.json', 'terraform'],
    ['conf/WL.YAML', undefined, 'conf/WL.YAML', 'yaml'],
    ['conf/wl.yml', undefined, 'conf/wl.yml', 'yaml'],
    ['conf/wl.json', undefined, 'conf/wl.json', 'json'],
    ['conf/wl.txt', undefined, 'conf/wl.txt', 'text'],
    ['conf/allowlist', undefined, 'conf/allowlist', 'text'],
    ['infra\\network\\', 'terraform', 'infra/network', 'terraform'],
    ['infra/network', undefined, 'infra/network', 'terraform'],
    ['./conf//a/../wl.json', 'yaml', 'conf/wl.json', 'yaml']
  ])('whitelist file %j with format %s is %j in format %s', (file, format, expectedFile, expectedFormat) => {
    const select = expectedFormat === 'terraform' ? ', select: alicloud_db_instance.db' : '';
    const formatKey = format ? `, format: ${format}` : '';
    const config = load(
      MINIMAL.replace(
        'whitelist: { file: wl.txt }',
        `whitelist: { file: ${JSON.stringify(file)}${formatKey}${select} }`
      )
    );
    expect(config.dataSources[0].whitelist[0]).toMatchObject({ file: expectedFile, format: expectedFormat });
  });

  it('normalises tfvars paths of terraform sources', () => {
    const config = load(
      MINIMAL.replace(
        'whitelist: { file: wl.txt }',
        'whitelist: { file: infra/main.tf, select: alicloud_db_instance.db, tfvars: ["infra\\\\prod.tfvars"] }'
      )
    );
    expect(config.dataSources[0].whitelist[0].tfvars).toEqual(['infra/prod.tfvars']);
  });

  it.each([
    ['a plain date', '2027-01-31'],
    ['a quoted date', '"2027-01-31"'],
    ['an explicit timestamp', '!!timestamp 2027-01-31']
  ])('accepts expires as %s', (_, expires) => {
    const config = load(
      `${MINIMAL}waivers:\n  - { dataSource: db, entry: 192.0.2.1, reason: moving, expires: ${expires} }\n`
    );
    expect(config.waivers[0].expires).toBe('2027-01-31');
  });

  it('accepts a byte-order mark and CRLF line ends with the same positions', () => {
    const config = load(`\uFEFF${fullText.replace(/\n/g, '\r\n')}`);
    expect(config.resourceGroups[0].privateCidrs?.[1].pos).toEqual(at(9, 34));
    expect(config.waivers[0].entry.pos).toEqual(at(47, 12));
  });
});

describe('loadConfig', () => {
  it('reads the file through RepoFiles', async () => {
    const result = await loadConfig(memoryFiles({ [FILE]: fullText }), FILE);
    expect(result.findings).toEqual([]);
    expect(result.config?.dataSources.map((source) => source.name)).toEqual(['orders-rds']);
  });

  it('reports a missing file as invalid-config naming the path', async () => {
    const result = await loadConfig(memoryFiles({}), FILE);
    expect(result.config).toBeUndefined();
    expect(result.findings).toEqual([
      {
        rule: 'invalid-config',
        severity: 'error',
        file: FILE,
        message: expect.stringContaining(`configuration file "${FILE}" not found`)
      }
    ]);
  });

  it('reports an unreadable path (a directory) without throwing', async () => {
    const result = await loadConfig(memoryFiles({ [`${FILE}/inner.yml`]: 'x' }), FILE);
    expect(result.config).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'invalid-config', file: FILE });
  });
});
