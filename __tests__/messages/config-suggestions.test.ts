/** Config mistakes name what was meant, at the file, line and column of the mistake. */
import { parseConfig } from '../../src/config/index.js';
import { configProblems, editMinimal, type Problem } from '../config/yaml-text.js';

const FILE = '.github/dataworks-whitelist.yml';

const edit = editMinimal;
const problems = (text: string): Problem[] => configProblems(text, FILE);

const PRODUCTS =
  'rds, polardb, polardb-x, redis, mongodb, adb-mysql, adb-pg, maxcompute, hologres, clickhouse, elasticsearch, lindorm, selectdb, hbase, oss, ecs-security-group, other';

describe('did-you-mean in config errors', () => {
  it.each<[string, string, Problem[]]>([
    [
      'a top-level key in snake case',
      edit({}, 'data_sources: {}\n'),
      [
        [
          12,
          1,
          'unknown key "data_sources" in the top level; expected one of: version, region, resourceGroups, addressLists, dataSources, waivers; did you mean dataSources?'
        ]
      ]
    ],
    [
      'a data source key',
      edit({ 9: '    network: private\n    prot: 3306' }),
      [
        [
          10,
          5,
          'unknown key "prot" in dataSources.db; expected one of: product, region, network, port, instance, edition, deployedGroups, whitelist, access, dataworks; did you mean port?'
        ]
      ]
    ],
    [
      'a whitelist source key, swapped letters',
      edit({ 10: '    whitelist: { file: wl.txt, selcet: a.b }' }),
      [
        [
          10,
          32,
          'unknown key "selcet" in dataSources.db.whitelist; expected one of: file, format, select, tfvars; did you mean select?'
        ]
      ]
    ],
    [
      'an unknown key with nothing close',
      edit({ 9: '    network: private\n    comment: legacy' }),
      [
        [
          10,
          5,
          'unknown key "comment" in dataSources.db; expected one of: product, region, network, port, instance, edition, deployedGroups, whitelist, access, dataworks'
        ]
      ]
    ],
    [
      'a product, two names equally close',
      edit({ 8: '    product: polardbx' }),
      [
        [
          8,
          14,
          `dataSources.db.product: expected one of: ${PRODUCTS}; got "polardbx"; did you mean polardb or polardb-x?`
        ]
      ]
    ],
    [
      'a product in capitals',
      edit({ 8: '    product: RDS' }),
      [[8, 14, `dataSources.db.product: expected one of: ${PRODUCTS}; got "RDS"; did you mean rds?`]]
    ],
    [
      'a product with nothing close',
      edit({ 8: '    product: mysql' }),
      [[8, 14, `dataSources.db.product: expected one of: ${PRODUCTS}; got "mysql"`]]
    ],
    [
      'a network',
      edit({ 9: '    network: pubic' }),
      [[9, 14, 'dataSources.db.network: expected one of: private, public; got "pubic"; did you mean public?']]
    ],
    [
      'a format',
      edit({ 10: '    whitelist: { file: wl.txt, format: yml }' }),
      [
        [
          10,
          40,
          'dataSources.db.whitelist.format: expected one of: text, yaml, json, terraform; got "yml"; did you mean yaml?'
        ]
      ]
    ],
    [
      'a group type',
      edit({ 5: '    type: exclusive-intergration' }),
      [
        [
          5,
          11,
          'resourceGroups.sl.type: expected one of: serverless, exclusive-integration, exclusive-service, shared; got "exclusive-intergration"; did you mean exclusive-integration?'
        ]
      ]
    ],
    [
      'a module',
      edit({ 11: '    access: [{ module: metadata-colection }]' }),
      [
        [
          11,
          24,
          'dataSources.db.access[0].module: expected one of: data-integration, data-service, metadata-collection, data-analysis; got "metadata-colection"; did you mean metadata-collection?'
        ]
      ]
    ],
    [
      'a module override key',
      edit({ 5: '    type: serverless\n    modules:\n      data-servce: { publicIps: [] }' }),
      [
        [
          7,
          7,
          'unknown key "data-servce" in resourceGroups.sl.modules; expected one of: data-integration, data-service, metadata-collection; did you mean data-service?'
        ]
      ]
    ],
    [
      'an address list name',
      edit({}, 'addressLists:\n  shared-integraton:\n    cn-hangzhou: [198.51.100.0/26]\n'),
      [
        [
          13,
          3,
          'unknown key "shared-integraton" in addressLists; expected one of: metadata-collection, data-analysis, shared-integration, shared-service; did you mean shared-integration?'
        ]
      ]
    ],
    [
      'a resource group reference',
      edit({ 11: '    access: [{ module: data-integration, resourceGroups: [sll] }]' }),
      [
        [
          11,
          59,
          'dataSources.db.access[0].resourceGroups[0]: resource group "sll" is not defined; defined resource groups: sl; did you mean sl?'
        ]
      ]
    ],
    [
      'a waiver data source',
      edit({}, 'waivers:\n  - { dataSource: dbs, entry: 192.0.2.1, reason: legacy, expires: 2030-01-31 }\n'),
      [[13, 19, 'waivers[0].dataSource: data source "dbs" is not defined; defined data sources: db; did you mean db?']]
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('regions', () => {
  it.each<[string, string, Problem[]]>([
    [
      'a near miss of a known region, top level',
      edit({ 2: 'region: cn-shangai' }),
      [[2, 9, 'region: unknown region "cn-shangai"; did you mean cn-shanghai?']]
    ],
    [
      'a near miss on a data source',
      edit({ 9: '    network: private\n    region: cn-hangzou' }),
      [[10, 13, 'dataSources.db.region: unknown region "cn-hangzou"; did you mean cn-hangzhou?']]
    ],
    [
      'a zone ID on a resource group',
      edit({ 5: '    type: serverless\n    region: cn-hangzhou-h' }),
      [[6, 13, 'resourceGroups.sl.region: unknown region "cn-hangzhou-h"; did you mean cn-hangzhou?']]
    ],
    [
      'a near miss on an access entry',
      edit({ 11: '    access: [{ module: metadata-collection, region: cn-bejing }]' }),
      [[11, 53, 'dataSources.db.access[0].region: unknown region "cn-bejing"; did you mean cn-beijing?']]
    ],
    [
      'a near miss as an address list key',
      edit({}, 'addressLists:\n  shared-service:\n    cn-shenzen: [198.51.100.0/26]\n'),
      [
        [
          14,
          5,
          'invalid name "cn-shenzen" in addressLists.shared-service: unknown region "cn-shenzen"; did you mean cn-shenzhen?'
        ]
      ]
    ],
    [
      'a value not shaped like a region ID, in capitals',
      edit({ 2: 'region: CN-Shanghai' }),
      [[2, 9, 'region: expected a region ID like cn-hangzhou; got "CN-Shanghai"; did you mean cn-shanghai?']]
    ],
    [
      'a key not shaped like a region ID, with an underscore',
      edit({}, 'addressLists:\n  shared-service:\n    cn_beijing: [198.51.100.0/26]\n'),
      [
        [
          14,
          5,
          'invalid name "cn_beijing" in addressLists.shared-service: expected a region ID like cn-hangzhou; did you mean cn-beijing?'
        ]
      ]
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a region far from every known one', 'cn-wuhan-lr'],
    ['a new number in a known area', 'ap-southeast-9'],
    ['a direction known regions use', 'me-west-1']
  ])('accepts %s (%s), as regions open between releases', (_, region) => {
    const result = parseConfig(edit({ 2: `region: ${region}` }), FILE);
    expect(result.findings).toEqual([]);
    expect(result.config?.region).toBe(region);
  });
});

describe('bounded echo', () => {
  it('an unknown key of 1,000 characters (the YAML limit for a plain key) is echoed as 60 and compared with nothing', () => {
    const key = 'k'.repeat(1_000);
    const started = Date.now();
    const found = problems(edit({}, `${key}: 1\n`));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(found).toEqual([
      [
        12,
        1,
        `unknown key "${'k'.repeat(57)}..." in the top level; expected one of: version, region, resourceGroups, addressLists, dataSources, waivers`
      ]
    ]);
  });

  it('a well-formed region of 100,000 characters is accepted without a quadratic comparison', () => {
    const region = `cn-${'a'.repeat(100_000)}`;
    const started = Date.now();
    const result = parseConfig(edit({ 2: `region: ${region}` }), FILE);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.findings).toEqual([]);
  });
});
