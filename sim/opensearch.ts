/**
 * A local stand-in for the OpenSearch Flow Framework API: `_provision` and `_status` for
 * any workflow id, each playing a scripted sequence of states and faults.
 * Run alone: `node sim/opensearch.ts --scenario provision-completed [--port 9200]`.
 */
import { fault, json, startServer, type Reply, type SimServer, perTargetSequences } from './server.ts';

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

export const notFound = (id: string): Reply => json(404, { error: `Fail to find workflow status of ${id}` });

/** Each scenario: the replies to successive status reads of one workflow. */
export const SCENARIOS: Record<string, (id: string) => Reply[]> = {
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
  forbidden: () => [
    json(403, {
      error: {
        root_cause: [],
        type: 'security_exception',
        reason: 'no permissions for [cluster:admin/opensearch/flow_framework/workflow_state/get]',
      },
      status: 403,
    }),
  ],
  'html-login': () => [fault.htmlLogin()],
  'invented-state': (id) => [status(id, 'WARMING_UP')],
};

export interface OpenSearchSimulatorOptions {
  /** the default scenario for every workflow */
  scenario: keyof typeof SCENARIOS | string;
  /** per-workflow scenarios, overriding the default */
  workflows?: Record<string, string>;
  /** when set, requests must carry these credentials (401 without a body otherwise) */
  basicAuth?: { username: string; password: string };
  /** `_provision` answers 200 (2.x) or 202 (3.x); 'already' answers 400 as for a provisioned workflow */
  provisionAnswer?: 200 | 202 | 'already';
  port?: number;
}

export async function startOpenSearchSimulator(options: OpenSearchSimulatorOptions): Promise<SimServer> {
  const playFor = perTargetSequences(
    (id) => options.workflows?.[id] ?? options.scenario,
    (name, id) => SCENARIOS[name]?.(id),
  );
  const expectedAuth = options.basicAuth
    ? `Basic ${Buffer.from(`${options.basicAuth.username}:${options.basicAuth.password}`).toString('base64')}`
    : undefined;

  return startServer(
    (request) => {
      if (expectedAuth && request.headers.authorization !== expectedAuth) return { status: 401 };
      const match = /^\/_plugins\/_flow_framework\/workflow\/([^/]+)\/(_status|_provision)$/.exec(request.path);
      if (!match)
        return json(400, { error: `no handler found for uri [${request.path}] and method [${request.method}]` });
      const [, id = '', action] = match;
      if (action === '_provision') {
        if (request.method !== 'POST') return json(405, { error: 'Incorrect HTTP method', status: 405 });
        if (options.provisionAnswer === 'already') {
          return json(400, {
            error: `The workflow provisioning state is PROVISIONING and can not be provisioned unless its in NOT_STARTED state`,
          });
        }
        return json(options.provisionAnswer ?? 200, { workflow_id: id });
      }
      return playFor(id);
    },
    { port: options.port },
  );
}

if (import.meta.main) {
  const { runFromCommandLine } = await import('./cli.ts');
  await runFromCommandLine('opensearch-flow-framework', Object.keys(SCENARIOS), (scenario, port) =>
    startOpenSearchSimulator({ scenario, port }),
  );
}
