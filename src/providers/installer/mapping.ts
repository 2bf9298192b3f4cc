/** The installer's GetDeployStatus answer → snapshot (SPEC "installer"). Pure: the session id and log printing are the session's. */
import type { Component, LogLine, Snapshot, TargetState } from '../../core/types.js';
import { HttpError } from '../../http/errors.js';
import { excerpt } from '../../http/status.js';
import { isRecord, jsonKind, nonEmptyString } from '../../core/json.js';
import { messageOf, type StatusFacts } from './message.js';
import { decidingSide, INSTALLER_STATES, lookUp, REGISTRATION_STATES } from './words.js';

/** A long deploy can log thousands of lines; the reports show the last few anyway. */
export const MAX_SNAPSHOT_LOGS = 200;

export interface DeployStatusRead {
  snapshot: Snapshot;
  /** `session.id`, when given */
  sessionId?: string;
}

export function readDeployStatus(body: unknown): DeployStatusRead {
  if (!isRecord(body))
    throw new HttpError('unreadable deploy status: the body is not a JSON object', { kind: 'permanent' });
  const session = sessionOf(body.session);
  const words = { top: statusWordOf(body.status), session: statusWordOf(session.status) };
  const side = decidingSide(stateOfWord(words.top), stateOfWord(words.session));
  const registrations = registrationsOf(session.registrations);
  const logs = logsOf(session.logs);
  const state = withRegistrations(side ? lookUp(INSTALLER_STATES, words[side]) : 'unknown', registrations);
  const sessionId = nonEmptyString(session.id) ? session.id.trim() : undefined;
  const progress = progressOf(session.progress);
  const facts: StatusFacts = {
    topWord: words.top,
    sessionWord: words.session,
    decidingWord: side ? words[side] : '',
    phase: wordOf(session.currentPhase),
    component: wordOf(session.currentComponent),
    sessionId,
    progress,
    registrations,
    logs,
  };
  const snapshot: Snapshot = {
    state,
    providerStatus: providerStatusOf(words.top, words.session),
    message: messageOf(state, facts),
    components: registrations,
    logs: logs.slice(-MAX_SNAPSHOT_LOGS),
  };
  if (progress !== undefined) snapshot.progress = progress;
  // Once the session has completed, a failed registration will not be retried: degraded, and final.
  if (state === 'degraded') snapshot.final = true;
  if (nonEmptyString(session.startedAt)) snapshot.startedAt = session.startedAt.trim();
  if (nonEmptyString(session.completedAt)) snapshot.completedAt = session.completedAt.trim();
  return sessionId === undefined ? { snapshot } : { snapshot, sessionId };
}

const stateOfWord = (word: string): TargetState | undefined => (word ? lookUp(INSTALLER_STATES, word) : undefined);

/** A completed deploy is only as good as its registrations. */
function withRegistrations(state: TargetState, registrations: Component[]): TargetState {
  if (state !== 'succeeded') return state;
  const states = new Set(registrations.map((registration) => registration.state));
  if (states.has('failed')) return 'degraded';
  if (states.has('pending') || states.has('in_progress')) return 'in_progress';
  if (states.has('unknown')) return 'unknown';
  return 'succeeded';
}

/** `running`, or `idle/completed` (top-level, then session) when the two differ. */
function providerStatusOf(topWord: string, sessionWord: string): string {
  if (topWord && sessionWord && topWord.toLowerCase() !== sessionWord.toLowerCase()) return `${topWord}/${sessionWord}`;
  return sessionWord || topWord || '(no status)';
}

function registrationsOf(value: unknown): Component[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((registration, index) => {
    const word = statusWordOf(registration.status);
    const error = registrationError(registration.error);
    const registeredAt = wordOf(registration.registeredAt);
    const details: Record<string, string> = {};
    if (wordOf(registration.endpoint)) details.endpoint = wordOf(registration.endpoint);
    if (word) details.status = word;
    if (registeredAt) details.registeredAt = registeredAt;
    if (error) details.error = error;
    const component: Component = {
      name: wordOf(registration.name) || `registration ${index + 1}`,
      kind: 'registration',
      state: registrationState(word, error, registeredAt),
      providerStatus: word,
      details,
    };
    if (error) component.message = excerpt(error);
    return component;
  });
}

function registrationState(word: string, error: string, registeredAt: string): TargetState {
  if (error) return 'failed';
  if (word) return lookUp(REGISTRATION_STATES, word);
  return registeredAt ? 'succeeded' : 'unknown';
}

function logsOf(value: unknown): LogLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((entry) => {
    const message = wordOf(entry.message);
    if (!message) return [];
    const line: LogLine = { message };
    if (wordOf(entry.time)) line.time = wordOf(entry.time);
    if (wordOf(entry.level)) line.level = wordOf(entry.level);
    return [line];
  });
}

/** `session.progress`: a percentage, clamped to 0–100; numeric strings tolerated. */
function progressOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
  return Math.min(100, Math.max(0, Math.round(number)));
}

const wordOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** No session yet is an empty one; a session that is there but no object cannot be read. */
function sessionOf(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (isRecord(value)) return value;
  throw new HttpError(`unreadable deploy status: 'session' is ${jsonKind(value)}, not an object`, {
    kind: 'permanent',
  });
}

/**
 * A status that is there but no word (a number, an object, a list) is unreadable: it stays `unknown`
 * rather than counting as absent, which would let the other status decide alone.
 */
function statusWordOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : UNREADABLE_STATUS;
}

const UNREADABLE_STATUS = '(unreadable status)';

/** Any `error` that says something (text, an object, `true`, a list, a number) fails the registration. */
function registrationError(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'string') return value.trim();
  return `error given as ${jsonKind(value)}`;
}
