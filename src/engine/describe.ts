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
