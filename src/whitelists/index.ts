/**
 * The reader registry: which reader handles which whitelist format, and reading every source of a data source
 * into entries and findings, failing closed (an `invalid-whitelist` or `internal-error` finding) when a reader
 * cannot run.
 */
import { formatCount, MAX_ENTRIES_PER_SOURCE } from '../bounds.js';
import { describeSystemError, internalErrorFinding, systemErrorCode } from '../internal-error.js';
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
let terraformReaderLoading: Promise<WhitelistReader> | undefined;

export async function readerFor(format: WhitelistFormat): Promise<WhitelistReader> {
  switch (format) {
    case 'text':
      return textReader;
    case 'yaml':
      return yamlReader;
    case 'json':
      return jsonReader;
    case 'terraform':
      // One import per process, however many sources are Terraform (each import() is a round trip to the loader).
      terraformReaderLoading ??= import('./terraform/index.js').then((module) => module.terraformReader);
      return terraformReaderLoading.catch((error: unknown) => {
        terraformReaderLoading = undefined;
        throw error;
      });
  }
}

function failure(finding: Finding): ReadResult {
  return { entries: [], findings: [finding] };
}

/**
 * Reads one source. A reader that cannot be loaded, or that throws, leaves the source unread, never empty: an
 * operating-system failure mid-read (`EACCES`, `EIO`) is an `invalid-whitelist` finding in plain words; anything
 * else is a bug, an `internal-error` finding that says how to report it. Both sit at the source's place in the
 * config, so the rest of the report survives.
 */
export async function readWhitelistSource(
  source: WhitelistSourceConfig,
  ctx: ReadContext,
  loadReader: ReaderLoader = readerFor
): Promise<ReadResult> {
  const place = { dataSource: ctx.dataSource.name, ...source.pos };
  let reader: WhitelistReader;
  try {
    reader = await loadReader(source.format);
  } catch (error) {
    return failure(internalErrorFinding(`while loading the ${source.format} reader`, error, place, ctx.logger));
  }
  try {
    return withinEntryBounds(source, ctx, await reader.read(source, ctx));
  } catch (error) {
    const code = systemErrorCode(error);
    if (code !== undefined) {
      return failure(
        invalidWhitelist(ctx, source.pos, `could not read "${source.file}": ${describeSystemError(code)}`)
      );
    }
    return failure(
      internalErrorFinding(`while reading the ${source.format} whitelist "${source.file}"`, error, place, ctx.logger)
    );
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
  return failure(invalidWhitelist(ctx, source.pos, `whitelist ${JSON.stringify(source.file)} ${over}`));
}

/** Reads the sources of one data source, in parallel; results are in the order of `sources`. */
export function readWhitelistSources(
  sources: readonly WhitelistSourceConfig[],
  ctx: ReadContext,
  loadReader: ReaderLoader = readerFor
): Promise<ReadResult[]> {
  return Promise.all(sources.map((source) => readWhitelistSource(source, ctx, loadReader)));
}
