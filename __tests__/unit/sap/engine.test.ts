/** The engine following SAP targets in-process: the provider, the simulator and the real HTTP client together. */
import { afterEach, describe, expect, it } from 'vitest';
import type { WaitSettings } from '../../../src/config/config.ts';
import { systemClock } from '../../../src/core/clock.ts';
import type { Logger } from '../../../src/core/logger.ts';
import type { RunResult } from '../../../src/core/types.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import type { HttpClient } from '../../../src/http/types.ts';
import { sapProvider } from '../../../src/providers/sap/index.ts';
import { startSapSimulator, type SapSimulator, type SapSimulatorOptions } from '../../../sim/sap.ts';
import { sapConfig } from './support.ts';

const SETTINGS: WaitSettings = {
  timeoutMs: 5_000,
  intervalMs: 20,
  maxIntervalMs: 50,
  backoff: 1.5,
  requestTimeoutMs: 500,
  discoveryTimeoutMs: 0,
  stallTimeoutMs: 0,
  allowDegraded: false,
};

let sim: SapSimulator | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await sim?.close();
});

async function wait(
  options: SapSimulatorOptions,
  inputs: Record<string, string>,
  settings: Partial<WaitSettings> = {},
) {
  sim = await startSapSimulator(options);
  http = createHttpClient();
  const config = sapConfig({ 'service-key': sim.serviceKey, ...inputs });
  const prepared = sapProvider.prepare(config);
  const warnings: string[] = [];
  const log: Logger = { debug() {}, info() {}, warning: (message) => warnings.push(message) };
  const result: RunResult = await waitForTargets({
    targets: prepared.targets,
    session: prepared.open({ config, http, log, mask: () => {} }),
    deploy: config.deploy,
    settings: { ...SETTINGS, ...settings },
    clock: systemClock,
    random: () => 0.5,
    log,
    signal: new AbortController().signal,
  });
  return { result, warnings, sim };
}

describe('SAP targets through the engine', () => {
  it('deploys and ends succeeded with the task id', async () => {
    const { result, sim } = await wait({ scenario: 'deploy-ok' }, { id: 'Order_Sync', deploy: 'true' });
    expect(result).toMatchObject({ verdict: 'succeeded', ready: true });
    expect(result.targets[0]).toMatchObject({ providerStatus: 'STARTED', taskId: sim.taskIds.get('Order_Sync') });
  });

  it('retries a deploy answered 503 with Retry-After, and rides out 429, 503 and resets', async () => {
    const { result, sim } = await wait({ scenario: 'flaky' }, { id: 'Order_Sync', deploy: 'true' });
    expect(result.verdict).toBe('succeeded');
    expect(sim.requests.filter((r) => r.path.startsWith('/api/v1/Deploy'))).toHaveLength(3);
    expect(result.targets[0]?.transientErrors).toBeGreaterThanOrEqual(4);
  });

  it('reports failed without details once the 204s run out, well before the timeout', async () => {
    const { result } = await wait({ scenario: 'error-without-details' }, { id: 'Order_Sync' });
    expect(result.verdict).toBe('failed');
    expect(result.message).toContain('no error details');
    expect(result.durationMs).toBeLessThan(SETTINGS.timeoutMs);
  });

  it('times out on a stale runtime entry after a deploy, never succeeded', async () => {
    const { result } = await wait(
      { scenario: 'stale-runtime' },
      { id: 'Order_Sync', deploy: 'true' },
      { timeoutMs: 1_000 },
    );
    expect(result.verdict).toBe('timed_out');
    expect(result.message).toContain('from before this run');
    expect(result.attempts).toBeGreaterThan(3);
  });

  it('keeps waiting on an unknown word with one warning', async () => {
    const { result, warnings } = await wait(
      { scenario: 'invented-status' },
      { id: 'Order_Sync' },
      { timeoutMs: 1_000 },
    );
    expect(result.verdict).toBe('timed_out');
    expect(result.attempts).toBeGreaterThan(3);
    expect(warnings.filter((w) => w.includes("unrecognized provider status 'WARMING_UP'"))).toHaveLength(1);
  });

  it('follows three ids with their own tasks; the failing one decides', async () => {
    const { result } = await wait(
      { scenario: 'deploy-ok', artifacts: { Billing_Sync: 'deploy-fail' } },
      { id: 'Order_Sync, Billing_Sync, Invoice_Sync', deploy: 'true' },
    );
    expect(result.verdict).toBe('failed');
    expect(result.decidingTarget).toBe('Billing_Sync');
    expect(result.targets.map((t) => t.verdict)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(new Set(result.targets.map((t) => t.taskId)).size).toBe(3);
  });
});
