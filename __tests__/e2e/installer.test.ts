import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import { startInstallerSimulator } from '../../sim/installer.ts';
import type { SimServer } from '../../sim/server.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const TOKEN = 'zstack-B3arer-t0ken-e2e';
const FAST = { ...FAST_INPUTS, backoff: '1', timeout: '5s' };

let simulator: SimServer | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function play(
  scenario: string,
  inputs: Record<string, string> = {},
): Promise<{ run: ActionRun; sim: SimServer }> {
  simulator = await startInstallerSimulator({ scenario, token: TOKEN });
  const run = await runAction({
    inputs: { provider: 'installer', url: simulator.url, token: TOKEN, ...FAST, ...inputs },
  });
  return { run, sim: simulator };
}

/** The lines the runner shows for the installer's own log, without workflow-command prefixes. */
const installerLog = (run: ActionRun): string[] =>
  run.stdout
    .split('\n')
    .filter((line) => line.includes('installer log: '))
    .map((line) => line.replace(/^::\w+::/, ''));

describe('installer end to end', () => {
  it('follows the phases with rising progress to completed, printing each log line once', async () => {
    const { run, sim } = await play('completed');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'succeeded',
      ready: 'true',
      'provider-status': 'completed',
      progress: '100',
      attempts: '5',
    });
    expect(sim.requests.every((r) => r.url === '/api/v1/installer/deploy/status')).toBe(true);
    expect(installerLog(run)).toEqual([
      'installer log: 2026-01-15T08:00:00Z INFO Deploy session deploy-a1b2c3d4 queued',
      'installer log: 2026-01-15T08:02:00Z INFO Preparing 3 hosts',
      'installer log: 2026-01-15T08:12:00Z INFO Installing PostgreSQL 14',
      'installer log: 2026-01-15T08:30:00Z INFO PostgreSQL installation complete',
      'installer log: 2026-01-15T08:41:00Z INFO Deploy completed',
    ]);
    expect(run.stdout).toContain('installing-postgresql (postgresql), 55%');
    const result = JSON.parse(run.outputs.result ?? '{}') as {
      targets: { id: string; components: { name: string; kind: string }[] }[];
    };
    expect(result.targets[0]?.id).toBe('deploy');
    expect(result.targets[0]?.components.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'registration:postgresql',
      'registration:zstack-ui',
    ]);
    expect(run.summary).toContain('192.168.1.10:5000');
  });

  it('fails with the ERROR log line, which is also a warning in the job log', async () => {
    const { run } = await play('failed');
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      status: 'failed',
      ready: 'false',
      'provider-status': 'failed',
      progress: '55',
    });
    expect(run.outputs.message).toBe(
      'deploy session deploy-a1b2c3d4 failed in installing-postgresql (postgresql): PostgreSQL installation failed: port 5432 already in use',
    );
    expect(run.stdout).toContain(
      '::warning::installer log: 2026-01-15T08:14:00Z ERROR PostgreSQL installation failed: port 5432 already in use',
    );
  });

  it('a registration error makes the completed deploy degraded: final, not ready, the step fails', async () => {
    const { run } = await play('registration-error', { timeout: '30s' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'degraded', ready: 'false', attempts: '4' });
    expect(run.outputs.message).toContain('1 of 2 registrations failed: zstack-ui: connection timeout');
    expect(run.durationMs).toBeLessThan(10_000);
  });

  it('a registration error with allow-degraded is ready', async () => {
    const { run } = await play('registration-error', { 'allow-degraded': 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'degraded', ready: 'true' });
  });

  it('a replaced session fails', async () => {
    const { run } = await play('replaced');
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', attempts: '3' });
    expect(run.outputs.message).toBe('deploy session replaced: was deploy-a1b2c3d4, now deploy-e5f6a7b8');
  });

  it('follows the seed response example {"status":"running","session":{}}', async () => {
    const { run } = await play('seed-example');
    expect(run.outputs).toMatchObject({ status: 'succeeded', attempts: '3' });
    expect(run.stdout).toContain('deploy: in_progress (running) — deploy running');
  });

  it('times out on a session stuck running', async () => {
    const { run } = await play('stuck', { timeout: '1s' });
    expect(run.outputs).toMatchObject({ status: 'timed_out', 'provider-status': 'running', progress: '55' });
  });

  it('rides out 503 and 429', async () => {
    const { run } = await play('flaky');
    expect(run.outputs).toMatchObject({ status: 'succeeded', attempts: '4' });
  });

  it('a wrong token stops at once with error and is never printed', async () => {
    const { run, sim } = await play('completed', { token: 'zstack-wrong-t0ken' });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(/401.*credentials/);
    expect(sim.requests).toHaveLength(1);
  });
});
