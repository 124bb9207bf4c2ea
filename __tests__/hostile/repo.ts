/** Test helper: a throw-away repository on disk, and the engine run over it as the CLI and the action run it. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { runCheck } from '../../src/engine.js';
import { silentLogger } from '../../src/io.js';
import type { Finding, Report } from '../../src/model.js';

export const CONFIG = '.github/dataworks-whitelist.yml';

export interface TempRepo {
  /** The repository root (a real path). */
  root: string;
  /** A folder beside the repository: "outside" for link tests. */
  outside: string;
  write(relPath: string, text: string | Buffer): string;
  link(relPath: string, target: string): void;
  fifo(relPath: string): void;
  check(configPath?: string): Promise<Report>;
  remove(): void;
}

export function tempRepo(): TempRepo {
  const base = mkdtempSync(path.join(os.tmpdir(), 'dwg-hostile-'));
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  const at = (relPath: string): string => {
    const file = path.join(root, relPath);
    mkdirSync(path.dirname(file), { recursive: true });
    return file;
  };
  return {
    root,
    outside,
    write(relPath, text) {
      const file = at(relPath);
      writeFileSync(file, text);
      return file;
    },
    link(relPath, target) {
      symlinkSync(target, at(relPath));
    },
    fifo(relPath) {
      execFileSync('mkfifo', [at(relPath)]);
    },
    check(configPath = CONFIG) {
      return runCheck({
        root,
        configPath,
        resolve: 'offline',
        failOn: 'error',
        online: { endpoints: {}, allowInstanceCredentials: false },
        logger: silentLogger,
        now: new Date('2026-11-28T08:00:00Z'),
        env: {}
      });
    },
    remove() {
      rmSync(base, { recursive: true, force: true });
    }
  };
}

/** A config with one data source `db` reading `whitelist` (YAML flow or block text for the `whitelist:` key). */
export function configWith(whitelist: string, product = 'rds'): string {
  return `version: 1
region: cn-hangzhou
resourceGroups:
  sl:
    type: serverless
    privateCidrs: [192.0.2.0/24]
dataSources:
  db:
    product: ${product}
    network: private
    whitelist: ${whitelist}
    access: [{ module: data-integration, resourceGroups: [sl] }]
`;
}

export const byRule = (report: Report, rule: Finding['rule']): Finding[] =>
  report.findings.filter((f) => f.rule === rule);

/** Every message and raw text of a report, for "never quotes X" assertions. */
export function everyText(report: Report): string {
  return JSON.stringify(report.findings);
}

/** Runs `fn` and returns its result with the milliseconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}
