/**
 * The reader registry: which reader handles which whitelist format, and reading every source of a data source
 * into entries and findings, failing closed (as an `invalid-whitelist` finding) when a reader cannot run.
 */
import { formatCount, MAX_ENTRIES_PER_SOURCE } from '../bounds.js';
import type { Finding, WhitelistFormat, WhitelistSourceConfig } from '../model.js';
import { jsonReader, yamlReader } from './structured.js';
import { invalidWhitelist, textReader } from './text.js';
import type { ReadContext, ReadResult, WhitelistReader } from './types.js';

export { jsonReader, parseSelect, formatSelectPath, yamlReader } from './structured.js';
export type { ParsedSelect, SelectSegment } from './structured.js';
export { textReader } from './text.js';
export type { DeclaredEntryText, ReadContext, ReadResult, WhitelistReader } from './types.js';

export type ReaderLoader = (format: WhitelistFormat) => Promise<WhitelistReader>;

/**
 * The reader for `format`. The Terraform reader is imported on first use: it loads tree-sitter's WASM, which runs
 * that read no Terraform never need (and ncc emits it as a separate chunk). Rejects when it cannot be loaded.
 */
export async function readerFor(format: WhitelistFormat): Promise<WhitelistReader> {
  switch (format) {
    case 'text':
      return textReader;
    case 'yaml':
      return yamlReader;
    case 'json':
      return jsonReader;
    case 'terraform': {
      const { terraformReader } = await import('./terraform/index.js');
      return terraformReader;
    }
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(source: WhitelistSourceConfig, ctx: ReadContext, message: string): ReadResult {
  const { file, line, column } = source.pos;
  const finding: Finding = invalidWhitelist(ctx, { file, line, column }, message);
  return { entries: [], findings: [finding] };
}

/**
 * Reads one source. A reader that cannot be loaded, or that throws (a bug, or I/O failing mid-read), becomes an
 * `invalid-whitelist` finding at the source's place in the config: the source is then unread, never empty.
 */
export async function readWhitelistSource(
  source: WhitelistSourceConfig,
  ctx: ReadContext,
  loadReader: ReaderLoader = readerFor
): Promise<ReadResult> {
  let reader: WhitelistReader;
  try {
    reader = await loadReader(source.format);
  } catch (error) {
    return failure(source, ctx, `${source.format} reader unavailable: ${describeError(error)}`);
  }
  try {
    return withinEntryBounds(source, ctx, await reader.read(source, ctx));
  } catch (error) {
    return failure(source, ctx, `could not read ${source.format} whitelist "${source.file}": ${describeError(error)}`);
  }
}

/**
 * A source over the entry limits counts as unread (fail closed): its entries are dropped for one finding at the
 * place in the config that names it, so no run holds more entries than the bounds allow.
 */
function withinEntryBounds(source: WhitelistSourceConfig, ctx: ReadContext, result: ReadResult): ReadResult {
  const count = result.entries.length;
  const over =
    count > MAX_ENTRIES_PER_SOURCE
      ? `holds ${formatCount(count)} entries, over the limit of ${formatCount(MAX_ENTRIES_PER_SOURCE)} per whitelist source; it was not read`
      : ctx.budget?.takeEntries(count);
  if (over === undefined) return result;
  return failure(source, ctx, `whitelist ${JSON.stringify(source.file)} ${over}`);
}

/** Reads the sources of one data source, in parallel; results are in the order of `sources`. */
export function readWhitelistSources(
  sources: readonly WhitelistSourceConfig[],
  ctx: ReadContext,
  loadReader: ReaderLoader = readerFor
): Promise<ReadResult[]> {
  return Promise.all(sources.map((source) => readWhitelistSource(source, ctx, loadReader)));
}
