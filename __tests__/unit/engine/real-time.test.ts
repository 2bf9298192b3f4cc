import { describe, expect, it } from 'vitest';
import type { WaitSettings } from '../../../src/config/config.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { LAST_READ_GRACE_MS } from '../../../src/engine/deadline.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { HANG, ScriptedSession, snapshot, type Script } from '../../support/scripted-session.ts';
import { DEFAULT_SETTINGS, RecordingLogger } from './scenario.ts';

const provisioning = snapshot('in_progress', 'PROVISIONING');
const completed = snapshot('succeeded', 'COMPLETED');
const hangsAfterOneRead: Script['reads'][string] = [provisioning, HANG];
const fast: Partial<WaitSettings> = { intervalMs: 20, maxIntervalMs: 50, backoff: 1.5, requestTimeoutMs: 1000 };

async function waitOnRealTime(reads: Script['reads'], settings: Partial<WaitSettings>, maxInFlight?: number) {
  const session = new ScriptedSession({ reads, clock: systemClock });
  const started = Date.now();
  const result = await waitForTargets({
    targets: Object.keys(reads),
    session,
    deploy: false,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    clock: systemClock,
    random: Math.random,
    log: new RecordingLogger(),
    signal: new AbortController().signal,
    maxInFlight,
  });
  return { result, session, elapsedMs: Date.now() - started };
}

describe('on real time', () => {
  it('follows a target to success with real timers', async () => {
    const { result, session } = await waitOnRealTime(
      { a: [provisioning, provisioning, provisioning, completed] },
      {
        ...fast,
        timeoutMs: 10_000,
      },
    );
    expect(result).toMatchObject({ verdict: 'succeeded', ready: true, attempts: 4 });
    const starts = session.calls.map((call) => call.atMs);
    // the quick look comes after 0.4 × interval −20% at the least, every other read after the interval −20%
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(i === 1 ? 6 : 10);
  });

  it('times out by the deadline', async () => {
    const { result, elapsedMs } = await waitOnRealTime(
      { a: [provisioning] },
      { ...fast, timeoutMs: 300, requestTimeoutMs: 100 },
    );
    expect(result.verdict).toBe('timed_out');
    expect(result.attempts).toBeGreaterThan(2);
    expect(elapsedMs).toBeLessThan(300 + 1000);
  });

  it.each([
    { case: 'reads that answer', reads: [provisioning], requestTimeoutMs: 1000 },
    { case: 'a read that hangs', reads: hangsAfterOneRead, requestTimeoutMs: 10_000 },
  ])('ends a never-ready run no earlier than the deadline and within the grace after it, with $case', async (test) => {
    const timeoutMs = 600;
    const { result, elapsedMs } = await waitOnRealTime(
      { a: test.reads },
      { timeoutMs, intervalMs: 100, maxIntervalMs: 100, backoff: 1, requestTimeoutMs: test.requestTimeoutMs },
    );
    expect(result.verdict).toBe('timed_out');
    expect(result.durationMs).toBeGreaterThanOrEqual(timeoutMs);
    // generous slack for a slow machine; the bound that matters is the grace
    expect(elapsedMs).toBeLessThan(timeoutMs + LAST_READ_GRACE_MS + 2000);
  });

  it('keeps at most max-in-flight requests running over all targets', async () => {
    const slow = (then: typeof completed) => ({ takesMs: 15, then });
    const reads = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [`t${index}`, [slow(provisioning), slow(completed)]]),
    );
    const bounded = await waitOnRealTime(reads, { ...fast, timeoutMs: 10_000 }, 3);
    expect(bounded.result).toMatchObject({ verdict: 'succeeded', attempts: 24 });
    expect(bounded.session.maxInFlight).toBe(3);

    const byDefault = await waitOnRealTime(reads, { ...fast, timeoutMs: 10_000 });
    expect(byDefault.session.maxInFlight).toBe(8);
  });
});
