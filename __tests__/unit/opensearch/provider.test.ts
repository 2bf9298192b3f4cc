import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse.ts';
import { inputErrorOf } from '../../support/input-error.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import type { HttpClient } from '../../../src/http/types.ts';
import { opensearchProvider } from '../../../src/providers/opensearch.ts';
import { fault, json, startServer, type Reply, type SimServer } from '../../../sim/server.ts';

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
    expect(prepare({ id: 'wf-1\nwf-2' })).toMatchObject({
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

describe('OpenSearch requests', () => {
  let server: SimServer | undefined;
  let http: HttpClient | undefined;
  const CALL = { signal: new AbortController().signal, timeoutMs: 5000 };
  afterEach(async () => {
    await server?.close();
    await http?.close();
  });

  async function sessionAt(url: (serverUrl: string) => string, reply: () => Reply) {
    server = await startServer(reply);
    const all: Record<string, string> = { provider: 'opensearch-flow-framework', url: url(server.url), id: 'wf-mine' };
    const config = parseConfig((name) => all[name] ?? '');
    http = createHttpClient();
    return opensearchProvider.prepare(config).open({ config, http, log: silentLogger, mask() {} });
  }

  it('refuse a COMPLETED answer about another workflow (never a success for this one)', async () => {
    const session = await sessionAt(
      (url) => url,
      () => json(200, { workflow_id: 'someone-elses', state: 'COMPLETED' }),
    );
    await expect(session.read('wf-mine', CALL)).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining("the answer is about workflow 'someone-elses', not 'wf-mine'"),
    });
  });

  it('do not take a login page answering the provision request for a started provisioning', async () => {
    const session = await sessionAt((url) => url, fault.htmlLogin);
    await expect(session.trigger?.('wf-mine', CALL)).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('got an HTML page'),
    });
  });

  it('leave the query and fragment of url out of the API paths', async () => {
    const session = await sessionAt(
      (url) => `${url}/search/?pretty#top`,
      () => json(200, { workflow_id: 'wf-mine', state: 'COMPLETED' }),
    );
    await session.read('wf-mine', CALL);
    expect(server?.requests[0]?.url).toBe('/search/_plugins/_flow_framework/workflow/wf-mine/_status?all=true');
  });
});
