import { describe, expect, it } from 'vitest';
import { nextDelay, withJitter } from '../../../src/engine/backoff.ts';

/** The delays of a run whose reads take no time, without jitter. */
const schedule = (
  settings: { intervalMs: number; maxIntervalMs: number; backoff: number },
  count: number,
): number[] => {
  const delays: number[] = [];
  let waitedMs = 0;
  for (let i = 0; i < count; i++) {
    const delay = nextDelay(waitedMs, settings);
    delays.push(delay);
    waitedMs += delay;
  }
  return delays;
};

const DEFAULTS = { intervalMs: 5000, maxIntervalMs: 30_000, backoff: 1.5 };

describe('backoff schedule', () => {
  it('keeps the interval while (backoff − 1) × time waited is shorter, then multiplies by the factor', () => {
    expect(schedule(DEFAULTS, 6)).toEqual([5000, 5000, 5000, 7500, 11_250, 16_875]);
  });

  it('reads no later than a fixed interval loop until the backoff takes over', () => {
    const fixed = schedule({ ...DEFAULTS, backoff: 1 }, 3);
    expect(schedule(DEFAULTS, 3)).toEqual(fixed);
  });

  it('grows with the time waited, whatever the previous delays were', () => {
    expect(nextDelay(0, DEFAULTS)).toBe(5000);
    expect(nextDelay(9000, DEFAULTS)).toBe(5000);
    expect(nextDelay(20_000, DEFAULTS)).toBe(10_000);
    expect(nextDelay(3_600_000, DEFAULTS)).toBe(30_000);
  });

  it('stops growing at the cap', () => {
    expect(schedule(DEFAULTS, 9).slice(6)).toEqual([25_312.5, 30_000, 30_000]);
    expect(schedule({ intervalMs: 1000, maxIntervalMs: 4000, backoff: 2 }, 6)).toEqual([
      1000, 1000, 2000, 4000, 4000, 4000,
    ]);
  });

  it('is a fixed interval with factor 1', () => {
    expect(schedule({ intervalMs: 2000, maxIntervalMs: 30_000, backoff: 1 }, 4)).toEqual([2000, 2000, 2000, 2000]);
  });

  it('never starts above the cap', () => {
    expect(nextDelay(0, { intervalMs: 10_000, maxIntervalMs: 3000, backoff: 2 })).toBe(3000);
  });
});

describe('jitter', () => {
  it('is ±20%', () => {
    expect(withJitter(10_000, () => 0)).toBe(8000);
    expect(withJitter(10_000, () => 0.5)).toBe(10_000);
    expect(withJitter(10_000, () => 0.999_999)).toBeCloseTo(12_000, 0);
    expect(withJitter(10_000, () => 0.999_999)).toBeLessThan(12_000);
  });

  it('stays within the bounds for any random value, so a capped delay never exceeds cap × 1.2', () => {
    for (let i = 0; i <= 1000; i++) {
      const random = Math.min(i / 1000, 0.999_999_9);
      const delay = withJitter(30_000, () => random);
      expect(delay).toBeGreaterThanOrEqual(24_000);
      expect(delay).toBeLessThan(36_000);
    }
  });
});
