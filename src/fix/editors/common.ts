/**
 * What every editor shares: the result type, the file's line ending and indentation, and offsets from the 1-based
 * line and column that findings carry. Editors return the whole new text; every byte they do not mean to change
 * is copied as it was.
 */

/** An edit, or why it was not made (a sentence that completes "not fixed: …" and says what to do by hand). */
export type EditResult = { ok: true; text: string } | { ok: false; reason: string };

export const BOM = '\uFEFF';

/** Replace `[start, end)` of the text as read with `insert`. */
export interface Splice {
  start: number;
  end: number;
  insert: string;
}

/** An edit as splices of the text it was computed on (so that many edits of one file apply in one pass). */
export type SpliceResult = { ok: true; splices: Splice[] } | { ok: false; reason: string };

/** Applies non-overlapping splices in one pass. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    parts.push(text.slice(at, s.start), s.insert);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function asText(text: string, result: SpliceResult): EditResult {
  return result.ok ? { ok: true, text: applySplices(text, result.splices) } : result;
}

/** The file's line ending: the first one written, `\n` when there is none. */
export function lineEndingOf(text: string): string {
  const index = text.search(/\r\n|\n|\r/);
  if (index < 0) return '\n';
  return text.startsWith('\r\n', index) ? '\r\n' : text[index]!;
}

/**
 * The offset of a 1-based line and column (UTF-16 code units). `lfOnly`: only `\n` ends a line (the Terraform
 * parser's view); otherwise `\r\n`, `\n` and a lone `\r` do (the text, YAML and JSON readers' view). Undefined
 * when the position lies outside the text.
 */
export function offsetAt(text: string, line: number, column: number, lfOnly = false): number | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return undefined;
  let start = 0;
  for (let current = 1; current < line; current++) {
    let index = start;
    while (index < text.length && text[index] !== '\n' && (lfOnly || text[index] !== '\r')) index++;
    if (index >= text.length) return undefined;
    start = text[index] === '\r' && text[index + 1] === '\n' ? index + 2 : index + 1;
  }
  const offset = start + column - 1;
  return offset <= text.length ? offset : undefined;
}

/**
 * Offsets of many positions in one text: the line starts are found once. `lfOnly` as in `offsetAt`.
 */
export function offsetIndex(text: string, lfOnly: boolean): (line: number, column: number) => number | undefined {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || (!lfOnly && char === '\r' && text[index + 1] !== '\n')) starts.push(index + 1);
  }
  return (line, column) => {
    const start = starts[line - 1];
    if (start === undefined || !Number.isInteger(column) || column < 1) return undefined;
    const offset = start + column - 1;
    return offset <= text.length ? offset : undefined;
  };
}

/** The start of the line that holds `offset`. */
export function lineStart(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--;
  return index;
}

/** The end of the line that holds `offset` (before its line break, or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
  return index;
}

/** The blanks that indent the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Replaces `[start, end)` of `text`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Rewrites one entry in place (a `host-bits-set` entry to its block): the text at the position must be exactly
 * `raw`, otherwise nothing is changed.
 */
export function replaceEntryAt(
  text: string,
  at: { line: number; column: number },
  raw: string,
  replacement: string,
  lfOnly: boolean,
  knownOffset?: number
): SpliceResult {
  const offset = knownOffset ?? offsetAt(text, at.line, at.column, lfOnly);
  if (offset === undefined || offset < 0 || text.slice(offset, offset + raw.length) !== raw) {
    return {
      ok: false,
      reason: `the entry is not written as plain text at its position; write ${replacement} by hand`
    };
  }
  return { ok: true, splices: [{ start: offset, end: offset + raw.length, insert: replacement }] };
}
