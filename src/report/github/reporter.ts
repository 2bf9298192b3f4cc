/**
 * Commit status, GitHub Deployment and sticky PR comment around the wait. Reporting is a
 * courtesy: every failure is a warning saying what failed and which permission is missing,
 * and nothing here ever throws into the step.
 */
import type { GithubSettings } from '../../config/config.js';
import { systemClock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { RunResult } from '../../core/types.js';
import { redactResult } from '../redact-result.js';
import type { RunInfo } from '../types.js';
import { connectGithub, type GithubApi, type RepoRef, type Sleep } from './api.js';
import { buildPrComment, findStickyComment, pickPullRequest } from './comment.js';
import type { GithubRunContext } from './context.js';
import { describeFailure } from './failures.js';
import { stickyMarker } from './marker.js';
import { planCommitStatus, planDeployment, planDeploymentStatus } from './plan.js';

/** `signal` ends every request and retry of the call: the step no longer waits for them. */
export interface GithubReporter {
  /** before the wait: commit status `pending`, deployment created and `in_progress` */
  start(signal?: AbortSignal): Promise<void>;
  /**
   * after the verdict, once `start` is done or aborted (it must not land a `pending` after the final
   * state): final commit status, deployment status, PR comment
   */
  finish(result: RunResult, signal?: AbortSignal): Promise<void>;
}

export interface GithubReporterOptions {
  settings: GithubSettings;
  context: GithubRunContext;
  info: RunInfo;
  log: Logger;
  /** blanks secrets out of anything sent to GitHub */
  redact: (text: string) => string;
  /** how to reach the API; tests pass a short sleep for the retries */
  connect?: (token: string, apiUrl: string) => Promise<GithubApi>;
}

const NEVER = new AbortController().signal;

const PERMISSION = {
  status: 'statuses: write',
  deployment: 'deployments: write',
  comment: 'pull-requests: write',
  findPullRequest: 'pull-requests: read',
} as const;

export function createGithubReporter(options: GithubReporterOptions): GithubReporter {
  const { settings, context, info, log, redact } = options;
  const repo: RepoRef = { owner: context.owner, repo: context.repo };
  // A retry's wait ends with the call's signal too: nothing about GitHub may keep the process alive after the step is done.
  const sleep: Sleep = (ms, signal) => systemClock.sleep(ms, signal);
  const connect = options.connect ?? ((token, apiUrl) => connectGithub(token, apiUrl, sleep));
  let api: Promise<GithubApi> | undefined;
  let deploymentId: number | undefined;

  /** Runs one reporting step; a failure of any kind becomes a warning. */
  const attempt = async (
    what: string,
    permission: string,
    work: (github: GithubApi) => Promise<void>,
  ): Promise<void> => {
    try {
      api ??= connect(settings.token ?? '', context.apiUrl);
      await work(await api);
    } catch (error) {
      log.warning(redact(describeFailure(what, error, permission)));
    }
  };

  /** Like `attempt`, for a step whose answer the next one needs; undefined when it failed. */
  const attemptValue = async <T>(
    what: string,
    permission: string,
    work: (github: GithubApi) => Promise<T>,
  ): Promise<T | undefined> => {
    let value: T | undefined;
    await attempt(what, permission, async (github) => {
      value = await work(github);
    });
    return value;
  };

  const usable = checkUsable(options);

  const setCommitStatus = (result: RunResult | undefined, signal: AbortSignal): Promise<void> => {
    const request = planCommitStatus(result, context, settings, info);
    if (!request) return Promise.resolve();
    return attempt(`set the commit status '${request.context}'`, PERMISSION.status, async (github) => {
      await github.createCommitStatus({ ...request, description: redact(request.description) }, signal);
      log.info(`Commit status '${request.context}' is ${request.state} on ${request.sha.slice(0, 12)}.`);
    });
  };

  const createDeployment = (signal: AbortSignal): Promise<void> => {
    const request = planDeployment(context, settings, info);
    if (!request) return Promise.resolve();
    return attempt(`create a deployment to '${request.environment}'`, PERMISSION.deployment, async (github) => {
      deploymentId = await github.createDeployment({ ...request, description: redact(request.description) }, signal);
      log.info(`Deployment ${deploymentId} to '${request.environment}' created for ${request.ref}.`);
    });
  };

  const setDeploymentStatus = (result: RunResult | undefined, signal: AbortSignal): Promise<void> => {
    if (deploymentId === undefined) return Promise.resolve();
    const request = planDeploymentStatus(result, deploymentId, context, settings, info);
    return attempt(`set the status of deployment ${deploymentId}`, PERMISSION.deployment, async (github) => {
      await github.createDeploymentStatus({ ...request, description: redact(request.description) }, signal);
      log.info(`Deployment ${request.deployment_id} is ${request.state}.`);
    });
  };

  const commentOnPullRequest = async (result: RunResult, signal: AbortSignal): Promise<void> => {
    if (!settings.prComment) return;
    const number = await attemptValue('find the pull request of this commit', PERMISSION.findPullRequest, (github) =>
      pullRequestNumber(github, context, repo, signal),
    );
    if (number === undefined) {
      log.info(`pr-comment: no pull request for this ${context.eventName || 'run'} event; no comment written.`);
      return;
    }
    const marker = stickyMarker(info, context, settings.environment);
    const body = redact(buildPrComment(result, info, context, marker));
    await attempt(`write the comment on pull request #${number}`, PERMISSION.comment, async (github) => {
      const existing = findStickyComment(await github.issueComments(repo, number, signal), marker);
      if (existing === undefined) await github.createComment(repo, number, body, signal);
      else await github.updateComment(repo, existing, body, signal);
      log.info(`${existing === undefined ? 'Created' : 'Updated'} the comment on pull request #${number}.`);
    });
  };

  return {
    async start(signal = NEVER) {
      if (!usable()) return;
      await Promise.all([
        setCommitStatus(undefined, signal),
        createDeployment(signal).then(() => setDeploymentStatus(undefined, signal)),
      ]);
    },
    async finish(rawResult, signal = NEVER) {
      if (!usable()) return;
      // Redacted before any text is cut or escaped: a cut secret would no longer match itself.
      const result = redactResult(rawResult, redact);
      await Promise.all([
        setCommitStatus(result, signal),
        setDeploymentStatus(result, signal),
        commentOnPullRequest(result, signal),
      ]);
    },
  };
}

/** `${{ github.token }}` as text: the default of action.yml when no runner evaluated it (`npx @github/local-action`). */
const UNEVALUATED_EXPRESSION = /^\$\{\{.*\}\}$/s;

/** Says once, as a warning, why GitHub reporting cannot run; true when it can. */
function checkUsable({ settings, context, log }: GithubReporterOptions): () => boolean {
  let verdict: boolean | undefined;
  return () => {
    if (verdict !== undefined) return verdict;
    const blocking = [
      settings.token ? '' : 'the github-token input is empty',
      UNEVALUATED_EXPRESSION.test(settings.token ?? '')
        ? 'the github-token input is an expression that no runner evaluated, as in a local run: give a real token (INPUT_GITHUB-TOKEN in .env)'
        : '',
      context.owner && context.repo ? '' : 'GITHUB_REPOSITORY is not set (expected owner/name)',
      context.sha || context.pullRequest ? '' : 'GITHUB_SHA is not set',
    ].filter(Boolean);
    for (const problem of context.problems) log.warning(`GitHub reporting: ${problem}.`);
    if (blocking.length > 0)
      log.warning(`GitHub reporting is skipped: ${blocking.join('; ')}. The step's verdict is unchanged.`);
    verdict = blocking.length === 0;
    return verdict;
  };
}

/** The event's pull request; for a push, the open pull request the commit belongs to. */
async function pullRequestNumber(
  github: GithubApi,
  context: GithubRunContext,
  repo: RepoRef,
  signal: AbortSignal,
): Promise<number | undefined> {
  if (context.pullRequest) return context.pullRequest.number;
  if (context.eventName !== 'push' || !context.sha) return undefined;
  return pickPullRequest(await github.pullRequestsOfCommit(repo, context.sha, signal), context.sha);
}
