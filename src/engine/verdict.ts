import type { Snapshot, Verdict } from '../core/types.js';
import { VERDICT_SEVERITY } from '../core/types.js';

/** The worst of the verdicts by `VERDICT_SEVERITY`; no verdicts at all is `unknown`, never a success. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return VERDICT_SEVERITY.find((verdict) => verdicts.includes(verdict)) ?? 'unknown';
}

export function isReady(verdict: Verdict, allowDegraded: boolean): boolean {
  return verdict === 'succeeded' || (verdict === 'degraded' && allowDegraded);
}

const TERMINAL_STATES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'inactive']);

/**
 * The snapshot ends the wait for its target. `not_found` is not decided here: whether it is final depends
 * on the discovery window, which only the engine knows.
 */
export function endsWait(snapshot: Snapshot, allowDegraded: boolean): boolean {
  if (snapshot.detailsPending) return false;
  if (TERMINAL_STATES.has(snapshot.state)) return true;
  return snapshot.state === 'degraded' && (allowDegraded || snapshot.final === true);
}
