/**
 * Just enough of HCL's lexical structure to find where a tuple's items and a quoted string end, given where they
 * start (the reader's syntax tree carries start positions only): strings with escapes and `${…}` interpolations,
 * comments and nested brackets. Heredocs are not followed: the caller refuses to edit there.
 */
import type { WrittenList } from './list.js';

const CLOSER: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

/** The offset after a comment starting at `i`, the same `i` when none starts there, undefined when unterminated. */
function skipComment(text: string, i: number): number | undefined {
  if (text[i] === '#' || (text[i] === '/' && text[i + 1] === '/')) {
    while (i < text.length && text[i] !== '\n') i++;
    return i;
  }
  if (text[i] === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? undefined : end + 2;
  }
  return i;
}

/** The offset after the quoted string whose `"` is at `start`, or undefined. */
export function skipString(text: string, start: number): number | undefined {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') return undefined;
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') i += 3;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const end = skipNested(text, i + 2, '}');
      if (end === undefined) return undefined;
      i = end;
    } else i++;
  }
  return undefined;
}

/** The offset after the `closer` that balances an opener just before `start`, or undefined. */
function skipNested(text: string, start: number, closer: string): number | undefined {
  const stack = [closer];
  let i = start;
  while (i < text.length) {
    const afterComment = skipComment(text, i);
    if (afterComment === undefined) return undefined;
    if (afterComment !== i) {
      i = afterComment;
      continue;
    }
    const c = text[i]!;
    if (c === '<' && text[i + 1] === '<') return undefined;
    if (c === '"') {
      const end = skipString(text, i);
      if (end === undefined) return undefined;
      i = end;
      continue;
    }
    if (CLOSER[c]) stack.push(CLOSER[c]);
    else if (c === ']' || c === ')' || c === '}') {
      if (stack.pop() !== c) return undefined;
      if (stack.length === 0) return i + 1;
    }
    i++;
  }
  return undefined;
}

/** The tuple whose `[` is at `open`: its items and its `]`; undefined when it cannot be followed. */
export function scanTuple(text: string, open: number): WrittenList | undefined {
  if (text[open] !== '[') return undefined;
  const items: { start: number; end: number }[] = [];
  let itemStart = -1;
  let itemEnd = -1;
  const closeItem = (): boolean => {
    if (itemStart < 0) return false;
    items.push({ start: itemStart, end: itemEnd });
    itemStart = -1;
    return true;
  };
  let i = open + 1;
  while (i < text.length) {
    const afterComment = skipComment(text, i);
    if (afterComment === undefined) return undefined;
    if (afterComment !== i) {
      i = afterComment;
      continue;
    }
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === ']') {
      closeItem();
      return { open, close: i, items };
    }
    if (c === ',') {
      if (!closeItem()) return undefined;
      i++;
      continue;
    }
    if (c === ')' || c === '}' || (c === '<' && text[i + 1] === '<')) return undefined;
    if (itemStart < 0) itemStart = i;
    let end: number | undefined = i + 1;
    if (c === '"') end = skipString(text, i);
    else if (CLOSER[c]) end = skipNested(text, i + 1, CLOSER[c]);
    if (end === undefined) return undefined;
    itemEnd = end;
    i = end;
  }
  return undefined;
}
