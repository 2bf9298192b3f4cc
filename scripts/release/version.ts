/** Release versions as the release workflow uses them: `1.2.3`, its tag `v1.2.3`, its major tag `v1`. */

export interface ReleaseVersion {
  /** without the leading `v`: `1.2.3`, `1.3.0-rc.1` */
  version: string;
  tag: string;
  majorTag: string;
  /** `X.Y.Z-…`: released, but the major tag does not move to it */
  prerelease: boolean;
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** Accepts `1.2.3` (a manual run's input) and `v1.2.3` (a pushed tag's name). */
export function parseReleaseVersion(text: string): ReleaseVersion {
  const trimmed = text.trim();
  const match = SEMVER.exec(trimmed);
  if (!match) {
    throw new Error(`'${text}' is not a release version: expected X.Y.Z or vX.Y.Z (X.Y.Z-rc.1 for a pre-release).`);
  }
  const version = trimmed.replace(/^v/, '');
  return { version, tag: `v${version}`, majorTag: `v${match[1]}`, prerelease: match[4] !== undefined };
}

/**
 * The major tag follows the newest stable release of its line: a pre-release, or a fix of an
 * older minor (v1.2.4 after v1.3.0), leaves it where it is.
 */
export function movesMajorTag(release: ReleaseVersion, existingTags: readonly string[]): boolean {
  if (release.prerelease) return false;
  const mine = stableNumbers(release.tag);
  if (!mine) return false;
  return existingTags.every((tag) => {
    const other = stableNumbers(tag);
    return !other || other[0] !== mine[0] || compareNumbers(other, mine) <= 0;
  });
}

function stableNumbers(tag: string): [number, number, number] | undefined {
  const match = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
