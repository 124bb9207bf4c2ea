/** The I/O that pure modules receive as parameters, so tests need no module mocks. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';

/** Reads files of the repository by paths relative to its root (`/` separators). */
export interface RepoFiles {
  /** The text of a file; rejects with an error whose `code` is `ENOENT` when it does not exist. */
  readText(relPath: string): Promise<string>;
  /** Names (not paths) of the entries of a directory, sorted; rejects with `ENOENT`/`ENOTDIR` like fs. */
  listDir(relPath: string): Promise<string[]>;
  /** `file`, `directory`, or `null` when nothing is there. */
  kind(relPath: string): Promise<'file' | 'directory' | null>;
}

/** Where messages for the person running the tool go; the action maps it to `@actions/core`, the CLI to stderr. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} };

/** RepoFiles over the local disk, rooted at `root`. */
export function diskRepoFiles(root: string): RepoFiles {
  const abs = (rel: string): string => path.resolve(root, ...rel.split('/'));
  return {
    readText: (rel) => fsp.readFile(abs(rel), 'utf8'),
    listDir: async (rel) => (await fsp.readdir(abs(rel))).sort(),
    kind: async (rel) => {
      try {
        const st = await fsp.stat(abs(rel));
        return st.isDirectory() ? 'directory' : st.isFile() ? 'file' : null;
      } catch {
        return null;
      }
    }
  };
}
