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

const LAG_CASES: readonly LagCase[] = [
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

/**
 * The repeats of a case turn ready evenly spread over ±10% of its time: no schedule, jittered or not, gets
 * to look better than it is because a deploy happens to end exactly when it reads.
 */
const SPREAD = 0.1;
const readyTimesS = (readyAfterS: number, repeats: number): number[] =>
  Array.from({ length: repeats }, (_, i) => readyAfterS * (1 + SPREAD * (((i + 0.5) / repeats) * 2 - 1)));

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
  peers: Record<string, Figures>;
}

/**
 * Targets per process. All of them read first at once, and the action keeps 8 requests in flight at most:
 * in small batches no read waits long for a slot, as none would in a job that follows one deploy. Hung first
 * reads hold their slots until `request-timeout`, so those batches are no larger than the slots.
 */
const BATCH = 25;
const HUNG_BATCH = 8;
const HUNG_REPEATS = 32;

export async function benchLag(bundle: string, scale: number, repeats: number): Promise<LagRow[]> {
  const rows: LagRow[] = [];
  for (const lagCase of LAG_CASES) {
    const batch = lagCase.hangsFirstRead ? HUNG_BATCH : BATCH;
    const readyS = readyTimesS(lagCase.readyAfterS, lagCase.hangsFirstRead ? HUNG_REPEATS : repeats);
    const traces: WorkflowTrace[] = [];
    for (let first = 0; first < readyS.length; first += batch)
      traces.push(...(await follow(bundle, scale, readyS.slice(first, first + batch), lagCase)));
    rows.push(rowOf(lagCase, traces, readyS, scale));
  }
  return rows;
}

/** One process of the action following `repeats` deploys of one case; the simulator's trace of each. */
async function follow(bundle: string, scale: number, readyS: number[], lagCase: LagCase): Promise<WorkflowTrace[]> {
  const ms = scaledDurations(scale);
  // Every repeat is its own target: each follows its own jittered schedule, as separate jobs would.
  const workflows: Record<string, TimedWorkflow> = {};
  readyS.forEach((seconds, i) => {
    workflows[`deploy-${i}`] = {
      readyAfterMs: seconds * 1000 * scale,
      ownClock: true,
      hangsFirstRead: lagCase.hangsFirstRead,
    };
  });
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

function rowOf(lagCase: LagCase, traces: WorkflowTrace[], readyS: number[], scale: number): LagRow {
  const toS = (realMs: number): number => realMs / 1000 / scale;
  const lags = traces.map((trace) => toS((trace.seenReadyAtMs ?? NaN) - trace.readyAtMs));
  const reads = traces.map((trace) => trace.reads);
  const row: LagRow = { case: lagCase, ours: figuresOf(lags, reads), peers: {} };
  if (lagCase.hangsFirstRead) {
    const gaps = traces.map(
      (trace) => toS((trace.readAtMs[1] ?? NaN) - (trace.readAtMs[0] ?? NaN)) - INPUTS.requestTimeout,
    );
    row.afterTimeoutS = { mean: mean(gaps), max: Math.max(...gaps) };
  } else {
    for (const peer of PEERS) {
      const seen = readyS.map((seconds) => peerOnDeploy(peer, seconds));
      row.peers[peer.name] = figuresOf(
        seen.map((one) => one.lagS),
        seen.map((one) => one.reads),
      );
    }
  }
  return row;
}

function figuresOf(lags: number[], reads: number[]): Figures {
  return { meanLagS: mean(lags), maxLagS: Math.max(...lags), meanReads: mean(reads), maxReads: Math.max(...reads) };
}
