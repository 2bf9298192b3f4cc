/**
 * The templates side of the Flow Framework simulator: a store of workflows (the templates index and the
 * state index) that answers create, `_search`, update, reprovision, use cases and `_provision` with the
 * plugin's rules and its 400 texts (flow-framework: CreateWorkflowTransportAction,
 * ReprovisionWorkflowTransportAction, WorkflowProcessSorter, ProvisionWorkflowTransportAction,
 * DefaultUseCases), with the status codes of 2.x or 3.x.
 */
import { randomBytes } from 'node:crypto';
import { json, type RecordedRequest, type Reply } from '../server.ts';

export type ClusterVersion = '2.x' | '3.x';
export type WorkflowState = 'NOT_STARTED' | 'PROVISIONING' | 'COMPLETED' | 'FAILED';

export interface StoredWorkflow {
  id: string;
  template: Record<string, unknown>;
  state: WorkflowState;
  error?: string;
}

export interface ClusterOptions {
  version: ClusterVersion;
  /** workflows already on the cluster; none: a fresh cluster without the templates index */
  stored?: StoredWorkflow[];
  /** what provisioning ends in (default COMPLETED, with one resource per node) */
  provisionOutcome?: 'COMPLETED' | 'FAILED';
  /** status reads that show PROVISIONING before the outcome (default 2) */
  provisioningReads?: number;
  /** the first create is carried out, but answered with this status (a node failing after the write) */
  firstCreateAnswers?: number;
}

export const TEMPLATES_INDEX = '.plugins-flow-framework-templates';

/** The steps the plugin can update in place when reprovisioning (WorkflowResources: an update step). */
const UPDATABLE_STEPS = new Set(['create_ingest_pipeline', 'create_search_pipeline', 'create_index']);

const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  create_connector: 'connector_id',
  register_remote_model: 'model_id',
  deploy_model: 'model_id',
  register_agent: 'agent_id',
  create_ingest_pipeline: 'pipeline_id',
  create_search_pipeline: 'pipeline_id',
  create_index: 'index_name',
};

/** The built-in use cases the simulator knows, with their required parameters (DefaultUseCases). */
const USE_CASES: Readonly<Record<string, { name: string; required: string[] }>> = {
  semantic_search: { name: 'Semantic Search', required: ['create_ingest_pipeline.model_id'] },
  hybrid_search: { name: 'Hybrid Search', required: ['create_ingest_pipeline.model_id'] },
};

const error = (status: number, text: string): Reply => json(status, { error: text });

interface Workflow extends StoredWorkflow {
  readsSinceProvisioning: number;
}

export class Cluster {
  private readonly workflows = new Map<string, Workflow>();
  private indexExists: boolean;
  private createsAnswered = 0;
  // A plain field, not a parameter property: the simulators run on Node's type stripping, which has none.
  private readonly options: ClusterOptions;

  constructor(options: ClusterOptions) {
    this.options = options;
    for (const stored of options.stored ?? []) this.workflows.set(stored.id, { ...stored, readsSinceProvisioning: 0 });
    this.indexExists = this.workflows.size > 0;
  }

  has(id: string): boolean {
    return this.workflows.has(id);
  }

  /** The stored template of `id`, as the cluster keeps it. */
  template(id: string): Record<string, unknown> | undefined {
    return this.workflows.get(id)?.template;
  }

  ids(): string[] {
    return [...this.workflows.keys()];
  }

  /** `POST …/workflow` as the cluster answers it: the first create may be done and still answered with an error. */
  createAnswering(request: RecordedRequest): Reply {
    const reply = this.create(request);
    const status = this.options.firstCreateAnswers;
    if (status === undefined || this.createsAnswered++ > 0 || reply.status !== 201) return reply;
    return error(status, 'failed to send the response: node disconnected');
  }

  create(request: RecordedRequest): Reply {
    const useCase = request.query.get('use_case');
    if (useCase !== null) return this.createFromUseCase(useCase, request.body);
    const template = parseTemplate(request.body);
    if (!template) return error(400, 'IOException: template content invalid for specified Content-Type.');
    const id = randomBytes(15).toString('base64url');
    this.workflows.set(id, { id, template, state: 'NOT_STARTED', readsSinceProvisioning: 0 });
    this.indexExists = true;
    return json(201, { workflow_id: id });
  }

  private createFromUseCase(name: string, body: string): Reply {
    const useCase = USE_CASES[name];
    if (!useCase) return error(400, `Unable to find defaults file for use case: ${name}`);
    const parameters = parseTemplate(body || '{}');
    if (!parameters || Object.values(parameters).some((value) => typeof value !== 'string')) {
      return error(
        400,
        'failure parsing request body when a use case is given, make sure to provide a map with values that are either Strings, Arrays, or Map of Strings to Strings',
      );
    }
    const missing = useCase.required.filter((key) => !(key in parameters));
    if (missing.length > 0) {
      return error(400, `Missing the following required parameters for use case [${name}] : [${missing.join(', ')}]`);
    }
    const template = {
      name: useCase.name,
      use_case: name.toUpperCase(),
      workflows: {
        provision: {
          nodes: [
            { id: 'create_ingest_pipeline', type: 'create_ingest_pipeline', user_inputs: parameters },
            { id: 'create_index', type: 'create_index', user_inputs: {} },
          ],
        },
      },
    };
    return this.create({ query: new URLSearchParams(), body: JSON.stringify(template) } as RecordedRequest);
  }

  search(body: string): Reply {
    if (!this.indexExists) return indexNotFound();
    const query = parseTemplate(body) as { query?: { term?: Record<string, unknown> }; _source?: unknown } | undefined;
    const term = query?.query?.term?.['name.keyword'];
    const name = typeof term === 'string' ? term : (term as { value?: unknown } | undefined)?.value;
    // `_source: [fields]` keeps only those fields of each hit, as OpenSearch does.
    const fields = Array.isArray(query?._source) ? (query._source as string[]) : undefined;
    const source = (template: Record<string, unknown>) =>
      fields ? Object.fromEntries(Object.entries(template).filter(([key]) => fields.includes(key))) : template;
    const hits = [...this.workflows.values()]
      .filter((workflow) => name === undefined || workflow.template.name === name)
      .map((workflow) => ({
        _index: TEMPLATES_INDEX,
        _id: workflow.id,
        _score: 1,
        _source: source(workflow.template),
      }));
    return json(200, {
      took: 3,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: { total: { value: hits.length, relation: 'eq' }, max_score: hits.length ? 1 : null, hits },
    });
  }

  update(id: string, request: RecordedRequest): Reply {
    const workflow = this.workflows.get(id);
    if (!workflow) return error(404, `Failed to retrieve template (${id}) from global context.`);
    const template = parseTemplate(request.body);
    if (!template) return error(400, 'IOException: template content invalid for specified Content-Type.');
    if (request.query.get('reprovision') === 'true') return this.reprovision(workflow, template);
    if (workflow.state !== 'NOT_STARTED') {
      return error(
        400,
        `The template can not be updated unless its provisioning state is NOT_STARTED: ${id}. Deprovision the workflow to reset the state.`,
      );
    }
    workflow.template = template;
    return json(201, { workflow_id: id });
  }

  private reprovision(workflow: Workflow, template: Record<string, unknown>): Reply {
    if (workflow.state !== 'COMPLETED' && workflow.state !== 'FAILED') {
      return error(
        400,
        `The template can not be reprovisioned unless its provisioning state is DONE or FAILED: ${workflow.id}`,
      );
    }
    const before = new Map(provisionNodes(workflow.template).map((node) => [node.id, node]));
    const after = provisionNodes(template);
    if (![...before.keys()].every((id) => after.some((node) => node.id === id))) {
      return error(400, 'Workflow Step deletion is not supported when reprovisioning a template.');
    }
    const changed = after.filter((node) => {
      const old = before.get(node.id);
      return old !== undefined && JSON.stringify(old) !== JSON.stringify(node);
    });
    const added = after.filter((node) => !before.has(node.id));
    if (changed.length === 0 && added.length === 0) return error(400, 'Template does not contain any modifications');
    const fixed = changed.find((node) => !UPDATABLE_STEPS.has(String(node.type)));
    if (fixed) return error(400, `Workflow Step ${String(fixed.id)} does not support updates when reprovisioning.`);
    workflow.template = template;
    this.startProvisioning(workflow);
    return json(this.options.version === '2.x' ? 201 : 202, { workflow_id: workflow.id });
  }

  provision(id: string): Reply {
    const workflow = this.workflows.get(id);
    if (!workflow) return error(404, `Failed to retrieve template (${id}) from global context.`);
    if (workflow.state !== 'NOT_STARTED') {
      const progress = { PROVISIONING: 'IN_PROGRESS', COMPLETED: 'DONE', FAILED: 'FAILED' }[workflow.state];
      return error(
        400,
        `The workflow provisioning state is ${progress} and can not be provisioned unless its state is NOT_STARTED: ${id}. Deprovision the workflow to reset the state.`,
      );
    }
    this.startProvisioning(workflow);
    return json(this.options.version === '2.x' ? 200 : 202, { workflow_id: id });
  }

  status(id: string): Reply {
    const workflow = this.workflows.get(id);
    if (!workflow) return error(404, `Fail to find workflow status of ${id}`);
    if (workflow.state === 'PROVISIONING') {
      workflow.readsSinceProvisioning += 1;
      if (workflow.readsSinceProvisioning > (this.options.provisioningReads ?? 2)) {
        workflow.state = this.options.provisionOutcome ?? 'COMPLETED';
        if (workflow.state === 'FAILED')
          workflow.error =
            'org.opensearch.ml.common.exception.MLException: Failed to create connector: invalid credential';
      }
    }
    const nodes = provisionNodes(workflow.template);
    // While provisioning, one more step's resource per read (the last only once COMPLETED), as a cluster working through the steps.
    const provisioned = Math.max(1, Math.min(workflow.readsSinceProvisioning, nodes.length - 1));
    const created =
      workflow.state === 'COMPLETED'
        ? nodes
        : workflow.state === 'NOT_STARTED'
          ? []
          : nodes.slice(0, workflow.state === 'PROVISIONING' ? provisioned : 1);
    return json(200, {
      workflow_id: id,
      state: workflow.state,
      provisioning_progress: {
        NOT_STARTED: 'NOT_STARTED',
        PROVISIONING: 'IN_PROGRESS',
        COMPLETED: 'DONE',
        FAILED: 'FAILED',
      }[workflow.state],
      ...(workflow.error ? { error: workflow.error } : {}),
      resources_created: created.map((node, index) => ({
        workflow_step_name: String(node.type),
        workflow_step_id: String(node.id),
        resource_type: RESOURCE_TYPES[String(node.type)] ?? 'resource_id',
        resource_id: `${String(node.type)}-${id.slice(0, 6)}-${index + 1}`,
      })),
    });
  }

  private startProvisioning(workflow: Workflow): void {
    workflow.state = 'PROVISIONING';
    workflow.readsSinceProvisioning = 0;
    delete workflow.error;
  }
}

function parseTemplate(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function provisionNodes(template: Record<string, unknown>): Record<string, unknown>[] {
  const workflows = template.workflows as { provision?: { nodes?: unknown } } | undefined;
  const nodes = workflows?.provision?.nodes;
  return Array.isArray(nodes) ? (nodes as Record<string, unknown>[]) : [];
}

/** OpenSearch's answer to a search of an index that does not exist yet (a fresh cluster). */
function indexNotFound(): Reply {
  const cause = {
    type: 'index_not_found_exception',
    reason: `no such index [${TEMPLATES_INDEX}]`,
    index: TEMPLATES_INDEX,
    'resource.id': TEMPLATES_INDEX,
    'resource.type': 'index_or_alias',
    index_uuid: '_na_',
  };
  return json(404, { error: { root_cause: [cause], ...cause }, status: 404 });
}
