/** SAP at package scale through the bundle: deploy order, max-parallel, exclude, unknown packages, skip-unchanged, endpoints, 429. */
import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import type { PackageArtifact } from '../../sim/sap-packages.ts';
import { startSapSimulator, type SapSimulator, type SapSimulatorOptions } from '../../sim/sap.ts';
import type { RecordedRequest } from '../../sim/server.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

let simulator: SapSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

interface Run {
  action: ActionRun;
  sim: SapSimulator;
  result: { status: string; targets: { id: string; status: string; message: string }[] };
}

async function run(options: SapSimulatorOptions, inputs: Record<string, string>): Promise<Run> {
  const sim = await startSapSimulator(options);
  simulator = sim;
  const action = await runAction({
    inputs: { provider: 'sap-cloud-integration', 'service-key': sim.serviceKey, ...FAST_INPUTS, ...inputs },
    secrets: () => sim.tokensIssued,
  });
  return { action, sim, result: JSON.parse(action.outputs.result ?? '{}') as Run['result'] };
}

const ORDERS: PackageArtifact[] = [
  { id: 'Orders_iFlow', type: 'integration-flow' },
  { id: 'Order_Scripts', type: 'script-collection' },
  { id: 'Shared_Scripts', type: 'script-collection' },
  { id: 'Billing_iFlow', type: 'integration-flow' },
  { id: 'Country_Codes', type: 'value-mapping' },
  { id: 'Order_Mapping', type: 'message-mapping' },
  { id: 'Invoice_iFlow', type: 'integration-flow' },
];
const DEPENDENCIES = ['Order_Scripts', 'Shared_Scripts', 'Country_Codes', 'Order_Mapping'];
const FLOWS = ['Orders_iFlow', 'Billing_iFlow', 'Invoice_iFlow'];
const ENDPOINTS = {
  Orders_iFlow: ['https://tenant-rt.example/http/orders'],
  Billing_iFlow: ['https://tenant-rt.example/http/billing'],
  Invoice_iFlow: ['https://tenant-rt.example/http/invoices'],
};

/** The artifact a request is about: its Deploy POST, its build task or its runtime entry. */
function artifactOf(request: RecordedRequest, sim: SapSimulator): string | undefined {
  if (request.method === 'POST') return /Id='((?:[^']|'')*)'/.exec(request.url.replace(/%27/g, "'"))?.[1];
  const task = /BuildAndDeployStatus\(TaskId='([0-9a-f]+)'\)/.exec(request.path)?.[1];
  if (task) return [...sim.taskIds].find(([, id]) => id === task)?.[0];
  return /IntegrationRuntimeArtifacts\('([^']+)'\)/.exec(request.path)?.[1];
}

/** The artifacts a deploy was sent for (a POST refused for its CSRF token and sent again counts once). */
const deployed = (sim: SapSimulator): string[] => [
  ...new Set(
    sim.requests
      .filter((request) => request.method === 'POST' && request.path.includes('/Deploy'))
      .map((request) => artifactOf(request, sim) ?? ''),
  ),
];

describe('sap-cloud-integration packages end to end', () => {
  it('deploys a package in dependency order, within max-parallel, and hands over the endpoints', async () => {
    const { action, sim, result } = await run(
      {
        scenario: 'deploy-ok',
        packages: { packages: { Orders: ORDERS }, serviceEndpoints: ENDPOINTS, latencyMs: 30, pageSize: 2 },
      },
      { package: 'Orders', deploy: 'true', 'max-parallel': '3' },
    );
    expect(action.exitCode).toBe(0);
    expect(action.outputs.status).toBe('succeeded');
    expect(result.targets.map((target) => target.id)).toEqual([...DEPENDENCIES, ...FLOWS]);
    expect(new Set(deployed(sim))).toEqual(new Set([...DEPENDENCIES, ...FLOWS]));

    // every request about a dependency (deploy, build, runtime) comes before the first flow's deploy
    const firstFlowDeploy = sim.requests.findIndex(
      (request) => request.method === 'POST' && FLOWS.includes(artifactOf(request, sim) ?? ''),
    );
    const lastDependencyRequest = sim.requests.findLastIndex((request) =>
      DEPENDENCIES.includes(artifactOf(request, sim) ?? ''),
    );
    expect(firstFlowDeploy).toBeGreaterThan(lastDependencyRequest);
    // in parallel, but never more than max-parallel API requests at once
    expect(sim.tenant.maxInFlight()).toBe(3);

    expect(JSON.parse(action.outputs.endpoints ?? '')).toEqual(ENDPOINTS);
    expect(sim.requests.filter((request) => request.path === '/api/v1/ServiceEndpoints')).toHaveLength(2);
    expect(action.summary).toContain('### Deploy order');
    expect(action.summary).toContain('https://tenant-rt.example/http/billing');
    // the line under the headline names the artifacts the package listing found, not only the inputs' ids
    expect(action.summary).toMatch(new RegExp(`artifacts <code>${DEPENDENCIES[0]}</code>`));
  });

  it('leaves out exclude and adds the ids given with package', async () => {
    const { action, sim, result } = await run(
      { scenario: 'deploy-ok', packages: { packages: { Orders: ORDERS } } },
      { package: 'Orders', exclude: 'Billing_iFlow, Order_Mapping', id: 'Extra_iFlow', deploy: 'true' },
    );
    expect(action.outputs.status).toBe('succeeded');
    const expected = [
      'Order_Scripts',
      'Shared_Scripts',
      'Country_Codes',
      'Orders_iFlow',
      'Invoice_iFlow',
      'Extra_iFlow',
    ];
    expect(result.targets.map((target) => target.id)).toEqual(expected);
    expect(deployed(sim).sort()).toEqual([...expected].sort());
  });

  it('reports an unknown package as not_found naming it, and still deploys the rest', async () => {
    const { action, sim, result } = await run(
      { scenario: 'deploy-ok', packages: { packages: { Orders: ORDERS.slice(0, 2) } } },
      { package: 'Orders\nNo_Such_Package', deploy: 'true' },
    );
    expect(action.exitCode).toBe(1);
    expect(action.outputs.status).toBe('not_found');
    expect(action.outputs.message).toContain("integration package 'No_Such_Package' does not exist");
    expect(result.targets.map((target) => [target.id, target.status])).toEqual([
      ['No_Such_Package', 'not_found'],
      ['Order_Scripts', 'succeeded'],
      ['Orders_iFlow', 'succeeded'],
    ]);
    expect(deployed(sim).sort()).toEqual(['Order_Scripts', 'Orders_iFlow']);
  });

  it('with skip-unchanged sends no deploy for the artifact already started with that version', async () => {
    const { action, sim, result } = await run(
      {
        scenario: 'started',
        packages: {
          packages: {
            Orders: [
              { id: 'Orders_iFlow', type: 'integration-flow', version: '1.0.0' },
              { id: 'Billing_iFlow', type: 'integration-flow', version: '1.1.0' },
            ],
          },
        },
      },
      { package: 'Orders', deploy: 'true', 'skip-unchanged': 'true' },
    );
    expect(action.exitCode).toBe(0);
    expect(action.outputs).toMatchObject({ status: 'succeeded', skipped: 'Orders_iFlow' });
    expect(deployed(sim)).toEqual(['Billing_iFlow']);
    expect(result.targets.find((target) => target.id === 'Orders_iFlow')?.message).toBe(
      'unchanged (version 1.0.0 already started)',
    );
    expect(action.summary).toContain('1 artifact unchanged');
  });

  it('sends a package deploy refused by a gateway again, never one refused with a 400, and goes on', async () => {
    const { action, sim, result } = await run(
      {
        scenario: 'deploy-ok',
        artifacts: { Order_Mapping: 'deploy-gateway', Country_Codes: 'deploy-refused', Orders_iFlow: 'deploy-gateway' },
        packages: { packages: { Orders: ORDERS } },
      },
      { package: 'Orders', deploy: 'true' },
    );
    expect(action.outputs.status).toBe('error');
    const posts = (id: string) =>
      sim.requests.filter((r) => r.method === 'POST' && r.headers['x-csrf-token'] && artifactOf(r, sim) === id);
    expect(posts('Order_Mapping')).toHaveLength(3);
    expect(posts('Country_Codes')).toHaveLength(1);
    expect(posts('Orders_iFlow')).toHaveLength(3);
    const verdicts = Object.fromEntries(result.targets.map((target) => [target.id, target.status]));
    expect(verdicts).toEqual({
      Order_Scripts: 'succeeded',
      Shared_Scripts: 'succeeded',
      Country_Codes: 'error',
      Order_Mapping: 'succeeded',
      Orders_iFlow: 'succeeded',
      Billing_iFlow: 'succeeded',
      Invoice_iFlow: 'succeeded',
    });
  });

  it('gives endpoints only for the flows that succeeded, {} when none did', async () => {
    const packages = {
      packages: { Orders: ORDERS.filter((artifact) => FLOWS.includes(artifact.id)) },
      serviceEndpoints: ENDPOINTS,
    };
    const mixed = await run(
      { scenario: 'started', artifacts: { Invoice_iFlow: 'runtime-error' }, packages },
      { package: 'Orders' },
    );
    expect(mixed.action.outputs.status).toBe('failed');
    expect(JSON.parse(mixed.action.outputs.endpoints ?? '')).toEqual({
      Orders_iFlow: ENDPOINTS.Orders_iFlow,
      Billing_iFlow: ENDPOINTS.Billing_iFlow,
    });
    await simulator?.close();

    const failed = await run({ scenario: 'runtime-error', packages }, { id: 'Invoice_iFlow' });
    expect(failed.action.outputs).toMatchObject({ status: 'failed', endpoints: '{}' });
    expect(failed.sim.requests.some((request) => request.path === '/api/v1/ServiceEndpoints')).toBe(false);
  });

  it('lets a 429 with Retry-After on one artifact hold the reads of the others', async () => {
    const { sim } = await run(
      { scenario: 'endless', artifacts: { Orders_iFlow: 'rate-limited' } },
      { id: 'Orders_iFlow, Billing_iFlow, Invoice_iFlow', timeout: '2500ms' },
    );
    const reads = sim.requests.filter((request) => request.path.startsWith('/api/v1/IntegrationRuntimeArtifacts'));
    const limited = reads.find((request) => request.path.includes('Orders_iFlow'));
    expect(limited).toBeDefined();
    const others = reads.filter((request) => !request.path.includes('Orders_iFlow')).map((request) => request.at);
    const limitedAt = limited?.at ?? 0;
    // Retry-After: 1 — with reads every 100-200 ms, a second of silence is the 429's doing
    expect(others.filter((at) => at > limitedAt + 50 && at < limitedAt + 950)).toEqual([]);
    expect(others.filter((at) => at >= limitedAt + 950).length).toBeGreaterThan(0);
  });
});
