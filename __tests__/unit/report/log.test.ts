import { describe, expect, it } from 'vitest';
import { MAX_TARGET_ANNOTATIONS, heartbeatLine, notReadyAnnotations, targetLogGroup } from '../../../src/report/log.ts';
import { fiftyTargets, nlFlowFailed, opensearchReady, run, target } from './results.ts';

describe('heartbeatLine', () => {
  it('names each target with its state, provider word and progress', () => {
    expect(
      heartbeatLine({
        elapsedMs: 125_000,
        reads: 14,
        targets: [
          { id: 'Order_Sync', state: 'in_progress', providerStatus: 'DEPLOYING', progress: 40 },
          { id: 'Billing_Sync', state: undefined, providerStatus: '' },
        ],
      }),
    ).toBe(
      'still waiting after 2m5s: Order_Sync in_progress (DEPLOYING) 40%, Billing_Sync not read yet · 14 status reads',
    );
  });

  it('counts many targets by state, and shows an estimate when one is given', () => {
    const targets = Array.from({ length: 8 }, (_, index) => ({
      id: `t${index}`,
      state: index < 6 ? ('succeeded' as const) : ('in_progress' as const),
      providerStatus: '',
    }));
    expect(heartbeatLine({ elapsedMs: 60_000, reads: 1, targets, estimateMs: 40_000 })).toBe(
      'still waiting after 1m: 8 targets: 6 succeeded, 2 in_progress · 1 status read · about 40 s left',
    );
  });

  it('rounds the estimate as the summary does: an estimate is no measurement', () => {
    const targets = [{ id: 'a', state: 'in_progress' as const, providerStatus: 'PROVISIONING', progress: 42 }];
    expect(heartbeatLine({ elapsedMs: 60_000, reads: 9, targets, estimateMs: 37_300 })).toBe(
      'still waiting after 1m: a in_progress (PROVISIONING) 42% · 9 status reads · about 35 s left',
    );
    expect(heartbeatLine({ elapsedMs: 60_000, reads: 9, targets, estimateMs: 150_000 })).toMatch(/about 3 min left$/);
  });
});

describe('targetLogGroup', () => {
  it('titles the group with the verdict and holds message, components and log lines', () => {
    const group = targetLogGroup(nlFlowFailed().targets[0]!);
    expect(group.title).toMatch(/^support-triage: failed \(PUBLISHED\/RED\/SYNC\) · \d+ status reads · /);
    expect(group.lines[0]).toBe(nlFlowFailed().targets[0]!.message);
    expect(group.lines).toContain(
      'service classifier: failed (RED) 0/2 — Unschedulable: 0/2 nodes are available: 2 Insufficient memory.',
    );
    expect(group.lines.some((line) => line.startsWith('2025-03-14T09:28:02Z ERROR classifier-0'))).toBe(true);
  });
});

describe('notReadyAnnotations', () => {
  it('one per target that is not ready, titled with its id; a ready run has none', () => {
    const mixed = run([
      target('a', 'succeeded'),
      target('b', 'failed', { snapshot: { message: 'b broke', logs: [{ level: 'error', message: 'why b broke' }] } }),
      target('c', 'timed_out', { message: 'timed out after 10m' }),
      target('d', 'degraded', { snapshot: { message: 'one replica' } }),
    ]);
    expect(notReadyAnnotations(mixed, false)).toEqual([
      { title: 'b: failed', message: 'b broke', details: ['ERROR why b broke'] },
      { title: 'c: timed_out', message: 'timed out after 10m', details: [] },
      { title: 'd: degraded', message: 'one replica', details: [] },
    ]);
    expect(notReadyAnnotations(mixed, true).map((annotation) => annotation.title)).toEqual([
      'b: failed',
      'c: timed_out',
    ]);
    expect(notReadyAnnotations(opensearchReady(), false)).toEqual([]);
  });

  it(`stays within GitHub's 10 error annotations per step: ${MAX_TARGET_ANNOTATIONS - 1} targets, then one naming the rest`, () => {
    const many = run(
      Array.from({ length: 20 }, (_, index) => target(`t${index}`, 'failed', { message: `t${index} broke` })),
    );
    const annotations = notReadyAnnotations(many, false);
    expect(annotations).toHaveLength(MAX_TARGET_ANNOTATIONS);
    expect(annotations.at(-2)?.title).toBe('t7: failed');
    expect(annotations.at(-1)).toEqual({
      title: '12 more targets not ready',
      message: Array.from({ length: 12 }, (_, index) => `t${index + 8} (failed)`).join(', '),
      details: [],
    });
    expect(notReadyAnnotations(fiftyTargets(), false).map((annotation) => annotation.title)).toEqual([
      'wf-18: failed',
      'wf-34: timed_out',
      'wf-42: degraded',
    ]);
  });
});
