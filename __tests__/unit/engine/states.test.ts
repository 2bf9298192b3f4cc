import { describe, expect, it } from 'vitest';
import { snapshot } from '../../support/scripted-session.ts';
import { readTimes, runScenario } from './scenario.ts';

const missing = snapshot('not_found', '404', { message: 'workflow not found' });
const provisioning = snapshot('in_progress', 'PROVISIONING');
const completed = snapshot('succeeded', 'COMPLETED');
const yellow = snapshot('degraded', 'PUBLISHED/YELLOW', { message: '1 of 2 replicas ready' });

describe('discovery', () => {
  it('with discovery-timeout 0 ends at the first not_found', async () => {
    const run = await runScenario({ reads: { a: [missing, completed] } });
    expect(run.result).toMatchObject({
      verdict: 'not_found',
      ready: false,
      attempts: 1,
      message: 'workflow not found',
    });
  });

  it('keeps reading a target that is not found while discovery-timeout lasts', async () => {
    const run = await runScenario({ reads: { a: [missing] }, settings: { discoveryTimeoutMs: 30_000 } });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000, 18_000, 27_000, 40_500]);
    expect(run.result).toMatchObject({ verdict: 'not_found', message: 'not found within 30s: workflow not found' });
  });

  it('follows a target that appears within discovery-timeout', async () => {
    const run = await runScenario({
      reads: { a: [missing, missing, provisioning, completed] },
      settings: { discoveryTimeoutMs: 30_000 },
    });
    expect(run.result).toMatchObject({ verdict: 'succeeded', attempts: 4 });
  });

  it('after a trigger waits the whole timeout for the target to appear', async () => {
    const run = await runScenario({
      reads: { a: [missing] },
      triggers: { a: [{ message: 'a: provisioning requested' }] },
      deploy: true,
      settings: { timeoutMs: 60_000 },
    });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000, 18_000, 27_000, 40_500, 60_000]);
    expect(run.result).toMatchObject({ verdict: 'not_found', message: 'not found within 1m: workflow not found' });
  });

  it('says not_found when the deadline passes during discovery', async () => {
    const run = await runScenario({
      reads: { a: [missing] },
      settings: { timeoutMs: 20_000, discoveryTimeoutMs: 60_000 },
    });
    expect(run.result).toMatchObject({ verdict: 'not_found', message: 'not found within 20s: workflow not found' });
  });
});

describe('stall-timeout', () => {
  it('fails a target whose status does not change for that long', async () => {
    const run = await runScenario({
      reads: { a: [provisioning] },
      settings: { stallTimeoutMs: 20_000, backoff: 1 },
    });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000, 17_000, 22_000]);
    expect(run.result).toMatchObject({ verdict: 'failed', durationMs: 22_000 });
    expect(run.result.message).toBe('stalled: no change for 20s (last: PROVISIONING — provisioning message)');
    expect(run.result.targets[0]?.timeline.at(-1)).toEqual({
      atMs: 22_000,
      state: 'failed',
      providerStatus: 'PROVISIONING',
    });
  });

  it('restarts whenever progress or a component changes', async () => {
    const at = (progress: number, actual: number) =>
      snapshot('in_progress', 'RUNNING', {
        progress,
        components: [{ name: 'web', kind: 'service', state: 'in_progress', desired: 3, actual }],
      });
    const run = await runScenario({
      reads: { a: [at(10, 0), at(10, 0), at(20, 0), at(20, 0), at(20, 1), at(20, 1), at(20, 1), at(20, 1)] },
      // max-interval = interval: reads aimed at the progress estimate come every 5 s like the others
      settings: { stallTimeoutMs: 10_000, backoff: 1, maxIntervalMs: 5000 },
    });
    // changes at 0, 7 s and 17 s; unchanged from 17 s to 27 s
    expect(run.result).toMatchObject({ verdict: 'failed', durationMs: 27_000, attempts: 7 });
  });

  it('is off with 0', async () => {
    const run = await runScenario({ reads: { a: [provisioning] }, settings: { timeoutMs: 120_000 } });
    expect(run.result.verdict).toBe('timed_out');
  });
});

describe('degraded', () => {
  it('ends the wait as ready with allow-degraded', async () => {
    const run = await runScenario({ reads: { a: [yellow, completed] }, settings: { allowDegraded: true } });
    expect(run.result).toMatchObject({
      verdict: 'degraded',
      ready: true,
      attempts: 1,
      message: '1 of 2 replicas ready',
    });
  });

  it('keeps waiting without allow-degraded, since it may still heal', async () => {
    const run = await runScenario({ reads: { a: [yellow, yellow, completed] } });
    expect(run.result).toMatchObject({ verdict: 'succeeded', ready: true, attempts: 3 });
  });

  it('ends the wait, not ready, when the provider says it is final', async () => {
    const run = await runScenario({ reads: { a: [{ ...yellow, final: true }, completed] } });
    expect(run.result).toMatchObject({ verdict: 'degraded', ready: false, attempts: 1 });
  });

  it('times out without allow-degraded when it never heals', async () => {
    const run = await runScenario({ reads: { a: [yellow] }, settings: { timeoutMs: 30_000 } });
    expect(run.result).toMatchObject({ verdict: 'timed_out', ready: false });
  });
});

describe('terminal states', () => {
  it('end the wait with the provider state and message', async () => {
    for (const state of ['failed', 'inactive'] as const) {
      const run = await runScenario({
        reads: { a: [provisioning, snapshot(state, 'X', { message: `went ${state}` })] },
      });
      expect(run.result).toMatchObject({ verdict: state, ready: false, attempts: 2, message: `went ${state}` });
    }
  });
});

describe('a failure whose details are still to come', () => {
  const failing = snapshot('failed', 'ERROR', { message: 'runtime ERROR, waiting for details', detailsPending: true });
  const detailed = snapshot('failed', 'ERROR', { message: 'runtime ERROR: script does not compile' });

  it('is read again for its details, then ends failed with them', async () => {
    const run = await runScenario({ reads: { a: [provisioning, failing, detailed] } });
    expect(run.result).toMatchObject({
      verdict: 'failed',
      attempts: 3,
      message: 'runtime ERROR: script does not compile',
    });
  });

  it('stays failed, not timed_out, when the deadline comes first', async () => {
    const run = await runScenario({ reads: { a: [provisioning, failing] }, settings: { timeoutMs: 20_000 } });
    expect(run.result.attempts).toBeGreaterThan(2);
    expect(run.result).toMatchObject({ verdict: 'failed', message: 'runtime ERROR, waiting for details' });
  });
});

describe('unknown provider words', () => {
  it('are warned about once per word, keep the wait going, and are never a success', async () => {
    const weird = snapshot('unknown', 'REBALANCING');
    const odd = snapshot('unknown', 'Frobnicating');
    const run = await runScenario({ reads: { a: [weird, weird, odd, weird, completed] } });
    expect(run.log.at('warning')).toEqual([
      "a: unrecognized provider status 'REBALANCING' — still waiting; never counted as success",
      "a: unrecognized provider status 'Frobnicating' — still waiting; never counted as success",
    ]);
    expect(run.result).toMatchObject({ verdict: 'succeeded', attempts: 5 });

    const forever = await runScenario({ reads: { a: [weird] }, settings: { timeoutMs: 30_000 } });
    expect(forever.result).toMatchObject({ verdict: 'timed_out', ready: false });
  });
});

describe('several targets', () => {
  it('are all followed to their end; the worst verdict decides, the first such target speaks', async () => {
    const run = await runScenario({
      reads: {
        a: [provisioning, provisioning, provisioning, completed],
        b: [provisioning, snapshot('inactive', 'UNPUBLISHED', { message: 'unpublished' })],
        c: [snapshot('failed', 'FAILED', { message: 'step 2 failed' })],
        d: [missing],
        e: [snapshot('failed', 'ERROR', { message: 'also failed' })],
      },
    });
    expect(run.result.targets.map((target) => [target.id, target.verdict])).toEqual([
      ['a', 'succeeded'],
      ['b', 'inactive'],
      ['c', 'failed'],
      ['d', 'not_found'],
      ['e', 'failed'],
    ]);
    expect(run.result).toMatchObject({
      verdict: 'failed',
      ready: false,
      decidingTarget: 'c',
      message: 'c: step 2 failed',
      attempts: 4 + 2 + 1 + 1 + 1,
      durationMs: 12_000,
    });
  });

  it('are ready only when every one is', async () => {
    const both = await runScenario({ reads: { a: [completed], b: [provisioning, completed] } });
    expect(both.result).toMatchObject({
      verdict: 'succeeded',
      ready: true,
      decidingTarget: 'a',
      message: 'a: completed message',
    });
    const oneLate = await runScenario({
      reads: { a: [completed], b: [provisioning] },
      settings: { timeoutMs: 20_000 },
    });
    expect(oneLate.result).toMatchObject({ verdict: 'timed_out', ready: false, decidingTarget: 'b' });
    const mixed = await runScenario({ reads: { a: [completed], b: [yellow] }, settings: { allowDegraded: true } });
    expect(mixed.result).toMatchObject({ verdict: 'degraded', ready: true, decidingTarget: 'b' });
  });
});

describe('timeline and log', () => {
  it('records each change of state or provider word, and logs it in one line', async () => {
    const run = await runScenario({
      reads: {
        a: [
          snapshot('pending', 'NOT_STARTED'),
          snapshot('in_progress', 'PROVISIONING', { progress: 40 }),
          snapshot('in_progress', 'PROVISIONING', { progress: 60 }),
          snapshot('in_progress', 'DEPLOYING', { progress: 80 }),
          completed,
        ],
      },
    });
    expect(run.result.targets[0]?.timeline).toEqual([
      { atMs: 0, state: 'pending', providerStatus: 'NOT_STARTED' },
      { atMs: 2000, state: 'in_progress', providerStatus: 'PROVISIONING' },
      // 40% at 2 s, 60% at 7 s: 40% more to go at 4% a second, so the next read comes at 17 s (and 250 ms)
      { atMs: 17_250, state: 'in_progress', providerStatus: 'DEPLOYING' },
      { atMs: 25_125, state: 'succeeded', providerStatus: 'COMPLETED' },
    ]);
    expect(run.log.at('info')).toEqual([
      'a: pending (NOT_STARTED) — not_started message',
      'a: in_progress (PROVISIONING) 40% — provisioning message',
      'a: in_progress (DEPLOYING) 80% — deploying message',
      'a: succeeded (COMPLETED) — completed message',
    ]);
    expect(run.log.at('debug')).toEqual(['a: in_progress (PROVISIONING) 60% — provisioning message']);
    expect(run.result.targets[0]?.durationMs).toBe(25_125);
  });

  it('ends with an entry for timed_out', async () => {
    const run = await runScenario({ reads: { a: [provisioning] }, settings: { timeoutMs: 10_000 } });
    expect(run.result.targets[0]?.timeline).toEqual([
      { atMs: 0, state: 'in_progress', providerStatus: 'PROVISIONING' },
      { atMs: 10_000, state: 'timed_out', providerStatus: 'PROVISIONING' },
    ]);
  });

  it('ends with an entry for error', async () => {
    const run = await runScenario({ reads: { a: [provisioning, new Error('boom')] } });
    expect(run.result.targets[0]?.timeline.at(-1)).toEqual({
      atMs: 2000,
      state: 'error',
      providerStatus: 'PROVISIONING',
    });
  });
});
