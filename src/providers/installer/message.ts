/** The one line a person reads about a deploy status. */
import type { Component, LogLine, TargetState } from '../../core/types.js';
import { excerpt } from '../../http/status.js';
import { INSTALLER_STATES, lookUp } from './words.js';

const MESSAGE_MAX = 300;
const FAILURE_WORDS = new Set(['failed', 'cancelled', 'canceled']);

export interface StatusFacts {
  topWord: string;
  sessionWord: string;
  /** the word whose state counts (see `decidingSide`) */
  decidingWord: string;
  phase: string;
  component: string;
  sessionId?: string;
  progress?: number;
  registrations: Component[];
  logs: LogLine[];
}

export function messageOf(state: TargetState, facts: StatusFacts): string {
  return excerpt(headline(state, facts), MESSAGE_MAX);
}

function headline(state: TargetState, facts: StatusFacts): string {
  const deploy = facts.sessionId ? `deploy session ${facts.sessionId}` : 'deploy';
  const { registrations } = facts;
  const failed = registrations.filter((registration) => registration.state === 'failed');
  if (sessionCompletedButNotInstaller(state, facts)) {
    return `${deploy} completed, but the installer's status is '${facts.topWord}'`;
  }
  switch (state) {
    case 'succeeded':
      return `${deploy} completed${registrations.length > 0 ? `, ${registrations.length} registered` : ''}`;
    case 'degraded':
      return `${deploy} completed, but ${failed.length} of ${registrations.length} registrations failed: ${failures(failed)}`;
    case 'failed':
      return `${deploy} ${failureVerb(facts.decidingWord)}${at(facts, ' in ')}${lastError(facts.logs)}`;
    case 'pending':
      return `${deploy} ${facts.decidingWord.toLowerCase()}, not started yet${at(facts, ': ')}`;
    case 'in_progress':
      return inProgress(deploy, facts, failed);
    default:
      return unknown(deploy, facts);
  }
}

function inProgress(deploy: string, facts: StatusFacts, failed: Component[]): string {
  // A completed session is only in progress while registrations are (a failed one would make it degraded).
  if (lookUp(INSTALLER_STATES, facts.decidingWord) === 'succeeded') {
    const unfinished = facts.registrations.filter((r) => r.state === 'pending' || r.state === 'in_progress');
    return `${deploy} completed, waiting for registrations: ${unfinished.map((r) => r.name).join(', ')}`;
  }
  const trouble = failed.length > 0 ? ` — registration failed: ${failures(failed)}` : '';
  const doing = at(facts, '') || `${deploy} ${facts.decidingWord.toLowerCase()}`;
  return `${doing}${facts.progress === undefined ? '' : `, ${facts.progress}%`}${trouble}`;
}

function unknown(deploy: string, facts: StatusFacts): string {
  if (!facts.topWord && !facts.sessionWord) return 'the deploy status has no status field';
  const unrecognized = facts.registrations.filter((registration) => registration.state === 'unknown');
  if (lookUp(INSTALLER_STATES, facts.decidingWord) === 'succeeded' && unrecognized.length > 0) {
    const words = unrecognized.map(
      (registration) => `${registration.name}: '${registration.providerStatus || '(none)'}'`,
    );
    return `${deploy} completed, but registrations have an unrecognized status: ${words.join(', ')}`;
  }
  return `unrecognized deploy status '${facts.decidingWord}'`;
}

/** The session says completed, the installer as a whole does not (yet): say both, so nobody reads it as done. */
function sessionCompletedButNotInstaller(state: TargetState, facts: StatusFacts): boolean {
  return (
    state !== 'succeeded' &&
    state !== 'failed' &&
    facts.decidingWord === facts.topWord &&
    facts.sessionWord !== '' &&
    lookUp(INSTALLER_STATES, facts.sessionWord) === 'succeeded' &&
    lookUp(INSTALLER_STATES, facts.topWord) !== 'succeeded'
  );
}

function failureVerb(word: string): string {
  return FAILURE_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : `failed (${word})`;
}

/** `installing-postgresql (postgresql)`: the phase and the component, as far as given. */
function at({ phase, component }: StatusFacts, lead: string): string {
  const text = phase && component && phase !== component ? `${phase} (${component})` : phase || component;
  return text ? `${lead}${text}` : '';
}

function failures(failed: Component[]): string {
  return failed
    .map((registration) => `${registration.name}: ${registration.message ?? registration.providerStatus}`)
    .join('; ');
}

function lastError(logs: LogLine[]): string {
  const error = logs.findLast((line) => /^(error|fatal)$/i.test(line.level ?? ''));
  return error ? `: ${error.message}` : '';
}
