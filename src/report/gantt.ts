/**
 * The timeline as a picture: a Mermaid `gantt` chart (GitHub draws Mermaid in job summaries and
 * comments), one row per target, one bar per state it was seen in, the final state as a marker.
 */
import { formatDuration } from '../config/values.js';
import type { RunResult, StateChange, TargetResult } from '../core/types.js';

/** More rows (or bars) than this are not legible in a summary's width: the table is shown instead. */
export const MAX_GANTT_TARGETS = 12;
const MAX_GANTT_BARS = 60;

const TAG: Partial<Record<StateChange['state'], string>> = {
  in_progress: 'active',
  succeeded: 'done',
  degraded: 'done',
  failed: 'crit',
  error: 'crit',
  not_found: 'crit',
  inactive: 'crit',
  timed_out: 'crit',
};

/** Empty when there is nothing to draw or too much to draw legibly. */
export function ganttChart(result: RunResult): string {
  const drawn = result.targets.filter((target) => target.timeline.length > 0);
  const bars = drawn.reduce((sum, target) => sum + target.timeline.length, 0);
  if (drawn.length === 0 || result.targets.length > MAX_GANTT_TARGETS || bars > MAX_GANTT_BARS) return '';
  let taskNumber = 0;
  const rows = drawn.flatMap((target) => [
    `  section ${label(target.id)}`,
    ...barsOf(target).map(
      (bar) => `  ${bar.name} :${[...bar.tags, `t${++taskNumber}`, bar.fromMs, bar.toMs].join(', ')}`,
    ),
  ]);
  // Elapsed time as epoch milliseconds: the axis reads minutes and seconds from the start of the run.
  const axis = result.durationMs >= 3_600_000 ? '%H:%M:%S' : result.durationMs >= 10_000 ? '%M:%S' : '%S.%L';
  return ['```mermaid', 'gantt', '  dateFormat x', `  axisFormat ${axis}`, '  todayMarker off', ...rows, '```'].join(
    '\n',
  );
}

interface Bar {
  name: string;
  tags: string[];
  fromMs: number;
  toMs: number;
}

function barsOf(target: TargetResult): Bar[] {
  const endMs = Math.max(target.durationMs, target.timeline.at(-1)?.atMs ?? 0);
  return target.timeline.map((change, index) => {
    const toMs = target.timeline[index + 1]?.atMs ?? endMs;
    const last = index === target.timeline.length - 1;
    const word = change.providerStatus && change.providerStatus !== change.state ? ` ${change.providerStatus}` : '';
    const tag = TAG[change.state];
    // The state a target ended in has no length worth drawing: a marker where it was reached.
    if (last && change.state === target.verdict) {
      return {
        name: label(`${change.state}${word}`),
        tags: [...(tag ? [tag] : []), 'milestone'],
        fromMs: change.atMs,
        toMs: change.atMs,
      };
    }
    const name = label(`${change.state}${word} ${formatDuration(toMs - change.atMs)}`);
    return { name, tags: tag ? [tag] : [], fromMs: change.atMs, toMs };
  });
}

/**
 * Text Mermaid reads as a name and nothing else: `:` starts a task's data, `#` and `;` are syntax,
 * `%%` a comment, and a backtick could close the code block.
 */
function label(text: string): string {
  const safe = text
    .replace(/[^\p{L}\p{N} _./()+-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return safe.length > 60 ? `${safe.slice(0, 59)}…` : safe || '-';
}
