/**
 * The repository as it was at a commit, read from the local git object database: `git ls-tree` and
 * `git cat-file` through `execFile` with argument arrays (never a shell), so no ref or path is ever interpreted
 * by one. Nothing is checked out and the working tree is not touched.
 */
import { execFile } from 'node:child_process';
import { treeRepoFiles, type TreeEntry, type TreeSource, type TreeRepoFilesOptions } from '../tree-files.js';
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

/** What a failed git command says, in one line, without its argument list or a stack. */
function gitFailure(error: unknown): string {
  const stderr = (error as { stderr?: unknown } | null)?.stderr;
  const text = Buffer.isBuffer(stderr) ? stderr.toString('utf8') : typeof stderr === 'string' ? stderr : '';
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'git is not installed';
  if ((error as { killed?: unknown } | null)?.killed === true) return 'git took too long';
  return line ? line.slice(0, 200) : 'git failed';
}

/**
 * The files of the root (`root`, possibly a subdirectory of the git repository) as they were at `ref`. A root
 * that did not exist at that commit is an empty tree (every file absent); a ref that names no commit, or a
 * repository that git cannot read, is `ok: false` with the reason.
 */
export async function gitBaseFiles(root: string, ref: string, options: TreeRepoFilesOptions = {}): Promise<BaseFiles> {
  if (ref === '' || ref.startsWith('-') || ref.includes('\0')) {
    return { ok: false, message: `"${ref.slice(0, 100)}" is not a git ref` };
  }
  let commit: string;
  let prefix: string;
  try {
    prefix = (await git(root, ['rev-parse', '--show-prefix'], 1 << 16)).toString('utf8').trim();
    commit = (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], 1 << 16))
      .toString('utf8')
      .trim();
  } catch (error) {
    const why = gitFailure(error);
    return {
      ok: false,
      message: `the base commit "${ref.slice(0, 100)}" could not be read (${why === 'git failed' ? 'no such commit here; a shallow clone may lack it' : why})`
    };
  }
  let treeId: string | undefined;
  try {
    // `<commit>:<path>` takes everything after the colon as the path, so no `^{tree}` may follow it; the type is
    // checked below instead.
    const spec = prefix === '' ? `${commit}^{tree}` : `${commit}:${prefix.replace(/\/$/, '')}`;
    const type = (await git(root, ['cat-file', '-t', spec], 1 << 16)).toString('utf8').trim();
    if (type !== 'tree') throw new Error('not a directory at the base');
    treeId = (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', spec], 1 << 16))
      .toString('utf8')
      .trim();
  } catch {
    treeId = undefined;
  }
  const source = gitTreeSource(root);
  if (!treeId) return { ok: true, commit, files: treeRepoFiles(emptyTreeSource, EMPTY_TREE, options) };
  return { ok: true, commit, files: treeRepoFiles(source, treeId, options) };
}

const EMPTY_TREE = 'empty';
const emptyTreeSource: TreeSource = {
  listTree: () => Promise.resolve([]),
  readBlob: () => Promise.reject(new Error('empty tree'))
};
