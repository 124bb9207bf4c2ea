/**
 * Every bound on the work that the repository under check can ask of the tool, in one place so the README can
 * list them. The repository is written by whoever opens a pull request: these keep a hostile one inside a few
 * seconds and a few hundred MiB, and each is far above what a real repository needs (the largest real whitelist
 * holds a few thousand entries, well under 100 KiB; a large Terraform file is well under 1 MiB).
 * Terraform's evaluation budget lives with the Terraform evaluator.
 */

/** Bytes one file may hold; checked with `stat` before the file is opened. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Distinct files one run may read (the config, whitelist files, every file of a Terraform module, tfvars). */
export const MAX_FILES_PER_RUN = 1_000;

/** Bytes one run may read over all its files (each file counted once, however many sources name it). */
export const MAX_BYTES_PER_RUN = 8 * 1024 * 1024;

/**
 * Bytes the text, YAML and JSON readers may parse in one run, counting a file again for every source that names
 * it (many sources naming one large file must not multiply the work without bound).
 */
export const MAX_PARSED_BYTES_PER_RUN = 16 * 1024 * 1024;

/** Entries one whitelist source may hold. */
export const MAX_ENTRIES_PER_SOURCE = 20_000;

/** Entries all whitelist sources of one run may hold together. */
export const MAX_ENTRIES_PER_RUN = 100_000;

/** Entries one directory listing may hold (a Terraform module directory). */
export const MAX_DIRECTORY_ENTRIES = 10_000;

/** How deep lists and mappings may nest in the YAML config and in YAML/JSON whitelists. */
export const MAX_NESTING_DEPTH = 100;

/** YAML aliases expanded at most this many times when a document is turned into data ("billion laughs"). */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Characters of an unparsable entry that a message or a finding's `raw` quotes. */
export const MAX_QUOTED_CHARS = 80;

/** `invalid-entry` findings reported per whitelist file; past it, one finding gives the count of the rest. */
export const MAX_INVALID_ENTRIES_PER_FILE = 20;

/** Findings about a structured whitelist's items (`expected a string`) reported per file before a summary. */
export const MAX_ITEM_FINDINGS_PER_FILE = 20;

/**
 * The run-wide budget of the whitelist readers, shared by every source of one run (sources are read one after
 * another in config order, so which source goes over is deterministic).
 */
export class ReadBudget {
  private parsedBytes = 0;
  private entries = 0;

  constructor(
    private readonly maxParsedBytes: number = MAX_PARSED_BYTES_PER_RUN,
    private readonly maxEntries: number = MAX_ENTRIES_PER_RUN
  ) {}

  /** Takes `bytes` of parsing; the reason the source is not read when that goes over the budget. */
  takeParsedBytes(bytes: number): string | undefined {
    if (this.parsedBytes + bytes > this.maxParsedBytes) {
      return `was not read: this run already parsed ${formatBytes(this.parsedBytes)} of whitelists, and the limit per run is ${formatBytes(this.maxParsedBytes)}`;
    }
    this.parsedBytes += bytes;
    return undefined;
  }

  /** Takes `count` entries; the reason the source's entries do not count when that goes over the budget. */
  takeEntries(count: number): string | undefined {
    if (this.entries + count > this.maxEntries) {
      return `holds ${formatCount(count)} entries, which would take this run over its limit of ${formatCount(this.maxEntries)} entries; it was not read`;
    }
    this.entries += count;
    return undefined;
  }
}

/** `1,048,576`: thousands separated, as the limits are written in messages. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A size for messages: bytes below 1 KiB, else KiB or MiB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/**
 * At most `max` characters of untrusted text for a message, with `…` when cut, and control characters (NUL
 * included) shown as `\u….` escapes, so no file's content reaches a report whole or raw.
 */
export function quotePrefix(text: string, max: number = MAX_QUOTED_CHARS): string {
  // Code points, not UTF-16 units, so a cut never splits a surrogate pair; only the head is ever split up.
  const chars = Array.from(text.slice(0, 2 * max + 2));
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
