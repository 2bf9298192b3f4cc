/** SPEC "Outputs": outputs and the summary are written on every exit path — an unwritable GITHUB_OUTPUT and a signal at start-up included. */
import { describe, expect, it } from 'vitest';
import { startOpenSearchSimulator } from '../../../sim/opensearch.ts';
import { runAction, type ActionRun } from '../../../sim/run-action.ts';
import type { SimServer } from '../../../sim/server.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, githubOfPullRequest } from '../../support/hostile.ts';

const keep = closedAfterEach();

async function cluster(scenario: string): Promise<SimServer> {
  return keep(await startOpenSearchSimulator({ scenario }));
}

describe('exit path end to end', () => {
  it('an unwritable GITHUB_OUTPUT still writes the summary and finishes the GitHub reporting, then fails the step', async () => {
    const opensearch = await cluster('provision-completed');
    const { github, env } = await githubOfPullRequest(keep);
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: opensearch.url,
        id: 'wf-1',
        'github-token': 'ghs_exitPathTest0123456789abcdefgh',
        'commit-status': 'deploy/search',
        ...FAST_INPUTS,
      },
      env: { ...env, GITHUB_OUTPUT: '/nonexistent-await-deploy-dir/output' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toMatch(/Deploy ready/);
    expect(github.state.statuses.map((status) => status.state)).toEqual(['pending', 'success']);
    expect(run.stdout).toMatch(/::error::await-deploy could not write the step outputs: /);
  });

  it('a SIGTERM 60 ms after the process starts still writes outputs and the summary with cancelled', async () => {
    const opensearch = await cluster('endless');
    const inputs = {
      provider: 'opensearch-flow-framework',
      url: opensearch.url,
      id: 'wf-1',
      ...FAST_INPUTS,
      timeout: '30s',
    };
    const signalledRun = () => runAction({ inputs, signal: { name: 'SIGTERM', afterMs: 60 } });
    // On a loaded machine the signal may leave late, or Node may not have run any JavaScript yet (the signal then
    // kills it: exit code null); such a run proves nothing and is tried again. A bundle that takes the signal
    // too late is killed on every try.
    const inTime = (run: ActionRun): boolean => run.exitCode !== null && (run.signalledAtMs ?? Infinity) <= 65;
    let run = await signalledRun();
    for (let attempt = 1; attempt < 8 && !inTime(run); attempt++) run = await signalledRun();
    expect(run.signalledAtMs).toBeLessThanOrEqual(65);
    expect(run.outputs).toMatchObject({ status: 'cancelled', ready: 'false' });
    expect(run.summary).toMatch(/cancelled/i);
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(10_000);
  });
});
