/**
 * A local stand-in for the GitHub REST endpoints the reporting uses: commit statuses,
 * deployments and their statuses, issue comments (paginated list, create, update) and the
 * pull requests of a commit. It checks what GitHub checks (states, description length, the
 * token), records every request, and keeps its state in an object that can outlive one
 * server, so a second run finds the comment of the first.
 * Run alone: `node sim/github.ts --scenario ok [--port 3000]`.
 */
import { json, startServer, type RecordedRequest, type Reply, type SimServer } from './server.ts';

export interface SimComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface SimPullRequest {
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string };
}

export interface SimCommitStatus {
  sha: string;
  state: string;
  context: string;
  description?: string;
  target_url?: string;
}

export interface SimDeployment {
  id: number;
  ref: string;
  environment: string;
  description?: string;
  required_contexts?: string[];
  auto_merge?: boolean;
  statuses: Array<{ state: string; description?: string; log_url?: string; environment_url?: string }>;
}

/** What GitHub remembers; pass the same object to several simulators to span runs. */
export interface GithubState {
  /** issue (PR) number → its comments, oldest first */
  comments: Map<number, SimComment[]>;
  statuses: SimCommitStatus[];
  deployments: SimDeployment[];
  /** commit sha → the pull requests containing it */
  pullsByCommit: Map<string, SimPullRequest[]>;
  nextId: number;
}

export function createGithubState(
  seed: { comments?: Record<number, string[]>; pullsByCommit?: Record<string, SimPullRequest[]> } = {},
): GithubState {
  const state: GithubState = {
    comments: new Map(),
    statuses: [],
    deployments: [],
    pullsByCommit: new Map(),
    nextId: 1000,
  };
  for (const [issue, bodies] of Object.entries(seed.comments ?? {})) {
    state.comments.set(
      Number(issue),
      bodies.map((body) => newComment(state, body, 'a-reviewer', 'User')),
    );
  }
  for (const [sha, pulls] of Object.entries(seed.pullsByCommit ?? {})) state.pullsByCommit.set(sha, pulls);
  return state;
}

export type GithubRoute =
  | 'createStatus'
  | 'createDeployment'
  | 'createDeploymentStatus'
  | 'commitPulls'
  | 'listComments'
  | 'createComment'
  | 'updateComment';

export interface GithubSimulatorOptions {
  state?: GithubState;
  /** requests must carry `Authorization: token <token>` (401 otherwise) */
  token?: string;
  /** creating or updating a comment answers 403, as for the read-only token of a fork's PR */
  forbidComments?: boolean;
  /** replies played, in order, before a route answers normally again (503s, rate limits…) */
  faults?: Partial<Record<GithubRoute, Reply[]>>;
  /**
   * A route's first requests are held this long (ms, one per request) before GitHub acts on them; one whose
   * client gave up by then is dropped, as by a proxy that had not passed it on yet.
   */
  holds?: Partial<Record<GithubRoute, number[]>>;
  /** e.g. `/api/v3`, where GitHub Enterprise Server serves the REST API */
  basePath?: string;
  /** comments per page when the client does not say (GitHub's default is 30) */
  defaultPerPage?: number;
  port?: number;
}

export interface GithubSimulator extends SimServer {
  state: GithubState;
  /** the API root to put in GITHUB_API_URL */
  apiUrl: string;
}

const COMMIT_STATES = new Set(['pending', 'success', 'failure', 'error']);
const DEPLOYMENT_STATES = new Set(['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']);
const BOT = { login: 'github-actions[bot]', type: 'Bot' };

interface Route {
  name: GithubRoute;
  method: string;
  pattern: RegExp;
  answer: (request: RecordedRequest, params: string[], state: GithubState, options: GithubSimulatorOptions) => Reply;
}

const ROUTES: Route[] = [
  { name: 'createStatus', method: 'POST', pattern: /^\/repos\/[^/]+\/[^/]+\/statuses\/([^/]+)$/, answer: createStatus },
  {
    name: 'createDeployment',
    method: 'POST',
    pattern: /^\/repos\/[^/]+\/[^/]+\/deployments$/,
    answer: createDeployment,
  },
  {
    name: 'createDeploymentStatus',
    method: 'POST',
    pattern: /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/,
    answer: createDeploymentStatus,
  },
  {
    name: 'commitPulls',
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/pulls$/,
    answer: commitPulls,
  },
  {
    name: 'listComments',
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
    answer: listComments,
  },
  {
    name: 'createComment',
    method: 'POST',
    pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
    answer: createComment,
  },
  {
    name: 'updateComment',
    method: 'PATCH',
    pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/,
    answer: updateComment,
  },
];

export async function startGithubSimulator(options: GithubSimulatorOptions = {}): Promise<GithubSimulator> {
  const state = options.state ?? createGithubState();
  const basePath = options.basePath ?? '';
  const faults = new Map(Object.entries(options.faults ?? {}).map(([route, replies]) => [route, [...(replies ?? [])]]));
  const holds = new Map(Object.entries(options.holds ?? {}).map(([route, times]) => [route, [...(times ?? [])]]));
  const server = await startServer(
    async (request) => {
      if (options.token && request.headers.authorization !== `token ${options.token}`) {
        return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      }
      const path = request.path.startsWith(basePath) ? request.path.slice(basePath.length) : '';
      for (const route of ROUTES) {
        const match = route.pattern.exec(path);
        if (!match || route.method !== request.method) continue;
        const holdMs = holds.get(route.name)?.shift();
        if (holdMs) {
          await new Promise((resolve) => setTimeout(resolve, holdMs));
          if (request.clientGone()) return { status: 0, reset: true };
        }
        const fault = faults.get(route.name)?.shift();
        return fault ?? route.answer(request, match.slice(1), state, options);
      }
      return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    },
    { port: options.port },
  );
  return { ...server, state, apiUrl: `${server.url}${basePath}` };
}

function createStatus(request: RecordedRequest, [sha = '']: string[], state: GithubState): Reply {
  const body = bodyOf(request);
  if (!COMMIT_STATES.has(String(body.state))) return invalid('state', 'is not included in the list');
  if (tooLong(body.description, 140)) return invalid('description', 'is too long (maximum is 140 characters)');
  const status: SimCommitStatus = {
    sha,
    state: String(body.state),
    context: typeof body.context === 'string' ? body.context : 'default',
    description: optionalString(body.description),
    target_url: optionalString(body.target_url),
  };
  state.statuses.push(status);
  return json(201, { id: state.nextId++, ...status, creator: BOT });
}

function createDeployment(request: RecordedRequest, _params: string[], state: GithubState): Reply {
  const body = bodyOf(request);
  if (typeof body.ref !== 'string' || body.ref === '') return invalid('ref', 'is missing');
  if (tooLong(body.description, 140)) return invalid('description', 'is too long (maximum is 140 characters)');
  const deployment: SimDeployment = {
    id: state.nextId++,
    ref: body.ref,
    environment: typeof body.environment === 'string' ? body.environment : 'production',
    description: optionalString(body.description),
    required_contexts: Array.isArray(body.required_contexts) ? body.required_contexts.map(String) : undefined,
    auto_merge: typeof body.auto_merge === 'boolean' ? body.auto_merge : undefined,
    statuses: [],
  };
  state.deployments.push(deployment);
  const { statuses: _statuses, ...shown } = deployment;
  return json(201, { ...shown, creator: BOT });
}

function createDeploymentStatus(request: RecordedRequest, [id = '']: string[], state: GithubState): Reply {
  const deployment = state.deployments.find((candidate) => candidate.id === Number(id));
  if (!deployment) return json(404, { message: 'Not Found' });
  const body = bodyOf(request);
  if (!DEPLOYMENT_STATES.has(String(body.state))) return invalid('state', 'is not included in the list');
  if (tooLong(body.description, 140)) return invalid('description', 'is too long (maximum is 140 characters)');
  const status = {
    state: String(body.state),
    description: optionalString(body.description),
    log_url: optionalString(body.log_url),
    environment_url: optionalString(body.environment_url),
  };
  deployment.statuses.push(status);
  return json(201, { id: state.nextId++, ...status, creator: BOT });
}

function commitPulls(_request: RecordedRequest, [sha = '']: string[], state: GithubState): Reply {
  return json(200, state.pullsByCommit.get(sha) ?? []);
}

function listComments(
  request: RecordedRequest,
  [issue = '']: string[],
  state: GithubState,
  options: GithubSimulatorOptions,
): Reply {
  const comments = state.comments.get(Number(issue)) ?? [];
  const perPage = Math.min(100, Number(request.query.get('per_page')) || options.defaultPerPage || 30);
  const page = Math.max(1, Number(request.query.get('page')) || 1);
  const lastPage = Math.max(1, Math.ceil(comments.length / perPage));
  const headers: Record<string, string> = {};
  if (page < lastPage) {
    const pageUrl = (n: number): string => {
      const url = new URL(request.url, `http://${request.headers.host ?? '127.0.0.1'}`);
      url.searchParams.set('per_page', String(perPage));
      url.searchParams.set('page', String(n));
      return url.href;
    };
    headers.link = `<${pageUrl(page + 1)}>; rel="next", <${pageUrl(lastPage)}>; rel="last"`;
  }
  return json(200, comments.slice((page - 1) * perPage, page * perPage), headers);
}

function createComment(
  request: RecordedRequest,
  [issue = '']: string[],
  state: GithubState,
  options: GithubSimulatorOptions,
): Reply {
  const body = commentText(request, options);
  if (typeof body !== 'string') return body;
  const comment = newComment(state, body, BOT.login, BOT.type);
  const comments = state.comments.get(Number(issue)) ?? [];
  comments.push(comment);
  state.comments.set(Number(issue), comments);
  return json(201, comment);
}

function updateComment(
  request: RecordedRequest,
  [id = '']: string[],
  state: GithubState,
  options: GithubSimulatorOptions,
): Reply {
  const body = commentText(request, options);
  if (typeof body !== 'string') return body;
  const comment = [...state.comments.values()].flat().find((candidate) => candidate.id === Number(id));
  if (!comment) return json(404, { message: 'Not Found' });
  comment.body = body;
  comment.updated_at = new Date().toISOString();
  return json(200, comment);
}

/** The comment text a create or update sends, or the refusal GitHub would answer. */
function commentText(request: RecordedRequest, options: GithubSimulatorOptions): string | Reply {
  if (options.forbidComments) return forbidden();
  const { body } = bodyOf(request);
  if (typeof body !== 'string' || tooLong(body, 65_536)) return invalid('body', 'is missing or too long');
  return body;
}

function tooLong(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > max;
}

function newComment(state: GithubState, body: string, login: string, type: string): SimComment {
  const now = new Date().toISOString();
  return { id: state.nextId++, body, user: { login, type }, created_at: now, updated_at: now };
}

function bodyOf(request: RecordedRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function invalid(field: string, problem: string): Reply {
  return json(422, {
    message: 'Validation Failed',
    errors: [{ resource: 'Request', field, code: 'invalid', message: `${field} ${problem}` }],
    documentation_url: 'https://docs.github.com/rest',
  });
}

/** What a fork PR's read-only GITHUB_TOKEN gets. */
function forbidden(): Reply {
  return json(403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  });
}

/** `POST /repos/o/r/statuses/abc` for each request, to compare sequences in tests. */
export function requestLines(server: SimServer): string[] {
  return server.requests.map((request) => `${request.method} ${request.path}`);
}

if (import.meta.main) {
  const { runFromCommandLine } = await import('./cli.ts');
  const scenarios: Record<string, GithubSimulatorOptions> = { ok: {}, 'comments-forbidden': { forbidComments: true } };
  await runFromCommandLine('github', Object.keys(scenarios), (scenario, port) =>
    startGithubSimulator({ ...scenarios[scenario], port }),
  );
}
