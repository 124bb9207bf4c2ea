/**
 * Writing fixes to disk: each file is written to its real path inside the root, through a temporary file in the
 * same directory renamed over it (a reader sees the old file or the new one, never half of one), with the file's
 * mode kept. A path that leads outside the root, through a link or otherwise, or into `.git/`, is refused, and so
 * is a file that changed since it was read.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { FileEdit } from './types.js';

export interface WriteResult {
  written: string[];
  /** Files not written, each with why (a sentence that follows the path). */
  failed: { file: string; reason: string }[];
}

function inside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

async function writeOne(realRoot: string, edit: FileEdit): Promise<string | undefined> {
  const segments = edit.file.split('/').filter((s) => s !== '' && s !== '.');
  if (path.posix.isAbsolute(edit.file) || segments.includes('..') || segments.some((s) => s.toLowerCase() === '.git')) {
    return 'is not a path inside the repository; it was not written';
  }
  let real: string;
  try {
    real = await fsp.realpath(path.join(realRoot, ...segments));
  } catch {
    return 'does not exist any more; it was not written';
  }
  if (
    !inside(realRoot, real) ||
    path
      .relative(realRoot, real)
      .split(path.sep)
      .some((s) => s.toLowerCase() === '.git')
  ) {
    return 'is a link to a place outside the repository; it was not written';
  }
  const stats = await fsp.stat(real);
  if (!stats.isFile()) return 'is not a regular file; it was not written';
  const current = await fsp.readFile(real, 'utf8');
  if (current !== edit.before) return 'changed since it was checked; run fix again';
  const temporary = path.join(path.dirname(real), `.${path.basename(real)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(temporary, edit.after, { flag: 'wx', mode: stats.mode & 0o7777 });
    await fsp.chmod(temporary, stats.mode & 0o7777);
    await fsp.rename(temporary, real);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    const code = (error as { code?: unknown }).code;
    return `could not be written (${typeof code === 'string' ? code : 'I/O error'})`;
  }
  return undefined;
}

/** Writes each edit; one file that cannot be written does not stop the others. */
export async function writeFixes(root: string, edits: readonly FileEdit[]): Promise<WriteResult> {
  const result: WriteResult = { written: [], failed: [] };
  const realRoot = await fsp.realpath(path.resolve(root));
  for (const edit of edits) {
    let reason: string | undefined;
    try {
      reason = await writeOne(realRoot, edit);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      reason = `could not be written (${typeof code === 'string' ? code : 'I/O error'})`;
    }
    if (reason) result.failed.push({ file: edit.file, reason });
    else result.written.push(edit.file);
  }
  return result;
}
