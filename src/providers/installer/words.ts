/** The installer's words → normalized states (SPEC "installer"), compared case-insensitively. */
import { ownEntry } from '../../core/json.js';
import type { TargetState } from '../../core/types.js';

/** `status` and `session.status`. */
export const INSTALLER_STATES: Readonly<Record<string, TargetState>> = {
  running: 'in_progress',
  deploying: 'in_progress',
  installing: 'in_progress',
  'in progress': 'in_progress',
  pending: 'pending',
  queued: 'pending',
  idle: 'pending',
  completed: 'succeeded',
  succeeded: 'succeeded',
  success: 'succeeded',
  done: 'succeeded',
  failed: 'failed',
  error: 'failed',
  cancelled: 'failed',
  canceled: 'failed',
};

/** `registrations[].status`: a registration with `error` set is failed whatever its status says. */
export const REGISTRATION_STATES: Readonly<Record<string, TargetState>> = {
  registered: 'succeeded',
  succeeded: 'succeeded',
  success: 'succeeded',
  completed: 'succeeded',
  done: 'succeeded',
  pending: 'pending',
  queued: 'pending',
  registering: 'in_progress',
  running: 'in_progress',
  'in progress': 'in_progress',
  failed: 'failed',
  error: 'failed',
};

/** `In_Progress`, `in-progress` and `IN PROGRESS` are one word. */
export function lookUp(table: Readonly<Record<string, TargetState>>, word: string): TargetState {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return ownEntry(table, key) ?? 'unknown';
}

export type StatusSide = 'top' | 'session';

/**
 * Which of `status` (top) and `session.status` decides. The session's word is the more specific one; the
 * top-level word stands in when the session has none. A failure in either is a failure, and a success needs
 * both (when both are there): a completed session under a top-level `running`, `idle` or unrecognized word
 * is not taken as ready.
 */
export function decidingSide(top: TargetState | undefined, session: TargetState | undefined): StatusSide | undefined {
  if (session === undefined) return top === undefined ? undefined : 'top';
  if (top === undefined) return 'session';
  if (session === 'failed') return 'session';
  return top === 'failed' || session === 'succeeded' ? 'top' : 'session';
}
