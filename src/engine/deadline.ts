import type { WaitSettings } from '../config/config.js';

/**
 * The wall-clock limit of a run. Reads may start until `endMs` (the last one at the deadline
 * itself, so a deploy that turns ready just before it is still seen); a request may run
 * until `hardEndMs`, a short grace past it, so that last read can get an answer.
 */
export interface Deadline {
  startMs: number;
  endMs: number;
  hardEndMs: number;
}

/** Keeps the run's end within a fraction of a second of `timeout`, whatever `request-timeout` is. */
export const LAST_READ_GRACE_MS = 500;

export function createDeadline(startMs: number, settings: Pick<WaitSettings, 'timeoutMs'>): Deadline {
  const endMs = startMs + settings.timeoutMs;
  return { startMs, endMs, hardEndMs: endMs + LAST_READ_GRACE_MS };
}

export interface PlannedCall {
  atMs: number;
  /** no call may follow this one: it starts at the deadline */
  last: boolean;
}

/**
 * When the next call starts if it should come `delayMs` after `nowMs`. A call that would start after the
 * deadline starts at the deadline instead (never earlier than now) and is the last one; none when time is up.
 */
export function planCall(deadline: Deadline, nowMs: number, delayMs: number): PlannedCall | undefined {
  if (nowMs >= deadline.endMs) return undefined;
  const wanted = nowMs + delayMs;
  if (wanted < deadline.endMs) return { atMs: wanted, last: false };
  return { atMs: deadline.endMs, last: true };
}

/** What one request may take: the request timeout, but never beyond the deadline's grace. */
export function callTimeout(deadline: Deadline, nowMs: number, requestTimeoutMs: number): number {
  return Math.max(0, Math.min(requestTimeoutMs, deadline.hardEndMs - nowMs));
}
