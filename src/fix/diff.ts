/**
 * Unified diffs of whole-file edits (what `fix` prints, and what `git apply` / `patch -p1` accept). Lines are
 * compared with their line endings, so a CRLF file's diff keeps its `\r`.
 */
import { unifiedDiff as lineDiff } from './line-changes.js';
import type { FileEdit } from './types.js';

/** Past this many differing lines, the middle of the file is shown as one replaced block. */
const MAX_EDIT_DISTANCE = 2_000;

export function unifiedDiff(edit: Pick<FileEdit, 'file' | 'before' | 'after'>): string {
  return lineDiff(edit.file, edit.before, edit.after, { maxDistance: MAX_EDIT_DISTANCE, keepCarriageReturns: true });
}
