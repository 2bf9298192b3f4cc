import { formatDuration } from '../config/values.js';
import { HttpError } from '../http/errors.js';
import type { FindOptions } from '../providers/types.js';
import { nextDelay, withJitter } from './backoff.js';
import { planCall } from './deadline.js';
import { OutOfTime, type Run } from './run.js';

/**
 * Runs one step of the run as a whole (finding the targets, reading what the run found out) on the read
 * schedule: a transient failure is retried until the deadline. Throws OutOfTime when no time is left,
 * RunStopped when the run stops, and any other failure as it is. `lastError` keeps the last transient one.
 */
export async function retryTransient<T>(
  run: Run,
  what: string,
  step: (options: FindOptions) => Promise<T>,
  noted: { lastError?: unknown } = {},
): Promise<T> {
  const startedMs = run.clock.now();
  let plan = planCall(run.deadline, startedMs, 0);
  while (plan) {
    await run.sleepUntil(plan.atMs);
    try {
      return await run.timed((options) => step({ ...options, call: (request) => run.call(request) }));
    } catch (error) {
      if (!(error instanceof HttpError && error.transient) || plan.last) throw error;
      noted.lastError = error;
      const now = run.clock.now();
      const delayMs = Math.max(
        withJitter(nextDelay(now - startedMs, run.settings), run.random),
        error.retryAfterMs ?? 0,
      );
      plan = planCall(run.deadline, now, delayMs);
      run.log.warning(`${what}: ${error.message} — retrying in ${formatDuration(delayMs)}`);
    }
  }
  throw new OutOfTime('no time left');
}
