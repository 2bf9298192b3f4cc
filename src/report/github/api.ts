/** The GitHub REST calls the reporter makes: thin over Octokit, each retried briefly on 5xx and rate limits. */
import type { ExistingComment, PullRequestSummary } from './comment.js';
import { retryDelayMs } from './failures.js';
import type { CommitStatusRequest, DeploymentRequest, DeploymentStatusRequest } from './plan.js';

export interface GithubApi {
  createCommitStatus(request: CommitStatusRequest): Promise<void>;
  /** the new deployment's id */
  createDeployment(request: DeploymentRequest): Promise<number>;
  createDeploymentStatus(request: DeploymentStatusRequest): Promise<void>;
  pullRequestsOfCommit(repo: RepoRef, sha: string): Promise<PullRequestSummary[]>;
  /** every comment of the issue or PR, all pages */
  issueComments(repo: RepoRef, issueNumber: number): Promise<ExistingComment[]>;
  createComment(repo: RepoRef, issueNumber: number, body: string): Promise<void>;
  updateComment(repo: RepoRef, commentId: number, body: string): Promise<void>;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

/** One request must not hold the job: GitHub answers these in well under a second. */
const REQUEST_TIMEOUT_MS = 10_000;

export type Sleep = (ms: number) => Promise<void>;

/**
 * Loads @actions/github only here, so a run without GitHub reporting never loads it. `stop` aborts every
 * request still under way and every retry: the step is done with GitHub.
 */
export async function connectGithub(
  token: string,
  apiUrl: string,
  sleep: Sleep,
  stop: AbortSignal = new AbortController().signal,
): Promise<GithubApi> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  const request = () => ({ signal: AbortSignal.any([stop, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) });
  const call = <T>(send: () => Promise<T>): Promise<T> => withRetry(send, sleep, stop);
  return {
    async createCommitStatus(status) {
      await call(() => octokit.rest.repos.createCommitStatus({ ...status, request: request() }));
    },
    async createDeployment(deployment) {
      const { data } = await call(() => octokit.rest.repos.createDeployment({ ...deployment, request: request() }));
      // 202 means GitHub merged the default branch first instead of creating it (auto_merge is off, but be sure).
      if (!('id' in data)) throw new Error(`no deployment created: ${data.message ?? 'GitHub answered without an id'}`);
      return data.id;
    },
    async createDeploymentStatus(status) {
      await call(() => octokit.rest.repos.createDeploymentStatus({ ...status, request: request() }));
    },
    async pullRequestsOfCommit(repo, sha) {
      const { data } = await call(() =>
        octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, request: request() }),
      );
      return data;
    },
    async issueComments(repo, issueNumber) {
      return call(() =>
        octokit.paginate(octokit.rest.issues.listComments, {
          ...repo,
          issue_number: issueNumber,
          per_page: 100,
          request: request(),
        }),
      );
    },
    async createComment(repo, issueNumber, body) {
      await call(() =>
        octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body, request: request() }),
      );
    },
    async updateComment(repo, commentId, body) {
      await call(() => octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body, request: request() }));
    },
  };
}

async function withRetry<T>(send: () => Promise<T>, sleep: Sleep, stop: AbortSignal): Promise<T> {
  for (let retry = 1; ; retry++) {
    try {
      return await send();
    } catch (error) {
      const waitMs = stop.aborted ? undefined : retryDelayMs(error, retry, Date.now());
      if (waitMs === undefined) throw error;
      await sleep(waitMs);
    }
  }
}
