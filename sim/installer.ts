/**
 * A local stand-in for the ZStack Cloud installer's GetDeployStatus: one endpoint, the current deploy session,
 * playing a scripted sequence of phases, logs, registrations and faults. Requests without the bearer token get 401.
 * Run alone: `node sim/installer.ts --scenario completed [--port 8080]` (token: DEMO_TOKEN below).
 */
import { fault, json, perTarget, sequence, startServer, type Reply, type SimServer } from './server.ts';

export const DEMO_TOKEN = 'installer-demo-token';
export const STATUS_PATH = '/api/v1/installer/deploy/status';

interface LogEntry {
  time: string;
  level: string;
  message: string;
}

interface Registration {
  name: string;
  endpoint: string;
  status: string;
  registeredAt?: string;
  error?: string;
}

interface Step {
  status: string;
  progress: number;
  phase?: string;
  component?: string;
  /** lines added in this step; the installer repeats the whole log on every read */
  logs?: LogEntry[];
  registrations?: Registration[];
}

const STARTED = '2026-01-15T08:00:00Z';
const at = (minute: number): string => `2026-01-15T08:${String(minute).padStart(2, '0')}:00Z`;
const line = (minute: number, level: string, message: string): LogEntry => ({ time: at(minute), level, message });
const registered = (name: string, endpoint: string): Registration => ({
  name,
  endpoint,
  status: 'registered',
  registeredAt: at(40),
});
const POSTGRESQL = registered('postgresql', '192.168.1.10:5432');
const UI = registered('zstack-ui', '192.168.1.10:5000');
const FINISHED = new Set(['completed', 'failed']);

/** Plays the steps of one session: logs accumulate from step to step, as the installer reports them. */
function session(steps: Step[], id = 'deploy-a1b2c3d4'): Reply[] {
  const logs: LogEntry[] = [];
  return steps.map((step) => {
    logs.push(...(step.logs ?? []));
    return json(200, {
      status: step.status,
      session: {
        id,
        status: step.status,
        progress: step.progress,
        ...(step.phase ? { currentPhase: step.phase } : {}),
        ...(step.component ? { currentComponent: step.component } : {}),
        startedAt: STARTED,
        ...(FINISHED.has(step.status) ? { completedAt: at(41) } : {}),
        logs: [...logs],
        registrations: step.registrations ?? [],
      },
    });
  });
}

const beginning: Step[] = [
  { status: 'queued', progress: 0, logs: [line(0, 'INFO', 'Deploy session deploy-a1b2c3d4 queued')] },
  {
    status: 'running',
    progress: 10,
    phase: 'preparing-hosts',
    component: 'zstack-agent',
    logs: [line(2, 'INFO', 'Preparing 3 hosts')],
  },
  {
    status: 'running',
    progress: 55,
    phase: 'installing-postgresql',
    component: 'postgresql',
    logs: [line(12, 'INFO', 'Installing PostgreSQL 14')],
  },
];

/** The replies to successive status reads. */
const SCENARIOS: Record<string, Reply[]> = {
  completed: session([
    ...beginning,
    {
      status: 'running',
      progress: 90,
      phase: 'registering-services',
      component: 'zstack-ui',
      logs: [line(30, 'INFO', 'PostgreSQL installation complete')],
      registrations: [POSTGRESQL],
    },
    {
      status: 'completed',
      progress: 100,
      phase: 'finished',
      logs: [line(41, 'INFO', 'Deploy completed')],
      registrations: [POSTGRESQL, UI],
    },
  ]),
  failed: session([
    ...beginning,
    {
      status: 'failed',
      progress: 55,
      phase: 'installing-postgresql',
      component: 'postgresql',
      logs: [line(14, 'ERROR', 'PostgreSQL installation failed: port 5432 already in use')],
    },
  ]),
  'registration-error': session([
    ...beginning,
    {
      status: 'completed',
      progress: 100,
      phase: 'finished',
      logs: [line(41, 'ERROR', 'registering zstack-ui with the control plane: connection timeout')],
      registrations: [
        POSTGRESQL,
        { name: 'zstack-ui', endpoint: '192.168.1.10:5000', status: 'failed', error: 'connection timeout' },
      ],
    },
  ]),
  replaced: [
    ...session(beginning.slice(0, 2)),
    ...session(
      [
        {
          status: 'running',
          progress: 5,
          phase: 'preparing-hosts',
          component: 'zstack-agent',
          logs: [line(20, 'INFO', 'Deploy session deploy-e5f6a7b8 started')],
        },
      ],
      'deploy-e5f6a7b8',
    ),
  ],
  'seed-example': [
    json(200, { status: 'running', session: {} }),
    json(200, { status: 'running', session: {} }),
    ...session([{ status: 'completed', progress: 100 }]),
  ],
  stuck: session([{ status: 'running', progress: 55, phase: 'installing-postgresql', component: 'postgresql' }]),
  flaky: [
    fault.unavailable(0),
    ...session([beginning[1] as Step]),
    fault.tooManyRequests(0),
    ...session([{ status: 'completed', progress: 100, registrations: [POSTGRESQL] }]),
  ],
  'html-login': [fault.htmlLogin()],
};

export interface InstallerSimulatorOptions {
  scenario: string;
  /** the bearer token the installer accepts (default DEMO_TOKEN) */
  token?: string;
  port?: number;
}

export async function startInstallerSimulator(options: InstallerSimulatorOptions): Promise<SimServer> {
  // One deploy session, so one target: looked up at once, so that an unknown scenario fails the start.
  const play = sequence(perTarget(options.scenario, undefined, (name) => SCENARIOS[name])('current session'));
  const expected = `Bearer ${options.token ?? DEMO_TOKEN}`;
  return startServer(
    (request) => {
      if (request.headers.authorization !== expected) return json(401, { error: 'unauthorized' });
      if (request.path !== STATUS_PATH) return json(404, { error: `no route for ${request.path}` });
      if (request.method !== 'GET') return json(405, { error: 'method not allowed' });
      return play();
    },
    { port: options.port },
  );
}

if (import.meta.main) {
  const { runFromCommandLine } = await import('./cli.ts');
  await runFromCommandLine('installer', Object.keys(SCENARIOS), (scenario, port) => {
    console.log(`bearer token: ${DEMO_TOKEN}`);
    return startInstallerSimulator({ scenario, port });
  });
}
