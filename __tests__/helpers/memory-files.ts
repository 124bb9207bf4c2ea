/** An in-memory RepoFiles for tests: files by relative path (`/` separators), directories inferred from the paths. */
import type { RepoFiles } from '../../src/io.js';

function fsError(code: 'ENOENT' | 'ENOTDIR' | 'EISDIR', relPath: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${relPath}`);
  error.code = code;
  return error;
}

/** Strips `./`, leading and trailing slashes and empty segments, so `./a//b/` and `a/b` name the same entry. */
function normalize(relPath: string): string {
  return relPath
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

export function memoryFiles(files: Record<string, string>): RepoFiles {
  const texts = new Map<string, string>();
  const directories = new Map<string, Set<string>>([['', new Set()]]);
  for (const [rawPath, text] of Object.entries(files)) {
    const filePath = normalize(rawPath);
    texts.set(filePath, text);
    const segments = filePath.split('/');
    for (let depth = 0; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join('/');
      const children = directories.get(parent) ?? new Set<string>();
      children.add(segments[depth]!);
      directories.set(parent, children);
    }
  }
  return {
    readText: async (relPath) => {
      const key = normalize(relPath);
      const text = texts.get(key);
      if (text !== undefined) return text;
      throw fsError(directories.has(key) ? 'EISDIR' : 'ENOENT', relPath);
    },
    listDir: async (relPath) => {
      const key = normalize(relPath);
      const children = directories.get(key);
      if (children) return [...children].sort();
      throw fsError(texts.has(key) ? 'ENOTDIR' : 'ENOENT', relPath);
    },
    kind: async (relPath) => {
      const key = normalize(relPath);
      if (texts.has(key)) return 'file';
      if (directories.has(key)) return 'directory';
      return null;
    }
  };
}
