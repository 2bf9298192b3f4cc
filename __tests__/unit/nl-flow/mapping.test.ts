import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NL_FLOW_ACTUAL_STATES,
  NL_FLOW_DESIRED_STATES,
  snapshotFromWorkflowStatus,
} from '../../../src/providers/nl-flow/mapping.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/nl-flow/${name}`, import.meta.url), 'utf8'));
const status = (name: string) => snapshotFromWorkflowStatus(fixture(name));

const UNSCHEDULABLE =
  'Unschedulable: 0/2 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {CriticalAddonsOnly: true}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..';

describe('NL Flow status mapping: the seed examples', () => {
  it('is the table of the spec', () => {
    expect(NL_FLOW_DESIRED_STATES).toEqual({ PUBLISHED: 'by-actual-status', UNPUBLISHED: 'inactive' });
    expect(NL_FLOW_ACTUAL_STATES).toEqual({
      GREEN: 'succeeded',
      YELLOW: 'degraded',
      ORANGE: 'in_progress',
      RED: 'in_progress',
    });
  });

  it('SYNC, ORANGE, unschedulable: in progress, with the replica reason in the message', () => {
    const snapshot = status('sync-orange-unschedulable.json');
    expect(snapshot).toMatchObject({ state: 'in_progress', providerStatus: 'PUBLISHED/ORANGE/SYNC', progress: 50 });
    expect(snapshot.message).toMatch(
      /^being published: a service has no active instance yet \(1\/2 instances active\); SYNC: not usable yet — knowledge-m-f252bb2b: Unschedulable: 0\/2 nodes are available: 1 Insufficient memory/,
    );
    expect(snapshot.message.length).toBeLessThanOrEqual(300);
    expect(snapshot.components).toEqual([
      { name: 'benthos', kind: 'stream', state: 'succeeded', providerStatus: 'GREEN', desired: 1, actual: 1 },
      {
        name: 'knowledge-m-f252bb2b',
        kind: 'service',
        state: 'in_progress',
        providerStatus: 'RED',
        desired: 1,
        actual: 0,
        details: { rollout: 'InProgress: RollingOutReplicaSet', replicas: '0/1 ready' },
        message: UNSCHEDULABLE,
      },
    ]);
  });

  it('SYNC, ORANGE, container creating: in progress', () => {
    const snapshot = status('sync-orange-container-creating.json');
    expect(snapshot).toMatchObject({ state: 'in_progress', providerStatus: 'PUBLISHED/ORANGE/SYNC', progress: 50 });
    expect(snapshot.message).toBe(
      'being published: a service has no active instance yet (1/2 instances active); SYNC: not usable yet — knowledge-m-f252bb2b: ContainerCreating',
    );
    expect(snapshot.components?.[1]).toMatchObject({ name: 'knowledge-m-f252bb2b', message: 'ContainerCreating' });
  });

  it('SYNC, GREEN: succeeded, stream and service as components, 100%', () => {
    const snapshot = status('sync-green.json');
    expect(snapshot).toMatchObject({
      state: 'succeeded',
      providerStatus: 'PUBLISHED/GREEN/SYNC',
      message: 'published and usable (2/2 instances active)',
      progress: 100,
    });
    expect(snapshot.components?.map((c) => [c.kind, c.name, c.state, c.message])).toEqual([
      ['stream', 'benthos', 'succeeded', undefined],
      ['service', 'knowledge-m-f252bb2b', 'succeeded', undefined],
    ]);
    expect(snapshot.components?.[1]?.details).toEqual({ rollout: 'Complete', replicas: '1/1 ready' });
  });

  it('UNPUBLISHED: inactive, whatever actualStatus says, without progress', () => {
    const snapshot = status('unpublished.json');
    expect(snapshot).toEqual({
      state: 'inactive',
      providerStatus: 'UNPUBLISHED/GREEN/ASYNC',
      message: 'unpublished (desired status UNPUBLISHED)',
      components: [],
    });
  });

  it('ASYNC, ORANGE: degraded (usable), saying that queued tasks are taken', () => {
    const snapshot = status('async-orange.json');
    expect(snapshot).toMatchObject({ state: 'degraded', providerStatus: 'PUBLISHED/ORANGE/ASYNC', progress: 0 });
    expect(snapshot.message).toBe(
      'published, ASYNC: usable already, analysis tasks are queued until a service has an active instance (0/2 instances active) — knowledge-m-f252bb2b: ContainerCreating; outprod-4b54ca80: ContainerCreating',
    );
    expect(snapshot.components?.map((c) => c.kind)).toEqual(['service', 'service']);
  });

  it('ASYNC, RED: in progress, never ready (RED also means in error); SYNC ORANGE stays in progress', () => {
    const read = (actualStatus: string, publishingMode?: string) =>
      snapshotFromWorkflowStatus({ desiredStatus: 'PUBLISHED', actualStatus, publishingMode, details: {} });
    const red = read('RED', 'ASYNC');
    expect(red).toMatchObject({ state: 'in_progress', providerStatus: 'PUBLISHED/RED/ASYNC' });
    expect(red.message).toContain('RED can also mean the workflow is in error');
    expect(read('ORANGE', 'SYNC').state).toBe('in_progress');
    expect(read('orange', 'async').state).toBe('degraded');
    expect(read('ORANGE').state).toBe('in_progress');
  });

  it('ASYNC, GREEN: succeeded, no stream', () => {
    const snapshot = status('async-green.json');
    expect(snapshot).toMatchObject({ state: 'succeeded', providerStatus: 'PUBLISHED/GREEN/ASYNC', progress: 100 });
    expect(snapshot.components?.map((c) => [c.kind, c.name, c.desired, c.actual])).toEqual([
      ['service', 'knowledge-m-f252bb2b', 1, 1],
      ['service', 'outprod-4b54ca80', 1, 1],
    ]);
  });
});

describe('NL Flow status mapping: beyond the examples', () => {
  const published = (actualStatus: unknown, details: unknown = {}, desiredStatus: unknown = 'PUBLISHED') =>
    snapshotFromWorkflowStatus({ desiredStatus, actualStatus, publishingMode: 'SYNC', details });

  it('YELLOW is degraded and says it may still heal; the waiting replica is named', () => {
    const snapshot = published('YELLOW', {
      stream: { id: 'benthos', desired: 1, actual: 1, status: 'GREEN' },
      services: [
        {
          id: 'knowledge-m-f252bb2b',
          desired: 2,
          actual: 1,
          status: 'YELLOW',
          replicasDetail: [
            { name: 'a', ready: true, status: 'Running' },
            { name: 'b', ready: false, status: 'Pending', statusMessage: 'pulling image' },
          ],
        },
      ],
    });
    expect(snapshot).toMatchObject({ state: 'degraded', providerStatus: 'PUBLISHED/YELLOW/SYNC', progress: 67 });
    expect(snapshot.final).toBeUndefined();
    expect(snapshot.message).toBe(
      'published and usable, but not every instance is active yet (2/3 instances active); may still become GREEN — knowledge-m-f252bb2b: Pending: pulling image',
    );
    expect(snapshot.components?.[1]).toMatchObject({ state: 'degraded', details: { replicas: '1/2 ready' } });
  });

  it('RED says no service has an instance', () => {
    expect(published('RED').message).toBe(
      'being published or in error: no service has an active instance; SYNC: not usable yet',
    );
    expect(published('RED').state).toBe('in_progress');
  });

  it('compares words case-insensitively and keeps them as sent', () => {
    expect(published('green', {}, 'published')).toMatchObject({
      state: 'succeeded',
      providerStatus: 'published/green/SYNC',
    });
    expect(published('Orange', {}, 'Unpublished').state).toBe('inactive');
  });

  it('never calls an unrecognized or missing word a success', () => {
    expect(published('BLUE')).toMatchObject({
      state: 'unknown',
      message: "unrecognized status: desiredStatus 'PUBLISHED', actualStatus 'BLUE'",
    });
    expect(published(undefined)).toMatchObject({
      state: 'unknown',
      providerStatus: 'PUBLISHED/SYNC',
      message: 'the status has no actualStatus',
    });
    expect(published('GREEN', {}, 'PUBLISHING').state).toBe('unknown');
    expect(snapshotFromWorkflowStatus({ actualStatus: 'GREEN' })).toMatchObject({
      state: 'unknown',
      message: 'the status has no desiredStatus',
    });
    expect(snapshotFromWorkflowStatus({})).toMatchObject({ state: 'unknown', providerStatus: '(no status)' });
    expect(snapshotFromWorkflowStatus({ desiredStatus: 7, actualStatus: ['GREEN'] }).state).toBe('unknown');
  });

  it('rejects a body that is not an object as unreadable', () => {
    for (const body of [null, [], 'GREEN', 3]) {
      expect(() => snapshotFromWorkflowStatus(body)).toThrow(/unreadable workflow status/);
    }
  });

  it('progress is Σactual ÷ Σdesired, surplus not counted, absent without desired instances', () => {
    const services = (...counts: [number, number][]) => ({
      services: counts.map(([desired, actual], i) => ({ id: `s${i}`, desired, actual, status: 'RED' })),
    });
    expect(published('ORANGE', services([2, 1], [1, 0], [1, 0])).progress).toBe(25);
    expect(published('ORANGE', services([1, 3], [1, 0])).progress).toBe(50);
    expect(published('ORANGE', services([0, 0])).progress).toBeUndefined();
    expect(published('ORANGE', { services: [{ id: 'x', status: 'RED' }] }).progress).toBeUndefined();
  });

  it('a component without a status is unknown and says why; a service without replicas shows its counts', () => {
    const snapshot = published('ORANGE', {
      services: [
        { id: 'x', desired: 2, actual: 0 },
        { id: 'y', desired: 1, status: 'RED' },
      ],
    });
    expect(snapshot.components).toEqual([
      {
        name: 'x',
        kind: 'service',
        state: 'unknown',
        providerStatus: '',
        desired: 2,
        actual: 0,
        message: 'no status (0/2)',
      },
      { name: 'y', kind: 'service', state: 'in_progress', providerStatus: 'RED', desired: 1, message: 'RED (0/1)' },
    ]);
  });
});
