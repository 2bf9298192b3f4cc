/**
 * The job log's text, as plain lines any edge can print: the heartbeat while waiting, one block of
 * details per target at the end, and one annotation per target that is not ready. Pure.
 */
import { formatDuration } from '../config/values.js';
import type { Component, LogLine, RunResult, TargetResult, TargetState, Verdict } from '../core/types.js';
import { isReady } from '../engine/verdict.js';
import { plural } from './format.js';
import { timeLeft } from './time-left.js';

/** What the log knows of one target while the wait goes on. */
export interface LiveTarget {
  id: string;
  /** undefined before the first answer */
  state: TargetState | Verdict | undefined;
  providerStatus: string;
  progress?: number;
}

export interface RunProgress {
  elapsedMs: number;
  /** status reads made so far, over all targets */
  reads: number;
  targets: readonly LiveTarget[];
  /** how long the wait will probably still take, when progress allows an estimate */
  estimateMs?: number;
}

/** More targets than this are counted by state instead of named one by one. */
const MAX_NAMED_TARGETS = 5;

/** `still waiting after 2m: Order_Sync in_progress (DEPLOYING) 40%, Billing_Sync pending · 14 status reads · about 1 min left` */
export function heartbeatLine(progress: RunProgress): string {
  const { targets } = progress;
  const states =
    targets.length <= MAX_NAMED_TARGETS
      ? targets.map((target) => `${target.id} ${liveState(target)}`).join(', ')
      : `${targets.length} targets: ${countByState(targets)}`;
  const parts = [`still waiting after ${formatDuration(progress.elapsedMs)}: ${states}`];
  parts.push(plural(progress.reads, 'status read'));
  const left = timeLeft(progress.estimateMs);
  if (left) parts.push(left);
  return parts.join(' · ');
}

function liveState(target: LiveTarget): string {
  if (target.state === undefined) return 'not read yet';
  const word = target.providerStatus ? ` (${target.providerStatus})` : '';
  const percent = target.progress === undefined ? '' : ` ${Math.round(target.progress)}%`;
  return `${target.state}${word}${percent}`;
}

function countByState(targets: readonly LiveTarget[]): string {
  const counts = new Map<string, number>();
  for (const target of targets) {
    const state = target.state ?? 'not read yet';
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}

export interface LogGroup {
  title: string;
  lines: string[];
}

const MAX_GROUP_COMPONENTS = 50;
const MAX_GROUP_LOG_LINES = 50;

/** `Order_Sync: failed (ERROR) · 6 status reads · 42s`, then the message, components and provider log lines. */
export function targetLogGroup(target: TargetResult): LogGroup {
  const word = target.providerStatus ? ` (${target.providerStatus})` : '';
  const title = `${target.id}: ${target.verdict}${word} · ${plural(target.attempts, 'status read')} · ${formatDuration(target.durationMs)}`;
  const snapshot = target.snapshot;
  const facts = [
    target.taskId ? `task ${target.taskId}` : '',
    snapshot?.startedAt ? `started ${snapshot.startedAt}` : '',
    snapshot?.completedAt ? `completed ${snapshot.completedAt}` : '',
    target.transientErrors > 0 ? `${plural(target.transientErrors, 'transient error')} retried` : '',
  ].filter(Boolean);
  const components = snapshot?.components ?? [];
  const logs = snapshot?.logs ?? [];
  const lines = [
    target.message,
    facts.join(' · '),
    ...components.slice(0, MAX_GROUP_COMPONENTS).map(componentLine),
    components.length > MAX_GROUP_COMPONENTS ? `… ${components.length - MAX_GROUP_COMPONENTS} more components` : '',
    logs.length > MAX_GROUP_LOG_LINES ? `… ${logs.length - MAX_GROUP_LOG_LINES} earlier log lines` : '',
    ...logs.slice(-MAX_GROUP_LOG_LINES).map(logLineText),
  ];
  return { title, lines: lines.filter(Boolean) };
}

function componentLine(component: Component): string {
  const word = component.providerStatus ? ` (${component.providerStatus})` : '';
  const replicas =
    component.desired === undefined && component.actual === undefined
      ? ''
      : ` ${component.actual ?? '?'}/${component.desired ?? '?'}`;
  const note = componentNote(component);
  return `${component.kind} ${component.name}: ${component.state}${word}${replicas}${note ? ` — ${note}` : ''}`;
}

/** The message, then the extra facts (`version: 1.0.3; deployed by: ci`), in the provider's order. */
export function componentNote(component: Component): string {
  const facts = Object.entries(component.details ?? {}).map(([name, value]) => `${name}: ${value}`);
  return [component.message ?? '', ...facts].filter(Boolean).join('; ');
}

export function logLineText(line: LogLine): string {
  return [line.time, line.level?.toUpperCase(), line.message].filter(Boolean).join(' ');
}

export interface Annotation {
  title: string;
  message: string;
  /** the provider's error details, printed as plain lines beside the annotation */
  details: string[];
}

const MAX_ANNOTATED_DETAILS = 10;
/** GitHub shows 10 error annotations per step; the step's own failure line is one of them. */
export const MAX_TARGET_ANNOTATIONS = 9;
const MAX_IDS_IN_REST = 30;

/**
 * One per target that is not ready, in the targets' order: the run page lists each by name. Beyond
 * what GitHub shows, the last one names the rest.
 */
export function notReadyAnnotations(result: RunResult, allowDegraded: boolean): Annotation[] {
  const notReady = result.targets.filter((target) => !isReady(target.verdict, allowDegraded));
  const each = (target: TargetResult): Annotation => ({
    title: `${target.id}: ${target.verdict}`,
    message: target.message || `${target.id} is ${target.verdict}`,
    details: errorDetails(target).slice(-MAX_ANNOTATED_DETAILS).map(logLineText),
  });
  if (notReady.length <= MAX_TARGET_ANNOTATIONS) return notReady.map(each);
  const shown = notReady.slice(0, MAX_TARGET_ANNOTATIONS - 1);
  const rest = notReady.slice(shown.length);
  const named = rest.slice(0, MAX_IDS_IN_REST).map((target) => `${target.id} (${target.verdict})`);
  const more = rest.length > named.length ? `, … ${rest.length - named.length} more` : '';
  return [
    ...shown.map(each),
    { title: `${rest.length} more targets not ready`, message: `${named.join(', ')}${more}`, details: [] },
  ];
}

/** The provider's own words about what went wrong: its log lines at error level, else all of a failed target's. */
function errorDetails(target: TargetResult): LogLine[] {
  const logs = target.snapshot?.logs ?? [];
  const errors = logs.filter((line) => /^(error|fatal|severe|critical|fail)/i.test(line.level ?? ''));
  if (errors.length > 0) return errors;
  return target.verdict === 'failed' || target.verdict === 'error' ? logs : [];
}
