/** What a release of a requested version does, checked against the repository before anything is published. */
import { changelogSection } from './changelog.ts';
import { movesMajorTag, parseReleaseVersion, type ReleaseVersion } from './version.ts';

export interface ReleasePlan extends ReleaseVersion {
  /** whether `vX` is moved to this release */
  moveMajor: boolean;
  /** whether the tag is there already (pushed) or is created by the workflow (manual run) */
  tagExists: boolean;
}

export interface Repository {
  packageVersion: string;
  changelog: string;
  tags: readonly string[];
}

/** Throws, saying what to fix, when the tag, package.json and CHANGELOG.md do not agree. */
export function planRelease(requested: string, repository: Repository): ReleasePlan {
  const release = parseReleaseVersion(requested);
  if (repository.packageVersion !== release.version) {
    throw new Error(
      `package.json has version ${repository.packageVersion}, not ${release.version}: set "version": "${release.version}" before releasing ${release.tag}.`,
    );
  }
  if (changelogSection(repository.changelog, release.version) === undefined) {
    throw new Error(
      `CHANGELOG.md has no entries under '## [${release.version}]': move them there from '## [Unreleased]' before releasing ${release.tag}.`,
    );
  }
  return {
    ...release,
    moveMajor: movesMajorTag(release, repository.tags),
    tagExists: repository.tags.includes(release.tag),
  };
}

/** The plan as `name=value` lines, the format of `$GITHUB_OUTPUT`. */
export function planOutputs(plan: ReleasePlan): string {
  const outputs: Record<string, string> = {
    version: plan.version,
    tag: plan.tag,
    'major-tag': plan.majorTag,
    prerelease: String(plan.prerelease),
    'move-major': String(plan.moveMajor),
    'tag-exists': String(plan.tagExists),
  };
  return Object.entries(outputs)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}
