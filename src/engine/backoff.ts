import type { WaitSettings } from '../config/config.js';

export type BackoffSettings = Pick<WaitSettings, 'intervalMs' | 'maxIntervalMs' | 'backoff'>;

/** Each actual sleep is spread by ±20% so that many jobs polling one provider do not read in lockstep. */
export const JITTER = 0.2;

/**
 * The delay before the next read, without jitter, after `waitedMs` of polling: `(backoff − 1) × waitedMs`,
 * never less than the interval nor more than the cap. Past the interval each delay is the previous one times
 * the factor, as in a plain geometric schedule (whose delay is the interval *plus* that term); taking the larger
 * of the two instead of their sum reads as often as a fixed `interval` loop while a deploy is young, and later
 * bounds how late a read can be to a fraction of the time already waited.
 */
export function nextDelay(waitedMs: number, settings: BackoffSettings): number {
  const delay = Math.max(settings.intervalMs, (settings.backoff - 1) * waitedMs);
  return Math.min(delay, settings.maxIntervalMs);
}

/** `delayMs` spread by ±20% with `random` in [0, 1): 0 gives −20%, values near 1 give almost +20%. */
export function withJitter(delayMs: number, random: () => number): number {
  return delayMs * (1 - JITTER + 2 * JITTER * random());
}
