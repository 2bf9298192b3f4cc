import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/core/types.ts';
import { HttpError } from '../../../src/http/errors.ts';
import { snapshot, type Step } from '../../support/scripted-session.ts';
import { readTimes, runScenario } from './scenario.ts';

const provisioning = snapshot('in_progress', 'PROVISIONING');

describe('read schedule', () => {
  it('reads at once, after the interval, then with backoff; the last read starts a second before the deadline', async () => {
    const run = await runScenario({ reads: { a: [provisioning] }, settings: { timeoutMs: 60_000 } });
    expect(readTimes(run)).toEqual([0, 5000, 12_500, 23_750, 40_625, 59_000]);
    expect(run.session.callsOf('read').map((call) => call.timeoutMs)).toEqual([
      30_000, 30_000, 30_000, 30_000, 19_375, 1000,
    ]);
    expect(run.result).toMatchObject({ verdict: 'timed_out', ready: false, attempts: 6, durationMs: 59_000 });
    expect(run.result.message).toBe('timed out after 1m: PROVISIONING — provisioning message');
  });

  it('stops growing the delay at max-interval', async () => {
    const run = await runScenario({
      reads: { a: [provisioning] },
      settings: { timeoutMs: 30_000, intervalMs: 1000, maxIntervalMs: 4000, backoff: 2 },
    });
    expect(readTimes(run)).toEqual([0, 1000, 3000, 7000, 11_000, 15_000, 19_000, 23_000, 27_000, 29_000]);
  });

  it('keeps a fixed interval with backoff 1', async () => {
    const run = await runScenario({
      reads: { a: [provisioning] },
      settings: { timeoutMs: 10_000, intervalMs: 2000, backoff: 1 },
    });
    expect(readTimes(run)).toEqual([0, 2000, 4000, 6000, 8000, 9000]);
  });

  it('gives the last read the request timeout when it is shorter than a second', async () => {
    const run = await runScenario({
      reads: { a: [provisioning] },
      settings: { timeoutMs: 10_000, intervalMs: 4000, backoff: 1, requestTimeoutMs: 300 },
    });
    expect(readTimes(run)).toEqual([0, 4000, 8000, 9700]);
    expect(run.session.callsOf('read').at(-1)?.timeoutMs).toBe(300);
  });

  it('applies −20% jitter with random 0 and almost +20% with random near 1', async () => {
    const settings = { timeoutMs: 600_000, intervalMs: 10_000, maxIntervalMs: 20_000, backoff: 2 };
    const reads = { a: [provisioning, provisioning, provisioning, snapshot('succeeded', 'COMPLETED')] };
    const low = await runScenario({ reads, settings, random: () => 0 });
    expect(low.clock.completedSleeps().map((sleep) => sleep.ms)).toEqual([8000, 16_000, 16_000]);
    const high = await runScenario({ reads, settings, random: () => 0.999_999 });
    const sleeps = high.clock.completedSleeps().map((sleep) => sleep.ms);
    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, index) => {
      const base = [10_000, 20_000, 20_000][index] ?? 0;
      expect(ms).toBeGreaterThan(base * 1.199);
      expect(ms).toBeLessThan(base * 1.2);
    });
  });

  it('ends a run whose read hangs at the deadline, aborting the request', async () => {
    const run = await runScenario({
      reads: { a: [{ takesMs: 3_600_000, then: provisioning }] },
      settings: { timeoutMs: 10_000 },
    });
    const [call] = run.session.callsOf('read');
    expect(call?.timeoutMs).toBe(10_000);
    expect(call?.signal.aborted).toBe(true);
    expect(run.result).toMatchObject({ verdict: 'timed_out', durationMs: 10_000, transientErrors: 1 });
    expect(run.result.message).toBe('timed out after 10s; last error: request timed out after 10s');
  });

  it('times out a target still waiting for a free request slot at the deadline, without a request', async () => {
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
    expect(run.result.durationMs).toBe(10_000);
  });
});

describe('the deadline is never overshot', () => {
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

  it('every call starts before the deadline and its timeout ends by it; the run ends by it', async () => {
    await fc.assert(
      fc.asyncProperty(
        settingsArbitrary,
        fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        async (settings, steps, randomValue) => {
          const run = await runScenario({
            reads: { a: steps, b: [...steps].reverse() },
            settings,
            random: () => randomValue,
          });
          const deadline = run.clock.startMs + settings.timeoutMs;
          expect(run.session.calls.length).toBeGreaterThan(0);
          for (const call of run.session.calls) {
            expect(call.atMs).toBeLessThan(deadline);
            expect(call.timeoutMs).toBeGreaterThan(0);
            expect(call.atMs + call.timeoutMs).toBeLessThanOrEqual(deadline);
          }
          for (const sleep of run.clock.completedSleeps()) {
            expect(sleep.fromMs + sleep.ms).toBeLessThanOrEqual(settings.timeoutMs);
          }
          expect(run.result.durationMs).toBeLessThanOrEqual(settings.timeoutMs);
          expect(run.result.verdict).toBe('timed_out');
        },
      ),
      { numRuns: 300 },
    );
  });
});
