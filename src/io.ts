/** The I/O that pure modules receive as parameters, so tests need no module mocks. */
import { constants as fsConstants, promises as fsp } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import {
  formatBytes,
  formatCount,
  MAX_BYTES_PER_RUN,
  MAX_DIRECTORY_ENTRIES,
  MAX_FILE_BYTES,
  MAX_FILES_PER_RUN
} from './bounds.js';

/**
 * Reads files of the repository by paths relative to its root (`/` separators). Every method rejects with a
 * `RepoFileError` when the path cannot be used; other errors carry a Node-style `code` (`ENOENT`, …).
 */
export interface RepoFiles {
  /** The text of a file; rejects with an error whose `code` is `ENOENT` when it does not exist. */
  readText(relPath: string): Promise<string>;
  /** Names (not paths) of the entries of a directory, sorted; rejects with `ENOENT`/`ENOTDIR` like fs. */
  listDir(relPath: string): Promise<string[]>;
  /**
   * `file`, `directory`, or `null` when nothing is there. Rejects with a `RepoFileError` for a path that must not
   * be used (outside the repository, under `.git/`, a FIFO, socket or device).
   */
  kind(relPath: string): Promise<'file' | 'directory' | null>;
}

/** Why a path of the repository was not read. */
export type RepoFileErrorCode =
  | 'ENOENT'
  | 'EISDIR'
  | 'ENOTDIR'
  | 'OUTSIDE_ROOT'
  | 'GIT_DIR'
  | 'NOT_REGULAR'
  | 'TOO_LARGE'
  | 'RUN_LIMIT'
  | 'ENCODING'
  | 'EIO';

/**
 * A path the file layer refused or could not read. `reason` completes a sentence that starts with the path
 * (`"whitelists/redis.txt" ` + reason), so each caller words the finding at the place that names the path.
 */
export class RepoFileError extends Error {
  constructor(
    readonly code: RepoFileErrorCode,
    readonly relPath: string,
    readonly reason: string
  ) {
    super(`${JSON.stringify(relPath)} ${reason}`);
    this.name = 'RepoFileError';
  }
}

/** The `code` of a file error (`ENOENT`, `OUTSIDE_ROOT`, …), if it has one. */
export function fileErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/**
 * What a failed read of `relPath` means, as the end of a sentence that starts with the path: "does not exist",
 * "is a link to a place outside the repository; it was not read", … Never a stack trace or an object dump.
 */
export function describeFileError(error: unknown, expected: 'file' | 'directory' = 'file'): string {
  if (error instanceof RepoFileError) return error.reason;
  const code = fileErrorCode(error);
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ENOTDIR') return expected === 'directory' ? 'is not a directory' : 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read (${code ?? 'I/O error'})`;
}

/** Where messages for the person running the tool go; the action maps it to `@actions/core`, the CLI to stderr. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} };

export interface DiskRepoFilesOptions {
  maxFileBytes?: number;
  maxFilesPerRun?: number;
  maxBytesPerRun?: number;
  maxDirectoryEntries?: number;
}

/** A `.git` path segment: git's own files (and the token actions/checkout may keep in `.git/config`). */
export function isGitSegment(segment: string): boolean {
  return segment.toLowerCase() === '.git';
}

function specialKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const NOT_READ = 'it was not read';

/** Decodes file bytes as UTF-8; UTF-16 and binary files are refused rather than shown as NUL-laden text. */
export function decode(relPath: string, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new RepoFileError('ENCODING', relPath, 'is encoded as UTF-16; save it as UTF-8');
  }
  if (bytes.includes(0)) {
    throw new RepoFileError(
      'ENCODING',
      relPath,
      'contains NUL bytes: it is binary, or UTF-16 without a byte-order mark; save it as UTF-8 text'
    );
  }
  return bytes.toString('utf8');
}

/**
 * RepoFiles over the local disk, rooted at `root`, confined to it: every path is resolved to its real path and
 * refused when that lies outside the real root or under `.git/`; only regular files are opened (checked before
 * opening, so a FIFO never blocks); sizes are bounded per file and per run; each file is read once per instance
 * (one instance per run), however many sources name it.
 */
export function diskRepoFiles(root: string, options: DiskRepoFilesOptions = {}): RepoFiles {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxFiles = options.maxFilesPerRun ?? MAX_FILES_PER_RUN;
  const maxBytes = options.maxBytesPerRun ?? MAX_BYTES_PER_RUN;
  const maxEntries = options.maxDirectoryEntries ?? MAX_DIRECTORY_ENTRIES;
  let realRoot: Promise<string> | undefined;
  const texts = new Map<string, Promise<string>>();
  let filesRead = 0;
  let bytesRead = 0;

  const rootReal = (): Promise<string> => (realRoot ??= fsp.realpath(path.resolve(root)));

  /** Is `real` (an absolute real path) inside the real root? Returns its segments relative to the root. */
  const insideRoot = (rootPath: string, real: string): string[] | undefined => {
    const relative = path.relative(rootPath, real);
    if (relative === '') return [];
    if (path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`)) return undefined;
    return relative.split(path.sep);
  };

  /**
   * The real absolute path of `relPath`, or a RepoFileError saying why it must not be used. `null` when nothing
   * exists there (and no part of the way leads outside the root).
   */
  const resolve = async (relPath: string): Promise<string | null> => {
    const slashed = relPath.replace(/\\/g, '/');
    const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
    if (slashed.includes('\0') || slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
      throw new RepoFileError('OUTSIDE_ROOT', relPath, `is not a path inside the repository; ${NOT_READ}`);
    }
    const normal = path.posix.normalize(segments.join('/') || '.');
    if (normal === '..' || normal.startsWith('../')) {
      throw new RepoFileError('OUTSIDE_ROOT', relPath, `leads outside the repository; ${NOT_READ}`);
    }
    if (segments.some(isGitSegment)) {
      throw new RepoFileError('GIT_DIR', relPath, `is under .git/, which is never read; ${NOT_READ}`);
    }
    const base = await rootReal();
    const lexical = path.resolve(base, ...normal.split('/'));
    let real: string;
    try {
      real = await fsp.realpath(lexical);
    } catch (error) {
      if (fileErrorCode(error) !== 'ENOENT' && fileErrorCode(error) !== 'ENOTDIR') throw error;
      // Nothing there, or a dangling link. Say "does not exist" only when the way there stays inside the root:
      // otherwise the answer would tell a pull request which paths exist outside it.
      await refuseEscapingAncestor(relPath, base, lexical);
      const target = await fsp.readlink(lexical).catch(() => undefined);
      if (target !== undefined && !insideRoot(base, path.resolve(path.dirname(lexical), target))) {
        throw new RepoFileError('OUTSIDE_ROOT', relPath, `is a link to a place outside the repository; ${NOT_READ}`);
      }
      return null;
    }
    const inside = insideRoot(base, real);
    if (!inside) {
      const isLink = await fsp
        .lstat(lexical)
        .then((stats) => stats.isSymbolicLink())
        .catch(() => false);
      throw new RepoFileError(
        'OUTSIDE_ROOT',
        relPath,
        isLink
          ? `is a link to a place outside the repository; ${NOT_READ}`
          : `lies in a folder that is a link to a place outside the repository; ${NOT_READ}`
      );
    }
    if (inside.some(isGitSegment)) {
      throw new RepoFileError('GIT_DIR', relPath, `is a link into .git/, which is never read; ${NOT_READ}`);
    }
    return real;
  };

  /** For a path that does not resolve: refuses it when its deepest existing ancestor lies outside the root. */
  const refuseEscapingAncestor = async (relPath: string, base: string, lexical: string): Promise<void> => {
    let dir = path.dirname(lexical);
    while (insideRoot(base, dir)) {
      let real: string | undefined;
      try {
        real = await fsp.realpath(dir);
      } catch {
        real = undefined;
      }
      if (real !== undefined) {
        if (!insideRoot(base, real)) {
          throw new RepoFileError(
            'OUTSIDE_ROOT',
            relPath,
            `lies in a folder that is a link to a place outside the repository; ${NOT_READ}`
          );
        }
        if (insideRoot(base, real)!.some(isGitSegment)) {
          throw new RepoFileError('GIT_DIR', relPath, `is a link into .git/, which is never read; ${NOT_READ}`);
        }
        return;
      }
      if (dir === base) return;
      dir = path.dirname(dir);
    }
  };

  const notFound = (relPath: string): NodeJS.ErrnoException => {
    const error: NodeJS.ErrnoException = new Error(`${relPath}: no such file or directory`);
    error.code = 'ENOENT';
    return error;
  };

  const readOnce = async (relPath: string, real: string): Promise<string> => {
    const stats = await fsp.stat(real);
    if (stats.isDirectory()) {
      const error: NodeJS.ErrnoException = new Error(`${relPath}: is a directory`);
      error.code = 'EISDIR';
      throw error;
    }
    if (!stats.isFile()) {
      throw new RepoFileError('NOT_REGULAR', relPath, `is ${specialKind(stats)}, not a regular file; ${NOT_READ}`);
    }
    if (stats.size > maxFileBytes) {
      throw new RepoFileError(
        'TOO_LARGE',
        relPath,
        `is ${formatCount(stats.size)} bytes, over the limit of ${formatBytes(maxFileBytes)} (${formatCount(maxFileBytes)} bytes) per file; ${NOT_READ}`
      );
    }
    if (filesRead + 1 > maxFiles) {
      throw new RepoFileError(
        'RUN_LIMIT',
        relPath,
        `was not read: this run already read ${formatCount(maxFiles)} files, the limit per run`
      );
    }
    if (bytesRead + stats.size > maxBytes) {
      throw new RepoFileError(
        'RUN_LIMIT',
        relPath,
        `was not read: it would take this run over the limit of ${formatBytes(maxBytes)} read per run`
      );
    }
    filesRead++;
    bytesRead += stats.size;
    // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it still does not block; the
    // handle is checked again below, and the read is bounded by the size that was admitted.
    const handle = await fsp.open(real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOFOLLOW);
    try {
      const opened = await handle.stat();
      if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) {
        throw new RepoFileError('NOT_REGULAR', relPath, `changed while it was being read; ${NOT_READ}`);
      }
      const buffer = Buffer.alloc(Math.min(maxFileBytes, stats.size) + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead: got } = await handle.read(buffer, length, buffer.length - length, length);
        if (got === 0) break;
        length += got;
      }
      if (length > stats.size) {
        throw new RepoFileError('TOO_LARGE', relPath, `grew while it was being read; ${NOT_READ}`);
      }
      return decode(relPath, buffer.subarray(0, length));
    } finally {
      await handle.close();
    }
  };

  return {
    readText: async (relPath) => {
      const real = await resolve(relPath);
      if (real === null) throw notFound(relPath);
      let text = texts.get(real);
      if (!text) {
        text = readOnce(relPath, real);
        texts.set(real, text);
      }
      return text;
    },
    listDir: async (relPath) => {
      const real = await resolve(relPath);
      if (real === null) throw notFound(relPath);
      const names: string[] = [];
      // `for await` closes the directory when the loop ends early or throws.
      for await (const entry of await fsp.opendir(real)) {
        if (isGitSegment(entry.name)) continue;
        if (names.length >= maxEntries) {
          throw new RepoFileError(
            'RUN_LIMIT',
            relPath,
            `holds more than ${formatCount(maxEntries)} entries, the limit per directory; it was not listed`
          );
        }
        names.push(entry.name);
      }
      return names.sort();
    },
    kind: async (relPath) => {
      const real = await resolve(relPath);
      if (real === null) return null;
      const stats = await fsp.stat(real);
      if (stats.isDirectory()) return 'directory';
      if (stats.isFile()) return 'file';
      throw new RepoFileError('NOT_REGULAR', relPath, `is ${specialKind(stats)}, not a regular file; ${NOT_READ}`);
    }
  };
}
