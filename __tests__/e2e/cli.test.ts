/**
 * The command line end to end, as `npx await-deploy` runs it: the packed tarball installed into a
 * temporary prefix, its bin run against the simulators. Every run is scanned for the secrets it was given.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGithubState, startGithubSimulator } from '../../sim/github.ts';
import { startOpenSearchSimulator, status, type OpenSearchSimulator } from '../../sim/opensearch.ts';
import { startServer, type SimServer } from '../../sim/server.ts';
import { FAST_INPUTS } from '../support/e2e.ts';
import {
  installPackedCli,
  otherNodesOnPath,
  runPackedCli,
  type CliRun,
  type CliRunOptions,
  type PackedCli,
} from '../support/packed-cli.ts';

const PASSWORD = 'cli-Pa55word-on-the-command-line';

let cli: PackedCli;
beforeAll(() => {
  cli = installPackedCli();
});
afterAll(() => cli?.remove());

const servers: SimServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function opensearch(scenario: string, options: { password?: string } = {}): Promise<OpenSearchSimulator> {
  const basicAuth = options.password ? { username: 'ci', password: options.password } : undefined;
  const server = await startOpenSearchSimulator({ scenario, basicAuth, provisionAnswer: 202 });
  servers.push(server);
  return server;
}

/** One run against OpenSearch playing `scenario`, with the fast waits and `extra` on top. */
async function play(scenario: string, extra: CliRunOptions = {}): Promise<CliRun> {
  const sim = await opensearch(scenario);
  return runPackedCli(cli, {
    ...extra,
    inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-1', ...FAST_INPUTS, ...extra.inputs },
  });
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('the npm package', () => {
  it('holds the bundled command line and its license, and nothing else (no tests, no simulators, no sources)', () => {
    expect(cli.files).toContain('dist/cli/index.js');
    expect(cli.files).toContain('package.json');
    const other = cli.files.filter(
      (file) => !file.startsWith('dist/cli/') && !/^(package\.json|README\.md|LICENSE)$/.test(file),
    );
    expect(other).toEqual([]);
  });

  it('prints --help on stdout, generated from the inputs', async () => {
    const run = await runPackedCli(cli, { args: ['--help'], files: false });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Usage: await-deploy --provider NAME/m);
    expect(run.stdout).toMatch(/^ {2}--service-key VALUE/m);
    expect(run.stderr).toBe('');
  });
});

describe('await-deploy on the command line', () => {
  it('ready → 0: log on stderr without workflow commands, nothing on stdout, outputs, summary; the password never shown', async () => {
    const sim = await opensearch('provision-completed', { password: PASSWORD });
    const run = await runPackedCli(cli, {
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-1', username: 'ci', password: PASSWORD },
      args: ['--deploy', '--interval', '100ms', '--timeout', '10s'],
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('wf-1: succeeded (COMPLETED)');
    expect(run.stderr).not.toMatch(/::|##\[/);
    expect(run.stderr).not.toContain('\u001b[');
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      path: '/_plugins/_flow_framework/workflow/wf-1/_provision',
    });
    expect(run.outputs).toMatchObject({
      status: 'succeeded',
      ready: 'true',
      provider_status: 'COMPLETED',
      progress: '100',
      attempts: '4',
    });
    expect(JSON.parse(run.outputs.result ?? '')).toMatchObject({ status: 'succeeded', targets: [{ id: 'wf-1' }] });
    expect(run.summary).toMatch(/^## \S+ Deploy ready$/m);
  });

  it('--json prints the result JSON on stdout and nothing else', async () => {
    const run = await play('provision-completed', { args: ['--json'] });
    expect(run.exitCode).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(run.outputs.result ?? ''));
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'succeeded', ready: true });
  });

  it('not ready → 1, with the provider error on stderr', async () => {
    const run = await play('provision-failed');
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', ready: 'false', provider_status: 'FAILED' });
    expect(run.stderr).toMatch(/^await-deploy: failed: .*invalid credential/m);
    expect(run.summary).toMatch(/^## \S+ Deploy failed: wf-1$/m);
  });

  it("a failed target's group and annotation on stderr as plain text: a title, its lines indented, no command", async () => {
    const run = await play('provision-failed');
    expect(run.exitCode).toBe(1);
    const log = lines(run.stderr);
    expect(run.stderr).not.toMatch(/::|##\[/);
    const title = log.findIndex((line) => /^wf-1: failed \(FAILED\) · 2 status reads · /.test(line));
    expect(title).toBeGreaterThan(-1);
    expect(log[title + 1]).toMatch(/^ {2}provisioning failed: .*invalid credential$/);
    expect(log.filter((line) => line.startsWith('error: '))).toEqual([
      expect.stringMatching(/^error: wf-1: failed: provisioning failed: .*invalid credential$/),
    ]);
    expect(log.at(-1)).toMatch(/^await-deploy: failed: /);
  });

  it('not ready with fail-on-not-ready: false → 0, the verdict in the outputs', async () => {
    const run = await play('provision-failed', { args: ['--fail-on-not-ready=false'] });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'failed', ready: 'false' });
  });

  it('a bad input value → 2, with the parser message naming the input; outputs and summary still written', async () => {
    const run = await play('provision-completed', { inputs: { timeout: 'soon' } });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr).filter((line) => line.startsWith('await-deploy: '))).toEqual([
      "await-deploy: error: Input 'timeout' has value 'soon', which is not a duration. Use seconds (90) or units: 90s, 5m, 1h30m, 250ms.",
    ]);
    expect(run.outputs).toMatchObject({ status: 'error', ready: 'false' });
    expect(run.summary).not.toBe('');
  });

  it('an unknown flag → 2, one line on stderr, nothing else done', async () => {
    const sim = await opensearch('provision-completed');
    const run = await runPackedCli(cli, {
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-1' },
      args: ['--dploy'],
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe("await-deploy: unknown option '--dploy' (see --help)\n");
    expect(run.stdout).toBe('');
    expect(run.outputFile).toBe('');
    expect(sim.requests).toEqual([]);
  });

  it('the provider cannot be asked (401) → 3', async () => {
    const sim = await opensearch('endless', { password: PASSWORD });
    const run = await runPackedCli(cli, {
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-1', ...FAST_INPUTS },
      envInputs: { username: 'ci', password: 'wrong-password-in-the-environment' },
    });
    expect(run.exitCode).toBe(3);
    expect(run.outputs.status).toBe('error');
    expect(run.outputs.message).toMatch(/401.*credentials/);
  });

  it('timed out → 4', async () => {
    const run = await play('endless', { inputs: { timeout: '1s' } });
    expect(run.exitCode).toBe(4);
    expect(run.outputs).toMatchObject({ status: 'timed_out', provider_status: 'PROVISIONING' });
    expect(run.summary).toMatch(/^## \S+ Deploy timed out: wf-1$/m);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s → %i, with outputs, --json and the summary written', async (signal, code) => {
    const run = await play('endless', {
      inputs: { timeout: '60s' },
      args: ['--json'],
      signal: { name: signal, afterMs: 1_500 },
    });
    expect(run.signalledAtMs).toBeDefined();
    expect(run.exitCode).toBe(code);
    expect(run.outputs).toMatchObject({ status: 'cancelled', ready: 'false' });
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'cancelled' });
    expect(run.summary).toMatch(/^## \S+ Wait cancelled: wf-1$/m);
    expect(run.durationMs - (run.signalledAtMs ?? 0)).toBeLessThan(3_000);
  });

  it('reads every input from AWAIT_DEPLOY_<INPUT>, and a flag wins over its variable', async () => {
    const sim = await opensearch('provision-completed', { password: PASSWORD });
    const run = await runPackedCli(cli, {
      inputs: { url: sim.url },
      envInputs: {
        provider: 'opensearch-flow-framework',
        url: 'http://127.0.0.1:9/not-this-one',
        id: 'wf-1',
        deploy: 'true',
        username: 'ci',
        password: PASSWORD,
        interval: '100ms',
        timeout: '10s',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(sim.requests[0]?.path).toBe('/_plugins/_flow_framework/workflow/wf-1/_provision');
  });

  it('never shows a secret given as a flag, not even one the provider echoes back', async () => {
    const token = 'cli-Bearer-T0ken-echoed-back';
    let reads = 0;
    // A cluster that quotes the request's credentials in its answer, and keeps quoting them.
    const sim = await startServer((request) =>
      ++reads < 3
        ? status('wf-1', 'PROVISIONING', { error: `checking ${request.headers.authorization}` })
        : status('wf-1', 'FAILED', { error: `invalid credential ${request.headers.authorization}` }),
    );
    servers.push(sim);
    const run = await runPackedCli(cli, {
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-1', token, ...FAST_INPUTS },
      args: ['--json', '--verbose'],
    });
    // runPackedCli has scanned stdout, stderr, the outputs and the summary for the token
    expect(run.exitCode).toBe(1);
    expect(sim.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(run.stderr).toMatch(/^debug: wf-1: in_progress/m);
    expect(run.stderr).toContain('invalid credential Bearer ***');
  });

  it('blanks a secret of any length: no runner masks the log here', async () => {
    const sim = await startServer((request) =>
      status('wf-1', 'FAILED', { error: `invalid credential ${request.headers.authorization}` }),
    );
    servers.push(sim);
    const run = await runPackedCli(cli, {
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-1', token: 'Zq7', ...FAST_INPUTS },
      args: ['--json'],
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('invalid credential Bearer ***');
    for (const shown of [run.stdout, run.stderr, run.outputFile, run.summary]) expect(shown).not.toContain('Zq7');
  });

  it('lets provider text start no Azure Pipelines command, in the log or in --json', async () => {
    const forged = '##vso[task.setvariable variable=ready]true';
    const sim = await startServer(() => status('wf-1', 'FAILED', { error: `connector said ${forged}` }));
    servers.push(sim);
    const run = await runPackedCli(cli, {
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-1', ...FAST_INPUTS },
      args: ['--json'],
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('connector said # #vso[task.setvariable');
    for (const shown of [run.stdout, run.stderr]) expect(shown).not.toMatch(/##vso\[/i);
    expect(JSON.parse(run.stdout).targets[0].message).toContain(forged);
  });

  it('reports to GitHub without a runner only with a whole GitHub context, and silently not without one', async () => {
    const state = createGithubState();
    const gh = await startGithubSimulator({ token: 'ghs_cli_token_0123456789', state });
    servers.push(gh);
    const alone = await play('provision-completed', { inputs: { 'commit-status': 'deploy/search' } });
    expect(alone.exitCode).toBe(0);
    expect(alone.stderr).not.toMatch(/GitHub/);
    expect(gh.requests).toEqual([]);

    const withContext = await play('provision-completed', {
      inputs: { 'commit-status': 'deploy/search' },
      env: {
        GITHUB_API_URL: gh.apiUrl,
        GITHUB_REPOSITORY: 'acme/search-app',
        GITHUB_SHA: 'c0ffee0000000000000000000000000000000001',
        GITHUB_TOKEN: 'ghs_cli_token_0123456789',
      },
    });
    expect(withContext.exitCode).toBe(0);
    expect(state.statuses.map((s) => [s.state, s.context])).toEqual([
      ['pending', 'deploy/search'],
      ['success', 'deploy/search'],
    ]);
  });
});

describe.each(otherNodesOnPath())('on Node $version too', ({ binary }) => {
  it('prints --help and waits for a deploy', async () => {
    const help = await runPackedCli(cli, { args: ['--help'], files: false, node: binary });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Exit codes:$/m);
    const run = await play('provision-completed', { args: ['--deploy', '--json'], node: binary });
    expect(run.stderr).not.toMatch(/Error|warning/);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'succeeded' });
  });
});
