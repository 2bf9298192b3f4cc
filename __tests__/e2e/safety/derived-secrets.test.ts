/** SPEC "Waiting, errors, safety": derived credentials are secrets too, and text sent to GitHub is redacted whatever a secret's length. */
import { describe, expect, it } from 'vitest';
import { runAction } from '../../../sim/run-action.ts';
import type { SimServer } from '../../../sim/server.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, githubOfPullRequest, startStatusServer } from '../../support/hostile.ts';

const keep = closedAfterEach();

/** Fails the workflow with an error that quotes the request's credentials back, as a careless proxy does. */
async function echoingCluster(echo: (authorization: string) => string): Promise<SimServer> {
  return keep(
    await startStatusServer((request) => ({
      workflow_id: 'wf-1',
      state: 'FAILED',
      error: `rejected: ${echo(String(request.headers.authorization ?? ''))}`,
    })),
  );
}

describe('derived secrets end to end', () => {
  it('the token of an Authorization: Bearer value in headers is masked alone, not only the whole value', async () => {
    const token = 'hdr-Bearer-Token-4711-abcdef';
    const cluster = await echoingCluster((authorization) => `token ${authorization.replace(/^Bearer /, '')} expired`);
    // runAction fails the test if the token shows in the log, the outputs or the summary.
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: cluster.url,
        id: 'wf-1',
        headers: `Authorization: Bearer ${token}`,
        ...FAST_INPUTS,
      },
      secrets: [token],
    });
    expect(run.outputs.status).toBe('failed');
    expect(cluster.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(run.stdout).toContain(`::add-mask::${token}`);
    expect(run.outputs.message).toContain('token *** expired');
  });

  it('a short password the provider echoes is blanked from the PR comment and the commit status', async () => {
    const password = 'Zq9';
    const cluster = await echoingCluster((authorization) => {
      const [user, pass] = Buffer.from(authorization.replace(/^Basic /, ''), 'base64')
        .toString('utf8')
        .split(':');
      return `user ${user} with password ${pass} is locked`;
    });
    const { github, env } = await githubOfPullRequest(keep);
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: cluster.url,
        id: 'wf-1',
        username: 'ci',
        password,
        'github-token': 'ghs_shortSecretTest0123456789abcdef',
        'pr-comment': 'true',
        'commit-status': 'deploy/search',
        ...FAST_INPUTS,
      },
      env,
    });
    expect(run.outputs.status).toBe('failed');
    const comment = github.state.comments.get(17)?.[0]?.body ?? '';
    const finalStatus = github.state.statuses.at(-1)?.description ?? '';
    expect(comment).toContain('is locked');
    expect(finalStatus).toContain('is locked');
    expect(comment).not.toContain(password);
    expect(finalStatus).not.toContain(password);
    expect(run.summary).toContain('is locked');
    expect(run.summary).not.toContain(password);
  });
});
