import { describe, expect, it } from 'vitest';
import type { GithubSettings } from '../../../../src/config/config.ts';
import { VERDICT_SEVERITY } from '../../../../src/core/types.ts';
import { buildPrComment, findStickyComment, pickPullRequest } from '../../../../src/report/github/comment.ts';
import { readGithubRunContext } from '../../../../src/report/github/context.ts';
import { describeFailure, retryDelayMs } from '../../../../src/report/github/failures.ts';
import { stickyMarker } from '../../../../src/report/github/marker.ts';
import {
  commitState,
  deploymentState,
  planCommitStatus,
  planDeployment,
  planDeploymentStatus,
} from '../../../../src/report/github/plan.ts';
import {
  HOSTILE,
  NL_FLOW_INFO,
  OPENSEARCH_INFO,
  inputError,
  nlFlowFailed,
  opensearchReady,
  run,
  sapCancelled,
  target,
} from '../results.ts';
import { ALL_FEATURES, ENV, HEAD_SHA, MERGE_SHA, pullRequestContext, pushContext } from './fixtures.ts';

describe('readGithubRunContext', () => {
  it('reads the pull request head from the event payload', () => {
    const context = pullRequestContext();
    expect(context).toMatchObject({
      apiUrl: 'https://api.github.com',
      owner: 'acme',
      repo: 'search-app',
      eventName: 'pull_request',
      sha: MERGE_SHA,
      job: 'deploy',
      runUrl: 'https://github.com/acme/search-app/actions/runs/9876543210',
      pullRequest: { number: 42, headSha: HEAD_SHA, headRef: 'feature/faster-search', fromFork: false },
      problems: [],
    });
    expect(pullRequestContext({ fork: true }).pullRequest?.fromFork).toBe(true);
    expect(pullRequestContext({ event: 'pull_request_target' }).pullRequest?.number).toBe(42);
  });

  it('honours GitHub Enterprise Server URLs', () => {
    const context = readGithubRunContext(
      {
        ...ENV,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_API_URL: 'https://ghe.acme.internal/api/v3/',
        GITHUB_SERVER_URL: 'https://ghe.acme.internal/',
      },
      () => '{}',
    );
    expect(context.apiUrl).toBe('https://ghe.acme.internal/api/v3');
    expect(context.runUrl).toBe('https://ghe.acme.internal/acme/search-app/actions/runs/9876543210');
  });

  it('reads no payload for other events, and reports an unreadable one', () => {
    let read = false;
    const push = readGithubRunContext({ ...ENV, GITHUB_EVENT_NAME: 'push' }, () => {
      read = true;
      return '{}';
    });
    expect(read).toBe(false);
    expect(push.pullRequest).toBeUndefined();
    const broken = readGithubRunContext({ ...ENV, GITHUB_EVENT_NAME: 'pull_request' }, () => {
      throw new Error('ENOENT: no such file');
    });
    expect(broken.pullRequest).toBeUndefined();
    expect(broken.problems).toEqual(['could not read the event payload: ENOENT: no such file']);
    const empty = readGithubRunContext({ ...ENV, GITHUB_EVENT_NAME: 'pull_request' }, () => '{"action":"opened"}');
    expect(empty.problems).toEqual(['the pull_request event payload has no pull_request']);
  });

  it('leaves the run URL empty without a repository', () => {
    const context = readGithubRunContext({ GITHUB_RUN_ID: '1' }, () => '{}');
    expect(context).toMatchObject({ owner: '', repo: '', runUrl: '', apiUrl: 'https://api.github.com' });
  });
});

describe('planCommitStatus', () => {
  it('pending on the PR head commit when the wait starts', () => {
    expect(planCommitStatus(undefined, pullRequestContext(), ALL_FEATURES, OPENSEARCH_INFO)).toEqual({
      owner: 'acme',
      repo: 'search-app',
      sha: HEAD_SHA,
      state: 'pending',
      context: 'deploy/search',
      description: 'Waiting for opensearch-flow-framework: wf-1',
      target_url: 'https://github.com/acme/search-app/actions/runs/9876543210',
    });
  });

  it('on GITHUB_SHA outside pull requests', () => {
    expect(planCommitStatus(opensearchReady(), pushContext(), ALL_FEATURES, OPENSEARCH_INFO)).toMatchObject({
      sha: HEAD_SHA,
      state: 'success',
      description: 'succeeded: provisioning completed',
    });
  });

  it('is not planned without a context name', () => {
    expect(
      planCommitStatus(undefined, pushContext(), { ...ALL_FEATURES, commitStatus: undefined }, OPENSEARCH_INFO),
    ).toBeUndefined();
  });

  it('keeps the description under 140 characters, on one line', () => {
    const long = run([target('a', 'failed', { message: `first line\n${'x'.repeat(400)}` })]);
    const { description } = planCommitStatus(long, pushContext(), ALL_FEATURES, OPENSEARCH_INFO)!;
    expect(description.length).toBeLessThan(140);
    expect(description).toMatch(/^failed: first line x+…$/);
  });

  it('maps every verdict: success when ready, error when it could not tell, failure otherwise', () => {
    const states = Object.fromEntries(
      VERDICT_SEVERITY.map((verdict) => [verdict, commitState(run([target('a', verdict)]))]),
    );
    expect(states).toEqual({
      error: 'error',
      failed: 'failure',
      not_found: 'failure',
      inactive: 'failure',
      timed_out: 'failure',
      cancelled: 'error',
      unknown: 'failure',
      pending: 'failure',
      in_progress: 'failure',
      degraded: 'failure',
      succeeded: 'success',
    });
    expect(commitState(run([target('a', 'degraded')], true))).toBe('success');
    expect(commitState(inputError())).toBe('error');
  });
});

describe('planDeployment and planDeploymentStatus', () => {
  it('deploys the PR head branch, not gated by other checks', () => {
    expect(planDeployment(pullRequestContext(), ALL_FEATURES, OPENSEARCH_INFO)).toEqual({
      owner: 'acme',
      repo: 'search-app',
      ref: 'feature/faster-search',
      environment: 'staging',
      description: 'await-deploy: opensearch-flow-framework wf-1',
      required_contexts: [],
      auto_merge: false,
    });
  });

  it('uses the head commit for a fork (its branch does not exist here) and GITHUB_REF elsewhere', () => {
    expect(planDeployment(pullRequestContext({ fork: true }), ALL_FEATURES, OPENSEARCH_INFO)?.ref).toBe(HEAD_SHA);
    expect(planDeployment(pushContext(), ALL_FEATURES, OPENSEARCH_INFO)?.ref).toBe('refs/heads/main');
    expect(planDeployment(pushContext(), { ...ALL_FEATURES, environment: undefined }, OPENSEARCH_INFO)).toBeUndefined();
  });

  it('in_progress with the log and environment URLs, then the verdict', () => {
    expect(planDeploymentStatus(undefined, 7, pullRequestContext(), ALL_FEATURES, OPENSEARCH_INFO)).toEqual({
      owner: 'acme',
      repo: 'search-app',
      deployment_id: 7,
      state: 'in_progress',
      description: 'Waiting for opensearch-flow-framework: wf-1',
      log_url: 'https://github.com/acme/search-app/actions/runs/9876543210',
      environment_url: 'https://staging.search.example.com',
    });
    expect(planDeploymentStatus(nlFlowFailed(), 7, pullRequestContext(), ALL_FEATURES, OPENSEARCH_INFO)).toMatchObject({
      state: 'failure',
      description: 'failed: classifier: Unschedulable: 0/2 nodes are available: 2 Insufficient memory.',
    });
    const withoutUrl = planDeploymentStatus(
      undefined,
      7,
      pullRequestContext(),
      { ...ALL_FEATURES, environmentUrl: undefined },
      OPENSEARCH_INFO,
    );
    expect(withoutUrl).not.toHaveProperty('environment_url');
  });

  it("defaults environment_url to the one endpoint of the run's one flow, never over environment-url", () => {
    const noUrl: GithubSettings = { ...ALL_FEATURES, environmentUrl: undefined };
    const withEndpoints = (endpoints: Record<string, string[]>) => ({ ...opensearchReady(), endpoints });
    const plan = (result: ReturnType<typeof withEndpoints>, settings = noUrl) =>
      planDeploymentStatus(result, 7, pullRequestContext(), settings, OPENSEARCH_INFO).environment_url;
    expect(plan(withEndpoints({ Orders_iFlow: ['https://rt.example/http/orders'] }))).toBe(
      'https://rt.example/http/orders',
    );
    expect(plan(withEndpoints({ Orders_iFlow: ['https://rt.example/http/orders'] }), ALL_FEATURES)).toBe(
      'https://staging.search.example.com',
    );
    expect(plan(withEndpoints({ Orders_iFlow: ['https://rt.example/a', 'https://rt.example/b'] }))).toBeUndefined();
    expect(plan(withEndpoints({ A: ['https://rt.example/a'], B: ['https://rt.example/b'] }))).toBeUndefined();
    expect(plan(withEndpoints({ A: [] }))).toBeUndefined();
    expect(plan(withEndpoints({ A: ['javascript:alert(1)'] }))).toBeUndefined();
  });

  it('maps verdicts: success, inactive on cancellation, error, failure', () => {
    expect(deploymentState(opensearchReady())).toBe('success');
    expect(deploymentState(sapCancelled())).toBe('inactive');
    expect(deploymentState(inputError())).toBe('error');
    expect(deploymentState(nlFlowFailed())).toBe('failure');
    expect(deploymentState(run([target('a', 'timed_out')]))).toBe('failure');
  });
});

describe('the sticky PR comment', () => {
  it('has a marker keyed by provider, ids, job and place that ids cannot break out of', () => {
    const context = pullRequestContext();
    expect(stickyMarker(OPENSEARCH_INFO, context)).toMatch(
      /^<!-- await-deploy:opensearch-flow-framework:wf-1:deploy:[0-9a-f]{16} -->$/,
    );
    const sneaky = stickyMarker({ ...OPENSEARCH_INFO, ids: ['a-->b', 'c:d'] }, context);
    expect(sneaky).toMatch(/^<!-- await-deploy:opensearch-flow-framework:a--%3Eb%2Cc%3Ad:deploy:[0-9a-f]{16} -->$/);
    expect(sneaky.indexOf('-->')).toBe(sneaky.length - 3);
    expect(stickyMarker(OPENSEARCH_INFO, { ...context, job: 'other' })).not.toBe(
      stickyMarker(OPENSEARCH_INFO, context),
    );
  });

  it('keeps steps apart that watch the same id on another cluster or environment', () => {
    const context = pullRequestContext();
    const markers = new Set([
      stickyMarker(OPENSEARCH_INFO, context),
      stickyMarker({ ...OPENSEARCH_INFO, endpoint: 'https://other-cluster.example:9200' }, context),
      stickyMarker(OPENSEARCH_INFO, context, 'staging'),
      stickyMarker(OPENSEARCH_INFO, context, 'production'),
    ]);
    expect(markers.size).toBe(4);
    expect(stickyMarker(OPENSEARCH_INFO, context, 'staging')).toBe(stickyMarker(OPENSEARCH_INFO, context, 'staging'));
  });

  it('stays short with 1,000 long ids', () => {
    const ids = Array.from({ length: 1_000 }, (_, index) => `integration-flow-with-a-long-name-${index}`.repeat(3));
    const marker = stickyMarker({ ...OPENSEARCH_INFO, ids }, pullRequestContext());
    expect(marker.length).toBeLessThan(120);
    expect(marker).not.toBe(stickyMarker({ ...OPENSEARCH_INFO, ids: ids.slice(1) }, pullRequestContext()));
  });

  it('shows the verdict table and links the run', async () => {
    const context = pullRequestContext();
    const body = buildPrComment(nlFlowFailed(), NL_FLOW_INFO, context, stickyMarker(NL_FLOW_INFO, context));
    await expect(body).toMatchFileSnapshot('../__snapshots__/pr-comment-failed.md');
    expect(body).toMatch(/^<!-- await-deploy:nl-flow:support-triage:deploy:[0-9a-f]{16} -->\n/);
    expect(body).toContain('[workflow run](https://github.com/acme/search-app/actions/runs/9876543210)');
    expect(body).toContain('| <code>support-triage</code> | ❌ failed | PUBLISHED/RED/SYNC |');
  });

  it('pings nobody and cannot be closed early by provider text', () => {
    const context = pullRequestContext();
    const marker = stickyMarker(OPENSEARCH_INFO, context);
    const body = buildPrComment(
      run([target(HOSTILE, 'failed', { providerStatus: HOSTILE, message: HOSTILE })]),
      { ...OPENSEARCH_INFO, ids: [HOSTILE] },
      context,
      marker,
    );
    expect(body).not.toMatch(/@(octocat|org\/team)/);
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(body).not.toContain('<script');
    expect(body.length).toBeLessThan(65_536);
  });

  it('stays under GitHub’s comment limit with many long rows', () => {
    const long = 'z'.repeat(5_000);
    const many = run(
      Array.from({ length: 500 }, (_, index) =>
        target(`${long}${index}`, 'failed', { message: long, providerStatus: long }),
      ),
    );
    const body = buildPrComment(many, OPENSEARCH_INFO, pullRequestContext(), '<!-- m -->');
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body).toContain('more targets: ');
  });

  it('finds the comment that starts with the marker, not one quoting it', () => {
    const marker = '<!-- await-deploy:nl-flow:wf:deploy -->';
    const comments = [
      { id: 1, body: 'LGTM' },
      { id: 2, body: `> ${marker}\n> quoted` },
      { id: 3, body: null },
      { id: 4, body: `${marker}\n### ✅ Deploy ready` },
      { id: 5, body: `${marker}\nlater duplicate` },
    ];
    expect(findStickyComment(comments, marker)).toBe(4);
    expect(findStickyComment(comments.slice(0, 3), marker)).toBeUndefined();
    expect(findStickyComment(comments, '<!-- await-deploy:nl-flow:wf:other -->')).toBeUndefined();
  });

  it('picks the open pull request whose head is the pushed commit', () => {
    const pulls = [
      { number: 1, state: 'closed', head: { sha: HEAD_SHA } },
      { number: 2, state: 'open', head: { sha: 'other' } },
      { number: 3, state: 'open', head: { sha: HEAD_SHA } },
    ];
    expect(pickPullRequest(pulls, HEAD_SHA)).toBe(3);
    expect(pickPullRequest(pulls.slice(0, 2), HEAD_SHA)).toBe(2);
    expect(pickPullRequest(pulls.slice(0, 1), HEAD_SHA)).toBeUndefined();
    expect(pickPullRequest([], HEAD_SHA)).toBeUndefined();
  });
});

describe('GitHub API failures', () => {
  const failure = (status: number, headers: Record<string, string> = {}, message = 'nope') => ({
    status,
    message,
    response: { headers },
  });
  const NOW = 1_700_000_000_000;

  it('retries 5xx and rate limits at most twice, with short waits', () => {
    expect(retryDelayMs(failure(502), 1, NOW)).toBe(1_000);
    expect(retryDelayMs(failure(503), 2, NOW)).toBe(2_000);
    expect(retryDelayMs(failure(503), 3, NOW)).toBeUndefined();
    expect(retryDelayMs(failure(429, { 'retry-after': '2' }), 1, NOW)).toBe(2_000);
    expect(
      retryDelayMs(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3) }), 1, NOW),
    ).toBe(3_000);
  });

  it("retries GitHub's secondary rate limit (a 403 with Retry-After or saying so), not a missing permission", () => {
    const secondary = failure(
      403,
      { 'retry-after': '3', 'x-ratelimit-remaining': '4990' },
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    );
    expect(retryDelayMs(secondary, 1, NOW)).toBe(3_000);
    expect(retryDelayMs(failure(403, { 'x-ratelimit-remaining': '4990' }, secondary.message), 1, NOW)).toBe(1_000);
    expect(describeFailure('set the commit status', secondary, 'statuses: write')).not.toMatch(/permissions/);
  });

  it('gives up at once on what a retry cannot fix, or a long announced wait', () => {
    expect(retryDelayMs(failure(403), 1, NOW)).toBeUndefined();
    expect(retryDelayMs(failure(404), 1, NOW)).toBeUndefined();
    expect(retryDelayMs(failure(422), 1, NOW)).toBeUndefined();
    expect(retryDelayMs(failure(429, { 'retry-after': '60' }), 1, NOW)).toBeUndefined();
    expect(
      retryDelayMs(
        failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3600) }),
        1,
        NOW,
      ),
    ).toBeUndefined();
    expect(retryDelayMs(new Error('boom'), 1, NOW)).toBeUndefined();
  });

  it('names the missing permission on 403 and 404', () => {
    const message = describeFailure(
      'write the comment on pull request #42',
      failure(403, {}, 'Resource not accessible by integration'),
      'pull-requests: write',
    );
    expect(message).toBe(
      'Could not write the comment on pull request #42: HTTP 403 Resource not accessible by integration — the workflow needs ' +
        '`permissions: pull-requests: write` for the github-token (pull requests from forks only get a read-only token); ' +
        "the step's verdict is unchanged.",
    );
    expect(describeFailure('set the commit status', failure(404, {}, 'Not Found'), 'statuses: write')).toContain(
      '`permissions: statuses: write`',
    );
    expect(describeFailure('x', failure(403, { 'x-ratelimit-remaining': '0' }), 'statuses: write')).toContain(
      'rate limit',
    );
    expect(describeFailure('x', failure(422, {}, 'Validation Failed\nmore'), 'statuses: write')).toBe(
      "Could not x: HTTP 422 Validation Failed; the step's verdict is unchanged.",
    );
    expect(describeFailure('x', new Error('socket hang up'), 'statuses: write')).toBe(
      "Could not x: socket hang up; the step's verdict is unchanged.",
    );
  });
});
