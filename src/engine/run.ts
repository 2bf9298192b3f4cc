import { setMaxListeners } from 'node:events';
import type { WaitSettings } from '../config/config.js';
import { formatDuration } from '../config/values.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { HttpError } from '../http/errors.js';
import type { CallOptions, ProviderSession } from '../providers/types.js';
import { RunStopped, untilAborted } from './abort.js';
import { callTimeout, createDeadline, type Deadline } from './deadline.js';
import { Semaphore } from './semaphore.js';

export interface RunOptions {
  session: ProviderSession;
  settings: WaitSettings;
  clock: Clock;
  random: () => number;
  log: Logger;
  signal: AbortSignal;
  maxInFlight: number;
}

/** A call could not start: the deadline passed while it waited for a free slot. */
export class OutOfTime extends Error {
  override readonly name = 'OutOfTime';
}

/**
 * What all targets of one run share: the deadline, the bound on requests in flight, and one stop signal
 * that aborts every sleep and call at once (cancellation from outside, or an `error` on any target).
 */
export class Run {
  readonly session: ProviderSession;
  readonly settings: WaitSettings;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: Logger;
  readonly deadline: Deadline;
  /**
   * While a dependency stage of a staged deploy runs, one target's `error` (a refused deploy) must not stop
   * the stages after it: the verdict is the worst anyway.
   */
  keepGoingOnError = false;
  private readonly slots: Semaphore;
  /** no request starts before this (epoch ms): the provider asked every target to wait */
  private notBeforeMs = 0;
  private readonly stopper = new AbortController();
  private readonly outside: AbortSignal;
  private readonly onOutsideAbort = (): void => this.stopper.abort(new RunStopped('cancelled'));

  constructor(options: RunOptions) {
    this.session = options.session;
    this.settings = options.settings;
    this.clock = options.clock;
    this.random = options.random;
    this.log = options.log;
    this.deadline = createDeadline(options.clock.now(), options.settings);
    this.slots = new Semaphore(options.maxInFlight);
    // Every target waits on the stop signal (a sleep, a slot or a call): many targets are not a leak.
    setMaxListeners(0, this.stopper.signal);
    this.outside = options.signal;
    if (this.outside.aborted) this.onOutsideAbort();
    else this.outside.addEventListener('abort', this.onOutsideAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.stopper.signal;
  }

  elapsedMs(): number {
    return this.clock.now() - this.deadline.startMs;
  }

  /** An `error` on one target ends the whole run: nothing it could still learn would change the verdict. */
  stopOnError(targetId: string): void {
    if (!this.keepGoingOnError && !this.stopper.signal.aborted) this.stopper.abort(new RunStopped('error', targetId));
  }

  /** Detaches from the outside signal once every target has ended. */
  close(): void {
    this.outside.removeEventListener('abort', this.onOutsideAbort);
  }

  /** Real timers may fire a millisecond before the wall clock says they are due: sleeps until it agrees. */
  async sleepUntil(atMs: number): Promise<void> {
    if (this.signal.aborted) throw this.signal.reason;
    for (let ms = atMs - this.clock.now(); ms > 0; ms = atMs - this.clock.now())
      await this.clock.sleep(ms, this.signal);
  }

  /**
   * Runs one request in a free slot, with a timeout clipped to the deadline's grace that is enforced here too
   * (a transient error when it passes), and abandons it the moment the run stops. While the provider has asked
   * to slow down (a 429 with `Retry-After` on any target), the request waits for that first.
   */
  async call<T>(request: (options: CallOptions) => Promise<T>): Promise<T> {
    const release = this.slots.tryAcquire() ?? (await this.slotBeforeDeadline());
    try {
      await this.sleepUntil(Math.min(this.notBeforeMs, this.deadline.endMs));
      return await this.timed(request);
    } catch (error) {
      // Here, where one request runs: a step of the run is timed as a whole and its requests each again.
      this.noteRateLimit(error);
      throw error;
    } finally {
      release();
    }
  }

  /** `call` without a request slot of its own: for a step whose requests each take one (`FindOptions.call`). */
  async timed<T>(request: (options: CallOptions) => Promise<T>): Promise<T> {
    const timerDone = new AbortController();
    try {
      this.signal.throwIfAborted();
      const timeoutMs = callTimeout(this.deadline, this.clock.now(), this.settings.requestTimeoutMs);
      if (timeoutMs <= 0) throw new OutOfTime('no time left for another request');
      const timeout = new AbortController();
      const signal = AbortSignal.any([this.signal, timeout.signal]);
      this.clock.sleep(timeoutMs, timerDone.signal).then(
        () =>
          timeout.abort(new HttpError(`request timed out after ${formatDuration(timeoutMs)}`, { kind: 'transient' })),
        () => {},
      );
      return await untilAborted(request({ signal, timeoutMs }), signal);
    } finally {
      timerDone.abort();
    }
  }

  /** A tenant that answers 429 with `Retry-After` is too busy for every target, not just the one that asked. */
  private noteRateLimit(error: unknown): void {
    if (!(error instanceof HttpError) || error.status !== 429 || error.retryAfterMs === undefined) return;
    const until = this.clock.now() + error.retryAfterMs;
    if (until <= this.notBeforeMs) return;
    this.notBeforeMs = until;
    this.log.info(`the provider asked to slow down (429): no request starts for ${formatDuration(error.retryAfterMs)}`);
  }

  /**
   * Reads may start until the deadline, not after it: a slot that frees up only during the grace (kept
   * for answers to reads already under way) would start a read the schedule never planned.
   */
  private async slotBeforeDeadline(): Promise<() => void> {
    const release = await this.slots.acquire(this.signal);
    if (this.clock.now() <= this.deadline.endMs) return release;
    release();
    throw new OutOfTime('the deadline passed while waiting for a free request slot');
  }
}
