/** What real Flow Framework clusters answer beyond the happy path (SPEC "What real clusters answer"), end to end. */
import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import {
  startOpenSearchSimulator,
  type OpenSearchSimulator,
  type OpenSearchSimulatorOptions,
} from '../../sim/opensearch.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

let simulator: OpenSearchSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function play(
  options: OpenSearchSimulatorOptions,
  inputs: Record<string, string> = {},
): Promise<{ run: ActionRun; sim: OpenSearchSimulator }> {
  simulator = await startOpenSearchSimulator(options);
  const run = await runAction({
    inputs: { provider: 'opensearch-flow-framework', url: simulator.url, id: 'wf-1', ...FAST_INPUTS, ...inputs },
  });
  return { run, sim: simulator };
}

const provisions = (sim: OpenSearchSimulator) => sim.requests.filter((r) => r.path.endsWith('/_provision'));

describe('opensearch-flow-framework: what real clusters answer', () => {
  it('a 404 "Failed to get workflow status of" is the state index not answering: retried, then succeeded', async () => {
    const { run, sim } = await play({ scenario: 'state-index-unavailable' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'succeeded', 'provider-status': 'COMPLETED' });
    expect(sim.answers.filter((a) => a.status === 404)).toHaveLength(2);
    expect(run.stdout).toMatch(/::warning::.*workflow state index/);
  });

  it('_provision refused because an earlier run FAILED: failed, with its error and the deprovision hint', async () => {
    const { run, sim } = await play(
      { scenario: 'failed-earlier', provisionAnswer: 'failed-state' },
      { deploy: 'true' },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', 'provider-status': 'FAILED' });
    expect(run.outputs.message).toContain('Failed to deploy model');
    expect(run.outputs.message).toContain('_plugins/_flow_framework/workflow/wf-1/_deprovision');
    expect(provisions(sim)).toHaveLength(1);
  });

  it('state unknown, then NOT_STARTED: provisions again and succeeds', async () => {
    const { run, sim } = await play(
      { scenario: 'provision-completed', provisionAnswer: ['unknown-state', 202] },
      { deploy: 'true' },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(provisions(sim).map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('state unknown for good: at most 3 _provision requests in all', async () => {
    const { run, sim } = await play(
      { scenario: 'never-started', provisionAnswer: 'unknown-state' },
      { deploy: 'true', timeout: '1500ms' },
    );
    expect(run.outputs).toMatchObject({ status: 'timed_out', 'provider-status': 'NOT_STARTED' });
    expect(provisions(sim)).toHaveLength(3);
  });

  it('2.12\'s "already been provisioned" is no failure: the status decides', async () => {
    const { run } = await play(
      { scenario: 'provision-completed', provisionAnswer: 'already-2.12' },
      { deploy: 'true' },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
  });

  it('403 API disabled names the setting, not the credentials', async () => {
    const { run, sim } = await play({ scenario: 'api-disabled' });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain('set plugins.flow_framework.enabled to true');
    expect(run.outputs.message).not.toContain('check the credentials');
    expect(sim.requests).toHaveLength(1);
  });

  it('403 on _provision for a missing tenant header names the header', async () => {
    const { run } = await play({ provisionAnswer: 'tenant-missing' }, { deploy: 'true' });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain('x-tenant-id');
    expect(run.outputs.message).toContain('Tenant ID header is missing');
    expect(run.outputs.message).not.toContain('check the credentials');
  });
});
