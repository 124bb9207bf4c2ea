/**
 * The line changes between two versions of a file (what a fix edited), and their unified diff. Fix edits are
 * small (a few entries added in a few places), so Myers' algorithm runs with a small bound on the number of
 * differing lines; past it, the whole differing middle of the file is one change, which is still correct.
 */

/** Lines of a text with their line endings kept (the last line may have none). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/(?<=\n)/);
  return lines;
}

/** A line without its line ending. */
export function lineContent(line: string): string {
  return line.replace(/\r?\n$/, '');
}

/** One changed region: `beforeCount` lines from `beforeStart` (0-based) replaced by `after` (endings kept). */
export interface LineChange {
  beforeStart: number;
  beforeCount: number;
  after: string[];
}

/** Differing lines over which the diff stops looking for the fewest changes. */
export const MAX_DIFF_DISTANCE = 400;

type Op = { kind: 'equal' | 'delete' | 'insert'; line: string };

/** Myers' shortest edit script between `a` and `b`, or `undefined` when it is longer than `maxDistance`. */
function shortestEditScript(a: readonly string[], b: readonly string[], maxDistance: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const offset = maxDistance + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxDistance; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, offset);
    }
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : v[offset + previousK]!;
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: 'equal', line: a[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === previousX) ops.push({ kind: 'insert', line: b[y - 1]! });
      else ops.push({ kind: 'delete', line: a[x - 1]! });
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

/** The edit script of two line lists: common head and tail first, then Myers on the middle. */
function editScript(a: readonly string[], b: readonly string[], maxDistance: number): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail++;
  }
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const middle = shortestEditScript(middleA, middleB, maxDistance) ?? [
    ...middleA.map((line): Op => ({ kind: 'delete', line })),
    ...middleB.map((line): Op => ({ kind: 'insert', line }))
  ];
  return [
    ...a.slice(0, head).map((line): Op => ({ kind: 'equal', line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ kind: 'equal', line }))
  ];
}

/** The changed regions from `before` to `after`, in file order. */
export function lineChanges(before: string, after: string, maxDistance = MAX_DIFF_DISTANCE): LineChange[] {
  const ops = editScript(splitLines(before), splitLines(after), maxDistance);
  const changes: LineChange[] = [];
  let beforeIndex = 0;
  let current: LineChange | undefined;
  for (const op of ops) {
    if (op.kind === 'equal') {
      current = undefined;
      beforeIndex++;
      continue;
    }
    if (!current) {
      current = { beforeStart: beforeIndex, beforeCount: 0, after: [] };
      changes.push(current);
    }
    if (op.kind === 'delete') {
      current.beforeCount++;
      beforeIndex++;
    } else current.after.push(op.line);
  }
  return changes;
}

const CONTEXT_LINES = 3;
const NO_NEWLINE = '\\ No newline at end of file';

/**
 * A unified diff of one file (`--- a/path`, `+++ b/path`, hunks with three lines of context), as `git apply` and
 * `patch -p1` read it. Empty when nothing changed.
 */
export function unifiedDiff(
  file: string,
  before: string,
  after: string,
  options: { maxDistance?: number; keepCarriageReturns?: boolean } = {}
): string {
  const maxDistance = options.maxDistance ?? MAX_DIFF_DISTANCE;
  // A patch to apply keeps a CRLF file's `\r` (git apply compares whole lines); one to read shows the text alone.
  const shown = options.keepCarriageReturns ? (line: string) => line.replace(/\n$/, '') : lineContent;
  const ops = editScript(splitLines(before), splitLines(after), maxDistance);
  const changed = ops.map((op, index) => (op.kind === 'equal' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  // Hunks: runs of ops around changes, merged when their context would touch.
  const hunks: { from: number; to: number }[] = [];
  for (const index of changed) {
    const from = Math.max(0, index - CONTEXT_LINES);
    const to = Math.min(ops.length - 1, index + CONTEXT_LINES);
    const last = hunks[hunks.length - 1];
    if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
    else hunks.push({ from, to });
  }
  const out = [`--- a/${file}`, `+++ b/${file}`];
  // Line numbers at the start of each op.
  let oldLine = 1;
  let newLine = 1;
  const starts = ops.map((op) => {
    const at = { oldLine, newLine };
    if (op.kind !== 'insert') oldLine++;
    if (op.kind !== 'delete') newLine++;
    return at;
  });
  for (const hunk of hunks) {
    const slice = ops.slice(hunk.from, hunk.to + 1);
    const oldCount = slice.filter((op) => op.kind !== 'insert').length;
    const newCount = slice.filter((op) => op.kind !== 'delete').length;
    const start = starts[hunk.from]!;
    const oldStart = oldCount === 0 ? start.oldLine - 1 : start.oldLine;
    const newStart = newCount === 0 ? start.newLine - 1 : start.newLine;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of slice) {
      const sign = op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+';
      out.push(`${sign}${shown(op.line)}`);
      if (!op.line.endsWith('\n')) out.push(NO_NEWLINE);
    }
  }
  return `${out.join('\n')}\n`;
}
