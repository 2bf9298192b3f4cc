/** Where the run happens, read once from the runner's environment and the event payload. */
import { messageOf } from '../../core/errors.js';

export interface PullRequestRef {
  number: number;
  headSha: string;
  headRef: string;
  /** the head branch lives in another repository: its name means nothing in this one */
  fromFork: boolean;
}

export interface GithubRunContext {
  /** REST API root: `https://api.github.com`, or `https://ghe.example.com/api/v3` on GitHub Enterprise Server */
  apiUrl: string;
  owner: string;
  repo: string;
  eventName: string;
  /** GITHUB_SHA: for pull requests the merge commit, not the head */
  sha: string;
  /** GITHUB_REF, e.g. `refs/heads/main` */
  ref: string;
  job: string;
  /** link to this workflow run, for statuses, the deployment log and the PR comment */
  runUrl: string;
  /** the pull request of a pull_request / pull_request_target event */
  pullRequest?: PullRequestRef;
  /** why the context is incomplete (an unreadable event payload…), for a warning */
  problems: string[];
}

export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target']);

export function readGithubRunContext(
  env: Record<string, string | undefined>,
  readEventFile: (path: string) => string,
): GithubRunContext {
  const problems: string[] = [];
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID ?? '';
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let pullRequest: PullRequestRef | undefined;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const read = readPayload(env.GITHUB_EVENT_PATH, readEventFile);
    if ('problem' in read) problems.push(read.problem);
    else pullRequest = pullRequestIn(read.payload, env.GITHUB_REPOSITORY ?? '');
    if (!pullRequest && !('problem' in read)) problems.push(`the ${eventName} event payload has no pull_request`);
  }
  return {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    owner,
    repo,
    eventName,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    job: env.GITHUB_JOB ?? '',
    runUrl: owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : '',
    pullRequest,
    problems,
  };
}

function readPayload(
  path: string | undefined,
  readEventFile: (path: string) => string,
): { payload: unknown } | { problem: string } {
  if (!path) return { problem: 'GITHUB_EVENT_PATH is not set' };
  try {
    return { payload: JSON.parse(readEventFile(path)) as unknown };
  } catch (error) {
    return { problem: `could not read the event payload: ${messageOf(error)}` };
  }
}

function pullRequestIn(payload: unknown, repository: string): PullRequestRef | undefined {
  const pr = field(payload, 'pull_request');
  const number = field(pr, 'number');
  const head = field(pr, 'head');
  const headSha = field(head, 'sha');
  const headRef = field(head, 'ref');
  if (typeof number !== 'number' || typeof headSha !== 'string') return undefined;
  const headRepository = field(field(head, 'repo'), 'full_name');
  return {
    number,
    headSha,
    headRef: typeof headRef === 'string' ? headRef : '',
    fromFork: typeof headRepository === 'string' && headRepository.toLowerCase() !== repository.toLowerCase(),
  };
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}
