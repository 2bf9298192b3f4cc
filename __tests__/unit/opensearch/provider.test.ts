import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse.ts';
import { inputErrorOf } from '../../support/input-error.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import { opensearchProvider } from '../../../src/providers/opensearch.ts';
import { json, startServer, type SimServer } from '../../../sim/server.ts';

const prepare = (inputs: Record<string, string>) => {
  const all: Record<string, string> = {
    provider: 'opensearch-flow-framework',
    url: 'https://search.example:9200',
    id: 'wf-1',
    ...inputs,
  };
  return opensearchProvider.prepare(parseConfig((name) => all[name] ?? ''));
};

const inputErrorFor = (inputs: Record<string, string>) => inputErrorOf(() => prepare(inputs));

describe('OpenSearch inputs', () => {
  it('watches the ids at the given cluster', () => {
    expect(prepare({ id: 'wf-1\nwf-2' })).toEqual({
      targets: ['wf-1', 'wf-2'],
      endpoint: 'https://search.example:9200',
    });
  });

  it('refuses a password without a username, and a username without a password', () => {
    expect(inputErrorFor({ password: 'pw-123456' })).toMatchObject({
      input: 'username',
      message: "Input 'username' is required when 'password' is set.",
    });
    expect(inputErrorFor({ username: 'ci' })).toMatchObject({
      input: 'password',
      message: "Input 'password' is required when 'username' is set.",
    });
  });

  it('needs an id', () => {
    expect(inputErrorFor({ id: '' }).input).toBe('id');
  });
});

describe('OpenSearch status reads', () => {
  let server: SimServer | undefined;
  const http = createHttpClient();
  afterEach(async () => {
    await server?.close();
    await http.close();
  });

  it('refuse a COMPLETED answer about another workflow (never a success for this one)', async () => {
    server = await startServer(() => json(200, { workflow_id: 'someone-elses', state: 'COMPLETED' }));
    const all: Record<string, string> = { provider: 'opensearch-flow-framework', url: server.url, id: 'wf-mine' };
    const config = parseConfig((name) => all[name] ?? '');
    const session = opensearchProvider.open({ config, http, log: silentLogger, mask() {} });
    await expect(
      session.read('wf-mine', { signal: new AbortController().signal, timeoutMs: 5000 }),
    ).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining("the answer is about workflow 'someone-elses', not 'wf-mine'"),
    });
  });
});
