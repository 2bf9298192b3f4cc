import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/core/types.ts';
import { LAST_READ_GRACE_MS } from '../../../src/engine/deadline.ts';
import { HEARTBEAT_MS } from '../../../src/engine/heartbeat.ts';
import { HttpError } from '../../../src/http/errors.ts';
import { snapshot, type Step } from '../../support/scripted-session.ts';
import { readTimes, runScenario } from './scenario.ts';

const provisioning = snapshot('in_progress', 'PROVISIONING');

describe('read schedule', () => {
  it('reads at once, a quick look 2 s later, at the interval while young, then with backoff, the last read at the deadline', async () => {
    const run = await runScenario({ reads: { a: [provisioning] }, settings: { timeoutMs: 60_000 } });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000, 18_000, 27_000, 40_500, 60_000]);
    expect(run.session.callsOf('read').map((call) => call.timeoutMs)).toEqual([
      30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 20_000, 500,
    ]);
    expect(run.result).toMatchObject({ verdict: 'timed_out', ready: false, attempts: 8, durationMs: 60_000 });
    expect(run.result.message).toBe('timed out after 1m: PROVISIONING — provisioning message');
  });

  it('stops growing the delay at max-interval', async () => {
    const run = await runScenario({
      reads: { a: [provisioning] },
      settings: { timeoutMs: 30_000, intervalMs: 1000, maxIntervalMs: 4000, backoff: 2 },
    });
    expect(readTimes(run)).toEqual([0, 400, 1400, 2800, 5600, 9600, 13_600, 17_600, 21_600, 25_600, 29_600, 30_000]);
  });

  it('keeps a fixed interval with backoff 1', async () => {
    const run = await runScenario({
      reads: { a: [provisioning] },
      settings: { timeoutMs: 10_000, intervalMs: 2000, backoff: 1 },
    });
    expect(readTimes(run)).toEqual([0, 800, 2800, 4800, 6800, 8800, 10_000]);
  });

  it('gives the read at the deadline the grace, or the request timeout when that is shorter', async () => {
    const settings = { timeoutMs: 10_000, intervalMs: 4000, backoff: 1 };
    const short = await runScenario({ reads: { a: [provisioning] }, settings: { ...settings, requestTimeoutMs: 300 } });
    expect(readTimes(short)).toEqual([0, 1600, 5600, 9600, 10_000]);
    expect(short.session.callsOf('read').at(-1)?.timeoutMs).toBe(300);
    const long = await runScenario({
      reads: { a: [provisioning] },
      settings: { ...settings, requestTimeoutMs: 30_000 },
    });
    expect(readTimes(long)).toEqual([0, 1600, 5600, 9600, 10_000]);
    expect(long.session.callsOf('read').at(-1)?.timeoutMs).toBe(500);
  });

  it('applies −20% jitter with random 0 and almost +20% with random near 1, never past max-interval', async () => {
    const settings = { timeoutMs: 600_000, intervalMs: 10_000, maxIntervalMs: 20_000, backoff: 2 };
    const reads = { a: [provisioning, provisioning, provisioning, provisioning, snapshot('succeeded', 'COMPLETED')] };
    const low = await runScenario({ reads, settings, random: () => 0 });
    // the quick look, then delays that follow the time actually waited, so jitter does not compound:
    // 4 s −20%, 10 s −20%, 11.2 s −20%, then the 20 s cap −20%
    expect(low.clock.completedSleeps().map((sleep) => sleep.ms)).toEqual([3200, 8000, 8960, 16_000]);
    const high = await runScenario({ reads, settings, random: () => 0.999_999 });
    // the run passes the heartbeat's first minute: its sleep is not a read's
    const sleeps = high.clock
      .completedSleeps()
      .map((sleep) => sleep.ms)
      .filter((ms) => ms !== HEARTBEAT_MS);
    expect(sleeps).toHaveLength(4);
    sleeps.slice(0, 2).forEach((ms, index) => {
      const base = [4000, 10_000][index] ?? 0;
      expect(ms).toBeGreaterThan(base * 1.199);
      expect(ms).toBeLessThan(base * 1.2);
    });
    // +20% of 16.8 s, and of a delay already at max-interval, would pass the cap: they stay at the cap
    expect(sleeps.slice(2)).toEqual([20_000, 20_000]);
  });

  it('ends a run whose read hangs past the deadline when the grace ends, aborting the request', async () => {
    const run = await runScenario({
      reads: { a: [{ takesMs: 3_600_000, then: provisioning }] },
      settings: { timeoutMs: 10_000 },
    });
    const [call] = run.session.callsOf('read');
    expect(call?.timeoutMs).toBe(10_500);
    expect(call?.signal.aborted).toBe(true);
    expect(run.result).toMatchObject({ verdict: 'timed_out', durationMs: 10_500, transientErrors: 1 });
    expect(run.result.message).toBe('timed out after 10s; last error: request timed out after 10.5s');
  });

  it('times out a target whose request slot stays taken past the deadline, without a request', async () => {
    const run = await runScenario({
      reads: { a: [{ takesMs: 3_600_000, then: provisioning }], b: [provisioning] },
      settings: { timeoutMs: 10_000 },
      maxInFlight: 1,
    });
    expect(run.session.callsOf('read', 'b')).toEqual([]);
    expect(run.result.targets[1]).toMatchObject({
      verdict: 'timed_out',
      attempts: 0,
      message: 'timed out after 10s before any status was read',
    });
    expect(run.result.durationMs).toBe(10_500);
  });

  it('starts no read after the deadline for a target whose slot frees up within the grace', async () => {
    const run = await runScenario({
      reads: { a: [{ takesMs: 10_200, then: provisioning }], b: [provisioning] },
      settings: { timeoutMs: 10_000 },
      maxInFlight: 1,
    });
    expect(run.session.callsOf('read', 'b')).toEqual([]);
    expect(run.result.targets[1]).toMatchObject({ verdict: 'timed_out', attempts: 0 });
    expect(run.result.durationMs).toBe(10_200);
  });
});

describe('the deadline is kept: no early end, no overshoot past the grace', () => {
  it.each([
    { case: 'max-interval far beyond the timeout', timeoutMs: 10_000, intervalMs: 8000, maxIntervalMs: 60_000 },
    { case: 'an interval longer than the timeout', timeoutMs: 10_000, intervalMs: 30_000, maxIntervalMs: 60_000 },
    { case: 'a request timeout longer than the timeout', timeoutMs: 2000, intervalMs: 5000, requestTimeoutMs: 5000 },
    { case: 'a request timeout of 100ms', timeoutMs: 10_000, intervalMs: 4000, requestTimeoutMs: 100 },
  ])('a never-ready target is read at the deadline and its run ends there, with $case', async (settings) => {
    const run = await runScenario({ reads: { a: [provisioning] }, settings: { backoff: 2, ...settings } });
    expect(readTimes(run).at(-1)).toBe(settings.timeoutMs);
    expect(run.result).toMatchObject({ verdict: 'timed_out', durationMs: settings.timeoutMs });
  });

  it('a never-ready target whose reads hang ends when the grace does, not before the deadline', async () => {
    const run = await runScenario({
      reads: { a: [provisioning, { takesMs: 3_600_000, then: provisioning }] },
      settings: { timeoutMs: 10_000, intervalMs: 9000, requestTimeoutMs: 60_000 },
    });
    expect(readTimes(run)).toEqual([0, 3600]);
    expect(run.result).toMatchObject({ verdict: 'timed_out', durationMs: 10_000 + LAST_READ_GRACE_MS });
  });

  const settingsArbitrary = fc
    .record({
      timeoutMs: fc.integer({ min: 1, max: 120_000 }),
      intervalMs: fc.integer({ min: 1, max: 20_000 }),
      extraIntervalMs: fc.integer({ min: 0, max: 40_000 }),
      backoff: fc.double({ min: 1, max: 3, noNaN: true }),
      requestTimeoutMs: fc.integer({ min: 1, max: 60_000 }),
    })
    .map(({ extraIntervalMs, ...settings }) => ({ ...settings, maxIntervalMs: settings.intervalMs + extraIntervalMs }));

  const stepArbitrary: fc.Arbitrary<Step<Snapshot>> = fc.oneof(
    fc.constant(provisioning),
    fc.integer({ min: 0, max: 90_000 }).map((takesMs) => ({ takesMs, then: provisioning })),
    fc
      .option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined })
      .map((retryAfterMs) => new HttpError('HTTP 503', { kind: 'transient', status: 503, retryAfterMs })),
  );

  it('every call starts by the deadline and its timeout ends within the grace; the run ends between them', async () => {
    await fc.assert(
      fc.asyncProperty(
        settingsArbitrary,
        fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        async (settings, steps, randomValue, maxInFlight) => {
          const run = await runScenario({
            reads: { a: steps, b: [...steps].reverse(), c: [...steps.slice(1), ...steps.slice(0, 1)] },
            settings,
            random: () => randomValue,
            maxInFlight,
          });
          const deadline = run.clock.startMs + settings.timeoutMs;
          expect(run.session.calls.length).toBeGreaterThan(0);
          for (const call of run.session.calls) {
            expect(call.atMs).toBeLessThanOrEqual(deadline);
            expect(call.timeoutMs).toBeGreaterThan(0);
            expect(call.atMs + call.timeoutMs).toBeLessThanOrEqual(deadline + LAST_READ_GRACE_MS);
          }
          for (const sleep of run.clock.completedSleeps()) {
            expect(sleep.fromMs + sleep.ms).toBeLessThanOrEqual(settings.timeoutMs + LAST_READ_GRACE_MS);
          }
          expect(run.result.durationMs).toBeGreaterThanOrEqual(settings.timeoutMs);
          expect(run.result.durationMs).toBeLessThanOrEqual(settings.timeoutMs + LAST_READ_GRACE_MS);
          expect(run.result.verdict).toBe('timed_out');
        },
      ),
      { numRuns: 300 },
    );
  });
});
