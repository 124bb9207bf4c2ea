import { WHITELIST_FORMATS } from '../../src/model.js';
import type { DataSourceConfig, WhitelistFormat, WhitelistSourceConfig } from '../../src/model.js';
import { readerFor, readWhitelistSource, readWhitelistSources } from '../../src/whitelists/index.js';
import type { ReadContext, WhitelistReader } from '../../src/whitelists/index.js';
import { memoryFiles } from '../helpers/memory-files.js';

const POS = { file: '.github/dataworks-whitelist.yml', line: 7, column: 9 };

function context(files: Record<string, string>): ReadContext {
  const dataSource: DataSourceConfig = {
    name: 'orders-rds',
    product: 'rds',
    region: 'cn-hangzhou',
    network: 'private',
    whitelist: [],
    access: [],
    pos: POS
  };
  return { files: memoryFiles(files), dataSource };
}

const source = (file: string, format: WhitelistFormat, select?: string): WhitelistSourceConfig =>
  select === undefined ? { file, format, pos: POS } : { file, format, select, pos: POS };

describe('reader registry', () => {
  it.each(WHITELIST_FORMATS)('has a reader for %s', async (format) => {
    expect((await readerFor(format)).format).toBe(format);
  });

  it('reads several sources in the order given, each with its own reader', async () => {
    const ctx = context({
      'wl/a.txt': '192.0.2.1',
      'wl/b.yaml': 'ips: [198.51.100.1]\n',
      'wl/c.json': '{"ips": "203.0.113.1"}'
    });
    const results = await readWhitelistSources(
      [source('wl/c.json', 'json', 'ips'), source('wl/a.txt', 'text'), source('wl/b.yaml', 'yaml', 'ips')],
      ctx
    );
    expect(results.map((result) => result.entries.map((entry) => [entry.file, entry.raw]))).toEqual([
      [['wl/c.json', '203.0.113.1']],
      [['wl/a.txt', '192.0.2.1']],
      [['wl/b.yaml', '198.51.100.1']]
    ]);
  });

  it('turns a reader that cannot be loaded into internal-error at the config source, saying how to report it', async () => {
    const result = await readWhitelistSource(source('infra/rds.tf', 'terraform'), context({}), () =>
      Promise.reject(new Error('Cannot find module ./terraform/index.js'))
    );
    expect(result.entries).toEqual([]);
    expect(result.addHere).toBeUndefined();
    expect(result.findings).toEqual([
      {
        rule: 'internal-error',
        severity: 'error',
        message: expect.stringMatching(
          /^internal error while loading the terraform reader; the check is incomplete\. This is a bug in .*open an issue/
        ),
        dataSource: 'orders-rds',
        ...POS
      }
    ]);
    expect(result.findings[0]!.message).not.toContain('Cannot find module');
  });

  it('turns a reader that throws into internal-error, never an empty whitelist', async () => {
    const throwing: WhitelistReader = {
      format: 'yaml',
      read: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')"))
    };
    const [result] = await readWhitelistSources([source('wl/b.yaml', 'yaml')], context({}), () =>
      Promise.resolve(throwing)
    );
    expect(result!.entries).toEqual([]);
    expect(result!.addHere).toBeUndefined();
    expect(result!.findings).toEqual([
      expect.objectContaining({
        rule: 'internal-error',
        severity: 'error',
        message: expect.stringContaining('internal error while reading the yaml whitelist "wl/b.yaml"'),
        ...POS
      })
    ]);
    expect(result!.findings[0]!.message).not.toMatch(/undefined|TypeError/);
  });

  it('turns an operating-system failure mid-read into invalid-whitelist in plain words', async () => {
    const failing: WhitelistReader = {
      format: 'text',
      read: () => Promise.reject(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }))
    };
    const result = await readWhitelistSource(source('wl/a.txt', 'text'), context({}), () => Promise.resolve(failing));
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'invalid-whitelist',
        message: 'could not read "wl/a.txt": permission denied (EACCES)',
        ...POS
      })
    ]);
  });
});
