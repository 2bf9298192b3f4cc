/** The job summary: built as markdown from the final result; the edge writes it. */
import { formatDuration } from '../config/values.js';
import type { RunResult } from '../core/types.js';
import { inlineText } from './format.js';
import { deployOrderSection, skippedLine } from './package-sections.js';
import { resourcesSection } from './opensearch-resources.js';
import { deployedWhat, pollingFigures, targetTable } from './sections.js';
import { targetDetails } from './target-details.js';
import { timeline } from './timeline.js';
import type { RunInfo } from './types.js';
import { headline, worstFirst } from './verdicts.js';

/** GitHub refuses summaries over 1 MiB; this leaves room for other steps' summaries of the same job. */
export const MAX_SUMMARY_BYTES = 200 * 1024;
const MAX_DETAILED_TARGETS = 10;

interface Section {
  text: string;
  /** kept whatever the size; optional sections are dropped, last first, when the summary would be too big */
  essential: boolean;
}

export function buildSummary(result: RunResult, info: RunInfo): string {
  // The targets that need a look come first: a reader opens the summary because something failed.
  const detailed = worstFirst(result.targets).slice(0, MAX_DETAILED_TARGETS);
  const hiddenDetails = result.targets.length - detailed.length;
  const perTarget = detailed.map(targetDetails).filter(Boolean);
  const sections: Section[] = [
    essential(`## ${headline(result, info.allowDegraded)}`),
    essential(info.endpoint || info.ids.length > 0 ? deployedWhat(info) : ''),
    // With targets, each message is in the table once; without, this is the only place for it.
    essential(result.targets.length === 0 && result.message ? `> ${inlineText(result.message, 1000)}` : ''),
    essential(verdictNote(result, info)),
    essential(result.targets.length > 0 ? targetTable(result) : ''),
    essential(skippedLine(result)),
    optional(deployOrderSection(result)),
    optional(info.provider === 'opensearch-flow-framework' ? resourcesSection(result) : ''),
    ...perTarget.map((text, index) => optional(index === 0 ? `### Details\n\n${text}` : text)),
    optional(
      hiddenDetails > 0
        ? `… ${hiddenDetails} more targets without details (the worst ${MAX_DETAILED_TARGETS} are shown)`
        : '',
    ),
    optional(withHeading('### Timeline', timeline(result))),
    essential(
      result.targets.length > 0
        ? `### Polling\n\n${pollingFigures(result)} · timeout ${formatDuration(info.timeoutMs)} · started ${result.startedAt.toISOString()}`
        : '',
    ),
  ];
  return fit(sections, MAX_SUMMARY_BYTES);
}

/** What to do next, where the verdict alone does not say it. */
function verdictNote(result: RunResult, info: RunInfo): string {
  switch (result.verdict) {
    case 'timed_out':
      return `Stopped waiting after ${formatDuration(info.timeoutMs)}: the deploy may still finish on the provider. Raise \`timeout\` if it usually needs longer.`;
    case 'cancelled':
      return 'The run was cancelled while waiting: the deploy may still be running on the provider.';
    case 'error':
      return result.targets.length === 0
        ? 'No status was read: fix what the message says and run again.'
        : 'The provider could not be asked: the message says what to check.';
    case 'not_found':
      return 'Check `url` and `id`. A target that appears only after a while needs `discovery-timeout`.';
    case 'degraded':
      return result.ready
        ? ''
        : 'The deploy is usable but not fully healthy. Set `allow-degraded: true` to accept that.';
    default:
      return '';
  }
}

function withHeading(heading: string, body: string): string {
  return body ? `${heading}\n\n${body}` : '';
}

const essential = (text: string): Section => ({ text, essential: true });
const optional = (text: string): Section => ({ text, essential: false });

/** Joins the sections, leaving out optional ones (from the end) until the whole fits in `maxBytes`. */
function fit(sections: Section[], maxBytes: number): string {
  const present = sections.filter((section) => section.text !== '');
  const bytes = (section: Section): number => Buffer.byteLength(section.text, 'utf8') + 2;
  let total = present.reduce((sum, section) => sum + bytes(section), 0);
  const dropped = new Set<Section>();
  for (const section of [...present].reverse()) {
    if (total <= maxBytes) break;
    if (section.essential) continue;
    dropped.add(section);
    total -= bytes(section);
  }
  const kept = present.filter((section) => !dropped.has(section)).map((section) => section.text);
  if (dropped.size > 0) kept.push(`… ${dropped.size} more sections left out to keep the summary small`);
  return `${kept.join('\n\n')}\n`;
}
