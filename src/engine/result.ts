import type { RunResult, TargetResult } from '../core/types.js';
import { isReady, worstVerdict } from './verdict.js';

/** The run's verdict is its worst target's; the first target with that verdict speaks for the run. */
export function summarizeRun(
  targets: TargetResult[],
  allowDegraded: boolean,
  startedAt: Date,
  durationMs: number,
): RunResult {
  const verdict = worstVerdict(targets.map((target) => target.verdict));
  const deciding = targets.find((target) => target.verdict === verdict);
  const message = !deciding
    ? 'no target to wait for'
    : targets.length > 1
      ? `${deciding.id}: ${deciding.message}`
      : deciding.message;
  return {
    verdict,
    ready: targets.length > 0 && targets.every((target) => isReady(target.verdict, allowDegraded)),
    decidingTarget: deciding?.id,
    message,
    targets,
    attempts: sum(targets.map((target) => target.attempts)),
    transientErrors: sum(targets.map((target) => target.transientErrors)),
    startedAt,
    durationMs,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
