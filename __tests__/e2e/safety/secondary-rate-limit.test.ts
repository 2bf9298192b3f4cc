/** GitHub's secondary rate limit is waited out and retried within the reporting bound, and is no missing permission. */
import { describe, expect, it } from 'vitest';
import { startOpenSearchSimulator } from '../../../sim/opensearch.ts';
import { runAction } from '../../../sim/run-action.ts';
import { json } from '../../../sim/server.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, githubOfPullRequest } from '../../support/hostile.ts';

const keep = closedAfterEach();

/** GitHub's answer (message as documented for secondary rate limits), with requests left on the primary limit. */
const secondaryRateLimit = (headers: Record<string, string>) =>
  json(
    403,
    {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222.',
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
    { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4990', ...headers },
  );

describe('secondary rate limit end to end', () => {
  it('a 403 with Retry-After, or one saying so, is retried after the wait, not reported as a missing permission', async () => {
    const opensearch = keep(await startOpenSearchSimulator({ scenario: 'provision-completed' }));
    const { github, env } = await githubOfPullRequest(keep, {
      faults: {
        createStatus: [secondaryRateLimit({ 'retry-after': '1' })],
        createComment: [secondaryRateLimit({})],
      },
    });
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: opensearch.url,
        id: 'wf-1',
        ...FAST_INPUTS,
        'github-token': 'ghs_secondaryLimit0123456789abcdefg',
        'commit-status': 'deploy/search',
        'pr-comment': 'true',
      },
      env,
    });
    expect(run.exitCode).toBe(0);
    expect(github.state.statuses.map((status) => status.state)).toEqual(['pending', 'success']);
    expect(github.state.comments.get(17)).toHaveLength(1);
    expect(run.stdout).not.toMatch(/permissions:/);
    expect(run.stdout).not.toMatch(/::warning::Could not/);
  });
});
