/** OpenSearch's outputs `workflow-id` and `resources`, and the summary's list of created resources. Pure. */
import type { Component, RunResult, TargetResult } from '../core/types.js';
import { inlineCode, table } from './format.js';

interface CreatedResource {
  workflowId: string;
  stepId: string;
  type: string;
  resourceId: string;
}

/** The resources each workflow reported in its last status (`resources_created`, as components). */
function createdResources(targets: readonly TargetResult[]): CreatedResource[] {
  return targets.flatMap((target) =>
    (target.snapshot?.components ?? []).flatMap((component: Component) => {
      const details = component.details ?? {};
      const stepId = details.workflow_step_id;
      const resourceId = details.resource_id;
      if (component.kind !== 'resource' || stepId === undefined || resourceId === undefined) return [];
      return [{ workflowId: target.id, stepId, type: details.resource_type ?? '', resourceId }];
    }),
  );
}

export function workflowIdOutput(result: RunResult): string {
  return result.targets.map((target) => target.id).join(',');
}

/** `workflow_step_id` → `resource_id`; `<workflow id>/<step id>` keys when several workflows are followed. */
export function resourcesOutput(result: RunResult): string {
  const several = result.targets.length > 1;
  const entries = createdResources(result.targets).map(
    (resource) =>
      [several ? `${resource.workflowId}/${resource.stepId}` : resource.stepId, resource.resourceId] as const,
  );
  return JSON.stringify(Object.fromEntries(entries));
}

/** A table of what the workflows created, with the resource types; '' when they created nothing. */
export function resourcesSection(result: RunResult): string {
  const resources = createdResources(result.targets);
  if (resources.length === 0) return '';
  const several = result.targets.length > 1;
  const header = [...(several ? ['Workflow'] : []), 'Step', 'Type', 'Resource'];
  const rows = resources.map((resource) => [
    ...(several ? [inlineCode(resource.workflowId)] : []),
    inlineCode(resource.stepId),
    inlineCode(resource.type),
    inlineCode(resource.resourceId),
  ]);
  return `### Resources created\n\n${table(header, rows)}`;
}
