/**
 * A pull request as GitHub makes it, in a real repository made by the test: a base commit on `main`, a head commit
 * on `feature`, and the merge commit GitHub checks out (parents: base, head). `checkoutDepth1` is what a default
 * `actions/checkout` leaves (the merge commit's files, one commit of history), and `seedGitHub` gives the fake
 * GitHub the objects it serves through the git-database API, with their real SHAs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeGitHub, FakeGitTreeEntry } from '../fakes/github-api.js';
import { gitRepo, type GitRepo } from '../baseline/git-repo.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
};

export interface PullRequestRepo {
  repo: GitRepo;
  base: string;
  head: string;
  merge: string;
}

/** `main` with `baseFiles`, `feature` on top with `headFiles` written over them, and their merge on `main`. */
export function pullRequestRepo(baseFiles: Record<string, string>, headFiles: Record<string, string>): PullRequestRepo {
  const repo = gitRepo();
  for (const [file, text] of Object.entries(baseFiles)) repo.write(file, text);
  const base = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  for (const [file, text] of Object.entries(headFiles)) repo.write(file, text);
  const head = repo.commit('head');
  repo.git('checkout', '-q', 'main');
  repo.git('merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, 'feature');
  const merge = repo.git('rev-parse', 'HEAD');
  return { repo, base, head, merge };
}

/** A depth-1 clone of `main` (the merge commit), as `actions/checkout` leaves the workspace. */
export function checkoutDepth1(pr: PullRequestRepo): string {
  const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'dwg-e2e-checkout-')), 'workspace');
  execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'main', `file://${pr.repo.root}`, workspace], {
    env: GIT_ENV
  });
  return workspace;
}

/** Seeds the fake with the commits and every tree and blob reachable from them, read from the repository. */
export function seedGitHub(github: FakeGitHub, repo: GitRepo, commits: string[]): void {
  const trees: Record<string, FakeGitTreeEntry[]> = {};
  const blobs: Record<string, string> = {};
  const walk = (tree: string): void => {
    if (trees[tree]) return;
    const entries: FakeGitTreeEntry[] = [];
    for (const line of repo.git('ls-tree', '-l', tree).split('\n').filter(Boolean)) {
      // `<mode> <type> <sha> <size or ->\t<name>`
      const [meta, name] = line.split('\t') as [string, string];
      const [mode, type, sha, size] = meta.split(/\s+/) as [string, FakeGitTreeEntry['type'], string, string];
      entries.push({ path: name, mode, type, sha, ...(type === 'blob' ? { size: Number(size) } : {}) });
      if (type === 'tree') walk(sha);
      // Not through repo.git, which trims: the bytes as they are.
      if (type === 'blob')
        blobs[sha] = execFileSync('git', ['-C', repo.root, 'cat-file', 'blob', sha], {
          env: GIT_ENV,
          encoding: 'utf8'
        });
    }
    trees[tree] = entries;
  };
  github.seedGitObjects({
    commits: commits.map((sha) => {
      const tree = repo.git('rev-parse', `${sha}^{tree}`);
      walk(tree);
      const parents = repo.git('rev-list', '--parents', '-n', '1', sha).split(' ').slice(1);
      return { sha, tree, parents, message: repo.git('log', '-1', '--format=%s', sha) };
    }),
    trees,
    blobs
  });
}
