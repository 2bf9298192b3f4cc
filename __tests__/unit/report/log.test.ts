import { describe, expect, it } from 'vitest';
import { heartbeatLine, notReadyAnnotations, targetLogGroup } from '../../../src/report/log.ts';
import { nlFlowFailed, opensearchReady, run, target } from './results.ts';

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
      'still waiting after 1m: 8 targets: 6 succeeded, 2 in_progress · 1 status read · about 40s left',
    );
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
});
