import { describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCode } from '../../../src/cli/exit-code.ts';
import type { Verdict } from '../../../src/core/types.ts';
import { failureResult } from '../../../src/run-info.ts';

const outcome = (verdict: Verdict, failed: boolean, inputError = false) => ({
  result: { ...failureResult(new Error('x'), new Date(), false), verdict, ready: verdict === 'succeeded' },
  inputError,
  failed,
});

describe('exitCode', () => {
  it.each([
    ['succeeded', false, 0],
    ['degraded', false, 0],
    ['failed', true, 1],
    ['not_found', true, 1],
    ['inactive', true, 1],
    ['degraded', true, 1],
    ['unknown', true, 1],
    ['error', true, 3],
    ['timed_out', true, 4],
  ] as const)('%s (failed: %s) → %i', (verdict, failed, code) => {
    expect(exitCode(outcome(verdict, failed))).toBe(code);
  });

  it('is 2 for bad input, whatever fail-on-not-ready says', () => {
    expect(exitCode(outcome('error', true, true))).toBe(2);
    expect(exitCode(outcome('error', false, true))).toBe(2);
  });

  it('is 0 for any verdict with fail-on-not-ready: false, as the step passes in a workflow', () => {
    expect(exitCode(outcome('timed_out', false))).toBe(0);
    expect(exitCode(outcome('error', false))).toBe(0);
  });

  it('is 130 after SIGINT and 143 after SIGTERM, whatever the verdict', () => {
    expect(exitCode(outcome('cancelled', true), 'SIGINT')).toBe(130);
    expect(exitCode(outcome('succeeded', false), 'SIGTERM')).toBe(143);
    expect(exitCode(outcome('error', true, true), 'SIGINT')).toBe(130);
  });

  it('documents every code it returns', () => {
    expect(EXIT_CODES.map(([code]) => code)).toEqual([0, 1, 2, 3, 4, 130, 143]);
  });
});
