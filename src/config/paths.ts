/** Paths written in the configuration: kept inside the repository, with `/` separators. */
import path from 'node:path';
import type { WhitelistFormat } from '../model.js';

export type RepoPathResult = { path: string } | { error: string };

/**
 * Normalises a path relative to the repository root. Absolute paths and paths that climb out of the root are
 * refused: the config must not make the tool read files outside the checked-out repository.
 */
export function normaliseRepoPath(raw: string): RepoPathResult {
  const slashed = raw.replace(/\\/g, '/');
  if (slashed.includes('\0')) return { error: 'expected a path, got text with a NUL character' };
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    return { error: `expected a path relative to the repository root, got the absolute path ${JSON.stringify(raw)}` };
  }
  const normal = path.posix.normalize(slashed).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) {
    return { error: `the path ${JSON.stringify(raw)} leads outside the repository root` };
  }
  if (normal === '.' || normal === '') {
    return { error: 'expected a file or directory inside the repository, got the repository root itself' };
  }
  return { path: normal };
}

/**
 * The format a whitelist file has by its name (contract §2): `.tf`/`.tf.json`, `.yml`/`.yaml`, `.json`, else text.
 * A text file takes no `select`, so a selected path without an extension names a directory of `.tf` files.
 */
export function inferWhitelistFormat(file: string, hasSelect = false): WhitelistFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tf') || lower.endsWith('.tf.json')) return 'terraform';
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  const base = lower.split('/').pop() ?? '';
  if (hasSelect && !base.includes('.')) return 'terraform';
  return 'text';
}
