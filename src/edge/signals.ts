/**
 * SIGINT/SIGTERM from the first line of JavaScript that runs: the entry point creates this before it loads
 * the rest of the bundle, so a signal during start-up is kept for the run instead of killing the process
 * before it has written outputs and the summary. Imports nothing, to stay quick to load.
 */
export interface SignalWatch {
  /** calls `listener` once, on the first signal, at once when one came already */
  onFirst(listener: (signal: NodeJS.Signals) => void): void;
  /** the process's own handlers removed: the run is done */
  stop(): void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function watchSignals(): SignalWatch {
  let received: NodeJS.Signals | undefined;
  const listeners: Array<(signal: NodeJS.Signals) => void> = [];
  // Kept until the run is done: a second signal must not kill the process while it reports.
  const handle = (signal: NodeJS.Signals): void => {
    if (received) return;
    received = signal;
    for (const listener of listeners.splice(0)) listener(signal);
  };
  for (const signal of SIGNALS) process.on(signal, handle);
  return {
    onFirst(listener) {
      if (received) listener(received);
      else listeners.push(listener);
    },
    stop() {
      for (const signal of SIGNALS) process.off(signal, handle);
    },
  };
}
