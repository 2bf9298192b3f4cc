import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse.ts';
import { fillPlaceholders, loadTemplate, loadYamlParser } from '../../../src/providers/opensearch/template.ts';
import { opensearchProvider } from '../../../src/providers/opensearch.ts';
import { inputErrorOf } from '../../support/input-error.ts';

let workspace = '';
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'await-deploy-template-'));
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

describe('placeholders', () => {
  it('fills the keys of parameters everywhere, and leaves step outputs and unknown keys alone', () => {
    const template = {
      name: 'n',
      list: ['${{ key }}', 7, true, null],
      nested: { a: 'x-${{key}}-${{ other.step_output }}-${{ missing }}' },
    };
    expect(fillPlaceholders(template, { key: 'V', constructor: 'no' })).toEqual({
      name: 'n',
      list: ['V', 7, true, null],
      nested: { a: 'x-V-${{ other.step_output }}-${{ missing }}' },
    });
  });

  it('puts a value in as it is, even with $ patterns in it', () => {
    expect(fillPlaceholders('${{ k }}', { k: "$& $1 $$ '" })).toBe("$& $1 $$ '");
  });
});

// As a run does: the provider's loader loads the parser when there is a template.
beforeAll(() => loadYamlParser());

describe('loading a template', () => {
  it('reads a .yml file of the workspace and sends it as JSON', () => {
    mkdirSync(join(workspace, 'flows'));
    writeFileSync(
      join(workspace, 'flows', 't.yml'),
      'name: my-flow\nworkflows: {provision: {nodes: [{id: a}, {id: b}]}}\nkey: ${{ k }}\n',
    );
    expect(loadTemplate('flows/t.yml', workspace, { k: 'v' })).toEqual({
      name: 'my-flow',
      body: '{"name":"my-flow","workflows":{"provision":{"nodes":[{"id":"a"},{"id":"b"}]}},"key":"v"}',
      provisionSteps: 2,
    });
  });

  it('takes inline JSON and inline YAML', () => {
    expect(loadTemplate('{"name":"a"}', workspace, {}).name).toBe('a');
    expect(loadTemplate('name: b\ndescription: c\n', workspace, {}).body).toBe('{"name":"b","description":"c"}');
  });

  it.each([
    ['../outside.json', 'outside the workspace'],
    ['/etc/hosts.json', 'outside the workspace'],
    ['missing.json', 'cannot be read in the workspace'],
    ['name: [', 'is not valid YAML'],
    ['{"name": ', 'is not valid JSON'],
    ['- a\n- b', 'is not a workflow template'],
    ['{"description":"no name"}', "has no 'name'"],
    ['name: "  "\n', "has no 'name'"],
    ['name: a\nname: b\n', 'is not valid YAML'],
  ])('%s is an input error: %s', (text, message) => {
    const error = inputErrorOf(() => loadTemplate(text, workspace, {}));
    expect(error.input).toBe('template');
    expect(error.message).toContain(message);
  });

  it('refuses a link inside the workspace that leads outside it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'await-deploy-outside-'));
    writeFileSync(join(outside, 't.json'), '{"name":"x"}');
    symlinkSync(join(outside, 't.json'), join(workspace, 'link.json'));
    expect(inputErrorOf(() => loadTemplate('link.json', workspace, {})).message).toContain('outside the workspace');
    rmSync(outside, { recursive: true, force: true });
  });

  it('never quotes the template in a parse error (it may hold secrets)', () => {
    const error = inputErrorOf(() => loadTemplate('name: x\nkey: "sk-Secret-Value-123\n', workspace, {}));
    expect(error.message).not.toContain('sk-Secret');
  });
});

describe('OpenSearch template and use-case inputs', () => {
  const configOf = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
    parseConfig((name) => inputs[name] ?? '', env);
  const prepare = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: workspace }) => {
    const all: Record<string, string> = {
      provider: 'opensearch-flow-framework',
      url: 'https://search.example:9200',
      ...inputs,
    };
    return opensearchProvider.prepare(parseConfig((name) => all[name] ?? '', env));
  };

  it('a template needs no id, implies deploy, and masks every parameter value but the very short ones', () => {
    const config = configOf({ provider: 'opensearch-flow-framework', url: 'https://x', template: '{"name":"a"}' });
    expect(config.deploy).toBe(true);
    expect(
      prepare({ template: '{"name":"a","k":"${{ key }}"}', parameters: 'key=s3cr3t-value\nother=four\nreplicas=1' }),
    ).toMatchObject({
      targets: [],
      secrets: ['s3cr3t-value', 'four'],
    });
  });

  it.each([
    [{ template: '{"name":"a"}', id: 'a,b' }, 'id', 'names one workflow at most'],
    [{ 'use-case': 'semantic_search', id: 'a' }, 'id', 'is not used with'],
    [{ template: '{"name":"a"}', 'use-case': 'semantic_search' }, 'use-case', 'exclude each other'],
    [{ 'use-case': 'Semantic Search!' }, 'use-case', 'expected a use case name'],
    [{ id: 'a', parameters: 'k=v' }, 'parameters', "fills a 'template' or a 'use-case'"],
    [{ template: '{"name":"a"}', parameters: 'not a pair' }, 'parameters', "line 1 is not of the form 'key=value'"],
  ])('%j is an input error of %s', (inputs, input, message) => {
    const error = inputErrorOf(() => prepare(inputs));
    expect(error.input).toBe(input);
    expect(error.message).toContain(message);
  });

  it('is an input error for another provider', () => {
    const error = inputErrorOf(() => configOf({ provider: 'installer', url: 'https://x', template: 't.json' }));
    expect(error).toMatchObject({
      input: 'template',
      message: expect.stringContaining("for provider 'opensearch-flow-framework' only"),
    });
  });
});
