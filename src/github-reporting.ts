/**
 * GitHub reporting around the wait, held to the step's bounds: it starts alongside the wait (a slow API
 * must not move the user's deadline), and after the verdict it takes at most 15 s in all — however the
 * API behaves (no answer, a trickle of bytes). The start's requests are done or aborted before the
 * finish is sent, so no `pending` lands after the final state.
 */
import { readFileSync } from 'node:fs';
import type { GithubSettings } from './config/config.js';
import type { Logger } from './core/logger.js';
import type { RunResult } from './core/types.js';
import { githubReportingApplies } from './report/github/applies.js';
import type { RunInfo } from './report/types.js';

/** Everything GitHub reporting may add to the step once the verdict is known. */
const REPORTING_BUDGET_MS = 15_000;
/** Of that budget, how long a start still under way may take before it is aborted. */
const START_GRACE_MS = 4_000;
/** An aborted request settles at once; this only guards against one that does not. */
const ABORT_SETTLE_MS = 500;
const GAVE_UP = 'GitHub did not answer in time; gave up so as not to hold the step';

export interface GithubReporting {
  /** the final statuses and the comment; resolves within REPORTING_BUDGET_MS, never rejects */
  finish(result: RunResult): Promise<void>;
  /** what the reporting said, shown as one group at the end */
  log: Logger & { lines: string[] };
}

export interface GithubReportingOptions {
  settings: GithubSettings;
  env: NodeJS.ProcessEnv;
  info: RunInfo;
  log: Logger & { lines: string[] };
  /** blanks every secret out of text sent to GitHub */
  redact: (text: string) => string;
}

/** Undefined when no GitHub feature is on (and @actions/github is then never loaded). */
export async function startGithubReporting(options: GithubReportingOptions): Promise<GithubReporting | undefined> {
  const { settings, env, info, log, redact } = options;
  if (!githubReportingApplies(settings, env)) return undefined;
  const { createGithubReporter, readGithubRunContext } = await import('./report/github/index.js');
  const reporter = createGithubReporter({
    settings,
    context: readGithubRunContext(env, (path) => readFileSync(path, 'utf8')),
    info,
    log,
    redact,
  });
  const startStop = new AbortController();
  const started = reporter.start(startStop.signal);
  return {
    log,
    async finish(result) {
      const deadline = Date.now() + REPORTING_BUDGET_MS;
      await settledWithin(started, START_GRACE_MS);
      startStop.abort(new Error(GAVE_UP));
      await settledWithin(started, ABORT_SETTLE_MS);
      const finishStop = new AbortController();
      await settledWithin(reporter.finish(result, finishStop.signal), deadline - Date.now());
      finishStop.abort(new Error(GAVE_UP));
    },
  };
}

async function settledWithin(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  clearTimeout(timer);
}
