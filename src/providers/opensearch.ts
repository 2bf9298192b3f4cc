import type { Config } from '../config/config.js';
import { INPUT } from '../config/inputs.js';
import { displayEndpoint } from '../config/values.js';
import { InputError } from '../core/errors.js';
import { isRecord, lookupWord, nonEmptyString } from '../core/json.js';
import type { Component, Snapshot, TargetState } from '../core/types.js';
import { HttpError } from '../http/errors.js';
import { assertSameTarget, excerpt, parseJsonBody } from '../http/status.js';
import { basicCredentials, basicOrBearer } from './auth.js';
import { notFoundSnapshot } from './not-found.js';
import { assertPathSegmentIds } from './path-id.js';
import {
  assertFlowFrameworkStatus,
  provisionRefusal,
  stateIndexUnavailable,
  WORKFLOW_API,
} from './opensearch/answers.js';
import { awsSigning } from './opensearch/aws.js';
import { findWorkflow, type Deployment } from './opensearch/deploy.js';
import { explainSnapshot, MAX_PROVISION_REQUESTS, WorkflowNotes } from './opensearch/notes.js';
import { withTemplateProgress } from './opensearch/progress.js';
import { loadTemplate, loadYamlParser } from './opensearch/template.js';
import type { CallOptions, Provider, ProviderContext, ProviderSession } from './types.js';

/** Flow Framework `state` → normalized state (SPEC "opensearch-flow-framework"). */
export const OPENSEARCH_STATES: Readonly<Record<string, TargetState>> = {
  NOT_STARTED: 'pending',
  PROVISIONING: 'in_progress',
  COMPLETED: 'succeeded',
  FAILED: 'failed',
};

interface ResourceCreated {
  workflow_step_name?: unknown;
  workflow_step_id?: unknown;
  resource_type?: unknown;
  resource_id?: unknown;
}

interface WorkflowStatus {
  workflow_id?: unknown;
  state?: unknown;
  error?: unknown;
  provisioning_progress?: unknown;
  provision_start_time?: unknown;
  provision_end_time?: unknown;
  resources_created?: unknown;
}

export const opensearchProvider: Provider = {
  canTrigger: true,
  prepare(config) {
    const { template, useCase, parameters } = config.opensearch;
    if (config.ids.length === 0 && template === undefined && useCase === undefined) {
      throw new InputError(
        INPUT.id,
        `Input '${INPUT.id}' is required for opensearch-flow-framework: the workflow id(s) — or give a '${INPUT.template}' or '${INPUT.useCase}' to deploy.`,
      );
    }
    if (template !== undefined && config.ids.length > 1) {
      throw new InputError(
        INPUT.id,
        `Input '${INPUT.id}' names one workflow at most with '${INPUT.template}': the one to update.`,
      );
    }
    if (useCase !== undefined && config.ids.length > 0) {
      throw new InputError(
        INPUT.id,
        `Input '${INPUT.id}' is not used with '${INPUT.useCase}': the workflow is created.`,
      );
    }
    assertPathSegmentIds(config.ids, 'a workflow id');
    // A lone username or password is a typo: refused here, before any request.
    basicCredentials(config.credentials);
    const base = clusterBase(config);
    const signing = awsSigning(config, new URL(base).origin);
    const deployment: Deployment | undefined =
      template !== undefined
        ? {
            kind: 'template',
            template: loadTemplate(template, config.environment.workspace, parameters),
            id: config.ids[0],
          }
        : useCase !== undefined
          ? { kind: 'use-case', useCase, parameters }
          : undefined;
    return {
      targets: config.ids,
      endpoint: base,
      secrets: [...Object.values(parameters).filter(isMaskable), ...(signing?.secrets ?? [])],
      sign: signing?.sign,
      open: (context) => openSession(context, base, deployment),
    };
  },
};

/** The provider, with what `prepare` will need for these inputs loaded (the YAML parser for a template). */
export async function loadOpenSearchProvider(config: Config): Promise<Provider> {
  if (config.opensearch.template !== undefined) await loadYamlParser();
  return opensearchProvider;
}

/** Masking `1` or `on` would blank every occurrence in the job log; such values are no credentials. */
const isMaskable = (value: string): boolean => value.length >= 4;

/** The cluster's URL without query, fragment or trailing slash: the API paths are added to it. */
function clusterBase(config: Config): string {
  return displayEndpoint(new URL(config.url ?? ''));
}

function workflowUrl(base: string, id: string, action: '_status' | '_provision'): string {
  return `${base}${WORKFLOW_API}/${encodeURIComponent(id)}/${action}${action === '_status' ? '?all=true' : ''}`;
}

function openSession({ config, http, log }: ProviderContext, base: string, deployment?: Deployment): ProviderSession {
  const headers = { accept: 'application/json', ...basicOrBearer(config.credentials) };
  const notes = new WorkflowNotes();

  /** One `_provision`; a refusal for the workflow's state is noted, not thrown: its status tells the rest. */
  async function provision(id: string, { signal, timeoutMs }: CallOptions): Promise<string> {
    const note = notes.of(id);
    note.provisionRequests += 1;
    const response = await http.request({
      method: 'POST',
      url: workflowUrl(base, id, '_provision'),
      headers,
      signal,
      timeoutMs,
    });
    const refusal = provisionRefusal(response);
    note.stateUnknown = refusal === 'unknown';
    if (refusal === 'failed') {
      note.failedEarlier = true;
      return `${id}: not provisioned again — an earlier run failed; following its status`;
    }
    if (refusal === 'unknown') return `${id}: the cluster could not read the workflow state — reading it`;
    if (refusal === 'done') return `${id}: already provisioned or provisioning — following its status`;
    assertFlowFrameworkStatus(response, [200, 202], `provisioning workflow ${id}`);
    return `${id}: provisioning requested (HTTP ${response.status})`;
  }

  return {
    ...(deployment && {
      findTargets: (options: CallOptions) => findWorkflow({ http, base, headers, notes, log }, deployment, options),
    }),
    // A second _provision answers "already provisioned": harmless.
    canRepeatTrigger: () => true,
    async trigger(id, options) {
      const provisioned = notes.of(id).provisioned;
      return { message: provisioned ? `${id}: ${provisioned}` : await provision(id, options) };
    },
    async read(id, options) {
      const { signal, timeoutMs } = options;
      const response = await http.request({ url: workflowUrl(base, id, '_status'), headers, signal, timeoutMs });
      const context = `status of workflow ${id}`;
      if (response.status === 404) {
        const unavailable = stateIndexUnavailable(response, context);
        if (unavailable) throw unavailable;
        return notFoundSnapshot(response, context, `workflow ${id} not found — check url and id`);
      }
      assertFlowFrameworkStatus(response, [200], `reading the ${context}`);
      const status = parseJsonBody<WorkflowStatus>(response, context);
      assertSameTarget(isRecord(status) ? status.workflow_id : undefined, id, 'workflow', context);
      const note = notes.of(id);
      const read = snapshotFromStatus(status);
      const steps = deployment?.kind === 'template' ? deployment.template.provisionSteps : 0;
      const snapshot = explainSnapshot(id, withTemplateProgress(read, steps), note);
      // The state could not be read when it was provisioned: now that it reads NOT_STARTED, provision it again.
      if (note.stateUnknown && snapshot.state === 'pending' && note.provisionRequests < MAX_PROVISION_REQUESTS) {
        return { ...snapshot, message: `${snapshot.message} — ${await provision(id, options)}` };
      }
      return snapshot;
    },
  };
}

/** Maps one `_status?all=true` body to a snapshot. Pure. */
export function snapshotFromStatus(status: WorkflowStatus): Snapshot {
  if (!isRecord(status)) throw unreadable('the body is not a JSON object');
  const word = typeof status.state === 'string' ? status.state : '';
  const state = lookupWord(OPENSEARCH_STATES, word) ?? 'unknown';
  const components = resources(status.resources_created);
  const error = typeof status.error === 'string' && status.error.trim() !== '' ? status.error.trim() : undefined;
  const snapshot: Snapshot = {
    state,
    providerStatus: word || '(no state)',
    message: describe(state, word, error, components.length),
    components,
  };
  const progress = progressOf(state, status.provisioning_progress);
  if (progress !== undefined) snapshot.progress = progress;
  const startedAt = timestamp(status.provision_start_time);
  if (startedAt) snapshot.startedAt = startedAt;
  const completedAt = timestamp(status.provision_end_time);
  if (completedAt) snapshot.completedAt = completedAt;
  if (error) snapshot.logs = [{ level: 'ERROR', message: error }];
  return snapshot;
}

function describe(state: TargetState, word: string, error: string | undefined, resourceCount: number): string {
  const created = `${resourceCount} resource${resourceCount === 1 ? '' : 's'} created`;
  switch (state) {
    case 'pending':
      return 'workflow created, provisioning not started';
    case 'in_progress':
      return `provisioning, ${created}`;
    case 'succeeded':
      return `provisioned, ${created}`;
    case 'failed':
      return error ? `provisioning failed: ${excerpt(error)}` : 'provisioning failed';
    default:
      return word ? `unrecognized workflow state '${excerpt(word, 60)}'` : 'the status has no state field';
  }
}

/** `provisioning_progress` is a word (NOT_STARTED, IN_PROGRESS, DONE) on most versions; a number is taken as a percentage. */
function progressOf(state: TargetState, value: unknown): number | undefined {
  if (state === 'succeeded') return 100;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.min(100, Math.max(0, Math.round(value)));
  if (typeof value === 'string' && value.toUpperCase() === 'NOT_STARTED') return 0;
  return undefined;
}

function resources(value: unknown): Component[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((resource: ResourceCreated) => {
    const details: Record<string, string> = {};
    for (const key of ['resource_type', 'resource_id', 'workflow_step_id'] as const) {
      const field = resource[key];
      if (typeof field === 'string' || typeof field === 'number') details[key] = String(field);
    }
    return {
      name: [resource.workflow_step_name, resource.workflow_step_id].find(nonEmptyString) ?? 'step',
      kind: 'resource',
      state: 'succeeded',
      details,
    };
  });
}

/** Epoch milliseconds (the plugin's format) or an ISO string → ISO string. */
function timestamp(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return new Date(value).toISOString();
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
  }
  return undefined;
}

const unreadable = (why: string): HttpError =>
  new HttpError(`unreadable workflow status: ${why}`, { kind: 'permanent' });
