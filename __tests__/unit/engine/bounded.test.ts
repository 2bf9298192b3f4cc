import { describe, expect, it } from 'vitest';
import { boundedSnapshot, MAX_PROVIDER_STATUS } from '../../../src/engine/bounded.ts';
import { readableFailure } from '../../../src/engine/describe.ts';

describe('boundedSnapshot', () => {
  it('cuts the provider word and every text, marking the cut, and drops invisible format characters', () => {
    const huge = 'X'.repeat(100_000);
    const snapshot = boundedSnapshot({
      state: 'unknown',
      providerStatus: huge,
      message: huge,
      components: [{ name: huge, kind: 'resource', state: 'succeeded', details: { id: huge } }],
      logs: [{ message: `a\u202eb${huge}` }],
    });
    expect(snapshot.providerStatus).toHaveLength(MAX_PROVIDER_STATUS);
    expect(snapshot.providerStatus.endsWith('…')).toBe(true);
    expect(snapshot.message.length).toBeLessThanOrEqual(1_000);
    expect(snapshot.components?.[0]?.name.length).toBeLessThanOrEqual(500);
    expect(snapshot.components?.[0]?.details?.id?.length).toBeLessThanOrEqual(500);
    expect(snapshot.logs?.[0]?.message.startsWith('abX')).toBe(true);
  });

  it('leaves ordinary snapshots as they are', () => {
    const snapshot = {
      state: 'succeeded' as const,
      providerStatus: 'COMPLETED',
      message: 'provisioned',
      progress: 100,
    };
    expect(boundedSnapshot(snapshot)).toEqual(snapshot);
  });
});

describe('readableFailure', () => {
  it('says "unreadable answer" for a stack overflow, never the engine’s own words', () => {
    let overflow: unknown;
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try {
      recurse(0);
    } catch (error) {
      overflow = error;
    }
    expect(readableFailure(overflow)).toBe('unreadable answer: nested too deeply to read');
    expect(readableFailure(new Error('request failed'))).toBe('request failed');
  });
});
