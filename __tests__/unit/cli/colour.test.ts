import { describe, expect, it } from 'vitest';
import { colourWanted, logLine } from '../../../src/cli/colour.ts';

describe('colours', () => {
  it('are used on a terminal only, and never with NO_COLOR or a dumb terminal', () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
    expect(colourWanted(undefined, {})).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(true, { TERM: 'dumb' })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count
    expect(colourWanted(true, { NO_COLOR: '' })).toBe(true);
  });

  it('mark warnings and errors, in colour only when asked', () => {
    expect(logLine('warning', 'slow answer', false)).toBe('warning: slow answer');
    expect(logLine('error', 'wf-1 failed', false)).toBe('error: wf-1 failed');
    expect(logLine('failure', 'failed: x', false)).toBe('await-deploy: failed: x');
    expect(logLine('failure', 'failed: x', true)).toBe('\u001b[31mawait-deploy: failed: x\u001b[0m');
    expect(logLine('info', 'wf-1: succeeded', true)).toBe('wf-1: succeeded');
    expect(logLine('warning', 'slow answer', true)).toBe('\u001b[33mwarning: slow answer\u001b[0m');
  });
});
