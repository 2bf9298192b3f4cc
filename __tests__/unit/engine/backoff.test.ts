import { describe, expect, it } from 'vitest';
import { JITTER, nextDelay, withJitter } from '../../../src/engine/backoff.ts';

const schedule = (
  settings: { intervalMs: number; maxIntervalMs: number; backoff: number },
  count: number,
): number[] => {
  const delays: number[] = [];
  let delay: number | undefined;
  for (let i = 0; i < count; i++) delays.push((delay = nextDelay(delay, settings)));
  return delays;
};

describe('backoff schedule', () => {
  it('starts at the interval and multiplies by the factor', () => {
    expect(schedule({ intervalMs: 5000, maxIntervalMs: 30_000, backoff: 1.5 }, 4)).toEqual([
      5000, 7500, 11_250, 16_875,
    ]);
  });

  it('stops growing at the cap', () => {
    expect(schedule({ intervalMs: 5000, maxIntervalMs: 30_000, backoff: 1.5 }, 8).slice(4)).toEqual([
      25_312.5, 30_000, 30_000, 30_000,
    ]);
    expect(schedule({ intervalMs: 1000, maxIntervalMs: 4000, backoff: 2 }, 5)).toEqual([1000, 2000, 4000, 4000, 4000]);
  });

  it('is a fixed interval with factor 1', () => {
    expect(schedule({ intervalMs: 2000, maxIntervalMs: 30_000, backoff: 1 }, 4)).toEqual([2000, 2000, 2000, 2000]);
  });

  it('never starts above the cap', () => {
    expect(nextDelay(undefined, { intervalMs: 10_000, maxIntervalMs: 3000, backoff: 2 })).toBe(3000);
  });
});

describe('jitter', () => {
  it('is ±20%', () => {
    expect(JITTER).toBe(0.2);
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
