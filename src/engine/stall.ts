import type { Snapshot } from '../core/types.js';

/**
 * What counts as a change for `stall-timeout`: everything a read says about the deploy (state, provider word,
 * message, progress, each component's state, word, counts and message), so a deploy that still moves in any
 * of them is not called stalled.
 */
export function snapshotFingerprint(snapshot: Snapshot): string {
  const components = (snapshot.components ?? []).map((component) => [
    component.name,
    component.state,
    component.providerStatus ?? null,
    component.desired ?? null,
    component.actual ?? null,
    component.message ?? null,
  ]);
  return JSON.stringify([
    snapshot.state,
    snapshot.providerStatus,
    snapshot.message,
    snapshot.progress ?? null,
    components,
  ]);
}

/** Remembers when a target's status last changed; `stallTimeoutMs` 0 never stalls. */
export class StallWatch {
  private fingerprint: string | undefined;
  private changedAtMs = 0;

  constructor(private readonly stallTimeoutMs: number) {}

  /** true when this snapshot is the same as the ones seen for at least `stallTimeoutMs` */
  stalled(snapshot: Snapshot, nowMs: number): boolean {
    const fingerprint = snapshotFingerprint(snapshot);
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.changedAtMs = nowMs;
      return false;
    }
    return this.stallTimeoutMs > 0 && nowMs - this.changedAtMs >= this.stallTimeoutMs;
  }
}
