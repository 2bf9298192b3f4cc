import { messageOf } from '../core/errors.js';
import type { Snapshot } from '../core/types.js';

/** `in_progress (PROVISIONING) 40% — message`: one log line's worth of a snapshot. */
export function describeSnapshot(snapshot: Snapshot): string {
  const word = snapshot.providerStatus ? ` (${snapshot.providerStatus})` : '';
  const progress = snapshot.progress === undefined ? '' : ` ${Math.round(snapshot.progress)}%`;
  const message = snapshot.message ? ` — ${snapshot.message}` : '';
  return `${snapshot.state}${word}${progress}${message}`;
}

/** `PROVISIONING — message`: what was last seen, for the message of a target that did not end by itself. */
export function lastSeen(snapshot: Snapshot): string {
  return [snapshot.providerStatus || snapshot.state, snapshot.message].filter(Boolean).join(' — ');
}

/**
 * What a person reads when reading an answer failed in a way no provider check foresaw: a value nested
 * so deep that walking it overflowed the stack says "unreadable answer", never the engine's own words.
 */
export function readableFailure(error: unknown): string {
  if (!(error instanceof RangeError)) return messageOf(error);
  return `unreadable answer: ${error.message.includes('call stack') ? 'nested too deeply to read' : error.message}`;
}
