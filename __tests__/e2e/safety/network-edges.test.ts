/** SPEC "Waiting, errors, safety": redirects to metadata addresses, a proxy that wants credentials, header values HTTP cannot carry. */
import { describe, expect, it } from 'vitest';
import { runAction } from '../../../sim/run-action.ts';
import { basicAuthorization, json, startServer, type SimServer } from '../../../sim/server.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach } from '../../support/hostile.ts';
import { startConnectProxy, type TestProxy } from '../../unit/http/servers.ts';

const keep = closedAfterEach();

const COMPLETED = json(200, { workflow_id: 'wf-1', state: 'COMPLETED' });

async function server(handler: Parameters<typeof startServer>[0]): Promise<SimServer> {
  return keep(await startServer(handler));
}

async function proxy(options: Parameters<typeof startConnectProxy>[0] = {}): Promise<TestProxy> {
  return keep(await startConnectProxy(options));
}

const opensearch = (url: string, inputs: Record<string, string> = {}) => ({
  provider: 'opensearch-flow-framework',
  url,
  id: 'wf-1',
  ...FAST_INPUTS,
  timeout: '3s',
  ...inputs,
});

describe('network edges end to end', () => {
  it('a redirect to the cloud metadata address is not followed', async () => {
    const cluster = await server(() => ({
      status: 302,
      headers: { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' },
    }));
    // Every request goes through a recording proxy, which tunnels to 127.0.0.1 only: nothing reaches 169.254.x.
    const recording = await proxy();
    const run = await runAction({ inputs: opensearch(cluster.url), env: { HTTP_PROXY: recording.url } });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(
      /redirected to a link-local or cloud metadata address \(169\.254\.169\.254\); not followed/,
    );
    expect(recording.tunnels.filter((tunnel) => tunnel.startsWith('169.254.'))).toEqual([]);
    expect(recording.tunnels.length).toBeGreaterThan(0);
  });

  it('a proxy answering 407 is a permanent error that says the proxy wants credentials', async () => {
    const cluster = await server(() => COMPLETED);
    const corporate = await proxy({ proxyAuthorization: basicAuthorization('ci', 'proxy-Pa55-word') });
    const run = await runAction({ inputs: opensearch(cluster.url), env: { HTTP_PROXY: corporate.url } });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(/the proxy wants credentials \(HTTP 407\)/);
    expect(corporate.tunnels).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(3_000);

    const withCredentials = corporate.url.replace('http://', 'http://ci:proxy-Pa55-word@');
    const passed = await runAction({ inputs: opensearch(cluster.url), env: { HTTP_PROXY: withCredentials } });
    expect(passed.outputs.status).toBe('succeeded');
  });

  it('a token, api-key or header value HTTP cannot carry is an input error naming the input, before any request', async () => {
    const cluster = await server(() => COMPLETED);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ token: 'tok-\u2713-123456' }, /Input 'token' has a character HTTP cannot carry/],
      [{ provider: 'nl-flow', 'api-key': 'key-123456\u0007' }, /Input 'api-key' has a character HTTP cannot carry/],
      [
        { headers: 'X-Tenant: caf\u00e9-\u20ac' },
        /Input 'headers': line 1 \('X-Tenant'\) has a character HTTP cannot carry/,
      ],
    ];
    for (const [inputs, message] of cases) {
      const run = await runAction({ inputs: opensearch(cluster.url, inputs) });
      expect(run.exitCode).not.toBe(0);
      expect(run.stdout).toMatch(message);
    }
    expect(cluster.requests).toEqual([]);
  });
});
