/** The NL Flow provider against the simulator, through the real HTTP client. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Snapshot } from '../../../src/core/types.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import type { HttpClient } from '../../../src/http/types.ts';
import { nlFlowProvider } from '../../../src/providers/nl-flow.ts';
import { DEMO_API_KEY, startNlFlowSimulator, type NlFlowSimulatorOptions } from '../../../sim/nl-flow.ts';
import type { SimServer } from '../../../sim/server.ts';

const CALL = { signal: new AbortController().signal, timeoutMs: 5_000 };

let sim: SimServer | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await sim?.close();
  sim = undefined;
  http = undefined;
});

async function open(
  options: NlFlowSimulatorOptions,
  inputs: (url: string) => Record<string, string> = (url) => ({ url, id: 'wf-1' }),
) {
  sim = await startNlFlowSimulator(options);
  http = createHttpClient();
  const all: Record<string, string> = { provider: 'nl-flow', 'api-key': DEMO_API_KEY, ...inputs(sim.url) };
  const config = parseConfig((name) => all[name] ?? '');
  const prepared = nlFlowProvider.prepare(config);
  const { targets } = prepared;
  const session = prepared.open({ config, http, log: silentLogger, mask() {} });
  return { sim, targets, read: (id = targets[0] ?? '') => session.read(id, CALL) };
}

async function readAll(read: () => Promise<Snapshot>, times: number): Promise<Snapshot[]> {
  const snapshots: Snapshot[] = [];
  for (let i = 0; i < times; i++) snapshots.push(await read());
  return snapshots;
}

describe('nl-flow session', () => {
  it('reads RED → ORANGE → YELLOW → GREEN with the API key, SYNC', async () => {
    const { sim, read } = await open({ scenario: 'sync-green' });
    const snapshots = await readAll(() => read(), 4);
    expect(snapshots.map((s) => [s.state, s.providerStatus, s.progress])).toEqual([
      ['in_progress', 'PUBLISHED/RED/SYNC', 25],
      ['in_progress', 'PUBLISHED/ORANGE/SYNC', 50],
      ['degraded', 'PUBLISHED/YELLOW/SYNC', 75],
      ['succeeded', 'PUBLISHED/GREEN/SYNC', 100],
    ]);
    expect(snapshots[3]?.components?.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'stream:benthos',
      'service:knowledge-m-f252bb2b',
      'service:outprod-4b54ca80',
    ]);
    for (const request of sim.requests) {
      expect(request).toMatchObject({ method: 'GET', url: '/api/v1/runtime/workflow/wf-1/action/status' });
      expect(request.headers['x-api-key']).toBe(DEMO_API_KEY);
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it('also sends `token` as a bearer token, for a gateway in front of the runtime', async () => {
    const { sim, read } = await open({ scenario: 'sync-green' }, (url) => ({ url, id: 'wf-1', token: 'gw-token-1' }));
    await read();
    expect(sim.requests[0]?.headers).toMatchObject({ 'x-api-key': DEMO_API_KEY, authorization: 'Bearer gw-token-1' });
  });

  it('says an ASYNC workflow that is ORANGE is degraded: it takes queued tasks', async () => {
    const { read } = await open({ scenario: 'async-green' });
    const [, orange] = await readAll(() => read(), 2);
    expect(orange).toMatchObject({ state: 'degraded', providerStatus: 'PUBLISHED/ORANGE/ASYNC' });
    expect(orange?.message).toContain('ASYNC: usable already, analysis tasks are queued');
  });

  it('names the unschedulable replica', async () => {
    const { read } = await open({ scenario: 'unschedulable' });
    expect((await read()).message).toContain('knowledge-m-f252bb2b: Unschedulable: 0/2 nodes are available');
  });

  it('reads the workflow named by the dashboard endpoint, its id encoded as one segment', async () => {
    const { sim, targets, read } = await open({ scenario: 'unpublished' }, (url) => ({
      url: `${url}/api/v1/runtime/workflow/team%2Fwf%201/action/status`,
    }));
    expect(targets).toEqual(['team/wf 1']);
    expect(await read()).toMatchObject({ state: 'inactive', providerStatus: 'UNPUBLISHED/GREEN/ASYNC' });
    expect(sim.requests[0]?.url).toBe('/api/v1/runtime/workflow/team%2Fwf%201/action/status');
  });

  it('404 without a body is not_found: never published, or wrong id', async () => {
    const { read } = await open({ scenario: 'not-found' });
    expect(await read()).toEqual({
      state: 'not_found',
      providerStatus: 'NOT_FOUND',
      message: 'workflow wf-1 not found: never published, or wrong id',
    });
  });

  it('an HTML page, an empty body: permanent errors, never success', async () => {
    const html = await open({ scenario: 'html-login' });
    await expect(html.read()).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('got an HTML page'),
    });
    await http?.close();
    await sim?.close();
    const empty = await open({ scenario: 'empty-body' });
    await expect(empty.read()).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('empty body'),
    });
  });

  it('a body without desiredStatus/actualStatus is unknown', async () => {
    const { read } = await open({ scenario: 'no-status' });
    expect(await read()).toMatchObject({ state: 'unknown', message: 'the status has no desiredStatus' });
  });

  it('a wrong API key is a permanent 401 that does not show the key', async () => {
    const { read } = await open({ scenario: 'sync-green', apiKey: 'the-real-key' });
    const error = (await read().catch((e: unknown) => e)) as Error & { kind: string; status: number };
    expect(error).toMatchObject({ kind: 'permanent', status: 401 });
    expect(error.message).toMatch(/check the credentials/);
    expect(error.message).not.toContain(DEMO_API_KEY);
  });

  it('plays each workflow its own scenario', async () => {
    const { read } = await open({ scenario: 'sync-green', workflows: { 'wf-off': 'unpublished' } }, (url) => ({
      url,
      id: 'wf-1, wf-off',
    }));
    expect((await read('wf-off')).state).toBe('inactive');
    expect((await read('wf-1')).providerStatus).toBe('PUBLISHED/RED/SYNC');
  });
});
