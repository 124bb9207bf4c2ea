import type { DataSourceConfig, WhitelistSourceConfig } from '../../src/model.js';
import { formatSelectPath, jsonReader, parseSelect, yamlReader } from '../../src/whitelists/structured.js';
import type { ReadContext, WhitelistReader } from '../../src/whitelists/types.js';
import { memoryFiles } from '../helpers/memory-files.js';

const CONFIG_POS = { file: '.github/dataworks-whitelist.yml', line: 20, column: 11 };

function context(files: Record<string, string>): ReadContext {
  const dataSource: DataSourceConfig = {
    name: 'events-maxcompute',
    product: 'maxcompute',
    region: 'cn-hangzhou',
    network: 'public',
    whitelist: [],
    access: [],
    pos: { file: CONFIG_POS.file, line: 18, column: 3 }
  };
  return { files: memoryFiles(files), dataSource };
}

async function read(reader: WhitelistReader, file: string, text: string, select?: string) {
  const source: WhitelistSourceConfig = { file, format: reader.format, pos: CONFIG_POS };
  if (select !== undefined) source.select = select;
  return reader.read(source, context({ [file]: text }));
}

/** [raw, line, column] of each entry, for compact assertions. */
function placed(result: { entries: { raw: string; line: number; column: number }[] }): [string, number, number][] {
  return result.entries.map((entry) => [entry.raw, entry.line, entry.column]);
}

describe('parseSelect', () => {
  it.each([
    [
      'a.b[0].c',
      [
        { kind: 'key', key: 'a' },
        { kind: 'key', key: 'b' },
        { kind: 'index', index: 0 },
        { kind: 'key', key: 'c' }
      ]
    ],
    [
      'properties["odps.security.ip.whitelist"]',
      [
        { kind: 'key', key: 'properties' },
        { kind: 'key', key: 'odps.security.ip.whitelist' }
      ]
    ],
    [
      '["x.y"].z',
      [
        { kind: 'key', key: 'x.y' },
        { kind: 'key', key: 'z' }
      ]
    ],
    ["['it''s'][12]", undefined],
    ['["a\\"b"]', [{ kind: 'key', key: 'a"b' }]],
    ['[3]', [{ kind: 'index', index: 3 }]],
    ['odps-whitelist', [{ kind: 'key', key: 'odps-whitelist' }]]
  ])('parses %s', (select, path) => {
    const parsed = parseSelect(select);
    if (path === undefined) expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual({ ok: true, path });
  });

  it.each([
    ['', 'malformed select: it is empty'],
    ['a.', 'malformed select "a.": expected a key at its end'],
    ['a..b', 'malformed select "a..b": expected a key at character 3, found "."'],
    ['a[01]', 'malformed select "a[01]": expected "]" at character 4, found "1"'],
    ['a[-1]', 'malformed select "a[-1]": expected an index (0, 1, …) or a quoted key at character 3, found "-"'],
    ['a["b', 'malformed select "a["b": expected a closing " at its end'],
    ['a["b"]c', 'malformed select "a["b"]c": expected ".", "[" or the end at character 7, found "c"'],
    ['a b', 'malformed select "a b": expected ".", "[" or the end at character 2, found " "'],
    ['a.[0]', 'malformed select "a.[0]": expected a key at character 3, found "["']
  ])('rejects %j', (select, message) => {
    expect(parseSelect(select)).toEqual({ ok: false, message });
  });

  it('writes paths back in select syntax, quoting keys with dots', () => {
    const parsed = parseSelect('properties["odps.security.ip.whitelist"][2].x');
    expect(parsed.ok && formatSelectPath(parsed.path)).toBe('properties["odps.security.ip.whitelist"][2].x');
  });
});

describe('yaml reader', () => {
  it('reads a block list of plain and quoted strings at their exact positions', async () => {
    const text = [
      'whitelist:', //
      '  ips:',
      '    - 192.0.2.1',
      "    - '198.51.100.0/24'",
      '    - "203.0.113.0/25"',
      '  vpcIps: []'
    ].join('\n');
    const result = await read(yamlReader, 'wl/mc.yaml', text, 'whitelist.ips');
    expect(result.findings).toEqual([]);
    expect(placed(result)).toEqual([
      ['192.0.2.1', 3, 7],
      ['198.51.100.0/24', 4, 8],
      ['203.0.113.0/25', 5, 8]
    ]);
    expect(result.entries[0]!.file).toBe('wl/mc.yaml');
    expect(result.addHere).toEqual({ file: 'wl/mc.yaml', line: 3, column: 5 });
  });

  it('reads a comma-separated plain string, each entry at its own column', async () => {
    const result = await read(yamlReader, 'wl/mc.yaml', 'ipList: 192.0.2.1,198.51.100.0/24, 203.0.113.7\n', 'ipList');
    expect(placed(result)).toEqual([
      ['192.0.2.1', 1, 9],
      ['198.51.100.0/24', 1, 19],
      ['203.0.113.7', 1, 36]
    ]);
    expect(result.addHere).toEqual({ file: 'wl/mc.yaml', line: 1, column: 9 });
  });

  it('follows a quoted key with dots into a double-quoted string', async () => {
    const text = 'properties:\n  "odps.security.ip.whitelist": "192.0.2.0/24,2001:db8::/48"\n';
    const result = await read(yamlReader, 'wl/mc.yaml', text, 'properties["odps.security.ip.whitelist"]');
    expect(placed(result)).toEqual([
      ['192.0.2.0/24', 2, 34],
      ['2001:db8::/48', 2, 47]
    ]);
  });

  it('follows a quoted first key, and list indexes', async () => {
    const text = [
      '"x.y":',
      '  groups:',
      '    - name: a',
      '      ips: [192.0.2.1]',
      '    - name: b',
      '      ips: [192.0.2.9, 198.51.100.3]'
    ].join('\n');
    const result = await read(yamlReader, 'wl/g.yaml', text, '["x.y"].groups[1].ips');
    expect(placed(result)).toEqual([
      ['192.0.2.9', 6, 13],
      ['198.51.100.3', 6, 24]
    ]);
    expect(result.addHere).toEqual({ file: 'wl/g.yaml', line: 6, column: 12 });
  });

  it('reads the document root without a select', async () => {
    const result = await read(yamlReader, 'wl/root.yaml', '- 192.0.2.1\n- 192.0.2.2\n');
    expect(placed(result)).toEqual([
      ['192.0.2.1', 1, 3],
      ['192.0.2.2', 2, 3]
    ]);
  });

  it('decodes double-quoted escapes while keeping each entry at the column where its text starts', async () => {
    // \x20 is a blank (a separator), \u0031 is "1", and an escaped line break joins two lines.
    const text = 'ips: "192.0.2.\\u0031,\\x20198.51.100.1 203.0.\\\n    113.5"\n';
    const result = await read(yamlReader, 'wl/esc.yaml', text, 'ips');
    expect(placed(result)).toEqual([
      ['192.0.2.1', 1, 7],
      ['198.51.100.1', 1, 26],
      ['203.0.113.5', 1, 39]
    ]);
  });

  it("reads single-quoted strings with '' escapes and multi-line plain scalars", async () => {
    const text = "a: '192.0.2.1,\n  192.0.2.2'\nb: 198.51.100.1\n  198.51.100.2\n";
    const single = await read(yamlReader, 'wl/s.yaml', text, 'a');
    expect(placed(single)).toEqual([
      ['192.0.2.1', 1, 5],
      ['192.0.2.2', 2, 3]
    ]);
    const plain = await read(yamlReader, 'wl/s.yaml', text, 'b');
    expect(placed(plain)).toEqual([
      ['198.51.100.1', 3, 4],
      ['198.51.100.2', 4, 3]
    ]);
    const quote = await read(yamlReader, 'wl/q.yaml', "a: 'x''y, 192.0.2.1'", 'a');
    expect(placed(quote)).toEqual([
      ["x'y", 1, 5],
      ['192.0.2.1', 1, 11]
    ]);
  });

  it('reads literal and folded block scalars, one entry per line or comma-separated', async () => {
    const text = 'literal: |\n  192.0.2.1\n  192.0.2.2, 192.0.2.3\nfolded: >-\n    198.51.100.1\n    198.51.100.2\n';
    expect(placed(await read(yamlReader, 'wl/b.yaml', text, 'literal'))).toEqual([
      ['192.0.2.1', 2, 3],
      ['192.0.2.2', 3, 3],
      ['192.0.2.3', 3, 14]
    ]);
    expect(placed(await read(yamlReader, 'wl/b.yaml', text, 'folded'))).toEqual([
      ['198.51.100.1', 5, 5],
      ['198.51.100.2', 6, 5]
    ]);
  });

  it('resolves aliases, placing entries at the anchor where their text is', async () => {
    const text = 'base: &office\n  - 192.0.2.1\nips: *office\n';
    const result = await read(yamlReader, 'wl/a.yaml', text, 'ips');
    expect(placed(result)).toEqual([['192.0.2.1', 2, 5]]);
  });

  it('survives a list that contains itself through an alias', async () => {
    const result = await read(yamlReader, 'wl/loop.yaml', 'a: &x [*x, 192.0.2.1]\n', 'a');
    expect(placed(result)).toEqual([['192.0.2.1', 1, 12]]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ line: 1, column: 8 });
  });

  it('an empty list or string has no entries and no finding', async () => {
    for (const value of ['[]', '""']) {
      const result = await read(yamlReader, 'wl/e.yaml', `ips: ${value}\n`, 'ips');
      expect(result).toEqual({ entries: [], findings: [], addHere: { file: 'wl/e.yaml', line: 1, column: 6 } });
    }
  });

  it('reports items that are not strings at their position, keeping the other entries', async () => {
    const text = 'ips:\n  - 192.0.2.1\n  - 10\n  - { cidr: 192.0.2.0/24 }\n  - ""\n  -\n';
    const result = await read(yamlReader, 'wl/bad.yaml', text, 'ips');
    expect(placed(result)).toEqual([['192.0.2.1', 2, 5]]);
    expect(result.findings.map((finding) => [finding.line, finding.column, finding.message])).toEqual([
      [3, 5, 'expected a string (an address, CIDR or range) at "ips[1]" in "wl/bad.yaml"; found a number (10)'],
      [4, 5, 'expected a string (an address, CIDR or range) at "ips[2]" in "wl/bad.yaml"; found a mapping (1 key)'],
      [5, 5, 'expected a string (an address, CIDR or range) at "ips[3]" in "wl/bad.yaml"; found an empty string'],
      [6, 4, 'expected a string (an address, CIDR or range) at "ips[4]" in "wl/bad.yaml"; found an empty value (null)']
    ]);
    for (const finding of result.findings) {
      expect(finding).toMatchObject({
        rule: 'invalid-whitelist',
        severity: 'error',
        dataSource: 'events-maxcompute',
        file: 'wl/bad.yaml'
      });
    }
  });

  it('reports a selected value that is neither a list nor a string', async () => {
    const result = await read(yamlReader, 'wl/m.yaml', 'whitelist:\n  ips:\n    a: 1\n', 'whitelist.ips');
    expect(result.entries).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        line: 3,
        column: 5,
        message:
          'expected a list of strings or one string of entries separated by commas at "whitelist.ips" in "wl/m.yaml"; found a mapping (1 key)'
      })
    ]);
  });

  it('a select that matches nothing lists what exists at the deepest level reached', async () => {
    const text = 'whitelist:\n  ips: [192.0.2.1]\n  vpcIps: []\n';
    const result = await read(yamlReader, 'wl/mc.yaml', text, 'whitelist.ipList');
    expect(result.entries).toEqual([]);
    expect(result.addHere).toBeUndefined();
    expect(result.findings).toEqual([
      {
        rule: 'invalid-whitelist',
        severity: 'error',
        dataSource: 'events-maxcompute',
        message:
          'select "whitelist.ipList" (.github/dataworks-whitelist.yml:20:11) matches nothing in "wl/mc.yaml": ' +
          'no key "ipList" under "whitelist"; found: ips, vpcIps',
        file: 'wl/mc.yaml',
        line: 2,
        column: 3
      }
    ]);
  });

  it.each([
    ['top', 'no key "top" at the top level; found: whitelist', 1, 1],
    ['whitelist.ips[3]', 'no item [3] under "whitelist.ips": it is a list (1 item)', 2, 8],
    ['whitelist.ips.x', 'no key "x" under "whitelist.ips": it is a list (1 item)', 2, 8],
    ['whitelist[0]', 'no item [0] under "whitelist": it is a mapping (2 keys)', 2, 3]
  ])('select %s fails with: %s', async (select, reason, line, column) => {
    const text = 'whitelist:\n  ips: [192.0.2.1]\n  vpcIps: []\n';
    const result = await read(yamlReader, 'wl/mc.yaml', text, select);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain(`: ${reason}`);
    expect(result.findings[0]).toMatchObject({ file: 'wl/mc.yaml', line, column });
  });

  it('reports a malformed select at the config source', async () => {
    const result = await read(yamlReader, 'wl/mc.yaml', 'a: []\n', 'a..b');
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'invalid-whitelist', ...CONFIG_POS })]);
    expect(result.findings[0]!.message).toContain('malformed select "a..b"');
  });

  it('reports syntax errors and duplicate keys at their line and column', async () => {
    const broken = await read(yamlReader, 'wl/x.yaml', 'ips:\n  - 192.0.2.1\n  bad: [\n', 'ips');
    expect(broken.entries).toEqual([]);
    expect(broken.findings.length).toBeGreaterThan(0);
    expect(broken.findings[0]).toEqual({
      rule: 'invalid-whitelist',
      severity: 'error',
      dataSource: 'events-maxcompute',
      message:
        'YAML syntax error in "wl/x.yaml": this line is indented differently from the keys above it; keys of one mapping must start at the same column',
      file: 'wl/x.yaml',
      line: 3,
      column: 1
    });

    const duplicate = await read(yamlReader, 'wl/d.yaml', 'ips: [192.0.2.1]\nips: [192.0.2.2]\n', 'ips');
    expect(duplicate.entries).toEqual([]);
    expect(duplicate.findings).toEqual([expect.objectContaining({ line: 2, column: 1 })]);
    expect(duplicate.findings[0]!.message).toContain('unique');
  });

  it('reports a missing file at the config source', async () => {
    const result = await yamlReader.read({ file: 'wl/none.yaml', format: 'yaml', pos: CONFIG_POS }, context({}));
    expect(result.findings).toEqual([
      expect.objectContaining({ message: 'whitelist file "wl/none.yaml" does not exist', ...CONFIG_POS })
    ]);
  });
});

describe('json reader', () => {
  it('reads an array of strings at exact positions', async () => {
    const text = '{\n  "whitelist": {\n    "ips": ["192.0.2.1", "198.51.100.0/24"]\n  }\n}\n';
    const result = await read(jsonReader, 'wl/a.json', text, 'whitelist.ips');
    expect(result.findings).toEqual([]);
    expect(placed(result)).toEqual([
      ['192.0.2.1', 3, 14],
      ['198.51.100.0/24', 3, 27]
    ]);
    expect(result.addHere).toEqual({ file: 'wl/a.json', line: 3, column: 12 });
  });

  it('reads a comma-separated string under a quoted key with dots', async () => {
    const text = '{"properties": {"odps.security.ip.whitelist": "192.0.2.0/24, 2001:db8::1"}}';
    const result = await read(jsonReader, 'wl/p.json', text, 'properties["odps.security.ip.whitelist"]');
    expect(placed(result)).toEqual([
      ['192.0.2.0/24', 1, 48],
      ['2001:db8::1', 1, 62]
    ]);
  });

  it('keeps exact columns across escapes in JSON strings', async () => {
    // "\u0031" is "1", "\/" is "/", "\n" and "\u002c" separate entries.
    const text = '["192.0.2.\\u0031\\/32\\n198.51.100.1\\u002c203.0.113.0\\/24"]';
    const result = await read(jsonReader, 'wl/e.json', text);
    expect(placed(result)).toEqual([
      ['192.0.2.1/32', 1, 3],
      ['198.51.100.1', 1, 23],
      ['203.0.113.0/24', 1, 41]
    ]);
  });

  it('rejects comments and trailing commas (strict JSON) at their position', async () => {
    const comment = await read(jsonReader, 'wl/c.json', '[\n  // office\n  "192.0.2.1"\n]');
    expect(comment.entries).toEqual([]);
    expect(comment.findings).toEqual([
      expect.objectContaining({
        rule: 'invalid-whitelist',
        file: 'wl/c.json',
        line: 2,
        column: 3,
        message: 'JSON syntax error in "wl/c.json": comments are not allowed in JSON'
      })
    ]);
    const trailing = await read(jsonReader, 'wl/t.json', '["192.0.2.1",\n ]');
    expect(trailing.findings).toEqual([
      expect.objectContaining({ line: 2, column: 2, message: 'JSON syntax error in "wl/t.json": expected a value' })
    ]);
  });

  it('reports an empty file as a syntax error at 1:1', async () => {
    const result = await read(jsonReader, 'wl/empty.json', '');
    expect(result.findings).toEqual([expect.objectContaining({ line: 1, column: 1 })]);
  });

  it('reports a key that appears twice on the select path instead of guessing', async () => {
    const result = await read(jsonReader, 'wl/d.json', '{"ips": ["192.0.2.1"],\n "ips": ["192.0.2.2"]}', 'ips');
    expect(result.entries).toEqual([]);
    expect(result.findings).toEqual([expect.objectContaining({ line: 1, column: 1 })]);
    expect(result.findings[0]!.message).toContain('key "ips" appears 2 times at the top level');
  });

  it('reports non-string items and lists the keys of an object that lacks the selected one', async () => {
    const items = await read(jsonReader, 'wl/n.json', '{"ips": ["192.0.2.1", 7, null]}', 'ips');
    expect(placed(items)).toEqual([['192.0.2.1', 1, 11]]);
    expect(items.findings.map((finding) => [finding.column, finding.message])).toEqual([
      [23, 'expected a string (an address, CIDR or range) at "ips[1]" in "wl/n.json"; found a number (7)'],
      [26, 'expected a string (an address, CIDR or range) at "ips[2]" in "wl/n.json"; found an empty value (null)']
    ]);
    const missing = await read(jsonReader, 'wl/n.json', '{"ips": [], "vpc.ips": []}', 'ipList');
    expect(missing.findings[0]!.message).toContain('no key "ipList" at the top level; found: ips, ["vpc.ips"]');
  });
});
