/**
 * SPEC "Waiting, errors, safety": GitHub reporting never holds the step more than 15 s past the verdict, and the
 * final commit status is never followed by an older `pending`.
 */
import { describe, expect, it } from 'vitest';
import { startOpenSearchSimulator } from '../../../sim/opensearch.ts';
import { runAction } from '../../../sim/run-action.ts';
import type { SimServer } from '../../../sim/server.ts';
import { startStalledServer, type StallMode } from '../../../sim/stalled-http.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, githubOfPullRequest, pullRequestRun } from '../../support/hostile.ts';

const keep = closedAfterEach();

const REPORTING = {
  'github-token': 'ghs_stalledApiTest0123456789abcdefg',
  'pr-comment': 'true',
  'commit-status': 'deploy/search',
  environment: 'staging',
};

async function readyCluster(): Promise<SimServer> {
  return keep(await startOpenSearchSimulator({ scenario: 'provision-completed' }));
}

async function stalledRun(mode: StallMode): Promise<void> {
  const cluster = await readyCluster();
  const github = keep(await startStalledServer(mode, 200));
  const { env } = keep(pullRequestRun(github.url));
  const run = await runAction({
    inputs: { provider: 'opensearch-flow-framework', url: cluster.url, id: 'wf-1', ...FAST_INPUTS, ...REPORTING },
    env,
    killAfterMs: 50_000,
  });
  expect(run.exitCode, mode).toBe(0);
  expect(run.outputs.status, mode).toBe('succeeded');
  const verdictAtMs = Math.max(...cluster.requests.map((request) => request.at));
  // The verdict came with the last read; 15 s for GitHub, and some for the process to end (not 15 s more).
  expect(run.durationMs - verdictAtMs, mode).toBeLessThan(15_000 + 5_000);
  // The finish was tried after the start was given up on, the comment's listing included.
  const statusPosts = github.requestLines.filter((line) => line.startsWith('POST /repos/acme/app/statuses/'));
  expect(statusPosts.length, mode).toBeGreaterThanOrEqual(2);
  expect(github.requestLines, mode).toContain('GET /repos/acme/app/issues/17/comments?per_page=100&page=1');
  expect(run.stdout, mode).toMatch(/::warning::Could not set the commit status 'deploy\/search'/);
}

describe('GitHub reporting bounds end to end', () => {
  it('a GitHub API that accepts connections and never answers, or trickles bytes, holds the step at most 15 s past the verdict', async () => {
    // Both at once: each run takes the whole 15 s.
    await Promise.all((['silent', 'trickle'] as const).map(stalledRun));
  }, 60_000);

  it('the start still under way is aborted before the finish: its pending never lands after the final state', async () => {
    const cluster = await readyCluster();
    // The pending status reaches GitHub only after 16 s (an overloaded API): long after the verdict.
    const { github, env } = await githubOfPullRequest(keep, { holds: { createStatus: [16_000] } });
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: cluster.url,
        id: 'wf-1',
        ...FAST_INPUTS,
        'github-token': REPORTING['github-token'],
        'commit-status': 'deploy/search',
      },
      env,
    });
    expect(run.outputs.status).toBe('succeeded');
    const statusRequests = github.requests.filter((request) => request.path.includes('/statuses/'));
    expect(statusRequests.map((request) => JSON.parse(request.body).state)).toEqual(['pending', 'success']);
    // The client gave up on the pending one, so GitHub never acts on it: only the final state is there.
    expect(statusRequests[0]?.clientGone()).toBe(true);
    expect(github.state.statuses.map((status) => status.state)).toEqual(['success']);
    expect(run.durationMs).toBeLessThan(15_000);
  }, 60_000);
});
