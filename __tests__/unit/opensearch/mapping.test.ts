import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonErrorText } from '../../../src/http/status.ts';
import { OPENSEARCH_STATES, snapshotFromStatus } from '../../../src/providers/opensearch.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/opensearch-flow-framework/${name}`, import.meta.url), 'utf8');
const status = (name: string) => snapshotFromStatus(JSON.parse(fixture(name)));

describe('OpenSearch status mapping', () => {
  it('is the table of the spec', () => {
    expect(OPENSEARCH_STATES).toEqual({
      NOT_STARTED: 'pending',
      PROVISIONING: 'in_progress',
      COMPLETED: 'succeeded',
      FAILED: 'failed',
    });
  });

  it('compares the state word case-insensitively, ignoring surrounding spaces, and knows nothing else', () => {
    expect(snapshotFromStatus({ workflow_id: 'w', state: ' completed ' }).state).toBe('succeeded');
    expect(snapshotFromStatus({ workflow_id: 'w', state: 'constructor' }).state).toBe('unknown');
  });

  it('NOT_STARTED is pending, with no resources', () => {
    expect(status('not-started.json')).toMatchObject({
      state: 'pending',
      providerStatus: 'NOT_STARTED',
      message: 'workflow created, provisioning not started',
      components: [],
    });
  });

  it('PROVISIONING is in progress, with the resources created so far', () => {
    const snapshot = status('provisioning.json');
    expect(snapshot).toMatchObject({
      state: 'in_progress',
      providerStatus: 'PROVISIONING',
      message: 'provisioning, 1 resource created',
    });
    expect(snapshot.startedAt).toBe('2024-11-12T08:26:40.000Z');
    expect(snapshot.progress).toBeUndefined();
    expect(snapshot.components).toEqual([
      {
        name: 'create_connector',
        kind: 'resource',
        state: 'succeeded',
        details: {
          resource_type: 'connector_id',
          resource_id: 'NdjCQYwBLmvn802B0IwE',
          workflow_step_id: 'create_connector_1',
        },
      },
    ]);
  });

  it('COMPLETED is succeeded with progress 100 and both times', () => {
    expect(status('completed.json')).toMatchObject({
      state: 'succeeded',
      progress: 100,
      message: 'provisioned, 2 resources created',
      startedAt: '2024-11-12T08:26:40.000Z',
      completedAt: '2024-11-12T08:27:22.000Z',
    });
  });

  it('FAILED is failed, with the error text as message and log', () => {
    const snapshot = status('failed.json');
    expect(snapshot.state).toBe('failed');
    expect(snapshot.message).toBe(
      'provisioning failed: org.opensearch.flowframework.exception.WorkflowStepException during step create_connector, restStatus: BAD_REQUEST',
    );
    expect(snapshot.logs?.[0]?.level).toBe('ERROR');
  });

  it('compares words case-insensitively', () => {
    expect(snapshotFromStatus({ state: 'completed' }).state).toBe('succeeded');
  });

  it.each([{ state: 'WARMING_UP' }, { state: '' }, {}, { state: 42 }, { state: 'COMPLETED_PARTIALLY' }])(
    'never counts %j as success',
    (body) => {
      expect(snapshotFromStatus(body).state).toBe('unknown');
    },
  );

  it('refuses a body that is not an object', () => {
    expect(() => snapshotFromStatus([] as never)).toThrow(/unreadable workflow status/);
  });
});

describe('OpenSearch error bodies', () => {
  it('reads {"error":"text"}', () =>
    expect(jsonErrorText(fixture('not-found.json'))).toBe('Fail to find workflow status of 8xL8bowB8y25Tqfenm50'));
  it('reads {"error":{"reason":…},"status":N}', () =>
    expect(jsonErrorText(fixture('forbidden.json'))).toMatch(/^no permissions for \[cluster:admin/));
  it('gives nothing for other bodies', () => {
    expect(jsonErrorText('')).toBeUndefined();
    expect(jsonErrorText('<html></html>')).toBeUndefined();
    expect(jsonErrorText('{"status":404}')).toBeUndefined();
  });
});
