import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/http/errors.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { HANG, ScriptedSession, snapshot } from '../../support/scripted-session.ts';
import { DEFAULT_SETTINGS, readTimes, runScenario } from './scenario.ts';

const provisioning = snapshot('in_progress', 'PROVISIONING');
const completed = snapshot('succeeded', 'COMPLETED');
const unavailable = (retryAfterMs?: number): HttpError =>
  new HttpError('HTTP 503 Service Unavailable', { kind: 'transient', status: 503, retryAfterMs });
const networkError = (): HttpError => new HttpError('connection reset (ECONNRESET)', { kind: 'transient' });
const unauthorized = (): HttpError =>
  new HttpError('HTTP 401 Unauthorized — check the credentials', { kind: 'permanent', status: 401 });

describe('transient errors', () => {
  it('are counted, warned about and retried on the backoff schedule, never a failure by themselves', async () => {
    const run = await runScenario({ reads: { a: [unavailable(), networkError(), unavailable(), completed] } });
    expect(run.result).toMatchObject({ verdict: 'succeeded', ready: true, attempts: 4, transientErrors: 3 });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 12_000]);
    expect(run.log.at('warning')).toEqual([
      'a: status read: HTTP 503 Service Unavailable — retrying in 2s',
      'a: status read: connection reset (ECONNRESET) — retrying in 5s',
      'a: status read: HTTP 503 Service Unavailable — retrying in 5s',
    ]);
  });

  it('wait at least what Retry-After asks', async () => {
    const run = await runScenario({ reads: { a: [unavailable(20_000), unavailable(1000), completed] } });
    // after 20 s of waiting the backoff asks for 10 s, more than the second Retry-After
    expect(readTimes(run)).toEqual([0, 20_000, 30_000]);
    expect(run.log.at('warning')[0]).toBe('a: status read: HTTP 503 Service Unavailable — retrying in 20s');
  });

  it('honour Retry-After only up to the deadline, where they read once more', async () => {
    const run = await runScenario({
      reads: { a: [unavailable(60_000), provisioning] },
      settings: { timeoutMs: 15_000 },
    });
    expect(readTimes(run)).toEqual([0, 15_000]);
    expect(run.result).toMatchObject({ verdict: 'timed_out', durationMs: 15_000, transientErrors: 1 });
  });

  it('on the last read end the wait with timed_out and the last error', async () => {
    const run = await runScenario({ reads: { a: [unavailable()] }, settings: { timeoutMs: 8000, backoff: 1 } });
    expect(readTimes(run)).toEqual([0, 2000, 7000, 8000]);
    expect(run.result.message).toBe('timed out after 8s; last error: HTTP 503 Service Unavailable');
    expect(run.log.at('warning').at(-1)).toBe('a: status read: HTTP 503 Service Unavailable — no time left to retry');
  });
});

describe('permanent errors', () => {
  it('end the target with error and its message', async () => {
    const run = await runScenario({ reads: { a: [provisioning, unauthorized()] } });
    expect(run.result).toMatchObject({
      verdict: 'error',
      ready: false,
      decidingTarget: 'a',
      message: 'HTTP 401 Unauthorized — check the credentials',
      attempts: 2,
      durationMs: 2000,
    });
    expect(run.result.targets[0]?.providerStatus).toBe('PROVISIONING');
  });

  it('include any unexpected error', async () => {
    const unexpected = await runScenario({ reads: { a: [new TypeError('cannot read properties of undefined')] } });
    expect(unexpected.result).toMatchObject({ verdict: 'error', message: 'cannot read properties of undefined' });
  });

  it('stop every other target at once, aborting requests in flight', async () => {
    const run = await runScenario({
      reads: {
        a: [provisioning, provisioning, unauthorized()],
        b: [provisioning, { takesMs: 600_000, then: provisioning }],
        c: [HANG],
        d: [{ takesMs: 600_000, then: provisioning }],
      },
    });
    expect(run.result).toMatchObject({ verdict: 'error', decidingTarget: 'a', durationMs: 7000 });
    expect(run.result.message).toBe('a: HTTP 401 Unauthorized — check the credentials');
    const [a, b, c, d] = run.result.targets;
    expect(a?.verdict).toBe('error');
    // b's second read was in flight: it keeps the state last seen
    expect(b).toMatchObject({ verdict: 'in_progress', message: 'provisioning message', attempts: 2 });
    expect(run.session.callsOf('read', 'b').at(-1)?.signal.aborted).toBe(true);
    for (const unread of [c, d]) {
      expect(unread).toMatchObject({
        verdict: 'cancelled',
        message: 'stopped before any status was read: a ended with an error',
      });
    }
    expect(run.session.callsOf('read', 'd')[0]?.signal.aborted).toBe(true);
  });
});

describe('trigger', () => {
  const accepted = { taskId: 'task-1', message: 'a: deploy started (202)' };

  it('triggers first, stores the task id, then reads at once', async () => {
    const run = await runScenario({ reads: { a: [completed] }, triggers: { a: [accepted] }, deploy: true });
    expect(run.session.calls.map((call) => call.kind)).toEqual(['trigger', 'read']);
    expect(run.result.targets[0]).toMatchObject({ verdict: 'succeeded', taskId: 'task-1', attempts: 1 });
    expect(run.log.at('info')).toContain('a: deploy started (202)');
  });

  it('is retried after Retry-After when refused with 429 or 503', async () => {
    const busy = new HttpError('HTTP 429 Too Many Requests', { kind: 'transient', status: 429, retryAfterMs: 3000 });
    const run = await runScenario({ reads: { a: [completed] }, triggers: { a: [busy, accepted] }, deploy: true });
    expect(run.session.callsOf('trigger').map((call) => call.atMs - run.clock.startMs)).toEqual([0, 3000]);
    expect(run.result).toMatchObject({ verdict: 'succeeded', transientErrors: 1 });
    expect(run.log.at('warning')).toEqual(['a: deploy request: HTTP 429 Too Many Requests — retrying in 3s']);
  });

  it('is not retried after a network error: it may or may not have started', async () => {
    const run = await runScenario({
      reads: { a: [completed] },
      triggers: { a: [networkError(), accepted] },
      deploy: true,
    });
    expect(run.session.calls.map((call) => call.kind)).toEqual(['trigger']);
    expect(run.result).toMatchObject({ verdict: 'error', attempts: 0 });
    expect(run.result.message).toBe(
      'deploy request failed: connection reset (ECONNRESET) — it may or may not have started; check the provider before running again',
    );
  });

  it('is not retried after a 5xx without Retry-After, nor after a permanent error', async () => {
    const gateway = await runScenario({
      reads: { a: [completed] },
      triggers: { a: [unavailable(), accepted] },
      deploy: true,
    });
    expect(gateway.session.calls).toHaveLength(1);
    expect(gateway.result.verdict).toBe('error');
    const refused = await runScenario({
      reads: { a: [completed] },
      triggers: { a: [unauthorized(), accepted] },
      deploy: true,
    });
    expect(refused.session.calls).toHaveLength(1);
    expect(refused.result.message).toBe('deploy request failed: HTTP 401 Unauthorized — check the credentials');
  });

  it('is retried on the read schedule after any transient error when a repeat is harmless', async () => {
    const run = await runScenario({
      reads: { a: [completed] },
      triggers: { a: [networkError(), unavailable(), accepted] },
      deploy: true,
      triggerIsRepeatable: true,
    });
    expect(run.session.callsOf('trigger').map((call) => call.atMs - run.clock.startMs)).toEqual([0, 5000, 10_000]);
    expect(run.result).toMatchObject({ verdict: 'succeeded', transientErrors: 2 });
    expect(run.result.targets[0]?.taskId).toBe('task-1');
  });

  it('is not retried after a permanent error even when a repeat is harmless', async () => {
    const run = await runScenario({
      reads: { a: [completed] },
      triggers: { a: [unauthorized(), accepted] },
      deploy: true,
      triggerIsRepeatable: true,
    });
    expect(run.session.callsOf('trigger')).toHaveLength(1);
    expect(run.result.verdict).toBe('error');
  });

  it('times out when Retry-After keeps refusing it until the deadline', async () => {
    const run = await runScenario({
      reads: { a: [completed] },
      triggers: { a: [unavailable(4000)] },
      deploy: true,
      settings: { timeoutMs: 10_000 },
    });
    expect(run.session.callsOf('trigger').map((call) => call.atMs - run.clock.startMs)).toEqual([
      0, 4000, 8000, 10_000,
    ]);
    expect(run.result).toMatchObject({ verdict: 'timed_out', attempts: 0, transientErrors: 4 });
    expect(run.result.message).toBe('timed out after 10s; last error: HTTP 503 Service Unavailable');
  });

  it('counts toward the timeout', async () => {
    const run = await runScenario({
      reads: { a: [provisioning] },
      triggers: { a: [{ takesMs: 7000, then: accepted }] },
      deploy: true,
      settings: { timeoutMs: 20_000 },
    });
    expect(readTimes(run)).toEqual([7000, 9000, 14_000, 19_000, 20_000]);
    expect(run.result.durationMs).toBe(20_000);
  });

  it('is an error when the session cannot trigger', async () => {
    const clock = new FakeClock();
    const scripted = new ScriptedSession({ reads: { a: [completed] }, clock });
    const result = await waitForTargets({
      targets: ['a'],
      session: { read: (id, options) => scripted.read(id, options) },
      deploy: true,
      settings: DEFAULT_SETTINGS,
      clock,
      random: () => 0.5,
      log: silentLogger,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({
      verdict: 'error',
      message: 'deploy requested, but this provider cannot start a deploy',
    });
    expect(scripted.calls).toEqual([]);
  });
});
