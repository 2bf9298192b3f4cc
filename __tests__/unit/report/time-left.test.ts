import { describe, expect, it } from 'vitest';
import { targetTable } from '../../../src/report/sections.ts';
import { timeLeft } from '../../../src/report/time-left.ts';
import { run, target } from './results.ts';

describe('time left', () => {
  it('rounds an estimate as coarsely as it deserves', () => {
    expect(timeLeft(300)).toBe('about 1 s left');
    expect(timeLeft(7400)).toBe('about 7 s left');
    expect(timeLeft(41_000)).toBe('about 40 s left');
    expect(timeLeft(58_000)).toBe('about 1 min left');
    expect(timeLeft(150_000)).toBe('about 3 min left');
    expect(timeLeft(3_600_000 + 20 * 60_000)).toBe('about 1 h 20 min left');
    expect(timeLeft(2 * 3_600_000)).toBe('about 2 h left');
  });

  it('is empty without an estimate', () => {
    expect(timeLeft(undefined)).toBe('');
    expect(timeLeft(Number.NaN)).toBe('');
    expect(timeLeft(-1)).toBe('');
  });

  it('stands next to the progress in the summary of a target still under way', () => {
    const underWay = target('wf-1', 'timed_out', {
      snapshot: { providerStatus: 'PROVISIONING', message: 'timed out after 1m', progress: 60 },
      estimatedRemainingMs: 41_000,
    });
    expect(targetTable(run([underWay]))).toContain(' | ▰▰▰▰▰▰▱▱▱▱ 60% · about 40 s left | ');
    const done = target('wf-2', 'succeeded', { snapshot: { providerStatus: 'COMPLETED', progress: 100 } });
    expect(targetTable(run([done]))).toContain(' | ▰▰▰▰▰▰▰▰▰▰ 100% | ');
  });
});
