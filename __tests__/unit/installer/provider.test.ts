/** The installer provider against the simulator, through the real HTTP client. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/config.ts';
import { parseConfig } from '../../../src/config/parse.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { Logger } from '../../../src/core/logger.ts';
import type { Snapshot } from '../../../src/core/types.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import { HttpError } from '../../../src/http/errors.ts';
import type { HttpClient } from '../../../src/http/types.ts';
import { DEPLOY_SESSION_TARGET, installerProvider } from '../../../src/providers/installer.ts';
import { DEMO_TOKEN, startInstallerSimulator, STATUS_PATH } from '../../../sim/installer.ts';
import type { SimServer } from '../../../sim/server.ts';
import { inputErrorOf } from '../../support/input-error.ts';

const CALL = { signal: new AbortController().signal, timeoutMs: 5_000 };

let sim: SimServer | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await sim?.close();
  sim = undefined;
  http = undefined;
});

function config(inputs: Record<string, string>): Config {
  const all: Record<string, string> = { provider: 'installer', ...inputs };
  return parseConfig((name) => all[name] ?? '');
}

interface JobLog {
  info: string[];
  warning: string[];
}

async function open(scenario: string, inputs: Record<string, string> = {}, path = '') {
  sim = await startInstallerSimulator({ scenario });
  http = createHttpClient();
  const log: JobLog = { info: [], warning: [] };
  const logger: Logger = { debug() {}, info: (m) => log.info.push(m), warning: (m) => log.warning.push(m) };
  const cfg = config({ url: sim.url + path, token: DEMO_TOKEN, ...inputs });
  const session = installerProvider.prepare(cfg).open({ config: cfg, http, log: logger, mask() {} });
  const read = () => session.read(DEPLOY_SESSION_TARGET, CALL);
  return { sim, log, read };
}

async function readAll(read: () => Promise<Snapshot>, times: number): Promise<Snapshot[]> {
  const snapshots: Snapshot[] = [];
  for (let i = 0; i < times; i++) snapshots.push(await read());
  return snapshots;
}

describe('installer prepare', () => {
  it('watches one target, the current deploy session, at the host the url names', () => {
    for (const url of [
      'https://installer.example:8443',
      'https://installer.example:8443/',
      'https://installer.example:8443/api/v1',
      'https://installer.example:8443/api/v1/installer/deploy/status',
    ]) {
      expect(installerProvider.prepare(config({ url, token: 't0ken-value' }))).toMatchObject({
        targets: ['deploy'],
        endpoint: 'https://installer.example:8443',
      });
    }
  });

  it('needs the token, and refuses an id it would not use', () => {
    const failure = (inputs: Record<string, string>): InputError =>
      inputErrorOf(() => installerProvider.prepare(config({ url: 'https://installer.example', ...inputs })));
    expect(failure({})).toMatchObject({
      input: 'token',
      message: "Input 'token' is required for installer: the token sent as 'Authorization: Bearer …'.",
    });
    expect(failure({ token: 't0ken-value', id: 'deploy-a1b2c3d4' })).toMatchObject({
      input: 'id',
      message: "Input 'id' is not used by installer: it watches the installer's current deploy session. Remove 'id'.",
    });
    expect(installerProvider.canTrigger).toBe(false);
  });
});

describe('installer session', () => {
  it('reads GET /api/v1/installer/deploy/status with the bearer token, through the phases to completed', async () => {
    const { sim, read } = await open('completed');
    const snapshots = await readAll(read, 5);
    expect(snapshots.map((s) => [s.state, s.providerStatus, s.progress])).toEqual([
      ['pending', 'queued', 0],
      ['in_progress', 'running', 10],
      ['in_progress', 'running', 55],
      ['in_progress', 'running', 90],
      ['succeeded', 'completed', 100],
    ]);
    expect(snapshots[2]?.message).toBe('installing-postgresql (postgresql), 55%');
    expect(snapshots[4]?.components?.map((c) => [c.name, c.kind, c.state])).toEqual([
      ['postgresql', 'registration', 'succeeded'],
      ['zstack-ui', 'registration', 'succeeded'],
    ]);
    expect(sim.requests).toHaveLength(5);
    for (const request of sim.requests) {
      expect(request).toMatchObject({ method: 'GET', url: STATUS_PATH });
      expect(request.headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`);
    }
  });

  it('prints each installer log line once, across reads, in order', async () => {
    const { log, read } = await open('completed');
    await readAll(read, 6);
    expect(log.info).toEqual([
      'installer log: 2026-01-15T08:00:00Z INFO Deploy session deploy-a1b2c3d4 queued',
      'installer log: 2026-01-15T08:02:00Z INFO Preparing 3 hosts',
      'installer log: 2026-01-15T08:12:00Z INFO Installing PostgreSQL 14',
      'installer log: 2026-01-15T08:30:00Z INFO PostgreSQL installation complete',
      'installer log: 2026-01-15T08:41:00Z INFO Deploy completed',
    ]);
    expect(log.warning).toEqual([]);
  });

  it('prints ERROR lines as warnings and fails with the error', async () => {
    const { log, read } = await open('failed');
    const last = (await readAll(read, 4)).at(-1);
    expect(last).toMatchObject({
      state: 'failed',
      message:
        'deploy session deploy-a1b2c3d4 failed in installing-postgresql (postgresql): PostgreSQL installation failed: port 5432 already in use',
    });
    expect(log.warning).toEqual([
      'installer log: 2026-01-15T08:14:00Z ERROR PostgreSQL installation failed: port 5432 already in use',
    ]);
  });

  it('fails when the session id changes between reads', async () => {
    const { read } = await open('replaced');
    const snapshots = await readAll(read, 3);
    expect(snapshots.map((s) => s.state)).toEqual(['pending', 'in_progress', 'failed']);
    expect(snapshots[2]?.message).toBe('deploy session replaced: was deploy-a1b2c3d4, now deploy-e5f6a7b8');
  });

  it('a completed session with a registration error is degraded and final', async () => {
    const { read } = await open('registration-error');
    const last = (await readAll(read, 4)).at(-1);
    expect(last).toMatchObject({ state: 'degraded', final: true });
    expect(last?.message).toContain('zstack-ui: connection timeout');
  });

  it('follows the seed response example, which has no session id', async () => {
    const { read } = await open('seed-example');
    expect((await readAll(read, 3)).map((s) => [s.state, s.message])).toEqual([
      ['in_progress', 'deploy running'],
      ['in_progress', 'deploy running'],
      ['succeeded', 'deploy session deploy-a1b2c3d4 completed'],
    ]);
  });

  it('turns 503 and 429 into transient errors, a wrong token into a permanent one', async () => {
    const { read } = await open('flaky');
    await expect(read()).rejects.toMatchObject({ kind: 'transient', status: 503 });
    await expect(read()).resolves.toMatchObject({ state: 'in_progress' });
    await expect(read()).rejects.toMatchObject({ kind: 'transient', status: 429 });
    await expect(read()).resolves.toMatchObject({ state: 'succeeded' });
    await http?.close();
    await sim?.close();

    const wrong = await open('completed', { token: 'not-the-token' });
    const error = await wrong.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'permanent', status: 401 });
    expect((error as Error).message).toMatch(/check the credentials/);
    expect((error as Error).message).not.toContain('not-the-token');
  });

  it('is a permanent error for a login page, not_found for a 404 of the API', async () => {
    const { read } = await open('html-login');
    await expect(read()).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('got an HTML page'),
    });
    await http?.close();
    await sim?.close();

    const elsewhere = await open('completed', {}, '/gateway');
    await expect(elsewhere.read()).resolves.toMatchObject({
      state: 'not_found',
      message:
        'no deploy status at this url (HTTP 404) — check url, or no deploy session exists yet (no route for /gateway/api/v1/installer/deploy/status)',
    });
  });
});
