import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import { DEMO_CLIENT, startSapSimulator, type SapSimulator, type SapSimulatorOptions } from '../../sim/sap.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const BASIC = { kind: 'basic', username: 'ci-user', password: 'Basic-Pa55word!' } as const;

let simulator: SapSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

interface Result {
  run: ActionRun;
  sim: SapSimulator;
  result: { status: string; targets: { id: string; status: string; providerStatus: string; message: string }[] };
}

/** Runs the bundle against a fresh simulator; OAuth through its service key unless the inputs say otherwise. */
async function run(options: SapSimulatorOptions, inputs: Record<string, string> = {}): Promise<Result> {
  const sim = await startSapSimulator(options);
  simulator = sim;
  const credentials: Record<string, string> =
    options.auth?.kind === 'basic' ? { url: sim.url } : { 'service-key': sim.serviceKey };
  const action = await runAction({
    inputs: { provider: 'sap-cloud-integration', id: 'Order_Sync', ...credentials, ...FAST_INPUTS, ...inputs },
    // runAction scans for the secret inputs and service-key fields, and for the access tokens issued
    secrets: () => sim.tokensIssued,
  });
  return { run: action, sim, result: JSON.parse(action.outputs.result ?? '{}') as Result['result'] };
}

const apiRequests = (sim: SapSimulator) => sim.requests.filter((r) => r.url.startsWith('/api/v1'));
/** Deploy POSTs that reached the deploy logic: with the CSRF token (the first one only fetches it). */
const deployPosts = (sim: SapSimulator) =>
  apiRequests(sim).filter((r) => r.method === 'POST' && r.headers['x-csrf-token']);

describe('sap-cloud-integration end to end', () => {
  it('deploys with a service key: DEPLOYING → SUCCESS → STARTING → STARTED', async () => {
    const {
      run: action,
      sim,
      result,
    } = await run({ scenario: 'deploy-ok', tokenLifetimeSeconds: 60 }, { deploy: 'true' });
    expect(action.exitCode).toBe(0);
    expect(action.outputs).toMatchObject({ status: 'succeeded', ready: 'true', 'provider-status': 'STARTED' });
    expect(action.outputs['task-id']).toBe(sim.taskIds.get('Order_Sync'));
    expect(action.outputs['task-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(result.targets[0]).toMatchObject({ id: 'Order_Sync', status: 'succeeded', providerStatus: 'STARTED' });
    expect(apiRequests(sim).map((r) => r.path.replace(/'[0-9a-f]{32}'/, "'<task>'"))).toEqual([
      '/api/v1/DeployIntegrationDesigntimeArtifact',
      '/api/v1/',
      '/api/v1/DeployIntegrationDesigntimeArtifact',
      "/api/v1/BuildAndDeployStatus(TaskId='<task>')",
      "/api/v1/BuildAndDeployStatus(TaskId='<task>')",
      "/api/v1/IntegrationRuntimeArtifacts('Order_Sync')",
      "/api/v1/IntegrationRuntimeArtifacts('Order_Sync')",
      // the flow succeeded: its endpoints, for output `endpoints`
      '/api/v1/ServiceEndpoints',
    ]);
    expect(sim.tokensIssued).toHaveLength(1);
    expect(action.summary).toMatch(/Order\\?_Sync/);
    expect(action.summary).toContain(action.outputs['task-id']);
  });

  it('fails on a build FAIL with the recorded diagnostic in message, summary and log', async () => {
    const { run: action, result } = await run({ scenario: 'deploy-fail' }, { deploy: 'true' });
    const diagnostic = "Script file 'script1.groovy' not found";
    expect(action.exitCode).toBe(1);
    expect(action.outputs).toMatchObject({ status: 'failed', ready: 'false', 'provider-status': 'FAIL' });
    expect(action.outputs.message).toContain(diagnostic);
    expect(action.outputs.message).not.toMatch(/GenerationFailed$/);
    expect(result.targets[0]?.message).toContain(diagnostic);
    expect(action.summary).toContain('script1.groovy');
    expect(action.summary).toContain('Generation and build failed for TEST_DEPLOY_STATUS_BROKEN');
    // A plain line of the job log, not only the annotation.
    const plainLines = action.stdout.split('\n').filter((line) => !line.startsWith('::'));
    expect(plainLines.some((line) => line.includes(diagnostic))).toBe(true);
  });

  it('fails on a runtime ERROR with the recorded nested diagnostic, flattened', async () => {
    const { run: action, result } = await run({ scenario: 'runtime-error' }, { deploy: 'true' });
    const cause = 'SimpleIllegalSyntaxException: expected symbol functionEnd but was eol at location 43';
    expect(action.exitCode).toBe(1);
    expect(action.outputs).toMatchObject({ status: 'failed', 'provider-status': 'ERROR' });
    expect(result.targets[0]?.message).toBe(
      `runtime status ERROR: SimpleParserException: expected symbol functionEnd but was eol — ${cause}`,
    );
    expect(action.summary).toContain('expected symbol functionEnd but was eol at location 43');
    expect(action.summary).not.toContain('childMessageInstances');
    expect(action.stdout).toContain(cause);
  });

  it('reads the error details after a 406 to the first Accept', async () => {
    const { run: action, sim } = await run({ scenario: 'runtime-error-documented', errorInfoAccept: 'json' });
    expect(action.outputs).toMatchObject({ status: 'failed', 'provider-status': 'ERROR' });
    expect(action.outputs.message).toContain('Script resource not found');
    const reads = apiRequests(sim).filter((r) => r.url.endsWith('/$value'));
    expect(reads.map((r) => r.headers.accept)).toEqual(['application/xml', 'application/json']);
  });

  it('deploys a message mapping whose deploy answers 202 without a task id, past the previous entry', async () => {
    const { run: action, sim } = await run(
      { scenario: 'redeploy' },
      { deploy: 'true', id: 'MM_Order_To_Invoice', 'artifact-type': 'message-mapping' },
    );
    expect(action.exitCode).toBe(0);
    expect(action.outputs).toMatchObject({ status: 'succeeded', 'provider-status': 'STARTED', 'task-id': '' });
    expect(action.stdout).toContain('no task id: following the runtime entry');
    expect(action.stdout).toContain('from before this run');
    const paths = apiRequests(sim).map((r) => r.path);
    expect(paths).toContain('/api/v1/DeployMessageMappingDesigntimeArtifact');
    expect(paths.some((path) => path.includes('BuildAndDeployStatus'))).toBe(false);
  });

  it('sends a deploy answered 503 and 502 by a gateway again with the backoff, then follows it', async () => {
    const { run: action, sim } = await run({ scenario: 'deploy-gateway' }, { deploy: 'true' });
    expect(action.outputs.status).toBe('succeeded');
    const posts = deployPosts(sim);
    expect(posts).toHaveLength(3);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(70);
    expect(action.outputs['task-id']).toBe(sim.taskIds.get('Order_Sync'));
    expect(action.stdout).toMatch(/deploy request: .*HTTP 503.* — retrying in/);
  });

  it('never sends a deploy answered 500 again: it may have started', async () => {
    const { run: action, sim } = await run({ scenario: 'deploy-500' }, { deploy: 'true' });
    expect(action.outputs.status).toBe('error');
    expect(action.outputs.message).toContain('may or may not have started');
    expect(deployPosts(sim)).toHaveLength(1);
  });

  it('fails on FAIL_ON_LICENSE_ERROR', async () => {
    const { run: action } = await run({ scenario: 'license-error' }, { deploy: 'true' });
    expect(action.outputs).toMatchObject({ status: 'failed', 'provider-status': 'FAIL_ON_LICENSE_ERROR' });
    expect(action.outputs.message).toContain('license');
  });

  it('never calls an invented status a success: unknown until timed_out, warned once', async () => {
    const { run: action } = await run({ scenario: 'invented-status' }, { deploy: 'true', timeout: '1500ms' });
    expect(action.exitCode).toBe(1);
    expect(action.outputs).toMatchObject({ status: 'timed_out', ready: 'false', 'provider-status': 'WARMING_UP' });
    expect(action.stdout.match(/unrecognized provider status 'WARMING_UP'/g)).toHaveLength(1);
  });

  it('deploys with Basic auth, a CSRF token and the session cookies', async () => {
    const { run: action, sim } = await run(
      { scenario: 'deploy-ok', auth: BASIC },
      { deploy: 'true', username: BASIC.username, password: BASIC.password },
    );
    expect(action.outputs.status).toBe('succeeded');
    const [fetch, deploy] = apiRequests(sim);
    expect(fetch).toMatchObject({ method: 'GET', url: '/api/v1/' });
    expect(fetch?.headers['x-csrf-token']).toBe('Fetch');
    expect(deploy?.method).toBe('POST');
    expect(deploy?.headers['x-csrf-token']).toMatch(/^[0-9a-f]{32}$/);
    expect(deploy?.headers.cookie).toContain('JSESSIONID=');
  });

  it('fetches a new token once when the first one expires early', async () => {
    const { run: action, sim } = await run({ scenario: 'deploy-ok', revokeFirstTokenAfter: 4 }, { deploy: 'true' });
    expect(action.outputs.status).toBe('succeeded');
    expect(sim.tokensIssued).toHaveLength(2);
    expect(
      apiRequests(sim).filter((r) => r.headers.authorization === `Bearer ${sim.tokensIssued[1]}`).length,
    ).toBeGreaterThan(0);
  });

  it('reads XML answers', async () => {
    const { run: action, result } = await run({ scenario: 'deploy-ok', format: 'xml' }, { deploy: 'true' });
    expect(action.outputs).toMatchObject({ status: 'succeeded', 'provider-status': 'STARTED' });
    expect(result.targets[0]?.message).toContain('started version 1.0.0');
  });

  it('is an error, never a success, when a login page answers with 200', async () => {
    const { run: action } = await run({ scenario: 'started', htmlLogin: true });
    expect(action.exitCode).toBe(1);
    expect(action.outputs.status).toBe('error');
    expect(action.outputs.message).toContain('got an HTML page — check url and credentials');
  });

  it('deploys an Id containing a quote', async () => {
    const id = "O'Brien_Sync";
    const { run: action, sim } = await run({ scenario: 'deploy-ok' }, { deploy: 'true', id, version: '1.2.0' });
    expect(action.outputs.status).toBe('succeeded');
    expect(sim.taskIds.has(id)).toBe(true);
    expect(apiRequests(sim).map((r) => r.url)).toContain("/api/v1/IntegrationRuntimeArtifacts('O''Brien_Sync')");
  });

  it('deploys three ids at once and reports the failing one as the verdict', async () => {
    const {
      run: action,
      sim,
      result,
    } = await run(
      { scenario: 'deploy-ok', artifacts: { Billing_Sync: 'runtime-error' } },
      { deploy: 'true', id: 'Order_Sync\nBilling_Sync, Invoice_Sync' },
    );
    expect(action.exitCode).toBe(1);
    expect(action.outputs.status).toBe('failed');
    expect(result.targets.map((t) => [t.id, t.status])).toEqual([
      ['Order_Sync', 'succeeded'],
      ['Billing_Sync', 'failed'],
      ['Invoice_Sync', 'succeeded'],
    ]);
    expect(
      action.outputs['task-id']
        ?.split(',')
        .map((t) => t.trim())
        .sort(),
    ).toEqual([...sim.taskIds.values()].sort());
    expect(sim.tokensIssued).toHaveLength(1);
  });

  it('reports an artifact that is not deployed as not_found without a deploy', async () => {
    const { run: action } = await run({ scenario: 'not-deployed' });
    expect(action.outputs.status).toBe('not_found');
    expect(action.outputs.message).toContain('not deployed');
  });

  it('stops before any request on an incomplete service key and never echoes it', async () => {
    const sim = await startSapSimulator({ scenario: 'started' });
    simulator = sim;
    const key = JSON.stringify({
      oauth: { clientid: 'sb-x', clientsecret: DEMO_CLIENT.clientSecret, url: sim.url },
    });
    const action = await runAction({
      inputs: { provider: 'sap-cloud-integration', id: 'Order_Sync', 'service-key': key, ...FAST_INPUTS },
      secrets: () => sim.tokensIssued,
    });
    expect(action.exitCode).toBe(1);
    expect(action.outputs.status).toBe('error');
    expect(action.outputs.message).toContain("'oauth.tokenurl'");
    expect(sim.requests).toHaveLength(0);
  });
});
