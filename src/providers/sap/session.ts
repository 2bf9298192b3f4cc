/**
 * One run's conversation with a tenant. Per target: the deploy task (phase 1, BuildAndDeployStatus),
 * then the artifact in the runtime (phase 2, IntegrationRuntimeArtifacts), then — on a failure — the
 * error details, which SAP may need a few reads to provide.
 */
import type { ArtifactType } from '../../config/config.js';
import type { Logger } from '../../core/logger.js';
import type { RunFindings, Snapshot, TargetResult } from '../../core/types.js';
import { HttpError } from '../../http/errors.js';
import { nothingWasDone } from '../../http/repeatable.js';
import { formatDuration } from '../../config/values.js';
import { assertNotHtml, assertSameTarget, assertStatus, responseError } from '../../http/status.js';
import { notFoundSnapshot } from '../not-found.js';
import type { HttpResponse } from '../../http/types.js';
import type {
  CallOptions,
  FindOptions,
  FoundTargets,
  ProviderContext,
  ProviderSession,
  TriggerResult,
} from '../types.js';
import { SapApi } from './api.js';
import { createAuthorizer } from './auth.js';
import { readCollection } from './collection.js';
import { endpointsOf, serviceEndpointsUrl } from './endpoints.js';
import { errorDetailsFrom } from './error-information.js';
import { listPackage } from './package-listing.js';
import type { PackageSettings } from './package-settings.js';
import { planTargets } from './packages.js';
import { isEntityNotFound, readEntity, sapUrls, taskIdFrom } from './odata.js';
import type { SapSettings } from './settings.js';
import { unchangedSnapshot } from './skip-unchanged.js';
import { BUILD_STATES, buildSnapshot, runtimeSnapshot } from './states.js';
import { lookupWord } from '../../core/json.js';

/** After the first failed read without error details (204), this many more reads wait for them. */
export const MAX_ERROR_DETAIL_WAITS = 3;

/**
 * A runtime entry deployed this long before the deploy request's own `Date` still counts as this
 * run's: the tenant may stamp it a moment before it answers.
 */
const STALE_TOLERANCE_MS = 5_000;

const NO_PACKAGES: PackageSettings = { packages: [], exclude: [], skipUnchanged: false };

/** Provider status of a deploy the runtime does not show yet: without a build (no task id), and after one. */
const NO_RUNTIME_ENTRY = '(no runtime entry yet)';
const BUILT_NOT_IN_RUNTIME = 'SUCCESS (not in runtime)';
const ACCEPTED_NOT_IN_RUNTIME = '(not in runtime)';
/** failed for never showing up in the runtime: there are no error details to read */
const NOT_IN_RUNTIME = new Set([BUILT_NOT_IN_RUNTIME, ACCEPTED_NOT_IN_RUNTIME]);

type Progress =
  | { phase: 'build'; taskId: string; deployedNotBeforeMs: number }
  | {
      phase: 'runtime';
      /** this run deployed the artifact, so a missing runtime entry is the runtime catching up */
      deployed: boolean;
      /** when this run's build was seen `SUCCESS` (session clock): the runtime has a grace from then */
      builtAtMs?: number;
      /** a deploy without a task id (message mappings): the grace runs from when it was accepted */
      acceptedAtMs?: number;
      deployedNotBeforeMs?: number;
    }
  | { phase: 'failure'; failed: Snapshot; emptyReads: number }
  /** `skip-unchanged`: nothing was deployed, the runtime already runs that version */
  | { phase: 'unchanged'; snapshot: Snapshot };

export class SapSession implements ProviderSession {
  private readonly api: SapApi;
  private readonly progress = new Map<string, Progress>();
  /** `active` deploys whatever version is current: nothing to compare the runtime's Version with */
  private readonly expectedVersion: string | undefined;
  /** each target's artifact type, where a package listing said it */
  private types = new Map<string, ArtifactType>();
  private readonly log: Logger;
  /** transient failures of a trigger's checks before its deploy request: nothing was sent, so it may repeat */
  private readonly failedBeforeDeploy = new WeakSet<HttpError>();
  /** the Accept that ErrorInformation answered last: a tenant that refuses one refuses it every time */
  private errorInformationAccepts: readonly string[] = ERROR_INFORMATION_ACCEPTS;

  constructor(
    private readonly settings: SapSettings,
    context: ProviderContext,
    private readonly now: () => number = Date.now,
    private readonly packages: PackageSettings = NO_PACKAGES,
  ) {
    this.log = context.log;
    const authorizer = createAuthorizer(settings.auth, { http: context.http, mask: context.mask, now });
    this.api = new SapApi({
      http: context.http,
      authorizer,
      root: settings.root,
      csrfUpFront: settings.auth.kind === 'basic',
      now,
      mask: context.mask,
    });
    this.expectedVersion = settings.version.toLowerCase() === 'active' ? undefined : settings.version;
  }

  canRepeatTrigger(error: HttpError): boolean {
    return this.failedBeforeDeploy.has(error) || nothingWasDone(error);
  }

  async trigger(id: string, call: CallOptions): Promise<TriggerResult> {
    const skipped = await this.skipIfUnchanged(id, call);
    if (skipped) return skipped;
    const { root, version } = this.settings;
    const artifactType = this.typeOf(id);
    const context = `deploying ${artifactType} '${id}' version ${version}`;
    const sentAt = this.now();
    const response = await this.api.post(sapUrls.deploy(root, artifactType, id, version), call);
    assertStatus(response, [202], context);
    const taskId = taskIdFrom(response, context);
    const deployedNotBeforeMs = answeredAt(response, sentAt) - STALE_TOLERANCE_MS;
    if (taskId === undefined) {
      // Message mappings: the tenant gives no task, so there is no build to follow, only the runtime entry.
      this.progress.set(id, { phase: 'runtime', deployed: true, acceptedAtMs: this.now(), deployedNotBeforeMs });
      return { message: `${id}: deploy of version ${version} requested (no task id: following the runtime entry)` };
    }
    this.progress.set(id, { phase: 'build', taskId, deployedNotBeforeMs });
    return { taskId, message: `${id}: deploy of version ${version} requested (task ${taskId})` };
  }

  async read(id: string, call: CallOptions): Promise<Snapshot> {
    let progress = this.progress.get(id) ?? { phase: 'runtime', deployed: false };
    if (progress.phase === 'unchanged') return progress.snapshot;
    if (progress.phase === 'build') {
      const build = await this.readBuild(progress.taskId, call);
      if (build && build.state !== 'failed') return build;
      if (build) return this.failedNow(id, build);
      progress = {
        phase: 'runtime',
        deployed: true,
        builtAtMs: this.now(),
        deployedNotBeforeMs: progress.deployedNotBeforeMs,
      };
      this.progress.set(id, progress);
    }
    if (progress.phase === 'runtime') {
      const runtime = await this.readRuntime(id, progress, call);
      if (runtime.state !== 'failed' || NOT_IN_RUNTIME.has(runtime.providerStatus ?? '')) return runtime;
      return this.failedNow(id, runtime);
    }
    return this.readErrorDetails(id, progress, call);
  }

  /**
   * The read that sees the failure returns it at once; the error details are the next reads' work. Asked
   * for in the same read, a details request still under way at the deadline would lose the failure itself.
   */
  private failedNow(id: string, failed: Snapshot): Snapshot {
    this.progress.set(id, { phase: 'failure', failed, emptyReads: 0 });
    return { ...failed, detailsPending: true, message: `${failed.message}, waiting for error details` };
  }

  /** `package`: lists every package (their collections at once), then plans the targets and deploy stages. */
  async findTargets(options: FindOptions): Promise<FoundTargets> {
    const { packages, exclude } = this.packages;
    if (packages.length === 0) return { targets: this.settings.ids };
    const context = {
      root: this.settings.root,
      get: (url: string, call: CallOptions) => this.api.get(url, call),
      warn: (message: string) => this.log.warning(message),
    };
    const listings = await Promise.all(packages.map((packageId) => listPackage(packageId, context, options)));
    const { types, ...found } = planTargets(listings, { ...this.settings, exclude });
    this.types = types;
    return found;
  }

  /** The endpoints of the integration flows that succeeded: one ServiceEndpoints read for all of them. */
  async afterTargets(results: readonly TargetResult[], options: FindOptions): Promise<RunFindings> {
    const flows = results
      .filter((result) => result.verdict === 'succeeded' && this.typeOf(result.id) === 'integration-flow')
      .map((result) => result.id);
    if (flows.length === 0) return {};
    const context = 'reading the service endpoints';
    const entries = await readCollection(
      serviceEndpointsUrl(this.settings.root),
      context,
      (url, call) => this.api.get(url, call),
      options.call,
    );
    if (entries === 'missing') throw new HttpError(`${context}: HTTP 404`, { kind: 'permanent', status: 404 });
    return { endpoints: endpointsOf(entries, flows) };
  }

  private typeOf(id: string): ArtifactType {
    return this.types.get(id) ?? this.settings.artifactType;
  }

  /** `skip-unchanged`: a trigger result without a deploy when the runtime already runs that version. */
  private async skipIfUnchanged(id: string, call: CallOptions): Promise<TriggerResult | undefined> {
    if (!this.packages.skipUnchanged) return undefined;
    const check = { root: this.settings.root, id, type: this.typeOf(id), version: this.settings.version };
    let snapshot: Snapshot | undefined;
    try {
      snapshot = await unchangedSnapshot({ ...check, get: (url, options) => this.api.get(url, options) }, call);
    } catch (error) {
      if (!(error instanceof HttpError) || !error.transient) throw error;
      const before = new HttpError(`${error.message} (before the deploy request)`, {
        kind: 'transient',
        status: error.status,
        excerpt: error.excerpt,
        retryAfterMs: error.retryAfterMs,
        cause: error,
      });
      this.failedBeforeDeploy.add(before);
      throw before;
    }
    if (!snapshot) return undefined;
    this.progress.set(id, { phase: 'unchanged', snapshot });
    return { skipped: true, message: `${id}: ${snapshot.message} — not deployed again` };
  }

  /** The build's snapshot; undefined once it succeeded (phase 2 decides then). */
  private async readBuild(taskId: string, call: CallOptions): Promise<Snapshot | undefined> {
    const context = `reading the build status of task ${taskId}`;
    const response = await this.api.get(sapUrls.buildStatus(this.settings.root, taskId), call);
    if (isEntityNotFound(response)) {
      return notFoundSnapshot(response, context, `the tenant does not know deploy task ${taskId} (yet)`);
    }
    assertStatus(response, [200], context);
    const entity = await readEntity(response, context);
    assertSameTarget(entity.TaskId, taskId, 'deploy task', context);
    return lookupWord(BUILD_STATES, entity.Status ?? '') === 'built' ? undefined : buildSnapshot(taskId, entity);
  }

  private async readRuntime(
    id: string,
    progress: Extract<Progress, { phase: 'runtime' }>,
    call: CallOptions,
  ): Promise<Snapshot> {
    const context = `reading the runtime status of '${id}'`;
    const response = await this.api.get(sapUrls.runtime(this.settings.root, id), call);
    if (isEntityNotFound(response)) {
      const missing = notFoundSnapshot(
        response,
        context,
        `'${id}' is not deployed on this tenant — check the artifact Id (not its display name) and url`,
      );
      return progress.deployed ? this.missingAfterDeploy(id, progress) : missing;
    }
    assertStatus(response, [200], context);
    const entity = await readEntity(response, context);
    assertSameTarget(entity.Id, id, 'artifact', context);
    return runtimeSnapshot(id, entity, {
      version: this.expectedVersion,
      deployedNotBeforeMs: progress.deployedNotBeforeMs,
    });
  }

  /**
   * A deployed artifact the runtime does not show yet. After a `SUCCESS` build (or a deploy accepted without a
   * task id) that lasts only the grace: an artifact whose runtime profile is an Edge Integration Cell never
   * appears here, and waiting until `timeout` would say nothing.
   */
  private missingAfterDeploy(id: string, progress: Extract<Progress, { phase: 'runtime' }>): Snapshot {
    const { builtAtMs, acceptedAtMs } = progress;
    const sinceMs = builtAtMs ?? acceptedAtMs;
    const graceMs = this.settings.runtimeGraceMs;
    if (sinceMs === undefined || this.now() - sinceMs < graceMs) {
      return builtAtMs === undefined
        ? { state: 'in_progress', providerStatus: NO_RUNTIME_ENTRY, message: 'waiting for the runtime entry' }
        : {
            state: 'in_progress',
            providerStatus: 'SUCCESS',
            message: 'build succeeded, waiting for the runtime to pick up the deploy',
          };
    }
    return {
      state: 'failed',
      providerStatus: builtAtMs === undefined ? ACCEPTED_NOT_IN_RUNTIME : BUILT_NOT_IN_RUNTIME,
      message: `${builtAtMs === undefined ? 'the deploy was accepted' : 'the build succeeded'}, but '${id}' did not appear in the Cloud Integration runtime within ${formatDuration(graceMs)} — it may have been deployed to another runtime (an Edge Integration Cell runtime profile): check the runtime profile of the artifact and its deployment there`,
    };
  }

  private async readErrorInformation(id: string, call: CallOptions): Promise<HttpResponse> {
    const url = sapUrls.errorInformation(this.settings.root, id);
    const [preferred = '', other = ''] = this.errorInformationAccepts;
    const response = await this.api.get(url, call, { accept: preferred });
    if (response.status !== 406) return response;
    this.errorInformationAccepts = [other, preferred];
    return this.api.get(url, call, { accept: other });
  }

  /** Bounded: 204 ("not ready yet") is waited out a few reads, then the failure stands without details. */
  private async readErrorDetails(
    id: string,
    progress: Extract<Progress, { phase: 'failure' }>,
    call: CallOptions,
  ): Promise<Snapshot> {
    const { failed } = progress;
    const context = `reading the error details of '${id}'`;
    let response: HttpResponse;
    try {
      response = await this.readErrorInformation(id, call);
      if (response.status === 200 || response.status === 204) assertNotHtml(response, context);
    } catch (error) {
      // The deploy failed whatever the details say: an unreadable answer about them (an HTML page, a body
      // over the limit) loses the reason, not the verdict. A transient error is retried as any read.
      if (!(error instanceof HttpError) || error.transient) throw error;
      return { ...failed, message: `${failed.message} (error details unavailable: ${error.message})` };
    }
    const details = response.status === 200 ? errorDetailsFrom(response.body) : undefined;
    if (details) return { ...failed, message: `${failed.message}: ${details.summary}`, logs: details.logs };
    if (response.status === 204 || response.status === 200) {
      if (progress.emptyReads >= MAX_ERROR_DETAIL_WAITS) {
        return {
          ...failed,
          message: `${failed.message} (SAP gave no error details after ${progress.emptyReads + 1} reads)`,
        };
      }
      progress.emptyReads += 1;
      return { ...failed, detailsPending: true, message: `${failed.message}, waiting for error details` };
    }
    const error = responseError(response, context);
    if (error.transient) throw error;
    return { ...failed, message: `${failed.message} (error details unavailable: HTTP ${response.status})` };
  }
}

/**
 * Tenants answer `$value` 406 to `Accept: application/json` and send JSON to `application/xml`; the other
 * Accept is tried once, in case a tenant behaves the documented way.
 */
const ERROR_INFORMATION_ACCEPTS = ['application/xml', 'application/json'] as const;

/** The tenant's own clock (`Date`), so a runner clock that is off cannot make an old entry look new. */
function answeredAt(response: HttpResponse, fallbackMs: number): number {
  const date = Date.parse(response.headers.date ?? '');
  return Number.isNaN(date) ? fallbackMs : date;
}
