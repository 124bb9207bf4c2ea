import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { configJsonSchema, parseConfig } from '../../src/config/index.js';
import { configJsonSchemaText, SCHEMA_FILE } from '../../src/config/json-schema.js';
import { MINIMAL } from './yaml-text.js';

const committed = readFileSync(new URL(`../../${SCHEMA_FILE}`, import.meta.url), 'utf8');
const fullText = readFileSync(new URL('./fixtures/valid-full.yml', import.meta.url), 'utf8');

function compile() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The schema also carries a `pattern` for real dates; the format itself needs no extra validation here.
  ajv.addFormat('date', true);
  return ajv.compile(JSON.parse(committed));
}

describe('the shipped JSON Schema', () => {
  it('is exactly what scripts/write-schema.ts generates (run `npx tsx scripts/write-schema.ts` after changes)', () => {
    expect(committed).toBe(configJsonSchemaText());
    expect(JSON.parse(committed)).toEqual(configJsonSchema);
  });

  it('declares draft 2020-12, an $id and a title', () => {
    expect(configJsonSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:dataworks-whitelist-guard:config:v1',
      title: expect.any(String)
    });
  });

  const validate = compile();

  it.each([
    ['the contract example', fullText],
    ['the minimal config', MINIMAL]
  ])('accepts %s, as the loader does', (_, text) => {
    expect(parseConfig(text, 'c.yml').findings).toEqual([]);
    expect(validate(parse(text))).toBe(true);
  });

  const invalid: [string, string, string][] = [
    ['an unknown key', 'type: serverless', 'type: serverless\n    privateCidr: [192.0.2.0/24]'],
    ['an unknown group type', 'type: serverless', 'type: serverles'],
    ['a non-string address', 'type: serverless', 'type: serverless\n    publicIps: [42]'],
    ['a wrong version', 'version: 1', 'version: 2'],
    ['a bad region', 'region: cn-hangzhou', 'region: Hangzhou'],
    ['a missing network', '    network: private\n', ''],
    ['a port out of range', 'network: private', 'network: private\n    port: 70000'],
    ['an empty whitelist list', 'whitelist: { file: wl.txt }', 'whitelist: []'],
    ['an unknown module', 'module: data-integration', 'module: data-integratoin'],
    [
      'an empty address list',
      'version: 1',
      'version: 1\naddressLists:\n  shared-service:\n    cn-hangzhou: { replace: true, entries: [] }'
    ],
    [
      'a date that does not exist',
      'version: 1',
      'version: 1\nwaivers:\n  - { dataSource: db, entry: 192.0.2.1, reason: r, expires: 2027-02-29 }'
    ],
    ['a group name with a blank', '  sl:', '  "s l":']
  ];
  it.each(invalid)('rejects %s, as the loader does', (_, from, to) => {
    const text = MINIMAL.replace(from, to);
    expect(text).not.toBe(MINIMAL);
    expect(parseConfig(text, 'c.yml').findings.length).toBeGreaterThan(0);
    expect(validate(parse(text))).toBe(false);
  });
});
