/**
 * Every GitHub request as data: pure functions of the result and the run's context, so what
 * is sent can be tested without a server. The reporter only hands these to the API.
 */
import type { GithubSettings } from '../../config/config.js';
import type { RunResult } from '../../core/types.js';
import { cut, oneLine } from '../format.js';
import type { RunInfo } from '../types.js';
import type { GithubRunContext } from './context.js';
import { defaultEnvironmentUrl } from './environment-url.js';

/** GitHub rejects longer commit status and deployment descriptions. */
export const MAX_DESCRIPTION = 140;

export type CommitState = 'pending' | 'success' | 'failure' | 'error';
export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface CommitStatusRequest {
  owner: string;
  repo: string;
  sha: string;
  state: CommitState;
  context: string;
  description: string;
  target_url?: string;
}

export interface DeploymentRequest {
  owner: string;
  repo: string;
  ref: string;
  environment: string;
  description: string;
  /** the deploy is gated by this step, not by other checks on the ref */
  required_contexts: string[];
  auto_merge: boolean;
}

export interface DeploymentStatusRequest {
  owner: string;
  repo: string;
  deployment_id: number;
  state: DeploymentState;
  description: string;
  log_url?: string;
  environment_url?: string;
}

/** The commit a reader looks at: the PR's head commit, not the merge commit GITHUB_SHA points to. */
export function commitSha(context: GithubRunContext): string {
  return context.pullRequest?.headSha || context.sha;
}

/** `result` undefined: the wait is starting. */
export function planCommitStatus(
  result: RunResult | undefined,
  context: GithubRunContext,
  settings: GithubSettings,
  info: RunInfo,
): CommitStatusRequest | undefined {
  if (!settings.commitStatus) return undefined;
  return {
    owner: context.owner,
    repo: context.repo,
    sha: commitSha(context),
    state: result ? commitState(result) : 'pending',
    context: settings.commitStatus,
    description: result ? verdictDescription(result) : waitingDescription(info),
    ...(context.runUrl ? { target_url: context.runUrl } : {}),
  };
}

/** Branch protection reads `error` as "could not tell", `failure` as "the deploy is not good". */
export function commitState(result: RunResult): Exclude<CommitState, 'pending'> {
  if (result.ready) return 'success';
  return result.verdict === 'error' || result.verdict === 'cancelled' ? 'error' : 'failure';
}

/**
 * The PR's head branch for a same-repository PR (a readable name in the Deployments list);
 * its head commit for a fork, whose branch does not exist here; else the run's ref or commit.
 */
export function deploymentRef(context: GithubRunContext): string {
  const pr = context.pullRequest;
  if (pr) return pr.fromFork || !pr.headRef ? pr.headSha : pr.headRef;
  return context.ref || context.sha;
}

export function planDeployment(
  context: GithubRunContext,
  settings: GithubSettings,
  info: RunInfo,
): DeploymentRequest | undefined {
  if (!settings.environment) return undefined;
  return {
    owner: context.owner,
    repo: context.repo,
    ref: deploymentRef(context),
    environment: settings.environment,
    description: describe(`await-deploy: ${info.provider} ${info.ids.join(', ')}`),
    required_contexts: [],
    auto_merge: false,
  };
}

export function deploymentState(result: RunResult): Exclude<DeploymentState, 'in_progress'> {
  if (result.ready) return 'success';
  if (result.verdict === 'cancelled') return 'inactive';
  return result.verdict === 'error' ? 'error' : 'failure';
}

/** `result` undefined: the wait is starting. */
export function planDeploymentStatus(
  result: RunResult | undefined,
  deploymentId: number,
  context: GithubRunContext,
  settings: GithubSettings,
  info: RunInfo,
): DeploymentStatusRequest {
  return {
    owner: context.owner,
    repo: context.repo,
    deployment_id: deploymentId,
    state: result ? deploymentState(result) : 'in_progress',
    description: result ? verdictDescription(result) : waitingDescription(info),
    ...(context.runUrl ? { log_url: context.runUrl } : {}),
    ...withEnvironmentUrl(settings.environmentUrl ?? defaultEnvironmentUrl(result)),
  };
}

const withEnvironmentUrl = (url: string | undefined): { environment_url?: string } =>
  url ? { environment_url: url } : {};

function waitingDescription(info: RunInfo): string {
  return describe(`Waiting for ${info.provider}: ${info.ids.join(', ') || 'deploy'}`);
}

/** `failed: workflow wf-1 failed: invalid credential` */
export function verdictDescription(result: RunResult): string {
  return describe(`${result.verdict}: ${result.message}`);
}

function describe(text: string): string {
  return cut(oneLine(text), MAX_DESCRIPTION - 1);
}
