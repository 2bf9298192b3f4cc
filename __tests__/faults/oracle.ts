/**
 * The verdict a scenario must end with, from what the gate was really shown: the answers its HTTP client
 * got (each tagged by the fault proxy) read against the scenario's truth. The first permanent fault seen
 * means `error`; the first answer whose truth ends the wait gives that verdict; otherwise the deadline
 * came first: `timed_out` (or `not_found` when the last answer said the target does not exist yet).
 */
import { isPermanentFault, type FaultEvent } from '../../sim/faults.ts';
import type { Verdict } from '../../src/core/types.ts';
import type { Step, TruthRule } from './cases.ts';

/** What one request of the gate ended with, in the order the client saw them. */
export type Observation =
  /** `late`: it arrived after the deadline, in the grace a read already under way gets: the gate may or may not use it */
  | { kind: 'answer'; event: number; late: boolean }
  /** `deployUnanswered`: an SAP deploy request that got no answer in time; the deploy may have started, so it is not sent again */
  | { kind: 'failure'; permanent: boolean; deployUnanswered: boolean; message: string };

/**
 * The verdicts a scenario may end with: the one its answers imply, and, when an answer that decides it came
 * only after the deadline, also the one the answers before the deadline imply.
 */
export function acceptedVerdicts(
  observations: readonly Observation[],
  events: readonly FaultEvent[],
  truth: readonly TruthRule[],
): Verdict[] {
  const onTime = observations.filter((observation) => observation.kind !== 'answer' || !observation.late);
  return [...new Set([expectedVerdict(observations, events, truth), expectedVerdict(onTime, events, truth)])];
}

export function expectedVerdict(
  observations: readonly Observation[],
  events: readonly FaultEvent[],
  truth: readonly TruthRule[],
): Verdict {
  let last: Step | undefined;
  for (const observation of observations) {
    if (observation.kind === 'failure') {
      if (observation.permanent || observation.deployUnanswered) return 'error';
      continue;
    }
    const event = events[observation.event];
    if (!event) throw new Error(`the client saw an answer the proxy did not record (${observation.event})`);
    if (isPermanentFault(event.fault)) return 'error';
    if (event.step === undefined) continue;
    const steps = truth.find((rule) => rule.path.test(event.path))?.steps;
    if (!steps) continue;
    const step = steps[Math.min(event.step, steps.length - 1)] as Step;
    last = step;
    if (step !== 'wait' && step !== 'absent') return step;
  }
  return last === 'absent' ? 'not_found' : 'timed_out';
}
