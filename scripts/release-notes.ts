/**
 * `node scripts/release-notes.ts X.Y.Z` prints the CHANGELOG.md section of X.Y.Z (of the current
 * directory): the notes of the GitHub release vX.Y.Z. Fails when the section is missing or empty.
 */
import { readFileSync } from 'node:fs';
import { changelogSection } from './release/changelog.ts';
import { parseReleaseVersion } from './release/version.ts';

try {
  const { version } = parseReleaseVersion(process.argv[2] ?? '');
  const notes = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version);
  if (notes === undefined) throw new Error(`CHANGELOG.md has no entries under '## [${version}]'.`);
  process.stdout.write(`${notes}\n`);
} catch (error) {
  console.error(`release-notes: ${(error as Error).message}`);
  process.exitCode = 1;
}
