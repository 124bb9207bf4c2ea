/**
 * YAML syntax errors in plain words, at the line to fix. The `yaml` parser reports a mistake as its own grammar
 * sees it (an over-indented `port:` becomes "Nested mappings are not allowed in compact mappings" one line early,
 * on the value above it) and follows one mistake with several cascading errors; only the first is reported.
 */
import type { YAMLError } from 'yaml';

export interface PlainYamlError {
  offset: number;
  message: string;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/**
 * For a mapping key written deeper than the keys before it: the offset and name of that key, found on the lines
 * after the value where the parser noticed the problem.
 */
function overIndentedKey(text: string, offset: number): { offset: number; key: string; expected: number } | undefined {
  const start = lineStartOf(text, offset);
  const end = text.indexOf('\n', start);
  if (end < 0) return undefined;
  const firstLine = text.slice(start, end);
  const indent = indentOf(firstLine.replace(/^(\s*)- /, (_, spaces: string) => `${spaces}  `));
  let lineStart = end + 1;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      const deeper = indentOf(line);
      if (deeper <= indent) return undefined;
      const key = /^ *([^\s:#][^:#]*?):(?:\s|$)/.exec(line)?.[1];
      return key === undefined ? undefined : { offset: lineStart + deeper, key, expected: indent + 1 };
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The first of the parser's errors, in plain words and at the place to fix. */
export function plainYamlError(text: string, errors: readonly YAMLError[]): PlainYamlError | undefined {
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (!first) return undefined;
  const offset = first.pos[0];
  switch (first.code) {
    case 'TAB_AS_INDENT':
      return { offset, message: 'a tab indents this line; YAML indents with spaces only: replace the tab with spaces' };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const key = overIndentedKey(text, offset);
      if (key) {
        return {
          offset: key.offset,
          message: `"${key.key}:" is indented more than the line above it; keys of one mapping must start at the same column (column ${key.expected} here)`
        };
      }
      return {
        offset,
        message:
          'a "key: value" cannot follow another key on the same line; start the nested mapping on a new, indented line, or quote the value'
      };
    }
    case 'BAD_INDENT':
      return first.message.startsWith('All mapping items')
        ? {
            offset,
            message:
              'this line is indented differently from the keys above it; keys of one mapping must start at the same column'
          }
        : { offset, message: `${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` };
    case 'DUPLICATE_KEY':
      return { offset, message: 'this key appears twice in the same mapping; keys must be unique' };
    default:
      return { offset, message: first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') };
  }
}
