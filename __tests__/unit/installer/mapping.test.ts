import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TargetState } from '../../../src/core/types.ts';
import { MAX_SNAPSHOT_LOGS, readDeployStatus } from '../../../src/providers/installer/mapping.ts';
import { decidingSide, INSTALLER_STATES, lookUp } from '../../../src/providers/installer/words.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/installer/${name}`, import.meta.url), 'utf8'));
const snapshotOf = (body: unknown) => readDeployStatus(body).snapshot;

describe('installer words', () => {
  it('maps the spec words, case-insensitively, whatever separates "in progress"', () => {
    const expected: Record<string, TargetState> = {
      running: 'in_progress',
      Deploying: 'in_progress',
      INSTALLING: 'in_progress',
      'in progress': 'in_progress',
      in_progress: 'in_progress',
      'In-Progress': 'in_progress',
      pending: 'pending',
      queued: 'pending',
      idle: 'pending',
      completed: 'succeeded',
      succeeded: 'succeeded',
      success: 'succeeded',
      DONE: 'succeeded',
      failed: 'failed',
      error: 'failed',
      cancelled: 'failed',
      finished: 'unknown',
      ok: 'unknown',
      '': 'unknown',
    };
    for (const [word, state] of Object.entries(expected))
      expect([word, lookUp(INSTALLER_STATES, word)]).toEqual([word, state]);
  });

  it('lets the session decide, but needs both for a success and takes a failure from either', () => {
    expect(decidingSide(undefined, undefined)).toBeUndefined();
    expect(decidingSide('in_progress', undefined)).toBe('top');
    expect(decidingSide(undefined, 'succeeded')).toBe('session');
    expect(decidingSide('pending', 'in_progress')).toBe('session');
    expect(decidingSide('in_progress', 'pending')).toBe('session');
    expect(decidingSide('failed', 'in_progress')).toBe('top');
    expect(decidingSide('in_progress', 'failed')).toBe('session');
    expect(decidingSide('in_progress', 'succeeded')).toBe('top');
    expect(decidingSide('unknown', 'succeeded')).toBe('top');
    expect(decidingSide('succeeded', 'unknown')).toBe('session');
  });
});

describe('installer status mapping: the seed examples', () => {
  it('the response example {"status":"running","session":{}} is in progress', () => {
    expect(readDeployStatus(fixture('seed-response-example.json'))).toEqual({
      snapshot: {
        state: 'in_progress',
        providerStatus: 'running',
        message: 'deploy running',
        components: [],
        logs: [],
      },
    });
  });

  it('every field example: progress, phase and component, logs, the registration with an error', () => {
    const { snapshot, sessionId } = readDeployStatus(fixture('seed-field-examples.json'));
    expect(sessionId).toBe('deploy-a1b2c3d4');
    expect(snapshot).toMatchObject({
      state: 'in_progress',
      providerStatus: 'running',
      progress: 55,
      message: 'installing-postgresql (postgresql), 55% — registration failed: postgresql: connection timeout',
      startedAt: '2026-01-15T08:00:00Z',
      completedAt: '2026-01-15T08:00:00Z',
      logs: [{ time: '2026-04-16T10:00:00Z', level: 'INFO', message: 'PostgreSQL installation complete' }],
    });
    expect(snapshot.components).toEqual([
      {
        name: 'postgresql',
        kind: 'registration',
        state: 'failed',
        providerStatus: 'registered',
        message: 'connection timeout',
        details: {
          endpoint: '192.168.1.10:5432',
          status: 'registered',
          registeredAt: '2026-01-15T08:00:00Z',
          error: 'connection timeout',
        },
      },
    ]);
  });
});

describe('installer status mapping: finished sessions', () => {
  it('completed with every service registered is succeeded', () => {
    const snapshot = snapshotOf(fixture('completed.json'));
    expect(snapshot).toMatchObject({
      state: 'succeeded',
      providerStatus: 'completed',
      progress: 100,
      message: 'deploy session deploy-7f3e9a01 completed, 2 registered',
      completedAt: '2026-01-15T08:41:12Z',
    });
    expect(snapshot.final).toBeUndefined();
    expect(snapshot.components?.map((c) => [c.name, c.state, c.details?.endpoint])).toEqual([
      ['postgresql', 'succeeded', '192.168.1.10:5432'],
      ['zstack-ui', 'succeeded', '192.168.1.10:5000'],
    ]);
    expect(snapshot.logs).toHaveLength(4);
  });

  it('failed names the phase and the last ERROR line', () => {
    expect(snapshotOf(fixture('failed.json'))).toMatchObject({
      state: 'failed',
      progress: 40,
      message:
        'deploy session deploy-7f3e9a01 failed in installing-postgresql (postgresql): PostgreSQL installation failed: port 5432 already in use',
    });
  });

  it('completed with a failed registration is degraded, and final', () => {
    const snapshot = snapshotOf(fixture('registration-error.json'));
    expect(snapshot).toMatchObject({
      state: 'degraded',
      final: true,
      message:
        'deploy session deploy-7f3e9a01 completed, but 1 of 2 registrations failed: zstack-ui: connection timeout',
    });
    expect(snapshot.components?.[1]).toMatchObject({
      state: 'failed',
      details: { status: 'failed', error: 'connection timeout' },
    });
  });
});

describe('installer status mapping: beyond the examples', () => {
  const body = (status: unknown, session: Record<string, unknown> = {}) => ({ status, session });

  it('never turns an unknown word into a success, on either side', () => {
    expect(snapshotOf(body('finished', { status: 'completed' }))).toMatchObject({
      state: 'unknown',
      providerStatus: 'finished/completed',
      message: "deploy completed, but the installer's status is 'finished'",
    });
    expect(snapshotOf(body('completed', { status: 'finished' }))).toMatchObject({
      state: 'unknown',
      message: "unrecognized deploy status 'finished'",
    });
    expect(snapshotOf(body('ready'))).toMatchObject({ state: 'unknown', providerStatus: 'ready' });
    expect(snapshotOf({})).toMatchObject({
      state: 'unknown',
      providerStatus: '(no status)',
      message: 'the deploy status has no status field',
    });
    expect(snapshotOf({ status: 42, session: {} }).state).toBe('unknown');
  });

  it('a status that is there but no word is unknown, never absent so that the other side decides', () => {
    for (const unreadable of [42, {}, ['completed'], true]) {
      expect(snapshotOf({ status: unreadable, session: { status: 'completed' } }).state).toBe('unknown');
      expect(snapshotOf({ status: 'completed', session: { status: unreadable } }).state).toBe('unknown');
    }
    expect(snapshotOf({ status: null, session: { status: 'completed' } }).state).toBe('succeeded');
  });

  it('a session that is no object is unreadable', () => {
    for (const session of ['completed', 42, ['completed'], true]) {
      expect(() => snapshotOf({ status: 'completed', session })).toThrowError(/'session' is .*, not an object/);
    }
  });

  it('a registration error of any kind but text fails the registration too', () => {
    for (const error of [true, { code: 7 }, ['timeout'], 3]) {
      const snapshot = snapshotOf(
        body('completed', { status: 'completed', registrations: [{ name: 'pg', status: 'registered', error }] }),
      );
      expect(snapshot.state).toBe('degraded');
    }
  });

  it('knows only its own words: names of object properties are unknown', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect([word, lookUp(INSTALLER_STATES, word)]).toEqual([word, 'unknown']);
      const registered = body('completed', {
        status: 'completed',
        registrations: [{ name: 'postgresql', status: word }],
      });
      expect([word, snapshotOf(registered).state]).toEqual([word, 'unknown']);
    }
  });

  it('a completed session under a running or idle installer is not ready yet', () => {
    expect(snapshotOf(body('running', { status: 'completed' }))).toMatchObject({
      state: 'in_progress',
      providerStatus: 'running/completed',
    });
    expect(snapshotOf(body('idle', { id: 's1', status: 'completed' }))).toMatchObject({
      state: 'pending',
      message: "deploy session s1 completed, but the installer's status is 'idle'",
    });
  });

  it('a failure on either side is a failure', () => {
    expect(snapshotOf(body('failed', { status: 'running' })).state).toBe('failed');
    expect(snapshotOf(body('running', { status: 'cancelled', id: 's1' }))).toMatchObject({
      state: 'failed',
      message: 'deploy session s1 cancelled',
    });
    expect(snapshotOf(body('error')).message).toBe('deploy failed (error)');
  });

  it('pending words say the deploy has not started', () => {
    expect(snapshotOf(body('queued', { id: 's1', status: 'queued', progress: 0 }))).toMatchObject({
      state: 'pending',
      progress: 0,
      message: 'deploy session s1 queued, not started yet',
    });
  });

  it('a completed session waits for registrations still under way, and is unknown with an unrecognized one', () => {
    const registrations = (...entries: Record<string, unknown>[]) =>
      body('completed', { status: 'completed', registrations: entries });
    expect(snapshotOf(registrations({ name: 'ui', status: 'registering' }))).toMatchObject({
      state: 'in_progress',
      message: 'deploy completed, waiting for registrations: ui',
    });
    expect(snapshotOf(registrations({ name: 'ui', status: 'half-registered' }))).toMatchObject({
      state: 'unknown',
      message: "deploy completed, but registrations have an unrecognized status: ui: 'half-registered'",
    });
    expect(snapshotOf(registrations({ name: 'ui', registeredAt: '2026-01-15T08:00:00Z' })).state).toBe('succeeded');
    expect(snapshotOf(registrations({ name: 'ui' })).state).toBe('unknown');
    expect(snapshotOf(registrations({ name: 'ui', status: 'error' }))).toMatchObject({
      state: 'degraded',
      final: true,
    });
  });

  it('clamps and rounds progress, tolerates a numeric string, ignores anything else', () => {
    const progress = (value: unknown) => snapshotOf(body('running', { progress: value })).progress;
    expect(progress(150)).toBe(100);
    expect(progress(-3)).toBe(0);
    expect(progress(54.6)).toBe(55);
    expect(progress('42')).toBe(42);
    expect(progress('soon')).toBeUndefined();
    expect(progress(null)).toBeUndefined();
  });

  it('keeps the last log lines only, and skips entries without a message', () => {
    const logs = Array.from({ length: MAX_SNAPSHOT_LOGS + 5 }, (_, i) => ({ level: 'INFO', message: `line ${i}` }));
    const snapshot = snapshotOf(body('running', { logs: [{ level: 'INFO' }, ...logs, 'text'] }));
    expect(snapshot.logs).toHaveLength(MAX_SNAPSHOT_LOGS);
    expect(snapshot.logs?.at(-1)).toEqual({ level: 'INFO', message: `line ${MAX_SNAPSHOT_LOGS + 4}` });
  });

  it('rejects a body that is not an object as unreadable', () => {
    for (const value of [null, [], 'running'])
      expect(() => readDeployStatus(value)).toThrow(/unreadable deploy status/);
  });
});
