/** Issue 8 §2/§4: deep nesting and YAML oddities end fast with one clear, positioned finding. */
import { parseConfig } from '../../src/config/index.js';
import { byRule, CONFIG, configWith, tempRepo, timed, type TempRepo } from './repo.js';

let repo: TempRepo;
beforeEach(() => (repo = tempRepo()));
afterEach(() => repo.remove());

const DEEP = 'lists and mappings nest more than 100 levels deep here, the limit';
const messages = (text: string): string[] =>
  parseConfig(text, 'c.yml').findings.map((f) => `${f.line}:${f.column} ${f.message}`);

describe('nesting depth', () => {
  it.each([
    ['YAML flow', 'deep.yml', `ips: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, 'YAML', { line: 1, column: 105 }],
    // 20,000 compact indicators on one line are refused from the text, where the line alone passes the limit.
    ['YAML block', 'deep.yml', `ips:\n  ${'- '.repeat(20_000)}x\n`, 'YAML', { line: 2, column: 203 }],
    ['JSON', 'deep.json', `{"ips": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'JSON', { line: 1, column: 108 }]
  ])('a %s whitelist nested deep: its own finding at the level past the limit', async (_, file, text, format, at) => {
    repo.write(CONFIG, configWith(`{ file: ${file}, select: ips }`));
    repo.write(file, text);
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(3000);
    const [finding, ...rest] = byRule(report, 'invalid-whitelist');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ file, ...at });
    expect(finding!.message).toBe(`${format} syntax error in "${file}": ${DEEP}`);
    expect(JSON.stringify(report)).not.toContain('call stack');
  });

  it('a config nested deep: invalid-config at the level past the limit', async () => {
    repo.write(CONFIG, `${configWith('{ file: a.txt }')}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(3000);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'invalid-config', file: CONFIG, line: 13, column: 103, message: `YAML: ${DEEP}` })
    ]);
  });

  it.each([
    // The CST parser recurses per compact indicator: this overflowed it before any depth check could run.
    ['compact block sequences at the start of the file', `${'- '.repeat(4_300)}x\n`, { line: 1, column: 201 }],
    ['compact block sequences on a later line', `version: 1\nx:\n  ${'- '.repeat(4_300)}x\n`, { line: 3, column: 203 }],
    [
      'a sequence indented one more column per line',
      Array.from({ length: 1_400 }, (_, i) => `${' '.repeat(i)}-`).join('\n'),
      { line: 101, column: 101 }
    ]
  ])('a config of %s: one positioned depth finding', (_, text, at) => {
    const result = parseConfig(text, 'c.yml');
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'invalid-config', ...at, message: `YAML: ${DEEP}` })
    ]);
  });

  it('nesting at the limit is still read', () => {
    expect(messages(`${configWith('{ file: a.txt }')}x: ${'['.repeat(99)}${']'.repeat(99)}\n`)).toEqual([
      expect.stringMatching(/^13:1 unknown key "x"/)
    ]);
  });
});

describe('YAML in plain words', () => {
  const base = configWith('{ file: a.txt }');

  it('an over-indented key: one message at that key, not parser jargon on the line above', () => {
    const text = base.replace('    network: private\n', '    network: private\n      port: 3306\n');
    expect(messages(text)).toEqual([
      '11:7 YAML: "port:" is indented more than the line above it; keys of one mapping must start at the same column (column 5 here)'
    ]);
  });

  it('a tab: one message at the tab', () => {
    const text = base.replace('    network: private\n', '\tnetwork: private\n');
    expect(messages(text)).toEqual([
      '10:1 YAML: a tab indents this line; YAML indents with spaces only: replace the tab with spaces'
    ]);
  });

  it('several documents: where the second one starts', () => {
    expect(messages(`${base}---\nversion: 1\n`)).toEqual([
      '13:1 the config must be one YAML document; a second one starts at line 13'
    ]);
  });

  it.each(['.nan', '.NaN', '.inf', '-.inf', '100000000000000000000000', '0', '70000', '"3306"'])(
    'port: %s gets one message that says what a port is',
    (port) => {
      const text = base.replace('    network: private\n', `    network: private\n    port: ${port}\n`);
      expect(messages(text)).toEqual(['11:11 dataSources.db.port: expected an integer from 1 to 65535']);
    }
  );

  it.each(['.nan', '.inf', '1e400', '100000000000000000000000'])('version: %s is quoted as written', (version) => {
    const found = messages(base.replace('version: 1', `version: ${version}`));
    expect(found).toEqual([`1:10 version: expected 1; got ${JSON.stringify(version)}`]);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    '%s is an ordinary name for a data source and a resource group',
    (name) => {
      const text = base.replace('  db:', `  ${name}:`).replace('  sl:', `  ${name}:`).replace('[sl]', `[${name}]`);
      const result = parseConfig(text, 'c.yml');
      expect(result.findings).toEqual([]);
      expect(result.config!.dataSources.map((d) => d.name)).toEqual([name]);
      expect(result.config!.resourceGroups.map((g) => g.name)).toEqual([name]);
      expect(result.config!.dataSources[0]!.access[0]!.resourceGroups![0]!.value).toBe(name);
    }
  );

  it('a reference to a group named like an Object method that does not exist is still unknown', () => {
    const found = messages(base.replace('[sl]', '[constructor]'));
    expect(found.join('\n')).toMatch(/constructor/);
    expect(found.join('\n')).not.toMatch(/function|native code|\[object/);
  });

  it('alias expansion is bounded ("billion laughs")', async () => {
    const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      laughs.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`
      );
    const { result, ms } = await timed(async () => messages(`${base}${laughs.join('\n')}\n`));
    expect(ms).toBeLessThan(2000);
    expect(result.length).toBeGreaterThan(0);
    expect(result.join('\n')).not.toMatch(/call stack|undefined|NaN/);
  });
});

describe('select indexes', () => {
  it('a huge [n] index is refused in words, never as 1e+23', async () => {
    const { parseSelect } = await import('../../src/whitelists/structured.js');
    expect(parseSelect('ips[100000000000000000000000]')).toEqual({
      ok: false,
      message:
        'malformed select "ips[100000000000000000000000]": expected an index below 1000000000, not 10000000000000000000 at character 5, found "1"'
    });
    expect(parseSelect('ips[999999999]')).toEqual({
      ok: true,
      path: [
        { kind: 'key', key: 'ips' },
        { kind: 'index', index: 999999999 }
      ]
    });
  });
});
