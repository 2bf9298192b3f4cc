import { formatDuration } from '../config/values.js';
import { messageOf } from '../core/errors.js';
import type { RunResult, Verdict } from '../core/types.js';
import { HttpError } from '../http/errors.js';
import type { FoundTargets } from '../providers/types.js';
import { RunStopped } from './abort.js';
import { nextDelay, withJitter } from './backoff.js';
import { planCall } from './deadline.js';
import { OutOfTime, type Run } from './run.js';

/** Finding the targets ended the run before any target could be followed. */
export class TargetsNotFound extends Error {
  override readonly name = 'TargetsNotFound';
  constructor(
    readonly verdict: Verdict,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Asks the provider once which targets there are; a transient failure is retried on the read
 * schedule until the deadline. Throws TargetsNotFound with the run's verdict otherwise.
 */
export async function findTargets(run: Run, find: (run: Run) => Promise<FoundTargets>): Promise<string[]> {
  const startedMs = run.clock.now();
  let plan = planCall(run.deadline, startedMs, 0);
  let lastError: unknown;
  try {
    while (plan) {
      await run.sleepUntil(plan.atMs);
      try {
        return (await find(run)).targets;
      } catch (error) {
        if (!(error instanceof HttpError && error.transient) || plan.last) throw error;
        lastError = error;
        const now = run.clock.now();
        const delayMs = Math.max(
          withJitter(nextDelay(now - startedMs, run.settings), run.random),
          error.retryAfterMs ?? 0,
        );
        plan = planCall(run.deadline, now, delayMs);
        run.log.warning(`finding the targets: ${error.message} — retrying in ${formatDuration(delayMs)}`);
      }
    }
    throw new OutOfTime('no time left');
  } catch (error) {
    if (error instanceof RunStopped) throw new TargetsNotFound('cancelled', 'cancelled while finding the targets');
    if (error instanceof OutOfTime) {
      const last = lastError ? `; last error: ${messageOf(lastError)}` : '';
      throw new TargetsNotFound(
        'timed_out',
        `timed out after ${formatDuration(run.settings.timeoutMs)} while finding the targets${last}`,
      );
    }
    throw new TargetsNotFound('error', `finding the targets failed: ${messageOf(error)}`);
  }
}

/** The result of a run that ended while its targets were being found. */
export function unfoundResult(error: TargetsNotFound, startedAt: Date, durationMs: number): RunResult {
  return {
    verdict: error.verdict,
    ready: false,
    message: error.message,
    targets: [],
    attempts: 0,
    transientErrors: 0,
    startedAt,
    durationMs,
  };
}
