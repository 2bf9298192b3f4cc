import type { WaitSettings } from '../config/config.js';

export type BackoffSettings = Pick<WaitSettings, 'intervalMs' | 'maxIntervalMs' | 'backoff'>;

/** Each actual sleep is spread by ±20% so that many jobs polling one provider do not read in lockstep. */
export const JITTER = 0.2;

/**
 * The delay before the next read, without jitter: the interval first, then the previous delay times the
 * backoff factor, never more than the cap.
 */
export function nextDelay(previousMs: number | undefined, settings: BackoffSettings): number {
  const delay = previousMs === undefined ? settings.intervalMs : previousMs * settings.backoff;
  return Math.min(delay, settings.maxIntervalMs);
}

/** `delayMs` spread by ±20% with `random` in [0, 1): 0 gives −20%, values near 1 give almost +20%. */
export function withJitter(delayMs: number, random: () => number): number {
  return delayMs * (1 - JITTER + 2 * JITTER * random());
}
