import type { Config } from './config/config.js';
import { displayEndpoint } from './config/values.js';
import { InputError } from './core/errors.js';
import type { RunResult } from './core/types.js';
import type { PreparedRun } from './providers/types.js';
import type { RunInfo } from './report/types.js';

/** What the reports say was waited for. Without a valid config (an input error), what is known. */
export function runInfoFor(config: Config | undefined, prepared?: PreparedRun): RunInfo {
  return {
    provider: config?.provider ?? 'opensearch-flow-framework',
    endpoint: prepared?.endpoint ?? safeEndpoint(config?.url),
    ids: prepared?.targets ?? config?.ids ?? [],
    deploy: config?.deploy ?? false,
    version: config?.provider === 'sap-cloud-integration' && config.deploy ? config.version : undefined,
    allowDegraded: config?.wait.allowDegraded ?? false,
    timeoutMs: config?.wait.timeoutMs ?? 0,
  };
}

function safeEndpoint(url: string | undefined): string {
  if (!url) return '';
  try {
    return displayEndpoint(new URL(url));
  } catch {
    return '';
  }
}

/** The result of a run that could not wait at all: bad inputs, or an unexpected failure. */
export function failureResult(error: unknown, startedAt: Date, cancelled: boolean): RunResult {
  const message =
    error instanceof InputError
      ? error.message
      : `${cancelled ? 'cancelled' : 'unexpected error'}: ${error instanceof Error ? error.message : String(error)}`;
  return {
    verdict: cancelled ? 'cancelled' : 'error',
    ready: false,
    message,
    targets: [],
    attempts: 0,
    transientErrors: 0,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  };
}
