/** NL Flow's workflow status → snapshot (SPEC "nl-flow"). Pure. */
import type { Component, Snapshot, TargetState } from '../../core/types.js';
import { HttpError } from '../../http/errors.js';
import { excerpt } from '../../http/status.js';
import { isRecord, lookupWord, nonEmptyString } from '../../core/json.js';

/** `actualStatus` of a PUBLISHED workflow, and `status` of its stream and services. */
export const NL_FLOW_ACTUAL_STATES: Readonly<Record<string, TargetState>> = {
  GREEN: 'succeeded',
  // Usable, but not every instance is up: it may still become GREEN, so the wait goes on without allow-degraded.
  YELLOW: 'degraded',
  ORANGE: 'in_progress',
  RED: 'in_progress',
};

/**
 * `actualStatus` of a PUBLISHED workflow whose `publishingMode` is ASYNC, where it differs from the table
 * above: an asynchronous workflow already accepts and queues analysis tasks while ORANGE (an autoscaled one
 * with minimum 0 replicas may stay there), so it is usable. RED also means "in error": never ready on it.
 */
export const NL_FLOW_ASYNC_ACTUAL_STATES: Readonly<Record<string, TargetState>> = {
  ORANGE: 'degraded',
};

/** `desiredStatus` → state; `PUBLISHED` leaves it to `actualStatus`. */
export const NL_FLOW_DESIRED_STATES: Readonly<Record<string, TargetState | 'by-actual-status'>> = {
  PUBLISHED: 'by-actual-status',
  UNPUBLISHED: 'inactive',
};

const MESSAGE_MAX = 300;
const COMPONENT_MESSAGE_MAX = 500;

interface Words {
  desired: string;
  actual: string;
  mode: string;
}

export function snapshotFromWorkflowStatus(status: unknown): Snapshot {
  if (!isRecord(status))
    throw new HttpError('unreadable workflow status: the body is not a JSON object', { kind: 'permanent' });
  const words: Words = {
    desired: wordOf(status.desiredStatus),
    actual: wordOf(status.actualStatus),
    mode: wordOf(status.publishingMode),
  };
  const state = stateOf(words);
  const details = isRecord(status.details) ? status.details : {};
  const components = [...streamOf(details.stream), ...servicesOf(details.services)];
  const snapshot: Snapshot = {
    state,
    providerStatus: [words.desired, words.actual, words.mode].filter(Boolean).join('/') || '(no status)',
    message: messageOf(state, words, components),
    components,
  };
  const progress = progressOf(components);
  if (progress !== undefined) snapshot.progress = progress;
  return snapshot;
}

function stateOf({ desired, actual, mode }: Words): TargetState {
  const intent = lookupWord(NL_FLOW_DESIRED_STATES, desired);
  if (intent === undefined) return 'unknown';
  if (intent !== 'by-actual-status') return intent;
  const asynchronous = mode.toUpperCase() === 'ASYNC' ? lookupWord(NL_FLOW_ASYNC_ACTUAL_STATES, actual) : undefined;
  return asynchronous ?? lookupWord(NL_FLOW_ACTUAL_STATES, actual) ?? 'unknown';
}

function messageOf(state: TargetState, words: Words, components: Component[]): string {
  const troubled = components
    .filter((component) => component.state !== 'succeeded' && component.message)
    .map((component) => `${component.name}: ${component.message}`);
  const headline = headlineOf(state, words, components);
  return excerpt(troubled.length > 0 ? `${headline} — ${troubled.join('; ')}` : headline, MESSAGE_MAX);
}

function headlineOf(state: TargetState, { desired, actual, mode }: Words, components: Component[]): string {
  const counted = instanceCount(components);
  const instances = counted ? ` (${counted.actual}/${counted.desired} instances active)` : '';
  switch (state) {
    case 'succeeded':
      return `published and usable${instances}`;
    case 'degraded':
      return actual.toUpperCase() === 'ORANGE'
        ? `published, ASYNC: usable already, analysis tasks are queued until a service has an active instance${instances}`
        : `published and usable, but not every instance is active yet${instances}; may still become GREEN`;
    case 'in_progress':
      return `${actual.toUpperCase() === 'RED' ? 'being published or in error: no service has an active instance' : 'being published: a service has no active instance yet'}${instances}${usability(mode)}`;
    case 'inactive':
      return `unpublished (desired status ${desired})`;
    default:
      if (!desired) return 'the status has no desiredStatus';
      if (!actual && desired.toUpperCase() === 'PUBLISHED') return 'the status has no actualStatus';
      return `unrecognized status: desiredStatus '${excerpt(desired, 60)}', actualStatus '${excerpt(actual, 60)}'`;
  }
}

/** What ORANGE and RED mean for a caller depends on the publishing mode. */
function usability(mode: string): string {
  switch (mode.toUpperCase()) {
    case 'ASYNC':
      return '; ASYNC: RED can also mean the workflow is in error, so it is never counted as ready';
    case 'SYNC':
      return '; SYNC: not usable yet';
    default:
      return '';
  }
}

function streamOf(stream: unknown): Component[] {
  if (!isRecord(stream)) return [];
  return [componentOf(stream, 'stream')];
}

function servicesOf(services: unknown): Component[] {
  if (!Array.isArray(services)) return [];
  return services.filter(isRecord).map((service) => componentOf(service, 'service'));
}

function componentOf(item: Record<string, unknown>, kind: 'stream' | 'service'): Component {
  const word = wordOf(item.status);
  const component: Component = {
    name: nonEmptyString(item.id) ? item.id : kind,
    kind,
    state: lookupWord(NL_FLOW_ACTUAL_STATES, word) ?? 'unknown',
    providerStatus: word,
  };
  const desired = countOf(item.desired);
  if (desired !== undefined) component.desired = desired;
  const actual = countOf(item.actual);
  if (actual !== undefined) component.actual = actual;
  const rollout = [wordOf(item.rolloutStatus), wordOf(item.rolloutStatusReason)].filter(Boolean);
  const replicas = Array.isArray(item.replicasDetail) ? item.replicasDetail.filter(isRecord) : [];
  const details: Record<string, string> = {};
  if (rollout.length > 0) details.rollout = rollout.join(': ');
  if (replicas.length > 0)
    details.replicas = `${replicas.filter((replica) => replica.ready === true).length}/${replicas.length} ready`;
  if (Object.keys(details).length > 0) component.details = details;
  if (component.state !== 'succeeded')
    component.message = excerpt(troubleOf(item, replicas, word), COMPONENT_MESSAGE_MAX);
  return component;
}

/** Why a stream or service is not GREEN: its waiting replicas' own words, else its status and counts. */
function troubleOf(item: Record<string, unknown>, replicas: Record<string, unknown>[], word: string): string {
  const waiting = replicas
    .filter((replica) => replica.ready !== true)
    .map((replica) => [wordOf(replica.status), wordOf(replica.statusMessage)].filter(Boolean).join(': '))
    .filter(Boolean);
  if (waiting.length > 0) return [...new Set(waiting)].join('; ');
  const counts = countOf(item.desired) === undefined ? '' : ` (${countOf(item.actual) ?? 0}/${countOf(item.desired)})`;
  return `${word || 'no status'}${counts}`;
}

/** Σactual ÷ Σdesired over the stream and the services; absent when nothing is desired. */
function progressOf(components: Component[]): number | undefined {
  const counted = instanceCount(components);
  if (!counted) return undefined;
  return Math.round((counted.actual / counted.desired) * 100);
}

function instanceCount(components: Component[]): { actual: number; desired: number } | undefined {
  let desired = 0;
  let actual = 0;
  for (const component of components) {
    if (component.desired === undefined) continue;
    desired += component.desired;
    // A rollout can run more instances than desired for a moment; surplus is not progress.
    actual += Math.min(component.actual ?? 0, component.desired);
  }
  return desired > 0 ? { actual, desired } : undefined;
}

const wordOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
