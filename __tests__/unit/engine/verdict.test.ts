import { describe, expect, it } from 'vitest';
import { TARGET_STATES, VERDICT_SEVERITY, type Snapshot, type Verdict } from '../../../src/core/types.ts';
import { snapshotFingerprint } from '../../../src/engine/stall.ts';
import { endsWait, isReady, worstVerdict } from '../../../src/engine/verdict.ts';
import { snapshot } from '../../support/scripted-session.ts';

describe('worstVerdict', () => {
  it('follows the order of the spec', () => {
    expect(VERDICT_SEVERITY).toEqual([
      'error',
      'failed',
      'not_found',
      'inactive',
      'timed_out',
      'cancelled',
      'unknown',
      'pending',
      'in_progress',
      'degraded',
      'succeeded',
    ]);
  });

  it.each<[Verdict[], Verdict]>([
    [['succeeded', 'succeeded'], 'succeeded'],
    [['succeeded', 'degraded', 'succeeded'], 'degraded'],
    [['in_progress', 'pending', 'succeeded'], 'pending'],
    [['pending', 'unknown'], 'unknown'],
    [['succeeded', 'cancelled', 'timed_out'], 'timed_out'],
    [['inactive', 'not_found'], 'not_found'],
    [['in_progress', 'failed', 'timed_out'], 'failed'],
    [['failed', 'succeeded', 'error'], 'error'],
  ])('of %j is %s', (verdicts, worst) => {
    expect(worstVerdict(verdicts)).toBe(worst);
  });

  it('is never a success without verdicts', () => {
    expect(worstVerdict([])).toBe('unknown');
  });
});

describe('isReady', () => {
  it('is true only for succeeded, and degraded when allowed', () => {
    for (const verdict of VERDICT_SEVERITY) {
      expect(isReady(verdict, false)).toBe(verdict === 'succeeded');
      expect(isReady(verdict, true)).toBe(verdict === 'succeeded' || verdict === 'degraded');
    }
  });
});

describe('endsWait', () => {
  it('ends on succeeded, failed and inactive; keeps waiting on the others', () => {
    const ending = TARGET_STATES.filter((state) => endsWait(snapshot(state, 'X'), false));
    expect(ending).toEqual(['succeeded', 'failed', 'inactive']);
  });

  it('ends on degraded when allowed or when the provider says it is final', () => {
    expect(endsWait(snapshot('degraded', 'YELLOW'), false)).toBe(false);
    expect(endsWait(snapshot('degraded', 'YELLOW'), true)).toBe(true);
    expect(endsWait(snapshot('degraded', 'completed', { final: true }), false)).toBe(true);
  });

  it('leaves not_found to the discovery window, even when marked final', () => {
    expect(endsWait(snapshot('not_found', '404', { final: true }), true)).toBe(false);
  });
});

describe('snapshotFingerprint', () => {
  const base: Snapshot = snapshot('in_progress', 'RUNNING', {
    progress: 40,
    components: [{ name: 'web', kind: 'service', state: 'in_progress', desired: 2, actual: 1 }],
  });
  const changed = (change: Partial<Snapshot>): boolean =>
    snapshotFingerprint({ ...base, ...change }) !== snapshotFingerprint(base);

  it('changes with state, provider word, message, progress and components', () => {
    expect(changed({ state: 'pending' })).toBe(true);
    expect(changed({ providerStatus: 'STARTING' })).toBe(true);
    expect(changed({ message: 'installing-postgresql (postgresql), 55%' })).toBe(true);
    expect(changed({ progress: 50 })).toBe(true);
    expect(
      changed({ components: [{ name: 'web', kind: 'service', state: 'in_progress', desired: 2, actual: 2 }] }),
    ).toBe(true);
    expect(changed({ components: [{ name: 'web', kind: 'service', state: 'succeeded', desired: 2, actual: 1 }] })).toBe(
      true,
    );
    expect(changed({ components: [] })).toBe(true);
  });

  it("changes with a component's word, desired count and message", () => {
    const web = base.components?.[0] ?? { name: 'web', kind: 'service', state: 'in_progress' as const };
    expect(changed({ components: [{ ...web, providerStatus: 'ORANGE' }] })).toBe(true);
    expect(changed({ components: [{ ...web, desired: 3 }] })).toBe(true);
    expect(changed({ components: [{ ...web, message: 'Unschedulable: 0/2 nodes are available' }] })).toBe(true);
  });

  it('ignores the logs: a deploy that only keeps logging can still be stuck', () => {
    expect(changed({ logs: [{ message: 'retrying the database connection' }] })).toBe(false);
  });
});
