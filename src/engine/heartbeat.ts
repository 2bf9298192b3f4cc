import type { Logger } from '../core/logger.js';
import { heartbeatLine, type LiveTarget } from '../report/log.js';
import type { Run } from './run.js';

/** Below GitHub's "silent for a minute" so the line arrives in time even with a slow log. */
export const HEARTBEAT_MS = 55_000;

/** What the heartbeat reads of one target while it is followed. */
export interface LiveWatch {
  live(): LiveTarget & {
    reads: number;
    /** ms since the run started when the target last changed state (a line was logged then) */
    changedAtMs: number;
    /** how long this target will probably still take, when its progress allows an estimate */
    estimateMs?: number;
  };
}

/**
 * While no target changes, one line for the run every `everyMs`: the log is never silent for long
 * while a deploy takes its time. Runs on the run's clock; `stop` ends it.
 */
export function startHeartbeat(
  run: Pick<Run, 'clock' | 'signal' | 'elapsedMs'> & { log: Logger },
  watches: readonly LiveWatch[],
  everyMs = HEARTBEAT_MS,
): { stop(): void } {
  const stopper = new AbortController();
  const signal = AbortSignal.any([run.signal, stopper.signal]);
  const beat = async (): Promise<void> => {
    let lastBeatMs = 0;
    while (!signal.aborted) {
      const live = watches.map((watch) => watch.live());
      const dueMs = Math.max(lastBeatMs, ...live.map((target) => target.changedAtMs)) + everyMs;
      const nowMs = run.elapsedMs();
      if (nowMs < dueMs) {
        await run.clock.sleep(dueMs - nowMs, signal);
        continue;
      }
      const estimates = live.flatMap((target) => (target.estimateMs === undefined ? [] : [target.estimateMs]));
      run.log.info(
        heartbeatLine({
          elapsedMs: nowMs,
          reads: live.reduce((sum, target) => sum + target.reads, 0),
          targets: live,
          estimateMs: estimates.length > 0 ? Math.max(...estimates) : undefined,
        }),
      );
      lastBeatMs = nowMs;
    }
  };
  beat().catch(() => {});
  return { stop: () => stopper.abort() };
}
