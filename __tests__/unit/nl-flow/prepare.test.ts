import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/config.ts';
import { parseConfig } from '../../../src/config/parse.ts';
import { inputErrorOf } from '../../support/input-error.ts';
import { nlFlowProvider } from '../../../src/providers/nl-flow.ts';
import { resolveWorkflows, statusUrl } from '../../../src/providers/nl-flow/target.ts';

const DASHBOARD = 'https://nlflow.example.com/api/v1/runtime/workflow/6b1e3c6a-77f2-4a51/action/status';

function config(inputs: Record<string, string>): Config {
  const all: Record<string, string> = { provider: 'nl-flow', 'api-key': 'k3y-for-tests', ...inputs };
  return parseConfig((name) => all[name] ?? '');
}

const inputError = inputErrorOf;

describe('nl-flow prepare', () => {
  it('takes the host, with or without a trailing slash, and the ids', () => {
    for (const url of [
      'https://nlflow.example.com',
      'https://nlflow.example.com/',
      'https://nlflow.example.com/api/v1/',
    ]) {
      expect(nlFlowProvider.prepare(config({ url, id: 'wf-1, wf-2' }))).toMatchObject({
        targets: ['wf-1', 'wf-2'],
        endpoint: 'https://nlflow.example.com',
      });
    }
  });

  it('keeps a path prefix in front of the API', () => {
    const { base } = resolveWorkflows(config({ url: 'https://gw.example.com/nlflow/', id: 'wf' }));
    expect(statusUrl(base, 'wf')).toBe('https://gw.example.com/nlflow/api/v1/runtime/workflow/wf/action/status');
  });

  it('takes the workflow id from the dashboard status endpoint', () => {
    expect(nlFlowProvider.prepare(config({ url: DASHBOARD }))).toMatchObject({
      targets: ['6b1e3c6a-77f2-4a51'],
      endpoint: 'https://nlflow.example.com',
    });
    expect(nlFlowProvider.prepare(config({ url: `${DASHBOARD}/`, id: '6b1e3c6a-77f2-4a51' })).targets).toEqual([
      '6b1e3c6a-77f2-4a51',
    ]);
  });

  it('decodes the id in the URL and encodes it again as one path segment', () => {
    const { base, ids } = resolveWorkflows(
      config({ url: 'http://h:8080/api/v1/runtime/workflow/a%2Fb%20c/action/status' }),
    );
    expect(ids).toEqual(['a/b c']);
    expect(statusUrl(base, 'a/b c')).toBe('http://h:8080/api/v1/runtime/workflow/a%2Fb%20c/action/status');
    expect(statusUrl(base, '../x?y#z')).toBe('http://h:8080/api/v1/runtime/workflow/..%2Fx%3Fy%23z/action/status');
  });

  it('is an input error when id and the id in the URL differ', () => {
    const error = inputError(() => nlFlowProvider.prepare(config({ url: DASHBOARD, id: 'other' })));
    expect(error.input).toBe('id');
    expect(error.message).toBe(
      "Input 'id' ('other') differs from the workflow id in 'url' ('6b1e3c6a-77f2-4a51'): leave 'id' empty, or give the runtime's host as 'url' to watch several workflows.",
    );
  });

  it('needs an id when the URL is only the host', () => {
    const error = inputError(() => nlFlowProvider.prepare(config({ url: 'https://nlflow.example.com' })));
    expect(error.input).toBe('id');
    expect(error.message).toContain('workflow status endpoint copied from the NL Flow dashboard');
  });

  it('needs the api key, and never names its value', () => {
    const noKey = parseConfig(
      (name) => ({ provider: 'nl-flow', url: DASHBOARD, token: 'a-bearer-token' })[name as string] ?? '',
    );
    const error = inputError(() => nlFlowProvider.prepare(noKey));
    expect(error.input).toBe('api-key');
    expect(error.message).toBe(
      "Input 'api-key' is required for nl-flow: the API key associated with the workflow, sent as X-API-KEY.",
    );
  });

  it('is an input error for a malformed percent-encoding in the URL id', () => {
    const error = inputError(() =>
      nlFlowProvider.prepare(config({ url: 'https://h/api/v1/runtime/workflow/%E0%A4/action/status' })),
    );
    expect(error.input).toBe('url');
  });

  it('cannot trigger a deploy', () => {
    expect(nlFlowProvider.canTrigger).toBe(false);
  });
});

describe('nl-flow ids that are path tricks', () => {
  it.each(['.', '..'])('refuses %j before any request', (id) => {
    expect(() => nlFlowProvider.prepare(config({ url: 'https://nlflow.example.com', id }))).toThrow(
      /would address another path on the server/,
    );
  });
});
