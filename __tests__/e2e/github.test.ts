/** The bundle against the OpenSearch simulator, reporting to the GitHub simulator: the exact requests GitHub would get. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGithubState,
  requestLines,
  startGithubSimulator,
  type GithubSimulator,
  type GithubSimulatorOptions,
  type GithubState,
} from '../../sim/github.ts';
import { startOpenSearchSimulator } from '../../sim/opensearch.ts';
import { runAction, type ActionRun, type RunActionOptions } from '../../sim/run-action.ts';
import type { SimServer } from '../../sim/server.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const TOKEN = 'ghs_e2eSecretToken0123456789ABCDEFGHIJ';
const HEAD_SHA = '5f3c1e9a0b7d4c2e8f6a1b3d5c7e9f0a2b4c6d8e';
const MERGE_SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const REPO = '/repos/acme/search-app';
const RUN_URL = 'https://github.com/acme/search-app/actions/runs/4242';
const REPORTING = {
  'github-token': TOKEN,
  'pr-comment': 'true',
  'commit-status': 'deploy/search',
  environment: 'staging',
  'environment-url': 'https://staging.search.example.com',
};

let workDir: string;
const servers: SimServer[] = [];
beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'await-deploy-github-e2e-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  rmSync(workDir, { recursive: true, force: true });
});

function pullRequestEvent(): string {
  const path = join(workDir, 'event.json');
  writeFileSync(
    path,
    JSON.stringify({
      action: 'synchronize',
      number: 17,
      pull_request: {
        number: 17,
        state: 'open',
        head: { sha: HEAD_SHA, ref: 'feature/new-pipeline', repo: { full_name: 'acme/search-app' } },
        base: { ref: 'main', repo: { full_name: 'acme/search-app' } },
      },
    }),
  );
  return path;
}

async function github(options: GithubSimulatorOptions = {}): Promise<GithubSimulator> {
  const server = await startGithubSimulator({ token: TOKEN, ...options });
  servers.push(server);
  return server;
}

/** One run of the step on a pull_request event: OpenSearch playing `scenario`, GitHub played by `gh`. */
async function runOnPullRequest(
  gh: GithubSimulator,
  scenario: string,
  inputs: Record<string, string> = REPORTING,
  extra: Partial<RunActionOptions> & { port?: number } = {},
): Promise<ActionRun> {
  const { port, ...options } = extra;
  // The same cluster address on every run of the step: the sticky comment's marker includes it.
  const previous = servers.findIndex((server) => server.port === port);
  if (previous >= 0) await servers.splice(previous, 1)[0]?.close();
  const opensearch = await startOpenSearchSimulator({ scenario, port });
  servers.push(opensearch);
  return runAction({
    inputs: { provider: 'opensearch-flow-framework', url: opensearch.url, id: 'wf-1', ...FAST_INPUTS, ...inputs },
    env: {
      GITHUB_API_URL: gh.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/search-app',
      GITHUB_SHA: MERGE_SHA,
      GITHUB_REF: 'refs/pull/17/merge',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: pullRequestEvent(),
      GITHUB_RUN_ID: '4242',
      GITHUB_JOB: 'deploy',
    },
    ...options,
  });
}

const statusesOf = (state: GithubState) => state.statuses.map((s) => [s.sha, s.state, s.context]);

describe('GitHub reporting end to end', () => {
  it('ready: status pending → success on the PR head, deployment in_progress → success, one comment updated on the next run', async () => {
    const state = createGithubState();
    const gh = await github({ state });
    const first = await runOnPullRequest(gh, 'provision-completed');
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ status: 'succeeded', ready: 'true' });
    // start() sets the status and creates the deployment at once, finish() does its three parts at once:
    // the order within each phase is not fixed, the phases are.
    const deploymentId = state.deployments[0]?.id;
    const lines = requestLines(gh);
    expect(lines.slice(0, 3).sort()).toEqual([
      `POST ${REPO}/deployments`,
      `POST ${REPO}/deployments/${deploymentId}/statuses`,
      `POST ${REPO}/statuses/${HEAD_SHA}`,
    ]);
    expect(lines.slice(3).sort()).toEqual([
      `GET ${REPO}/issues/17/comments`,
      `POST ${REPO}/deployments/${deploymentId}/statuses`,
      `POST ${REPO}/issues/17/comments`,
      `POST ${REPO}/statuses/${HEAD_SHA}`,
    ]);
    expect(statusesOf(state)).toEqual([
      [HEAD_SHA, 'pending', 'deploy/search'],
      [HEAD_SHA, 'success', 'deploy/search'],
    ]);
    expect(state.statuses[1]).toMatchObject({
      target_url: RUN_URL,
      description: `succeeded: ${first.outputs.message}`,
    });
    expect(state.deployments).toHaveLength(1);
    expect(state.deployments[0]).toMatchObject({
      ref: 'feature/new-pipeline',
      environment: 'staging',
      required_contexts: [],
      auto_merge: false,
    });
    expect(state.deployments[0]?.statuses).toEqual([
      expect.objectContaining({
        state: 'in_progress',
        log_url: RUN_URL,
        environment_url: 'https://staging.search.example.com',
      }),
      expect.objectContaining({
        state: 'success',
        log_url: RUN_URL,
        environment_url: 'https://staging.search.example.com',
      }),
    ]);
    const comments = state.comments.get(17) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(
      /^<!-- await-deploy:opensearch-flow-framework:wf-1:deploy:[0-9a-f]{16} -->\n\n### ✅ Deploy ready/,
    );
    expect(comments[0]?.body).toContain(`[workflow run](${RUN_URL})`);
    expect(gh.requests.every((request) => request.headers.authorization === `token ${TOKEN}`)).toBe(true);

    const commentId = comments[0]?.id;
    gh.requests.length = 0;
    const clusterPort = servers.at(-1)?.port;
    const second = await runOnPullRequest(gh, 'provision-failed', REPORTING, { port: clusterPort });
    expect(second.exitCode).toBe(1);
    expect(second.outputs.status).toBe('failed');
    expect(requestLines(gh).filter((line) => line.includes('/comments'))).toEqual([
      `GET ${REPO}/issues/17/comments`,
      `PATCH ${REPO}/issues/comments/${commentId}`,
    ]);
    expect(state.comments.get(17)).toHaveLength(1);
    expect(state.comments.get(17)?.[0]?.body).toContain('### ❌ Deploy failed');
    expect(statusesOf(state).slice(2)).toEqual([
      [HEAD_SHA, 'pending', 'deploy/search'],
      [HEAD_SHA, 'failure', 'deploy/search'],
    ]);
    expect(state.deployments).toHaveLength(2);
    expect(state.deployments[1]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });

  it('a 403 on the comment (fork PR token) is a warning; the verdict and exit code are unchanged', async () => {
    const gh = await github({ forbidComments: true });
    const run = await runOnPullRequest(gh, 'provision-completed');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'succeeded', ready: 'true' });
    expect(run.stdout).toMatch(
      /::warning::Could not write the comment on pull request #17: HTTP 403 .*pull-requests: write/,
    );
    expect(run.stdout).not.toContain('::error::');
    expect(statusesOf(gh.state).map(([, state]) => state)).toEqual(['pending', 'success']);
  });

  it('a GitHub that is down does not turn a green deploy red', async () => {
    const down = { status: 500, headers: { 'content-type': 'application/json' }, body: '{"message":"Server Error"}' };
    const gh = await github({ faults: { createStatus: Array(6).fill(down), createDeployment: Array(6).fill(down) } });
    const run = await runOnPullRequest(gh, 'provision-completed', { ...REPORTING, 'pr-comment': 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(run.stdout).toMatch(/::warning::Could not set the commit status 'deploy\/search': HTTP 500/);
  }, 30_000);

  it('a GitHub that hangs does not move the deadline: the provider is read while GitHub has not answered', async () => {
    const hang = { status: 201, headers: { 'content-type': 'application/json' }, body: '{}', delayMs: 60_000 };
    const gh = await github({ faults: { createStatus: [hang] } });
    const run = await runOnPullRequest(gh, 'endless', { ...REPORTING, 'pr-comment': 'false', timeout: '2s' });
    const opensearch = servers.at(-1);
    expect(run.outputs.status).toBe('timed_out');
    // GitHub's first answer never came: after the verdict the start got a few seconds more, then was aborted.
    expect(run.durationMs).toBeGreaterThan(2_000);
    const readTimes = (opensearch?.requests ?? []).map((request) => request.at);
    expect(readTimes.length).toBeGreaterThan(1);
    expect(Math.max(...readTimes)).toBeLessThan(5_000);
    expect(statusesOf(gh.state).map(([, state]) => state)).toContain('failure');
  }, 60_000);

  it('cancellation: commit status error, deployment inactive', async () => {
    const gh = await github();
    const run = await runOnPullRequest(
      gh,
      'endless',
      { ...REPORTING, 'pr-comment': 'false', timeout: '60s' },
      {
        signal: { name: 'SIGTERM', afterMs: 1_500 },
      },
    );
    expect(run.outputs.status).toBe('cancelled');
    expect(statusesOf(gh.state).map(([, state]) => state)).toEqual(['pending', 'error']);
    expect(gh.state.deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'inactive']);
  });

  it('GitHub Enterprise Server: requests go to GITHUB_API_URL with its path', async () => {
    const gh = await github({ basePath: '/api/v3' });
    const run = await runOnPullRequest(gh, 'provision-completed', {
      'github-token': TOKEN,
      'commit-status': 'deploy/search',
    });
    expect(run.exitCode).toBe(0);
    expect(requestLines(gh)).toEqual([
      `POST /api/v3${REPO}/statuses/${HEAD_SHA}`,
      `POST /api/v3${REPO}/statuses/${HEAD_SHA}`,
    ]);
  });

  it('logs the GitHub reporting as one group after the verdict, outside the live lines', async () => {
    const gh = await github();
    const run = await runOnPullRequest(gh, 'provision-completed');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => line === '::group::GitHub reporting')).toHaveLength(1);
    const start = lines.indexOf('::group::GitHub reporting');
    const end = lines.indexOf('::endgroup::', start);
    expect(end).toBeGreaterThan(start + 1);
    expect(lines.slice(start + 1, end).some((line) => line.startsWith('::'))).toBe(false);
    expect(lines.findIndex((line) => line.startsWith('Ready: '))).toBeLessThan(start);
  });

  it('makes no GitHub request when no GitHub feature is on', async () => {
    const gh = await github();
    const run = await runOnPullRequest(gh, 'provision-completed', { 'github-token': TOKEN });
    expect(run.exitCode).toBe(0);
    expect(gh.requests).toEqual([]);
    expect(run.stdout).not.toContain('GitHub reporting');
  });
});
