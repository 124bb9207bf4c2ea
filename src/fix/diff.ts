/**
 * Unified diffs of whole-file edits (what `fix` prints, and what `git apply` / `patch -p1` accept). Lines are
 * compared with their line endings, so a CRLF file's diff keeps its `\r`.
 */
import type { FileEdit } from './types.js';

const CONTEXT = 3;
/** Past this many differing lines, the middle of the file is shown as one replaced block (Myers would be slow). */
const MAX_EDIT_DISTANCE = 2_000;

function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Myers' shortest edit script between `a` and `b` (both small after trimming the common ends). */
function editScript(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE); d++) {
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
      if (x >= n && y >= m) return backtrack(trace, a, b, d, offset);
    }
  }
  return undefined;
}

function backtrack(
  trace: Int32Array[],
  a: readonly string[],
  b: readonly string[],
  depth: number,
  offset: number
): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x]! });
    y--;
  }
  return ops.reverse();
}

function printLine(op: Op): string {
  if (op.line.endsWith('\n')) return `${op.kind}${op.line}`;
  return `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** The edit as a unified diff with `a/` and `b/` prefixes; empty when nothing changed. */
export function unifiedDiff(edit: Pick<FileEdit, 'file' | 'before' | 'after'>): string {
  if (edit.before === edit.after) return '';
  const a = splitLines(edit.before);
  const b = splitLines(edit.after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const middle = editScript(middleA, middleB) ?? [
    ...middleA.map((line): Op => ({ kind: '-', line })),
    ...middleB.map((line): Op => ({ kind: '+', line }))
  ];
  const ops: Op[] = [
    ...a.slice(0, head).map((line): Op => ({ kind: ' ', line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line }))
  ];
  let out = `--- a/${edit.file}\n+++ b/${edit.file}\n`;
  // Hunks: runs of changes with up to CONTEXT lines around them, joined when their context would touch.
  let index = 0;
  let lineA = 1;
  let lineB = 1;
  const positions = ops.map((op) => {
    const at = { a: lineA, b: lineB };
    if (op.kind !== '+') lineA++;
    if (op.kind !== '-') lineB++;
    return at;
  });
  while (index < ops.length) {
    while (index < ops.length && ops[index]!.kind === ' ') index++;
    if (index >= ops.length) break;
    const start = Math.max(0, index - CONTEXT);
    let end = index;
    let lastChange = index;
    while (end < ops.length && end - lastChange <= 2 * CONTEXT) {
      if (ops[end]!.kind !== ' ') lastChange = end;
      end++;
    }
    end = Math.min(ops.length, lastChange + CONTEXT + 1);
    const hunk = ops.slice(start, end);
    const countA = hunk.filter((op) => op.kind !== '+').length;
    const countB = hunk.filter((op) => op.kind !== '-').length;
    const fromA = countA === 0 ? positions[start]!.a - 1 : positions[start]!.a;
    const fromB = countB === 0 ? positions[start]!.b - 1 : positions[start]!.b;
    out += `@@ -${fromA},${countA} +${fromB},${countB} @@\n`;
    out += hunk.map(printLine).join('');
    index = end;
  }
  return out;
}
