import { describe, expect, it } from 'vitest';
import { plainLogLine } from '../../../src/core/logger.ts';

describe('plainLogLine', () => {
  it('keeps provider text on one line, so it cannot start a workflow command', () => {
    expect(plainLogLine('Order_Sync: started, deployed by ci\n::notice title=forged::hello')).toBe(
      'Order_Sync: started, deployed by ci ⏎ ::notice title=forged::hello',
    );
    expect(plainLogLine('a\r\nb\rc')).toBe('a ⏎ b ⏎ c');
  });

  it('defuses a line that starts with a command', () => {
    expect(plainLogLine('::add-mask::nothing')).toBe(': :add-mask::nothing');
    expect(plainLogLine('  ::error::x')).toBe('  : :error::x');
  });

  it('leaves ordinary lines as they are', () => {
    expect(plainLogLine('deploy: in_progress (running) 55%')).toBe('deploy: in_progress (running) 55%');
  });
});
