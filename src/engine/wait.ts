import type { WaitSettings } from '../config/config.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { RunResult } from '../core/types.js';
import type { ProviderSession } from '../providers/types.js';
import { findTargets, TargetsNotFound, unfoundResult } from './find-targets.js';
import { startHeartbeat } from './heartbeat.js';
import { summarizeRun } from './result.js';
import { Run } from './run.js';
import { TargetWatch } from './target.js';

/** Enough parallelism for a handful of targets without hammering one provider. */
const DEFAULT_MAX_IN_FLIGHT = 8;

export interface WaitOptions {
  targets: string[];
  session: ProviderSession;
  /** call `session.trigger(id)` for each target first */
  deploy: boolean;
  settings: WaitSettings;
  clock: Clock;
  /** [0, 1), for jitter */
  random: () => number;
  log: Logger;
  /** cancellation (SIGINT/SIGTERM at the edge) */
  signal: AbortSignal;
  /** bound on concurrent requests over all targets */
  maxInFlight?: number;
}

/**
 * Triggers (when asked) and follows every target until each has a verdict, the deadline passes, the run is
 * cancelled, or one target ends with `error`. Never rejects for provider problems: they become the result.
 */
export async function waitForTargets(options: WaitOptions): Promise<RunResult> {
  const startedAt = new Date(options.clock.now());
  const run = new Run({ ...options, maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT });
  try {
    const { session } = options;
    const find = session.findTargets?.bind(session);
    const ids = find ? await findTargets(run, (found) => found.call(find)) : options.targets;
    const watches = ids.map((id) => new TargetWatch(id, run, options.deploy));
    const heartbeat = startHeartbeat(run, watches);
    const targets = await Promise.all(watches.map((watch) => watch.follow())).finally(() => heartbeat.stop());
    return summarizeRun(targets, options.settings.allowDegraded, startedAt, run.elapsedMs());
  } catch (error) {
    if (error instanceof TargetsNotFound) return unfoundResult(error, startedAt, run.elapsedMs());
    throw error;
  } finally {
    run.close();
  }
}
