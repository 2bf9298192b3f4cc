import type { WaitSettings } from '../config/config.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { RunResult, TargetResult } from '../core/types.js';
import type { ProviderSession } from '../providers/types.js';
import { findTargets, TargetsNotFound, unfoundResult } from './find-targets.js';
import { startHeartbeat } from './heartbeat.js';
import { summarizeRun } from './result.js';
import { Run } from './run.js';
import { decidedResult, followStages, readFindings, stagesOf } from './stages.js';
import { TargetWatch } from './target.js';

/** Enough parallelism for a handful of targets without hammering one provider (input `max-parallel`). */
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
 * Finds the targets (when the provider must ask), triggers them (when asked) stage by stage, and follows each
 * until it has a verdict, the deadline passes, the run is cancelled, or one target ends with `error`. Never
 * rejects for provider problems: they become the result.
 */
export async function waitForTargets(options: WaitOptions): Promise<RunResult> {
  const startedAt = new Date(options.clock.now());
  const run = new Run({ ...options, maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT });
  try {
    const { session } = options;
    const find = session.findTargets?.bind(session);
    const found = find ? await findTargets(run, find) : { targets: options.targets };
    const decided = (found.decided ?? []).map((target) => decidedResult(run, target));
    const stages = stagesOf(found, options.deploy);
    const watches = new Map(found.targets.map((id) => [id, new TargetWatch(id, run, options.deploy)]));
    const heartbeat = startHeartbeat(run, [...watches.values()]);
    const followed = await followStages(run, stages, watches).finally(() => heartbeat.stop());
    const targets = [...decided, ...inOrder(followed, found.targets)];
    const findings = await readFindings(run, session, targets);
    return {
      ...summarizeRun(targets, options.settings.allowDegraded, startedAt, run.elapsedMs()),
      ...findings,
      ...(stages.length > 1 ? { deployOrder: stages } : {}),
    };
  } catch (error) {
    if (error instanceof TargetsNotFound) return unfoundResult(error, startedAt, run.elapsedMs());
    throw error;
  } finally {
    run.close();
  }
}

/** Results in the order the targets were found, whatever order the stages ran in. */
function inOrder(results: TargetResult[], ids: readonly string[]): TargetResult[] {
  const position = new Map(ids.map((id, index) => [id, index]));
  return [...results].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}
