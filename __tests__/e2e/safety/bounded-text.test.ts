/** SPEC "Waiting, errors, safety": a provider's text is bounded everywhere it goes, and odd shapes never give an internal message. */
import { describe, expect, it } from 'vitest';
import { runAction } from '../../../sim/run-action.ts';
import { startServer, type SimServer } from '../../../sim/server.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, startStatusServer } from '../../support/hostile.ts';

const keep = closedAfterEach();

async function cluster(body: unknown): Promise<SimServer> {
  return keep(await startStatusServer(() => body));
}

const opensearch = (url: string, inputs: Record<string, string> = {}) => ({
  provider: 'opensearch-flow-framework',
  url,
  id: 'wf-1',
  ...FAST_INPUTS,
  ...inputs,
});

describe('bounded provider text end to end', () => {
  it('a 3 MB state word is cut in the provider-status output, the result, the log and the warning', async () => {
    const server = await cluster({ workflow_id: 'wf-1', state: `RUNNING_${'X'.repeat(3_000_000)}` });
    const run = await runAction({ inputs: opensearch(server.url, { timeout: '1s' }) });
    expect(run.outputs.status).toBe('timed_out');
    expect(server.requests.length).toBeGreaterThan(1);
    expect(run.outputs['provider-status']).toMatch(/^RUNNING_X+…$/);
    expect(run.outputs['provider-status']?.length).toBeLessThanOrEqual(200);
    expect(run.outputs.result?.length).toBeLessThan(10_000);
    expect(run.stdout.length + run.stderr.length).toBeLessThan(50_000);
    expect(run.summary.length).toBeLessThan(50_000);
    expect(run.stdout).toMatch(/::warning::wf-1: unrecognized provider status 'RUNNING_X+…'/);
  });

  it('a field nested 100,000 deep gives no internal message', async () => {
    // Written as text: JSON.stringify itself could not walk it.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const server = keep(
      await startServer(() => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: `{"workflow_id":"wf-1","state":"COMPLETED","resources_created":[{"workflow_step_name":${deep},"workflow_step_id":"create_index","resource_id":"idx-1"}]}`,
      })),
    );
    const run = await runAction({ inputs: opensearch(server.url) });
    expect(`${run.stdout}${run.outputs.message}`).not.toMatch(/call stack|RangeError/i);
    expect(run.outputs).toMatchObject({ status: 'succeeded', ready: 'true' });
    expect(JSON.parse(run.outputs.result ?? '{}').targets[0].components[0].name).toBe('create_index');
  });
});
