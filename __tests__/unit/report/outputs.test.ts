import { describe, expect, it } from 'vitest';
import { OUTPUT } from '../../../src/config/inputs.ts';
import { VERDICT_SEVERITY, type Verdict } from '../../../src/core/types.ts';
import { MAX_RESULT_JSON_BYTES, buildOutputs, progressOutput, seconds } from '../../../src/report/outputs.ts';
import { fiftyTargets, inputError, nlFlowFailed, opensearchReady, run, sapCancelled, target } from './results.ts';

describe('buildOutputs', () => {
  it('has every output of the spec, and nothing else', () => {
    expect(Object.keys(buildOutputs(opensearchReady())).sort()).toEqual(Object.values(OUTPUT).sort());
  });

  it('ready run', () => {
    const outputs = buildOutputs(opensearchReady());
    expect(outputs).toMatchObject({
      status: 'succeeded',
      ready: 'true',
      'provider-status': 'COMPLETED',
      message: 'provisioning completed',
      progress: '100',
      'task-id': '',
      attempts: '4',
      duration: '42.3',
    });
    const result = JSON.parse(outputs.result);
    expect(result).toMatchObject({
      status: 'succeeded',
      ready: true,
      decidingTarget: 'wf-1',
      targets: [
        {
          id: 'wf-1',
          status: 'succeeded',
          providerStatus: 'COMPLETED',
          message: 'provisioning completed',
          progress: 100,
          components: [
            { name: 'create_connector', kind: 'connector_id', state: 'succeeded' },
            { name: 'register_remote_model' },
          ],
          logs: [],
        },
      ],
    });
  });

  it.each(VERDICT_SEVERITY)('verdict %s: status, ready and the deciding target', (verdict: Verdict) => {
    const outputs = buildOutputs(
      run([
        target('a', 'succeeded', { providerStatus: 'OK', message: 'a is fine' }),
        target('b', verdict, { providerStatus: `WORD_${verdict}`, message: `b is ${verdict}` }),
      ]),
    );
    expect(outputs.status).toBe(verdict);
    expect(outputs.ready).toBe(verdict === 'succeeded' ? 'true' : 'false');
    expect(outputs['provider-status']).toBe(verdict === 'succeeded' ? 'OK' : `WORD_${verdict}`);
    expect(outputs.message).toBe(verdict === 'succeeded' ? 'a: a is fine' : `b: b is ${verdict}`);
    expect(JSON.parse(outputs.result).targets.map((t: { status: string }) => t.status)).toEqual(['succeeded', verdict]);
  });

  it('degraded is ready only when allowed', () => {
    const degraded = [target('a', 'degraded', { providerStatus: 'PUBLISHED/YELLOW/SYNC' })];
    expect(buildOutputs(run(degraded, false)).ready).toBe('false');
    expect(buildOutputs(run(degraded, true))).toMatchObject({ status: 'degraded', ready: 'true' });
  });

  it('failed run keeps the logs and components in result', () => {
    const outputs = buildOutputs(nlFlowFailed());
    expect(outputs).toMatchObject({
      status: 'failed',
      ready: 'false',
      progress: '60',
      attempts: '9',
      duration: '71.0',
    });
    const [only] = JSON.parse(outputs.result).targets;
    expect(only.components).toHaveLength(3);
    expect(only.components[2]).toMatchObject({
      name: 'classifier',
      state: 'failed',
      providerStatus: 'RED',
      desired: 2,
      actual: 0,
    });
    expect(Object.keys(only.components[0])).toEqual(['name', 'kind', 'state', 'providerStatus', 'desired', 'actual']);
    expect(only.logs.at(-1)).toEqual({
      time: '2025-03-14T09:28:02Z',
      level: 'error',
      message: 'classifier-0: Unschedulable: 0/2 nodes are available: 2 Insufficient memory.',
    });
  });

  it('cancelled SAP deploy: the task id', () => {
    expect(buildOutputs(sapCancelled())).toMatchObject({
      status: 'cancelled',
      ready: 'false',
      'task-id': '8b1c0a3e-5f2d-4c1a-9e77-0d3f2a6b9c10',
      progress: '',
    });
  });

  it('input error: empty per-target outputs, a valid result document', () => {
    const outputs = buildOutputs(inputError());
    expect(outputs).toMatchObject({
      status: 'error',
      ready: 'false',
      'provider-status': '',
      progress: '',
      'task-id': '',
      attempts: '0',
      duration: '0.0',
    });
    expect(JSON.parse(outputs.result)).toMatchObject({
      status: 'error',
      ready: false,
      targets: [],
      decidingTarget: null,
    });
  });

  it('joins task ids of several targets with commas', () => {
    const outputs = buildOutputs(
      run([
        target('a', 'succeeded', { taskId: 't-1' }),
        target('b', 'succeeded'),
        target('c', 'succeeded', { taskId: 't-3' }),
      ]),
    );
    expect(outputs['task-id']).toBe('t-1,t-3');
  });

  it('keeps the message on one line', () => {
    expect(buildOutputs(run([target('a', 'failed', { message: 'line one\nline two\r\n\tend' })])).message).toBe(
      'line one line two end',
    );
  });
});

describe('progressOutput', () => {
  it('is the lowest progress of the targets that report one', () => {
    const targets = [
      target('a', 'succeeded', { snapshot: { progress: 100 } }),
      target('b', 'in_progress', { snapshot: { progress: 37.6 } }),
      target('c', 'in_progress', { snapshot: {} }),
    ];
    expect(progressOutput(targets)).toBe('38');
    expect(progressOutput([targets[2]!])).toBe('');
    expect(progressOutput([])).toBe('');
  });
});

describe('seconds', () => {
  it('has one decimal', () => {
    expect(seconds(42_349)).toBe('42.3');
    expect(seconds(0)).toBe('0.0');
    expect(seconds(-5)).toBe('0.0');
  });
});

describe('result JSON size', () => {
  it('stays bounded with many targets, long texts and long lists, and says what it left out', () => {
    const long = 'y'.repeat(5_000);
    const targets = Array.from({ length: 400 }, (_, index) =>
      target(`target-${index}`, index === 399 ? 'failed' : 'succeeded', {
        message: long,
        snapshot: {
          message: long,
          components: Array.from({ length: 200 }, (_, c) => ({
            name: `c${c}-${long}`,
            kind: 'service',
            state: 'succeeded' as const,
          })),
          logs: Array.from({ length: 200 }, () => ({ message: long })),
        },
      }),
    );
    const json = buildOutputs(run(targets)).result;
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_RESULT_JSON_BYTES);
    const result = JSON.parse(json);
    expect(result.status).toBe('failed');
    expect(result.omittedTargets).toBeGreaterThan(0);
    expect(result.targets.length + result.omittedTargets).toBe(400);
    // the failed target is never the one left out
    expect(result.targets[0]).toMatchObject({
      id: 'target-399',
      status: 'failed',
      components: [],
      omittedComponents: 200,
    });
  });

  it('drops detail before dropping targets', () => {
    const result = JSON.parse(buildOutputs(fiftyTargets()).result);
    expect(result.targets).toHaveLength(50);
    expect(result.omittedTargets).toBeUndefined();
    expect(result.targets.map((t: { id: string }) => t.id)).toEqual(fiftyTargets().targets.map((t) => t.id));
  });
});
