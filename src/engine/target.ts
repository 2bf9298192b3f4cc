import { formatDuration } from '../config/values.js';
import type { Snapshot, StateChange, TargetResult, Verdict } from '../core/types.js';
import { HttpError } from '../http/errors.js';
import { RunStopped } from './abort.js';
import { nextDelay, withJitter } from './backoff.js';
import { boundedSnapshot } from './bounded.js';
import { planCall, type PlannedCall } from './deadline.js';
import { describeSnapshot, lastSeen, readableFailure } from './describe.js';
import { OutOfTime, type Run } from './run.js';
import { StallWatch } from './stall.js';
import { endsWait } from './verdict.js';

/** Follows one target from its trigger to its verdict. `follow` never rejects: every way to end is a result. */
export class TargetWatch {
  private snapshot: Snapshot | undefined;
  private taskId: string | undefined;
  private attempts = 0;
  private transientErrors = 0;
  private lastError: Error | undefined;
  /** when the first status read started: the backoff grows with the time waited since */
  private pollingSinceMs: number | undefined;
  private readonly timeline: StateChange[] = [];
  private readonly unknownWordsWarned = new Set<string>();
  private readonly stall: StallWatch;

  constructor(
    private readonly id: string,
    private readonly run: Run,
    private readonly deploy: boolean,
  ) {
    this.stall = new StallWatch(run.settings.stallTimeoutMs);
  }

  async follow(): Promise<TargetResult> {
    try {
      if (this.deploy) {
        const ended = await this.trigger();
        if (ended) return ended;
      }
      return await this.poll();
    } catch (error) {
      if (error instanceof RunStopped) return this.stoppedBy(error);
      if (error instanceof OutOfTime) return this.timedOut();
      return this.failedWithError(readableFailure(error));
    }
  }

  /** Starts the deploy. Returns a result only when the target ends here. */
  private async trigger(): Promise<TargetResult | undefined> {
    const { session, deadline, clock } = this.run;
    if (!session.trigger) return this.failedWithError('deploy requested, but this provider cannot start a deploy');
    const trigger = session.trigger.bind(session);
    const repeatable = session.triggerIsRepeatable === true;
    let plan = planCall(deadline, clock.now(), 0);
    while (plan) {
      await this.run.sleepUntil(plan.atMs);
      try {
        const started = await this.run.call((options) => trigger(this.id, options));
        this.taskId = started.taskId;
        this.run.log.info(started.message);
        return undefined;
      } catch (error) {
        if (!isTransient(error) || (!repeatable && error.retryAfterMs === undefined)) return this.deployFailed(error);
        const retry = repeatable
          ? this.planNextRead(plan, error.retryAfterMs ?? 0)
          : plan.last
            ? undefined
            : planCall(deadline, clock.now(), error.retryAfterMs ?? 0);
        plan = this.noteTransient(error, retry, 'deploy request');
      }
    }
    return this.timedOut();
  }

  private async poll(): Promise<TargetResult> {
    let plan = planCall(this.run.deadline, this.run.clock.now(), 0);
    while (plan) {
      await this.run.sleepUntil(plan.atMs);
      this.pollingSinceMs ??= this.run.clock.now();
      let snapshot: Snapshot;
      try {
        snapshot = await this.run.call((options) => {
          this.attempts++;
          return this.run.session.read(this.id, options);
        });
      } catch (error) {
        if (!isTransient(error)) throw error;
        plan = this.noteTransient(error, this.planNextRead(plan, error.retryAfterMs ?? 0), 'status read');
        continue;
      }
      const ended = this.observe(boundedSnapshot(snapshot));
      if (ended) return ended;
      plan = this.planNextRead(plan, 0);
    }
    return this.timedOut();
  }

  /** The next step of the backoff schedule, jittered, at least `minimumMs` away, clipped to the deadline. */
  private planNextRead(previous: PlannedCall, minimumMs: number): PlannedCall | undefined {
    if (previous.last) return undefined;
    const now = this.run.clock.now();
    const delayMs = nextDelay(now - (this.pollingSinceMs ?? now), this.run.settings);
    // Jitter spreads reads but never pushes one past the cap: `max-interval` is a promise to the user.
    const jittered = Math.min(withJitter(delayMs, this.run.random), this.run.settings.maxIntervalMs);
    const waitMs = Math.max(jittered, minimumMs);
    return planCall(this.run.deadline, now, waitMs);
  }

  private noteTransient(error: HttpError, retry: PlannedCall | undefined, what: string): PlannedCall | undefined {
    this.transientErrors++;
    this.lastError = error;
    const next = retry ? `retrying in ${formatDuration(retry.atMs - this.run.clock.now())}` : 'no time left to retry';
    this.run.log.warning(`${this.id}: ${what}: ${error.message} — ${next}`);
    return retry;
  }

  /** Records and logs one read; returns the result when this read ends the wait. */
  private observe(snapshot: Snapshot): TargetResult | undefined {
    const previous = this.snapshot;
    this.snapshot = snapshot;
    const line = `${this.id}: ${describeSnapshot(snapshot)}`;
    if (previous?.state !== snapshot.state || previous.providerStatus !== snapshot.providerStatus) {
      this.mark(snapshot.state);
      this.run.log.info(line);
    } else {
      this.run.log.debug(line);
    }
    this.warnIfUnknown(snapshot);

    const { settings } = this.run;
    if (endsWait(snapshot, settings.allowDegraded)) return this.result(snapshot.state, snapshot.message);
    if (snapshot.state === 'not_found')
      return this.discoveryOver() ? this.notFound(settings.discoveryTimeoutMs) : undefined;
    if (this.stall.stalled(snapshot, this.run.clock.now())) {
      const message = `stalled: no change for ${formatDuration(settings.stallTimeoutMs)} (last: ${lastSeen(snapshot)})`;
      return this.endedHere('failed', message);
    }
    return undefined;
  }

  /** After a trigger the target may take the whole timeout to appear; otherwise only `discovery-timeout`. */
  private discoveryOver(): boolean {
    return !this.deploy && this.run.elapsedMs() >= this.run.settings.discoveryTimeoutMs;
  }

  private warnIfUnknown(snapshot: Snapshot): void {
    if (snapshot.state !== 'unknown' || this.unknownWordsWarned.has(snapshot.providerStatus)) return;
    this.unknownWordsWarned.add(snapshot.providerStatus);
    this.run.log.warning(
      `${this.id}: unrecognized provider status '${snapshot.providerStatus}' — still waiting; never counted as success`,
    );
  }

  private notFound(withinMs: number): TargetResult {
    const message = this.snapshot?.message ?? '';
    const result = this.result(
      'not_found',
      withinMs > 0 ? `not found within ${formatDuration(withinMs)}: ${message}` : message,
    );
    this.run.log.info(`${this.id}: not_found — ${result.message}`);
    return result;
  }

  private timedOut(): TargetResult {
    const { timeoutMs } = this.run.settings;
    if (this.snapshot?.detailsPending) return this.result(this.snapshot.state, this.snapshot.message);
    if (this.snapshot?.state === 'not_found') return this.notFound(timeoutMs);
    const seen = this.snapshot
      ? `: ${lastSeen(this.snapshot)}`
      : this.lastError
        ? `; last error: ${this.lastError.message}`
        : ' before any status was read';
    return this.endedHere('timed_out', `timed out after ${formatDuration(timeoutMs)}${seen}`);
  }

  private stoppedBy(stop: RunStopped): TargetResult {
    if (this.snapshot?.detailsPending) return this.result(this.snapshot.state, this.snapshot.message);
    if (stop.reason === 'cancelled') {
      const seen = this.snapshot ? `: ${lastSeen(this.snapshot)}` : ' before any status was read';
      return this.endedHere('cancelled', `cancelled after ${formatDuration(this.run.elapsedMs())}${seen}`);
    }
    // Another target's error decides the run; this one keeps what was last seen of it.
    if (this.snapshot) return this.result(this.snapshot.state, this.snapshot.message);
    return this.endedHere('cancelled', `stopped before any status was read: ${stop.by} ended with an error`);
  }

  private deployFailed(error: unknown): TargetResult {
    if (error instanceof RunStopped || error instanceof OutOfTime) throw error;
    const message = `deploy request failed: ${readableFailure(error)}`;
    // No answer (or a gateway's) says nothing about whether the provider got the request.
    return this.failedWithError(
      isTransient(error)
        ? `${message} — it may or may not have started; check the provider before running again`
        : message,
    );
  }

  /** `error` is the worst verdict: nothing the other targets could still show would change the run's. */
  private failedWithError(message: string): TargetResult {
    this.run.stopOnError(this.id);
    return this.endedHere('error', message);
  }

  /** A verdict the engine decided rather than the provider's last word: marked in the timeline and logged. */
  private endedHere(verdict: Verdict, message: string): TargetResult {
    this.mark(verdict);
    this.run.log.info(`${this.id}: ${verdict} — ${message}`);
    return this.result(verdict, message);
  }

  private mark(state: StateChange['state']): void {
    this.timeline.push({ atMs: this.run.elapsedMs(), state, providerStatus: this.snapshot?.providerStatus ?? '' });
  }

  private result(verdict: Verdict, message: string): TargetResult {
    return {
      id: this.id,
      verdict,
      providerStatus: this.snapshot?.providerStatus ?? '',
      message,
      snapshot: this.snapshot,
      taskId: this.taskId,
      attempts: this.attempts,
      transientErrors: this.transientErrors,
      durationMs: this.run.elapsedMs(),
      timeline: this.timeline,
    };
  }
}

function isTransient(error: unknown): error is HttpError {
  return error instanceof HttpError && error.transient;
}
