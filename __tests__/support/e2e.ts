/** Short waits for end-to-end runs: the simulators answer at once, so the defaults would only slow the suite. */
export const FAST_INPUTS: Readonly<Record<string, string>> = {
  interval: '100ms',
  'max-interval': '200ms',
  'request-timeout': '2s',
  timeout: '10s',
};
