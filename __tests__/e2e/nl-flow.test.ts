import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import { startNlFlowSimulator, type NlFlowSimulatorOptions } from '../../sim/nl-flow.ts';
import type { SimServer } from '../../sim/server.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const API_KEY = 'nlflow-Ap1-k3y-e2e';
const FAST = { ...FAST_INPUTS, backoff: '1', timeout: '5s' };

let simulator: SimServer | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function play(
  options: Omit<NlFlowSimulatorOptions, 'apiKey'>,
  inputs: Record<string, string> = {},
): Promise<{ run: ActionRun; sim: SimServer }> {
  simulator = await startNlFlowSimulator({ ...options, apiKey: API_KEY });
  const run = await runAction({
    inputs: { provider: 'nl-flow', url: simulator.url, id: 'wf-1', 'api-key': API_KEY, ...FAST, ...inputs },
  });
  return { run, sim: simulator };
}

const targetOf = (run: ActionRun) =>
  (JSON.parse(run.outputs.result ?? '{}') as { targets: Record<string, unknown>[] }).targets[0] ?? {};

describe('nl-flow end to end', () => {
  it('SYNC: RED → ORANGE → YELLOW → GREEN passes, with the stream and services in the result', async () => {
    const { run, sim } = await play({ scenario: 'sync-green' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'succeeded',
      ready: 'true',
      'provider-status': 'PUBLISHED/GREEN/SYNC',
      progress: '100',
      attempts: '4',
    });
    expect(sim.requests).toHaveLength(4);
    expect(sim.requests.every((r) => r.url === '/api/v1/runtime/workflow/wf-1/action/status')).toBe(true);
    const components = targetOf(run).components as { name: string; kind: string }[];
    expect(components.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'stream:benthos',
      'service:knowledge-m-f252bb2b',
      'service:outprod-4b54ca80',
    ]);
    expect(run.stdout).toContain('PUBLISHED/ORANGE/SYNC');
    expect(run.summary).toContain('knowledge-m-f252bb2b');
  });

  it('ASYNC: the ORANGE step says queued tasks are taken, and it passes on GREEN', async () => {
    const { run } = await play({ scenario: 'async-green' });
    expect(run.outputs).toMatchObject({ status: 'succeeded', 'provider-status': 'PUBLISHED/GREEN/ASYNC' });
    expect(run.stdout).toMatch(/PUBLISHED\/ORANGE\/ASYNC.*ASYNC: usable already, analysis tasks are queued/);
  });

  it('ASYNC stays ORANGE without allow-degraded: keeps waiting, times out', async () => {
    const { run } = await play({ scenario: 'async-stays-orange' }, { timeout: '1500ms' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'timed_out', 'provider-status': 'PUBLISHED/ORANGE/ASYNC' });
    expect(Number(run.outputs.attempts)).toBeGreaterThan(2);
  });

  it('ASYNC ORANGE with allow-degraded: degraded and ready, the step passes', async () => {
    const { run } = await play({ scenario: 'async-stays-orange' }, { 'allow-degraded': 'true', timeout: '30s' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'degraded',
      ready: 'true',
      'provider-status': 'PUBLISHED/ORANGE/ASYNC',
      attempts: '2',
    });
    expect(run.outputs.message).toContain('analysis tasks are queued');
  });

  it('ASYNC RED is never ready, even with allow-degraded', async () => {
    const { run } = await play({ scenario: 'async-stays-red' }, { 'allow-degraded': 'true', timeout: '1s' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      status: 'timed_out',
      ready: 'false',
      'provider-status': 'PUBLISHED/RED/ASYNC',
    });
  });

  it('stays YELLOW without allow-degraded: keeps waiting, times out, the step fails', async () => {
    const { run } = await play({ scenario: 'stays-yellow' }, { timeout: '2s' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      status: 'timed_out',
      ready: 'false',
      'provider-status': 'PUBLISHED/YELLOW/SYNC',
    });
    expect(Number(run.outputs.attempts)).toBeGreaterThan(2);
    expect(run.outputs.message).toContain('may still become GREEN');
  });

  it('stays YELLOW with allow-degraded: degraded and ready, the step passes', async () => {
    const { run } = await play({ scenario: 'stays-yellow' }, { 'allow-degraded': 'true', timeout: '30s' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'degraded',
      ready: 'true',
      'provider-status': 'PUBLISHED/YELLOW/SYNC',
      progress: '75',
      attempts: '2',
    });
  });

  it('an unschedulable service keeps it in progress until the timeout, with the reason in the message', async () => {
    const { run } = await play({ scenario: 'unschedulable' }, { timeout: '1s' });
    expect(run.outputs).toMatchObject({ status: 'timed_out', 'provider-status': 'PUBLISHED/ORANGE/SYNC' });
    expect(run.outputs.message).toContain('knowledge-m-f252bb2b: Unschedulable: 0/2 nodes are available');
  });

  it('UNPUBLISHED is inactive at once', async () => {
    const { run, sim } = await play({ scenario: 'unpublished' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      status: 'inactive',
      ready: 'false',
      'provider-status': 'UNPUBLISHED/GREEN/ASYNC',
    });
    expect(sim.requests).toHaveLength(1);
  });

  it('404 is not_found: never published, or wrong id', async () => {
    const { run } = await play({ scenario: 'not-found' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'not_found', ready: 'false' });
    expect(run.outputs.message).toContain('never published, or wrong id');
  });

  it('waits for a workflow published later within discovery-timeout', async () => {
    const { run } = await play({ scenario: 'published-later' }, { 'discovery-timeout': '3s' });
    expect(run.outputs).toMatchObject({ status: 'succeeded', attempts: '4' });
  });

  it('takes the dashboard status endpoint as url, without id', async () => {
    simulator = await startNlFlowSimulator({ scenario: 'sync-green', apiKey: API_KEY });
    const run = await runAction({
      inputs: {
        provider: 'nl-flow',
        url: `${simulator.url}/api/v1/runtime/workflow/6b1e3c6a/action/status`,
        'api-key': API_KEY,
        ...FAST,
      },
    });
    expect(run.outputs.status).toBe('succeeded');
    expect(targetOf(run).id).toBe('6b1e3c6a');
  });

  it('a wrong api-key stops at once with error, without printing either key', async () => {
    const { run, sim } = await play({ scenario: 'sync-green' }, { 'api-key': 'nlflow-wrong-k3y' });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(/401.*credentials/);
    expect(sim.requests).toHaveLength(1);
  });

  it('an HTML page with 200 is an error, never a success', async () => {
    const { run } = await play({ scenario: 'html-login' });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain('got an HTML page');
  });

  it('rides out 503, 429 and a reset', async () => {
    const { run } = await play({ scenario: 'flaky' });
    expect(run.outputs).toMatchObject({ status: 'succeeded', attempts: '5' });
  });
});
