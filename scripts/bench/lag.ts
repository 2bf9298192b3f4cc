/**
 * 2. Detection lag and reads: deploys that turn ready 5 s, 30 s and 120 s after the gate starts watching,
 * followed by the default schedule and by the action itself as a fixed 5 s and 30 s loop (`backoff: 1`).
 * Time is scaled down: every duration (deploys and inputs alike) is multiplied by `scale`.
 */
import { mean, scaledDurations, timedAction } from './process.ts';
import { startTimedSimulator, type TimedWorkflow } from './timed-sim.ts';

const DEPLOY_SECONDS = [5, 30, 120] as const;

/**
 * Inputs in simulated seconds; `timeout` and `request-timeout` keep their defaults (10m, 30s), scaled too.
 * The fixed loops get a `max-interval` 20% above their interval: jitter never passes `max-interval`, so with
 * the two equal a "fixed" loop would only ever read early, and the comparison would not be like for like.
 */
const SCHEDULES: Record<string, { interval: number; maxInterval: number; backoff: string }> = {
  'default (5 s ×1.5, cap 30 s)': { interval: 5, maxInterval: 30, backoff: '1.5' },
  'fixed 5 s loop': { interval: 5, maxInterval: 6, backoff: '1' },
  'fixed 30 s loop': { interval: 30, maxInterval: 36, backoff: '1' },
};

export interface LagRow {
  schedule: string;
  deploySeconds: number;
  /** simulated seconds between the deploy turning ready and the read that saw it */
  meanLagS: number;
  maxLagS: number;
  meanReads: number;
  maxReads: number;
}

export async function benchLag(bundle: string, scale: number, repeats: number): Promise<LagRow[]> {
  const rows: LagRow[] = [];
  const ms = scaledDurations(scale);
  for (const [schedule, settings] of Object.entries(SCHEDULES)) {
    // Every repeat is its own target: each follows its own jittered schedule, as separate jobs would.
    const workflows: Record<string, TimedWorkflow> = {};
    for (const seconds of DEPLOY_SECONDS)
      for (let i = 0; i < repeats; i++)
        workflows[`deploy-${seconds}s-${i}`] = { readyAfterMs: seconds * 1000 * scale, ownClock: true };
    const sim = await startTimedSimulator(workflows);
    try {
      const run = await timedAction(bundle, {
        provider: 'opensearch-flow-framework',
        url: sim.server.url,
        id: Object.keys(workflows).join('\n'),
        interval: ms(settings.interval),
        'max-interval': ms(settings.maxInterval),
        backoff: settings.backoff,
        timeout: ms(600),
        'request-timeout': ms(30),
        summary: 'false',
      });
      if (run.exitCode !== 0) throw new Error(`${schedule}: the action did not end ready (exit ${run.exitCode})`);
    } finally {
      await sim.server.close();
    }
    for (const seconds of DEPLOY_SECONDS) {
      const traces = Object.keys(workflows)
        .filter((id) => id.startsWith(`deploy-${seconds}s-`))
        .map((id) => sim.traces.get(id))
        .filter((trace) => trace !== undefined);
      const lags = traces.map((trace) => ((trace.seenReadyAtMs ?? NaN) - trace.readyAtMs) / 1000 / scale);
      const reads = traces.map((trace) => trace.reads);
      rows.push({
        schedule,
        deploySeconds: seconds,
        meanLagS: mean(lags),
        maxLagS: Math.max(...lags),
        meanReads: mean(reads),
        maxReads: Math.max(...reads),
      });
    }
  }
  return rows;
}
