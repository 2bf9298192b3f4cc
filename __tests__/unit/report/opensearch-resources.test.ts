import { describe, expect, it } from 'vitest';
import type { Component } from '../../../src/core/types.ts';
import { buildOutputs } from '../../../src/report/outputs.ts';
import { resourcesOutput, resourcesSection } from '../../../src/report/opensearch-resources.ts';
import { run, target } from './results.ts';

const resource = (step: string, type: string, id: string): Component => ({
  name: step,
  kind: 'resource',
  state: 'succeeded',
  details: { workflow_step_id: step, resource_type: type, resource_id: id },
});

const workflow = (id: string, components: Component[]) =>
  target(id, 'succeeded', { snapshot: { providerStatus: 'COMPLETED', components } });

describe('OpenSearch outputs and the resources section', () => {
  it('one workflow: step id → resource id, and the workflow id', () => {
    const result = run([
      workflow('wf-1', [resource('create_connector', 'connector_id', 'c-1'), resource('model', 'model_id', 'm-1')]),
    ]);
    const outputs = buildOutputs(result, 'opensearch-flow-framework');
    expect(outputs['workflow-id']).toBe('wf-1');
    expect(JSON.parse(outputs.resources)).toEqual({ create_connector: 'c-1', model: 'm-1' });
  });

  it('several workflows: <workflow id>/<step id> keys, ids comma-separated', () => {
    const result = run([
      workflow('wf-1', [resource('model', 'model_id', 'm-1')]),
      workflow('wf-2', [resource('model', 'model_id', 'm-2')]),
    ]);
    expect(buildOutputs(result, 'opensearch-flow-framework')['workflow-id']).toBe('wf-1,wf-2');
    expect(JSON.parse(resourcesOutput(result))).toEqual({ 'wf-1/model': 'm-1', 'wf-2/model': 'm-2' });
    expect(resourcesSection(result)).toContain('| Workflow | Step | Type | Resource |');
  });

  it('another provider: empty workflow-id, {} resources; components that are no resources are left out', () => {
    const result = run([workflow('wf-1', [{ name: 'stream', kind: 'stream', state: 'succeeded' }])]);
    expect(buildOutputs(result, 'nl-flow')).toMatchObject({ 'workflow-id': '', resources: '{}' });
    expect(resourcesOutput(result)).toBe('{}');
    expect(resourcesSection(result)).toBe('');
  });

  it('lists each resource with its type, provider text escaped', () => {
    const section = resourcesSection(run([workflow('wf-1', [resource('step|<b>', 'model_id', 'm-1')])]));
    expect(section).toBe(
      '### Resources created\n\n| Step | Type | Resource |\n| --- | --- | --- |\n| <code>step\\|&lt;b&gt;</code> | <code>model_id</code> | <code>m-1</code> |',
    );
  });
});
