/** The reporter with the real Octokit against the GitHub simulator over HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGithubState,
  requestLines,
  startGithubSimulator,
  type GithubSimulator,
  type GithubSimulatorOptions,
} from '../../../../sim/github.ts';
import { fault } from '../../../../sim/server.ts';
import type { GithubSettings } from '../../../../src/config/config.ts';
import type { Logger } from '../../../../src/core/logger.ts';
import { Redactor } from '../../../../src/core/redact.ts';
import { connectGithub } from '../../../../src/report/github/api.ts';
import type { GithubRunContext } from '../../../../src/report/github/context.ts';
import { createGithubReporter } from '../../../../src/report/github/reporter.ts';
import { OPENSEARCH_INFO, nlFlowFailed, opensearchReady, run, sapCancelled, target } from '../results.ts';
import { ALL_FEATURES, HEAD_SHA, pullRequestContext, pushContext } from './fixtures.ts';

class Lines implements Logger {
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly debug = (): void => {};
  readonly infos: string[] = [];
  readonly warnings: string[] = [];
  constructor() {
    this.info = (message) => this.infos.push(message);
    this.warning = (message) => this.warnings.push(message);
  }
}

const REPO = '/repos/acme/search-app';
let simulator: GithubSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

interface Setup {
  sim?: GithubSimulatorOptions;
  settings?: Partial<GithubSettings>;
  context?: GithubRunContext;
  secrets?: string[];
}

async function reporter(setup: Setup = {}) {
  simulator = await startGithubSimulator({ token: ALL_FEATURES.token, ...setup.sim });
  const sim = simulator;
  const log = new Lines();
  const sleeps: number[] = [];
  const redactor = new Redactor();
  for (const secret of setup.secrets ?? []) redactor.add(secret);
  const github = createGithubReporter({
    settings: { ...ALL_FEATURES, ...setup.settings },
    context: { ...(setup.context ?? pullRequestContext()), apiUrl: sim.apiUrl },
    info: OPENSEARCH_INFO,
    log,
    redact: (text) => redactor.redact(text),
    connect: (token, apiUrl) =>
      connectGithub(token, apiUrl, async (ms) => {
        sleeps.push(ms);
      }),
  });
  const lines = (method: string, path: string) =>
    requestLines(sim).filter((line) => line === `${method} ${REPO}${path}`);
  const bodies = (path: string) =>
    sim.requests.filter((r) => r.path === `${REPO}${path}`).map((r) => JSON.parse(r.body));
  return { github, sim, log, sleeps, lines, bodies };
}

describe('GitHub reporter', () => {
  it('pull request: pending → success status on the head commit, deployment in_progress → success, one comment', async () => {
    const { github, sim, log, bodies, lines } = await reporter();
    await github.start();
    expect(requestLines(sim)).toEqual([
      `POST ${REPO}/statuses/${HEAD_SHA}`,
      `POST ${REPO}/deployments`,
      `POST ${REPO}/deployments/1001/statuses`,
    ]);
    await github.finish(opensearchReady());

    expect(bodies(`/statuses/${HEAD_SHA}`)).toEqual([
      {
        state: 'pending',
        context: 'deploy/search',
        description: 'Waiting for opensearch-flow-framework: wf-1',
        target_url: 'https://github.com/acme/search-app/actions/runs/9876543210',
      },
      {
        state: 'success',
        context: 'deploy/search',
        description: 'succeeded: provisioning completed',
        target_url: 'https://github.com/acme/search-app/actions/runs/9876543210',
      },
    ]);
    expect(bodies('/deployments')).toEqual([
      {
        ref: 'feature/faster-search',
        environment: 'staging',
        description: 'await-deploy: opensearch-flow-framework wf-1',
        required_contexts: [],
        auto_merge: false,
      },
    ]);
    expect(sim.state.deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(sim.state.deployments[0]?.statuses[1]).toMatchObject({
      log_url: 'https://github.com/acme/search-app/actions/runs/9876543210',
      environment_url: 'https://staging.search.example.com',
    });
    expect(lines('GET', '/issues/42/comments')).toHaveLength(1);
    expect(lines('POST', '/issues/42/comments')).toHaveLength(1);
    const [comment] = sim.state.comments.get(42) ?? [];
    expect(comment?.body).toMatch(
      /^<!-- await-deploy:opensearch-flow-framework:wf-1:deploy:[0-9a-f]{16} -->\n\n### ✅ Deploy ready/,
    );
    expect(sim.requests.every((r) => r.headers.authorization === `token ${ALL_FEATURES.token}`)).toBe(true);
    expect(log.warnings).toEqual([]);
    expect(log.infos).toContain('Created the comment on pull request #42.');
  });

  it('updates its own comment on a later run, found on the second page', async () => {
    const state = createGithubState({ comments: { 42: Array.from({ length: 120 }, (_, i) => `review comment ${i}`) } });
    const first = await reporter({ sim: { state } });
    await first.github.finish(nlFlowFailed());
    await first.sim.close();
    expect(state.comments.get(42)).toHaveLength(121);
    const id = state.comments.get(42)?.[120]?.id;

    const second = await reporter({ sim: { state } });
    await second.github.finish(opensearchReady());
    expect(second.lines('POST', '/issues/42/comments')).toHaveLength(0);
    expect(second.lines('PATCH', `/issues/comments/${id}`)).toHaveLength(1);
    const pages = second.sim.requests
      .filter((r) => r.path.endsWith('/issues/42/comments'))
      .map((r) => r.query.get('page') ?? '1');
    expect(pages).toEqual(['1', '2']);
    expect(state.comments.get(42)).toHaveLength(121);
    expect(state.comments.get(42)?.[120]?.body).toContain('✅ Deploy ready');
    expect(second.log.infos).toContain('Updated the comment on pull request #42.');
  });

  it('a 403 on the comment (fork PR, read-only token) is a warning naming the permission; the rest is reported', async () => {
    const { github, sim, log } = await reporter({ sim: { forbidComments: true } });
    await github.start();
    await expect(github.finish(nlFlowFailed())).resolves.toBeUndefined();
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain(
      'Could not write the comment on pull request #42: HTTP 403 Resource not accessible by integration',
    );
    expect(log.warnings[0]).toContain('`permissions: pull-requests: write`');
    expect(sim.state.statuses.map((s) => s.state)).toEqual(['pending', 'failure']);
    expect(sim.state.deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });

  it('retries a 503 and a rate limit, honouring retry-after', async () => {
    const { github, sim, log, sleeps } = await reporter({
      sim: { faults: { createStatus: [fault.unavailable(), fault.tooManyRequests(2)] } },
      settings: { prComment: false, environment: undefined },
    });
    await github.start();
    expect(sim.requests).toHaveLength(3);
    expect(sleeps).toEqual([1_000, 2_000]);
    expect(sim.state.statuses.map((s) => s.state)).toEqual(['pending']);
    expect(log.warnings).toEqual([]);
  });

  it('gives up after two retries with a warning', async () => {
    const { github, sim, log } = await reporter({
      sim: { faults: { createStatus: [fault.unavailable(), fault.unavailable(), fault.unavailable()] } },
      settings: { prComment: false, environment: undefined },
    });
    await github.start();
    expect(sim.requests).toHaveLength(3);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(/^Could not set the commit status 'deploy\/search': HTTP 503/);
  });

  it('without a deployment, sends no deployment status; a failed creation warns once', async () => {
    const forbidden = {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"Resource not accessible by integration"}',
    };
    const { github, sim, log } = await reporter({
      sim: { faults: { createDeployment: [forbidden] } },
      settings: { prComment: false },
    });
    await github.start();
    await github.finish(sapCancelled());
    expect(sim.state.deployments).toEqual([]);
    expect(requestLines(sim).filter((line) => line.includes('/deployments'))).toEqual([`POST ${REPO}/deployments`]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain('`permissions: deployments: write`');
    expect(sim.state.statuses.map((s) => s.state)).toEqual(['pending', 'error']);
  });

  it('cancellation makes the deployment inactive', async () => {
    const { github, sim } = await reporter({ settings: { prComment: false, commitStatus: undefined } });
    await github.start();
    await github.finish(sapCancelled());
    expect(sim.state.deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'inactive']);
  });

  it('push: comments on the open pull request the commit belongs to', async () => {
    const state = createGithubState({
      pullsByCommit: { [HEAD_SHA]: [{ number: 7, state: 'open', head: { sha: HEAD_SHA, ref: 'feature' } }] },
    });
    const { github, sim, lines } = await reporter({
      sim: { state },
      context: pushContext(),
      settings: { commitStatus: undefined, environment: undefined },
    });
    await github.finish(opensearchReady());
    expect(lines('GET', `/commits/${HEAD_SHA}/pulls`)).toHaveLength(1);
    expect(sim.state.comments.get(7)).toHaveLength(1);
  });

  it('push without a pull request: no comment, no warning', async () => {
    const { github, sim, log } = await reporter({
      context: pushContext(),
      settings: { commitStatus: undefined, environment: undefined },
    });
    await github.finish(opensearchReady());
    expect(requestLines(sim)).toEqual([`GET ${REPO}/commits/${HEAD_SHA}/pulls`]);
    expect(log.warnings).toEqual([]);
    expect(log.infos).toContain('pr-comment: no pull request for this push event; no comment written.');
  });

  it('skips everything with a warning when there is no token', async () => {
    const { github, sim, log } = await reporter({ settings: { token: '' } });
    await github.start();
    await github.finish(opensearchReady());
    expect(sim.requests).toEqual([]);
    expect(log.warnings).toEqual([
      "GitHub reporting is skipped: the github-token input is empty. The step's verdict is unchanged.",
    ]);
  });

  it('a github-token that is the unevaluated `${{ github.token }}` (a local run) is skipped with a warning saying so', async () => {
    const { github, sim, log } = await reporter({ settings: { token: '${{ github.token }}' } });
    await github.start();
    await github.finish(opensearchReady());
    expect(sim.requests).toEqual([]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain('the github-token input is an expression that no runner evaluated');
    // the token is masked in the log: the warning must still read the same once it is
    const masked = new Redactor();
    masked.add('${{ github.token }}');
    expect(masked.redact(log.warnings[0] ?? '')).toBe(log.warnings[0]);
  });

  it('a wrong token is a warning per feature, never a failure', async () => {
    const { github, log } = await reporter({ settings: { token: 'ghs_wrong' } });
    await github.start();
    await expect(github.finish(opensearchReady())).resolves.toBeUndefined();
    expect(log.warnings.length).toBeGreaterThanOrEqual(3);
    expect(log.warnings.every((w) => w.includes('HTTP 401 Bad credentials'))).toBe(true);
  });

  it('works under a GitHub Enterprise Server API path', async () => {
    const { github, sim } = await reporter({
      sim: { basePath: '/api/v3' },
      settings: { prComment: false, environment: undefined },
    });
    await github.start();
    expect(sim.apiUrl).toMatch(/\/api\/v3$/);
    expect(requestLines(sim)).toEqual([`POST /api/v3${REPO}/statuses/${HEAD_SHA}`]);
    expect(sim.state.statuses).toHaveLength(1);
  });

  it('never sends a secret the provider echoed, even cut or escaped', async () => {
    const secret = 'hunter2_Pa|ss';
    const echoed = run([
      target('wf-1', 'failed', { providerStatus: 'FAILED', message: `auth failed with ${secret} ${'x'.repeat(100)}` }),
    ]);
    const { github, sim } = await reporter({ secrets: [secret] });
    await github.start();
    await github.finish(echoed);
    const sent = sim.requests.map((r) => r.body).join('\n');
    expect(sent).toContain('auth failed with ***');
    expect(sent).not.toContain('hunter');
  });
});
