import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/core/logger.ts';
import { startHeartbeat } from '../../../src/engine/heartbeat.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { ScriptedSession, snapshot } from '../../support/scripted-session.ts';
import { DEFAULT_SETTINGS } from './scenario.ts';

/** Info lines with the virtual time they were written at: what a reader of the job log sees, and when. */
function timedLog(clock: FakeClock): Logger & { visible: Array<{ atMs: number; text: string }> } {
  const visible: Array<{ atMs: number; text: string }> = [];
  return {
    visible,
    debug() {},
    info: (text) => visible.push({ atMs: clock.elapsedMs, text }),
    warning: (text) => visible.push({ atMs: clock.elapsedMs, text }),
  };
}

/** The longest stretch without a visible line, from the start of the run to its end. */
function longestSilenceMs(times: number[], endMs: number): number {
  const points = [0, ...times, endMs];
  return Math.max(...points.slice(1).map((at, index) => at - (points[index] ?? 0)));
}

describe('heartbeat', () => {
  it('a 3-minute wait with no change has a visible line at least every 60 s', async () => {
    const clock = new FakeClock();
    const log = timedLog(clock);
    const provisioning = snapshot('in_progress', 'PROVISIONING', { progress: 40 });
    const session = new ScriptedSession({ reads: { 'wf-1': [provisioning], 'wf-2': [provisioning] }, clock });
    const result = await waitForTargets({
      targets: ['wf-1', 'wf-2'],
      session,
      deploy: false,
      settings: { ...DEFAULT_SETTINGS, timeoutMs: 180_000 },
      clock,
      random: () => 0.5,
      log,
      signal: new AbortController().signal,
    });
    expect(result.verdict).toBe('timed_out');
    const times = log.visible.map((line) => line.atMs);
    expect(longestSilenceMs(times, clock.elapsedMs)).toBeLessThanOrEqual(60_000);
    const beats = log.visible.filter((line) => line.text.startsWith('still waiting'));
    expect(beats.length).toBeGreaterThanOrEqual(3);
    expect(beats[0]?.text).toBe(
      'still waiting after 55s: wf-1 in_progress (PROVISIONING) 40%, wf-2 in_progress (PROVISIONING) 40% · 14 status reads',
    );
  });

  it('stays quiet while targets keep changing, and stops with the wait', async () => {
    const clock = new FakeClock();
    const log = timedLog(clock);
    let state = 0;
    const watch = {
      live: () => ({
        id: 'a',
        state: 'in_progress' as const,
        providerStatus: '',
        reads: state,
        changedAtMs: state * 30_000,
      }),
    };
    const run = { clock, signal: new AbortController().signal, elapsedMs: () => clock.elapsedMs, log };
    const heartbeat = startHeartbeat(run, [watch]);
    for (let step = 1; step <= 6; step++) {
      await clock.sleep(30_000);
      state = step;
    }
    expect(log.visible).toEqual([]);
    await clock.sleep(60_000);
    expect(log.visible.map((line) => line.atMs)).toEqual([235_000]);
    heartbeat.stop();
    await clock.sleep(300_000);
    expect(log.visible).toHaveLength(1);
  });

  it('shows the estimate of the time left when a target has one', async () => {
    const clock = new FakeClock();
    const log = timedLog(clock);
    const watch = {
      live: () => ({
        id: 'a',
        state: 'in_progress' as const,
        providerStatus: 'DEPLOYING',
        reads: 3,
        changedAtMs: 0,
        estimateMs: 40_000,
      }),
    };
    const heartbeat = startHeartbeat(
      { clock, signal: new AbortController().signal, elapsedMs: () => clock.elapsedMs, log },
      [watch],
    );
    await clock.sleep(56_000);
    heartbeat.stop();
    expect(log.visible.map((line) => line.text)).toEqual([
      'still waiting after 55s: a in_progress (DEPLOYING) · 3 status reads · about 40 s left',
    ]);
  });
});
