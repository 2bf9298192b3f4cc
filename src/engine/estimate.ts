/** One progress figure a read reported, and when that read was made. */
interface ProgressPoint {
  atMs: number;
  progress: number;
}

/**
 * When a target that reports progress (0–100) should be done, from the progress seen so far: the average
 * rate since the first figure of the current rise, carried on from the last rise to 100%. Progress that goes
 * backwards starts the estimate over (a retried phase); progress that stalls keeps the last estimate until
 * its time has passed, after which there is none: a stuck deploy is no reason to read more often.
 */
export class ProgressEstimate {
  private first: ProgressPoint | undefined;
  private last: ProgressPoint | undefined;

  observe(atMs: number, progress: number | undefined): void {
    if (progress === undefined || !Number.isFinite(progress)) return;
    const point = { atMs, progress: Math.min(100, Math.max(0, progress)) };
    if (!this.first || !this.last || point.progress < this.last.progress) {
      this.first = point;
      this.last = point;
    } else if (point.progress > this.last.progress) {
      this.last = point;
    }
  }

  /** the expected completion time, when the progress seen so far gives one */
  doneAtMs(): number | undefined {
    const { first, last } = this;
    if (!first || !last || last.progress >= 100 || last.atMs <= first.atMs) return undefined;
    const ratePerMs = (last.progress - first.progress) / (last.atMs - first.atMs);
    return last.atMs + (100 - last.progress) / ratePerMs;
  }

  /** how long until the expected completion, seen from `nowMs`; none once that time has passed */
  remainingMs(nowMs: number): number | undefined {
    const doneAtMs = this.doneAtMs();
    return doneAtMs === undefined || doneAtMs <= nowMs ? undefined : doneAtMs - nowMs;
  }
}
