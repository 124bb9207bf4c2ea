/**
 * Review suggestions from fix edits. A change whose lines lie in one hunk of the pull request's diff of that file
 * becomes a review comment with a ```` ```suggestion ```` block (one click to commit it); any other change is
 * left for the sticky comment's patch. An insertion repeats its anchor line, since a suggestion replaces lines.
 */
import { createHash } from 'node:crypto';
import { sanitizeControls } from '../report/escape.js';
import { lineChanges, lineContent, splitLines, type LineChange } from '../fix/line-changes.js';
import type { LineRange } from './patch-hunks.js';
import { withinOneRange } from './patch-hunks.js';

/** A review comment to post: on line `line` (or lines `startLine`..`line`) of the head version, side RIGHT. */
export interface Suggestion {
  /** Path relative to the repository (the checkout), `/` separators. */
  path: string;
  startLine?: number;
  line: number;
  /** The replacement lines, without line endings. */
  replacement: string[];
  /** Identifies this suggestion across runs: the same fix at the same place has the same id. */
  id: string;
}

export interface SuggestionSplit {
  suggestions: Suggestion[];
  /** The changes that could not be suggestions (outside the diff, or not showable), in file order. */
  outside: LineChange[];
}

/** Characters a suggestion must not carry: the body is cleaned of them, which would change what gets committed. */
function showable(lines: readonly string[]): boolean {
  return lines.every((line) => sanitizeControls(line) === line && !line.includes('\r'));
}

function suggestionId(path: string, startLine: number | undefined, line: number, replacement: string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([path, startLine ?? line, line, replacement]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Splits the changes from `before` to `after` of the file at `path` into suggestions (lines inside one hunk of
 * `ranges`) and the rest.
 */
export function splitSuggestions(
  path: string,
  before: string,
  after: string,
  ranges: readonly LineRange[]
): SuggestionSplit {
  const beforeLines = splitLines(before);
  const suggestions: Suggestion[] = [];
  const outside: LineChange[] = [];
  for (const change of lineChanges(before, after)) {
    let first: number;
    let last: number;
    let replacement: string[];
    if (change.beforeCount > 0) {
      first = change.beforeStart + 1;
      last = change.beforeStart + change.beforeCount;
      replacement = change.after.map(lineContent);
    } else if (change.beforeStart > 0) {
      // An insertion after line `beforeStart`: the suggestion is on that line and repeats it.
      first = last = change.beforeStart;
      replacement = [lineContent(beforeLines[first - 1]!), ...change.after.map(lineContent)];
    } else if (beforeLines.length > 0) {
      // An insertion before the first line repeats the first line after the new ones.
      first = last = 1;
      replacement = [...change.after.map(lineContent), lineContent(beforeLines[0]!)];
    } else {
      outside.push(change);
      continue;
    }
    // A last line without a line ending that the fix gave one: a suggestion cannot say so; the patch can.
    const endingChanged = last === beforeLines.length && !beforeLines[last - 1]!.endsWith('\n');
    if (!withinOneRange(ranges, first, last) || !showable(replacement) || endingChanged) {
      outside.push(change);
      continue;
    }
    const startLine = first === last ? undefined : first;
    suggestions.push({
      path,
      ...(startLine !== undefined ? { startLine } : {}),
      line: last,
      replacement,
      id: suggestionId(path, startLine, last, replacement)
    });
  }
  return { suggestions, outside };
}

/** A fence longer than any run of backticks in `text`, so no line of the content can close it. */
export function fenceFor(lines: readonly string[]): string {
  let longest = 0;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The review comment body: the hidden marker, one line of explanation, the suggestion block. */
export function suggestionBody(marker: string, suggestion: Suggestion, explanation: string): string {
  const fence = fenceFor(suggestion.replacement);
  return [
    `${marker.replace(/ -->$/, ` id=${suggestion.id} -->`)}`,
    explanation,
    '',
    `${fence}suggestion`,
    ...suggestion.replacement,
    fence,
    ''
  ].join('\n');
}

/** The suggestion id in a body written by `suggestionBody` with this `marker`, if any. */
export function suggestionIdOf(marker: string, body: string): string | undefined {
  const prefix = marker.replace(/ -->$/, ' id=');
  const at = body.indexOf(prefix);
  if (at < 0) return undefined;
  return /^([0-9a-f]{16}) -->/.exec(body.slice(at + prefix.length))?.[1];
}
