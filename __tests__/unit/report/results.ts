/** Final results as the engine makes them, for the report tests: fixed times so snapshots are stable. */
import type {
  Component,
  LogLine,
  RunResult,
  Snapshot,
  StateChange,
  TargetResult,
  Verdict,
} from '../../../src/core/types.ts';
import { summarizeRun } from '../../../src/engine/result.ts';
import type { RunInfo } from '../../../src/report/types.ts';

export const STARTED_AT = new Date('2025-03-14T09:26:53.000Z');

export const OPENSEARCH_INFO: RunInfo = {
  provider: 'opensearch-flow-framework',
  endpoint: 'https://search.example.com:9200',
  ids: ['wf-1'],
  deploy: true,
  allowDegraded: false,
  timeoutMs: 600_000,
};

export const NL_FLOW_INFO: RunInfo = {
  provider: 'nl-flow',
  endpoint: 'https://nlflow.example.com',
  ids: ['support-triage'],
  deploy: false,
  allowDegraded: false,
  timeoutMs: 300_000,
};

export const SAP_INFO: RunInfo = {
  provider: 'sap-cloud-integration',
  endpoint: 'https://tenant.it-cpi001.cfapps.eu10.hana.ondemand.com/api/v1',
  ids: ['Orders_Replication'],
  deploy: true,
  version: '1.0.3',
  allowDegraded: false,
  timeoutMs: 600_000,
};

export function target(
  id: string,
  verdict: Verdict,
  options: Omit<Partial<TargetResult>, 'snapshot'> & { snapshot?: Partial<Snapshot> } = {},
): TargetResult {
  const { snapshot, ...rest } = options;
  return {
    id,
    verdict,
    providerStatus: snapshot?.providerStatus ?? '',
    message: snapshot?.message ?? '',
    attempts: 1,
    transientErrors: 0,
    durationMs: 1_000,
    timeline: [],
    ...rest,
    snapshot: snapshot && {
      state: verdict === 'timed_out' || verdict === 'cancelled' || verdict === 'error' ? 'in_progress' : verdict,
      providerStatus: '',
      message: '',
      ...snapshot,
    },
  };
}

export function run(targets: TargetResult[], allowDegraded = false, durationMs = 42_300): RunResult {
  return summarizeRun(targets, allowDegraded, STARTED_AT, durationMs);
}

export const changes = (...steps: Array<[number, StateChange['state'], string]>): StateChange[] =>
  steps.map(([atMs, state, providerStatus]) => ({ atMs, state, providerStatus }));

export const opensearchReady = (): RunResult =>
  run([
    target('wf-1', 'succeeded', {
      snapshot: {
        providerStatus: 'COMPLETED',
        message: 'provisioning completed',
        progress: 100,
        startedAt: '2025-03-14T09:26:54.000Z',
        completedAt: '2025-03-14T09:27:35.000Z',
        components: [
          {
            name: 'create_connector',
            kind: 'connector_id',
            state: 'succeeded',
            details: { id: 'NdjCQYwBLmvn802B0IwE' },
          },
          {
            name: 'register_remote_model',
            kind: 'model_id',
            state: 'succeeded',
            details: { id: 'N9jCQYwBLmvn802B0oyh' },
          },
        ],
      },
      attempts: 4,
      durationMs: 42_300,
      timeline: changes(
        [210, 'pending', 'NOT_STARTED'],
        [5_400, 'in_progress', 'PROVISIONING'],
        [42_300, 'succeeded', 'COMPLETED'],
      ),
    }),
  ]);

const services: Component[] = [
  { name: 'stream', kind: 'stream', state: 'succeeded', providerStatus: 'GREEN', desired: 1, actual: 1 },
  { name: 'ner-extractor', kind: 'service', state: 'succeeded', providerStatus: 'GREEN', desired: 2, actual: 2 },
  {
    name: 'classifier',
    kind: 'service',
    state: 'failed',
    providerStatus: 'RED',
    desired: 2,
    actual: 0,
    message: 'Unschedulable: 0/2 nodes are available: 2 Insufficient memory.',
  },
];

const replicaLogs: LogLine[] = [
  { time: '2025-03-14T09:27:01Z', level: 'info', message: 'publishing support-triage (SYNC)' },
  { time: '2025-03-14T09:27:12Z', level: 'warning', message: 'classifier-0: Pending' },
  {
    time: '2025-03-14T09:28:02Z',
    level: 'error',
    message: 'classifier-0: Unschedulable: 0/2 nodes are available: 2 Insufficient memory.',
  },
];

export const nlFlowFailed = (): RunResult =>
  run(
    [
      target('support-triage', 'failed', {
        providerStatus: 'PUBLISHED/RED/SYNC',
        message: 'classifier: Unschedulable: 0/2 nodes are available: 2 Insufficient memory.',
        snapshot: {
          providerStatus: 'PUBLISHED/RED/SYNC',
          message: 'classifier: Unschedulable: 0/2 nodes are available: 2 Insufficient memory.',
          progress: 60,
          components: services,
          logs: replicaLogs,
        },
        attempts: 9,
        transientErrors: 2,
        durationMs: 71_000,
        timeline: changes([300, 'in_progress', 'PUBLISHED/ORANGE/SYNC'], [71_000, 'failed', 'PUBLISHED/RED/SYNC']),
      }),
    ],
    false,
    71_000,
  );

export const opensearchTimedOut = (): RunResult =>
  run(
    [
      target('wf-1', 'timed_out', {
        providerStatus: 'PROVISIONING',
        message: 'timed out after 10m: PROVISIONING',
        snapshot: { providerStatus: 'PROVISIONING', progress: 50 },
        attempts: 31,
        durationMs: 600_000,
        timeline: changes([250, 'in_progress', 'PROVISIONING'], [600_000, 'timed_out', 'PROVISIONING']),
      }),
    ],
    false,
    600_000,
  );

export const sapCancelled = (): RunResult =>
  run(
    [
      target('Orders_Replication', 'cancelled', {
        providerStatus: 'DEPLOYING',
        message: 'cancelled after 12.5s: DEPLOYING',
        taskId: '8b1c0a3e-5f2d-4c1a-9e77-0d3f2a6b9c10',
        snapshot: { providerStatus: 'DEPLOYING', message: 'build and deploy running' },
        attempts: 3,
        durationMs: 12_500,
        timeline: changes([900, 'in_progress', 'DEPLOYING'], [12_500, 'cancelled', 'DEPLOYING']),
      }),
    ],
    false,
    12_500,
  );

/** What the edge makes of a bad input: verdict error, no target read. */
export const inputError = (): RunResult => ({
  verdict: 'error',
  ready: false,
  message: "Input 'timeout' has value 'soon': expected a duration such as 90, 90s, 5m, 1h30m or 250ms.",
  targets: [],
  attempts: 0,
  transientErrors: 0,
  startedAt: STARTED_AT,
  durationMs: 4,
});

/** 50 workflows: 47 fine, one failed with logs, one timed out, one degraded. */
export const fiftyTargets = (): RunResult =>
  run(
    Array.from({ length: 50 }, (_, index) => {
      const id = `wf-${String(index + 1).padStart(2, '0')}`;
      if (index === 17) {
        return target(id, 'failed', {
          snapshot: {
            providerStatus: 'FAILED',
            message: 'Failed to create connector',
            logs: replicaLogs,
            components: services,
          },
          timeline: changes([100, 'in_progress', 'PROVISIONING'], [9_000, 'failed', 'FAILED']),
        });
      }
      if (index === 33)
        return target(id, 'timed_out', {
          providerStatus: 'PROVISIONING',
          message: 'timed out after 10m: PROVISIONING',
        });
      if (index === 41)
        return target(id, 'degraded', {
          snapshot: { providerStatus: 'PUBLISHED/YELLOW/SYNC', message: '1 of 2 replicas ready' },
        });
      return target(id, 'succeeded', {
        snapshot: {
          providerStatus: 'COMPLETED',
          message: 'provisioning completed',
          progress: 100,
          components: services.slice(0, 2),
        },
        timeline: changes([100 + index, 'in_progress', 'PROVISIONING'], [8_000 + index * 10, 'succeeded', 'COMPLETED']),
      });
    }),
  );

/** Text a provider could send that must neither break the layout nor reach anyone. */
export const HOSTILE =
  'boom | <script>alert(1)</script> <!-- hidden --> `tick` **bold** [link](javascript:alert(1)) ![img](https://evil.example/p.png)\n' +
  '## heading @octocat @org/team &amp; done\r\nline3 \u0007bell \\|';
