/** Test helper: a throw-away git repository with commits made by the test (base and head). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface GitRepo {
  root: string;
  write(relPath: string, text: string | Buffer): void;
  link(relPath: string, target: string): void;
  remove(relPath: string): void;
  move(from: string, to: string): void;
  /** Commits everything and returns the commit's SHA. */
  commit(message: string): string;
  git(...args: string[]): string;
  cleanup(): void;
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
};

export function gitRepo(): GitRepo {
  const base = mkdtempSync(path.join(os.tmpdir(), 'dwg-baseline-'));
  const root = path.join(base, 'repo');
  mkdirSync(root);
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', root, ...args], { env: GIT_ENV, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  const at = (relPath: string): string => {
    const file = path.join(root, relPath);
    mkdirSync(path.dirname(file), { recursive: true });
    return file;
  };
  return {
    root,
    write: (relPath, text) => writeFileSync(at(relPath), text),
    link: (relPath, target) => symlinkSync(target, at(relPath)),
    remove: (relPath) => unlinkSync(path.join(root, relPath)),
    move: (from, to) => {
      at(to);
      git('mv', from, to);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    git,
    cleanup: () => rmSync(base, { recursive: true, force: true })
  };
}
