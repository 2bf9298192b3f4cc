/** The release scripts: versions, the major tag, the CHANGELOG section, and the plan checked against a real git repository. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../../scripts/release/changelog.ts';
import { planOutputs, planRelease } from '../../scripts/release/plan.ts';
import { movesMajorTag, parseReleaseVersion } from '../../scripts/release/version.ts';
import { gitIn } from './scratch-git.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const script = (name: string): string => join(ROOT, 'scripts', name);

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

## [1.3.0] - 2026-12-10

### Added

- An input.

## [1.2.4] - 2026-12-09

### Fixed

- A false green.

## 1.2.3

### Fixed

- A leak.

[Unreleased]: https://github.com/await-deploy/await-deploy/compare/v1.3.0...HEAD
[1.3.0]: https://github.com/await-deploy/await-deploy/compare/v1.2.4...v1.3.0
`;

describe('parseReleaseVersion', () => {
  it('takes a tag name or a bare version', () => {
    expect(parseReleaseVersion('v1.2.3')).toEqual({
      version: '1.2.3',
      tag: 'v1.2.3',
      majorTag: 'v1',
      prerelease: false,
    });
    expect(parseReleaseVersion(' 12.0.1\n')).toEqual({
      version: '12.0.1',
      tag: 'v12.0.1',
      majorTag: 'v12',
      prerelease: false,
    });
    expect(parseReleaseVersion('v2.0.0-rc.1')).toEqual({
      version: '2.0.0-rc.1',
      tag: 'v2.0.0-rc.1',
      majorTag: 'v2',
      prerelease: true,
    });
  });

  it.each(['v1', 'v1.2', '1.2.3.4', 'v01.2.3', 'V1.2.3', 'v1.2.3+build', 'v1.2.3-', 'refs/tags/v1.2.3', ''])(
    'refuses %j',
    (text) => {
      expect(() => parseReleaseVersion(text)).toThrow(/is not a release version/);
    },
  );
});

describe('movesMajorTag', () => {
  const tags = ['v1', 'v1.2.3', 'v1.3.0', 'v1.4.0-rc.1', 'v2.0.0', 'release-9'];
  it('moves it to the newest stable release of the line', () => {
    expect(movesMajorTag(parseReleaseVersion('1.3.1'), tags)).toBe(true);
    expect(movesMajorTag(parseReleaseVersion('1.3.0'), tags)).toBe(true);
    expect(movesMajorTag(parseReleaseVersion('1.10.0'), tags)).toBe(true);
    expect(movesMajorTag(parseReleaseVersion('3.0.0'), tags)).toBe(true);
  });
  it('leaves it for a fix of an older minor and for a pre-release', () => {
    expect(movesMajorTag(parseReleaseVersion('1.2.4'), tags)).toBe(false);
    expect(movesMajorTag(parseReleaseVersion('1.4.0-rc.2'), tags)).toBe(false);
  });
});

describe('changelogSection', () => {
  it('gives the entries under the version heading, up to the next one', () => {
    expect(changelogSection(CHANGELOG, '1.3.0')).toBe('### Added\n\n- An input.');
    expect(changelogSection(CHANGELOG, '1.2.4')).toBe('### Fixed\n\n- A false green.');
  });
  it('reads a heading without brackets, and leaves the link definitions out of the last section', () => {
    expect(changelogSection(CHANGELOG, '1.2.3')).toBe('### Fixed\n\n- A leak.');
  });
  it('has nothing for an unknown version, a prefix of one, or a section with no entry', () => {
    expect(changelogSection(CHANGELOG, '9.9.9')).toBeUndefined();
    expect(changelogSection(CHANGELOG, '1.3')).toBeUndefined();
    expect(changelogSection(CHANGELOG, 'Unreleased')).toBeUndefined();
  });
  it('reads the CRLF files a Windows checkout may give', () => {
    expect(changelogSection(CHANGELOG.replaceAll('\n', '\r\n'), '1.2.4')).toBe('### Fixed\n\n- A false green.');
  });
});

describe('planRelease', () => {
  const repository = {
    packageVersion: '1.3.1',
    changelog: `${CHANGELOG}\n## [1.3.1]\n\n- A fix.\n`,
    tags: ['v1', 'v1.3.0'],
  };

  it('plans the release and the move of the major tag', () => {
    const plan = planRelease('v1.3.1', repository);
    expect(planOutputs(plan)).toBe(
      'version=1.3.1\ntag=v1.3.1\nmajor-tag=v1\nprerelease=false\nmove-major=true\ntag-exists=false\n',
    );
    expect(planRelease('1.3.1', { ...repository, tags: ['v1.3.1'] }).tagExists).toBe(true);
  });

  it('refuses a version package.json does not have', () => {
    expect(() => planRelease('v1.4.0', repository)).toThrow(
      'package.json has version 1.3.1, not 1.4.0: set "version": "1.4.0" before releasing v1.4.0.',
    );
  });

  it('refuses a version without CHANGELOG entries', () => {
    expect(() => planRelease('v1.3.1', { ...repository, changelog: CHANGELOG })).toThrow(
      "CHANGELOG.md has no entries under '## [1.3.1]'",
    );
  });
});

/** A scratch repository with the given package version and CHANGELOG, committed, and tags. */
function scratchRepository(version: string): { dir: string; git: (...args: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'release-plan-'));
  const git = gitIn(dir);
  git('init', '-q');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }));
  writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG);
  git('add', '.');
  git('commit', '-qm', 'one');
  return { dir, git };
}

const run = (name: string, args: string[], cwd: string) =>
  spawnSync(process.execPath, [script(name), ...args], { cwd, encoding: 'utf8' });

describe('scripts/release-plan.ts', () => {
  it('prints the outputs; a fix of an older minor leaves the major tag', () => {
    const { dir, git } = scratchRepository('1.2.4');
    git('tag', 'v1.3.0');
    git('commit', '-q', '--allow-empty', '-m', 'fix');
    const result = run('release-plan.ts', ['v1.2.4'], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'version=1.2.4\ntag=v1.2.4\nmajor-tag=v1\nprerelease=false\nmove-major=false\ntag-exists=false\n',
    );
    expect(result.status).toBe(0);
  });

  it('refuses a tag that points at another commit than the one being released', () => {
    const { dir, git } = scratchRepository('1.3.0');
    git('tag', 'v1.3.0');
    git('commit', '-q', '--allow-empty', '-m', 'later');
    const result = run('release-plan.ts', ['1.3.0'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'release-plan: v1.3.0 exists and points at another commit than the one being released.\n',
    );
    expect(result.status).toBe(1);
  });
});

describe('scripts/release-notes.ts', () => {
  it('prints the section of the version', () => {
    const { dir } = scratchRepository('1.3.0');
    const result = run('release-notes.ts', ['1.3.0'], dir);
    expect(result.stdout).toBe('### Added\n\n- An input.\n');
    expect(result.status).toBe(0);
  });

  it('fails, printing nothing, for a version without entries', () => {
    const { dir } = scratchRepository('1.3.0');
    const result = run('release-notes.ts', ['v2.0.0'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("release-notes: CHANGELOG.md has no entries under '## [2.0.0]'.\n");
    expect(result.status).toBe(1);
  });
});
