import { configProblems, editMinimal, MINIMAL, type Problem, yamlText } from './yaml-text.js';

const FILE = 'ci/guard.yml';

const edit = editMinimal;
const problems = (text: string): Problem[] => configProblems(text, FILE);

const DI_SHARED_PRIVATE =
  'the shared Data Integration resource group cannot reach VPC sources; use a serverless or exclusive group for this private source';

it('the base config of these cases is valid', () => {
  expect(problems(MINIMAL)).toEqual([]);
});

describe('top level', () => {
  it.each<[string, string, Problem[]]>([
    ['a wrong version', edit({ 1: 'version: 2' }), [[1, 10, 'version: expected 1; got 2']]],
    ['a missing version', edit({ 1: '# none' }), [[2, 1, 'missing key "version" in the top level; expected 1']]],
    [
      'a region that is not a region ID',
      edit({ 2: 'region: Hangzhou' }),
      [[2, 9, 'region: expected a region ID like cn-hangzhou; got "Hangzhou"']]
    ],
    [
      'an unknown key',
      edit({}, 'resourcegroups: {}\n'),
      [
        [
          12,
          1,
          'unknown key "resourcegroups" in the top level; expected one of: version, region, resourceGroups, addressLists, dataSources, waivers; did you mean resourceGroups?'
        ]
      ]
    ],
    [
      'no data sources',
      edit({ 6: 'dataSources: {}', 7: '', 8: '', 9: '', 10: '', 11: '' }),
      [[6, 14, 'dataSources: expected at least one data source; a config without any checks nothing']]
    ],
    ['a document that is a list', '- version: 1\n', [[1, 1, 'the top level: expected a mapping; got a list']]],
    ['an empty document', '# nothing yet\n', [[1, 1, 'the top level: expected a mapping; got an empty value']]]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('resource groups', () => {
  it.each<[string, string, Problem[]]>([
    [
      'an unknown key',
      edit({ 5: '    type: serverless\n    privateCidr: [192.0.2.0/24]' }),
      [
        [
          6,
          5,
          'unknown key "privateCidr" in resourceGroups.sl; expected one of: type, id, region, privateCidrs, publicIps, vswitches, modules; did you mean privateCidrs?'
        ]
      ]
    ],
    [
      'an unknown type',
      edit({ 5: '    type: serverles' }),
      [
        [
          5,
          11,
          'resourceGroups.sl.type: expected one of: serverless, exclusive-integration, exclusive-service, shared; got "serverles"; did you mean serverless?'
        ]
      ]
    ],
    [
      'a missing type',
      edit({ 5: '    region: cn-beijing' }),
      [
        [
          4,
          3,
          'missing key "type" in resourceGroups.sl; expected one of: serverless, exclusive-integration, exclusive-service, shared'
        ]
      ]
    ],
    [
      'a non-string address element',
      edit({ 5: '    type: serverless\n    publicIps: [198.51.100.7, 42]' }),
      [[6, 31, 'resourceGroups.sl.publicIps[1]: expected a string; got 42']]
    ],
    [
      'static facts on a shared group',
      edit({ 5: '    type: shared\n    publicIps: [198.51.100.7]' }),
      [
        [
          6,
          5,
          "resourceGroups.sl.publicIps: a shared group takes no publicIps: its addresses are the region's published shared-integration and shared-service lists"
        ],
        [12, 59, `dataSources.db.access[0].resourceGroups[0]: ${DI_SHARED_PRIVATE}`]
      ]
    ],
    [
      'an id on an exclusive group',
      edit({ 5: '    type: exclusive-integration\n    id: S_res_group_1' }),
      [
        [
          6,
          5,
          'resourceGroups.sl.id: id is used only by serverless groups (online resolution); the addresses of exclusive-integration groups are always their static facts'
        ]
      ]
    ],
    [
      'an override for a module the group cannot serve',
      edit({ 5: '    type: exclusive-integration\n    modules:\n      data-service: { publicIps: [] }' }),
      [
        [
          7,
          7,
          'resourceGroups.sl.modules.data-service: data-service cannot run on exclusive-integration groups, so this override would never apply; modules this group serves: data-integration, metadata-collection'
        ]
      ]
    ],
    [
      'an override for an unknown module',
      edit({ 5: '    type: serverless\n    modules:\n      data-analysis: { publicIps: [] }' }),
      [
        [
          7,
          7,
          'unknown key "data-analysis" in resourceGroups.sl.modules; expected one of: data-integration, data-service, metadata-collection'
        ]
      ]
    ],
    [
      'an empty vswitches list',
      edit({ 5: '    type: serverless\n    vswitches: []' }),
      [[6, 16, 'resourceGroups.sl.vswitches: expected at least 1 item']]
    ],
    [
      'a name with a blank',
      edit({ 4: '  "s l":', 11: '    access: [{ module: data-integration, resourceGroups: ["s l"] }]' }),
      [
        [4, 3, 'invalid name "s l" in resourceGroups: expected a name of letters, digits, ".", "_" or "-"'],
        [
          11,
          59,
          'dataSources.db.access[0].resourceGroups[0]: expected a name of letters, digits, ".", "_" or "-"; got "s l"'
        ]
      ]
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('address lists', () => {
  const EMPTY = 'an empty list would silently pass; remove the key or list entries';
  it.each<[string, string, Problem[]]>([
    [
      'an empty list',
      edit({}, 'addressLists:\n  shared-service:\n    cn-hangzhou: []\n'),
      [[14, 18, `addressLists.shared-service.cn-hangzhou: ${EMPTY}`]]
    ],
    [
      'an empty list that replaces',
      edit({}, 'addressLists:\n  data-analysis:\n    cn-beijing: { replace: true, entries: [] }\n'),
      [[14, 43, `addressLists.data-analysis.cn-beijing.entries: ${EMPTY}`]]
    ],
    [
      'an unknown list',
      edit({}, 'addressLists:\n  shared-services:\n    cn-hangzhou: [198.51.100.0/26]\n'),
      [
        [
          13,
          3,
          'unknown key "shared-services" in addressLists; expected one of: metadata-collection, data-analysis, shared-integration, shared-service; did you mean shared-service?'
        ]
      ]
    ],
    [
      'a region that is not a region ID',
      edit({}, 'addressLists:\n  shared-service:\n    Hangzhou: [198.51.100.0/26]\n'),
      [[14, 5, 'invalid name "Hangzhou" in addressLists.shared-service: expected a region ID like cn-hangzhou']]
    ],
    [
      'a scalar instead of a list',
      edit({}, 'addressLists:\n  shared-service:\n    cn-hangzhou: 198.51.100.0/26\n'),
      [[14, 18, 'addressLists.shared-service.cn-hangzhou: expected a list or a mapping; got "198.51.100.0/26"']]
    ],
    [
      'a non-boolean replace',
      edit({}, 'addressLists:\n  shared-service:\n    cn-hangzhou: { replace: yes, entries: [198.51.100.0/26] }\n'),
      [[14, 29, 'addressLists.shared-service.cn-hangzhou.replace: expected true or false; got "yes"']]
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('data sources', () => {
  it.each<[string, string, Problem[]]>([
    [
      'an unknown product',
      edit({ 8: '    product: mysql' }),
      [
        [
          8,
          14,
          'dataSources.db.product: expected one of: rds, polardb, polardb-x, redis, mongodb, adb-mysql, adb-pg, maxcompute, hologres, clickhouse, elasticsearch, lindorm, selectdb, hbase, oss, ecs-security-group, other; got "mysql"'
        ]
      ]
    ],
    [
      'a missing network',
      edit({ 9: '' }),
      [[7, 3, 'missing key "network" in dataSources.db; expected one of: private, public']]
    ],
    [
      'a port out of range',
      edit({ 9: '    network: private\n    port: 70000' }),
      [[10, 11, 'dataSources.db.port: expected an integer from 1 to 65535']]
    ],
    [
      'a fractional port',
      edit({ 9: '    network: private\n    port: 3306.5' }),
      [[10, 11, 'dataSources.db.port: expected an integer from 1 to 65535']]
    ],
    [
      'a whitelist that is a bare string',
      edit({ 10: '    whitelist: wl.txt' }),
      [[10, 16, 'dataSources.db.whitelist: expected a mapping or a list; got "wl.txt"']]
    ],
    [
      'an empty whitelist list',
      edit({ 10: '    whitelist: []' }),
      [[10, 16, 'dataSources.db.whitelist: expected at least 1 item']]
    ],
    [
      'an unknown key in a whitelist source in a list',
      edit({ 10: '    whitelist:\n      - { file: a.txt, fromat: text }' }),
      [
        [
          11,
          24,
          'unknown key "fromat" in dataSources.db.whitelist[0]; expected one of: file, format, select, tfvars; did you mean format?'
        ]
      ]
    ],
    [
      'an absolute whitelist path',
      edit({ 10: '    whitelist: { file: /etc/hosts }' }),
      [
        [
          10,
          24,
          'dataSources.db.whitelist.file: expected a path relative to the repository root, got the absolute path "/etc/hosts"'
        ]
      ]
    ],
    [
      'a Windows absolute whitelist path',
      edit({ 10: '    whitelist: { file: "C:\\\\wl.txt" }' }),
      [
        [
          10,
          24,
          'dataSources.db.whitelist.file: expected a path relative to the repository root, got the absolute path "C:\\\\wl.txt"'
        ]
      ]
    ],
    [
      'a whitelist path that leaves the root',
      edit({ 10: '    whitelist: { file: config/../../secrets.txt }' }),
      [[10, 24, 'dataSources.db.whitelist.file: the path "config/../../secrets.txt" leads outside the repository root']]
    ],
    [
      'a terraform source without select',
      edit({ 10: '    whitelist: { file: infra/db.tf }' }),
      [
        [
          10,
          16,
          'missing key "select" in dataSources.db.whitelist; a terraform source needs the resource address (TYPE.NAME) that holds the whitelist'
        ]
      ]
    ],
    [
      'tfvars on a source that is not terraform',
      edit({ 10: '    whitelist: { file: wl.json, tfvars: [prod.tfvars] }' }),
      [
        [
          10,
          33,
          "dataSources.db.whitelist.tfvars: tfvars applies only to terraform sources; this source's format is json (from the file name; set format to change it)"
        ]
      ]
    ],
    [
      'a tfvars path that leaves the root',
      edit({ 10: '    whitelist: { file: infra, format: terraform, select: a.b, tfvars: [../x.tfvars] }' }),
      [[10, 72, 'dataSources.db.whitelist.tfvars[0]: the path "../x.tfvars" leads outside the repository root']]
    ],
    [
      'select on a text source',
      edit({ 10: '    whitelist: { file: wl.txt, select: x }' }),
      [
        [
          10,
          32,
          "dataSources.db.whitelist.select: select applies only to yaml, json and terraform sources; this source's format is text (from the file name; set format to change it)"
        ]
      ]
    ],
    [
      'an unknown format',
      edit({ 10: '    whitelist: { file: wl.txt, format: hcl }' }),
      [[10, 40, 'dataSources.db.whitelist.format: expected one of: text, yaml, json, terraform; got "hcl"']]
    ],
    [
      'an empty access list',
      edit({ 11: '    access: []' }),
      [[11, 13, 'dataSources.db.access: expected at least 1 item']]
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('access', () => {
  const groups = yamlText`
    version: 1
    region: cn-hangzhou
    resourceGroups:
      sl: { type: serverless }
      ei: { type: exclusive-integration }
      es: { type: exclusive-service }
      sh: { type: shared }
    dataSources:
      db:
        product: rds
        network: private
        whitelist: { file: wl.txt }
        access:
  `;
  const access = (...lines: string[]) => groups + lines.map((line) => `      ${line}\n`).join('');
  it.each<[string, string, Problem[]]>([
    [
      'an undefined resource group',
      access('- { module: data-integration, resourceGroups: [sl, nope] }'),
      [
        [
          14,
          58,
          'dataSources.db.access[0].resourceGroups[1]: resource group "nope" is not defined; defined resource groups: sl, ei, es, sh'
        ]
      ]
    ],
    [
      'an exclusive-service group for data-integration',
      access('- { module: data-integration, resourceGroups: [es] }'),
      [
        [
          14,
          54,
          'dataSources.db.access[0].resourceGroups[0]: data-integration cannot use the exclusive-service group "es"; it runs on serverless, exclusive-integration, shared groups'
        ]
      ]
    ],
    [
      'an exclusive-integration group for data-service',
      access('- { module: data-service, resourceGroups: [ei] }'),
      [
        [
          14,
          50,
          'dataSources.db.access[0].resourceGroups[0]: data-service cannot use the exclusive-integration group "ei"; it runs on serverless, exclusive-service, shared groups'
        ]
      ]
    ],
    [
      'an exclusive-service group for metadata-collection',
      access('- { module: metadata-collection, resourceGroups: [es] }'),
      [
        [
          14,
          57,
          'dataSources.db.access[0].resourceGroups[0]: metadata-collection cannot use the exclusive-service group "es"; it runs on serverless, exclusive-integration, shared groups'
        ]
      ]
    ],
    [
      'the shared Data Service group on a private source',
      access('- { module: data-service, resourceGroups: [sh] }'),
      [
        [
          14,
          50,
          'dataSources.db.access[0].resourceGroups[0]: the shared Data Service resource group cannot reach VPC sources; use a serverless or exclusive group for this private source'
        ]
      ]
    ],
    [
      'the shared Data Integration group on a private source',
      access('- { module: data-integration, resourceGroups: [sh] }'),
      [[14, 54, `dataSources.db.access[0].resourceGroups[0]: ${DI_SHARED_PRIVATE}`]]
    ],
    [
      'a resource-group module without resourceGroups',
      access('- module: data-service'),
      [
        [
          14,
          17,
          'dataSources.db.access[0].module: data-service reaches the source through a resource group: add resourceGroups (defined: sl, ei, es, sh)'
        ]
      ]
    ],
    [
      'data-analysis with resourceGroups, on a product other than maxcompute',
      access('- { module: data-analysis, resourceGroups: [sl] }'),
      [
        [
          14,
          19,
          "dataSources.db.access[0].module: data-analysis applies only to maxcompute sources; this data source's product is rds"
        ],
        [
          14,
          34,
          'dataSources.db.access[0].resourceGroups: data-analysis runs on DataWorks-maintained nodes and takes no resourceGroups; remove the key'
        ]
      ]
    ],
    [
      'a region on a resource-group module',
      access('- { module: data-integration, resourceGroups: [sl], region: cn-beijing }'),
      [
        [
          14,
          59,
          "dataSources.db.access[0].region: region applies only to platform modules (metadata-collection, data-analysis); a resource group's region is set on the group"
        ]
      ]
    ],
    [
      'an unknown module',
      access('- module: data-integratoin'),
      [
        [
          14,
          17,
          'dataSources.db.access[0].module: expected one of: data-integration, data-service, metadata-collection, data-analysis; got "data-integratoin"; did you mean data-integration?'
        ]
      ]
    ],
    [
      'an empty resourceGroups list',
      access('- { module: metadata-collection, resourceGroups: [] }'),
      [[14, 56, 'dataSources.db.access[0].resourceGroups: expected at least 1 item']]
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('accepts every allowed module and group pairing on a public source', () => {
    const text = access(
      '- { module: data-integration, resourceGroups: [sl, ei, sh] }',
      '- { module: data-service, resourceGroups: [sl, es, sh] }',
      '- { module: metadata-collection, resourceGroups: [sl, ei, sh] }',
      '- { module: metadata-collection, region: cn-beijing }'
    ).replace('network: private', 'network: public');
    expect(problems(text)).toEqual([]);
  });
});

describe('waivers', () => {
  const waiver = (fields: string) => edit({}, `waivers:\n  - { ${fields} }\n`);
  it.each<[string, string, Problem[]]>([
    [
      'an undefined data source',
      waiver('dataSource: dbx, entry: 192.0.2.1, reason: r, expires: 2027-01-31'),
      [[13, 19, 'waivers[0].dataSource: data source "dbx" is not defined; defined data sources: db; did you mean db?']]
    ],
    [
      'a blank reason',
      waiver('dataSource: db, entry: 192.0.2.1, reason: " ", expires: 2027-01-31'),
      [[13, 49, 'waivers[0].reason: expected a reason saying why the gap is accepted; got " "']]
    ],
    [
      'a date that does not exist',
      waiver('dataSource: db, entry: 192.0.2.1, reason: r, expires: 2027-02-30'),
      [[13, 61, 'waivers[0].expires: expected a real date as YYYY-MM-DD; got "2027-02-30"']]
    ],
    [
      'a date in another form',
      waiver('dataSource: db, entry: 192.0.2.1, reason: r, expires: 31.01.2027'),
      [[13, 61, 'waivers[0].expires: expected a real date as YYYY-MM-DD; got "31.01.2027"']]
    ],
    [
      'a timestamp with a time of day',
      waiver('dataSource: db, entry: 192.0.2.1, reason: r, expires: !!timestamp 2027-01-31T10:00:00Z'),
      [[13, 73, 'waivers[0].expires: expected a real date as YYYY-MM-DD; got "2027-01-31T10:00:00.000Z"']]
    ],
    [
      'a missing entry',
      waiver('dataSource: db, reason: r, expires: 2027-01-31'),
      [[13, 5, 'missing key "entry" in waivers[0]; expected a string']]
    ]
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('YAML syntax', () => {
  it.each<[string, string, Problem[]]>([
    [
      'an unclosed flow list',
      'version: 1\nregion: [cn-hangzhou\n',
      [[3, 1, expect.stringContaining('YAML: Flow sequence') as unknown as string]]
    ],
    [
      'a tab used as indentation',
      'version: 1\nresourceGroups:\n\tsl: {}\n',
      [[3, 1, 'YAML: a tab indents this line; YAML indents with spaces only: replace the tab with spaces']]
    ],
    [
      'a duplicate key',
      `${MINIMAL}version: 1\n`,
      [[12, 1, 'YAML: this key appears twice in the same mapping; keys must be unique']]
    ],
    ['an unknown alias', 'version: *v\n', [[1, 10, 'YAML: unknown alias *v']]],
    ['a recursive alias', 'version: &v [*v]\n', [[1, 14, 'YAML: alias *v refers to a node that contains it']]],
    ['a list as a key', '? [a, b]\n: 1\n', [[1, 3, 'expected a plain key, got a list or mapping']]],
    [
      'two documents',
      `${MINIMAL}---\nversion: 1\n`,
      [[12, 1, 'the config must be one YAML document; a second one starts at line 12']]
    ]
  ])('%s is a positioned finding', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

it('reports every problem of a file at once, in file order', () => {
  const text = yamlText`
    version: 2
    region: cn-hangzhou
    resourceGroups:
      sl: { type: serverless, publicIp: [198.51.100.7] }
      sh: { type: shared, privateCidrs: [192.0.2.0/24] }
    dataSources:
      db:
        product: rds
        network: private
        port: 0
        whitelist: { file: ../wl.txt }
        access:
          - { module: data-service, resourceGroups: [sh, gone] }
          - { module: data-analysis }
    waivers:
      - { dataSource: other, entry: 192.0.2.1, reason: r, expires: 2027-13-01 }
  `;
  expect(problems(text).map(([line, column]) => [line, column])).toEqual([
    [1, 10],
    [4, 27],
    [5, 23],
    [10, 11],
    [11, 24],
    [13, 50],
    [13, 54],
    [14, 19],
    [16, 19],
    [16, 64]
  ]);
});
