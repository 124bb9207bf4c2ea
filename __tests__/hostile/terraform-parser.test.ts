/**
 * The WASM parser survives a failed parse (issue 8 §2): a huge file makes tree-sitter's instance abort, after
 * which every call into it fails. The file that failed is an `invalid-whitelist` finding; every later file,
 * and the bodies of files parsed before, are read with a fresh parser from a fresh instance.
 */
import { jest } from '@jest/globals';
import { loadTerraformParser } from '../../src/whitelists/terraform/index.js';
import { createTerraformReader } from '../../src/whitelists/terraform/index.js';
import { memoryFiles } from '../helpers/memory-files.js';
import { dataSource, located, SOURCE_POS } from '../terraform/read.js';

const main = `resource "alicloud_db_instance" "first" {
  security_ips = ["192.0.2.0/24"]
}

resource "alicloud_db_instance" "second" {
  security_ips = ["198.51.100.0/24"]
}
`;

describe('a parser failure', () => {
  it('is a finding for that file, and later files are parsed by a fresh parser', async () => {
    const files = memoryFiles({
      'infra/main.tf': main,
      'huge/main.tf': 'resource "alicloud_db_instance" "x" {\n  security_ips = ["203.0.113.0/24"]\n}\n',
      'later/main.tf': 'resource "alicloud_db_instance" "x" {\n  security_ips = ["203.0.113.128/25"]\n}\n'
    });
    const reader = createTerraformReader();
    const read = (file: string, select: string) =>
      reader.read(
        { file, format: 'terraform', pos: SOURCE_POS, select },
        { files, dataSource: dataSource({ product: 'rds' }) }
      );

    const first = await read('infra', 'alicloud_db_instance.first');
    expect(located(first)).toEqual(['192.0.2.0/24@2:20']);

    // What an abort does to the instance: this call and every later one fail the same way.
    const failing = await loadTerraformParser();
    jest.spyOn(failing, 'parse').mockImplementation(() => {
      throw Object.assign(new Error('Aborted(). Build with -sASSERTIONS for more info.'), { name: 'RuntimeError' });
    });

    const huge = await read('huge', 'alicloud_db_instance.x');
    expect(huge.entries).toEqual([]);
    expect(huge.findings).toEqual([
      {
        rule: 'invalid-whitelist',
        severity: 'error',
        message: 'the Terraform parser failed on this file (it ran out of memory); it was not read',
        dataSource: 'warehouse',
        file: 'huge/main.tf',
        line: 1,
        column: 1
      }
    ]);

    const later = await read('later', 'alicloud_db_instance.x');
    expect(later.findings).toEqual([]);
    expect(located(later)).toEqual(['203.0.113.128/25@later/main.tf:2:20']);
    const fresh = await loadTerraformParser();
    expect(fresh).not.toBe(failing);

    // A block of a file parsed before the failure, not yet converted: its tree was in the aborted instance,
    // so the block is parsed again by the fresh parser.
    const second = await read('infra', 'alicloud_db_instance.second');
    expect(second.findings).toEqual([]);
    expect(located(second)).toEqual(['198.51.100.0/24@6:20']);
  });
});
