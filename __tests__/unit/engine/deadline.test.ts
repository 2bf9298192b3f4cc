import { describe, expect, it } from 'vitest';
import { callTimeout, createDeadline, planCall } from '../../../src/engine/deadline.ts';

const deadline = createDeadline(1000, { timeoutMs: 60_000, requestTimeoutMs: 30_000 });

describe('deadline', () => {
  it('ends timeout after the start; the last read starts at most a second before', () => {
    expect(deadline).toEqual({ startMs: 1000, endMs: 61_000, lastStartMs: 60_000 });
    expect(createDeadline(0, { timeoutMs: 10_000, requestTimeoutMs: 300 }).lastStartMs).toBe(9700);
  });

  it('plans a call after the delay while it starts before the last slot', () => {
    expect(planCall(deadline, 1000, 0)).toEqual({ atMs: 1000, last: false });
    expect(planCall(deadline, 20_000, 5000)).toEqual({ atMs: 25_000, last: false });
    expect(planCall(deadline, 20_000, 39_999)).toEqual({ atMs: 59_999, last: false });
  });

  it('moves a later call into the last slot and marks it last', () => {
    expect(planCall(deadline, 20_000, 40_000)).toEqual({ atMs: 60_000, last: true });
    expect(planCall(deadline, 50_000, 120_000)).toEqual({ atMs: 60_000, last: true });
  });

  it('never plans before now, and nothing once the deadline is reached', () => {
    expect(planCall(deadline, 60_500, 5000)).toEqual({ atMs: 60_500, last: true });
    expect(planCall(deadline, 60_500, 0)).toEqual({ atMs: 60_500, last: true });
    expect(planCall(deadline, 61_000, 0)).toBeUndefined();
  });

  it('gives a call the request timeout, clipped to the time left', () => {
    expect(callTimeout(deadline, 1000, 30_000)).toBe(30_000);
    expect(callTimeout(deadline, 50_000, 30_000)).toBe(11_000);
    expect(callTimeout(deadline, 61_500, 30_000)).toBe(0);
  });
});
