import { formatDuration } from '../config/values.js';
import { HttpError } from '../http/errors.js';
import type { FindOptions } from '../providers/types.js';
import { withJitter } from './backoff.js';
import { planCall } from './deadline.js';
import { OutOfTime, type Run } from './run.js';
import { ReadSchedule } from './schedule.js';

/**
 * Runs one step of the run as a whole (finding the targets, reading what the run found out) on the read
 * schedule — a quick look, then the backoff, the time of failed requests not counted: a transient failure is
 * retried until the deadline. Throws OutOfTime when no time is left,
 * RunStopped when the run stops, and any other failure as it is. `lastError` keeps the last transient one.
 */
export async function retryTransient<T>(
  run: Run,
  what: string,
  step: (options: FindOptions) => Promise<T>,
  noted: { lastError?: unknown } = {},
): Promise<T> {
  const schedule = new ReadSchedule(run.settings);
  let plan = planCall(run.deadline, run.clock.now(), 0);
  while (plan) {
    await run.sleepUntil(plan.atMs);
    const startedAtMs = run.clock.now();
    schedule.readStarted(startedAtMs);
    try {
      return await run.timed((options) => step({ ...options, call: (request) => run.call(request) }));
    } catch (error) {
      if (!(error instanceof HttpError && error.transient) || plan.last) throw error;
      noted.lastError = error;
      const now = run.clock.now();
      schedule.readFailed(now - startedAtMs);
      const jittered = Math.min(
        withJitter(schedule.next(now, undefined).delayMs, run.random),
        run.settings.maxIntervalMs,
      );
      const delayMs = Math.max(jittered, error.retryAfterMs ?? 0);
      plan = planCall(run.deadline, now, delayMs);
      run.log.warning(`${what}: ${error.message} — retrying in ${formatDuration(delayMs)}`);
    }
  }
  throw new OutOfTime('no time left');
}
