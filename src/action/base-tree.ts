/**
 * The base commit of a pull request read through GitHub's REST API (contract §11): a default `actions/checkout`
 * has only the merge commit (depth 1) and keeps no credentials, so the action reads the base tree with the token
 * it already has. Only what the check opens is fetched: one tree listing per directory on the way to a file, and
 * the blob of each file read. Everything goes through `treeRepoFiles`, confined like the working tree.
 */
import type { BaseFiles } from '../baseline/index.js';
import { treeRepoFiles, type TreeEntry, type TreeSource } from '../tree-files.js';
import { httpStatus } from './github-api.js';

/** The git-database calls of GitHub's REST API that reading a base needs. */
export interface GitTreesApi {
  /** The commit a ref or SHA names: its tree and parents. Rejects with an HTTP error (404, 422) when none. */
  getCommit(ref: string): Promise<{ sha: string; tree: string; parents: string[] }>;
  /** One tree, not recursive. `truncated`: GitHub left entries out. */
  getTree(sha: string): Promise<{ entries: TreeEntry[]; truncated: boolean }>;
  /** The bytes of a blob. */
  getBlob(sha: string): Promise<Buffer>;
}

/** Git's file modes, as the trees API lists them, to the kinds `treeRepoFiles` knows. */
export function entryKind(mode: string, type: string): TreeEntry['kind'] {
  if (type === 'tree') return 'tree';
  if (type === 'blob') return mode === '120000' ? 'link' : 'blob';
  return 'other';
}

function apiTreeSource(api: GitTreesApi): TreeSource {
  return {
    listTree: async (sha) => {
      const { entries, truncated } = await api.getTree(sha);
      // A listing GitHub cut short would make files look absent: refused, never read as if complete.
      if (truncated) throw new Error('GitHub returned this directory truncated');
      return entries;
    },
    readBlob: async (sha, maxBytes) => {
      const bytes = await api.getBlob(sha);
      return bytes.length > maxBytes ? bytes.subarray(0, maxBytes + 1) : bytes;
    }
  };
}

export interface BaseRequest {
  /** `auto`: the merge commit's first parent (pull requests); otherwise a ref or SHA to read. */
  ref: string;
  /** With `auto`: the merge commit (GITHUB_SHA) and the event's `pull_request.base.sha` as a fallback. */
  mergeSha?: string;
  baseSha?: string;
  /** The root below the repository's top (`working-directory`), `/` separators, '' for the top. */
  rootInRepository: string;
}

function why(error: unknown): string {
  const status = httpStatus(error);
  if (status === 404 || status === 422) return 'GitHub has no such commit';
  if (status === 401 || status === 403)
    return `the token cannot read the repository's contents (HTTP ${status}; needs contents: read)`;
  if (status !== undefined) return `GitHub answered HTTP ${status}`;
  return error instanceof Error ? error.message : 'it could not be read';
}

/** The commit to compare with: for `auto`, the merge commit's first parent, else `base.sha`. */
async function baseCommit(api: GitTreesApi, request: BaseRequest): Promise<{ sha: string; tree: string }> {
  if (request.ref !== 'auto') return api.getCommit(request.ref);
  if (request.mergeSha) {
    const merge = await api.getCommit(request.mergeSha).catch(() => undefined);
    // A merge commit's first parent is the base branch as the merge was made: right even when the base moved.
    const parent = merge && merge.parents.length === 2 ? merge.parents[0] : undefined;
    if (parent) return api.getCommit(parent);
  }
  if (!request.baseSha) throw new Error('the event names no base commit');
  return api.getCommit(request.baseSha);
}

/** Reads the base through the API; never throws (a base that cannot be read is `ok: false` with the reason). */
export async function apiBaseFiles(api: GitTreesApi, request: BaseRequest): Promise<BaseFiles> {
  let commit: { sha: string; tree: string };
  try {
    commit = await baseCommit(api, request);
  } catch (error) {
    const shown = request.ref === 'auto' ? 'of the pull request' : `"${request.ref.slice(0, 100)}"`;
    return { ok: false, message: `the base commit ${shown} could not be read: ${why(error)}` };
  }
  const source = apiTreeSource(api);
  let tree: string | undefined = commit.tree;
  // `working-directory` below the top: the base's tree of that directory (absent: every file is absent).
  for (const name of request.rootInRepository.split('/').filter((s) => s !== '')) {
    try {
      const entries: TreeEntry[] = await source.listTree(tree);
      tree = entries.find((e) => e.name === name && e.kind === 'tree')?.id;
    } catch (error) {
      return { ok: false, message: `the base commit ${commit.sha} could not be read: ${why(error)}` };
    }
    if (tree === undefined) break;
  }
  const emptySource: TreeSource = {
    listTree: () => Promise.resolve([]),
    readBlob: () => Promise.reject(new Error('empty'))
  };
  return {
    ok: true,
    commit: commit.sha,
    files: tree === undefined ? treeRepoFiles(emptySource, 'empty') : treeRepoFiles(source, tree)
  };
}
