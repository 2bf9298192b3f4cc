/** Why the engine stopped following the targets before they ended: the run's own abort reason. */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
  constructor(
    readonly reason: 'cancelled' | 'error',
    /** for `error`: the target whose error stopped the run */
    readonly by?: string,
  ) {
    super(reason === 'cancelled' ? 'the run was cancelled' : `the run stopped on the error of ${by}`);
  }
}

/**
 * Settles like `work`, or rejects with the signal's reason as soon as it aborts: the engine must return
 * promptly on cancellation even when a session ignores its signal.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
