/** Sticky PR comments: one per provider, targets, job and place (url, environment); the marker stays short. */
import { describe, expect, it } from 'vitest';
import { createGithubState, type GithubState } from '../../../sim/github.ts';
import { runAction } from '../../../sim/run-action.ts';
import type { SimServer } from '../../../sim/server.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, githubOfPullRequest, startStatusServer } from '../../support/hostile.ts';

const keep = closedAfterEach();

/** A cluster on which every workflow asked for is COMPLETED. */
async function completedCluster(): Promise<SimServer> {
  return keep(
    await startStatusServer((request) => ({
      workflow_id: request.path.split('/')[4],
      state: 'COMPLETED',
    })),
  );
}

/** One step of job `deploy` on PR 17, commenting through a GitHub simulator that keeps `state`. */
async function step(state: GithubState, cluster: SimServer, inputs: Record<string, string> = {}) {
  const { env } = await githubOfPullRequest(keep, { state });
  return runAction({
    inputs: {
      provider: 'opensearch-flow-framework',
      url: cluster.url,
      id: 'wf-1',
      ...FAST_INPUTS,
      'github-token': 'ghs_stickyComments0123456789abcdefg',
      'pr-comment': 'true',
      ...inputs,
    },
    env,
  });
}

describe('sticky comments end to end', () => {
  it('two steps watching the same id on different clusters, or environments, keep separate comments', async () => {
    const state = createGithubState();
    const [east, west] = [await completedCluster(), await completedCluster()];
    await step(state, east);
    await step(state, west);
    await step(state, east, { environment: 'staging' });
    expect(state.comments.get(17)?.map((comment) => comment.body.includes(east.url))).toEqual([true, false, true]);
    // The next run of each step updates its own comment.
    await step(state, west);
    expect(state.comments.get(17)).toHaveLength(3);
  });

  it('with 1,000 long ids the marker stays short and the comment is written', async () => {
    const cluster = await completedCluster();
    const ids = Array.from({ length: 1_000 }, (_, index) => `workflow-${index}-${'x'.repeat(90)}`);
    const state = createGithubState();
    const run = await step(state, cluster, { id: ids.join('\n'), timeout: '60s' });
    expect(run.outputs.status).toBe('succeeded');
    const body = state.comments.get(17)?.[0]?.body ?? '';
    const marker = body.split('\n')[0] ?? '';
    expect(marker).toMatch(/^<!-- await-deploy:opensearch-flow-framework:ids-[0-9a-f]{16}:deploy:[0-9a-f]{16} -->$/);
    expect(body.length).toBeLessThan(65_536);
  }, 60_000);
});
