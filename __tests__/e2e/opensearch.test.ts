import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type RunActionOptions } from '../../sim/run-action.ts';
import {
  PROVISION_PERMISSION,
  startOpenSearchSimulator,
  type OpenSearchSimulator,
  type OpenSearchSimulatorOptions,
} from '../../sim/opensearch.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const PASSWORD = 'opensearch-Pa55word!';

let simulator: OpenSearchSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function play(
  options: OpenSearchSimulatorOptions,
  inputs: Record<string, string> = {},
  extra: Partial<RunActionOptions> = {},
): Promise<{ run: ActionRun; sim: OpenSearchSimulator }> {
  simulator = await startOpenSearchSimulator(options);
  const result = await runAction({
    inputs: { provider: 'opensearch-flow-framework', url: simulator.url, id: 'wf-1', ...FAST_INPUTS, ...inputs },
    ...extra,
  });
  return { run: result, sim: simulator };
}

const statusReads = (sim: OpenSearchSimulator) => sim.requests.filter((r) => r.path.endsWith('/_status'));
const PROVISION_PATH = '/_plugins/_flow_framework/workflow/wf-1/_provision';

/** The summary's verdict headline and the row of workflow wf-1 in its target table. */
function expectSummary(run: ActionRun, headline: string, verdict: string, providerStatus: string): void {
  expect(run.summary).toMatch(new RegExp(`^## \\S+ ${headline}: wf-1$`, 'm'));
  // Without a provider word the column is left out.
  const word = providerStatus ? ` ${providerStatus} \\|` : '';
  expect(run.summary).toMatch(new RegExp(`^\\| <code>wf-1</code> \\| \\S+ ${verdict} \\|${word}`, 'm'));
  if (!providerStatus) expect(run.summary).not.toContain('| Provider status |');
}

describe('opensearch-flow-framework end to end', () => {
  it('provisions, follows NOT_STARTED → PROVISIONING → COMPLETED and passes', async () => {
    const { run, sim } = await play(
      { scenario: 'provision-completed', basicAuth: { username: 'ci', password: PASSWORD }, provisionAnswer: 202 },
      { deploy: 'true', username: 'ci', password: PASSWORD },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'succeeded',
      ready: 'true',
      'provider-status': 'COMPLETED',
      progress: '100',
      attempts: '4',
    });
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      path: '/_plugins/_flow_framework/workflow/wf-1/_provision',
    });
    expect(statusReads(sim)).toHaveLength(4);
    expect(statusReads(sim)[0]?.url).toBe('/_plugins/_flow_framework/workflow/wf-1/_status?all=true');
    const result = JSON.parse(run.outputs.result ?? '{}');
    expect(result).toMatchObject({ status: 'succeeded', ready: true, targets: [{ id: 'wf-1', status: 'succeeded' }] });
    expect(run.summary).toContain('wf-1');
    expect(run.summary).toContain('register_remote_model');
  });

  it('reads the status when the workflow is already provisioned (400)', async () => {
    const { run, sim } = await play(
      { scenario: 'provision-completed', provisionAnswer: 'already' },
      { deploy: 'true' },
    );
    expect(sim.answers[0]).toEqual({ method: 'POST', path: PROVISION_PATH, status: 400 });
    expect(run.outputs.status).toBe('succeeded');
    expect(run.exitCode).toBe(0);
    expect(statusReads(sim).length).toBeGreaterThan(0);
  });

  it('provisions on OpenSearch 2.x (200) and passes', async () => {
    const { run, sim } = await play({ scenario: 'provision-completed', provisionAnswer: 200 }, { deploy: 'true' });
    expect(sim.answers[0]).toEqual({ method: 'POST', path: PROVISION_PATH, status: 200 });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'succeeded', ready: 'true', 'provider-status': 'COMPLETED' });
    expect(statusReads(sim)).toHaveLength(4);
  });

  it('stops with error and the reason when provisioning is forbidden (403)', async () => {
    const { run, sim } = await play(
      { scenario: 'provision-completed', provisionAnswer: 'forbidden' },
      { deploy: 'true' },
    );
    expect(sim.answers).toEqual([{ method: 'POST', path: PROVISION_PATH, status: 403 }]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'error', ready: 'false' });
    expect(run.outputs.message).toContain('403');
    expect(run.outputs.message).toContain(`no permissions for [${PROVISION_PERMISSION}]`);
    expectSummary(run, 'Deploy could not be checked', 'error', '');
  });

  it('sends a token as Authorization: Bearer', async () => {
    const token = 'os-Bearer-T0ken-4417';
    const { run, sim } = await play(
      { scenario: 'provision-completed', bearerToken: token, provisionAnswer: 202 },
      { deploy: 'true', token },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(sim.requests.length).toBeGreaterThan(1);
    for (const request of sim.requests) expect(request.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('stops with error when the bearer token is refused (401)', async () => {
    const { run, sim } = await play(
      { scenario: 'provision-completed', bearerToken: 'os-Bearer-T0ken-4417' },
      { token: 'os-Bearer-Wrong-0000' },
    );
    expect(sim.answers.map((answer) => answer.status)).toEqual([401]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(/401.*credentials/);
  });

  it('fails with the provider error text on FAILED', async () => {
    const { run } = await play({ scenario: 'provision-failed' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', ready: 'false', 'provider-status': 'FAILED' });
    expect(run.outputs.message).toContain('Failed to create connector: invalid credential');
    expect(run.stdout).toContain('::error::');
    expectSummary(run, 'Deploy failed', 'failed', 'FAILED');
    expect(run.summary).toContain('Failed to create connector: invalid credential');
  });

  it('reports not_found on 404', async () => {
    const { run } = await play({ scenario: 'not-found' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'not_found', ready: 'false' });
    expect(run.outputs.message).toContain('Fail to find workflow status of wf-1');
    expectSummary(run, 'Deploy not found', 'not_found', 'NOT_FOUND');
  });

  it('times out on endless PROVISIONING within timeout + 1 s', async () => {
    const { run } = await play({ scenario: 'endless' }, { timeout: '2s', interval: '300ms', 'max-interval': '5s' });
    expect(run.outputs.status).toBe('timed_out');
    expect(run.outputs['provider-status']).toBe('PROVISIONING');
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(3_000);
    expect(run.durationMs).toBeGreaterThanOrEqual(2_000);
    expectSummary(run, 'Deploy timed out', 'timed_out', 'PROVISIONING');
  });

  it('rides out 503, 429 and resets and still succeeds', async () => {
    const { run, sim } = await play({ scenario: 'flaky' });
    expect(run.outputs.status).toBe('succeeded');
    expect(run.exitCode).toBe(0);
    expect(statusReads(sim)).toHaveLength(6);
    expect(run.stdout).toMatch(/::warning::.*503/);
  });

  it('retries an answer slower than request-timeout and still succeeds', async () => {
    const { run, sim } = await play({ scenario: 'slow-once' }, { 'request-timeout': '500ms' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'succeeded', attempts: '2' });
    expect(statusReads(sim)).toHaveLength(2);
    // the first read gave up at request-timeout rather than waiting for the slow answer
    expect(run.stdout).toMatch(/::warning::.*timed out after 500ms/);
  });

  it('stops at once with error on 401 without a body', async () => {
    const { run, sim } = await play(
      { scenario: 'endless', basicAuth: { username: 'ci', password: PASSWORD } },
      { username: 'ci', password: 'wrong-password', timeout: '30s' },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(/401.*credentials/);
    expectSummary(run, 'Deploy could not be checked', 'error', '');
    expect(statusReads(sim)).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(5_000);
  });

  it('is an error, not a success, when a login page answers with 200', async () => {
    const { run } = await play({ scenario: 'html-login' });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain('got an HTML page');
  });

  it('keeps waiting on an invented state and never calls it success', async () => {
    const { run } = await play({ scenario: 'invented-state' }, { timeout: '1s' });
    expect(run.outputs.status).toBe('timed_out');
    expect(run.outputs['provider-status']).toBe('WARMING_UP');
    expect(run.stdout.match(/unrecognized provider status 'WARMING_UP'/g)).toHaveLength(1);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'writes outputs and summary with verdict cancelled within 2 s of %s',
    async (signal) => {
      const { run } = await play(
        { scenario: 'endless' },
        { timeout: '60s' },
        { signal: { name: signal, afterMs: 1_000 } },
      );
      expect(run.signalledAtMs).toBeDefined();
      expect(run.outputs.status).toBe('cancelled');
      expect(run.outputs.ready).toBe('false');
      expectSummary(run, 'Wait cancelled', 'cancelled', 'PROVISIONING');
      expect(run.durationMs - (run.signalledAtMs ?? 0)).toBeLessThan(2_000);
      expect(run.exitCode).toBe(1);
    },
  );

  it("leaves the job summary empty with summary: 'false', and still writes the outputs", async () => {
    const { run } = await play({ scenario: 'provision-completed' }, { summary: 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'succeeded', ready: 'true', attempts: '4' });
    expect(run.summary).toBe('');
  });

  it('leaves the decision to later steps with fail-on-not-ready: false', async () => {
    const { run } = await play({ scenario: 'provision-failed' }, { 'fail-on-not-ready': 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'failed', ready: 'false' });
  });

  it('watches several workflows and reports the worst', async () => {
    const { run } = await play(
      { scenario: 'provision-completed', workflows: { 'wf-bad': 'provision-failed' } },
      { id: 'wf-1\nwf-bad, wf-2' },
    );
    expect(run.outputs.status).toBe('failed');
    const result = JSON.parse(run.outputs.result ?? '{}') as { targets: { id: string; status: string }[] };
    expect(result.targets.map((t) => [t.id, t.status])).toEqual([
      ['wf-1', 'succeeded'],
      ['wf-bad', 'failed'],
      ['wf-2', 'succeeded'],
    ]);
  });
});
