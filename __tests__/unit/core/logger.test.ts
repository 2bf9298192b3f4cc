import { describe, expect, it } from 'vitest';
import { plainLogLine } from '../../../src/core/logger.ts';
import { withoutFormatCharacters } from '../../../src/core/text.ts';
import { withoutLegacyCommands } from '../../../src/edge/workflow-commands.ts';

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

describe('withoutLegacyCommands', () => {
  it('leaves no ##[ in a line, however many hashes lead it', () => {
    for (const text of ['##[error]x', 'a ##[add-mask]b', '###[x]', '####[x]', 'ok ## [x] #[y]']) {
      expect(withoutLegacyCommands(text)).not.toContain('##[');
    }
    expect(withoutLegacyCommands('a ##[error]b')).toBe('a # #[error]b');
    expect(withoutLegacyCommands('issue #12 and ## heading')).toBe('issue #12 and ## heading');
  });
});

describe('withoutFormatCharacters', () => {
  it('removes bidi overrides, isolates and zero-width characters, and keeps the rest', () => {
    expect(withoutFormatCharacters('a\u202eb\u2066c\u2069d\u200be\ufefff\u00adg')).toBe('abcdefg');
    expect(withoutFormatCharacters('Deploy ✅ ready — 100%')).toBe('Deploy ✅ ready — 100%');
  });
});
