/**
 * 2. Detection lag and reads: deploys that turn ready 1.5 s to 120 s after the gate starts watching, some
 * reporting progress, one whose first read hangs, each followed by the action with its default schedule
 * (the bundle, as a process, against a timed simulator), next to the schedules of other tools computed on
 * the same deploys. Time is scaled down: every duration (deploys and inputs alike) is multiplied by `scale`.
 */
import { PEERS, peerOnDeploy } from './peers.ts';
import { mean, scaledDurations, timedAction } from './process.ts';
import { startTimedSimulator, type TimedWorkflow, type WorkflowTrace } from './timed-sim.ts';

export interface LagCase {
  name: string;
  readyAfterS: number;
  /** reports progress, rising in steps of 100/instances percent (NL Flow replica counts) */
  instances?: number;
  hangsFirstRead?: boolean;
}

export const LAG_CASES: readonly LagCase[] = [
  { name: '1.5 s', readyAfterS: 1.5 },
  { name: '5 s', readyAfterS: 5 },
  { name: '10 s', readyAfterS: 10 },
  { name: '30 s', readyAfterS: 30 },
  { name: '40 s', readyAfterS: 40 },
  { name: '40 s, progress in 1% steps', readyAfterS: 40, instances: 100 },
  { name: '40 s, progress in 5% steps', readyAfterS: 40, instances: 20 },
  { name: '90 s', readyAfterS: 90 },
  { name: '90 s, progress in 1% steps', readyAfterS: 90, instances: 100 },
  { name: '90 s, progress in 5% steps', readyAfterS: 90, instances: 20 },
  { name: '120 s', readyAfterS: 120 },
  { name: '5 s, first read hangs', readyAfterS: 5, hangsFirstRead: true },
];

/** Simulated seconds; `timeout` 10m, `request-timeout` 30s and the schedule inputs at their defaults, scaled. */
const INPUTS = { interval: 5, maxInterval: 30, timeout: 600, requestTimeout: 30 };

export interface Figures {
  meanLagS: number;
  maxLagS: number;
  meanReads: number;
  maxReads: number;
}

export interface LagRow {
  case: LagCase;
  ours: Figures;
  /** hung first read: simulated seconds from that read's timeout to the next read */
  afterTimeoutS?: { mean: number; max: number };
  /** per peer, by name; none for the hung read (what each does after a timeout is its own) */
  peers: Record<string, { lagS: number; reads: number }>;
}

/**
 * Hung first reads hold their request slots until `request-timeout`: with more targets than slots (8), the
 * later ones would wait for a slot, which is not what one job with one hung read sees. They run in batches.
 */
const HUNG_BATCH = 8;
const HUNG_BATCHES = 4;

export async function benchLag(bundle: string, scale: number, repeats: number): Promise<LagRow[]> {
  const rows: LagRow[] = [];
  for (const lagCase of LAG_CASES) {
    const traces: WorkflowTrace[] = [];
    if (lagCase.hangsFirstRead)
      for (let batch = 0; batch < HUNG_BATCHES; batch++)
        traces.push(...(await follow(bundle, scale, HUNG_BATCH, lagCase)));
    else traces.push(...(await follow(bundle, scale, repeats, lagCase)));
    rows.push(rowOf(lagCase, traces, scale));
  }
  return rows;
}

/** One process of the action following `repeats` deploys of one case; the simulator's trace of each. */
async function follow(bundle: string, scale: number, repeats: number, lagCase: LagCase): Promise<WorkflowTrace[]> {
  const ms = scaledDurations(scale);
  // Every repeat is its own target: each follows its own jittered schedule, as separate jobs would.
  const workflows: Record<string, TimedWorkflow> = {};
  for (let i = 0; i < repeats; i++)
    workflows[`deploy-${i}`] = {
      readyAfterMs: lagCase.readyAfterS * 1000 * scale,
      ownClock: true,
      hangsFirstRead: lagCase.hangsFirstRead,
    };
  const sim = await startTimedSimulator(workflows, { nlFlowInstances: lagCase.instances });
  try {
    const provider: Record<string, string> = lagCase.instances
      ? { provider: 'nl-flow', 'api-key': 'bench-api-key' }
      : { provider: 'opensearch-flow-framework' };
    const run = await timedAction(bundle, {
      ...provider,
      url: sim.server.url,
      id: Object.keys(workflows).join('\n'),
      interval: ms(INPUTS.interval),
      'max-interval': ms(INPUTS.maxInterval),
      timeout: ms(INPUTS.timeout),
      'request-timeout': ms(INPUTS.requestTimeout),
      summary: 'false',
    });
    if (run.exitCode !== 0) throw new Error(`${lagCase.name}: the action did not end ready (exit ${run.exitCode})`);
  } finally {
    await sim.server.close();
  }
  return [...sim.traces.values()];
}

function rowOf(lagCase: LagCase, traces: WorkflowTrace[], scale: number): LagRow {
  const toS = (realMs: number): number => realMs / 1000 / scale;
  const lags = traces.map((trace) => toS((trace.seenReadyAtMs ?? NaN) - trace.readyAtMs));
  const reads = traces.map((trace) => trace.reads);
  const row: LagRow = {
    case: lagCase,
    ours: { meanLagS: mean(lags), maxLagS: Math.max(...lags), meanReads: mean(reads), maxReads: Math.max(...reads) },
    peers: {},
  };
  if (lagCase.hangsFirstRead) {
    const gaps = traces.map(
      (trace) => toS((trace.readAtMs[1] ?? NaN) - (trace.readAtMs[0] ?? NaN)) - INPUTS.requestTimeout,
    );
    row.afterTimeoutS = { mean: mean(gaps), max: Math.max(...gaps) };
  } else {
    for (const peer of PEERS) row.peers[peer.name] = peerOnDeploy(peer, lagCase.readyAfterS);
  }
  return row;
}
