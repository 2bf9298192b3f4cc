/** The SAP session against the simulator, through the real HTTP client. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/core/types.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import { HttpError } from '../../../src/http/errors.ts';
import type { HttpClient } from '../../../src/http/types.ts';
import { sapProvider } from '../../../src/providers/sap/index.ts';
import { MAX_ERROR_DETAIL_WAITS, SapSession } from '../../../src/providers/sap/session.ts';
import { resolveSettings } from '../../../src/providers/sap/settings.ts';
import type { ProviderSession } from '../../../src/providers/types.ts';
import { DEMO_CLIENT, startSapSimulator, type SapSimulator, type SapSimulatorOptions } from '../../../sim/sap.ts';
import { json, startServer, type RecordedRequest } from '../../../sim/server.ts';
import { sapConfig } from './support.ts';

const CALL = { signal: new AbortController().signal, timeoutMs: 5_000 };
const BASIC = { kind: 'basic', username: 'ci-user', password: 'Basic-Pa55word!' } as const;

let sim: SapSimulator | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await sim?.close();
  sim = undefined;
  http = undefined;
});

interface Opened {
  sim: SapSimulator;
  session: ProviderSession;
  masked: string[];
}

/** A session on a fresh simulator; OAuth through the simulator's service key unless inputs say otherwise. */
async function open(
  options: SapSimulatorOptions,
  inputs: Record<string, string> = {},
  now?: () => number,
): Promise<Opened> {
  sim = await startSapSimulator(options);
  http = createHttpClient();
  const credentials: Record<string, string> =
    options.auth?.kind === 'basic'
      ? { url: sim.url, username: BASIC.username, password: BASIC.password }
      : { 'service-key': sim.serviceKey };
  const config = sapConfig({ id: 'Order_Sync', ...credentials, ...inputs });
  const masked: string[] = [];
  const context = { config, http, log: silentLogger, mask: (secret: string) => masked.push(secret) };
  const session = now
    ? new SapSession(resolveSettings(config), context, now)
    : sapProvider.prepare(config).open(context);
  return { sim, session, masked };
}

const api = (server: SapSimulator): RecordedRequest[] => server.requests.filter((r) => r.url.startsWith('/api/v1'));
const tokenRequests = (server: SapSimulator): RecordedRequest[] =>
  server.requests.filter((r) => r.url === '/oauth/token');
const states = (snapshots: Snapshot[]): string[] => snapshots.map((s) => `${s.state}/${s.providerStatus}`);

async function readTimes(session: ProviderSession, times: number, id = 'Order_Sync'): Promise<Snapshot[]> {
  const snapshots: Snapshot[] = [];
  for (let i = 0; i < times; i++) snapshots.push(await session.read(id, CALL));
  return snapshots;
}

async function failureOf(work: Promise<unknown>): Promise<HttpError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

describe('SAP session: OAuth deploy', () => {
  it('deploys and follows DEPLOYING → SUCCESS → STARTING → STARTED with one masked token', async () => {
    const { sim, session, masked } = await open({ scenario: 'deploy-ok' });
    const started = await session.trigger?.('Order_Sync', CALL);
    expect(started?.taskId).toBe(sim.taskIds.get('Order_Sync'));

    const [token] = tokenRequests(sim);
    expect(token?.method).toBe('POST');
    expect(token?.body).toBe('grant_type=client_credentials');
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${DEMO_CLIENT.clientId}:${DEMO_CLIENT.clientSecret}`).toString('base64')}`,
    );
    expect(sim.tokensIssued).toHaveLength(1);
    expect(masked).toEqual(expect.arrayContaining(sim.tokensIssued));

    const deploy = api(sim)[0];
    expect(deploy?.method).toBe('POST');
    expect(deploy?.url).toBe('/api/v1/DeployIntegrationDesigntimeArtifact?Id=%27Order_Sync%27&Version=%27active%27');
    expect(deploy?.headers.authorization).toBe(`Bearer ${sim.tokensIssued[0]}`);
    expect(deploy?.headers.accept).toBe('application/json');

    const snapshots = await readTimes(session, 3);
    expect(states(snapshots)).toEqual(['in_progress/DEPLOYING', 'in_progress/STARTING', 'succeeded/STARTED']);
    expect(snapshots[2]?.components?.[0]).toMatchObject({
      kind: 'artifact',
      details: { version: '1.0.0', type: 'INTEGRATION_FLOW' },
    });
    // SUCCESS is followed by the runtime read in the same call.
    expect(api(sim).map((r) => r.url)).toEqual([
      '/api/v1/DeployIntegrationDesigntimeArtifact?Id=%27Order_Sync%27&Version=%27active%27',
      '/api/v1/',
      '/api/v1/DeployIntegrationDesigntimeArtifact?Id=%27Order_Sync%27&Version=%27active%27',
      `/api/v1/BuildAndDeployStatus(TaskId='${started?.taskId}')`,
      `/api/v1/BuildAndDeployStatus(TaskId='${started?.taskId}')`,
      "/api/v1/IntegrationRuntimeArtifacts('Order_Sync')",
      "/api/v1/IntegrationRuntimeArtifacts('Order_Sync')",
    ]);
    expect(tokenRequests(sim)).toHaveLength(1);
  });

  it.each([
    ['integration-flow', 'DeployIntegrationDesigntimeArtifact', 'INTEGRATION_FLOW'],
    ['value-mapping', 'DeployValueMappingDesigntimeArtifact', 'VALUE_MAPPING'],
    ['script-collection', 'DeployScriptCollectionDesigntimeArtifact', 'SCRIPT_COLLECTION'],
    ['message-mapping', 'DeployMessageMappingDesigntimeArtifact', 'MESSAGE_MAPPING'],
  ])('deploys a %s with %s', async (type, action, runtimeType) => {
    const { sim, session } = await open({ scenario: 'started' }, { 'artifact-type': type, version: '2.1.0' });
    await session.trigger?.('Order_Sync', CALL);
    expect(api(sim)[0]?.url).toBe(`/api/v1/${action}?Id=%27Order_Sync%27&Version=%272.1.0%27`);
    const [snapshot] = await readTimes(session, 1);
    expect(snapshot).toMatchObject({
      state: 'succeeded',
      components: [{ details: { type: runtimeType, version: '2.1.0' } }],
    });
  });

  it('refetches the token once it is about to expire', async () => {
    let now = Date.now();
    const { sim, session } = await open({ scenario: 'started', tokenLifetimeSeconds: 600 }, {}, () => now);
    await readTimes(session, 2);
    expect(tokenRequests(sim)).toHaveLength(1);
    now += 600_000 - 59_000;
    await readTimes(session, 1);
    expect(tokenRequests(sim)).toHaveLength(2);
    expect(api(sim)[2]?.headers.authorization).toBe(`Bearer ${sim.tokensIssued[1]}`);
  });

  it('refetches the token once on a 401 and repeats the request', async () => {
    const { sim, session } = await open({ scenario: 'started', revokeFirstTokenAfter: 1 });
    expect(states(await readTimes(session, 2))).toEqual(['succeeded/STARTED', 'succeeded/STARTED']);
    expect(tokenRequests(sim)).toHaveLength(2);
    expect(api(sim).map((r) => r.headers.authorization)).toEqual([
      `Bearer ${sim.tokensIssued[0]}`,
      `Bearer ${sim.tokensIssued[0]}`,
      `Bearer ${sim.tokensIssued[1]}`,
    ]);
  });

  it('stops with a permanent error when the new token is refused too', async () => {
    const { sim, session } = await open({ scenario: 'started', tokenLifetimeSeconds: 0 });
    const error = await failureOf(session.read('Order_Sync', CALL));
    expect(error).toMatchObject({ kind: 'permanent', status: 401 });
    expect(error.message).toContain('check the credentials');
    expect(tokenRequests(sim)).toHaveLength(2);
    expect(api(sim)).toHaveLength(2);
  });

  it('reports a refused token request as a permanent error naming the token endpoint', async () => {
    sim = await startSapSimulator({ scenario: 'started' });
    http = createHttpClient();
    const key = JSON.stringify({
      oauth: { clientid: 'wrong', clientsecret: 'wrong-secret', tokenurl: `${sim.url}/oauth/token`, url: sim.url },
    });
    const keyConfig = sapConfig({ id: 'Order_Sync', 'service-key': key });
    const session = sapProvider.prepare(keyConfig).open({
      config: keyConfig,
      http,
      log: silentLogger,
      mask: () => {},
    });
    const error = await failureOf(session.read('Order_Sync', CALL));
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain(`requesting an OAuth token from ${sim.url}/oauth/token: HTTP 401`);
    expect(error.message).not.toContain('wrong-secret');
    expect(api(sim)).toHaveLength(0);
  });

  it('fetches a CSRF token only when a POST asks for one, then repeats it with token and cookies', async () => {
    const { sim, session, masked } = await open({ scenario: 'deploy-ok' });
    await session.trigger?.('Order_Sync', CALL);
    const [refused, fetch, retried] = api(sim);
    expect(refused).toMatchObject({ method: 'POST' });
    expect(refused?.headers['x-csrf-token']).toBeUndefined();
    expect(fetch).toMatchObject({ method: 'GET', url: '/api/v1/' });
    expect(fetch?.headers['x-csrf-token']).toBe('Fetch');
    expect(retried?.method).toBe('POST');
    expect(retried?.headers['x-csrf-token']).toMatch(/^[0-9a-f]{32}$/);
    expect(retried?.headers.cookie).toMatch(/^JSESSIONID=[0-9A-F]+; __VCAP_ID__=[0-9a-f]+$/);
    // The token and the cookies stand for the credentials while they last: masked like them.
    const cookieValues = (retried?.headers.cookie ?? '').split('; ').map((pair) => pair.split('=')[1]);
    expect(masked).toEqual(expect.arrayContaining([retried?.headers['x-csrf-token'], ...cookieValues]));
  });

  it('does not ask for CSRF when the tenant does not want it', async () => {
    const { sim, session } = await open({ scenario: 'deploy-ok', csrf: false });
    await session.trigger?.('Order_Sync', CALL);
    expect(api(sim).map((r) => r.method)).toEqual(['POST']);
  });
});

describe('SAP session: Basic auth', () => {
  it('fetches the CSRF token before the first POST and shares it between deploys', async () => {
    const { sim, session } = await open({ scenario: 'deploy-ok', auth: BASIC });
    await Promise.all([session.trigger?.('Order_Sync', CALL), session.trigger?.('Billing_Sync', CALL)]);
    const requests = api(sim);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
    expect(requests[0]?.headers['x-csrf-token']).toBe('Fetch');
    expect(requests[1]?.headers['x-csrf-token']).toBe(requests[2]?.headers['x-csrf-token']);
    const basic = `Basic ${Buffer.from(`${BASIC.username}:${BASIC.password}`).toString('base64')}`;
    expect(requests.every((r) => r.headers.authorization === basic)).toBe(true);
    expect(sim.taskIds.size).toBe(2);
  });

  it('stops at once on 401 with Basic auth', async () => {
    sim = await startSapSimulator({ scenario: 'started', auth: BASIC });
    http = createHttpClient();
    const config = sapConfig({ id: 'Order_Sync', url: sim.url, username: BASIC.username, password: 'wrong' });
    const session = sapProvider.prepare(config).open({ config, http, log: silentLogger, mask: () => {} });
    const error = await failureOf(session.read('Order_Sync', CALL));
    expect(error).toMatchObject({ kind: 'permanent', status: 401 });
    expect(api(sim)).toHaveLength(1);
  });
});

describe('SAP session: deploy answers', () => {
  it('turns a 503 with Retry-After into a transient error the engine may repeat', async () => {
    const { session } = await open({ scenario: 'flaky' });
    const error = await failureOf(session.trigger?.('Order_Sync', CALL) ?? Promise.resolve());
    expect(error).toMatchObject({ kind: 'transient', status: 503, retryAfterMs: 0 });
    expect((await session.trigger?.('Order_Sync', CALL))?.taskId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("shows the status and SAP's message when the deploy is refused", async () => {
    const { session } = await open({ scenario: 'deploy-refused' });
    const error = await failureOf(session.trigger?.('Order_Sync', CALL) ?? Promise.resolve());
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain(
      "Integration design time artifact with id 'Order_Sync' and the given version does not exist.",
    );
  });
});

describe('SAP session: runtime', () => {
  it('reads the runtime alone without a deploy', async () => {
    const { sim, session } = await open({ scenario: 'started' });
    expect(states(await readTimes(session, 1))).toEqual(['succeeded/STARTED']);
    expect(api(sim).map((r) => r.url)).toEqual(["/api/v1/IntegrationRuntimeArtifacts('Order_Sync')"]);
  });

  it.each(['not-deployed', 'not-deployed-500'])('is not_found for %s', async (scenario) => {
    const { session } = await open({ scenario });
    const [snapshot] = await readTimes(session, 1);
    expect(snapshot).toMatchObject({ state: 'not_found' });
    expect(snapshot?.message).toContain('not deployed');
  });

  it('waits through a stale entry and a missing one after a deploy', async () => {
    const { session } = await open({ scenario: 'runtime-lag' });
    await session.trigger?.('Order_Sync', CALL);
    const snapshots = await readTimes(session, 5);
    expect(states(snapshots)).toEqual([
      'in_progress/DEPLOYING',
      'in_progress/STARTED',
      'in_progress/SUCCESS',
      'in_progress/STARTING',
      'succeeded/STARTED',
    ]);
    expect(snapshots[1]?.message).toContain('from before this run');
    expect(snapshots[2]?.message).toBe('build succeeded, waiting for the runtime to pick up the deploy');
  });

  it('fails a SUCCESS build whose artifact never reaches the runtime after max(discovery-timeout, 2m)', async () => {
    let now = 1_000_000;
    const { session } = await open({ scenario: 'not-deployed' }, { 'discovery-timeout': '30s' }, () => now);
    await session.trigger?.('Order_Sync', CALL);
    const [built] = await readTimes(session, 1);
    expect(built).toMatchObject({ state: 'in_progress', providerStatus: 'SUCCESS' });
    now += 119_999;
    expect((await readTimes(session, 1))[0]?.state).toBe('in_progress');
    now += 1;
    const [missing] = await readTimes(session, 1);
    expect(missing).toMatchObject({ state: 'failed', providerStatus: 'SUCCESS (not in runtime)' });
    expect(missing?.message).toContain('did not appear in the Cloud Integration runtime within 2m');
    expect(missing?.message).toContain('Edge Integration Cell');
  });

  it('gives the runtime the whole discovery-timeout when it is longer than 2m', async () => {
    let now = 0;
    const { session } = await open({ scenario: 'not-deployed' }, { 'discovery-timeout': '5m' }, () => now);
    await session.trigger?.('Order_Sync', CALL);
    await readTimes(session, 1);
    now += 299_999;
    expect((await readTimes(session, 1))[0]?.state).toBe('in_progress');
    now += 1;
    expect((await readTimes(session, 1))[0]).toMatchObject({ state: 'failed' });
  });

  it('fails a message-mapping deploy without a task id that never reaches the runtime after the grace', async () => {
    let now = 1_000_000;
    const inputs = { 'artifact-type': 'message-mapping', 'discovery-timeout': '30s' };
    const { sim, session } = await open({ scenario: 'not-deployed' }, inputs, () => now);
    expect((await session.trigger?.('Order_Sync', CALL))?.taskId).toBeUndefined();
    now += 119_999;
    expect((await readTimes(session, 1))[0]).toMatchObject({ state: 'in_progress' });
    now += 1;
    const [missing] = await readTimes(session, 1);
    expect(missing).toMatchObject({ state: 'failed' });
    expect(missing?.message).toContain('did not appear in the Cloud Integration runtime within 2m');
    expect(missing?.message).toContain('Edge Integration Cell');
    expect(missing?.message).not.toContain('build');
    expect(api(sim).some((r) => r.url.includes('ErrorInformation'))).toBe(false);
  });

  it('follows the runtime entry of a message-mapping deploy that answers without a task id', async () => {
    let now = 0;
    const { sim, session } = await open({ scenario: 'redeploy' }, { 'artifact-type': 'message-mapping' }, () => now);
    const started = await session.trigger?.('Order_Sync', CALL);
    expect(started?.taskId).toBeUndefined();
    expect(started?.message).toContain('no task id');
    now += 10 * 60_000;
    const snapshots = await readTimes(session, 4);
    expect(states(snapshots)).toEqual([
      'in_progress/STARTED',
      'in_progress/STARTED',
      'in_progress/STARTING',
      'succeeded/STARTED',
    ]);
    expect(snapshots[0]?.message).toContain('from before this run');
    expect(api(sim).some((r) => r.url.includes('BuildAndDeployStatus'))).toBe(false);
  });

  it('never takes an entry from before the deploy for success, even with version active', async () => {
    const { session } = await open({ scenario: 'stale-runtime' }, { version: 'active' });
    await session.trigger?.('Order_Sync', CALL);
    const snapshots = await readTimes(session, 3);
    expect(snapshots.every((s) => s.state === 'in_progress')).toBe(true);
    expect(snapshots[2]?.message).toContain('from before this run');
  });

  it('never takes another version for success after deploying a given one', async () => {
    const { session } = await open({ scenario: 'other-version' }, { version: '1.0.4' });
    await session.trigger?.('Order_Sync', CALL);
    const snapshots = await readTimes(session, 3);
    expect(states(snapshots)).toEqual(['in_progress/STARTED', 'in_progress/STARTED', 'in_progress/STARTED']);
  });

  it('is unknown for a status word SAP never documented', async () => {
    const { session } = await open({ scenario: 'invented-status' });
    expect(states(await readTimes(session, 2))).toEqual(['unknown/WARMING_UP', 'unknown/WARMING_UP']);
  });

  it('reads Atom/XML answers', async () => {
    const { sim, session } = await open({ scenario: 'deploy-ok', format: 'xml' });
    await session.trigger?.('Order_Sync', CALL);
    const snapshots = await readTimes(session, 3);
    expect(states(snapshots)).toEqual(['in_progress/DEPLOYING', 'in_progress/STARTING', 'succeeded/STARTED']);
    expect(snapshots[2]?.components?.[0]?.details?.['deployed on']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(api(sim).at(-1)?.headers.accept).toBe('application/json');
  });

  it('is a permanent error when a login page answers with 200', async () => {
    const { session } = await open({ scenario: 'started', htmlLogin: true });
    const error = await failureOf(session.read('Order_Sync', CALL));
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('got an HTML page — check url and credentials');
  });

  it('is a permanent error when the CSRF fetch gets a login page', async () => {
    const { session } = await open({ scenario: 'started', htmlLogin: true, auth: BASIC });
    const error = await failureOf(session.trigger?.('Order_Sync', CALL) ?? Promise.resolve());
    expect(error.message).toContain('fetching a CSRF token: got an HTML page');
  });

  it('passes 503 and 429 on as transient errors', async () => {
    const { session } = await open({ scenario: 'flaky', csrf: false });
    await failureOf(session.trigger?.('Order_Sync', CALL) ?? Promise.resolve());
    await session.trigger?.('Order_Sync', CALL);
    expect(await failureOf(session.read('Order_Sync', CALL))).toMatchObject({ kind: 'transient', status: 503 });
    expect((await session.read('Order_Sync', CALL)).providerStatus).toBe('DEPLOYING');
    expect(await failureOf(session.read('Order_Sync', CALL))).toMatchObject({
      kind: 'transient',
      status: 429,
      retryAfterMs: 0,
    });
  });
});

describe('SAP session: failures and error details', () => {
  it('waits for the error details of a runtime ERROR, then fails with them', async () => {
    const { sim, session } = await open({ scenario: 'runtime-error' });
    await session.trigger?.('Order_Sync', CALL);
    const snapshots = await readTimes(session, 5);
    expect(states(snapshots)).toEqual([
      'in_progress/DEPLOYING',
      'in_progress/STARTING',
      'failed/ERROR',
      'failed/ERROR',
      'failed/ERROR',
    ]);
    // the read that sees ERROR says so at once; the details are asked for from the next read on (204 first)
    for (const pending of snapshots.slice(2, 4)) {
      expect(pending).toMatchObject({
        detailsPending: true,
        message: 'runtime status ERROR, waiting for error details',
      });
    }
    expect(snapshots[4]?.detailsPending).toBeUndefined();
    expect(snapshots[4]?.message).toBe(
      'runtime status ERROR: SimpleParserException: expected symbol functionEnd but was eol — SimpleIllegalSyntaxException: expected symbol functionEnd but was eol at location 43',
    );
    expect(snapshots[4]?.logs).toHaveLength(2);
    // Asked without application/json, which tenants refuse with 406.
    expect(api(sim).at(-1)?.headers.accept).toBe('application/xml');
    // Once failed, only the error details are read again.
    expect(api(sim).at(-1)?.url).toBe("/api/v1/IntegrationRuntimeArtifacts('Order_Sync')/ErrorInformation/$value");
    expect(api(sim).at(-2)?.url).toBe("/api/v1/IntegrationRuntimeArtifacts('Order_Sync')/ErrorInformation/$value");
  });

  it('fails without details after a bounded number of 204s', async () => {
    const { sim, session } = await open({ scenario: 'error-without-details' });
    const snapshots = await readTimes(session, MAX_ERROR_DETAIL_WAITS + 2);
    expect(snapshots.slice(0, -1).every((s) => s.state === 'failed' && s.detailsPending)).toBe(true);
    expect(snapshots.at(-1)).toMatchObject({ state: 'failed', providerStatus: 'ERROR' });
    expect(snapshots.at(-1)?.detailsPending).toBeUndefined();
    expect(snapshots.at(-1)?.message).toContain('no error details');
    expect(api(sim).filter((r) => r.url.endsWith('/$value'))).toHaveLength(MAX_ERROR_DETAIL_WAITS + 1);
  });

  it('fails on a build FAIL with the error details', async () => {
    const { session } = await open({ scenario: 'deploy-fail' });
    await session.trigger?.('Order_Sync', CALL);
    const snapshots = await readTimes(session, 4);
    expect(states(snapshots)).toEqual(['in_progress/DEPLOYING', 'failed/FAIL', 'failed/FAIL', 'failed/FAIL']);
    // the read that sees FAIL says so at once; the details are asked for from the next read on (204 first)
    expect(snapshots[1]?.detailsPending).toBe(true);
    expect(snapshots[2]?.detailsPending).toBe(true);
    expect(snapshots[3]?.message).toMatch(
      /^build and deploy failed \(FAIL\): Script file 'script1.groovy' not found — The generation and build/,
    );
    expect(snapshots[3]?.message).toContain("Script file 'script1.groovy' not found");
  });

  it('asks ErrorInformation once more with the other Accept after a 406', async () => {
    const { sim, session } = await open({ scenario: 'runtime-error-documented', errorInfoAccept: 'json' });
    const [first, snapshot] = await readTimes(session, 2);
    expect(first?.detailsPending).toBe(true);
    expect(snapshot?.message).toContain('Script resource not found');
    const reads = api(sim).filter((r) => r.url.endsWith('/$value'));
    expect(reads.map((r) => r.headers.accept)).toEqual(['application/xml', 'application/json']);
  });

  it('fails on FAIL_ON_LICENSE_ERROR', async () => {
    const { session } = await open({ scenario: 'license-error' });
    await session.trigger?.('Order_Sync', CALL);
    const snapshots = await readTimes(session, 3);
    expect(snapshots[1]).toMatchObject({
      state: 'failed',
      providerStatus: 'FAIL_ON_LICENSE_ERROR',
      detailsPending: true,
    });
    expect(snapshots[2]?.message).toContain('The tenant license does not allow artifacts of type INTEGRATION_FLOW');
  });
});

describe('SAP session: error details that cannot be read', () => {
  it('keeps the failure when the details come as an HTML page: failed, the reason unavailable', async () => {
    const server = await startServer((request) =>
      request.path.endsWith('/ErrorInformation/$value')
        ? { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Sign in</body></html>' }
        : json(200, { d: { Id: 'My_Flow', Version: '1.0.0', Status: 'ERROR' } }),
    );
    try {
      http = createHttpClient();
      const config = sapConfig({ id: 'My_Flow', url: server.url, token: 'bearer-token-1' });
      const session = sapProvider.prepare(config).open({ config, http, log: silentLogger, mask() {} });
      const [first, second] = await readTimes(session, 2, 'My_Flow');
      expect(first).toMatchObject({ state: 'failed', detailsPending: true });
      expect(second).toMatchObject({ state: 'failed', providerStatus: 'ERROR' });
      expect(second?.detailsPending).toBeUndefined();
      expect(second?.message).toContain('(error details unavailable: ');
    } finally {
      await server.close();
    }
  });
});

describe('SAP session: identifiers and several targets', () => {
  it('encodes quotes, slashes and other characters in ids', async () => {
    const id = "O'Brien/Sync #1";
    const { sim, session } = await open({ scenario: 'deploy-ok' }, { id });
    await session.trigger?.(id, CALL);
    expect(sim.taskIds.has(id)).toBe(true);
    await readTimes(session, 3, id);
    const runtime = api(sim).find((r) => r.url.includes('IntegrationRuntimeArtifacts'));
    expect(runtime?.url).toBe("/api/v1/IntegrationRuntimeArtifacts('O''Brien%2FSync%20%231')");
    expect(api(sim).find((r) => r.method === 'POST' && r.headers['x-csrf-token'])?.url).toBe(
      '/api/v1/DeployIntegrationDesigntimeArtifact?Id=%27O%27%27Brien%2FSync%20%231%27&Version=%27active%27',
    );
  });

  it('deploys and follows several ids at once, each with its own task', async () => {
    const ids = ['Order_Sync', 'Billing_Sync', 'Invoice_Sync'];
    const { sim, session } = await open({ scenario: 'deploy-ok', artifacts: { Billing_Sync: 'deploy-fail' } });
    const started = await Promise.all(ids.map((id) => session.trigger?.(id, CALL)));
    expect(new Set(started.map((s) => s?.taskId)).size).toBe(3);
    const finals = await Promise.all(ids.map(async (id) => (await readTimes(session, 3, id)).at(-1)));
    expect(finals.map((s) => s?.state)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(tokenRequests(sim)).toHaveLength(1);
  });
});

describe('SAP session: answers about another artifact', () => {
  it('refuses a STARTED runtime entry of another artifact, never a success for this one', async () => {
    const server = await startServer(() => json(200, { d: { Id: 'Other_Flow', Version: '9.9.9', Status: 'STARTED' } }));
    try {
      http = createHttpClient();
      const config = sapConfig({ id: 'My_Flow', url: server.url, token: 'bearer-token-1' });
      const session = sapProvider.prepare(config).open({ config, http, log: silentLogger, mask() {} });
      await expect(session.read('My_Flow', CALL)).rejects.toMatchObject({
        kind: 'permanent',
        message: expect.stringContaining("the answer is about artifact 'Other_Flow', not 'My_Flow'"),
      });
    } finally {
      await server.close();
    }
  });
});
