/** Shared by the Terraform reader tests: a data source and a read over in-memory files. */
import type { RepoFiles } from '../../src/io.js';
import type { DataSourceConfig, Network, ProductId } from '../../src/model.js';
import { createTerraformReader } from '../../src/whitelists/terraform/index.js';
import type { ReadResult } from '../../src/whitelists/types.js';
import { memoryFiles } from '../helpers/memory-files.js';

export interface ReadOptions {
  product?: ProductId;
  network?: Network;
  port?: number;
  file?: string;
  tfvars?: string[];
}

export function dataSource(options: ReadOptions = {}): DataSourceConfig {
  const source: DataSourceConfig = {
    name: 'warehouse',
    product: options.product ?? 'other',
    region: 'cn-hangzhou',
    network: options.network ?? 'private',
    whitelist: [],
    access: [],
    pos: { file: '.github/dataworks-whitelist.yml', line: 4, column: 3 }
  };
  if (options.port !== undefined) source.port = options.port;
  return source;
}

export const SOURCE_POS = { file: '.github/dataworks-whitelist.yml', line: 9, column: 9 };

export async function readWith(
  files: RepoFiles,
  select: string | undefined,
  options: ReadOptions = {}
): Promise<ReadResult> {
  const reader = createTerraformReader();
  const source = {
    file: options.file ?? 'infra',
    format: 'terraform' as const,
    pos: SOURCE_POS,
    ...(select === undefined ? {} : { select }),
    ...(options.tfvars ? { tfvars: options.tfvars } : {})
  };
  return reader.read(source, { files, dataSource: dataSource(options) });
}

/** Reads `select` from a module of in-memory files (default directory `infra`). */
export function readModule(
  files: Record<string, string>,
  select: string | undefined,
  options: ReadOptions = {}
): Promise<ReadResult> {
  return readWith(memoryFiles(files), select, options);
}

/** Entries as `raw@line:column` (file left out when it is `infra/main.tf`), for compact exact assertions. */
export function located(result: ReadResult): string[] {
  return result.entries.map((entry) =>
    entry.file === 'infra/main.tf'
      ? `${entry.raw}@${entry.line}:${entry.column}`
      : `${entry.raw}@${entry.file}:${entry.line}:${entry.column}`
  );
}

export function rules(result: ReadResult): string[] {
  return result.findings.map((finding) => `${finding.rule}@${finding.file}:${finding.line}:${finding.column}`);
}
