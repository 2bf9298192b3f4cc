/**
 * One run over an Edge: parse inputs → provider → wait → report; outputs and the summary are
 * written on every exit path. The GitHub runner (`main.ts`) and the command line are edges.
 */
import { readFileSync } from 'node:fs';
import type { Config } from './config/config.js';
import { INPUT, SECRET_INPUTS, type OutputName } from './config/inputs.js';
import { derivedSecrets } from './config/derived-secrets.js';
import { parseConfig } from './config/parse.js';
import { InputError, messageOf } from './core/errors.js';
import type { Logger } from './core/logger.js';
import { systemClock } from './core/clock.js';
import { Redactor } from './core/redact.js';
import { withoutFormatCharacters } from './core/text.js';
import type { RunResult } from './core/types.js';
import { waitForTargets } from './engine/wait.js';
import { createHttpClient } from './http/client.js';
import type { HttpClient } from './http/types.js';
import type { Edge } from './edge/types.js';
import { PROVIDERS } from './providers/index.js';
import { buildOutputs } from './report/outputs.js';
import { redactResult } from './report/redact-result.js';
import { buildSummary } from './report/summary.js';
import type { RunInfo } from './report/types.js';
import { failureResult, runInfoFor } from './run-info.js';

/** Bounds each half of the GitHub reporting (start, finish): it must never hold the job. */
const REPORTING_TIMEOUT_MS = 15_000;

interface StartedReporting {
  reporter: import('./report/github/index.js').GithubReporter;
  /** settles when the start is done or has given up; the wait does not wait for it */
  started: Promise<void>;
  /** aborts the requests still under way when the step is done with GitHub */
  stop: AbortController;
}

export async function runAwaitDeploy(edge: Edge): Promise<void> {
  try {
    await waitAndReport(edge);
  } catch (error) {
    // Only writing the outputs or the summary can get here (an unwritable GITHUB_OUTPUT…): still fail visibly.
    edge.setFailed(`await-deploy could not report: ${messageOf(error)}`);
  }
}

async function waitAndReport(edge: Edge): Promise<void> {
  const startedAt = new Date();
  const redactor = new Redactor();
  const log = redactingLogger(edge, redactor);
  const cancellation = new AbortController();
  const cancel = (signal: NodeJS.Signals): void => {
    if (cancellation.signal.aborted) return;
    log.warning(`Received ${signal}: stopping the wait and reporting what is known.`);
    cancellation.abort(new Error(`cancelled by ${signal}`));
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);

  let config: Config | undefined;
  let info: RunInfo | undefined;
  let http: HttpClient | undefined;
  let github: StartedReporting | undefined;
  let result: RunResult;
  const mask = (secret: string): void => {
    edge.setSecret(secret);
    redactor.add(secret);
  };
  try {
    // Before anything can print them.
    secretInputValues(edge).forEach(mask);
    config = parseConfig((name) => edge.readInput(name));
    derivedSecrets(config).forEach(mask);
    const provider = await PROVIDERS[config.provider]();
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
      proxyEnv: proxyEnvironment(edge.env),
    });
    http = client;
    github = await startGithubReporting(edge, config, info, log, redactor);
    result = await waitForTargets({
      targets: prepared.targets,
      session: prepared.open({ config, http: client, log, mask }),
      deploy: config.deploy,
      settings: config.wait,
      clock: systemClock,
      random: Math.random,
      log,
      signal: cancellation.signal,
    });
  } catch (error) {
    result = failureResult(error, startedAt, cancellation.signal.aborted);
  }

  // Redacted before rendering too: escaping changes a secret's text, so a final pass alone could miss one.
  const shown = redactResult(result, (text) => redactor.redact(withoutFormatCharacters(text)));
  writeOutputs(edge, shown, redactor);
  if (config?.summary !== false) await writeSummary(edge, shown, info ?? runInfoFor(config), redactor, log);
  if (!result.ready && (config?.failOnNotReady !== false || result.targets.length === 0)) {
    edge.setFailed(redactor.redact(withoutFormatCharacters(`${result.verdict}: ${result.message}`)));
  } else if (result.ready) {
    log.info(`Ready: ${result.message}`);
  } else {
    log.warning(`Not ready (${result.verdict}), and fail-on-not-ready is false: ${result.message}`);
  }
  if (github) {
    await github.started;
    await withTimeout(github.reporter.finish(result), REPORTING_TIMEOUT_MS);
    github.stop.abort();
  }
  await http?.close();
  process.off('SIGINT', cancel);
  process.off('SIGTERM', cancel);
}

/** Every secret input as given (a service key's own secrets come from the provider's settings). */
function secretInputValues(edge: Edge): string[] {
  return SECRET_INPUTS.flatMap((name) => {
    const value = edge.readInput(name).trim();
    return value ? [value] : [];
  });
}

async function startGithubReporting(
  edge: Edge,
  config: Config,
  info: RunInfo,
  log: Logger,
  redactor: Redactor,
): Promise<StartedReporting | undefined> {
  const { github: settings } = config;
  if (!settings.prComment && !settings.commitStatus && !settings.environment) return undefined;
  const { createGithubReporter, readGithubRunContext } = await import('./report/github/index.js');
  const stop = new AbortController();
  const reporter = createGithubReporter({
    stop: stop.signal,
    settings,
    context: readGithubRunContext(edge.env, (path) => readFileSync(path, 'utf8')),
    info,
    log,
    redact: (text) => redactor.redactForApi(withoutFormatCharacters(text)),
  });
  // Runs alongside the wait: a slow GitHub API must not move the deadline the user set.
  return { reporter, started: withTimeout(reporter.start(), REPORTING_TIMEOUT_MS), stop };
}

function writeOutputs(edge: Edge, result: RunResult, redactor: Redactor): void {
  for (const [name, value] of Object.entries(buildOutputs(result))) {
    edge.setOutput(name as OutputName, redactor.redact(value));
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
    await edge.writeSummary(redactor.redact(buildSummary(result, info)));
  } catch (error) {
    // Outside a runner (or with the summary file gone) the verdict still stands.
    log.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}

/** Format characters go first: one inside an echoed secret would hide the secret from redaction. */
function redactingLogger(edge: Edge, redactor: Redactor): Logger {
  const shown = (message: string): string => redactor.redact(withoutFormatCharacters(message));
  return {
    debug: (message) => edge.debug(shown(message)),
    info: (message) => edge.info(shown(message)),
    warning: (message) => edge.warning(shown(message)),
  };
}

function proxyEnvironment(env: NodeJS.ProcessEnv): { httpProxy?: string; httpsProxy?: string; noProxy?: string } {
  return {
    httpProxy: env.HTTP_PROXY || env.http_proxy || undefined,
    httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
    noProxy: env.NO_PROXY || env.no_proxy || undefined,
  };
}

async function withTimeout(work: Promise<void> | undefined, ms: number): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
