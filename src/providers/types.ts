import type { Config } from '../config/config.js';
import type { Logger } from '../core/logger.js';
import type { DeployStage, RunFindings, Snapshot, TargetResult, Verdict } from '../core/types.js';
import type { HttpError } from '../http/errors.js';
import type { OriginCertificate } from '../http/tls.js';
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
  /** no deploy was sent: the target already runs what would be deployed (SAP `skip-unchanged`) */
  skipped?: boolean;
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
  findTargets?(options: FindOptions): Promise<FoundTargets>;
  /** starts the deploy of one target; only called when `deploy: true` and `canTrigger` */
  trigger?(id: string, options: CallOptions): Promise<TriggerResult>;
  /**
   * Whether a trigger that failed with this transient error may be sent again with the backoff, like a read:
   * always where a second trigger does no harm (OpenSearch answers "already provisioned"); SAP only for a
   * gateway's 502/503/504 or a request refused before it was sent. Without it, or when it says no, a trigger
   * is repeated only when the provider refused it with a `Retry-After`: a deploy must not start twice.
   */
  canRepeatTrigger?(error: HttpError): boolean;
  /** reads the status of one target once */
  read(id: string, options: CallOptions): Promise<Snapshot>;
  /**
   * Once every target has its verdict: what the run found out beyond the verdicts (SAP: the endpoints of
   * the integration flows that succeeded). A failure here is only a warning: the verdicts stand.
   */
  afterTargets?(results: readonly TargetResult[], options: FindOptions): Promise<RunFindings>;
}

/** For the steps that may make several requests at once: `call` runs one in a request slot of its own. */
export interface FindOptions extends CallOptions {
  call<T>(request: (options: CallOptions) => Promise<T>): Promise<T>;
}

export interface FoundTargets {
  /** the target ids to watch, in the order they were found */
  targets: string[];
  /**
   * With `deploy: true`, the order to deploy in: each stage is triggered only after every target of the stage
   * before has ended (succeeded or not). Together the stages hold every target; absent: all at once.
   */
  stages?: DeployStage[];
  /** targets whose verdict was decided while finding them (an unknown package → `not_found`): not followed */
  decided?: DecidedTarget[];
}

export interface DecidedTarget {
  id: string;
  verdict: Verdict;
  message: string;
}

/** The provider's settings, worked out once from the inputs; everything later uses these. */
export interface PreparedRun {
  /** the target ids to watch (installer: one, the current deploy session); `findTargets` may replace them */
  targets: string[];
  /** scheme, host and path of the provider's API as used: no credentials, no query (for reports) */
  endpoint: string;
  /** credentials found inside inputs (a service key's client secret…): masked before any request */
  secrets: string[];
  /** a client certificate the HTTP client presents to one origin only (SAP: the token URL, mutual TLS) */
  clientCertificate?: OriginCertificate;
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
