import { formatDuration } from '../config/values.js';
import { messageOf } from '../core/errors.js';
import type { RunResult, Verdict } from '../core/types.js';
import type { FindOptions, FoundTargets } from '../providers/types.js';
import { RunStopped } from './abort.js';
import { retryTransient } from './retry.js';
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
export async function findTargets(
  run: Run,
  find: (options: FindOptions) => Promise<FoundTargets>,
): Promise<FoundTargets> {
  const noted: { lastError?: unknown } = {};
  try {
    return await retryTransient(run, 'finding the targets', find, noted);
  } catch (error) {
    if (error instanceof RunStopped) throw new TargetsNotFound('cancelled', 'cancelled while finding the targets');
    if (error instanceof OutOfTime) {
      const last = noted.lastError ? `; last error: ${messageOf(noted.lastError)}` : '';
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
