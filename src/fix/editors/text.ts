/**
 * The text editor: new entries go after the last entry of the file (where `missing-entry` points), in the style
 * around it: on a line of their own with the same indentation when the last entry stands alone on its line, or
 * after it with the same separator when the line holds several entries (`a, b, c`).
 */
import { splitEntries } from '../../whitelists/text.js';
import { indentationAt, lineEnd, lineEndingOf, splice, type EditResult } from './common.js';

export function addTextEntries(text: string, entries: readonly string[]): EditResult {
  const eol = lineEndingOf(text);
  const tokens = splitEntries(text, { comments: true });
  const last = tokens[tokens.length - 1];
  if (!last) {
    const lead = text === '' || /[\r\n]$/.test(text) ? '' : eol;
    return { ok: true, text: `${text}${lead}${entries.join(eol)}${eol}` };
  }
  const lastEnd = last.offset + last.text.length;
  const previous = tokens[tokens.length - 2];
  if (previous) {
    const between = text.slice(previous.offset + previous.text.length, last.offset);
    if (!/[\r\n#]/.test(between)) {
      // Several entries on the last line: continue it with the separator written between them.
      return { ok: true, text: splice(text, lastEnd, lastEnd, entries.map((e) => `${between}${e}`).join('')) };
    }
  }
  const indent = indentationAt(text, last.offset);
  const end = lineEnd(text, lastEnd);
  return { ok: true, text: splice(text, end, end, entries.map((e) => `${eol}${indent}${e}`).join('')) };
}
