/** The state changes of all targets in time order, so a reader sees where the time went. */
import { formatDuration } from '../config/values.js';
import type { RunResult, StateChange } from '../core/types.js';
import { inlineCode, inlineText, table } from './format.js';
import { ganttChart } from './gantt.js';
import { markedVerdict } from './verdicts.js';

const HEAD_ROWS = 15;
const TAIL_ROWS = 25;

interface TimelineRow {
  target: string;
  change: StateChange;
  /** how long the target had been in its previous state */
  afterMs: number;
}

export function timelineRows(result: RunResult): TimelineRow[] {
  const rows = result.targets.flatMap((target) =>
    target.timeline.map((change, index) => ({
      target: target.id,
      change,
      afterMs: change.atMs - (target.timeline[index - 1]?.atMs ?? 0),
    })),
  );
  // Array.prototype.sort is stable: equal times keep the targets' input order.
  return rows.sort((a, b) => a.change.atMs - b.change.atMs);
}

/** The chart, or the table when there are too many targets to draw; empty when nothing changed. */
export function timeline(result: RunResult): string {
  return ganttChart(result) || timelineTable(result);
}

/** A long timeline keeps its beginning and its end. */
function timelineTable(result: RunResult): string {
  const rows = timelineRows(result);
  if (rows.length === 0) return '';
  const cells = (row: TimelineRow): string[] => [
    `+${formatDuration(row.change.atMs)}`,
    inlineCode(row.target),
    markedVerdict(row.change.state),
    inlineText(row.change.providerStatus, 80),
    formatDuration(row.afterMs),
  ];
  const header = ['Elapsed', 'Target', 'State', 'Provider status', 'Time in previous state'];
  if (rows.length <= HEAD_ROWS + TAIL_ROWS) return table(header, rows.map(cells));
  const omitted = rows.length - HEAD_ROWS - TAIL_ROWS;
  const gap = [`… ${omitted} more changes`, '', '', '', ''];
  return table(header, [...rows.slice(0, HEAD_ROWS).map(cells), gap, ...rows.slice(-TAIL_ROWS).map(cells)]);
}
