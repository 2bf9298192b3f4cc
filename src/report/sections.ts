/** Parts both the job summary and the PR comment show: what was waited for, and the verdict table. */
import type { ProviderName } from '../config/config.js';
import { formatDuration } from '../config/values.js';
import type { RunResult } from '../core/types.js';
import { compactTable, inlineCode, inlineText, plural, progressBar } from './format.js';
import type { RunInfo } from './types.js';
import { endpointsCell } from './package-sections.js';
import { timeLeft } from './time-left.js';
import { hiddenTargetsLine, markedVerdict, targetsToShow } from './verdicts.js';

const TARGET_NOUN: Readonly<Record<ProviderName, string>> = {
  'sap-cloud-integration': 'artifact',
  'opensearch-flow-framework': 'workflow',
  'nl-flow': 'workflow',
  installer: 'deploy session',
};

const MAX_IDS_IN_HEADLINE = 5;

/** `opensearch-flow-framework at https://host:9200 · workflow wf-1 · deploy triggered` */
export function deployedWhat(info: RunInfo): string {
  const parts = [`<b>${inlineText(info.provider)}</b>`];
  if (info.endpoint) parts[0] += ` at ${inlineCode(info.endpoint, 200)}`;
  if (info.ids.length > 0) {
    const noun = TARGET_NOUN[info.provider] + (info.ids.length === 1 ? '' : 's');
    const shown = info.ids.slice(0, MAX_IDS_IN_HEADLINE).map((id) => inlineCode(id));
    const more = info.ids.length > MAX_IDS_IN_HEADLINE ? ` … ${info.ids.length - MAX_IDS_IN_HEADLINE} more` : '';
    parts.push(`${noun} ${shown.join(', ')}${more}`);
  }
  if (info.version) parts.push(`version ${inlineCode(info.version)}`);
  parts.push(info.deploy ? 'deploy triggered by this step' : 'waiting for a deploy started elsewhere');
  return parts.join(' · ');
}

const MAX_TABLE_ROWS = 30;
/** A message longer than this is cut in the table; its full text is then kept in the details. */
export const TABLE_MESSAGE_CHARS = 240;

/**
 * One row per target (the worst when there are many): state, provider status, progress, duration,
 * message, endpoints (SAP flows); a column no target has anything for is left out.
 */
export function targetTable(result: RunResult, maxRows = MAX_TABLE_ROWS): string {
  const { shown, hidden } = targetsToShow(result.targets, maxRows);
  const rows = shown.map((target) => [
    inlineCode(target.id),
    markedVerdict(target.verdict),
    inlineText(target.providerStatus, 80),
    [progressBar(target.snapshot?.progress), timeLeft(target.estimatedRemainingMs)].filter(Boolean).join(' · '),
    formatDuration(target.durationMs),
    inlineText(target.message, TABLE_MESSAGE_CHARS),
    endpointsCell(result.endpoints?.[target.id]),
  ]);
  const more = hiddenTargetsLine(hidden);
  const header = ['Target', 'State', 'Provider status', 'Progress', 'Duration', 'Message', 'Endpoints'];
  return compactTable(header, rows) + (more ? `\n\n${more}` : '');
}

/** `12 status reads · 1 transient error retried · 42.0s` */
export function pollingFigures(result: RunResult): string {
  const retried = `${plural(result.transientErrors, 'transient error')} retried`;
  return `${plural(result.attempts, 'status read')} · ${retried} · ${formatDuration(result.durationMs)}`;
}
