/**
 * Pieces for the end-to-end safety tests: a provider that answers what the test scripts (echoing what it
 * was sent, or shapes outside the documentation), and the runner environment of a pull_request event
 * reporting to a GitHub simulator.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startGithubSimulator, type GithubSimulator, type GithubSimulatorOptions } from '../../sim/github.ts';
import { json, startServer, type RecordedRequest, type SimServer } from '../../sim/server.ts';

const PR_HEAD_SHA = '5f3c1e9a0b7d4c2e8f6a1b3d5c7e9f0a2b4c6d8e';

/** An OpenSearch-shaped status endpoint: every request gets `status(request)` as a 200 JSON body. */
export function startStatusServer(status: (request: RecordedRequest) => unknown): Promise<SimServer> {
  return startServer((request) => json(200, status(request)));
}

export interface Closable {
  close(): Promise<void> | void;
}

/** Call at the top of a test file: what the returned function is given is closed after each test. */
export function closedAfterEach(): <T extends Closable>(resource: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((resource) => resource.close()));
  });
  return (resource) => {
    open.push(resource);
    return resource;
  };
}

/** A GitHub simulator, and the environment of a pull_request run (PR 17) reporting to it. */
export async function githubOfPullRequest(
  keep: ReturnType<typeof closedAfterEach>,
  options: GithubSimulatorOptions = {},
): Promise<{ github: GithubSimulator; env: Record<string, string> }> {
  const github = keep(await startGithubSimulator(options));
  return { github, env: keep(pullRequestRun(github.apiUrl)).env };
}

/** GITHUB_* of a pull_request event (PR 17 of acme/app) whose API is at `apiUrl`; `close` deletes the event file. */
export function pullRequestRun(apiUrl: string, job = 'deploy'): { env: Record<string, string>; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'await-deploy-hostile-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      number: 17,
      pull_request: {
        number: 17,
        state: 'open',
        head: { sha: PR_HEAD_SHA, ref: 'feature', repo: { full_name: 'acme/app' } },
      },
    }),
  );
  return {
    env: {
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
      GITHUB_REF: 'refs/pull/17/merge',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: '4242',
      GITHUB_JOB: job,
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
