/**
 * action.yml is what the runner reads: its input and output names must be the ones the code
 * uses, and its defaults the ones SPEC promises and the parser applies when an input is empty.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT, OUTPUT, type InputName } from '../../../src/config/inputs.ts';
import { parseConfig } from '../../../src/config/parse.ts';

const ACTION_YML = readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8');

/** SPEC "Inputs": every input with a default, and that default. */
const SPEC_DEFAULTS: Record<string, string> = {
  deploy: 'false',
  version: 'active',
  'artifact-type': 'integration-flow',
  timeout: '10m',
  interval: '5s',
  'max-interval': '30s',
  backoff: '1.5',
  'request-timeout': '30s',
  'discovery-timeout': '0s',
  'stall-timeout': '0s',
  'allow-degraded': 'false',
  'fail-on-not-ready': 'true',
  summary: 'true',
  'github-token': '${{ github.token }}',
  'pr-comment': 'false',
  'aws-service': 'es',
};

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
function entries(section: string): Map<string, Record<string, string>> {
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
function scalars(section: string): Record<string, string> {
  const pairs = sectionLines(section).flatMap((line) => {
    const pair = /^ {2}([\w-]+):\s*(\S.*?)\s*$/.exec(line);
    return pair ? [[pair[1] as string, unquote(pair[2] as string)]] : [];
  });
  return Object.fromEntries(pairs);
}

const sorted = (names: Iterable<string>): string[] => [...names].sort();
const inputs = entries('inputs');
const defaultsInActionYml = Object.fromEntries(
  [...inputs].flatMap(([name, fields]) => (fields.default === undefined ? [] : [[name, fields.default]])),
);

describe('action.yml', () => {
  it('declares exactly the inputs the code reads', () => {
    expect(inputs.size).toBeGreaterThan(0);
    expect(sorted(inputs.keys())).toEqual(sorted(Object.values(INPUT)));
  });

  it('declares exactly the outputs the code writes', () => {
    expect(sorted(entries('outputs').keys())).toEqual(sorted(Object.values(OUTPUT)));
  });

  it('runs the bundle on node24', () => {
    expect(scalars('runs')).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('requires provider only', () => {
    const required = [...inputs].filter(([, fields]) => fields.required === 'true').map(([name]) => name);
    expect(required).toEqual([INPUT.provider]);
  });

  it('has the defaults of SPEC', () => {
    expect(defaultsInActionYml).toEqual(SPEC_DEFAULTS);
  });

  it('has the defaults the parser applies to an empty input', () => {
    const base: Partial<Record<InputName, string>> = {
      provider: 'opensearch-flow-framework',
      url: 'https://search.example:9200',
      id: 'wf-1',
    };
    // `${{ github.token }}` is filled in by the runner; the parser never sees it.
    const literalDefaults = Object.fromEntries(
      Object.entries(defaultsInActionYml).filter(([, value]) => !value.startsWith('${{')),
    );
    expect(Object.keys(literalDefaults).length).toBeGreaterThan(10);
    const parse = (given: Partial<Record<string, string>>) => parseConfig((name) => given[name] ?? '');
    expect(parse({ ...base, ...literalDefaults })).toEqual(parse(base));
  });
});
