/** The command line's exit codes (SPEC "Outside GitHub Actions"). */
import type { RunOutcome } from '../app.js';

export const EXIT_CODES = [
  [0, 'ready'],
  [1, 'not ready: failed, not_found, inactive, degraded without allow-degraded'],
  [2, 'bad input (an unknown flag too)'],
  [3, 'error: the provider could not be asked'],
  [4, 'timed_out'],
  [130, 'cancelled by SIGINT'],
  [143, 'cancelled by SIGTERM'],
] as const;

export const EXIT_BAD_INPUT = 2;
export const EXIT_ERROR = 3;

/**
 * A signal wins (the caller stopped the run; its outputs say how far it got); fail-on-not-ready: false
 * turns every verdict into 0, as it passes the step in a workflow, but never bad input.
 */
export function exitCode(
  outcome: Pick<RunOutcome, 'result' | 'inputError' | 'failed'>,
  signal?: NodeJS.Signals,
): number {
  if (signal === 'SIGINT') return 130;
  if (signal === 'SIGTERM') return 143;
  if (outcome.inputError) return EXIT_BAD_INPUT;
  if (!outcome.failed) return 0;
  if (outcome.result.verdict === 'error') return EXIT_ERROR;
  if (outcome.result.verdict === 'timed_out') return 4;
  return 1;
}
