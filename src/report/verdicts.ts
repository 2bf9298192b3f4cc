import type { RunResult, TargetResult, Verdict } from '../core/types.js';
import { VERDICT_SEVERITY } from '../core/types.js';
import { isReady } from '../engine/verdict.js';
import { inlineText } from './format.js';

/** One mark per state, so a reader sees at a glance what went well and what did not. */
export const VERDICT_MARK: Readonly<Record<Verdict, string>> = {
  succeeded: '✅',
  degraded: '🟡',
  in_progress: '🔄',
  pending: '⏳',
  unknown: '❔',
  cancelled: '🚫',
  timed_out: '⌛',
  inactive: '⏸️',
  not_found: '🔍',
  failed: '❌',
  error: '💥',
};

/** `✅ succeeded` */
export function markedVerdict(verdict: Verdict): string {
  return `${VERDICT_MARK[verdict]} ${verdict}`;
}

const VERDICT_TITLE: Readonly<Record<Verdict, string>> = {
  succeeded: 'Deploy ready',
  degraded: 'Deploy degraded',
  in_progress: 'Deploy still in progress',
  pending: 'Deploy not started',
  unknown: 'Deploy status unknown',
  cancelled: 'Wait cancelled',
  timed_out: 'Deploy timed out',
  inactive: 'Deploy inactive',
  not_found: 'Deploy not found',
  failed: 'Deploy failed',
  error: 'Deploy could not be checked',
};

/** `✅ Deploy ready`; a degraded run says whether it counted as ready. */
function verdictTitle(result: RunResult): string {
  const title = VERDICT_TITLE[result.verdict];
  const readiness =
    result.verdict === 'degraded' ? (result.ready ? ' (accepted: allow-degraded)' : ' — not ready') : '';
  return `${VERDICT_MARK[result.verdict]} ${title}${readiness}`;
}

const MAX_NAMED_IN_HEADLINE = 8;

/** `❌ Deploy failed: Order_Sync, Billing_Sync (timed_out)`: the title, and every target that is not ready. */
export function headline(result: RunResult, allowDegraded: boolean): string {
  const notReady = worstFirst(result.targets.filter((target) => !isReady(target.verdict, allowDegraded)));
  if (notReady.length === 0) return verdictTitle(result);
  const named = notReady.slice(0, MAX_NAMED_IN_HEADLINE).map((target) => {
    const own = target.verdict === result.verdict ? '' : ` (${target.verdict})`;
    return `${inlineText(target.id, 60)}${own}`;
  });
  const more = notReady.length > named.length ? ` … ${notReady.length - named.length} more` : '';
  return `${verdictTitle(result)}: ${named.join(', ')}${more}`;
}

/** Worst first, input order among equals: the targets a cut list must still show. */
export function worstFirst(targets: readonly TargetResult[]): TargetResult[] {
  const rank = (target: TargetResult): number => VERDICT_SEVERITY.indexOf(target.verdict);
  return targets
    .map((target, index) => ({ target, index }))
    .sort((a, b) => rank(a.target) - rank(b.target) || a.index - b.index)
    .map(({ target }) => target);
}

/** The `max` targets that matter most (the worst), in their input order. */
export function targetsToShow(
  targets: readonly TargetResult[],
  max: number,
): { shown: TargetResult[]; hidden: TargetResult[] } {
  if (targets.length <= max) return { shown: [...targets], hidden: [] };
  const kept = new Set(worstFirst(targets).slice(0, max));
  return { shown: targets.filter((t) => kept.has(t)), hidden: targets.filter((t) => !kept.has(t)) };
}

/** `… 20 more targets: 19 succeeded, 1 degraded` */
export function hiddenTargetsLine(hidden: readonly TargetResult[]): string {
  if (hidden.length === 0) return '';
  const counts = new Map<Verdict, number>();
  for (const target of hidden) counts.set(target.verdict, (counts.get(target.verdict) ?? 0) + 1);
  const parts = VERDICT_SEVERITY.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v}`);
  return `… ${hidden.length} more ${hidden.length === 1 ? 'target' : 'targets'}: ${parts.join(', ')}`;
}
