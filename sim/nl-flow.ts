/**
 * A local stand-in for the expert.ai NL Flow runtime: the workflow status endpoint for any workflow id,
 * each playing a scripted sequence of publication states and faults. Requests without the API key get 401.
 * Run alone: `node sim/nl-flow.ts --scenario sync-green [--port 8080]` (API key: DEMO_API_KEY below).
 */
import { fault, json, startServer, text, type Reply, type SimServer, perTargetSequences } from './server.ts';

export const DEMO_API_KEY = 'nl-flow-demo-key';

const STATUS_ENDPOINT = /^\/api\/v1\/runtime\/workflow\/([^/]+)\/action\/status$/;
const UNSCHEDULABLE =
  '0/2 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {CriticalAddonsOnly: true}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..';

type Mode = 'SYNC' | 'ASYNC';
type Colour = 'GREEN' | 'YELLOW' | 'ORANGE' | 'RED';

interface Waiting {
  status: string;
  statusMessage?: string;
}

const CREATING: Waiting = { status: 'ContainerCreating' };

function colourOf(desired: number, actual: number): Colour {
  if (actual === 0) return 'RED';
  return actual < desired ? 'YELLOW' : 'GREEN';
}

function service(id: string, desired: number, actual: number, waiting: Waiting = CREATING): Record<string, unknown> {
  const rollingOut = actual < desired;
  return {
    id,
    desired,
    actual,
    status: colourOf(desired, actual),
    rolloutStatus: rollingOut ? 'InProgress' : 'Complete',
    ...(rollingOut ? { rolloutStatusReason: 'RollingOutReplicaSet' } : {}),
    replicasDetail: Array.from({ length: desired }, (_, index) => {
      const running = index < actual;
      return {
        name: `depl-${id}-c1a6414e-${index}`,
        ready: running,
        available: running,
        startedAt: '2024-02-12T10:12:57Z',
        age: running ? '16m26.470291765s' : '512.171355ms',
        ...(running ? { status: 'Running' } : waiting),
        atLatestSpec: true,
      };
    }),
  };
}

/** Two services, `knowledge` with two instances and `outprod` with one; SYNC workflows also have a stream. */
function workflow(mode: Mode, actualStatus: Colour, knowledge: number, outprod: number, waiting?: Waiting): Reply {
  return json(200, {
    desiredStatus: 'PUBLISHED',
    actualStatus,
    publishingMode: mode,
    details: {
      ...(mode === 'SYNC' ? { stream: { id: 'benthos', desired: 1, actual: 1, status: 'GREEN' } } : {}),
      services: [
        service('knowledge-m-f252bb2b', 2, knowledge, waiting),
        service('outprod-4b54ca80', 1, outprod, waiting),
      ],
    },
  });
}

const publishing = (mode: Mode): Reply[] => [
  workflow(mode, 'RED', 0, 0),
  workflow(mode, 'ORANGE', 0, 1),
  workflow(mode, 'YELLOW', 1, 1),
  workflow(mode, 'GREEN', 2, 1),
];

const notFound: Reply = { status: 404 };

/** Each scenario: the replies to successive status reads of one workflow. */
const SCENARIOS: Record<string, Reply[]> = {
  'sync-green': publishing('SYNC'),
  'async-green': publishing('ASYNC'),
  unschedulable: [workflow('SYNC', 'ORANGE', 0, 1, { status: 'Unschedulable', statusMessage: UNSCHEDULABLE })],
  'async-stays-orange': [workflow('ASYNC', 'RED', 0, 0), workflow('ASYNC', 'ORANGE', 0, 1)],
  'async-stays-red': [workflow('ASYNC', 'RED', 0, 0)],
  'stays-yellow': [workflow('SYNC', 'RED', 0, 0), workflow('SYNC', 'YELLOW', 1, 1)],
  unpublished: [
    json(200, { desiredStatus: 'UNPUBLISHED', actualStatus: 'GREEN', publishingMode: 'ASYNC', details: {} }),
  ],
  'not-found': [notFound],
  'published-later': [notFound, notFound, workflow('ASYNC', 'ORANGE', 0, 1), workflow('ASYNC', 'GREEN', 2, 1)],
  flaky: [
    fault.unavailable(0),
    workflow('SYNC', 'ORANGE', 0, 1),
    fault.tooManyRequests(0),
    fault.reset(),
    workflow('SYNC', 'GREEN', 2, 1),
  ],
  'html-login': [fault.htmlLogin()],
  'empty-body': [text(200, '', 'application/json')],
  'no-status': [json(200, { publishingMode: 'SYNC', details: {} })],
};

export interface NlFlowSimulatorOptions {
  /** the default scenario for every workflow */
  scenario: string;
  /** per-workflow scenarios, overriding the default */
  workflows?: Record<string, string>;
  /** the X-API-KEY the runtime accepts (default DEMO_API_KEY) */
  apiKey?: string;
  port?: number;
}

export async function startNlFlowSimulator(options: NlFlowSimulatorOptions): Promise<SimServer> {
  const playFor = perTargetSequences(options.scenario, options.workflows, (name) => SCENARIOS[name]);
  const apiKey = options.apiKey ?? DEMO_API_KEY;

  return startServer(
    (request) => {
      if (request.headers['x-api-key'] !== apiKey) return json(401, { message: 'Invalid API key' });
      // The raw path: an encoded slash in the id must not split it.
      const match = STATUS_ENDPOINT.exec(request.rawPath);
      if (!match) return notFound;
      if (request.method !== 'GET') return json(405, { message: 'Method Not Allowed' });
      return playFor(decodeURIComponent(match[1] ?? ''));
    },
    { port: options.port },
  );
}

if (import.meta.main) {
  const { runFromCommandLine } = await import('./cli.ts');
  await runFromCommandLine('nl-flow', Object.keys(SCENARIOS), (scenario, port) => {
    console.log(`API key (X-API-KEY): ${DEMO_API_KEY}`);
    return startNlFlowSimulator({ scenario, port });
  });
}
