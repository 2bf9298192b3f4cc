/**
 * One run over an Edge: parse inputs → provider → wait → report; outputs and the summary are
 * written on every exit path. The GitHub runner (`main.ts`) and the command line are edges.
 */
import type { Config } from './config/config.js';
import { INPUT, SECRET_INPUTS, type OutputName } from './config/inputs.js';
import { derivedSecrets } from './config/derived-secrets.js';
import { parseConfig } from './config/parse.js';
import { InputError, messageOf } from './core/errors.js';
import type { Logger } from './core/logger.js';
import { systemClock } from './core/clock.js';
import { Redactor } from './core/redact.js';
import type { RunResult } from './core/types.js';
import { waitForTargets } from './engine/wait.js';
import { createHttpClient } from './http/client.js';
import type { HttpClient } from './http/types.js';
import { watchSignals, type SignalWatch } from './edge/signals.js';
import type { Edge } from './edge/types.js';
import { startGithubReporting, type GithubReporting } from './github-reporting.js';
import { PROVIDERS } from './providers/index.js';
import { buildOutputs } from './report/outputs.js';
import { redactResult } from './report/redact-result.js';
import { buildSummary } from './report/summary.js';
import type { RunInfo } from './report/types.js';
import { failureResult, runInfoFor } from './run-info.js';
import { groupedLogger, logResult } from './log-result.js';

/** How a run ended, for an edge that turns it into an exit code (the command line). */
export interface RunOutcome {
  /** the result as reported (redacted) */
  result: RunResult;
  /** the inputs were refused before anything was asked */
  inputError: boolean;
  /** the run marked itself failed: not ready (with fail-on-not-ready), or it could not report */
  failed: boolean;
}

/** `signals`: watched since the process started when the entry point says so, else from here on. */
export async function runAwaitDeploy(edge: Edge, signals: SignalWatch = watchSignals()): Promise<RunOutcome> {
  try {
    return await waitAndReport(edge, signals);
  } catch (error) {
    // Nothing should get here (each report step fails on its own); if something does, still fail visibly.
    const message = `await-deploy could not report: ${messageOf(error)}`;
    edge.setFailed(message);
    return { result: failureResult(new Error(message), new Date(), false), inputError: false, failed: true };
  } finally {
    signals.stop();
  }
}

async function waitAndReport(edge: Edge, signals: SignalWatch): Promise<RunOutcome> {
  const startedAt = new Date();
  const redactor = new Redactor();
  const log = redactingLogger(edge, redactor);
  const cancellation = new AbortController();
  signals.onFirst((signal) => {
    log.warning(`Received ${signal}: stopping the wait and reporting what is known.`);
    cancellation.abort(new Error(`cancelled by ${signal}`));
  });

  let config: Config | undefined;
  let info: RunInfo | undefined;
  let http: HttpClient | undefined;
  let github: GithubReporting | undefined;
  let result: RunResult;
  let inputError = false;
  const mask = (secret: string): void => {
    edge.setSecret(secret);
    redactor.add(secret);
  };
  try {
    // Before anything can print them.
    secretInputValues(edge).forEach(mask);
    config = parseConfig((name) => edge.readInput(name), edge.env);
    derivedSecrets(config).forEach(mask);
    const provider = await PROVIDERS[config.provider](config);
    if (config.deploy && !provider.canTrigger) {
      throw new InputError(
        INPUT.deploy,
        `Input '${INPUT.deploy}' is true, but provider '${config.provider}' has no documented way to start a deploy: remove 'deploy' and trigger the deploy in an earlier step; this step then waits for it.`,
      );
    }
    const prepared = provider.prepare(config);
    prepared.secrets.forEach(mask);
    info = runInfoFor(config, prepared);
    const client = createHttpClient({
      extraHeaders: config.headers,
      extraHeadersOrigin: new URL(prepared.endpoint).origin,
      caCertificate: config.caCertificate,
      clientCertificate: prepared.clientCertificate,
      proxyEnv: proxyEnvironment(edge.env),
      sign: prepared.sign,
    });
    http = client;
    github = await startGithubReporting({
      settings: config.github,
      env: edge.env,
      info,
      log: groupedLogger(log),
      redact: (text) => redactor.redactForApi(text),
    });
    result = await waitForTargets({
      targets: prepared.targets,
      session: prepared.open({ config, http: client, log, mask }),
      deploy: config.deploy,
      settings: config.wait,
      clock: systemClock,
      random: Math.random,
      log,
      signal: cancellation.signal,
      maxInFlight: config.maxParallel,
    });
  } catch (error) {
    inputError = error instanceof InputError;
    result = failureResult(error, startedAt, cancellation.signal.aborted);
  }

  // Redacted before rendering too: escaping changes a secret's text, so a final pass alone could miss one.
  const shown = redactResult(result, (text) => redactor.redactShown(text));
  // Each report is written whatever became of the one before: an unwritable GITHUB_OUTPUT still gets a summary.
  const outputsFailure = writeOutputs(edge, shown, redactor, config?.provider);
  if (config?.summary !== false)
    await writeSummary(edge, shown, followed(info ?? runInfoFor(config), shown), redactor, log);
  logResult(edge, shown, config?.wait.allowDegraded ?? false, (text) => redactor.redactShown(text));
  const failed = !result.ready && (config?.failOnNotReady !== false || result.targets.length === 0);
  if (failed) {
    edge.setFailed(redactor.redactShown(`${result.verdict}: ${result.message}`));
  } else if (result.ready) {
    log.info(`Ready: ${result.message}`);
  } else {
    log.warning(`Not ready (${result.verdict}), and fail-on-not-ready is false: ${result.message}`);
  }
  if (github) {
    await github.finish(result);
    if (github.log.lines.length > 0) {
      edge.group(
        'GitHub reporting',
        github.log.lines.map((line) => redactor.redactShown(line)),
      );
    }
  }
  await http?.close();
  if (outputsFailure)
    edge.setFailed(redactor.redact(`await-deploy could not write the step outputs: ${outputsFailure}`));
  return { result: shown, inputError, failed: failed || outputsFailure !== undefined };
}

/** What the run followed: the targets found at run time (a package's artifacts, a created workflow) when there are any. */
function followed(info: RunInfo, result: RunResult): RunInfo {
  return result.targets.length > 0 ? { ...info, ids: result.targets.map((target) => target.id) } : info;
}

/** Every secret input as given (a service key's own secrets come from the provider's settings). */
function secretInputValues(edge: Edge): string[] {
  return SECRET_INPUTS.flatMap((name) => {
    const value = edge.readInput(name).trim();
    return value ? [value] : [];
  });
}

/** Why the outputs could not be written, or undefined when they were. */
function writeOutputs(
  edge: Edge,
  result: RunResult,
  redactor: Redactor,
  provider: Config['provider'] | undefined,
): string | undefined {
  try {
    for (const [name, value] of Object.entries(buildOutputs(result, provider))) {
      edge.setOutput(name as OutputName, redactor.redact(value));
    }
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

async function writeSummary(
  edge: Edge,
  result: RunResult,
  info: RunInfo,
  redactor: Redactor,
  log: Logger,
): Promise<void> {
  try {
    // Like the GitHub API, the summary is shown outside the runner's log masking: every secret goes, however short.
    await edge.writeSummary(redactor.redactForApi(buildSummary(result, info)));
  } catch (error) {
    // Outside a runner (or with the summary file gone) the verdict still stands.
    log.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}

function redactingLogger(edge: Edge, redactor: Redactor): Logger {
  return {
    debug: (message) => edge.debug(redactor.redactShown(message)),
    info: (message) => edge.info(redactor.redactShown(message)),
    warning: (message) => edge.warning(redactor.redactShown(message)),
  };
}

function proxyEnvironment(env: NodeJS.ProcessEnv): { httpProxy?: string; httpsProxy?: string; noProxy?: string } {
  return {
    httpProxy: env.HTTP_PROXY || env.http_proxy || undefined,
    httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
    noProxy: env.NO_PROXY || env.no_proxy || undefined,
  };
}
