/**
 * A local stand-in for the OpenSearch Flow Framework API: `_provision` and `_status` for
 * any workflow id, each playing a scripted sequence of states and faults; and a cluster that keeps
 * the workflows created, searched, updated and reprovisioned from templates (./opensearch/cluster.ts).
 * Run alone: `node sim/opensearch.ts --scenario provision-completed [--port 9200]`.
 */
import { Cluster, type ClusterOptions } from './opensearch/cluster.ts';
import { verifySigV4, type SigV4Expectation } from './opensearch/sigv4.ts';
import {
  basicAuthorization,
  fault,
  json,
  perTargetSequences,
  startServer,
  type RecordedRequest,
  type Reply,
  type SimServer,
} from './server.ts';

const RESOURCES = [
  {
    workflow_step_name: 'create_connector',
    workflow_step_id: 'create_connector_1',
    resource_type: 'connector_id',
    resource_id: 'NdjCQYwBLmvn802B0IwE',
  },
  {
    workflow_step_name: 'register_remote_model',
    workflow_step_id: 'register_model_2',
    resource_type: 'model_id',
    resource_id: 'N9jCQYwBLmvn802B0oyh',
  },
];
const STARTED = 1_731_400_000_000;
const SLOW_ANSWER_MS = 3_000;

export const status = (id: string, state: string, extra: Record<string, unknown> = {}): Reply => {
  const created =
    state === 'COMPLETED' ? RESOURCES : state === 'PROVISIONING' || state === 'FAILED' ? RESOURCES.slice(0, 1) : [];
  return json(200, {
    workflow_id: id,
    state,
    ...(state === 'NOT_STARTED' ? {} : { provision_start_time: STARTED, resources_created: created }),
    ...(state === 'COMPLETED' ? { provisioning_progress: 'DONE', provision_end_time: STARTED + 42_000 } : {}),
    ...(state === 'PROVISIONING' ? { provisioning_progress: 'IN_PROGRESS' } : {}),
    ...extra,
  });
};

export const PROVISION_PERMISSION = 'cluster:admin/opensearch/flow_framework/workflow/provision';

/** The Security plugin's answer to a user without `permission` (403). */
const securityException = (permission: string): Reply => {
  const reason = `no permissions for [${permission}] and User [name=ci, backend_roles=[], requestedTenant=null]`;
  return json(403, {
    error: { root_cause: [{ type: 'security_exception', reason }], type: 'security_exception', reason },
    status: 403,
  });
};

export const notFound = (id: string): Reply => json(404, { error: `Fail to find workflow status of ${id}` });

/** Recorded texts of flow-framework (RestGetWorkflowStateAction, TenantAwareHelper, FlowFrameworkIndicesHandler). */
export const API_DISABLED =
  'This API is disabled. To enable it, update the setting [plugins.flow_framework.enabled] to true.';
export const TENANT_MISSING = 'Tenant ID header is missing or has no value';
const stateIndexUnavailable = (id: string): Reply => json(404, { error: `Failed to get workflow status of: ${id}` });
const provisionRefused = (id: string, state: string): Reply =>
  json(400, {
    error: `The workflow provisioning state is ${state} and can not be provisioned unless its state is NOT_STARTED: ${id}. Deprovision the workflow to reset the state.`,
  });

/** Each scenario: the replies to successive status reads of one workflow. */
const SCENARIOS: Record<string, (id: string) => Reply[]> = {
  'provision-completed': (id) => [
    status(id, 'NOT_STARTED'),
    status(id, 'PROVISIONING'),
    status(id, 'PROVISIONING'),
    status(id, 'COMPLETED'),
  ],
  'provision-failed': (id) => [
    status(id, 'PROVISIONING'),
    status(id, 'FAILED', {
      error: 'org.opensearch.ml.common.exception.MLException: Failed to create connector: invalid credential',
    }),
  ],
  endless: (id) => [status(id, 'PROVISIONING')],
  'not-found': (id) => [notFound(id)],
  flaky: (id) => [
    fault.unavailable(0),
    status(id, 'PROVISIONING'),
    fault.tooManyRequests(0),
    fault.reset(),
    status(id, 'PROVISIONING'),
    status(id, 'COMPLETED'),
  ],
  unauthorized: () => [{ status: 401, headers: { 'www-authenticate': 'Basic realm="OpenSearch Security"' } }],
  forbidden: () => [securityException('cluster:admin/opensearch/flow_framework/workflow_state/get')],
  'html-login': () => [fault.htmlLogin()],
  'invented-state': (id) => [status(id, 'WARMING_UP')],
  'state-index-unavailable': (id) => [
    stateIndexUnavailable(id),
    stateIndexUnavailable(id),
    status(id, 'PROVISIONING'),
    status(id, 'COMPLETED'),
  ],
  'never-started': (id) => [status(id, 'NOT_STARTED')],
  'failed-earlier': (id) => [
    status(id, 'FAILED', { error: 'org.opensearch.ml.common.exception.MLException: Failed to deploy model' }),
  ],
  'api-disabled': () => [json(403, { error: API_DISABLED })],
  'tenant-missing': () => [json(403, { error: TENANT_MISSING })],
  /** the first read answers only after SLOW_ANSWER_MS (beyond a test's request-timeout), then all is quick */
  'slow-once': (id) => [fault.slow(SLOW_ANSWER_MS, status(id, 'PROVISIONING')), status(id, 'COMPLETED')],
};

type ProvisionAnswer =
  | 200
  | 202
  | 'already'
  | 'already-2.12'
  | 'failed-state'
  | 'unknown-state'
  | 'forbidden'
  | 'api-disabled'
  | 'tenant-missing';

export interface OpenSearchSimulatorOptions {
  /** the default scenario for every workflow the cluster does not keep (default provision-completed) */
  scenario?: keyof typeof SCENARIOS | string;
  /** per-workflow scenarios, overriding the default */
  workflows?: Record<string, string>;
  /** when set, requests must carry these credentials (401 without a body otherwise) */
  basicAuth?: { username: string; password: string };
  /** when set, requests must carry `Authorization: Bearer <token>` (either credential does when both are set) */
  bearerToken?: string;
  /**
   * `_provision` answers 200 (2.x) or 202 (3.x); 'already' answers 400 as for a provisioned
   * workflow ('already-2.12' in 2.12's words), 'failed-state'/'unknown-state' as for a workflow whose
   * earlier run failed or whose state could not be read; 'forbidden' answers 403 as for a user without the
   * provision permission. A list is played in order, then its last answer repeats. Unset: the cluster
   * decides for the workflows it keeps, 200 for the others.
   */
  provisionAnswer?: ProvisionAnswer | ProvisionAnswer[];
  /** the workflows kept by the cluster (templates), and its version's status codes */
  cluster?: Partial<ClusterOptions>;
  /** when set, every request must be signed with AWS Signature V4 with these credentials */
  sigv4?: SigV4Expectation;
  port?: number;
}

export interface OpenSearchSimulator extends SimServer {
  /** what each request was answered, in order (status 0: the connection was reset) */
  answers: { method: string; path: string; status: number }[];
  cluster: Cluster;
}

const API = '/_plugins/_flow_framework/workflow';

export async function startOpenSearchSimulator(options: OpenSearchSimulatorOptions): Promise<OpenSearchSimulator> {
  const playFor = perTargetSequences(options.scenario ?? 'provision-completed', options.workflows, (name, id) =>
    SCENARIOS[name]?.(id),
  );
  const cluster = new Cluster({ version: '3.x', ...options.cluster });
  const provisionAnswers = options.provisionAnswer === undefined ? undefined : [options.provisionAnswer].flat();
  let provisions = 0;
  const accepted = [
    options.basicAuth && basicAuthorization(options.basicAuth.username, options.basicAuth.password),
    options.bearerToken && `Bearer ${options.bearerToken}`,
  ].filter((header): header is string => Boolean(header));
  const answers: OpenSearchSimulator['answers'] = [];

  const answer = (request: RecordedRequest): Reply => {
    if (options.sigv4) {
      const refused = verifySigV4(request, options.sigv4);
      if (refused) return refused;
    } else if (accepted.length > 0 && !accepted.includes(request.headers.authorization ?? '')) return { status: 401 };
    const route = `${request.method} ${request.path}`;
    if (route === `POST ${API}`) return cluster.createAnswering(request);
    if (route === `POST ${API}/_search`) return cluster.search(request.body);
    const update = new RegExp(`^PUT ${API}/([^/]+)$`).exec(route);
    if (update) return cluster.update(update[1] ?? '', request);
    const match = /^\/_plugins\/_flow_framework\/workflow\/([^/]+)\/(_status|_provision)$/.exec(request.path);
    if (!match)
      return json(400, { error: `no handler found for uri [${request.path}] and method [${request.method}]` });
    const [, id = '', action] = match;
    if (action === '_provision') {
      const how = provisionAnswers?.[Math.min(provisions++, provisionAnswers.length - 1)];
      if (how === undefined && cluster.has(id) && request.method === 'POST') return cluster.provision(id);
      return provision(request.method, id, how ?? 200);
    }
    return cluster.has(id) ? cluster.status(id) : playFor(id);
  };
  const server = await startServer(
    (request) => {
      const reply = answer(request);
      answers.push({ method: request.method, path: request.path, status: reply.status });
      return reply;
    },
    { port: options.port },
  );
  return { ...server, answers, cluster };
}

function provision(method: string, id: string, how: ProvisionAnswer): Reply {
  if (method !== 'POST') return json(405, { error: 'Incorrect HTTP method', status: 405 });
  switch (how) {
    case 'already':
      return provisionRefused(id, 'IN_PROGRESS');
    case 'already-2.12':
      return json(400, { error: `The template has already been provisioned: ${id}` });
    case 'failed-state':
      return provisionRefused(id, 'FAILED');
    case 'unknown-state':
      return provisionRefused(id, 'unknown');
    case 'forbidden':
      return securityException(PROVISION_PERMISSION);
    case 'api-disabled':
      return json(403, { error: API_DISABLED });
    case 'tenant-missing':
      return json(403, { error: TENANT_MISSING });
    default:
      return json(how, { workflow_id: id });
  }
}

if (import.meta.main) {
  const { runFromCommandLine } = await import('./cli.ts');
  await runFromCommandLine('opensearch-flow-framework', Object.keys(SCENARIOS), (scenario, port) =>
    startOpenSearchSimulator({ scenario, port }),
  );
}
