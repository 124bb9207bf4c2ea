/**
 * What the action needs of the fix engine (contract §10), passed in as a dependency so the action's flow is
 * tested with a fake plan: `planFixes` runs the check on the declared whitelists and returns the edited files in
 * memory. The real engine is wired in `main.ts`.
 */
import { posix } from 'node:path';
import { RepoFileError, type RepoFiles } from '../io.js';
import type { FixPlan } from '../fix/types.js';
import type { CheckRequest } from './run.js';

export type FixRequest = CheckRequest & { files?: RepoFiles };
export type PlanFixes = (request: FixRequest) => Promise<FixPlan>;

/** Repository-relative paths compared as the engine writes them: `/` separators, no `./`, no doubled slashes. */
export function normalizeRelPath(relPath: string): string {
  return posix.normalize(relPath.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/**
 * The repository as of the pull request's head commit, for the files the pull request changes: the checkout of a
 * pull request is a merge commit, whose version of a changed file may differ from the head's (the base moved), and
 * suggestions are made against the head's lines. Every path still goes through the disk layer first, so a path
 * the disk layer refuses (outside the root, under `.git/`) stays refused. Files are fetched when the check reads
 * them, once each.
 */
export function headVersionFiles(
  disk: RepoFiles,
  changed: ReadonlySet<string>,
  fetchHeadText: (relPath: string) => Promise<string | null>
): RepoFiles {
  const fetched = new Map<string, Promise<string | null>>();
  const headText = (relPath: string): Promise<string | null> => {
    let text = fetched.get(relPath);
    if (!text) {
      text = fetchHeadText(relPath).catch((error: unknown) => {
        const why = error instanceof Error ? error.message : 'the request failed';
        throw new RepoFileError('EIO', relPath, `could not be read at the pull request's head commit: ${why}`);
      });
      fetched.set(relPath, text);
    }
    return text;
  };
  const notFound = (relPath: string): NodeJS.ErrnoException => {
    const error: NodeJS.ErrnoException = new Error(`${relPath}: no such file at the pull request's head commit`);
    error.code = 'ENOENT';
    return error;
  };
  return {
    async readText(relPath) {
      const normal = normalizeRelPath(relPath);
      if (!changed.has(normal)) return disk.readText(relPath);
      await disk.kind(relPath);
      const text = await headText(normal);
      if (text === null) throw notFound(relPath);
      return text;
    },
    listDir: (relPath) => disk.listDir(relPath),
    async kind(relPath) {
      const onDisk = await disk.kind(relPath);
      const normal = normalizeRelPath(relPath);
      if (!changed.has(normal) || onDisk === 'directory') return onDisk;
      return (await headText(normal)) === null ? null : 'file';
    }
  };
}
