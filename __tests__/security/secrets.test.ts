/**
 * Every secret input, and the OAuth access token SAP hands out, is absent from what a run shows: the log
 * as the runner displays it (debug lines included), the outputs, the job summary, and what was sent to
 * GitHub (PR comment, commit status, deployment) — on success and on failure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGithubSimulator } from '../../sim/github.ts';
import { startInstallerSimulator } from '../../sim/installer.ts';
import { startNlFlowSimulator } from '../../sim/nl-flow.ts';
import { startOpenSearchSimulator } from '../../sim/opensearch.ts';
import { runAction } from '../../sim/run-action.ts';
import { DEMO_CLIENT, startSapSimulator } from '../../sim/sap.ts';
import type { SimServer } from '../../sim/server.ts';

const GITHUB_TOKEN = 'ghs_SecurityScan0123456789abcdefghijk';
const FAST = { interval: '50ms', 'max-interval': '100ms', 'request-timeout': '2s', timeout: '5s' };
const workDir = mkdtempSync(join(tmpdir(), 'await-deploy-secrets-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

type Provider = SimServer & { tokensIssued?: string[]; serviceKey?: string };

interface SecretCase {
  name: string;
  start(): Promise<Provider>;
  inputs(url: string, provider: Provider): Record<string, string>;
  /** the secret values of the inputs, and what is derived from them (Basic headers) */
  secrets: string[];
}

const basic = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64');
const OS_PASSWORD = 'os-Secret-Pa55-4821';
const SAP_PASSWORD = 'sap-Secret-Pa55-9134';
const NL_KEY = 'nl-Secret-ApiKey-5521';
const INSTALLER_TOKEN = 'zs-Secret-Token-7730';

const CASES: SecretCase[] = [
  {
    name: 'opensearch, Basic auth, ready',
    start: () =>
      startOpenSearchSimulator({
        scenario: 'provision-completed',
        basicAuth: { username: 'ci', password: OS_PASSWORD },
      }),
    inputs: (url) => ({
      provider: 'opensearch-flow-framework',
      url,
      id: 'wf-1',
      deploy: 'true',
      username: 'ci',
      password: OS_PASSWORD,
    }),
    secrets: [OS_PASSWORD, basic('ci', OS_PASSWORD)],
  },
  {
    name: 'opensearch, wrong password, error',
    start: () =>
      startOpenSearchSimulator({ scenario: 'endless', basicAuth: { username: 'ci', password: OS_PASSWORD } }),
    inputs: (url) => ({
      provider: 'opensearch-flow-framework',
      url,
      id: 'wf-1',
      username: 'ci',
      password: `${OS_PASSWORD}-wrong`,
    }),
    secrets: [`${OS_PASSWORD}-wrong`, basic('ci', `${OS_PASSWORD}-wrong`)],
  },
  {
    name: 'sap, service key and OAuth, deploy ready',
    start: () => startSapSimulator({ scenario: 'deploy-ok' }),
    inputs: (_url, sim) => ({
      provider: 'sap-cloud-integration',
      id: 'Order_Sync',
      deploy: 'true',
      'service-key': sim.serviceKey ?? '',
    }),
    secrets: [DEMO_CLIENT.clientSecret, basic(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret)],
  },
  {
    name: 'sap, Basic auth, failed deploy',
    start: () =>
      startSapSimulator({
        scenario: 'deploy-fail',
        auth: { kind: 'basic', username: 'S0001', password: SAP_PASSWORD },
      }),
    inputs: (url) => ({
      provider: 'sap-cloud-integration',
      url,
      id: 'Order_Sync',
      deploy: 'true',
      username: 'S0001',
      password: SAP_PASSWORD,
    }),
    secrets: [SAP_PASSWORD, basic('S0001', SAP_PASSWORD)],
  },
  {
    name: 'nl-flow, api key, ready',
    start: () => startNlFlowSimulator({ scenario: 'sync-green', apiKey: NL_KEY }),
    inputs: (url) => ({ provider: 'nl-flow', url, id: 'wf-1', 'api-key': NL_KEY }),
    secrets: [NL_KEY],
  },
  {
    name: 'nl-flow, wrong api key, error',
    start: () => startNlFlowSimulator({ scenario: 'sync-green', apiKey: NL_KEY }),
    inputs: (url) => ({ provider: 'nl-flow', url, id: 'wf-1', 'api-key': `${NL_KEY}-wrong` }),
    secrets: [`${NL_KEY}-wrong`],
  },
  {
    name: 'installer, bearer token, failed',
    start: () => startInstallerSimulator({ scenario: 'failed', token: INSTALLER_TOKEN }),
    inputs: (url) => ({ provider: 'installer', url, token: INSTALLER_TOKEN }),
    secrets: [INSTALLER_TOKEN],
  },
];

function pullRequestEvent(): string {
  const path = join(workDir, 'event.json');
  writeFileSync(
    path,
    JSON.stringify({
      number: 17,
      pull_request: { number: 17, state: 'open', head: { sha: 'a'.repeat(40), ref: 'feature' } },
    }),
  );
  return path;
}

describe.each(CASES)('$name', (testCase) => {
  it('shows no secret in log, outputs, summary or anything sent to GitHub', async () => {
    const provider = await testCase.start();
    const github = await startGithubSimulator({ token: GITHUB_TOKEN });
    try {
      const run = await runAction({
        inputs: {
          ...FAST,
          ...testCase.inputs(provider.url, provider),
          'github-token': GITHUB_TOKEN,
          'pr-comment': 'true',
          'commit-status': 'deploy/gate',
          environment: 'staging',
        },
        env: {
          RUNNER_DEBUG: '1',
          GITHUB_API_URL: github.apiUrl,
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'acme/app',
          GITHUB_SHA: 'b'.repeat(40),
          GITHUB_REF: 'refs/pull/17/merge',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: pullRequestEvent(),
          GITHUB_RUN_ID: '99',
        },
      });
      const comments = [...github.state.comments.values()].flat().map((comment) => comment.body);
      expect(comments.length).toBeGreaterThan(0);
      const sentToGithub = github.requests.map((request) => request.body).join('\n');
      const shown = {
        log: run.visibleLog,
        outputs: JSON.stringify(run.outputs),
        summary: run.summary,
        github: sentToGithub,
      };
      const secrets = [...testCase.secrets, GITHUB_TOKEN, ...(provider.tokensIssued ?? [])];
      expect(secrets.length).toBeGreaterThan(testCase.secrets.length);
      const found = Object.entries(shown).flatMap(([where, text]) =>
        secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret.slice(0, 6)}…`),
      );
      expect(found).toEqual([]);
      // The runner masks what @actions/core registers: every secret input must be registered.
      for (const secret of [...testCase.secrets.filter((s) => !/^[A-Za-z0-9+/=]{20,}$/.test(s)), GITHUB_TOKEN])
        expect(run.stdout).toContain(`::add-mask::${secret}`);
    } finally {
      await github.close();
      await provider.close();
    }
  });
});
