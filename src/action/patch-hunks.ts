/**
 * The lines of the new version of a file that a pull request's diff shows, read from the `patch` GitHub returns
 * for each file of a pull request. A review comment can only be placed on those lines (context or added lines of
 * a hunk, `side: RIGHT`). The patch is written by whoever opened the pull request: it is parsed within fixed
 * bounds, and anything malformed yields no lines at all (the fixes then go into the sticky comment), never an
 * exception.
 */

/** An inclusive range of line numbers (1-based) of the file's new version. */
export interface LineRange {
  start: number;
  end: number;
}

export interface PatchLines {
  /** The new-version lines shown by the diff, in order, without overlaps. */
  ranges: LineRange[];
  /** Why no lines were read, when the patch was unusable (absent, too large, malformed). */
  problem?: string;
}

/** GitHub leaves out patches larger than about 1 MB; anything bigger is not GitHub's and is not parsed. */
export const MAX_PATCH_CHARS = 2 * 1024 * 1024;
/** Hunks one file's patch may hold. */
export const MAX_PATCH_HUNKS = 50_000;
/** Line numbers and counts above this are not a real file's (files are read up to 1 MiB). */
const MAX_LINE_NUMBER = 100_000_000;

const HUNK_HEADER = /^@@ -(\d{1,10})(?:,(\d{1,10}))? \+(\d{1,10})(?:,(\d{1,10}))? @@/;

function unusable(problem: string): PatchLines {
  return { ranges: [], problem };
}

/** The new-version line ranges of a unified-diff patch (as in GitHub's pull request files). */
export function patchLines(patch: unknown): PatchLines {
  if (typeof patch !== 'string' || patch === '') {
    return unusable('GitHub sent no diff for this file (it is binary, renamed without changes, or too large)');
  }
  if (patch.length > MAX_PATCH_CHARS) return unusable('its diff is larger than GitHub shows');
  const lines = patch.split('\n');
  const ranges: LineRange[] = [];
  let i = 0;
  // The last line of a patch has no line break; a trailing empty element is not a line.
  const lineCount = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  while (i < lineCount) {
    const header = HUNK_HEADER.exec(lines[i]!);
    if (!header) return unusable(`its diff has an unexpected line ${i + 1} where a hunk header was expected`);
    if (ranges.length >= MAX_PATCH_HUNKS) return unusable(`its diff has more than ${MAX_PATCH_HUNKS} hunks`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const newStart = Number(header[3]);
    const newCount = header[4] === undefined ? 1 : Number(header[4]);
    if (newStart > MAX_LINE_NUMBER || newCount > MAX_LINE_NUMBER || oldCount > MAX_LINE_NUMBER) {
      return unusable(`its diff names line numbers past ${MAX_LINE_NUMBER}`);
    }
    if (newCount > 0 && newStart < 1) return unusable(`its diff has a hunk starting at line 0 (line ${i + 1})`);
    i++;
    let oldSeen = 0;
    let newSeen = 0;
    while (i < lineCount) {
      const line = lines[i]!;
      // A hunk ends when its counts are met; only a "\ No newline at end of file" line may follow it.
      if (oldSeen === oldCount && newSeen === newCount && !line.startsWith('\\')) break;
      const kind = line[0];
      if (kind === ' ' || line === '') {
        // GitHub trims the space of an empty context line in some patches.
        oldSeen++;
        newSeen++;
      } else if (kind === '-') oldSeen++;
      else if (kind === '+') newSeen++;
      else if (kind !== '\\') return unusable(`its diff has an unexpected line ${i + 1} inside a hunk`);
      if (oldSeen > oldCount || newSeen > newCount) {
        return unusable(`its diff has a hunk longer than its header says (line ${i + 1})`);
      }
      i++;
    }
    if (oldSeen !== oldCount || newSeen !== newCount) {
      return unusable('its diff has a hunk shorter than its header says');
    }
    if (newCount === 0) continue;
    const range = { start: newStart, end: newStart + newCount - 1 };
    const previous = ranges[ranges.length - 1];
    if (previous && range.start <= previous.end) return unusable('its diff has hunks out of order');
    ranges.push(range);
  }
  return { ranges };
}

/** Whether lines `start`..`end` (inclusive) all lie in one hunk: a multi-line comment may not span two. */
export function withinOneRange(ranges: readonly LineRange[], start: number, end: number): boolean {
  // Binary search: the last range starting at or before `start`.
  let low = 0;
  let high = ranges.length - 1;
  let found: LineRange | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle]!;
    if (range.start <= start) {
      found = range;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found !== undefined && end <= found.end;
}
