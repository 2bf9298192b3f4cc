import type { Config } from '../config/config.js';
import type { Logger } from '../core/logger.js';
import type { Snapshot } from '../core/types.js';
import type { RequestSigner } from '../http/sign.js';
import type { HttpClient } from '../http/types.js';

/** What a provider session gets to do its requests. */
export interface ProviderContext {
  config: Config;
  http: HttpClient;
  log: Logger;
  /** masks a derived secret (an OAuth access token…) in everything the job prints */
  mask(secret: string): void;
}

/** Per call: cancellation, and the time this request may take (already clipped to the deadline). */
export interface CallOptions {
  signal: AbortSignal;
  timeoutMs: number;
}

export interface TriggerResult {
  /** SAP: the deploy task id (output `task-id`) */
  taskId?: string;
  /** one line for the job log, e.g. "provisioning started (202)" */
  message: string;
}

/**
 * One run's conversation with a provider. It may keep per-target state between calls
 * (SAP's phase and task id, the installer's session id, logs already printed).
 * Errors: HttpError (transient → retried by the engine; permanent → verdict `error`); anything
 * else thrown is verdict `error` too. A target that does not exist yet is a snapshot with
 * state `not_found`, not an error: the engine applies `discovery-timeout`.
 */
export interface ProviderSession {
  /**
   * Makes the requests that say what the targets are, when the inputs alone cannot (a package's
   * artifacts, a workflow created from a template). Called once, before any trigger; the targets it
   * returns replace `PreparedRun.targets`. Errors as for `read`: a transient one is retried.
   */
  findTargets?(options: CallOptions): Promise<FoundTargets>;
  /** starts the deploy of one target; only called when `deploy: true` and `canTrigger` */
  trigger?(id: string, options: CallOptions): Promise<TriggerResult>;
  /**
   * A second trigger of the same target does no harm (OpenSearch answers "already provisioned"), so
   * a trigger that failed transiently is retried like a read. Otherwise it is repeated only when the
   * provider refused it with a `Retry-After`: a deploy must not start twice.
   */
  readonly triggerIsRepeatable?: boolean;
  /** reads the status of one target once */
  read(id: string, options: CallOptions): Promise<Snapshot>;
}

export interface FoundTargets {
  /** the target ids to watch, in the order they were found */
  targets: string[];
}

/** The provider's settings, worked out once from the inputs; everything later uses these. */
export interface PreparedRun {
  /** the target ids to watch (installer: one, the current deploy session); `findTargets` may replace them */
  targets: string[];
  /** scheme, host and path of the provider's API as used: no credentials, no query (for reports) */
  endpoint: string;
  /** credentials found inside inputs (a service key's client secret…): masked before any request */
  secrets: string[];
  /** signs every request to the provider (OpenSearch on AWS: SigV4) */
  sign?: RequestSigner;
  open(context: ProviderContext): ProviderSession;
}

export interface Provider {
  canTrigger: boolean;
  /**
   * Checks the provider's own inputs (throws InputError naming the input), works its settings out
   * and says which targets to watch and where. Pure: runs before any request.
   */
  prepare(config: Config): PreparedRun;
}
