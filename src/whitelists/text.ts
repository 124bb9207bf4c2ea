/**
 * The text whitelist reader, and the helpers every non-Terraform reader shares: reading the file with clear
 * errors, splitting a list into entries with their offsets, and turning offsets into 1-based lines and columns.
 */
import { describeFileError, fileErrorCode } from '../io.js';
import type { Finding, SourcePosition } from '../model.js';
import type { DeclaredEntryText, ReadContext, ReadResult, WhitelistReader } from './types.js';
import type { WhitelistSourceConfig } from '../model.js';

/** One entry's text and the offset (UTF-16 code units into the file's text) where it starts. */
export interface EntryToken {
  text: string;
  offset: number;
}

/** Commas and any whitespace (blanks, tabs, line breaks) separate entries. */
export function isEntrySeparator(char: string): boolean {
  return char === ',' || /\s/u.test(char);
}

/**
 * Splits `text` into entries at separators. With `comments`, `#` starts a comment that runs to the end of its
 * line. Empty pieces (`a,,b`, a trailing comma) are not entries: nothing was written there.
 */
export function splitEntries(text: string, options: { comments: boolean }): EntryToken[] {
  const tokens: EntryToken[] = [];
  let start = -1;
  const close = (end: number): void => {
    if (start >= 0) tokens.push({ text: text.slice(start, end), offset: start });
    start = -1;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (options.comments && char === '#') {
      close(index);
      while (index + 1 < text.length && text[index + 1] !== '\n' && text[index + 1] !== '\r') index++;
    } else if (isEntrySeparator(char)) {
      close(index);
    } else if (start < 0) {
      start = index;
    }
  }
  close(text.length);
  return tokens;
}

/**
 * Maps offsets to 1-based lines and columns. `\n`, `\r\n` and a lone `\r` end a line, as in editors; columns
 * count UTF-16 code units, as the YAML and JSON parsers do.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) this.lineStarts.push(index + 1);
    }
  }

  /** The number of lines (a final line break starts one more, empty line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

export function invalidWhitelist(
  ctx: ReadContext,
  at: { file: string; line: number; column: number },
  message: string
): Finding {
  return {
    rule: 'invalid-whitelist',
    severity: 'error',
    message,
    dataSource: ctx.dataSource.name,
    file: at.file,
    line: at.line,
    column: at.column
  };
}

function positionOf(pos: SourcePosition): { file: string; line: number; column: number } {
  return { file: pos.file, line: pos.line, column: pos.column };
}

/**
 * The text of a whitelist file without a byte-order mark (editors do not count it as a column), or the
 * `invalid-whitelist` finding, placed where the config names the file, that explains why it cannot be read.
 */
export async function readWhitelistText(
  source: WhitelistSourceConfig,
  ctx: ReadContext
): Promise<{ text: string } | { finding: Finding }> {
  const describe = (reason: string): { finding: Finding } => ({
    finding: invalidWhitelist(ctx, positionOf(source.pos), `whitelist file "${source.file}" ${reason}`)
  });
  try {
    const text = await ctx.files.readText(source.file);
    const over = ctx.budget?.takeParsedBytes(text.length);
    if (over !== undefined) return describe(over);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    if (fileErrorCode(error) === 'EISDIR')
      return describe(`is a directory; a ${source.format} whitelist must be a file`);
    return describe(describeFileError(error));
  }
}

/** Places tokens of `text` (offsets into it) as entries of `file`. */
export function entriesAt(tokens: EntryToken[], lines: LineIndex, file: string): DeclaredEntryText[] {
  return tokens.map((token) => ({ raw: token.text, file, ...lines.position(token.offset) }));
}

/** Entries separated by newlines, commas or blanks; `#` starts a comment. */
export const textReader: WhitelistReader = {
  format: 'text',
  async read(source, ctx): Promise<ReadResult> {
    if (source.select !== undefined) {
      return {
        entries: [],
        findings: [
          invalidWhitelist(
            ctx,
            positionOf(source.pos),
            `"select" applies to yaml, json and terraform whitelists, not to the text file "${source.file}"`
          )
        ]
      };
    }
    const loaded = await readWhitelistText(source, ctx);
    if ('finding' in loaded) return { entries: [], findings: [loaded.finding] };
    const lines = new LineIndex(loaded.text);
    const entries = entriesAt(splitEntries(loaded.text, { comments: true }), lines, source.file);
    const last = entries[entries.length - 1];
    // A new entry goes on its own line after the last one; an empty list starts at the top.
    const addHere = { file: source.file, line: last ? last.line + 1 : 1, column: 1 };
    return { entries, findings: [], addHere };
  }
};
