/**
 * engines, .node-version, the CI matrix, the action's runtime and the dependency tree agree on the Node.js
 * versions; every workflow in the repository checks out without persisting credentials and declares its
 * permissions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';

/** npm's own range semantics (semver is what npm uses to read `engines`). */
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const read = (file: string): string => readFileSync(file, 'utf8');
const manifest = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: object };
const enginesRange = manifest.engines.node;
const lowest = semver.minVersion(enginesRange)?.version ?? '';

interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { permissions?: unknown; steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
}

const workflow = (file: string): Workflow => parse(read(file)) as Workflow;

describe('Node.js versions agree', () => {
  it('engines names a lowest version', () => {
    expect(lowest).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('.node-version (development, CI, releases) and the action runtime satisfy engines', () => {
    const nodeVersion = read('.node-version').trim();
    expect(semver.satisfies(semver.minVersion(nodeVersion)!.version, enginesRange)).toBe(true);
    const using = (parse(read('action.yml')) as { runs: { using: string } }).runs.using;
    expect(using).toMatch(/^node\d+$/);
    expect(semver.satisfies(`${using.slice(4)}.0.0`, enginesRange)).toBe(true);
  });

  it('CI runs the bundled CLI on exactly the lowest version engines admits', () => {
    const job = workflow('.github/workflows/ci.yml').jobs['lowest-node'];
    const setup = job?.steps?.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe(lowest);
    const runs = (job?.steps ?? []).map((s) => (s as { run?: string }).run ?? '').join('\n');
    expect(runs).toContain('node dist/cli/index.js check --root examples');
  });

  it('every package bundled into dist/ runs on the lowest version engines admits', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { version?: string; engines?: { node?: string } }>;
    };
    // dist/licenses.txt names every package ncc bundled: a name line, then its licence.
    const bundled = new Set<string>();
    for (const file of ['dist/licenses.txt', 'dist/cli/licenses.txt']) {
      const lines = read(file).split('\n');
      lines.forEach((line, i) => {
        if (/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(line) && (i === 0 || lines[i - 1] === '')) bundled.add(line);
      });
    }
    expect(bundled.size).toBeGreaterThan(10);
    const conflicts = Object.entries(lock.packages)
      .filter(([key]) => [...bundled].some((name) => key.endsWith(`node_modules/${name}`)))
      .filter(([, entry]) => entry.engines?.node && !semver.satisfies(lowest, entry.engines.node))
      .map(([key, entry]) => `${key}@${entry.version} wants node ${entry.engines?.node}`);
    expect(conflicts).toEqual([]);
  });
});

/** Workflow files of the repository and of its examples. */
function workflowFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && (dir.includes('workflows') || read(full).includes('runs-on:'))) {
        found.push(full);
      }
    }
  };
  walk('.github/workflows');
  walk('examples');
  return found;
}

describe('workflows in the repository', () => {
  const files = workflowFiles();

  it('include the CI, dist and release workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/release.yml'
      ])
    );
  });

  it.each(files)('%s: every checkout has persist-credentials: false', (file) => {
    const checkouts = Object.values(workflow(file).jobs).flatMap((job) =>
      (job.steps ?? []).filter((s) => s.uses?.startsWith('actions/checkout@'))
    );
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  it.each(files)('%s: declares permissions at the top, and no job asks for write-all', (file) => {
    const parsed = workflow(file);
    expect(parsed.permissions).toBeDefined();
    expect(parsed.permissions).not.toBe('write-all');
    for (const job of Object.values(parsed.jobs)) expect(job.permissions).not.toBe('write-all');
  });

  it('release.yml gives write access only to the job that needs it', () => {
    const release = workflow('.github/workflows/release.yml');
    expect(release.permissions).toEqual({});
    expect(release.jobs.verify?.permissions).toEqual({ contents: 'read' });
    expect(release.jobs['github-release']?.permissions).toEqual({ contents: 'write' });
    expect(release.jobs['npm-publish']?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });
});
