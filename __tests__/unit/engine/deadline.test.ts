import { describe, expect, it } from 'vitest';
import { callTimeout, createDeadline, planCall } from '../../../src/engine/deadline.ts';

const deadline = createDeadline(1000, { timeoutMs: 60_000 });

describe('deadline', () => {
  it('ends timeout after the start; requests may run half a second past it', () => {
    expect(deadline).toEqual({ startMs: 1000, endMs: 61_000, hardEndMs: 61_500 });
  });

  it('plans a call after the delay while it starts before the deadline', () => {
    expect(planCall(deadline, 1000, 0)).toEqual({ atMs: 1000, last: false });
    expect(planCall(deadline, 20_000, 5000)).toEqual({ atMs: 25_000, last: false });
    expect(planCall(deadline, 20_000, 40_999)).toEqual({ atMs: 60_999, last: false });
  });

  it('moves a call that would come later to the deadline itself and marks it last', () => {
    expect(planCall(deadline, 20_000, 41_000)).toEqual({ atMs: 61_000, last: true });
    expect(planCall(deadline, 50_000, 120_000)).toEqual({ atMs: 61_000, last: true });
    expect(planCall(deadline, 60_999, 5000)).toEqual({ atMs: 61_000, last: true });
  });

  it('plans nothing once the deadline is reached', () => {
    expect(planCall(deadline, 61_000, 0)).toBeUndefined();
    expect(planCall(deadline, 61_200, 0)).toBeUndefined();
  });

  it('gives a call the request timeout, clipped to the grace past the deadline', () => {
    expect(callTimeout(deadline, 1000, 30_000)).toBe(30_000);
    expect(callTimeout(deadline, 50_000, 30_000)).toBe(11_500);
    expect(callTimeout(deadline, 61_000, 30_000)).toBe(500);
    expect(callTimeout(deadline, 61_000, 300)).toBe(300);
    expect(callTimeout(deadline, 61_500, 30_000)).toBe(0);
    expect(callTimeout(deadline, 62_000, 30_000)).toBe(0);
  });
});
