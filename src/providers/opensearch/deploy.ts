/**
 * Which workflow a `template` or `use-case` run deploys, and getting it ready to provision: find it by id or
 * by the template's name, create it, or update it in place (SPEC "opensearch-flow-framework, templates").
 * Runs as the session's `findTargets`, before any trigger; a transient error makes the engine run it again,
 * which is safe: every step looks at the cluster first.
 */
import type { Logger } from '../../core/logger.js';
import { isRecord, nonEmptyString } from '../../core/json.js';
import { HttpError } from '../../http/errors.js';
import { nothingWasDone } from '../../http/repeatable.js';
import { excerpt, jsonErrorText, parseJsonBody } from '../../http/status.js';
import type { HttpClient, HttpMethod, HttpResponse } from '../../http/types.js';
import type { CallOptions, FoundTargets } from '../types.js';
import { assertFlowFrameworkStatus, stateIndexUnavailable, WORKFLOW_API } from './answers.js';
import type { WorkflowNotes } from './notes.js';
import type { WorkflowTemplate } from './template.js';

export type Deployment =
  | { kind: 'template'; template: WorkflowTemplate; id?: string }
  | { kind: 'use-case'; useCase: string; parameters: Readonly<Record<string, string>> };

export interface DeployContext {
  http: HttpClient;
  /** the cluster URL, without trailing slash */
  base: string;
  headers: Record<string, string>;
  notes: WorkflowNotes;
  log: Logger;
}

const UNCHANGED = /Template does not contain any modifications/i;

export async function findWorkflow(
  context: DeployContext,
  deployment: Deployment,
  options: CallOptions,
): Promise<FoundTargets> {
  const send = (method: HttpMethod, path: string, body?: string): Promise<HttpResponse> =>
    context.http.request({
      method,
      url: `${context.base}${WORKFLOW_API}${path}`,
      headers: { ...context.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });

  if (deployment.kind === 'use-case') {
    const id = await create(send, `?use_case=${encodeURIComponent(deployment.useCase)}`, deployment.parameters);
    context.log.info(`${id}: workflow created from use case ${deployment.useCase}`);
    return { targets: [id] };
  }
  const { template } = deployment;
  const id = deployment.id ?? (await searchByName(send, template.name));
  if (id === undefined) {
    const created = await create(send, '', template.body);
    context.log.info(`${created}: workflow '${template.name}' created from the template`);
    return { targets: [created] };
  }
  await update(context, send, id, template);
  return { targets: [id] };
}

type Send = (method: HttpMethod, path: string, body?: string) => Promise<HttpResponse>;

/**
 * `POST …/workflow` (body: the template, or a use case's parameters) → the new workflow's id. Sent once, unless
 * it never reached the cluster: a create that may have happened is not repeated (a second workflow).
 */
async function create(send: Send, query: string, body: string | Readonly<Record<string, string>>): Promise<string> {
  const context = query ? 'creating the workflow from the use case' : 'creating the workflow';
  try {
    const response = await send('POST', query, typeof body === 'string' ? body : JSON.stringify(body));
    assertFlowFrameworkStatus(response, [200, 201], context);
    return workflowIdOf(response, context);
  } catch (error) {
    // A 429 is the cluster refusing the request: nothing was created, and its Retry-After is kept.
    if (!(error instanceof HttpError) || !error.transient || error.status === 429 || nothingWasDone(error)) throw error;
    throw new HttpError(
      `${context}: ${error.message} — the workflow may or may not have been created; look for it in the cluster before running again (a template's workflow is found by its name)`,
      { kind: 'permanent', status: error.status, cause: error },
    );
  }
}

/** The one workflow whose `name` is the template's; undefined when there is none (or no templates index yet). */
async function searchByName(send: Send, name: string): Promise<string | undefined> {
  const context = `searching the workflow named '${excerpt(name, 80)}'`;
  const query = { query: { term: { 'name.keyword': { value: name } } }, _source: ['name'], size: 20 };
  const response = await send('POST', '/_search', JSON.stringify(query));
  if (response.status === 404 && /index_not_found_exception/.test(response.body)) return undefined;
  assertFlowFrameworkStatus(response, [200], context);
  const answer = parseJsonBody<unknown>(response, context);
  const hits = isRecord(answer) && isRecord(answer.hits) ? answer.hits.hits : undefined;
  if (!Array.isArray(hits)) throw new HttpError(`${context}: the answer has no hits.hits list`, { kind: 'permanent' });
  const ids = hits.flatMap((hit) => (isRecord(hit) && nonEmptyString(hit._id) ? [hit._id] : []));
  if (ids.length !== hits.length)
    throw new HttpError(`${context}: a hit has no _id`, { kind: 'permanent', status: response.status });
  if (ids.length > 1) {
    throw new HttpError(
      `${ids.length} workflows are named '${excerpt(name, 80)}' (${ids.join(', ')}): give the one to deploy as input 'id', or delete the others — nothing was created or changed`,
      { kind: 'permanent' },
    );
  }
  return ids[0];
}

/** Brings the stored template of `id` up to date, by the workflow's state; notes what the trigger is to do. */
async function update(context: DeployContext, send: Send, id: string, template: WorkflowTemplate): Promise<void> {
  const path = `/${encodeURIComponent(id)}`;
  const state = await stateOf(send, id);
  const note = context.notes.of(id);
  if (state === 'NOT_STARTED') {
    const response = await send('PUT', path, template.body);
    assertFlowFrameworkStatus(response, [200, 201], `updating workflow ${id}`);
    context.log.info(`${id}: workflow '${template.name}' updated (not provisioned yet)`);
    return;
  }
  if (state === 'PROVISIONING') {
    // Another run's provisioning: updating it now would be refused. The engine asks again with its backoff.
    throw new HttpError(`workflow ${id} is PROVISIONING (another run?): waiting for it to end before updating it`, {
      kind: 'transient',
    });
  }
  if (state !== 'COMPLETED' && state !== 'FAILED') {
    throw new HttpError(`workflow ${id} has state '${excerpt(state, 60)}', which the action cannot update`, {
      kind: 'permanent',
    });
  }
  const response = await send('PUT', `${path}?reprovision=true`, template.body);
  if (response.status === 400) {
    const text = jsonErrorText(response.body) ?? excerpt(response.body);
    if (UNCHANGED.test(text)) {
      note.update = { outcome: 'unchanged' };
      note.provisioned = 'the template is unchanged: nothing to provision, following its status';
    } else {
      note.update = { outcome: 'refused', text };
      note.provisioned = `the cluster refused the update: ${excerpt(text)}`;
    }
    return;
  }
  assertFlowFrameworkStatus(response, [200, 201, 202], `reprovisioning workflow ${id}`);
  note.provisioned = `reprovisioning requested (HTTP ${response.status})`;
}

async function stateOf(send: Send, id: string): Promise<string> {
  const context = `status of workflow ${id}`;
  const response = await send('GET', `/${encodeURIComponent(id)}/_status`);
  const unavailable = stateIndexUnavailable(response, context);
  if (unavailable) throw unavailable;
  if (response.status === 404) {
    throw new HttpError(
      `workflow ${id} not found — check input 'id' (without it, the workflow is found by the template's name, or created)`,
      { kind: 'permanent', status: 404 },
    );
  }
  assertFlowFrameworkStatus(response, [200], `reading the ${context}`);
  const status = parseJsonBody<unknown>(response, context);
  const state = isRecord(status) ? status.state : undefined;
  if (!nonEmptyString(state)) throw new HttpError(`${context}: the answer has no state`, { kind: 'permanent' });
  return state.trim().toUpperCase();
}

function workflowIdOf(response: HttpResponse, context: string): string {
  const answer = parseJsonBody<unknown>(response, context);
  const id = isRecord(answer) ? answer.workflow_id : undefined;
  if (!nonEmptyString(id)) {
    throw new HttpError(`${context}: the answer has no workflow_id (HTTP ${response.status})`, {
      kind: 'permanent',
      status: response.status,
    });
  }
  return id.trim();
}
