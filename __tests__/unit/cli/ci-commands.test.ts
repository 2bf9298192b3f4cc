import { describe, expect, it } from 'vitest';
import { jsonWithoutCiCommands, withoutCiCommands } from '../../../src/cli/ci-commands.ts';

const forged =
  'Deploy log: ##vso[task.setvariable variable=ready]true ##[error]boom ##VSO[task.complete result=Succeeded]';

describe('CI commands in provider text', () => {
  it('are broken up in log lines', () => {
    const line = withoutCiCommands(forged);
    expect(line).not.toMatch(/##(vso)?\[/i);
    expect(line).toBe(
      'Deploy log: # #vso[task.setvariable variable=ready]true # #[error]boom # #VSO[task.complete result=Succeeded]',
    );
    expect(withoutCiCommands('## Details, #[1], ##vso no bracket')).toBe('## Details, #[1], ##vso no bracket');
  });

  it('are escaped in JSON, which still parses to the same text', () => {
    const document = { message: forged, path: 'C:\\##[x]', nested: [{ text: '\\##vso[' }] };
    const json = jsonWithoutCiCommands(JSON.stringify(document));
    expect(json).not.toMatch(/##(vso)?\[/i);
    expect(JSON.parse(json)).toEqual(document);
  });
});
