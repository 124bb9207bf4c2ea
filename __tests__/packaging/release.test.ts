/** The release script (scripts/release.ts): its checks, and its dry run as the release workflow would call it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  changelogSection,
  checkRelease,
  movesMajorTag,
  parseReleaseTag,
  releasePlan,
  type ReleaseTag
} from '../../scripts/release.js';

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

- not yet

## [1.2.0] - 2027-03-01

### Added

- a thing

## [1.1.0] - 2027-01-15

- an older thing

[1.2.0]: https://example.com/compare/v1.1.0...v1.2.0
`;

const tag = (name: string): ReleaseTag => {
  const parsed = parseReleaseTag(name);
  if (!parsed) throw new Error(`test tag ${name} does not parse`);
  return parsed;
};

describe('release tags', () => {
  it('parses vX.Y.Z and pre-releases, with the major tag and the npm dist-tag', () => {
    expect(tag('v1.2.3')).toEqual({
      tag: 'v1.2.3',
      version: '1.2.3',
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: undefined,
      majorTag: 'v1',
      npmDistTag: 'latest'
    });
    expect(tag('v2.0.0-rc.1')).toMatchObject({ version: '2.0.0-rc.1', majorTag: 'v2', npmDistTag: 'next' });
  });

  it.each(['1.2.3', 'v1.2', 'v01.2.3', 'v1.2.3.4', 'v1', 'latest', 'v1.2.3+build'])('refuses %s', (name) => {
    expect(parseReleaseTag(name)).toBeUndefined();
  });

  it('moves the major tag only for the newest release of that major, never for a pre-release', () => {
    const existing = ['v1.0.0', 'v1.1.0', 'v1.2.0-rc.1', 'v2.0.0', 'not-a-tag'];
    expect(movesMajorTag(tag('v1.1.1'), existing)).toBe(true);
    expect(movesMajorTag(tag('v1.0.1'), existing)).toBe(false);
    expect(movesMajorTag(tag('v2.1.0-rc.1'), existing)).toBe(false);
    expect(movesMajorTag(tag('v3.0.0'), existing)).toBe(true);
  });
});

describe('changelog sections', () => {
  it('extracts one version section without its heading or the link definitions', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toEqual({ date: '2027-03-01', notes: '### Added\n\n- a thing' });
    expect(changelogSection(CHANGELOG, '1.1.0')).toEqual({ date: '2027-01-15', notes: '- an older thing' });
    expect(changelogSection(CHANGELOG, '1.0.0')).toBeUndefined();
  });

  it('does not take 1.2.0 for 1.2.00 or 1x2x0 (the version is matched literally)', () => {
    expect(changelogSection(CHANGELOG.replace('[1.2.0]', '[1x2x0]'), '1.2.0')).toBeUndefined();
  });

  it('reads the repository changelog: 1.0.0 is there and still unreleased', () => {
    expect(changelogSection(readFileSync('CHANGELOG.md', 'utf8'), '1.0.0')?.date).toBe('Unreleased');
  });
});

describe('checkRelease', () => {
  const inputs = {
    tag: 'v1.2.0',
    packageJson: JSON.stringify({ version: '1.2.0' }),
    versionTs: "export const VERSION = '1.2.0';\n",
    changelog: CHANGELOG
  };

  it('accepts a tag that matches both versions and has a dated section, and returns its notes', () => {
    expect(checkRelease(inputs)).toEqual({ tag: tag('v1.2.0'), notes: '### Added\n\n- a thing', problems: [] });
  });

  it('lists every mismatch at once', () => {
    const result = checkRelease({
      ...inputs,
      tag: 'v1.3.0',
      packageJson: JSON.stringify({ version: '1.2.0' })
    });
    expect(result.problems).toEqual([
      'tag v1.3.0 does not match package.json version 1.2.0: set both to 1.3.0',
      'tag v1.3.0 does not match src/version.ts VERSION 1.2.0: set it to 1.3.0',
      'CHANGELOG.md has no "## [1.3.0] - YYYY-MM-DD" section: add the release notes'
    ]);
  });

  it('refuses a section still marked Unreleased, and a tag that is not a version', () => {
    const unreleased = CHANGELOG.replace('## [1.2.0] - 2027-03-01', '## [1.2.0] - Unreleased');
    expect(checkRelease({ ...inputs, changelog: unreleased }).problems).toEqual([
      'CHANGELOG.md marks 1.2.0 "Unreleased": replace it with the release date (YYYY-MM-DD) before tagging'
    ]);
    expect(checkRelease({ ...inputs, tag: 'release-1' }).problems).toEqual([
      '"release-1" is not a release tag: expected vX.Y.Z (semantic version), e.g. v1.0.0'
    ]);
  });
});

describe('releasePlan', () => {
  it('verifies, releases on GitHub, moves the major tag and publishes with provenance', () => {
    const steps = releasePlan(tag('v1.2.0'), { movesMajorTag: true, notesFile: '/tmp/notes.md' });
    expect(steps.map((s) => s.job)).toEqual([
      'verify',
      'verify',
      'verify',
      'verify',
      'verify',
      'github-release',
      'github-release',
      'npm-publish'
    ]);
    expect(steps.find((s) => s.command?.[0] === 'gh')?.command).toEqual([
      'gh',
      'release',
      'create',
      'v1.2.0',
      '--verify-tag',
      '--title',
      'v1.2.0',
      '--notes-file',
      '/tmp/notes.md'
    ]);
    expect(steps.some((s) => s.text.startsWith('move v1 to the commit of v1.2.0'))).toBe(true);
    expect(steps.at(-1)?.command).toEqual(['npm', 'publish', '--provenance', '--access', 'public', '--tag', 'latest']);
  });

  it('a pre-release: marked as such, no major tag, npm dist-tag next', () => {
    const steps = releasePlan(tag('v2.0.0-rc.1'), { movesMajorTag: false, notesFile: 'n.md' });
    expect(steps.find((s) => s.command?.[0] === 'gh')?.command).toContain('--prerelease');
    expect(steps.some((s) => s.text.startsWith('move '))).toBe(false);
    expect(steps.at(-1)?.command).toContain('next');
  });
});

describe('the dry run (as the workflow calls the script)', () => {
  function fixture(version: string, changelogDate: string): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dwg-release-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'x', version }));
    writeFileSync(path.join(root, 'src/version.ts'), `export const VERSION = '${version}';\n`);
    writeFileSync(path.join(root, 'CHANGELOG.md'), `# Changelog\n\n## [${version}] - ${changelogDate}\n\n- first\n`);
    return root;
  }

  function release(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(
      process.execPath,
      ['--import', './scripts/register-ts.mjs', 'scripts/release.ts', ...args],
      {
        encoding: 'utf8',
        timeout: 20_000,
        env: { PATH: process.env.PATH ?? '' }
      }
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('prints the planned steps and the notes, and changes nothing', () => {
    const root = fixture('1.0.0', '2027-01-04');
    const run = release(['plan', '--tag', 'v1.0.0', '--root', root]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('release v1.0.0: version 1.0.0, major tag v1, npm dist-tag latest (dry run');
    expect(run.stdout).toMatch(/verify:\n {2}check {2}tag v1\.0\.0 matches package\.json and src\/version\.ts/);
    expect(run.stdout).toContain('run    rebuild dist/: npm run bundle');
    expect(run.stdout).toContain('gh release create v1.0.0 --verify-tag --title v1.0.0 --notes-file ');
    expect(run.stdout).toContain('move v1 to the commit of v1.0.0');
    expect(run.stdout).toContain('npm publish --provenance --access public --tag latest');
    expect(run.stdout.endsWith('release notes:\n- first\n')).toBe(true);
  });

  it('takes the tag from GITHUB_REF_NAME and fails with every problem when the release is not ready', () => {
    const root = fixture('1.0.0', 'Unreleased');
    const result = spawnSync(
      process.execPath,
      ['--import', './scripts/register-ts.mjs', 'scripts/release.ts', 'verify', '--dry-run', '--root', root],
      { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', GITHUB_REF_NAME: 'v1.0.1' } }
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'release v1.0.1 is not ready:\n' +
        '- tag v1.0.1 does not match package.json version 1.0.0: set both to 1.0.1\n' +
        '- tag v1.0.1 does not match src/version.ts VERSION 1.0.0: set it to 1.0.1\n' +
        '- CHANGELOG.md has no "## [1.0.1] - YYYY-MM-DD" section: add the release notes\n'
    );
  });

  it('prints the notes alone for `notes`, and a usage error for an unknown step', () => {
    const root = fixture('1.0.0', '2027-01-04');
    expect(release(['notes', '--tag', 'v1.0.0', '--root', root]).stdout).toBe('- first\n');
    const bad = release(['publish-everything', '--tag', 'v1.0.0', '--root', root]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^release: usage: release\.ts <plan\|verify\|github-release\|npm-publish\|notes>/);
  });
});
