/**
 * The release process behind .github/workflows/release.yml, as a script so that it is tested and can be rehearsed
 * locally with --dry-run. On a `vX.Y.Z` tag:
 *   verify          the tag equals package.json's and src/version.ts's version, CHANGELOG.md has a dated section
 *                   for it, and dist/ is exactly what the tagged sources build to;
 *   github-release  creates the GitHub release with that changelog section and moves the major tag (`v1`) to the
 *                   tagged commit (not for a pre-release, nor for a patch of an older minor line);
 *   npm-publish     publishes the package to npm with provenance.
 *   plan            prints every step of the three (what --dry-run prints for each).
 *
 * Usage: node --import ./scripts/register-ts.mjs scripts/release.ts <plan|verify|github-release|npm-publish|notes>
 *          --tag vX.Y.Z [--dry-run] [--root DIR]
 * The tag defaults to GITHUB_REF_NAME. Exit status 1 when the release is not valid, 2 for a usage error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface ReleaseTag {
  tag: string;
  /** `X.Y.Z` or `X.Y.Z-pre`. */
  version: string;
  major: number;
  minor: number;
  patch: number;
  prerelease: string | undefined;
  /** The tag users pin in `uses: …@v1`. */
  majorTag: string;
  /** npm dist-tag: `latest` for a release, `next` for a pre-release (so `npm install` never picks one). */
  npmDistTag: 'latest' | 'next';
}

const TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** The parts of a `vX.Y.Z` tag (semantic version, optional pre-release), or `undefined` when it is not one. */
export function parseReleaseTag(tag: string): ReleaseTag | undefined {
  const match = TAG.exec(tag);
  if (!match) return undefined;
  const [, major, minor, patch, prerelease] = match;
  return {
    tag,
    version: tag.slice(1),
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease,
    majorTag: `v${major}`,
    npmDistTag: prerelease === undefined ? 'latest' : 'next'
  };
}

export interface ChangelogSection {
  /** `YYYY-MM-DD`, or `Unreleased`. */
  date: string;
  /** The section's text without its heading, trimmed: the release notes. */
  notes: string;
}

/** The `## [version] - date` section of a Keep a Changelog file, up to the next `## ` heading. */
export function changelogSection(changelog: string, version: string): ChangelogSection | undefined {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n');
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^## \\[${escaped}\\](?:\\s+-\\s+(.+?))?\\s*$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const date = heading.exec(lines[start] as string)?.[1] ?? 'Unreleased';
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  // Link reference definitions at the end of the file belong to the whole changelog, not to the last section.
  const body = lines.slice(start + 1, end).filter((line) => !/^\[[^\]]+\]:\s/.test(line));
  return { date, notes: body.join('\n').trim() };
}

/** The version `src/version.ts` declares (`export const VERSION = '…'`). */
export function sourceVersion(versionTs: string): string | undefined {
  return /export const VERSION = '([^']+)'/.exec(versionTs)?.[1];
}

export interface ReleaseInputs {
  tag: string;
  packageJson: string;
  versionTs: string;
  changelog: string;
}

export interface ReleaseCheck {
  tag?: ReleaseTag;
  notes?: string;
  /** Everything that stops the release, each a sentence that says what to fix. */
  problems: string[];
}

/** Checks the tag against the versions and the changelog; every problem is listed, so one fix round suffices. */
export function checkRelease(inputs: ReleaseInputs): ReleaseCheck {
  const problems: string[] = [];
  const tag = parseReleaseTag(inputs.tag);
  if (!tag) {
    return { problems: [`"${inputs.tag}" is not a release tag: expected vX.Y.Z (semantic version), e.g. v1.0.0`] };
  }
  let packageVersion: unknown;
  try {
    packageVersion = (JSON.parse(inputs.packageJson) as { version?: unknown }).version;
  } catch {
    problems.push('package.json is not valid JSON');
  }
  if (packageVersion !== undefined && packageVersion !== tag.version) {
    problems.push(
      `tag ${tag.tag} does not match package.json version ${String(packageVersion)}: set both to ${tag.version}`
    );
  }
  const declared = sourceVersion(inputs.versionTs);
  if (declared !== tag.version) {
    problems.push(
      `tag ${tag.tag} does not match src/version.ts VERSION ${declared ?? '(not found)'}: set it to ${tag.version}`
    );
  }
  const section = changelogSection(inputs.changelog, tag.version);
  if (!section) {
    problems.push(`CHANGELOG.md has no "## [${tag.version}] - YYYY-MM-DD" section: add the release notes`);
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(section.date)) {
    problems.push(
      `CHANGELOG.md marks ${tag.version} "${section.date}": replace it with the release date (YYYY-MM-DD) before tagging`
    );
  } else if (section.notes === '') {
    problems.push(`CHANGELOG.md's section for ${tag.version} is empty: list what changed`);
  }
  return { tag, ...(section ? { notes: section.notes } : {}), problems };
}

/** Compares two release tags by semantic-version precedence (pre-releases sort before their release). */
export function compareTags(a: ReleaseTag, b: ReleaseTag): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === undefined) return 1;
  if (b.prerelease === undefined) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

/**
 * Whether the major tag moves to this release: not for a pre-release, and not when a later release of the same
 * major exists (a patch of an older minor line must not take `v1` back in time).
 */
export function movesMajorTag(tag: ReleaseTag, existingTags: readonly string[]): boolean {
  if (tag.prerelease !== undefined) return false;
  return existingTags
    .map(parseReleaseTag)
    .filter((t): t is ReleaseTag => t !== undefined && t.major === tag.major && t.prerelease === undefined)
    .every((t) => compareTags(t, tag) <= 0);
}

export type Job = 'verify' | 'github-release' | 'npm-publish';

export interface Step {
  job: Job;
  /** `run`: a command; `check`: a condition checked by this script. */
  kind: 'run' | 'check';
  text: string;
  command?: string[];
}

/** Every step of a release, in order. `notesFile` is where the release notes are written for `gh`. */
export function releasePlan(tag: ReleaseTag, options: { movesMajorTag: boolean; notesFile: string }): Step[] {
  const steps: Step[] = [
    { job: 'verify', kind: 'check', text: `tag ${tag.tag} matches package.json and src/version.ts (${tag.version})` },
    { job: 'verify', kind: 'check', text: `CHANGELOG.md has a dated section for ${tag.version}` },
    { job: 'verify', kind: 'run', text: 'rebuild dist/', command: ['npm', 'run', 'bundle'] },
    {
      job: 'verify',
      kind: 'run',
      text: 'let git see new files in dist/',
      command: ['git', 'add', '--intent-to-add', 'dist']
    },
    { job: 'verify', kind: 'check', text: 'dist/ is exactly what the tagged sources build to' },
    {
      job: 'github-release',
      kind: 'run',
      text: `create the GitHub release ${tag.tag} with the changelog section`,
      command: [
        'gh',
        'release',
        'create',
        tag.tag,
        '--verify-tag',
        '--title',
        tag.tag,
        '--notes-file',
        options.notesFile,
        ...(tag.prerelease !== undefined ? ['--prerelease'] : [])
      ]
    }
  ];
  if (options.movesMajorTag) {
    steps.push({
      job: 'github-release',
      kind: 'run',
      text: `move ${tag.majorTag} to the commit of ${tag.tag} (created if it does not exist yet)`
    });
  }
  steps.push({
    job: 'npm-publish',
    kind: 'run',
    text: `publish ${tag.version} to npm with provenance under dist-tag ${tag.npmDistTag}`,
    command: ['npm', 'publish', '--provenance', '--access', 'public', '--tag', tag.npmDistTag]
  });
  return steps;
}

// -------------------------------------------------------------------------------------------------------------
// The command line.

/** A usage error (exit status 2); every other failure exits 1. */
class UsageError extends Error {}

function run(command: string[], dryRun: boolean, cwd: string, quiet = false): string {
  if (dryRun) return '';
  const [file, ...args] = command as [string, ...string[]];
  return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'] });
}

function describe(step: Step): string {
  const command = step.command ? `: ${step.command.join(' ')}` : '';
  return `  ${step.kind === 'run' ? 'run  ' : 'check'}  ${step.text}${command}`;
}

function moveMajorTag(tag: ReleaseTag, cwd: string): void {
  const sha = run(['git', 'rev-parse', `${tag.tag}^{commit}`], false, cwd).trim();
  try {
    run(
      [
        'gh',
        'api',
        '--method',
        'PATCH',
        `repos/{owner}/{repo}/git/refs/tags/${tag.majorTag}`,
        '-f',
        `sha=${sha}`,
        '-F',
        'force=true'
      ],
      false,
      cwd
    );
  } catch {
    // The first release of this major: the ref does not exist yet.
    run(
      [
        'gh',
        'api',
        '--method',
        'POST',
        'repos/{owner}/{repo}/git/refs',
        '-f',
        `ref=refs/tags/${tag.majorTag}`,
        '-f',
        `sha=${sha}`
      ],
      false,
      cwd
    );
  }
}

function main(argv: string[], env: NodeJS.ProcessEnv): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tag: { type: 'string' },
      root: { type: 'string' },
      'dry-run': { type: 'boolean' }
    }
  });
  const command = positionals[0];
  const commands = ['plan', 'verify', 'github-release', 'npm-publish', 'notes'];
  if (positionals.length !== 1 || !commands.includes(command as string)) {
    throw new UsageError(`usage: release.ts <${commands.join('|')}> --tag vX.Y.Z [--dry-run] [--root DIR]`);
  }
  const tagName = values.tag ?? env.GITHUB_REF_NAME;
  if (!tagName) throw new UsageError('no tag: pass --tag vX.Y.Z (or run on a tag push, which sets GITHUB_REF_NAME)');
  const root = path.resolve(values.root ?? '.');
  const dryRun = values['dry-run'] === true || command === 'plan';
  const read = (file: string): string => {
    try {
      return readFileSync(path.join(root, file), 'utf8');
    } catch {
      return '';
    }
  };

  const checked = checkRelease({
    tag: tagName,
    packageJson: read('package.json') || '{}',
    versionTs: read('src/version.ts'),
    changelog: read('CHANGELOG.md')
  });
  if (checked.problems.length > 0 || !checked.tag) {
    process.stderr.write(`release ${tagName} is not ready:\n${checked.problems.map((p) => `- ${p}\n`).join('')}`);
    return 1;
  }
  const tag = checked.tag;
  const notes = checked.notes ?? '';
  if (command === 'notes') {
    process.stdout.write(`${notes}\n`);
    return 0;
  }

  const existingTags = safeTags(root);
  const notesFile = path.join(dryRun ? os.tmpdir() : mkdtempSync(path.join(os.tmpdir(), 'release-')), 'notes.md');
  const steps = releasePlan(tag, { movesMajorTag: movesMajorTag(tag, existingTags), notesFile });
  const jobs: Job[] = command === 'plan' ? ['verify', 'github-release', 'npm-publish'] : [command as Job];

  process.stdout.write(
    `release ${tag.tag}: version ${tag.version}, major tag ${tag.majorTag}, npm dist-tag ${tag.npmDistTag}` +
      `${dryRun ? ' (dry run: nothing is changed)' : ''}\n`
  );
  for (const job of jobs) {
    process.stdout.write(`${job}:\n`);
    for (const step of steps.filter((s) => s.job === job)) {
      process.stdout.write(`${describe(step)}\n`);
      if (dryRun) continue;
      if (step.text.startsWith('dist/ is exactly')) {
        const changed = run(['git', 'status', '--porcelain', '--', 'dist'], false, root);
        if (changed.trim() !== '') {
          throw new Error(`dist/ is not the build of ${tag.tag}; these files differ:\n${changed}`);
        }
      } else if (step.text.startsWith(`move ${tag.majorTag}`)) {
        moveMajorTag(tag, root);
      } else if (step.command) {
        if (step.job === 'github-release') writeFileSync(notesFile, `${notes}\n`);
        run(step.command, false, root);
      }
    }
  }
  if (dryRun) process.stdout.write(`release notes:\n${notes}\n`);
  return 0;
}

function safeTags(root: string): string[] {
  try {
    return run(['git', 'tag', '--list', 'v*'], false, root, true).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`);
    const parseError = String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    process.exitCode = error instanceof UsageError || parseError ? 2 : 1;
  }
}
