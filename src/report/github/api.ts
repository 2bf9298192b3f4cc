/** The GitHub REST calls the reporter makes: thin over Octokit, each retried briefly on 5xx and rate limits. */
import type { ExistingComment, PullRequestSummary } from './comment.js';
import { retryDelayMs } from './failures.js';
import type { CommitStatusRequest, DeploymentRequest, DeploymentStatusRequest } from './plan.js';

/** Every call takes the signal that ends it (and its retries): the step is done with GitHub. */
export interface GithubApi {
  createCommitStatus(request: CommitStatusRequest, signal: AbortSignal): Promise<void>;
  /** the new deployment's id */
  createDeployment(request: DeploymentRequest, signal: AbortSignal): Promise<number>;
  createDeploymentStatus(request: DeploymentStatusRequest, signal: AbortSignal): Promise<void>;
  pullRequestsOfCommit(repo: RepoRef, sha: string, signal: AbortSignal): Promise<PullRequestSummary[]>;
  /** every comment of the issue or PR, all pages */
  issueComments(repo: RepoRef, issueNumber: number, signal: AbortSignal): Promise<ExistingComment[]>;
  createComment(repo: RepoRef, issueNumber: number, body: string, signal: AbortSignal): Promise<void>;
  updateComment(repo: RepoRef, commentId: number, body: string, signal: AbortSignal): Promise<void>;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

/** One request must not hold the job: GitHub answers these in well under a second. */
const REQUEST_TIMEOUT_MS = 10_000;
const COMMENTS_PER_PAGE = 100;
/** 5,000 comments: a PR with more is read no further (a new sticky comment is written then). */
const MAX_COMMENT_PAGES = 50;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Loads @actions/github only here, so a run without GitHub reporting never loads it. */
export async function connectGithub(token: string, apiUrl: string, sleep: Sleep): Promise<GithubApi> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  const request = (signal: AbortSignal) => ({
    signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
  });
  const call = <T>(signal: AbortSignal, send: () => Promise<T>): Promise<T> => withRetry(send, sleep, signal);
  return {
    async createCommitStatus(status, signal) {
      await call(signal, () => octokit.rest.repos.createCommitStatus({ ...status, request: request(signal) }));
    },
    async createDeployment(deployment, signal) {
      const { data } = await call(signal, () =>
        octokit.rest.repos.createDeployment({ ...deployment, request: request(signal) }),
      );
      // 202 means GitHub merged the default branch first instead of creating it (auto_merge is off, but be sure).
      if (!('id' in data)) throw new Error(`no deployment created: ${data.message ?? 'GitHub answered without an id'}`);
      return data.id;
    },
    async createDeploymentStatus(status, signal) {
      await call(signal, () => octokit.rest.repos.createDeploymentStatus({ ...status, request: request(signal) }));
    },
    async pullRequestsOfCommit(repo, sha, signal) {
      const { data } = await call(signal, () =>
        octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, request: request(signal) }),
      );
      return data;
    },
    // Page by page rather than with octokit.paginate, which drops the request's signal: each page can be aborted.
    async issueComments(repo, issueNumber, signal) {
      const comments: ExistingComment[] = [];
      for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
        const { data, headers } = await call(signal, () =>
          octokit.rest.issues.listComments({
            ...repo,
            issue_number: issueNumber,
            per_page: COMMENTS_PER_PAGE,
            page,
            request: request(signal),
          }),
        );
        comments.push(...data);
        if (!/\brel="next"/.test(headers.link ?? '') || data.length === 0) break;
      }
      return comments;
    },
    async createComment(repo, issueNumber, body, signal) {
      await call(signal, () =>
        octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body, request: request(signal) }),
      );
    },
    async updateComment(repo, commentId, body, signal) {
      await call(signal, () =>
        octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body, request: request(signal) }),
      );
    },
  };
}

async function withRetry<T>(send: () => Promise<T>, sleep: Sleep, signal: AbortSignal): Promise<T> {
  for (let retry = 1; ; retry++) {
    try {
      return await send();
    } catch (error) {
      const waitMs = signal.aborted ? undefined : retryDelayMs(error, retry, Date.now());
      if (waitMs === undefined) throw error;
      await sleep(waitMs, signal);
    }
  }
}
