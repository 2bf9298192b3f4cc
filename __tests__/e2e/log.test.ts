/** The job log as a person reads it, through the bundle: annotations per target, details, groups, notes. */
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../sim/run-action.ts';
import { startSapSimulator, type SapSimulator } from '../../sim/sap.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

let simulator: SapSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function sapRun(scenario: string, env: Record<string, string> = {}, inputs: Record<string, string> = {}) {
  simulator = await startSapSimulator({ scenario });
  const sim = simulator;
  return runAction({
    inputs: {
      provider: 'sap-cloud-integration',
      'service-key': sim.serviceKey,
      id: 'Order_Sync\nBilling_Sync',
      deploy: 'true',
      ...FAST_INPUTS,
      ...inputs,
    },
    env,
    secrets: () => sim.tokensIssued,
  });
}

describe('the job log', () => {
  it('two failed flows: two titled ::error annotations, the error details as plain lines, one group per target', async () => {
    const run = await sapRun('deploy-fail');
    expect(run.exitCode).toBe(1);
    const lines = run.visibleLog.split('\n');
    const annotations = lines.filter((line) => line.startsWith('::error title='));
    expect(annotations.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::error title=Order_Sync%3A failed',
      '::error title=Billing_Sync%3A failed',
    ]);
    // the provider's own words (the tenant's recorded diagnostic), not a command, not debug: visible without
    // expanding anything, once under each target's annotation
    expect(lines.filter((line) => line === "  ERROR Script file 'script1.groovy' not found")).toHaveLength(2);
    const groups = lines.filter((line) => line.startsWith('::group::'));
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatch(/^::group::Order_Sync: failed \(FAIL\) · \d+ status reads · /);
    expect(lines.filter((line) => line === '::endgroup::')).toHaveLength(2);
    // each target's last live line carries its error details, not "waiting for error details"
    for (const id of ['Order_Sync', 'Billing_Sync']) {
      const live = lines.filter((line) => line.startsWith(`${id}: failed`));
      expect(live.at(-1)).toContain("Script file 'script1.groovy' not found");
    }
    // the final verdict line is the step's failure, unchanged
    expect(lines.filter((line) => line.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::failed: Order_Sync: /),
    ]);
  });

  it('a timed-out run: one annotation per target and the step failure, no warning about the time that ran out', async () => {
    const run = await sapRun('endless', {}, { timeout: '1s' });
    expect(run.outputs.status).toBe('timed_out');
    const lines = run.visibleLog.split('\n');
    expect(lines.filter((line) => line.startsWith('::warning'))).toEqual([]);
    expect(
      lines.filter((line) => line.startsWith('::error')).map((line) => line.slice(0, line.indexOf('::', 2))),
    ).toEqual(['::error title=Order_Sync%3A timed_out', '::error title=Billing_Sync%3A timed_out', '::error']);
  });

  it('without a summary file: one line saying so, no warning', async () => {
    const run = await sapRun('deploy-ok', { GITHUB_STEP_SUMMARY: '' });
    expect(run.exitCode).toBe(0);
    expect(run.visibleLog).toContain('No job summary written: GITHUB_STEP_SUMMARY is not set.');
    expect(run.visibleLog).not.toContain('::warning');
  });
});

describe('behind a proxy', () => {
  it('goes through HTTPS_PROXY/HTTP_PROXY without undici’s "experimental" warning in the log', async () => {
    const { startConnectProxy } = await import('../unit/http/servers.ts');
    const proxy = await startConnectProxy();
    try {
      simulator = await startSapSimulator({ scenario: 'started' });
      const sim = simulator;
      const run = await runAction({
        inputs: { provider: 'sap-cloud-integration', 'service-key': sim.serviceKey, id: 'Order_Sync', ...FAST_INPUTS },
        env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url },
        secrets: () => sim.tokensIssued,
      });
      expect(run.exitCode).toBe(0);
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(run.visibleLog).not.toMatch(/experimental|UNDICI-EHPA/i);
    } finally {
      await proxy.close();
    }
  });
});
