/** Reads CHANGELOG.md, written as Keep a Changelog says (https://keepachangelog.com/en/1.1.0/). */

const SECTION_HEADING = /^## \[?v?([^\]\s]+)\]?(?:\s|$)/;
const LINK_DEFINITION = /^\[[^\]]+\]:\s*\S+/;
const SUBHEADING = /^###\s/;

/**
 * The notes of one version: the lines under `## [X.Y.Z] - date` up to the next `## ` heading,
 * without the link definitions that close the file. A section with no entry (only its `###`
 * headings) has no notes: a release must say what it changed.
 */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => SECTION_HEADING.exec(line)?.[1] === version);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const next = rest.findIndex((line) => SECTION_HEADING.test(line));
  const body = (next < 0 ? rest : rest.slice(0, next)).filter((line) => !LINK_DEFINITION.test(line));
  const hasEntry = body.some((line) => line.trim() !== '' && !SUBHEADING.test(line));
  return hasEntry ? body.join('\n').trim() : undefined;
}
