/** CONTRIBUTING's "How to add a provider" follows the provider interface as it is in the sources. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

const section = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`\n${heading}\n`);
  const end = markdown.indexOf('\n## ', start + heading.length + 2);
  return start < 0 ? '' : markdown.slice(start, end < 0 ? undefined : end);
};

/** The member names of one exported interface, read from its source text. */
function membersOf(source: string, name: string): string[] {
  const body = new RegExp(`^export interface ${name}\\b[^{]*\\{\\n([\\s\\S]*?)^\\}`, 'm').exec(source)?.[1] ?? '';
  return [...body.matchAll(/^ {2}(?:readonly )?(\w+)\??[(:]/gm)].map((match) => match[1] ?? '');
}

describe('CONTRIBUTING: how to add a provider', () => {
  const howTo = section(read('CONTRIBUTING.md'), '## How to add a provider');
  const types = read('src/providers/types.ts');

  it.each(['Provider', 'PreparedRun', 'ProviderSession'])('names every member of %s', (name) => {
    const members = membersOf(types, name);
    expect(members.length).toBeGreaterThan(0);
    expect(members.filter((member) => !howTo.includes(`\`${member}\``))).toEqual([]);
  });

  it('points at files that exist', () => {
    const paths = [...howTo.matchAll(/`((?:src|sim|scripts|__tests__)\/[\w./-]+\.ts)`/g)].map(
      (match) => match[1] ?? '',
    );
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
