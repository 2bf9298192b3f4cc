import type { GithubSettings } from '../../../../src/config/config.ts';
import { readGithubRunContext, type GithubRunContext } from '../../../../src/report/github/context.ts';

export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const MERGE_SHA = 'ffffeeeeddddccccbbbbaaaa9999888877776666';

export const pullRequestPayload = (options: { fork?: boolean } = {}): Record<string, unknown> => ({
  action: 'synchronize',
  number: 42,
  pull_request: {
    number: 42,
    state: 'open',
    head: {
      sha: HEAD_SHA,
      ref: 'feature/faster-search',
      repo: { full_name: options.fork ? 'someone/search-app' : 'acme/search-app' },
    },
    base: { sha: '0000111122223333444455556666777788889999', ref: 'main', repo: { full_name: 'acme/search-app' } },
  },
});

export const ENV = {
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/search-app',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_JOB: 'deploy',
  GITHUB_SHA: MERGE_SHA,
  GITHUB_REF: 'refs/pull/42/merge',
  GITHUB_EVENT_PATH: '/runner/event.json',
};

export function pullRequestContext(options: { fork?: boolean; event?: string } = {}): GithubRunContext {
  return readGithubRunContext({ ...ENV, GITHUB_EVENT_NAME: options.event ?? 'pull_request' }, () =>
    JSON.stringify(pullRequestPayload(options)),
  );
}

export function pushContext(): GithubRunContext {
  return readGithubRunContext(
    { ...ENV, GITHUB_EVENT_NAME: 'push', GITHUB_SHA: HEAD_SHA, GITHUB_REF: 'refs/heads/main' },
    () => JSON.stringify({ ref: 'refs/heads/main', after: HEAD_SHA }),
  );
}

export const ALL_FEATURES: GithubSettings = {
  token: 'ghs_TestToken0123456789abcdef',
  prComment: true,
  commitStatus: 'deploy/search',
  environment: 'staging',
  environmentUrl: 'https://staging.search.example.com',
};
