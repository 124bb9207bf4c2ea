/**
 * Strings whose characters remember where they were written, so that an entry cut out of a comma-separated
 * string, a heredoc, a variable default or a `split()` result still points at its own line and column.
 */
import type { SourcePosition } from '../../model.js';

/**
 * From `offset` on, characters are written contiguously on one line starting at `at` (or were computed, when
 * `at` is null), until the next segment.
 */
export interface TextSegment {
  offset: number;
  at: SourcePosition | null;
}

export interface PositionedText {
  value: string;
  /** Sorted by offset; the first starts at 0 unless the text is empty. */
  segments: TextSegment[];
}

export const emptyText: PositionedText = { value: '', segments: [] };

/** Text that was computed rather than written (a number turned into a string); it points at `at` as a whole. */
export function computedText(value: string, at: SourcePosition | null): PositionedText {
  return { value, segments: value === '' ? [] : [{ offset: 0, at }] };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
const JSON_ESCAPES: Record<string, string> = { ...SIMPLE_ESCAPES, '/': '/', b: '\b', f: '\f' };

/**
 * Text of a template literal as written at `start`. Quoted strings decode HCL's backslash escapes; heredocs do
 * not (HCL leaves backslashes in heredocs alone). Both turn `$${` and `%%{` into `${` and `%{`.
 */
export function writtenText(
  raw: string,
  start: SourcePosition,
  options: { escapes: boolean; json?: boolean }
): PositionedText {
  // Most literals are written on one line without escapes or `$${`: one segment, the text as written.
  if (!/[\n$%\\]/.test(raw)) {
    return {
      value: raw,
      segments: raw === '' ? [] : [{ offset: 0, at: { file: start.file, line: start.line, column: start.column } }]
    };
  }
  const simpleEscapes = options.json ? JSON_ESCAPES : SIMPLE_ESCAPES;
  let value = '';
  const segments: TextSegment[] = [];
  let line = start.line;
  let column = start.column;
  // Whether the next emitted character continues the current segment at exactly (line, column).
  let contiguous = false;
  const emit = (chars: string, consumed: number): void => {
    const decodedExactly = chars.length === consumed;
    if (!contiguous || !decodedExactly) segments.push({ offset: value.length, at: { file: start.file, line, column } });
    value += chars;
    column += consumed;
    contiguous = decodedExactly;
  };
  for (let i = 0; i < raw.length;) {
    const char = raw[i]!;
    if (char === '\n') {
      emit('\n', 1);
      line += 1;
      column = 1;
      contiguous = false;
      i += 1;
      continue;
    }
    if ((char === '$' || char === '%') && raw[i + 1] === char && raw[i + 2] === '{') {
      emit(`${char}{`, 3);
      i += 3;
      continue;
    }
    if (options.escapes && char === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      const simple = simpleEscapes[next];
      if (simple !== undefined) {
        emit(simple, 2);
        i += 2;
        continue;
      }
      const hexLength = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = raw.slice(i + 2, i + 2 + hexLength);
      if (hexLength > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength) {
        emit(String.fromCodePoint(Number.parseInt(hex, 16)), 2 + hexLength);
        i += 2 + hexLength;
        continue;
      }
    }
    emit(char, 1);
    i += 1;
  }
  return { value, segments };
}

export function concatTexts(parts: readonly PositionedText[]): PositionedText {
  let value = '';
  const segments: TextSegment[] = [];
  for (const part of parts) {
    for (const segment of part.segments) segments.push({ offset: value.length + segment.offset, at: segment.at });
    value += part.value;
  }
  return { value, segments };
}

/** The characters from `start` to `end`, keeping their positions. */
export function sliceText(text: PositionedText, start: number, end: number): PositionedText {
  if (end <= start) return emptyText;
  const segments: TextSegment[] = [];
  const index = segmentIndexAt(text, start);
  if (index >= 0) {
    const first = text.segments[index]!;
    segments.push({ offset: 0, at: shift(first.at, start - first.offset) });
  }
  for (let i = index + 1; i < text.segments.length; i++) {
    const segment = text.segments[i]!;
    if (segment.offset >= end) break;
    segments.push({ offset: segment.offset - start, at: segment.at });
  }
  return { value: text.value.slice(start, end), segments };
}

/** Where the character at `offset` was written, or null when it was computed. */
export function positionAt(text: PositionedText, offset: number): SourcePosition | null {
  const index = segmentIndexAt(text, offset);
  if (index < 0) return null;
  const segment = text.segments[index]!;
  return shift(segment.at, offset - segment.offset);
}

function shift(at: SourcePosition | null, by: number): SourcePosition | null {
  return at && { file: at.file, line: at.line, column: at.column + by };
}

/** Index of the last segment that starts at or before `offset` (binary search), or -1. */
function segmentIndexAt(text: PositionedText, offset: number): number {
  let low = 0;
  let high = text.segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (text.segments[middle]!.offset <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The pieces of `text` between separators (`,` and whitespace by default), each with its own position. */
export function splitEntries(text: PositionedText): { raw: string; at: SourcePosition | null }[] {
  const pieces: { raw: string; at: SourcePosition | null }[] = [];
  const pattern = /[^\s,]+/g;
  for (const match of text.value.matchAll(pattern)) {
    pieces.push({ raw: match[0], at: positionAt(text, match.index) });
  }
  return pieces;
}
