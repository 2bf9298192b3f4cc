/** Deploying Flow Framework templates from the repository (SPEC "opensearch-flow-framework, templates"), end to end. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import {
  startOpenSearchSimulator,
  type OpenSearchSimulator,
  type OpenSearchSimulatorOptions,
} from '../../sim/opensearch.ts';
import type { StoredWorkflow } from '../../sim/opensearch/cluster.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const TEMPLATES = new URL('../fixtures/opensearch/templates/', import.meta.url);
const templateText = (name: string): string => readFileSync(new URL(name, TEMPLATES), 'utf8');

const OPENAI_KEY = 'sk-proj-Secret-Openai-Key-7781';
const PARAMETERS = `openai_key=${OPENAI_KEY}\nmodel=text-embedding-3-small\npipeline=nlp-ingest`;

/** The template as the action stores it: placeholders of `parameters` filled, step outputs kept. */
const filled = (pipeline = 'nlp-ingest'): Record<string, unknown> =>
  JSON.parse(
    templateText('semantic-search.json')
      .replaceAll('${{ openai_key }}', OPENAI_KEY)
      .replaceAll('${{ model }}', 'text-embedding-3-small')
      .replaceAll('${{ pipeline }}', pipeline),
  ) as Record<string, unknown>;

let simulator: OpenSearchSimulator | undefined;
let workspace = '';
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'await-deploy-workspace-'));
  copyFileSync(new URL('semantic-search.json', TEMPLATES), join(workspace, 'semantic-search.json'));
  copyFileSync(new URL('semantic-search.yml', TEMPLATES), join(workspace, 'semantic-search.yml'));
});
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
  rmSync(workspace, { recursive: true, force: true });
});

async function start(options: OpenSearchSimulatorOptions = {}): Promise<OpenSearchSimulator> {
  simulator = await startOpenSearchSimulator(options);
  return simulator;
}

function deploy(sim: OpenSearchSimulator, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { provider: 'opensearch-flow-framework', url: sim.url, ...FAST_INPUTS, ...inputs },
    env: { GITHUB_WORKSPACE: workspace },
    secrets: [OPENAI_KEY],
  });
}

const stored = (id: string, state: StoredWorkflow['state'], template = filled()): StoredWorkflow => ({
  id,
  state,
  template,
});
const routes = (sim: OpenSearchSimulator) =>
  sim.answers.map((a) => `${a.method} ${a.path.replace('/_plugins/_flow_framework/workflow', '')} ${a.status}`);
const writes = (sim: OpenSearchSimulator) =>
  sim.requests.filter((r) => r.method === 'PUT' || (r.method === 'POST' && !r.path.endsWith('/_search')));

describe('OpenSearch templates end to end', () => {
  it('creates from a JSON file with parameters on a fresh cluster, provisions it, and outputs the id and resources', async () => {
    const sim = await start();
    const run = await deploy(sim, { template: 'semantic-search.json', parameters: PARAMETERS });
    expect(run.exitCode).toBe(0);
    const [id = ''] = sim.cluster.ids();
    expect(routes(sim).slice(0, 3)).toEqual(['POST /_search 404', 'POST  201', `POST /${id}/_provision 202`]);
    expect(run.outputs).toMatchObject({ status: 'succeeded', 'workflow-id': id });
    expect(JSON.parse(run.outputs.resources ?? '')).toEqual({
      create_connector: `create_connector-${id.slice(0, 6)}-1`,
      register_model: `register_remote_model-${id.slice(0, 6)}-2`,
      create_ingest_pipeline: `create_ingest_pipeline-${id.slice(0, 6)}-3`,
    });
    expect(sim.cluster.template(id)).toEqual(filled());
    expect(JSON.stringify(sim.cluster.template(id))).toContain('${{ register_model.model_id }}');
    for (const request of sim.requests) expect(request.url).not.toContain(OPENAI_KEY);
    expect(sim.requests[0]?.body).toContain('name.keyword');
    expect(run.summary).toContain('### Resources created');
    expect(run.summary).toMatch(/\| <code>register_model<\/code> \| <code>model_id<\/code> \|/);
  });

  it('creates from inline YAML with parameters (a JSON object), sent as JSON; no value reaches a URL or the log', async () => {
    const sim = await start();
    const parameters = JSON.stringify({
      openai_key: OPENAI_KEY,
      model: 'text-embedding-3-small',
      pipeline: 'nlp-ingest',
    });
    const run = await deploy(sim, { template: templateText('semantic-search.yml'), parameters });
    expect(run.exitCode).toBe(0);
    const create = sim.requests.find((r) => r.method === 'POST' && r.query.size === 0 && r.path.endsWith('/workflow'));
    expect(create?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(create?.body ?? '')).toEqual(filled());
    for (const request of sim.requests) expect(request.url).not.toContain(OPENAI_KEY);
    expect(run.visibleLog).not.toContain(OPENAI_KEY);
  });

  it('updates the workflow found by name with reprovision, and provisions nothing itself (2.x: 201)', async () => {
    const sim = await start({
      cluster: { version: '2.x', stored: [stored('wf-old', 'COMPLETED', filled('old-ingest'))] },
    });
    const run = await deploy(sim, { template: 'semantic-search.yml', parameters: PARAMETERS });
    expect(run.exitCode).toBe(0);
    expect(routes(sim).slice(0, 3)).toEqual(['POST /_search 200', 'GET /wf-old/_status 200', 'PUT /wf-old 201']);
    expect(sim.requests[2]?.url).toContain('reprovision=true');
    expect(sim.requests.some((r) => r.path.endsWith('/_provision'))).toBe(false);
    expect(run.outputs).toMatchObject({ status: 'succeeded', 'workflow-id': 'wf-old' });
    expect(sim.cluster.template('wf-old')).toEqual(filled());
  });

  it('the same template deployed twice is green twice, with nothing provisioned the second time', async () => {
    const sim = await start();
    const first = await deploy(sim, { template: 'semantic-search.json', parameters: PARAMETERS });
    expect(first.exitCode).toBe(0);
    const before = sim.requests.length;
    const second = await deploy(sim, { template: 'semantic-search.json', parameters: PARAMETERS });
    expect(second.exitCode).toBe(0);
    expect(second.outputs.status).toBe('succeeded');
    expect(second.outputs['workflow-id']).toBe(first.outputs['workflow-id']);
    expect(second.outputs.message).toContain('unchanged');
    const again = sim.answers.slice(before).map((a) => `${a.method} ${a.status}`);
    expect(again.slice(0, 3)).toEqual(['POST 200', 'GET 200', 'PUT 400']);
    expect(sim.requests.slice(before).some((r) => r.path.endsWith('/_provision'))).toBe(false);
    expect(sim.cluster.ids()).toHaveLength(1);
  });

  it('an unchanged template over a FAILED workflow stays failed, with what to do', async () => {
    const sim = await start({
      cluster: { stored: [{ ...stored('wf-f', 'FAILED'), error: 'Failed to create connector' }] },
    });
    const run = await deploy(sim, { template: 'semantic-search.json', parameters: PARAMETERS });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', 'provider-status': 'FAILED' });
    expect(run.outputs.message).toContain('Failed to create connector');
    expect(run.outputs.message).toContain('change the template, or deprovision');
  });

  it('a NOT_STARTED workflow is updated in place, then provisioned', async () => {
    const sim = await start({ cluster: { stored: [stored('wf-new', 'NOT_STARTED', filled('old-ingest'))] } });
    const run = await deploy(sim, { template: 'semantic-search.json', parameters: PARAMETERS });
    expect(run.exitCode).toBe(0);
    expect(routes(sim).slice(0, 4)).toEqual([
      'POST /_search 200',
      'GET /wf-new/_status 200',
      'PUT /wf-new 201',
      'POST /wf-new/_provision 202',
    ]);
    expect(sim.requests[2]?.url).not.toContain('reprovision');
  });

  it("a PROVISIONING workflow (another run's) is followed to its end, then updated", async () => {
    const sim = await start({
      cluster: { stored: [stored('wf-busy', 'PROVISIONING', filled('old-ingest'))], provisioningReads: 2 },
    });
    const run = await deploy(sim, { template: 'semantic-search.json', parameters: PARAMETERS });
    expect(run.exitCode).toBe(0);
    const seen = routes(sim);
    const firstPut = seen.findIndex((route) => route.startsWith('PUT'));
    expect(seen.slice(0, firstPut).filter((route) => route.startsWith('GET'))).toHaveLength(3);
    expect(seen[firstPut]).toBe('PUT /wf-busy 202');
    expect(run.stdout).toMatch(/::warning::.*PROVISIONING \(another run\?\)/);
    expect(sim.cluster.template('wf-busy')).toEqual(filled());
  });

  it('two workflows with the template name: error naming both, nothing created or changed', async () => {
    const sim = await start({ cluster: { stored: [stored('wf-a', 'COMPLETED'), stored('wf-b', 'COMPLETED')] } });
    const run = await deploy(sim, { template: 'semantic-search.json', parameters: PARAMETERS });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain("2 workflows are named 'semantic-search' (wf-a, wf-b)");
    expect(writes(sim)).toEqual([]);
  });

  it('id + template updates that workflow without searching', async () => {
    const sim = await start({
      cluster: { stored: [stored('wf-given', 'COMPLETED', filled('old-ingest')), stored('wf-other', 'COMPLETED')] },
    });
    const run = await deploy(sim, { id: 'wf-given', template: 'semantic-search.json', parameters: PARAMETERS });
    expect(run.exitCode).toBe(0);
    expect(sim.requests.some((r) => r.path.endsWith('/_search'))).toBe(false);
    expect(routes(sim).slice(0, 2)).toEqual(['GET /wf-given/_status 200', 'PUT /wf-given 202']);
    expect(run.outputs['workflow-id']).toBe('wf-given');
  });

  it("a refused reprovision is failed with the plugin's text", async () => {
    const changedConnector = filled();
    const sim = await start({ cluster: { stored: [stored('wf-c', 'COMPLETED', changedConnector)] } });
    const run = await deploy(sim, {
      template: 'semantic-search.json',
      parameters: PARAMETERS.replace(OPENAI_KEY, 'sk-proj-Rotated-Key-0000-1111'),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.outputs.message).toContain(
      'Workflow Step create_connector does not support updates when reprovisioning.',
    );
    expect(sim.requests.some((r) => r.path.endsWith('/_provision'))).toBe(false);
  });

  it('use-case: creates with ?use_case and the parameters as the body, then provisions', async () => {
    const sim = await start();
    const run = await deploy(sim, {
      'use-case': 'semantic_search',
      parameters: 'create_ingest_pipeline.model_id=mdl-42',
    });
    expect(run.exitCode).toBe(0);
    const [id = ''] = sim.cluster.ids();
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      url: '/_plugins/_flow_framework/workflow?use_case=semantic_search',
    });
    expect(JSON.parse(sim.requests[0]?.body ?? '')).toEqual({ 'create_ingest_pipeline.model_id': 'mdl-42' });
    expect(routes(sim)[1]).toBe(`POST /${id}/_provision 202`);
    expect(run.outputs['workflow-id']).toBe(id);
  });

  it('a create the cluster did but answered 500 is not sent again: error, one workflow, the message says to look', async () => {
    const sim = await start({ cluster: { firstCreateAnswers: 500 } });
    const run = await deploy(sim, {
      'use-case': 'semantic_search',
      parameters: 'create_ingest_pipeline.model_id=mdl-42',
    });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain('may or may not have been created');
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/workflow'))).toHaveLength(1);
    expect(sim.cluster.ids()).toHaveLength(1);
  });

  it('use-case missing a required parameter: error with the plugin text', async () => {
    const sim = await start();
    const run = await deploy(sim, { 'use-case': 'semantic_search' });
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain('Missing the following required parameters for use case [semantic_search]');
  });

  it.each([
    ['not valid YAML', { template: 'name: [unclosed' }, "Input 'template' (text) is not valid YAML."],
    ['without a name', { template: '{"workflows":{}}' }, "Input 'template' has no 'name'"],
    ['outside the workspace', { template: '../elsewhere/t.json' }, 'outside the workspace'],
  ])('a template %s is an input error before any request', async (_, inputs, message) => {
    const sim = await start();
    const run = await deploy(sim, inputs);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toContain(message);
    expect(sim.requests).toEqual([]);
  });
});
