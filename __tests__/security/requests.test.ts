/**
 * What leaves the runner and what comes back into the report: no credential follows a redirect to
 * another origin, ids reach the provider exactly as given, provider text is escaped in the summary, and
 * a body over the size limit ends the run with a clear error without being downloaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultProxy } from '../../sim/faults.ts';
import { startNlFlowSimulator } from '../../sim/nl-flow.ts';
import { startOpenSearchSimulator, status } from '../../sim/opensearch.ts';
import { runAction } from '../../sim/run-action.ts';
import { literal, startSapSimulator } from '../../sim/sap.ts';
import { json, startServer, type SimServer } from '../../sim/server.ts';

const FAST = { interval: '50ms', 'max-interval': '100ms', 'request-timeout': '2s', timeout: '5s' };
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function started<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  servers.push(await server);
  return servers.at(-1) as T;
}

const ANSWER_FOR = {
  'opensearch-flow-framework': () => status('wf-1', 'COMPLETED'),
  'nl-flow': () =>
    json(200, { desiredStatus: 'PUBLISHED', actualStatus: 'GREEN', publishingMode: 'SYNC', details: {} }),
  installer: () => json(200, { status: 'completed', session: { id: 's-1', status: 'completed', progress: 100 } }),
};

describe('a redirect to another origin', () => {
  it.each([
    ['opensearch-flow-framework', { id: 'wf-1', username: 'ci', password: 'os-Redirect-Pa55' }],
    ['nl-flow', { id: 'wf-1', 'api-key': 'nl-Redirect-Key-55' }],
    ['installer', { token: 'zs-Redirect-Token-55' }],
  ] as const)('%s: carries no Authorization, X-API-KEY or cookie', async (provider, credentials) => {
    const elsewhere = await started(startServer(ANSWER_FOR[provider]));
    const origin = await started(
      startServer((request) => ({
        status: 302,
        headers: { location: `${elsewhere.url.replace('127.0.0.1', 'localhost')}${request.url}` },
      })),
    );
    const run = await runAction({
      inputs: {
        provider,
        url: origin.url,
        ...credentials,
        headers: 'Cookie: session=Sess-Secret-81\nX-Tenant: acme',
        ...FAST,
      },
    });
    expect(origin.requests.length).toBeGreaterThan(0);
    expect(origin.requests[0]?.headers).toMatchObject({ cookie: 'session=Sess-Secret-81' });
    expect(elsewhere.requests.length).toBeGreaterThan(0);
    for (const request of elsewhere.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers['x-tenant']).toBeUndefined();
    }
    expect(run.outputs.status).toBe('succeeded');
  });
});

describe('credentials derived from the inputs', () => {
  it('are masked: the Basic credential and header values that look like credentials', async () => {
    const sim = await started(
      startOpenSearchSimulator({
        scenario: 'provision-completed',
        basicAuth: { username: 'ci', password: 'os-Mask-Pa55' },
      }),
    );
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: sim.url,
        id: 'wf-1',
        username: 'ci',
        password: 'os-Mask-Pa55',
        headers: 'X-Gateway-Token: gw-Secret-Value-42\nX-Tenant: acme-tenant-1\nX-Api-Key-Version: 2',
        ...FAST,
      },
    });
    expect(run.outputs.status).toBe('succeeded');
    const masked = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
    expect(masked).toEqual(
      expect.arrayContaining(['os-Mask-Pa55', Buffer.from('ci:os-Mask-Pa55').toString('base64'), 'gw-Secret-Value-42']),
    );
    expect(masked).not.toContain('acme-tenant-1');
    expect(masked).not.toContain('2');
  });
});

const AWKWARD_IDS = [
  "it's",
  'a/b',
  'a/../b',
  '100%',
  'q?x=1&all=false',
  'frag#1',
  'with space',
  'Bestellung-Übersicht-日本',
];

describe('ids with quotes, slashes, dots, %, ?, #, spaces and non-ASCII', () => {
  it('opensearch: each reaches the provider as one path segment, with no query of its own', async () => {
    const sim = await started(
      startServer((request) =>
        status(
          decodeURIComponent(request.url.split('/')[4] ?? ''),
          request.path.endsWith('_status') ? 'COMPLETED' : 'x',
        ),
      ),
    );
    const run = await runAction({
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: AWKWARD_IDS.join('\n'), ...FAST },
    });
    expect(run.outputs.status).toBe('succeeded');
    const seen = sim.requests.map((request) => {
      const match = /^\/_plugins\/_flow_framework\/workflow\/([^/?#]+)\/_status\?all=true$/.exec(request.url);
      expect(match, request.url).not.toBeNull();
      expect([...request.query.keys()]).toEqual(['all']);
      return decodeURIComponent(match?.[1] ?? '');
    });
    expect(new Set(seen)).toEqual(new Set(AWKWARD_IDS));
  });

  it('sap: each reaches the provider as one OData key literal', async () => {
    const sim = await started(
      startSapSimulator({ scenario: 'started', auth: { kind: 'basic', username: 'u', password: 'pw-123456' } }),
    );
    const run = await runAction({
      inputs: {
        provider: 'sap-cloud-integration',
        url: sim.url,
        id: AWKWARD_IDS.join('\n'),
        username: 'u',
        password: 'pw-123456',
        ...FAST,
      },
    });
    expect(run.outputs.status).toBe('succeeded');
    // besides the one read of the flows' endpoints, which names no artifact
    const endpointReads = sim.requests.filter(
      (request) => request.url === '/api/v1/ServiceEndpoints?$expand=EntryPoints',
    );
    expect(endpointReads).toHaveLength(1);
    const seen = sim.requests
      .filter((request) => !endpointReads.includes(request))
      .map((request) => {
        const match = /^\/api\/v1\/IntegrationRuntimeArtifacts\(([^/?#()]+)\)$/.exec(request.url);
        expect(match, request.url).not.toBeNull();
        return literal(decodeURIComponent(match?.[1] ?? ''));
      });
    expect(new Set(seen)).toEqual(new Set(AWKWARD_IDS));
  });

  it('nl-flow: each reaches the provider as one path segment', async () => {
    const sim = await started(startNlFlowSimulator({ scenario: 'unpublished' }));
    await runAction({
      inputs: { provider: 'nl-flow', url: sim.url, id: AWKWARD_IDS.join('\n'), 'api-key': 'nl-flow-demo-key', ...FAST },
    });
    const seen = sim.requests.map((request) => {
      const match = /^\/api\/v1\/runtime\/workflow\/([^/?#]+)\/action\/status$/.exec(request.url);
      expect(match, request.url).not.toBeNull();
      return decodeURIComponent(match?.[1] ?? '');
    });
    expect(new Set(seen)).toEqual(new Set(AWKWARD_IDS));
  });
});

describe('provider text in the summary', () => {
  it('escapes HTML, table breakers and newlines', async () => {
    const nasty = '<script>alert(1)</script> | broken | cell\n# Heading\n<img src=x onerror=alert(2)>';
    const sim = await started(
      startServer((request) =>
        request.path.includes('/wf-bad/')
          ? status('wf-bad', 'FAILED', { error: nasty })
          : status('wf-odd', '<b>WARMING</b>|UP\n- item'),
      ),
    );
    const run = await runAction({
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-bad\nwf-odd', ...FAST, timeout: '1s' },
    });
    expect(run.outputs.status).toBe('failed');
    expect(run.summary).toContain('alert(1)');
    expect(run.summary).not.toMatch(/<script|<img|<b>WARMING/i);
    expect(run.summary).not.toMatch(/^# Heading/m);
    expect(run.summary).not.toMatch(/^- item/m);
    for (const table of tablesOf(run.summary)) {
      const cells = table.map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(cells).size, table.join('\n')).toBe(1);
    }
  });
});

/** Runs of consecutive markdown table rows. */
function tablesOf(markdown: string): string[][] {
  const tables: string[][] = [[]];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) tables.at(-1)?.push(line);
    else if (tables.at(-1)?.length) tables.push([]);
  }
  return tables.filter((table) => table.length > 0);
}

describe('a body over the size limit', () => {
  it('ends the run with a clear error, after reading only up to the limit', async () => {
    const sim: SimServer = await started(startOpenSearchSimulator({ scenario: 'provision-completed' }));
    const proxy = await started(startFaultProxy({ upstream: sim.url, seed: 1, rate: 1, faults: ['huge'], slowMs: 0 }));
    const run = await runAction({
      inputs: { provider: 'opensearch-flow-framework', url: proxy.url, id: 'wf-1', ...FAST },
    });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(/response body exceeds 8 MiB/);
    const [huge] = proxy.events;
    expect(huge?.fault).toBe('huge');
    // 50 MiB offered; the client hung up a little past its 8 MiB limit (socket buffers hold the rest).
    expect(huge?.bytesSent).toBeLessThan(20 * 1024 * 1024);
    expect(proxy.events).toHaveLength(1);
  });
});
