import { describe, expect, it } from 'vitest';
import { lookupWord } from '../../../src/core/json.ts';
import {
  BUILD_STATES,
  buildSnapshot,
  RUNTIME_STATES,
  runtimeSnapshot,
  staleness,
} from '../../../src/providers/sap/states.ts';

const STARTED = {
  Id: 'Order_Sync',
  Version: '1.0.3',
  Name: 'Order Sync',
  Type: 'INTEGRATION_FLOW',
  DeployedBy: 'S0012345678',
  DeployedOn: '/Date(1700000000000)/',
  Status: 'STARTED',
};

describe('mapping tables', () => {
  it('maps the build status words', () => {
    expect(BUILD_STATES).toEqual({
      DEPLOYING: 'in_progress',
      SUCCESS: 'built',
      FAIL: 'failed',
      FAIL_ON_LICENSE_ERROR: 'failed',
    });
  });

  it('maps the runtime status words', () => {
    expect(RUNTIME_STATES).toEqual({
      STARTED: 'succeeded',
      STARTING: 'in_progress',
      STOPPING: 'in_progress',
      ERROR: 'failed',
    });
  });

  it('compares case-insensitively and knows nothing else', () => {
    expect(lookupWord(RUNTIME_STATES, ' started ')).toBe('succeeded');
    expect(lookupWord(BUILD_STATES, 'Success')).toBe('built');
    expect(lookupWord(RUNTIME_STATES, 'RUNNING')).toBeUndefined();
    expect(lookupWord(RUNTIME_STATES, 'constructor')).toBeUndefined();
    expect(lookupWord(RUNTIME_STATES, '')).toBeUndefined();
  });
});

describe('buildSnapshot', () => {
  it('is in progress while DEPLOYING', () => {
    expect(buildSnapshot('t1', { Status: 'DEPLOYING' })).toEqual({
      state: 'in_progress',
      providerStatus: 'DEPLOYING',
      message: 'building and deploying (task t1)',
    });
  });

  it('fails on FAIL and FAIL_ON_LICENSE_ERROR', () => {
    expect(buildSnapshot('t1', { Status: 'fail' })).toMatchObject({
      state: 'failed',
      message: 'build and deploy failed (fail)',
    });
    expect(buildSnapshot('t1', { Status: 'FAIL_ON_LICENSE_ERROR' })).toMatchObject({
      state: 'failed',
      message: expect.stringContaining('license'),
    });
  });

  it('is unknown for any other word, or none', () => {
    expect(buildSnapshot('t1', { Status: 'QUEUED' })).toMatchObject({ state: 'unknown', providerStatus: 'QUEUED' });
    expect(buildSnapshot('t1', {})).toMatchObject({ state: 'unknown', providerStatus: '(no status)' });
  });
});

describe('runtimeSnapshot', () => {
  it('succeeds on STARTED and shows the artifact as a component', () => {
    const snapshot = runtimeSnapshot('Order_Sync', STARTED, {});
    expect(snapshot).toMatchObject({
      state: 'succeeded',
      providerStatus: 'STARTED',
      message: 'started version 1.0.3, deployed by S0012345678',
    });
    expect(snapshot.components).toEqual([
      {
        name: 'Order Sync',
        kind: 'artifact',
        state: 'succeeded',
        providerStatus: 'STARTED',
        details: {
          name: 'Order Sync',
          type: 'INTEGRATION_FLOW',
          version: '1.0.3',
          'deployed by': 'S0012345678',
          'deployed on': '2023-11-14T22:13:20.000Z',
        },
      },
    ]);
  });

  it.each([
    ['STARTING', 'in_progress'],
    ['stopping', 'in_progress'],
    ['ERROR', 'failed'],
    ['WARMING_UP', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (word, state) => {
    expect(runtimeSnapshot('Order_Sync', { ...STARTED, Status: word }, {}).state).toBe(state);
  });

  it('names the artifact by its id when it has no Name', () => {
    const { Name: _name, ...entity } = STARTED;
    expect(runtimeSnapshot('Order_Sync', entity, {}).components?.[0]?.name).toBe('Order_Sync');
  });

  it('is not a success while another version runs', () => {
    const snapshot = runtimeSnapshot('Order_Sync', STARTED, { version: '1.0.4' });
    expect(snapshot.state).toBe('in_progress');
    expect(snapshot.message).toContain('still shows version 1.0.3');
    expect(snapshot.message).toContain('waiting for version 1.0.4');
  });

  it('is not a success for an entry deployed before this deploy', () => {
    const snapshot = runtimeSnapshot('Order_Sync', STARTED, { deployedNotBeforeMs: 1_700_000_000_001 });
    expect(snapshot.state).toBe('in_progress');
    expect(snapshot.message).toContain('2023-11-14T22:13:20.000Z');
    expect(runtimeSnapshot('Order_Sync', STARTED, { deployedNotBeforeMs: 1_700_000_000_000 }).state).toBe('succeeded');
  });

  it('is not a success after a deploy when DeployedOn is missing or unreadable', () => {
    const { DeployedOn: _, ...undated } = STARTED;
    const entities: Array<Record<string, string>> = [
      undated,
      ...['', '1577836800000', '2020-01-01 00:00:00', 'yesterday'].map((DeployedOn) => ({ ...STARTED, DeployedOn })),
    ];
    for (const entity of entities) {
      const snapshot = runtimeSnapshot('Order_Sync', entity, { deployedNotBeforeMs: 0 });
      expect([entity.DeployedOn, snapshot.state]).toEqual([entity.DeployedOn, 'in_progress']);
      expect(snapshot.message).toContain('no readable DeployedOn');
    }
    expect(runtimeSnapshot('Order_Sync', undated, {}).state).toBe('succeeded');
  });

  it('does not take a stale ERROR as this deploy failing', () => {
    expect(runtimeSnapshot('Order_Sync', { ...STARTED, Status: 'ERROR' }, { version: '2.0.0' }).state).toBe(
      'in_progress',
    );
  });

  it('compares the version only when one was asked for', () => {
    expect(staleness(STARTED, {})).toBeUndefined();
    expect(staleness(STARTED, { version: '1.0.3' })).toBeUndefined();
    expect(staleness({ ...STARTED, Version: '' }, { version: '1.0.3' })).toContain('(none)');
  });
});
