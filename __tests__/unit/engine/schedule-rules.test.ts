import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WaitSettings } from '../../../src/config/config.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Snapshot } from '../../../src/core/types.ts';
import { ProgressEstimate } from '../../../src/engine/estimate.ts';
import { Run } from '../../../src/engine/run.ts';
import { planDelay, plainDelay } from '../../../src/engine/schedule.ts';
import { TargetWatch } from '../../../src/engine/target.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { HttpError } from '../../../src/http/errors.ts';
import type { ProviderSession } from '../../../src/providers/types.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { snapshot } from '../../support/scripted-session.ts';
import { DEFAULT_SETTINGS, readTimes, runScenario } from './scenario.ts';

const provisioning = snapshot('in_progress', 'PROVISIONING');
const completed = snapshot('succeeded', 'COMPLETED');
const at = (progress: number): Snapshot => snapshot('in_progress', 'RUNNING', { progress });
const DEFAULTS = { intervalMs: 5000, maxIntervalMs: 30_000, backoff: 1.5 };

/** A deploy whose progress rises evenly from 0 to 100% (in whole percent) over `readyAfterMs`, then is done. */
function evenDeploy(clock: FakeClock, readyAfterMs: number): ProviderSession & { readTimes: number[] } {
  const readTimes: number[] = [];
  return {
    readTimes,
    read: async () => {
      readTimes.push(clock.elapsedMs);
      if (clock.elapsedMs >= readyAfterMs) return completed;
      return at(Math.floor((clock.elapsedMs / readyAfterMs) * 100));
    },
  };
}

async function followEvenDeploy(readyAfterMs: number, settings: Partial<WaitSettings> = {}) {
  const clock = new FakeClock();
  const session = evenDeploy(clock, readyAfterMs);
  const result = await waitForTargets({
    targets: ['a'],
    session,
    deploy: false,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    clock,
    random: () => 0.5,
    log: silentLogger,
    signal: new AbortController().signal,
  });
  return { result, readTimes: session.readTimes };
}

describe('the quick look', () => {
  it('comes 2 s after the first read with the default interval, then the schedule goes on from the time polled', async () => {
    const run = await runScenario({ reads: { a: [provisioning, provisioning, provisioning, completed] } });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000]);
  });

  it('sees a deploy that is ready 1.5 s after the start at 2 s, not a whole interval later', async () => {
    const run = await runScenario({ reads: { a: [provisioning, completed] } });
    expect(run.result).toMatchObject({ verdict: 'succeeded', attempts: 2, durationMs: 2000 });
  });

  it('counts from the accepted deploy request with deploy: true', async () => {
    const run = await runScenario({
      reads: { a: [provisioning, completed] },
      triggers: { a: [{ takesMs: 3000, then: { message: 'a: provisioning requested' } }] },
      deploy: true,
    });
    expect(readTimes(run)).toEqual([3000, 5000]);
  });

  it('is 0.4 × interval', () => {
    expect(plainDelay(1, 0, { ...DEFAULTS, intervalMs: 1000 })).toBe(400);
    expect(plainDelay(1, 0, DEFAULTS)).toBe(2000);
    expect(plainDelay(2, 2000, DEFAULTS)).toBe(5000);
  });
});

describe('failed reads do not grow the delay', () => {
  it('a first read that hangs until request-timeout is followed by the quick look, not 15 s later', async () => {
    const run = await runScenario({ reads: { a: [{ takesMs: 60_000, then: provisioning }, completed] } });
    // the request is cut at 30 s; the delay after read number 1 is the quick look whatever it took
    expect(readTimes(run)).toEqual([0, 32_000]);
    expect(run.result).toMatchObject({ verdict: 'succeeded', transientErrors: 1 });
  });

  it('a later read that hangs is followed by the delay of its number, not one grown by the 30 s it took', async () => {
    const hung = { takesMs: 60_000, then: provisioning };
    const run = await runScenario({
      reads: { a: [provisioning, provisioning, provisioning, provisioning, hung, provisioning, completed] },
    });
    // 18 s polled when the fifth read started: 9 s after it, as without the hang (not 24 s: (1.5 − 1) × 48 s)
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000, 18_000, 57_000, 70_500]);
  });

  it('errors that come at once still let the delay grow with the time polled', async () => {
    const unavailable = new HttpError('HTTP 503', { kind: 'transient', status: 503 });
    const run = await runScenario({ reads: { a: [unavailable] }, settings: { timeoutMs: 45_000 } });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000, 18_000, 27_000, 40_500, 45_000]);
  });

  it('timed-out reads are retried in time even when every read hangs', async () => {
    const run = await runScenario({ reads: { a: [{ takesMs: 60_000, then: provisioning }] } });
    const times = readTimes(run);
    // each read takes its 30 s, and each delay is the plain one for its number: 2, 5, 5, 6, 9 s
    expect(times.slice(0, 6)).toEqual([0, 32_000, 67_000, 102_000, 138_000, 177_000]);
  });
});

describe('progress estimate', () => {
  it('carries the average rate since the first figure on to 100%', () => {
    const estimate = new ProgressEstimate();
    estimate.observe(0, 10);
    expect(estimate.doneAtMs()).toBeUndefined();
    estimate.observe(10_000, 30);
    expect(estimate.doneAtMs()).toBe(45_000);
    expect(estimate.remainingMs(20_000)).toBe(25_000);
  });

  it('keeps its estimate while progress stalls, and has none once that time has passed', () => {
    const estimate = new ProgressEstimate();
    estimate.observe(0, 0);
    estimate.observe(10_000, 50);
    estimate.observe(15_000, 50);
    expect(estimate.remainingMs(15_000)).toBe(5000);
    estimate.observe(25_000, 50);
    expect(estimate.remainingMs(25_000)).toBeUndefined();
  });

  it('starts over when progress goes backwards', () => {
    const estimate = new ProgressEstimate();
    estimate.observe(0, 0);
    estimate.observe(10_000, 50);
    estimate.observe(12_000, 20);
    expect(estimate.doneAtMs()).toBeUndefined();
    estimate.observe(20_000, 40);
    // 20% in 8 s from the restart: 60% more takes 24 s
    expect(estimate.doneAtMs()).toBe(44_000);
  });

  it('has none at 100% or without figures, ignores figures that are not numbers, and clips to 0–100', () => {
    const estimate = new ProgressEstimate();
    estimate.observe(0, undefined);
    estimate.observe(1000, Number.NaN);
    expect(estimate.doneAtMs()).toBeUndefined();
    estimate.observe(2000, -20);
    estimate.observe(4000, 10);
    expect(estimate.doneAtMs()).toBe(22_000);
    estimate.observe(6000, 250);
    expect(estimate.doneAtMs()).toBeUndefined();
  });
});

describe('reads aimed at the estimate', () => {
  it('land just past the estimate, spaced as evenly as max-interval allows', () => {
    const state = { reads: 2, polledMs: 2000, plainNextAtMs: 7000 };
    // 88 s left: three delays of about 29.4 s
    expect(planDelay({ ...state, remainingMs: 88_000 }, DEFAULTS)).toEqual({
      delayMs: (88_000 + 250) / 3,
      aimed: true,
    });
    expect(planDelay({ ...state, remainingMs: 12_000 }, DEFAULTS).delayMs).toBe(12_000 + 250);
    // never sooner than interval, nor ahead of the plain schedule's count of reads
    expect(planDelay({ ...state, remainingMs: 1000 }, DEFAULTS).delayMs).toBe(5000);
    expect(planDelay({ reads: 6, polledMs: 20_000, plainNextAtMs: 40_500, remainingMs: 3000 }, DEFAULTS).delayMs).toBe(
      20_500,
    );
    // not before the quick look, and not without an estimate
    expect(planDelay({ reads: 1, polledMs: 0, plainNextAtMs: 2000, remainingMs: 60_000 }, DEFAULTS)).toEqual({
      delayMs: 2000,
      aimed: false,
    });
    expect(planDelay(state, DEFAULTS)).toEqual({ delayMs: 5000, aimed: false });
  });

  it('see an evenly progressing 90 s deploy within a second, in fewer reads than the plain schedule', async () => {
    const run = await followEvenDeploy(90_000);
    const plain = await runScenario({
      reads: { a: [provisioning] },
      settings: { timeoutMs: 90_000 },
    });
    expect(run.result).toMatchObject({ verdict: 'succeeded' });
    expect(run.result.durationMs).toBeGreaterThanOrEqual(90_000);
    expect(run.result.durationMs).toBeLessThan(91_000);
    // the plain schedule reads 8 times by 90 s and sees the deploy at its 9th read, at about 91 s
    expect(run.result.attempts).toBeLessThanOrEqual(plain.result.attempts);
  });

  it('follow a target that is usable but not fully up yet (NL Flow YELLOW) while its instances come up', async () => {
    const yellow = (progress: number): Snapshot => snapshot('degraded', 'PUBLISHED/YELLOW/ASYNC', { progress });
    const run = await runScenario({ reads: { a: [yellow(10), yellow(20), completed] } });
    // 10→20% in 2 s: done at 18 s
    expect(readTimes(run)).toEqual([0, 2000, 18_250]);
    expect(run.result).toMatchObject({ verdict: 'succeeded', attempts: 3 });
  });

  it('fall back to the plain schedule when progress stalls past its estimate', async () => {
    const run = await runScenario({ reads: { a: [at(10), at(20)] }, settings: { timeoutMs: 60_000 } });
    // 10→20% in 2 s: done at 18 s; nothing moved by then, so the backoff on the time polled from there on
    expect(readTimes(run)).toEqual([0, 2000, 18_250, 27_375, 41_062.5, 60_000]);
  });

  it('start over when progress goes backwards', async () => {
    const run = await runScenario({
      reads: { a: [at(10), at(50), at(20), at(30)] },
      settings: { timeoutMs: 80_000 },
    });
    // 10→50% in 2 s asks for a read at once, but interval comes first; at 7 s progress is back at 20%: plain
    // delay; from 20% at 7 s to 30% at 12 s, 70% more takes 35 s: two reads 17.6 s apart; then stalled
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000, 29_625, 47_250, 70_875, 80_000]);
  });

  it('never read more often than the plain schedule, never leave more than max-interval between reads, never pass the deadline', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -10, max: 110 }), { minLength: 1, maxLength: 30 }),
        fc.record({
          timeoutMs: fc.integer({ min: 1000, max: 300_000 }),
          intervalMs: fc.integer({ min: 100, max: 20_000 }),
          extraIntervalMs: fc.integer({ min: 0, max: 40_000 }),
          backoff: fc.double({ min: 1, max: 3, noNaN: true }),
        }),
        async (figures, { extraIntervalMs, ...base }) => {
          const settings = { ...base, maxIntervalMs: base.intervalMs + extraIntervalMs };
          const run = await runScenario({ reads: { a: figures.map(at) }, settings });
          const plain = await runScenario({ reads: { a: [provisioning] }, settings });
          const times = readTimes(run);
          expect(times.length).toBeLessThanOrEqual(readTimes(plain).length);
          times.slice(1).forEach((time, index) => {
            expect(time - (times[index] ?? 0)).toBeLessThanOrEqual(settings.maxIntervalMs + 1e-6);
          });
          expect(Math.max(...times)).toBeLessThanOrEqual(settings.timeoutMs);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the estimate as data', () => {
  it('can be read from the watch at any time while the target is under way', async () => {
    const clock = new FakeClock();
    const run = new Run({
      session: evenDeploy(clock, 100_000),
      settings: DEFAULT_SETTINGS,
      clock,
      random: () => 0.5,
      log: silentLogger,
      signal: new AbortController().signal,
      maxInFlight: 1,
    });
    const watch = new TargetWatch('a', run, false);
    const seen: Array<number | undefined> = [];
    clock.at(1000, () => seen.push(watch.estimatedRemainingMs()));
    clock.at(40_000, () => seen.push(watch.estimatedRemainingMs()));
    const result = await watch.follow();
    run.close();
    // nothing moved at 1 s yet; at 40 s, the figures so far (whole percent) say about 60 s left
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toBeGreaterThan(55_000);
    expect(seen[1]).toBeLessThan(65_000);
    expect(result.verdict).toBe('succeeded');
    expect(result.estimatedRemainingMs).toBeUndefined();
  });

  it('is in the result of a target that ended still under way', async () => {
    const run = await followEvenDeploy(100_000, { timeoutMs: 30_000 });
    expect(run.result.targets[0]?.verdict).toBe('timed_out');
    expect(run.result.targets[0]?.estimatedRemainingMs).toBeGreaterThan(65_000);
    expect(run.result.targets[0]?.estimatedRemainingMs).toBeLessThan(75_000);
  });
});
