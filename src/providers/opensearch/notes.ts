/**
 * What a run learned about one workflow while deploying it (a refused `_provision`, an update that changed
 * nothing) and how that changes what its status means. Pure.
 */
import type { Snapshot } from '../../core/types.js';
import { excerpt } from '../../http/status.js';

/** At most this many `_provision` requests per workflow when its state could not be read (SPEC). */
export const MAX_PROVISION_REQUESTS = 3;

export interface WorkflowNote {
  provisionRequests: number;
  /** `_provision` was refused because an earlier run FAILED: it must be deprovisioned first */
  failedEarlier?: boolean;
  /** `_provision` was refused because the cluster could not read the state: provision again on NOT_STARTED */
  stateUnknown?: boolean;
  /** the template step already started provisioning (reprovision), or nothing is to provision: why */
  provisioned?: string;
  /** the template update ended without provisioning: how the status is read */
  update?: { outcome: 'unchanged' } | { outcome: 'refused'; text: string };
}

export class WorkflowNotes {
  private readonly notes = new Map<string, WorkflowNote>();

  of(id: string): WorkflowNote {
    let note = this.notes.get(id);
    if (!note) this.notes.set(id, (note = { provisionRequests: 0 }));
    return note;
  }
}

const deprovisionHint = (id: string): string =>
  `deprovision it (POST _plugins/_flow_framework/workflow/${id}/_deprovision) before it can be provisioned again`;

/** The status of `id` as this run's own requests explain it. */
export function explainSnapshot(id: string, snapshot: Snapshot, note: WorkflowNote): Snapshot {
  const { update } = note;
  if (update?.outcome === 'refused') {
    // The old template's progress says nothing about this deploy.
    const { progress: _, ...earlier } = snapshot;
    return {
      ...earlier,
      state: 'failed',
      message: `the cluster refused the template update: ${excerpt(update.text)}`,
    };
  }
  if (update?.outcome === 'unchanged') {
    if (snapshot.state === 'succeeded')
      return { ...snapshot, message: `unchanged (the template has no modifications): ${snapshot.message}` };
    if (snapshot.state === 'failed') {
      return {
        ...snapshot,
        message: `${snapshot.message} — the template is unchanged since that failed run: change the template, or ${deprovisionHint(id)}`,
      };
    }
  }
  if (note.failedEarlier && snapshot.state === 'failed') {
    return { ...snapshot, message: `${snapshot.message} — it failed in an earlier run: ${deprovisionHint(id)}` };
  }
  return snapshot;
}
