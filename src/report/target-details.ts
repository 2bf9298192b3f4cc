/** Per target: the facts, the components and the last log lines, folded so a long list does not bury the table. */
import type { Component, LogLine, TargetResult } from '../core/types.js';
import {
  compactTable,
  cut,
  details,
  firstOf,
  inlineCode,
  inlineText,
  lastOf,
  moreLine,
  plural,
  preformatted,
} from './format.js';
import { componentNote, logLineText } from './log.js';
import { TABLE_MESSAGE_CHARS } from './sections.js';
import { markedVerdict } from './verdicts.js';

export const MAX_COMPONENTS = 20;
export const MAX_LOG_LINES = 20;
const MAX_LOG_LINE_CHARS = 300;

/** Empty when there is nothing beyond the table row to show. */
export function targetDetails(target: TargetResult): string {
  const parts = [facts(target), components(target), logs(target)].filter(Boolean);
  if (parts.length === 0) return '';
  return [`#### ${inlineCode(target.id)} · ${markedVerdict(target.verdict)}`, ...parts].join('\n\n');
}

function facts(target: TargetResult): string {
  const snapshot = target.snapshot;
  const items = [
    target.taskId ? `task ${inlineCode(target.taskId)}` : '',
    snapshot?.startedAt ? `started ${inlineText(snapshot.startedAt, 40)}` : '',
    snapshot?.completedAt ? `completed ${inlineText(snapshot.completedAt, 40)}` : '',
    plural(target.attempts, 'status read'),
    target.transientErrors > 0 ? `${plural(target.transientErrors, 'transient error')} retried` : '',
  ];
  return items.filter(Boolean).join(' · ');
}

function components(target: TargetResult): string {
  const all = target.snapshot?.components ?? [];
  if (all.length === 0) return '';
  const { shown, omitted } = firstOf(all, MAX_COMPONENTS);
  const rows = shown.map((component) => [
    inlineText(component.name, 120),
    inlineText(component.kind, 40),
    markedVerdict(component.state),
    inlineText(component.providerStatus ?? '', 80),
    replicas(component),
    inlineText(componentNote(component), 300),
  ]);
  const body = compactTable(['Component', 'Kind', 'State', 'Provider status', 'Actual / desired', 'Message'], rows);
  const more = moreLine(omitted, 'components');
  const notOk = all.filter((component) => component.state !== 'succeeded').length;
  const heading = `Components: ${all.length}${notOk > 0 ? ` (${notOk} not succeeded)` : ''}`;
  return details(heading, more ? `${body}\n\n${more}` : body);
}

function replicas(component: Component): string {
  if (component.desired === undefined && component.actual === undefined) return '';
  return `${component.actual ?? '?'} / ${component.desired ?? '?'}`;
}

function logs(target: TargetResult): string {
  const all = (target.snapshot?.logs ?? []).filter((line) => !shownInTable(line, target));
  if (all.length === 0) return '';
  const { shown, omitted } = lastOf(all, MAX_LOG_LINES);
  const heading = omitted > 0 ? `Last ${shown.length} of ${all.length} log lines` : plural(all.length, 'log line');
  // A failed target's logs are why a reader opened the summary: show them unfolded.
  const open = target.verdict === 'failed' || target.verdict === 'error' || target.verdict === 'degraded';
  return details(heading, preformatted(shown.map(logLine)), open);
}

/** An error detail the table's message already holds in full (SAP puts its error details there): shown once. */
function shownInTable(line: LogLine, target: TargetResult): boolean {
  return target.message.length <= TABLE_MESSAGE_CHARS && line.message !== '' && target.message.includes(line.message);
}

// Colour codes are what installers print; they are exactly the control characters this matches.
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** One line of the `<pre>` block: colour codes dropped, embedded newlines shown, long lines cut. */
function logLine(line: LogLine): string {
  const flat = logLineText(line)
    .replace(ANSI_ESCAPE, '')
    .replace(/\r?\n/g, ' ⏎ ')
    .replace(/\p{Cc}/gu, ' ');
  return cut(flat, MAX_LOG_LINE_CHARS);
}
