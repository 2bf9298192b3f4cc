import type { WaitSettings } from '../config/config.js';

/** The wall-clock limit of a run, and the last moment a read may start so that it can still finish by it. */
export interface Deadline {
  startMs: number;
  endMs: number;
  lastStartMs: number;
}

/** The room the last read gets before the deadline: one request timeout, but at most a second. */
const LAST_READ_ROOM_MS = 1000;

export function createDeadline(
  startMs: number,
  settings: Pick<WaitSettings, 'timeoutMs' | 'requestTimeoutMs'>,
): Deadline {
  const endMs = startMs + settings.timeoutMs;
  return { startMs, endMs, lastStartMs: endMs - Math.min(settings.requestTimeoutMs, LAST_READ_ROOM_MS) };
}

export interface PlannedCall {
  atMs: number;
  /** no call may follow this one: it starts in the last slot before the deadline */
  last: boolean;
}

/**
 * When the next call starts if it should come `delayMs` after `nowMs`. A call that would start after the
 * last slot starts in that slot instead (never earlier than now) and is the last one; none when time is up.
 */
export function planCall(deadline: Deadline, nowMs: number, delayMs: number): PlannedCall | undefined {
  if (nowMs >= deadline.endMs) return undefined;
  const wanted = nowMs + delayMs;
  if (wanted < deadline.lastStartMs) return { atMs: wanted, last: false };
  return { atMs: Math.max(nowMs, deadline.lastStartMs), last: true };
}

/** What one request may take: the request timeout, but never beyond the deadline. */
export function callTimeout(deadline: Deadline, nowMs: number, requestTimeoutMs: number): number {
  return Math.max(0, Math.min(requestTimeoutMs, deadline.endMs - nowMs));
}
