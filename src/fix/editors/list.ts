/**
 * Inserting items into a bracketed list written in a file (a JSON array, a YAML flow sequence, a Terraform tuple),
 * in the style of the list: one item per line with the same indentation and trailing-comma habit when it is written
 * one per line, otherwise after the last item with the separator written between the items.
 */
import { indentationAt, lineEnd, type SpliceResult } from './common.js';

export interface WrittenList {
  /** Offset of `[`. */
  open: number;
  /** Offset of `]`. */
  close: number;
  /** Each item's text, `[start, end)`. */
  items: readonly { start: number; end: number }[];
}

/** What may follow an item on its line without being part of the list: blanks and a comment. */
function restOfLineIsComment(rest: string): boolean {
  const trimmed = rest.trim();
  return trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//');
}

export function insertIntoList(
  text: string,
  list: WrittenList,
  rendered: readonly string[],
  eol: string
): SpliceResult {
  const last = list.items[list.items.length - 1];
  if (!last) {
    const inner = text.slice(list.open + 1, list.close);
    if (inner.trim() !== '') return { ok: false, reason: 'the empty list holds a comment; add the entries by hand' };
    return { ok: true, splices: [{ start: list.open + 1, end: list.close, insert: rendered.join(', ') }] };
  }
  const multiLine = /[\r\n]/.test(text.slice(list.open, last.start));
  if (multiLine) {
    const indent = indentationAt(text, last.start);
    let after = last.end;
    while (text[after] === ' ' || text[after] === '\t') after++;
    const trailingComma = text[after] === ',';
    const from = trailingComma ? after + 1 : last.end;
    const end = lineEnd(text, from);
    if (end <= list.close && restOfLineIsComment(text.slice(from, end))) {
      const lines = rendered.map((item) => `${eol}${indent}${item}`);
      if (trailingComma)
        return { ok: true, splices: [{ start: end, end, insert: lines.map((l) => `${l},`).join('') }] };
      // No trailing comma: the old last item gets one, the new items follow one per line.
      return {
        ok: true,
        splices: [
          { start: last.end, end: last.end, insert: ',' },
          { start: end, end, insert: lines.join(',') }
        ]
      };
    }
  }
  const first = list.items[0]!;
  const second = list.items[1];
  const written = second ? text.slice(first.end, second.start) : ', ';
  const separator = /^[ \t]*,[ \t]*$/.test(written) ? written : ', ';
  return {
    ok: true,
    splices: [{ start: last.end, end: last.end, insert: rendered.map((item) => `${separator}${item}`).join('') }]
  };
}

/** Appends entries to a comma-separated value written in a string, with the separator written in it. */
export function appendToCommaString(value: string, entries: readonly string[], fallbackSeparator: string): string {
  const written = /,[ \t]+/.exec(value)?.[0] ?? (value.includes(',') ? ',' : fallbackSeparator);
  const trimmedEnd = value.replace(/[\s,]+$/, '');
  const tail = value.slice(trimmedEnd.length);
  if (trimmedEnd === '') return entries.join(written) + tail;
  return trimmedEnd + entries.map((e) => `${written}${e}`).join('') + tail;
}
