/**
 * The one end-to-end run that pays the runtime's 2-minute grace: a SUCCESS build whose flow never shows up
 * in the Cloud Integration runtime (an Edge Integration Cell profile) ends `failed` then, not at `timeout`.
 * The rule itself is unit-tested on the injected clock (__tests__/unit/sap/provider.test.ts).
 */
import { afterEach, expect, it } from 'vitest';
import { runAction } from '../../sim/run-action.ts';
import { startSapSimulator, type SapSimulator } from '../../sim/sap.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

let simulator: SapSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

it('fails a SUCCESS build that never reaches the runtime after the 2-minute grace, long before timeout', async () => {
  const sim = await startSapSimulator({ scenario: 'not-deployed' });
  simulator = sim;
  const action = await runAction({
    inputs: {
      provider: 'sap-cloud-integration',
      id: 'Orders_iFlow',
      'service-key': sim.serviceKey,
      ...FAST_INPUTS,
      deploy: 'true',
      interval: '5s',
      'max-interval': '10s',
      'discovery-timeout': '1s',
      timeout: '10m',
    },
    secrets: () => sim.tokensIssued,
    killAfterMs: 300_000,
  });
  expect(action.exitCode).toBe(1);
  expect(action.outputs).toMatchObject({ status: 'failed', 'provider-status': 'SUCCESS (not in runtime)' });
  expect(action.outputs.message).toContain('did not appear in the Cloud Integration runtime within 2m');
  expect(action.outputs.message).toContain('Edge Integration Cell');
  expect(action.summary).toContain('Edge Integration Cell');
  expect(Number(action.outputs.duration ?? 'NaN')).toBeLessThan(5 * 60);
}, 400_000);
