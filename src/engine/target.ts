import { formatDuration } from '../config/values.js';
import type { Snapshot, StateChange, TargetResult, Verdict } from '../core/types.js';
import { HttpError } from '../http/errors.js';
import { RunStopped } from './abort.js';
import { withJitter } from './backoff.js';
import { boundedSnapshot } from './bounded.js';
import { planCall, type PlannedCall } from './deadline.js';
import { describeSnapshot, lastSeen, readableFailure } from './describe.js';
import { ProgressEstimate } from './estimate.js';
import { OutOfTime, type Run } from './run.js';
import { ReadSchedule } from './schedule.js';
import { StallWatch } from './stall.js';
import { endsWait } from './verdict.js';
import type { LiveWatch } from './heartbeat.js';

/** Follows one target from its trigger to its verdict. `follow` never rejects: every way to end is a result. */
export class TargetWatch implements LiveWatch {
  private snapshot: Snapshot | undefined;
  private taskId: string | undefined;
  private skipped = false;
  private attempts = 0;
  private transientErrors = 0;
  private lastError: Error | undefined;
  private readonly schedule: ReadSchedule;
  private readonly estimate = new ProgressEstimate();
  private ended = false;
  private readonly timeline: StateChange[] = [];
  private readonly unknownWordsWarned = new Set<string>();
  private readonly stall: StallWatch;

  constructor(
    private readonly id: string,
    private readonly run: Run,
    private readonly deploy: boolean,
  ) {
    this.stall = new StallWatch(run.settings.stallTimeoutMs);
    this.schedule = new ReadSchedule(run.settings);
  }

  /**
   * How long until this target should be done, from the progress it reported, as of now; none when it
   * reports no progress, has not moved yet, is past its estimate, or has ended.
   */
  estimatedRemainingMs(): number | undefined {
    return this.ended ? undefined : this.estimate.remainingMs(this.run.clock.now());
  }

  /** What the heartbeat shows of this target now. */
  live(): ReturnType<LiveWatch['live']> {
    const last = this.timeline.at(-1);
    return {
      id: this.id,
      state: last?.state ?? this.snapshot?.state,
      providerStatus: this.snapshot?.providerStatus ?? '',
      progress: this.snapshot?.progress,
      reads: this.attempts,
      changedAtMs: last?.atMs ?? 0,
      estimateMs: this.estimatedRemainingMs(),
    };
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
    const repeatableAfter = (error: HttpError): boolean => session.canRepeatTrigger?.(error) === true;
    let plan = planCall(deadline, clock.now(), 0);
    while (plan) {
      await this.run.sleepUntil(plan.atMs);
      try {
        const started = await this.run.call((options) => trigger(this.id, options));
        this.taskId = started.taskId;
        this.skipped = started.skipped === true;
        this.run.log.info(started.message);
        return undefined;
      } catch (error) {
        if (!isTransient(error)) return this.deployFailed(error);
        const repeatable = repeatableAfter(error);
        if (!repeatable && error.retryAfterMs === undefined) return this.deployFailed(error);
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
      const startedAtMs = this.run.clock.now();
      this.schedule.readStarted(startedAtMs);
      let snapshot: Snapshot;
      try {
        snapshot = await this.run.call((options) => {
          this.attempts++;
          return this.run.session.read(this.id, options);
        });
      } catch (error) {
        if (!isTransient(error)) throw error;
        this.schedule.readFailed(this.run.clock.now() - startedAtMs);
        plan = this.noteTransient(error, this.planNextRead(plan, error.retryAfterMs ?? 0), 'status read');
        continue;
      }
      const ended = this.observe(boundedSnapshot(snapshot));
      if (ended) return ended;
      plan = this.planNextRead(plan, 0);
    }
    return this.timedOut();
  }

  /**
   * The next step of the schedule, at least `minimumMs` away, clipped to the deadline. Plain delays are
   * jittered; a read aimed at the progress estimate is not: each target's own progress already spreads those.
   */
  private planNextRead(previous: PlannedCall, minimumMs: number): PlannedCall | undefined {
    if (previous.last) return undefined;
    const now = this.run.clock.now();
    const planned = this.schedule.next(now, this.estimatedRemainingMs());
    // Jitter spreads reads but never pushes one past the cap: `max-interval` is a promise to the user.
    const delayMs = planned.aimed
      ? planned.delayMs
      : Math.min(withJitter(planned.delayMs, this.run.random), this.run.settings.maxIntervalMs);
    return planCall(this.run.deadline, now, Math.max(delayMs, minimumMs));
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
    this.estimate.observe(this.run.clock.now(), snapshot.progress);
    const line = `${this.id}: ${describeSnapshot(snapshot)}`;
    const { settings } = this.run;
    const ends = endsWait(snapshot, settings.allowDegraded);
    if (previous?.state !== snapshot.state || previous.providerStatus !== snapshot.providerStatus) {
      this.mark(snapshot.state);
      this.run.log.info(line);
    } else if (
      (ends && previous.message !== snapshot.message) ||
      (previous.detailsPending && !snapshot.detailsPending)
    ) {
      // The last word often says more than the change did (SAP's error details arrive a read later), and
      // "waiting for error details" must not be the last visible word on a failure.
      this.run.log.info(line);
    } else {
      this.run.log.debug(line);
    }
    this.warnIfUnknown(snapshot);

    if (ends) return this.result(snapshot.state, snapshot.message);
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
    const estimatedRemainingMs = UNDER_WAY.has(verdict) ? this.estimatedRemainingMs() : undefined;
    this.ended = true;
    return {
      id: this.id,
      verdict,
      providerStatus: this.snapshot?.providerStatus ?? '',
      message,
      snapshot: this.snapshot,
      taskId: this.taskId,
      ...(this.skipped ? { skipped: true } : {}),
      attempts: this.attempts,
      transientErrors: this.transientErrors,
      durationMs: this.run.elapsedMs(),
      timeline: this.timeline,
      ...(estimatedRemainingMs === undefined ? {} : { estimatedRemainingMs }),
    };
  }
}

/** Verdicts of a target whose deploy had not finished when the wait ended: its estimate is still news. */
const UNDER_WAY: ReadonlySet<Verdict> = new Set(['timed_out', 'cancelled', 'pending', 'in_progress']);

function isTransient(error: unknown): error is HttpError {
  return error instanceof HttpError && error.transient;
}
