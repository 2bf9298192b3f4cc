import type { Snapshot } from '../../core/types.js';

/**
 * A provisioning workflow's progress, when the action knows its template: the resources created so far
 * against the template's provision steps (each creates one). Never 100 before the plugin says COMPLETED,
 * and nothing where the plugin gave a figure itself or the template has no steps. Pure.
 */
export function withTemplateProgress(snapshot: Snapshot, provisionSteps: number): Snapshot {
  if (snapshot.state !== 'in_progress' || snapshot.progress !== undefined || provisionSteps <= 0) return snapshot;
  const created = (snapshot.components ?? []).filter((component) => component.kind === 'resource').length;
  return { ...snapshot, progress: Math.min(99, Math.floor((100 * created) / provisionSteps)) };
}
