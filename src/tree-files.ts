/**
 * `RepoFiles` over a git tree (a commit of the repository, read through `git` or through GitHub's API), confined
 * exactly like the working tree (`diskRepoFiles`): paths are resolved entry by entry, following links that stay
 * inside the root and refusing those that leave it or lead into `.git`; only blobs are read; submodules and other
 * kinds are refused; sizes are bounded per file (checked on the size the tree lists, before the blob is fetched)
 * and per run; each blob is fetched once.
 */
import {
  formatBytes,
  formatCount,
  MAX_BYTES_PER_RUN,
  MAX_DIRECTORY_ENTRIES,
  MAX_FILE_BYTES,
  MAX_FILES_PER_RUN
} from './bounds.js';
import { decode, isGitSegment, RepoFileError, type RepoFiles } from './io.js';

/** One entry of a git tree, as `git ls-tree -l` or the trees API lists it. */
export interface TreeEntry {
  name: string;
  /** `blob`: a file; `link`: a symbolic link (its blob holds the target); `tree`: a directory; `other`: a submodule. */
  kind: 'blob' | 'link' | 'tree' | 'other';
  /** The object's id (blob or tree). */
  id: string;
  /** Bytes of a blob or link; `undefined` when the lister did not say. */
  size?: number;
}

/** Where a tree's objects come from: the local git object database, or GitHub's API. */
export interface TreeSource {
  /** The entries of the tree `treeId`, unsorted. Rejects when the tree cannot be read. */
  listTree(treeId: string): Promise<TreeEntry[]>;
  /** The bytes of blob `blobId`; rejects when it cannot be read or holds more than `maxBytes`. */
  readBlob(blobId: string, maxBytes: number): Promise<Buffer>;
}

export interface TreeRepoFilesOptions {
  maxFileBytes?: number;
  maxFilesPerRun?: number;
  maxBytesPerRun?: number;
  maxDirectoryEntries?: number;
}

/** Links followed while resolving one path, as many as Linux allows (`ELOOP` past it). */
const MAX_LINK_HOPS = 40;
/** Bytes of a link's target that are read: a longer "target" is not a path any system accepts. */
const MAX_LINK_TARGET_BYTES = 4096;
const NOT_READ = 'it was not read';

type Resolved = { kind: 'blob' | 'tree'; entry: TreeEntry } | null;

function notFound(relPath: string, code: 'ENOENT' | 'ENOTDIR' | 'EISDIR' = 'ENOENT'): NodeJS.ErrnoException {
  const what = code === 'EISDIR' ? 'is a directory' : 'no such file or directory';
  const error: NodeJS.ErrnoException = new Error(`${relPath}: ${what}`);
  error.code = code;
  return error;
}

/** `RepoFiles` over the tree `rootTreeId` of `source`: the repository root as it was at that commit. */
export function treeRepoFiles(source: TreeSource, rootTreeId: string, options: TreeRepoFilesOptions = {}): RepoFiles {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxFiles = options.maxFilesPerRun ?? MAX_FILES_PER_RUN;
  const maxBytes = options.maxBytesPerRun ?? MAX_BYTES_PER_RUN;
  const maxEntries = options.maxDirectoryEntries ?? MAX_DIRECTORY_ENTRIES;
  const trees = new Map<string, Promise<Map<string, TreeEntry>>>();
  const texts = new Map<string, Promise<string>>();
  const linkTargets = new Map<string, Promise<string>>();
  let filesRead = 0;
  let bytesRead = 0;

  const tree = (id: string, relPath: string): Promise<Map<string, TreeEntry>> => {
    let listed = trees.get(id);
    if (!listed) {
      listed = source.listTree(id).then((entries) => {
        if (entries.length > maxEntries) {
          throw new RepoFileError(
            'RUN_LIMIT',
            relPath,
            `holds more than ${formatCount(maxEntries)} entries, the limit per directory; it was not listed`
          );
        }
        // A Map, never a plain object: entry names such as `__proto__` are just names.
        return new Map(entries.map((e) => [e.name, e]));
      });
      trees.set(id, listed);
    }
    return listed;
  };

  const linkTarget = (entry: TreeEntry, relPath: string): Promise<string> => {
    let target = linkTargets.get(entry.id);
    if (!target) {
      target = source
        .readBlob(entry.id, MAX_LINK_TARGET_BYTES)
        .then((bytes) => bytes.toString('utf8'))
        .catch(() => {
          throw new RepoFileError('OUTSIDE_ROOT', relPath, `is a link whose target cannot be read; ${NOT_READ}`);
        });
      linkTargets.set(entry.id, target);
    }
    return target;
  };

  /** Lexical segments of a path relative to the root, or a RepoFileError for a path that must not be used. */
  const segmentsOf = (relPath: string): string[] => {
    const slashed = relPath.replace(/\\/g, '/');
    if (slashed.includes('\0') || slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
      throw new RepoFileError('OUTSIDE_ROOT', relPath, `is not a path inside the repository; ${NOT_READ}`);
    }
    const segments: string[] = [];
    for (const segment of slashed.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (segments.length === 0) {
          throw new RepoFileError('OUTSIDE_ROOT', relPath, `leads outside the repository; ${NOT_READ}`);
        }
        segments.pop();
      } else segments.push(segment);
    }
    if (segments.some(isGitSegment)) {
      throw new RepoFileError('GIT_DIR', relPath, `is under .git/, which is never read; ${NOT_READ}`);
    }
    return segments;
  };

  /**
   * Walks the tree along `relPath`, following links as the file system would. `null` when nothing is there; a
   * RepoFileError for a link that leaves the root or leads into `.git`, a submodule, or a loop of links.
   */
  const resolve = async (relPath: string): Promise<Resolved> => {
    let pending = segmentsOf(relPath);
    let hops = 0;
    restart: for (;;) {
      let dir = await tree(rootTreeId, '.');
      const walked: string[] = [];
      for (let i = 0; i < pending.length; i++) {
        const name = pending[i]!;
        const entry = dir.get(name);
        if (!entry) return null;
        const last = i === pending.length - 1;
        if (entry.kind === 'link') {
          if (++hops > MAX_LINK_HOPS) {
            throw new RepoFileError('OUTSIDE_ROOT', relPath, `is a loop of links; ${NOT_READ}`);
          }
          const target = await linkTarget(entry, relPath);
          const escapes = (): RepoFileError =>
            new RepoFileError(
              'OUTSIDE_ROOT',
              relPath,
              last
                ? `is a link to a place outside the repository; ${NOT_READ}`
                : `lies in a folder that is a link to a place outside the repository; ${NOT_READ}`
            );
          if (target.startsWith('/') || target.includes('\0') || /^[A-Za-z]:/.test(target)) throw escapes();
          const next = [...walked];
          for (const segment of target.replace(/\\/g, '/').split('/')) {
            if (segment === '' || segment === '.') continue;
            if (segment === '..') {
              if (next.length === 0) throw escapes();
              next.pop();
            } else next.push(segment);
          }
          if (next.some(isGitSegment)) {
            throw new RepoFileError('GIT_DIR', relPath, `is a link into .git/, which is never read; ${NOT_READ}`);
          }
          pending = [...next, ...pending.slice(i + 1)];
          continue restart;
        }
        if (entry.kind === 'other') {
          throw new RepoFileError('NOT_REGULAR', relPath, `is a git submodule, not a regular file; ${NOT_READ}`);
        }
        if (last) return { kind: entry.kind, entry };
        if (entry.kind !== 'tree') throw notFound(relPath, 'ENOTDIR');
        dir = await tree(entry.id, walked.concat(name).join('/'));
        walked.push(name);
      }
      return { kind: 'tree', entry: { name: '', kind: 'tree', id: rootTreeId } };
    }
  };

  const readOnce = async (relPath: string, entry: TreeEntry): Promise<string> => {
    const size = entry.size;
    if (size !== undefined && size > maxFileBytes) {
      throw new RepoFileError(
        'TOO_LARGE',
        relPath,
        `is ${formatCount(size)} bytes, over the limit of ${formatBytes(maxFileBytes)} (${formatCount(maxFileBytes)} bytes) per file; ${NOT_READ}`
      );
    }
    if (filesRead + 1 > maxFiles) {
      throw new RepoFileError(
        'RUN_LIMIT',
        relPath,
        `was not read: this run already read ${formatCount(maxFiles)} files, the limit per run`
      );
    }
    if (bytesRead + (size ?? 0) > maxBytes) {
      throw new RepoFileError(
        'RUN_LIMIT',
        relPath,
        `was not read: it would take this run over the limit of ${formatBytes(maxBytes)} read per run`
      );
    }
    filesRead++;
    bytesRead += size ?? 0;
    let bytes: Buffer;
    try {
      bytes = await source.readBlob(entry.id, maxFileBytes);
    } catch (error) {
      if (error instanceof RepoFileError) throw error;
      throw new RepoFileError('EIO', relPath, `could not be read from the base commit; ${NOT_READ}`);
    }
    if (bytes.length > maxFileBytes) {
      throw new RepoFileError(
        'TOO_LARGE',
        relPath,
        `is over the limit of ${formatBytes(maxFileBytes)} (${formatCount(maxFileBytes)} bytes) per file; ${NOT_READ}`
      );
    }
    if (size === undefined) bytesRead += bytes.length;
    return decode(relPath, bytes);
  };

  return {
    readText: async (relPath) => {
      const found = await resolve(relPath);
      if (found === null) throw notFound(relPath);
      if (found.kind === 'tree') throw notFound(relPath, 'EISDIR');
      let text = texts.get(found.entry.id);
      if (!text) {
        text = readOnce(relPath, found.entry);
        texts.set(found.entry.id, text);
      }
      return text;
    },
    listDir: async (relPath) => {
      const found = await resolve(relPath);
      if (found === null) throw notFound(relPath);
      if (found.kind !== 'tree') throw notFound(relPath, 'ENOTDIR');
      const entries = await tree(found.entry.id, relPath);
      return [...entries.keys()].filter((name) => !isGitSegment(name)).sort();
    },
    kind: async (relPath) => {
      const found = await resolve(relPath);
      if (found === null) return null;
      return found.kind === 'tree' ? 'directory' : 'file';
    }
  };
}
