import { describe, expect, it } from 'vitest';
import { errorDetailsFrom, fillParameters } from '../../../src/providers/sap/error-information.ts';
import { fixture } from './support.ts';

describe('fillParameters', () => {
  it('fills {0}, {1}… from the parameter list', () => {
    expect(fillParameters('Failed to compile {0} at line {1}: {0}', ['a.groovy', 42])).toBe(
      'Failed to compile a.groovy at line 42: a.groovy',
    );
  });

  it('leaves placeholders without a parameter as they are', () => {
    expect(fillParameters('{0} and {3}', ['x', null])).toBe('x and {3}');
    expect(fillParameters('{1}', ['x', null])).toBe('{1}');
  });

  it('does not fill placeholders that arrive inside a parameter', () => {
    expect(fillParameters('value {0}', ['{1}', 'no'])).toBe('value {1}');
  });
});

describe('errorDetailsFrom', () => {
  it('puts the message and its first child into the summary and every message into the logs', () => {
    const details = errorDetailsFrom(fixture('error-information.json'));
    expect(details?.summary).toBe(
      "Failed to deploy integration flow Order_Sync: a script step does not compile — Script mapOrder.groovy does not compile: unexpected token '}' at line 42",
    );
    expect(details?.logs).toEqual([
      { level: 'ERROR', message: 'Failed to deploy integration flow Order_Sync: a script step does not compile' },
      { level: 'ERROR', message: "Script mapOrder.groovy does not compile: unexpected token '}' at line 42" },
      { level: 'ERROR', message: 'startup failed: script1.groovy: 42: unexpected token: }' },
    ]);
  });

  it('reads the older field names (subsytemName, childMessageInstances)', () => {
    const details = errorDetailsFrom(fixture('error-information-legacy.json'));
    expect(details?.logs.map((line) => line.message)).toEqual([
      "Error while loading the details of the integration flow: Unresolved property 'receiver_address' in adapter HTTP_1",
      'Address {{receiver_address}} is not a valid URL',
    ]);
  });

  it('takes the messageId when there is no text', () => {
    expect(errorDetailsFrom('{"message":{"messageId":"LICENSE_CHECK_FAILED"}}')?.summary).toBe('LICENSE_CHECK_FAILED');
  });

  it('takes plain text as it is', () => {
    expect(errorDetailsFrom('  Deployment failed:\n bundle invalid ')).toEqual({
      summary: 'Deployment failed: bundle invalid',
      logs: [{ level: 'ERROR', message: 'Deployment failed: bundle invalid' }],
    });
  });

  it('is undefined for a blank body', () => {
    expect(errorDetailsFrom(' \n')).toBeUndefined();
  });

  it('stays bounded for a deep or wide tree', () => {
    const wide = {
      message: { messageText: 'root' },
      childInstances: Array.from({ length: 100 }, (_, i) => ({ message: { messageText: `child ${i}` } })),
    };
    expect(errorDetailsFrom(JSON.stringify(wide))?.logs).toHaveLength(20);
    let deep: Record<string, unknown> = { message: { messageText: 'leaf' } };
    for (let i = 0; i < 50; i++) deep = { message: { messageText: `level ${i}` }, childInstances: [deep] };
    expect(errorDetailsFrom(JSON.stringify(deep))?.logs.length).toBeLessThanOrEqual(20);
  });
});
