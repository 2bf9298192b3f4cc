import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../src/http/types.ts';
import {
  flowFrameworkError,
  provisionRefusal,
  stateIndexUnavailable,
} from '../../../src/providers/opensearch/answers.ts';
import { explainSnapshot } from '../../../src/providers/opensearch/notes.ts';

const recorded = (name: string): string =>
  readFileSync(new URL(`../../fixtures/opensearch/${name}`, import.meta.url), 'utf8');

const answer = (status: number, body: string): HttpResponse => ({
  status,
  body,
  headers: { 'content-type': 'application/json' },
  setCookies: [],
  url: 'https://search.example/_plugins/_flow_framework/workflow/wf-1/_provision',
  contentType: 'application/json',
});

describe('Flow Framework refusals of _provision', () => {
  it('tells an earlier failed run, an unreadable state and a done workflow apart', () => {
    expect(provisionRefusal(answer(400, recorded('provision-refused-failed.json')))).toBe('failed');
    expect(provisionRefusal(answer(400, recorded('provision-refused-unknown.json')))).toBe('unknown');
    expect(provisionRefusal(answer(400, recorded('provision-refused-done.json')))).toBe('done');
    expect(provisionRefusal(answer(400, recorded('provision-refused-2.12.json')))).toBe('done');
    const older = readFileSync(
      new URL('../../fixtures/opensearch-flow-framework/already-provisioned.json', import.meta.url),
      'utf8',
    );
    expect(provisionRefusal(answer(400, older))).toBe('done');
  });

  it('leaves any other 400, and other statuses, to the usual rules', () => {
    expect(provisionRefusal(answer(400, '{"error":"workflow_id cannot be null"}'))).toBeUndefined();
    expect(provisionRefusal(answer(403, recorded('provision-refused-failed.json')))).toBeUndefined();
  });
});

describe('Flow Framework status answers', () => {
  it('a 404 "Failed to get workflow status of" is transient, "Fail to find" is not this', () => {
    const error = stateIndexUnavailable(answer(404, recorded('status-index-unavailable.json')), 'status of workflow x');
    expect(error).toMatchObject({ kind: 'transient', status: 404 });
    expect(error?.message).toContain('state index');
    const missing = readFileSync(
      new URL('../../fixtures/opensearch-flow-framework/not-found.json', import.meta.url),
      'utf8',
    );
    expect(stateIndexUnavailable(answer(404, missing), 'x')).toBeUndefined();
  });

  it('a 403 for the disabled API names the setting, one for the tenant header names the header', () => {
    const disabled = flowFrameworkError(answer(403, recorded('api-disabled.json')), 'reading');
    expect(disabled).toMatchObject({ kind: 'permanent', status: 403 });
    expect(disabled.message).toContain('set plugins.flow_framework.enabled to true');
    expect(disabled.message).not.toContain('check the credentials');
    const tenant = flowFrameworkError(answer(403, recorded('tenant-missing.json')), 'reading');
    expect(tenant.message).toContain('x-tenant-id');
    expect(tenant.message).not.toContain('check the credentials');
    const plain = flowFrameworkError(answer(403, '{"error":"no permissions"}'), 'reading');
    expect(plain.message).toContain('check the credentials');
  });
});

describe('what this run learned about a workflow', () => {
  const failed = { state: 'failed' as const, providerStatus: 'FAILED', message: 'provisioning failed: boom' };
  const completed = {
    state: 'succeeded' as const,
    providerStatus: 'COMPLETED',
    message: 'provisioned, 2 resources created',
  };

  it('adds the deprovision hint to a workflow that failed in an earlier run', () => {
    const explained = explainSnapshot('wf-1', failed, { provisionRequests: 1, failedEarlier: true });
    expect(explained.state).toBe('failed');
    expect(explained.message).toContain('boom');
    expect(explained.message).toContain('POST _plugins/_flow_framework/workflow/wf-1/_deprovision');
  });

  it('an unchanged template: COMPLETED succeeds, FAILED stays failed with what to do', () => {
    const unchanged = { provisionRequests: 0, update: { outcome: 'unchanged' as const } };
    expect(explainSnapshot('wf-1', completed, unchanged)).toMatchObject({
      state: 'succeeded',
      message: 'unchanged (the template has no modifications): provisioned, 2 resources created',
    });
    const stillFailed = explainSnapshot('wf-1', failed, unchanged);
    expect(stillFailed.state).toBe('failed');
    expect(stillFailed.message).toMatch(/change the template, or deprovision/);
  });

  it('a refused update is failed with the plugin text, whatever the old status says', () => {
    const refused = {
      provisionRequests: 0,
      update: { outcome: 'refused' as const, text: 'Workflow Step x does not support updates when reprovisioning.' },
    };
    expect(explainSnapshot('wf-1', completed, refused)).toMatchObject({
      state: 'failed',
      providerStatus: 'COMPLETED',
      message: 'the cluster refused the template update: Workflow Step x does not support updates when reprovisioning.',
    });
  });
});
