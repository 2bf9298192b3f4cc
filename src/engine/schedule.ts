import { nextDelay, type BackoffSettings } from './backoff.js';

/**
 * The second read comes this fraction of `interval` after the first (2 s with the default 5 s): a deploy that is
 * ready within a second or two is seen then rather than a whole interval later.
 */
const QUICK_LOOK = 0.4;

/**
 * A read aimed at a progress estimate comes this fraction of `interval` after it (250 ms with the default 5 s), so
 * that a deploy due at the estimate has turned ready by then; an estimate that is early costs a whole interval.
 * No more: coarse figures (whole percent, whole instances) make estimates late already.
 */
const AIM_MARGIN = 0.05;

/** Where a target's polling stands when its next read is planned. */
interface ScheduleState {
  /** status reads made so far, failed ones included */
  reads: number;
  /** time spent polling since the first read, not counting the time taken by requests that failed */
  polledMs: number;
  /** when, in polled time, the plain schedule (reads that take no time, no jitter) would make the next read */
  plainNextAtMs: number;
  /** expected time until the target is done, from its progress; none without an estimate */
  remainingMs?: number;
}

export interface PlannedDelay {
  delayMs: number;
  /** timed by the progress estimate (not jittered), rather than the plain schedule */
  aimed: boolean;
}

/**
 * The delay before the next read, without jitter. The plain schedule: a quick look, then the backoff on the
 * time polled. With an estimate, reads are spaced to land just past it instead: as few reads as fit between
 * `interval` and `max-interval`, and never ahead of the plain schedule's count of reads.
 */
export function planDelay(state: ScheduleState, settings: BackoffSettings): PlannedDelay {
  const plainMs = plainDelay(state.reads, state.polledMs, settings);
  if (state.remainingMs === undefined || state.reads < 2) return { delayMs: plainMs, aimed: false };
  const targetMs = state.remainingMs + AIM_MARGIN * settings.intervalMs;
  const evenlyMs = targetMs / Math.ceil(targetMs / settings.maxIntervalMs);
  const notAheadMs = state.plainNextAtMs - state.polledMs;
  const delayMs = Math.min(settings.maxIntervalMs, Math.max(settings.intervalMs, evenlyMs, notAheadMs));
  return { delayMs, aimed: true };
}

/** The plain delay after `reads` reads and `polledMs` of polling: the quick look after the first, then the backoff. */
export function plainDelay(reads: number, polledMs: number, settings: BackoffSettings): number {
  if (reads === 1) return QUICK_LOOK * settings.intervalMs;
  return nextDelay(polledMs, settings);
}

/**
 * One target's read schedule: counts its reads, the time polled (requests that failed do not count, so a
 * read that hung until `request-timeout` is followed after the delay its number calls for, not a grown one),
 * and where the plain schedule would be.
 */
export class ReadSchedule {
  private reads = 0;
  private firstReadAtMs: number | undefined;
  private failedMs = 0;
  private plainNextAtMs = 0;

  constructor(private readonly settings: BackoffSettings) {}

  readStarted(nowMs: number): void {
    this.firstReadAtMs ??= nowMs;
    this.reads++;
    this.plainNextAtMs += plainDelay(this.reads, this.plainNextAtMs, this.settings);
  }

  readFailed(tookMs: number): void {
    this.failedMs += tookMs;
  }

  next(nowMs: number, remainingMs: number | undefined): PlannedDelay {
    const polledMs = nowMs - (this.firstReadAtMs ?? nowMs) - this.failedMs;
    return planDelay({ reads: this.reads, polledMs, plainNextAtMs: this.plainNextAtMs, remainingMs }, this.settings);
  }
}
