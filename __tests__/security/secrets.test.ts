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
import { assertNoSecretShown, runAction, secretsOfRun } from '../../sim/run-action.ts';
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
  /** the verdict the run must reach: a run that stops early on some other error proves nothing */
  status: string;
  /** the run gets an OAuth access token from the simulator, which must be kept secret too */
  oauth?: boolean;
}

const basic = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64');
const OS_PASSWORD = 'os-Secret-Pa55-4821';
const SAP_PASSWORD = 'sap-Secret-Pa55-9134';
const NL_KEY = 'nl-Secret-ApiKey-5521';
const INSTALLER_TOKEN = 'zs-Secret-Token-7730';
const OS_TOKEN = 'os-Secret-Bearer-6602';

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
    status: 'succeeded',
  },
  {
    name: 'opensearch, bearer token, ready',
    start: () => startOpenSearchSimulator({ scenario: 'provision-completed', bearerToken: OS_TOKEN }),
    inputs: (url) => ({ provider: 'opensearch-flow-framework', url, id: 'wf-1', deploy: 'true', token: OS_TOKEN }),
    secrets: [OS_TOKEN],
    status: 'succeeded',
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
    status: 'error',
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
    status: 'succeeded',
    oauth: true,
  },
  {
    name: 'sap, client-id/client-secret/token-url and OAuth, deploy ready',
    start: () => startSapSimulator({ scenario: 'deploy-ok' }),
    inputs: (url) => ({
      provider: 'sap-cloud-integration',
      url,
      id: 'Order_Sync',
      deploy: 'true',
      'client-id': DEMO_CLIENT.clientId,
      'client-secret': DEMO_CLIENT.clientSecret,
      'token-url': `${url}/oauth/token`,
    }),
    secrets: [DEMO_CLIENT.clientSecret, basic(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret)],
    status: 'succeeded',
    oauth: true,
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
    status: 'failed',
  },
  {
    name: 'nl-flow, api key, ready',
    start: () => startNlFlowSimulator({ scenario: 'sync-green', apiKey: NL_KEY }),
    inputs: (url) => ({ provider: 'nl-flow', url, id: 'wf-1', 'api-key': NL_KEY }),
    secrets: [NL_KEY],
    status: 'succeeded',
  },
  {
    name: 'nl-flow, wrong api key, error',
    start: () => startNlFlowSimulator({ scenario: 'sync-green', apiKey: NL_KEY }),
    inputs: (url) => ({ provider: 'nl-flow', url, id: 'wf-1', 'api-key': `${NL_KEY}-wrong` }),
    secrets: [`${NL_KEY}-wrong`],
    status: 'error',
  },
  {
    name: 'installer, bearer token, failed',
    start: () => startInstallerSimulator({ scenario: 'failed', token: INSTALLER_TOKEN }),
    inputs: (url) => ({ provider: 'installer', url, token: INSTALLER_TOKEN }),
    secrets: [INSTALLER_TOKEN],
    status: 'failed',
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
      const inputs = {
        ...FAST,
        ...testCase.inputs(provider.url, provider),
        'github-token': GITHUB_TOKEN,
        'pr-comment': 'true',
        'commit-status': 'deploy/gate',
        environment: 'staging',
      };
      const run = await runAction({
        inputs,
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
        // runAction scans log, outputs and summary for the secret inputs, and for these once the run is over
        secrets: () => provider.tokensIssued ?? [],
      });
      expect(run.outputs.status).toBe(testCase.status);
      const tokensIssued = provider.tokensIssued ?? [];
      if (testCase.oauth) expect(tokensIssued.length).toBeGreaterThan(0);
      else expect(tokensIssued).toEqual([]);
      const comments = [...github.state.comments.values()].flat().map((comment) => comment.body);
      expect(comments.length).toBeGreaterThan(0);
      const sentToGithub = github.requests.map((request) => request.body).join('\n');
      assertNoSecretShown(secretsOfRun(inputs, tokensIssued), { github: sentToGithub });
      // The runner masks what @actions/core registers: every secret input must be registered.
      const registered = [...testCase.secrets.filter((s) => !/^[A-Za-z0-9+/=]{20,}$/.test(s)), GITHUB_TOKEN];
      for (const secret of [...registered, ...tokensIssued]) expect(run.stdout).toContain(`::add-mask::${secret}`);
    } finally {
      await github.close();
      await provider.close();
    }
  });
});

describe('the secret scan of every end-to-end run', () => {
  const LEAKED = 'leaked-Secret-3390';
  const scan = (inputs: Record<string, string>, shown: Record<string, string>, derived: string[] = []): string => {
    try {
      assertNoSecretShown(secretsOfRun(inputs, derived), shown);
      return 'no leak';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('names the input and where it showed, never the secret', () => {
    const message = scan({ password: LEAKED }, { log: `connecting with ${LEAKED}`, summary: '' });
    expect(message).toContain("input 'password' in the log");
    expect(message).not.toContain(LEAKED);
    expect(scan({ password: LEAKED }, { log: 'connecting', summary: '' })).toBe('no leak');
  });

  it('finds every kind of secret: inputs, service-key fields, Basic credentials, derived tokens', () => {
    const serviceKey = JSON.stringify({
      oauth: { clientid: 'sb-client-1', clientsecret: LEAKED, tokenurl: 'https://a' },
    });
    expect(scan({ 'service-key': serviceKey }, { "output 'message'": `bad ${LEAKED}` })).toContain(
      "service-key field 'clientsecret' in the output 'message'",
    );
    // a cut-off key is not JSON, and its secret is still looked for
    expect(scan({ 'service-key': serviceKey.slice(0, -3) }, { log: LEAKED })).toContain(
      "service-key field 'clientsecret'",
    );
    expect(scan({ 'service-key': serviceKey }, { log: 'https://a/oauth/token' })).toBe('no leak');
    const credential = Buffer.from(`ci:${LEAKED}`).toString('base64');
    expect(scan({ username: 'ci', password: LEAKED }, { summary: `Basic ${credential}` })).toContain(
      "the Basic credential of 'username':'password' in the summary",
    );
    expect(
      scan({ 'client-id': 'sb-client-1', 'client-secret': LEAKED }, { summary: `<code>${LEAKED}</code>` }),
    ).toContain("input 'client-secret'");
    expect(scan({}, { "output 'result'": `{"token":"${LEAKED}"}` }, [LEAKED])).toContain(
      "options.secrets[0] in the output 'result'",
    );
  });

  it('finds a secret as the JSON output or the escaped summary shows it', () => {
    const awkward = 'pa"ss<word>-7781';
    expect(scan({ token: awkward }, { "output 'result'": JSON.stringify({ message: awkward }) })).toContain(
      "input 'token'",
    );
    expect(scan({ token: awkward }, { summary: 'pa&quot;ss&lt;word&gt;-7781' })).toContain("input 'token'");
  });

  it('ignores values shorter than 8 characters, which occur in any log by chance', () => {
    expect(scan({ password: 'x', token: 'abc1234' }, { log: 'x abc1234' })).toBe('no leak');
    expect(scan({ token: 'abcd1234' }, { log: 'abcd1234' })).toContain("input 'token'");
  });
});
