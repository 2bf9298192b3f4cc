import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { HANG, ScriptedSession, snapshot } from '../../support/scripted-session.ts';
import { DEFAULT_SETTINGS, runScenario } from './scenario.ts';

const provisioning = snapshot('in_progress', 'PROVISIONING');

/** A controller that aborts at `elapsedMs` of virtual time. */
function abortAt(clock: FakeClock, elapsedMs: number): AbortController {
  const controller = new AbortController();
  clock.at(elapsedMs, () => controller.abort(new Error('SIGTERM')));
  return controller;
}

describe('cancellation', () => {
  it('during a sleep: returns at once with cancelled and what was seen', async () => {
    const clock = new FakeClock();
    const run = await runScenario({ reads: { a: [provisioning] }, clock, signal: abortAt(clock, 7000).signal });
    expect(run.result).toMatchObject({ verdict: 'cancelled', ready: false, durationMs: 7000, attempts: 2 });
    expect(run.result.message).toBe('cancelled after 7s: PROVISIONING — provisioning message');
    expect(run.result.targets[0]?.timeline.at(-1)).toEqual({
      atMs: 7000,
      state: 'cancelled',
      providerStatus: 'PROVISIONING',
    });
  });

  it('keeps a failure already seen, even when its details were still to come', async () => {
    const clock = new FakeClock();
    const failing = snapshot('failed', 'ERROR', {
      message: 'runtime ERROR, waiting for details',
      detailsPending: true,
    });
    const run = await runScenario({ reads: { a: [failing] }, clock, signal: abortAt(clock, 7000).signal });
    expect(run.result).toMatchObject({ verdict: 'failed', message: 'runtime ERROR, waiting for details' });
  });

  it('during a read that ignores its signal: the read is abandoned', async () => {
    const clock = new FakeClock();
    const run = await runScenario({
      reads: { a: [{ takesMs: 20_000, then: provisioning, ignoresSignal: true }] },
      clock,
      signal: abortAt(clock, 2000).signal,
    });
    expect(run.result).toMatchObject({ verdict: 'cancelled', durationMs: 2000, attempts: 1 });
    expect(run.result.message).toBe('cancelled after 2s before any status was read');
    expect(run.session.calls[0]?.signal.aborted).toBe(true);
  });

  it('during a trigger: nothing is read', async () => {
    const clock = new FakeClock();
    const run = await runScenario({
      reads: { a: [provisioning] },
      triggers: { a: [HANG] },
      deploy: true,
      clock,
      signal: abortAt(clock, 1500).signal,
    });
    expect(run.result).toMatchObject({ verdict: 'cancelled', durationMs: 1500, attempts: 0 });
    expect(run.session.callsOf('read')).toEqual([]);
  });

  it('before the start: nothing is asked', async () => {
    const controller = new AbortController();
    controller.abort(new Error('SIGINT'));
    const run = await runScenario({ reads: { a: [provisioning], b: [provisioning] }, signal: controller.signal });
    expect(run.session.calls).toEqual([]);
    expect(run.result.targets.map((target) => target.verdict)).toEqual(['cancelled', 'cancelled']);
  });

  it('leaves the targets that had ended as they were', async () => {
    const clock = new FakeClock();
    const run = await runScenario({
      reads: { a: [snapshot('succeeded', 'COMPLETED')], b: [provisioning] },
      clock,
      signal: abortAt(clock, 3000).signal,
    });
    expect(run.result.targets.map((target) => target.verdict)).toEqual(['succeeded', 'cancelled']);
    expect(run.result).toMatchObject({ verdict: 'cancelled', decidingTarget: 'b' });
  });

  it('returns promptly on real time when a hung read ignores its signal', async () => {
    const session = new ScriptedSession({ reads: { a: [HANG], b: [HANG] }, clock: systemClock });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('SIGTERM')), 30);
    const started = Date.now();
    const result = await waitForTargets({
      targets: ['a', 'b'],
      session,
      deploy: false,
      settings: DEFAULT_SETTINGS,
      clock: systemClock,
      random: Math.random,
      log: silentLogger,
      signal: controller.signal,
    });
    // The edge has 2 s to write its outputs after SIGTERM; the engine must hand back well within that.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.verdict).toBe('cancelled');
  });
});
