/**
 * A templated workflow's progress, end to end: the resources created so far against the template's provision
 * steps give a figure, from which the wait estimates the time left and shows it in the summary.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../sim/run-action.ts';
import { startOpenSearchSimulator, type OpenSearchSimulator } from '../../sim/opensearch.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const STEPS = 40;
const TEMPLATE = JSON.stringify({
  name: 'many-indexes',
  workflows: {
    provision: {
      nodes: Array.from({ length: STEPS }, (_, index) => ({
        id: `index_${index + 1}`,
        type: 'create_index',
        user_inputs: { index_name: `products-${index + 1}`, configurations: '{}' },
      })),
    },
  },
});

let simulator: OpenSearchSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

describe('OpenSearch progress from the template', () => {
  it('a provisioning workflow that creates one resource per read shows its progress and the time left', async () => {
    // Never done within the timeout: the summary shows where it stood, and what the estimate said was left.
    simulator = await startOpenSearchSimulator({ cluster: { provisioningReads: 1000 } });
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: simulator.url,
        ...FAST_INPUTS,
        timeout: '3s',
        template: TEMPLATE,
      },
    });
    expect(run.outputs.status).toBe('timed_out');
    const progress = Number(run.outputs.progress);
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(100);
    const result = JSON.parse(run.outputs.result ?? '{}') as { targets: { progress?: number }[] };
    expect(result.targets[0]?.progress).toBe(progress);
    expect(run.summary).toMatch(/about \d+ s left/);
  });
});
