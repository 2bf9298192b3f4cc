/** The end of the job log: each target's details as one group, one titled annotation per target not ready. */
import type { Logger } from './core/logger.js';
import type { RunResult } from './core/types.js';
import type { Edge } from './edge/types.js';
import { notReadyAnnotations, targetLogGroup } from './report/log.js';

export function logResult(
  edge: Edge,
  result: RunResult,
  allowDegraded: boolean,
  redact: (text: string) => string,
): void {
  for (const target of result.targets) {
    const { title, lines } = targetLogGroup(target);
    edge.group(redact(title), lines.map(redact));
  }
  for (const annotation of notReadyAnnotations(result, allowDegraded)) {
    edge.error(redact(annotation.message), { title: redact(annotation.title) });
    // An annotation shows one line in most places: the provider's own words follow in full.
    for (const detail of annotation.details) edge.info(redact(`  ${detail}`));
  }
}

/**
 * A logger whose info lines wait to be shown as one group at the end (the GitHub reporting runs
 * beside the wait, and groups do not nest); warnings and debug lines go out at once.
 */
export function groupedLogger(log: Logger): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), warning: log.warning, debug: log.debug };
}
