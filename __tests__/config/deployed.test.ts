/** Config keys of deployed whitelists (contract §9): instance, edition, deployedGroups, optional whitelist, waiver scope. */
import { parseConfig } from '../../src/config/index.js';

const FILE = '.github/dataworks-whitelist.yml';

function config(dataSource: string, waivers = ''): string {
  return `version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: serverless
    privateCidrs: [192.0.2.0/24]
dataSources:
  db:
${dataSource}    network: private
    access:
      - module: data-integration
        resourceGroups: [prod]
${waivers}`;
}

const messages = (text: string): string[] =>
  parseConfig(text, FILE).findings.map((f) => `${f.line}:${f.column} ${f.message}`);

describe('config: deployed whitelists', () => {
  it('accepts instance alone, with edition and deployedGroups, and builds them with positions', () => {
    const result = parseConfig(
      config(
        '    product: adb-mysql\n    instance: amv-test\n    edition: lakehouse\n    deployedGroups: [dataworks]\n    whitelist:\n      file: wl.txt\n'
      ),
      FILE
    );
    expect(result.findings).toEqual([]);
    const ds = result.config?.dataSources[0];
    expect(ds?.instance).toEqual({ value: 'amv-test', pos: { file: FILE, line: 10, column: 15 } });
    expect(ds?.edition).toBe('lakehouse');
    expect(ds?.deployedGroups?.map((g) => g.value)).toEqual(['dataworks']);
    const alone = parseConfig(config('    product: rds\n    instance: rm-test\n'), FILE);
    expect(alone.findings).toEqual([]);
    expect(alone.config?.dataSources[0]?.whitelist).toEqual([]);
  });

  it('needs whitelist or instance', () => {
    expect(messages(config('    product: rds\n'))).toEqual([
      expect.stringMatching(/^9:\d+ .*missing key "whitelist" or "instance"/)
    ]);
  });

  it.each(['hologres', 'polardb-x', 'oss', 'other', 'selectdb', 'hbase'])(
    'refuses instance on %s, which has no API for it',
    (product) => {
      expect(messages(config(`    product: ${product}\n    instance: x-1\n`))).toEqual([
        expect.stringMatching(new RegExp(`^10:5 .*${product} has no API that returns a deployed whitelist`))
      ]);
    }
  );

  it('refuses edition on other products and a wrong edition for the product', () => {
    expect(messages(config('    product: rds\n    instance: rm-1\n    edition: warehouse\n'))).toEqual([
      expect.stringMatching(/^11:5 .*edition applies only to adb-mysql .* and clickhouse/)
    ]);
    expect(messages(config('    product: clickhouse\n    instance: cc-1\n    edition: lakehouse\n'))).toEqual([
      expect.stringMatching(/^11:14 .*clickhouse editions are community, enterprise; got "lakehouse"/)
    ]);
    expect(messages(config('    product: clickhouse\n    instance: cc-1\n    edition: pro\n'))).toHaveLength(1);
  });

  it('refuses deployedGroups without instance or without files', () => {
    expect(messages(config('    product: rds\n    deployedGroups: [a]\n    whitelist:\n      file: wl.txt\n'))).toEqual(
      [expect.stringMatching(/deployedGroups .*add instance/)]
    );
    expect(messages(config('    product: rds\n    instance: rm-1\n    deployedGroups: [a]\n'))).toEqual([
      expect.stringMatching(/deployedGroups .*has none/)
    ]);
  });

  it('takes a waiver scope, and refuses one the data source cannot have', () => {
    const waiver = (scope: string) =>
      `waivers:\n  - dataSource: db\n    entry: 192.0.2.0/24\n    reason: r\n    expires: 2027-01-31\n    scope: ${scope}\n`;
    const ok = parseConfig(config('    product: rds\n    instance: rm-1\n', waiver('deployed')), FILE);
    expect(ok.findings).toEqual([]);
    expect(ok.config?.waivers[0]?.scope).toBe('deployed');
    expect(messages(config('    product: rds\n    whitelist:\n      file: wl.txt\n', waiver('deployed')))).toEqual([
      expect.stringMatching(/scope deployed .* names no instance/)
    ]);
    expect(messages(config('    product: rds\n    instance: rm-1\n', waiver('declared')))).toEqual([
      expect.stringMatching(/scope declared .* has none/)
    ]);
    expect(messages(config('    product: rds\n    instance: rm-1\n', waiver('cloud')))).toHaveLength(1);
  });
});
