import fc from 'fast-check';
import type { DataSourceConfig, WhitelistSourceConfig } from '../../src/model.js';
import { LineIndex, splitEntries, textReader } from '../../src/whitelists/text.js';
import type { ReadContext } from '../../src/whitelists/types.js';
import { memoryFiles } from '../helpers/memory-files.js';

const CONFIG_POS = { file: '.github/dataworks-whitelist.yml', line: 14, column: 9 };

function context(files: Record<string, string>): ReadContext {
  const dataSource: DataSourceConfig = {
    name: 'orders-rds',
    product: 'rds',
    region: 'cn-hangzhou',
    network: 'private',
    whitelist: [],
    access: [],
    pos: { file: CONFIG_POS.file, line: 10, column: 3 }
  };
  return { files: memoryFiles(files), dataSource };
}

function source(file: string, extra: Partial<WhitelistSourceConfig> = {}): WhitelistSourceConfig {
  return { file, format: 'text', pos: CONFIG_POS, ...extra };
}

const at = (raw: string, line: number, column: number) => ({ raw, file: 'wl/office.txt', line, column });

describe('text reader', () => {
  it('reads entries separated by newlines, commas and blanks, each at its own column', async () => {
    const text = ['192.0.2.1, 192.0.2.2', '  198.51.100.0/24\t203.0.113.5-203.0.113.9', '2001:db8::/32,,'].join('\n');
    const result = await textReader.read(source('wl/office.txt'), context({ 'wl/office.txt': text }));
    expect(result.findings).toEqual([]);
    expect(result.entries).toEqual([
      at('192.0.2.1', 1, 1),
      at('192.0.2.2', 1, 12),
      at('198.51.100.0/24', 2, 3),
      at('203.0.113.5-203.0.113.9', 2, 19),
      at('2001:db8::/32', 3, 1)
    ]);
    expect(result.addHere).toEqual({ file: 'wl/office.txt', line: 4, column: 1 });
  });

  it('skips comments to the end of the line, also right after an entry', async () => {
    const text = '# office\n192.0.2.1 # gateway, 192.0.2.99\n192.0.2.2#vpn\n\n# 192.0.2.3\n';
    const result = await textReader.read(source('wl/office.txt'), context({ 'wl/office.txt': text }));
    expect(result.entries).toEqual([at('192.0.2.1', 2, 1), at('192.0.2.2', 3, 1)]);
    expect(result.addHere).toEqual({ file: 'wl/office.txt', line: 4, column: 1 });
  });

  it('counts CRLF and lone CR line breaks, and ignores a byte-order mark', async () => {
    const text = '\uFEFF192.0.2.1\r\n 192.0.2.2\r192.0.2.3';
    const result = await textReader.read(source('wl/office.txt'), context({ 'wl/office.txt': text }));
    expect(result.entries).toEqual([at('192.0.2.1', 1, 1), at('192.0.2.2', 2, 2), at('192.0.2.3', 3, 1)]);
  });

  it('keeps whatever is written, even text that is no address: parsing comes later', async () => {
    const result = await textReader.read(
      source('wl/office.txt'),
      context({ 'wl/office.txt': 'not-an-ip 192.0.2.1/33' })
    );
    expect(result.entries.map((entry) => entry.raw)).toEqual(['not-an-ip', '192.0.2.1/33']);
  });

  it('adds new entries at 1:1 in an empty file', async () => {
    const result = await textReader.read(source('wl/office.txt'), context({ 'wl/office.txt': '' }));
    expect(result).toEqual({ entries: [], findings: [], addHere: { file: 'wl/office.txt', line: 1, column: 1 } });
  });

  it('reports a missing file at the config source, naming the path', async () => {
    const result = await textReader.read(source('wl/missing.txt'), context({}));
    expect(result.entries).toEqual([]);
    expect(result.addHere).toBeUndefined();
    expect(result.findings).toEqual([
      {
        rule: 'invalid-whitelist',
        severity: 'error',
        message: 'whitelist file "wl/missing.txt" does not exist',
        dataSource: 'orders-rds',
        ...CONFIG_POS
      }
    ]);
  });

  it('reports a directory given as a text whitelist', async () => {
    const result = await textReader.read(source('wl'), context({ 'wl/a.txt': '192.0.2.1' }));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'invalid-whitelist', ...CONFIG_POS });
    expect(result.findings[0]!.message).toContain('"wl" is a directory');
  });

  it('rejects a select, which text files do not have', async () => {
    const result = await textReader.read(
      source('wl/office.txt', { select: 'a.b' }),
      context({ 'wl/office.txt': '192.0.2.1' })
    );
    expect(result.entries).toEqual([]);
    expect(result.findings[0]).toMatchObject({ rule: 'invalid-whitelist', ...CONFIG_POS });
  });

  it('property: N generated entries with random separators and comments come back exactly, with their positions', async () => {
    const entry = fc.stringMatching(/^[0-9a-f.:/-]{1,20}$/);
    const separator = fc.constantFrom(',', ' ', '\t', '\n', '\r\n', ', ', ' ,\n', '  # a comment, 192.0.2.1\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(entry, separator), { maxLength: 30 }),
        fc.constantFrom('', '\n', '# header\n', '  '),
        async (pieces, prefix) => {
          let text = prefix;
          const expected: { raw: string; file: string; line: number; column: number }[] = [];
          for (const [raw, after] of pieces) {
            const lines = text.split(/\r\n|\n/);
            expected.push(at(raw, lines.length, lines[lines.length - 1]!.length + 1));
            text += raw + after;
          }
          const result = await textReader.read(source('wl/office.txt'), context({ 'wl/office.txt': text }));
          expect(result.findings).toEqual([]);
          expect(result.entries).toEqual(expected);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe('splitEntries and LineIndex', () => {
  it('splits without comments when asked, keeping # as text', () => {
    expect(splitEntries('a#b, c', { comments: false })).toEqual([
      { text: 'a#b', offset: 0 },
      { text: 'c', offset: 5 }
    ]);
  });

  it('maps offsets to 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncd\r\nef');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 2 });
    expect(lines.position(7)).toEqual({ line: 3, column: 1 });
    expect(lines.lineCount).toBe(3);
  });
});
