/** action.yml read the way the runner reads it, for the tests that tie it to the code. */
import { readFileSync } from 'node:fs';

const ACTION_YML = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');

/**
 * The lines of one top-level section (`inputs:`), up to the next top-level key. No YAML library
 * is needed for action.yml's plain two-level layout.
 */
function sectionLines(name: string): string[] {
  const lines = ACTION_YML.split('\n');
  const start = lines.indexOf(`${name}:`);
  if (start < 0) throw new Error(`action.yml has no '${name}:' section`);
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const unquote = (value: string): string =>
  /^'.*'$/.test(value) ? value.slice(1, -1).replace(/''/g, "'") : /^".*"$/.test(value) ? value.slice(1, -1) : value;

/** `inputs:`/`outputs:` → entry name → its fields (`default`, `required`…). */
export function entries(section: string): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of sectionLines(section)) {
    const entry = /^ {2}([\w-]+):\s*$/.exec(line);
    if (entry) found.set(entry[1] as string, (current = {}));
    const field = /^ {4}([\w-]+):\s*(.*?)\s*$/.exec(line);
    if (field && current) current[field[1] as string] = unquote(field[2] as string);
  }
  return found;
}

/** `runs:` → `using` → `node24` */
export function scalars(section: string): Record<string, string> {
  const pairs = sectionLines(section).flatMap((line) => {
    const pair = /^ {2}([\w-]+):\s*(\S.*?)\s*$/.exec(line);
    return pair ? [[pair[1] as string, unquote(pair[2] as string)]] : [];
  });
  return Object.fromEntries(pairs);
}
