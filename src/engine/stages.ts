import { messageOf } from '../core/errors.js';
import type { DeployStage, RunFindings, TargetResult } from '../core/types.js';
import type { DecidedTarget, FoundTargets, ProviderSession } from '../providers/types.js';
import { retryTransient } from './retry.js';
import { OutOfTime, type Run } from './run.js';
import type { TargetWatch } from './target.js';

/** The stages to follow: the provider's deploy order with `deploy: true`, otherwise every target at once. */
export function stagesOf(found: FoundTargets, deploy: boolean): DeployStage[] {
  const stages = deploy ? (found.stages ?? []).filter((stage) => stage.targets.length > 0) : [];
  return stages.length > 1 ? stages : [{ name: 'all targets', targets: found.targets }];
}

/**
 * Follows the stages one after the other: every target of a stage is triggered at once (within the run's
 * bound on requests), and the next stage starts only when each has its verdict. A dependency that fails or
 * is refused does not stop the stages after it; in the last stage an `error` ends the run as usual.
 */
export async function followStages(
  run: Run,
  stages: readonly DeployStage[],
  watches: ReadonlyMap<string, TargetWatch>,
): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  for (const [index, stage] of stages.entries()) {
    run.keepGoingOnError = index < stages.length - 1;
    if (stages.length > 1)
      run.log.info(`deploy stage ${index + 1} of ${stages.length}: ${stage.name} (${stage.targets.join(', ')})`);
    results.push(...(await Promise.all(stage.targets.map((id) => watchOf(watches, id).follow()))));
  }
  run.keepGoingOnError = false;
  return results;
}

function watchOf(watches: ReadonlyMap<string, TargetWatch>, id: string): TargetWatch {
  const watch = watches.get(id);
  if (!watch) throw new Error(`deploy stage names '${id}', which is not among the targets found`);
  return watch;
}

/** A target whose verdict the provider decided while finding the targets. */
export function decidedResult(run: Run, decided: DecidedTarget): TargetResult {
  const atMs = run.elapsedMs();
  run.log.info(`${decided.id}: ${decided.verdict} — ${decided.message}`);
  return {
    id: decided.id,
    verdict: decided.verdict,
    providerStatus: '',
    message: decided.message,
    attempts: 0,
    transientErrors: 0,
    durationMs: atMs,
    timeline: [{ atMs, state: decided.verdict, providerStatus: '' }],
  };
}

/** What the provider can tell once the verdicts are in; nothing (with a warning, or a note when out of time) when it cannot be read. */
export async function readFindings(
  run: Run,
  session: ProviderSession,
  results: readonly TargetResult[],
): Promise<RunFindings> {
  const after = session.afterTargets?.bind(session);
  if (!after || run.signal.aborted) return {};
  try {
    return await retryTransient(run, 'reading what the run found out', (options) => after(results, options));
  } catch (error) {
    // A deadline that passed is the verdict's own story (timed_out, or verdicts that came just in time), not a warning.
    if (error instanceof OutOfTime) run.log.info('no time left to read what the run found out (the verdicts stand)');
    else run.log.warning(`could not read what the run found out (the verdicts stand): ${messageOf(error)}`);
    return {};
  }
}
