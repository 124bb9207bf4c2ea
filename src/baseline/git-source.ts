/**
 * The repository as it was at a commit, read from the local git object database: `git ls-tree` and
 * `git cat-file` through `execFile` with argument arrays (never a shell), so no ref or path is ever interpreted
 * by one. Nothing is checked out and the working tree is not touched.
 */
import { execFile } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { treeRepoFiles, type TreeEntry, type TreeSource, type TreeRepoFilesOptions } from '../tree-files.js';
import { batchTreeSource, GitBatch } from './git-batch.js';
import type { BaseFiles } from './index.js';

/** Each git command gets this long; a base that takes longer is "cannot be read", never a hung run. */
const GIT_TIMEOUT_MS = 30_000;
/** Bytes of one `ls-tree` listing: far above the directory-entry limit's worth of names. */
const MAX_LISTING_BYTES = 16 * 1024 * 1024;

function git(root: string, args: readonly string[], maxBuffer: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', root, ...args],
      {
        encoding: 'buffer',
        maxBuffer,
        timeout: GIT_TIMEOUT_MS,
        windowsHide: true,
        // No prompt for credentials, no pager, no replace refs that would show other objects than the commit's.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_NO_REPLACE_OBJECTS: '1' }
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout))
    );
  });
}

/** Parses `git ls-tree -l -z`: `<mode> <type> <id> <size>\t<name>\0`. */
export function parseLsTree(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, id, size] = record.slice(0, tab).trim().split(/\s+/);
    const name = record.slice(tab + 1);
    if (!mode || !type || !id) continue;
    const kind: TreeEntry['kind'] =
      type === 'tree' ? 'tree' : type === 'blob' ? (mode === '120000' ? 'link' : 'blob') : 'other';
    const bytes = size !== undefined && /^\d+$/.test(size) ? Number(size) : undefined;
    entries.push({ name, kind, id, ...(bytes !== undefined ? { size: bytes } : {}) });
  }
  return entries;
}

/** A TreeSource over the git repository that contains `root`. */
export function gitTreeSource(root: string): TreeSource {
  return {
    // --full-tree: run from a subdirectory, ls-tree would otherwise list only the part of the tree below it.
    listTree: async (treeId) =>
      parseLsTree(await git(root, ['ls-tree', '--full-tree', '-l', '-z', treeId], MAX_LISTING_BYTES)),
    readBlob: async (blobId, maxBytes) => git(root, ['cat-file', 'blob', blobId], maxBytes + 1)
  };
}

/**
 * `root` relative to the top of its git repository (`sub/dir/`, '' at the top), found as git finds it: the
 * nearest folder up from `root` holding `.git`. Worked out here rather than by starting git once more, which
 * costs more than checking a small repository.
 */
async function prefixInRepository(root: string): Promise<string | undefined> {
  let dir: string;
  try {
    dir = await fsp.realpath(root);
  } catch {
    return undefined;
  }
  const below: string[] = [];
  for (;;) {
    const marker = await fsp.lstat(path.join(dir, '.git')).catch(() => undefined);
    if (marker && (marker.isDirectory() || marker.isFile())) return below.map((s) => `${s}/`).join('');
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    below.unshift(path.basename(dir));
    dir = parent;
  }
}

/**
 * The files of the root (`root`, possibly a subdirectory of the git repository) as they were at `ref`. A root
 * that did not exist at that commit is an empty tree (every file absent); a ref that names no commit, or a
 * repository that git cannot read, is `ok: false` with the reason. Objects are read through one
 * `git cat-file --batch-command` process (`close` ends it).
 */
export async function gitBaseFiles(root: string, ref: string, options: TreeRepoFilesOptions = {}): Promise<BaseFiles> {
  const shown = `"${ref.slice(0, 100)}"`;
  if (ref === '' || ref.startsWith('-') || /[\n\0]/.test(ref))
    return { ok: false, message: `${shown} is not a git ref` };
  const prefix = await prefixInRepository(root);
  if (prefix === undefined)
    return {
      ok: false,
      message: `the base commit ${shown} could not be read (${path.resolve(root)} is not in a git repository)`
    };
  const batch = new GitBatch(root);
  try {
    const commit = await batch.info(`${ref}^{commit}`);
    if (!commit) {
      batch.close();
      return {
        ok: false,
        message: `the base commit ${shown} could not be read (no such commit here; a shallow clone may lack it)`
      };
    }
    // `<commit>:<path>` takes everything after the colon as the path: the type is checked on the answer.
    const spec = prefix === '' ? `${commit.id}^{tree}` : `${commit.id}:${prefix.replace(/\/$/, '')}`;
    const tree = await batch.info(spec);
    const files =
      tree && tree.type === 'tree'
        ? treeRepoFiles(batchTreeSource(batch, commit.id.length / 2), tree.id, options)
        : treeRepoFiles(emptyTreeSource, EMPTY_TREE, options);
    return { ok: true, commit: commit.id, files, close: () => batch.close() };
  } catch (error) {
    batch.close();
    const why = (error as { code?: unknown } | null)?.code === 'ENOENT' ? 'git is not installed' : 'git failed';
    return { ok: false, message: `the base commit ${shown} could not be read (${why})` };
  }
}

const EMPTY_TREE = 'empty';
const emptyTreeSource: TreeSource = {
  listTree: () => Promise.resolve([]),
  readBlob: () => Promise.reject(new Error('empty tree'))
};
