import type { Config } from './config/config.js';
import { displayEndpoint } from './config/values.js';
import { InputError, messageOf } from './core/errors.js';
import type { RunResult } from './core/types.js';
import type { PreparedRun } from './providers/types.js';
import type { RunInfo } from './report/types.js';

/** What the reports say was waited for. Without a valid config (an input error), what is known. */
export function runInfoFor(config: Config | undefined, prepared?: PreparedRun): RunInfo {
  return {
    provider: config?.provider ?? 'opensearch-flow-framework',
    // A parsed config's url is a valid http(s) URL without credentials.
    endpoint: prepared?.endpoint ?? (config?.url ? displayEndpoint(new URL(config.url)) : ''),
    ids: prepared?.targets ?? config?.ids ?? [],
    deploy: config?.deploy ?? false,
    version: config?.provider === 'sap-cloud-integration' && config.deploy ? config.version : undefined,
    allowDegraded: config?.wait.allowDegraded ?? false,
    timeoutMs: config?.wait.timeoutMs ?? 0,
  };
}

/** The result of a run that could not wait at all: bad inputs, or an unexpected failure. */
export function failureResult(error: unknown, startedAt: Date, cancelled: boolean): RunResult {
  const message =
    error instanceof InputError
      ? error.message
      : `${cancelled ? 'cancelled' : 'unexpected error'}: ${messageOf(error)}`;
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
