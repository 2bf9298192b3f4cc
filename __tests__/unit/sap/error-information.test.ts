import { describe, expect, it } from 'vitest';
import { errorDetailsFrom, fillParameters } from '../../../src/providers/sap/error-information.ts';
import { fixture, recorded } from './support.ts';

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
  it('puts every message into the summary when it fits, the innermost cause first, and each one into the logs', () => {
    const details = errorDetailsFrom(fixture('error-information.json'));
    expect(details?.summary).toBe(
      "startup failed: script1.groovy: 42: unexpected token: } — Failed to deploy integration flow Order_Sync: a script step does not compile — Script mapOrder.groovy does not compile: unexpected token '}' at line 42",
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

  it('reads the diagnostic from the parameter beside an empty message (recorded GenerationFailed)', () => {
    const details = errorDetailsFrom(recorded('error-information-generation-failed.json'));
    expect(details?.logs.map((line) => line.message)).toEqual([
      'The generation and build of the artifact were unsuccessful. Please address the issues outlined below and redeploy the artifact.',
      'Generation and build failed for TEST_DEPLOY_STATUS_BROKEN as validation of resource is failed',
      "Script file 'script1.groovy' not found",
    ]);
    expect(details?.summary).toContain("Script file 'script1.groovy' not found");
    expect(details?.summary).not.toBe('GenerationFailed');
  });

  it('flattens a parameter that is a JSON string of a nested tree, each cause once', () => {
    const details = errorDetailsFrom(recorded('error-information-nested-string.json'));
    expect(details?.logs.map((line) => line.message)).toEqual([
      'SimpleIllegalSyntaxException: expected symbol functionEnd but was eol at location 43',
      'SimpleParserException: expected symbol functionEnd but was eol',
    ]);
    expect(details?.summary).not.toContain('childMessageInstances');
  });

  it('splits a nested tree the tenant cut off into lines, without caret lines', () => {
    const details = errorDetailsFrom(recorded('error-information-truncated.json'));
    const lines = details?.logs.map((line) => line.message) ?? [];
    expect(lines.some((line) => line.includes('expected symbol functionEnd but was eol at location 43'))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((line) => line.replace(/[\s*^]/g, '') === '')).toEqual([]);
  });

  it('reads parameters inside message and follows childInstances to the cause', () => {
    const details = errorDetailsFrom(recorded('error-information-child-instances.json'));
    expect(details?.logs.map((line) => line.message)).toEqual([
      'Deployment of the artifact failed',
      'Order_API_TEST_HARNESS',
      'Bundle could not be resolved',
      'Script resource not found',
      'missing_script.groovy',
      'src/main/resources/script',
    ]);
  });

  it('fills a child’s placeholders from the parameters beside its own message', () => {
    const body = JSON.stringify({
      message: { messageId: 'DEPLOY', messageText: 'Deploy of {0} failed' },
      parameter: ['Order_Sync'],
      childInstances: [{ message: { messageText: 'Script {0} line {1}' }, parameter: ['a.groovy', 7] }],
    });
    expect(errorDetailsFrom(body)?.logs.map((line) => line.message)).toEqual([
      'Deploy of Order_Sync failed',
      'Script a.groovy line 7',
    ]);
  });

  it('is undefined for a tree that says nothing', () => {
    expect(errorDetailsFrom(recorded('error-information-empty.json'))).toBeUndefined();
    expect(errorDetailsFrom('null')).toBeUndefined();
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
