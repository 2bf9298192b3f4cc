/**
 * 3. Many targets on one simulator, turning ready at staggered times: wall time past the last ready time,
 * peak RSS, TCP connections opened, and the most requests in flight at once. Time is scaled like the lag bench.
 */
import { scaledDurations, timedAction } from './process.ts';
import { startTimedSimulator, type TimedWorkflow } from './timed-sim.ts';

const TARGET_COUNTS = [1, 20, 200] as const;
/** Simulated seconds: ready times are spread evenly over this span after the wait starts. */
const LAST_READY_S = 60;
/** Simulated provider answer time. */
const LATENCY_S = 0.2;

export interface ManyRow {
  targets: number;
  wallMs: number;
  /** real ms from the last target's ready time until the process exited */
  pastLastReadyMs: number;
  peakRssMb?: number;
  connections: number;
  maxInFlight: number;
  reads: number;
}

export async function benchMany(bundle: string, scale: number): Promise<ManyRow[]> {
  const rows: ManyRow[] = [];
  for (const count of TARGET_COUNTS) {
    const workflows: Record<string, TimedWorkflow> = {};
    for (let i = 0; i < count; i++) {
      // The last one is always ready at LAST_READY_S, so every count has the same floor.
      const readyS = (LAST_READY_S * (i + 1)) / count;
      workflows[`wf-${String(i).padStart(3, '0')}`] = { readyAfterMs: readyS * 1000 * scale };
    }
    const sim = await startTimedSimulator(workflows, { latencyMs: LATENCY_S * 1000 * scale });
    const ms = scaledDurations(scale);
    const spawnedAt = Date.now();
    const run = await timedAction(bundle, {
      provider: 'opensearch-flow-framework',
      url: sim.server.url,
      id: Object.keys(workflows).join('\n'),
      interval: ms(5),
      'max-interval': ms(30),
      timeout: ms(600),
      'request-timeout': ms(30),
      summary: 'false',
    }).finally(() => sim.server.close());
    if (run.exitCode !== 0) throw new Error(`${count} targets: the action did not end ready (exit ${run.exitCode})`);
    const lastReadyMs = Math.max(...[...sim.traces.values()].map((trace) => trace.readyAtMs));
    rows.push({
      targets: count,
      wallMs: run.wallMs,
      pastLastReadyMs: spawnedAt + run.wallMs - sim.toEpochMs(lastReadyMs),
      peakRssMb: run.peakRssMb,
      connections: sim.server.connections(),
      maxInFlight: sim.server.maxInFlight(),
      reads: sim.server.requests.length,
    });
  }
  return rows;
}
