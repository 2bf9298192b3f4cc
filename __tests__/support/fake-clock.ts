import type { Clock } from '../../src/core/clock.ts';

export interface RecordedSleep {
  /** virtual time when the sleep began */
  fromMs: number;
  ms: number;
  /** ran to its end (false: aborted, or still pending) */
  completed: boolean;
}

interface Timer {
  atMs: number;
  order: number;
  fire(): void;
}

/**
 * Virtual time for tests: nothing really waits. Pending sleeps fire in time order, each as soon as the code
 * under test has nothing else to do (no pending promise work), so concurrent sleepers see one consistent time.
 * Only for code that waits on this clock and on promises, not on real I/O.
 */
export class FakeClock implements Clock {
  readonly sleeps: RecordedSleep[] = [];
  readonly startMs: number;
  private current: number;
  private timers: Timer[] = [];
  private order = 0;
  private advanceScheduled = false;

  constructor(startMs = Date.UTC(2025, 0, 1)) {
    this.startMs = startMs;
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** milliseconds since the clock was created */
  get elapsedMs(): number {
    return this.current - this.startMs;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const record: RecordedSleep = { fromMs: this.elapsedMs, ms, completed: false };
    this.sleeps.push(record);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.timers = this.timers.filter((timer) => timer !== entry);
        reject(signal?.reason);
      };
      const entry = this.addTimer(this.current + Math.max(0, ms), () => {
        signal?.removeEventListener('abort', onAbort);
        record.completed = true;
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Runs `action` when virtual time reaches `elapsedMs` (measured like `elapsedMs`); not recorded as a sleep. */
  at(elapsedMs: number, action: () => void): void {
    this.addTimer(this.startMs + elapsedMs, action);
  }

  /** The sleeps that ran to their end: the waits between calls (a call's own timeout timer is cancelled when it ends). */
  completedSleeps(): RecordedSleep[] {
    return this.sleeps.filter((sleep) => sleep.completed);
  }

  private addTimer(atMs: number, fire: () => void): Timer {
    const timer = { atMs, order: this.order++, fire };
    this.timers.push(timer);
    this.scheduleAdvance();
    return timer;
  }

  // setImmediate runs only after every pending promise reaction: the code under test is idle then.
  private scheduleAdvance(): void {
    if (this.advanceScheduled) return;
    this.advanceScheduled = true;
    setImmediate(() => {
      this.advanceScheduled = false;
      this.fireNext();
    });
  }

  private fireNext(): void {
    const next = this.timers.reduce<Timer | undefined>(
      (earliest, timer) =>
        !earliest || timer.atMs < earliest.atMs || (timer.atMs === earliest.atMs && timer.order < earliest.order)
          ? timer
          : earliest,
      undefined,
    );
    if (!next) return;
    this.timers = this.timers.filter((timer) => timer !== next);
    this.current = Math.max(this.current, next.atMs);
    next.fire();
    if (this.timers.length > 0) this.scheduleAdvance();
  }
}
