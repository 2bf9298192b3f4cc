/**
 * action.yml is what the runner reads: its input and output names must be the ones the code
 * uses, and its defaults the ones SPEC promises and the parser applies when an input is empty.
 */
import { describe, expect, it } from 'vitest';
import { INPUT, OUTPUT, type InputName } from '../../../src/config/inputs.ts';
import { parseConfig } from '../../../src/config/parse.ts';
import { entries, scalars } from '../../support/action-yml.ts';

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
  'skip-unchanged': 'false',
  'max-parallel': '8',
  'allow-degraded': 'false',
  'fail-on-not-ready': 'true',
  summary: 'true',
  'github-token': '${{ github.token }}',
  'pr-comment': 'false',
  'aws-service': 'es',
};

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
