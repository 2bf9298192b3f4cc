/** Colours for the command line's log: only on a terminal, and never with NO_COLOR (https://no-color.org). */

/** `failure` is the program's own last word (`await-deploy: failed: …`), `error` a line about one part. */
export type LineKind = 'debug' | 'info' | 'warning' | 'error' | 'failure';

export function colourWanted(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const SGR: Record<LineKind, string | undefined> = {
  debug: '2',
  info: undefined,
  warning: '33',
  error: '31',
  failure: '31',
};
const PREFIX: Record<LineKind, string> = {
  debug: 'debug: ',
  info: '',
  warning: 'warning: ',
  error: 'error: ',
  failure: 'await-deploy: ',
};

/** One log line: `warning: …`, `error: …`, `await-deploy: failed: …`, coloured when asked. */
export function logLine(kind: LineKind, text: string, colour: boolean): string {
  const line = `${PREFIX[kind]}${text}`;
  const sgr = SGR[kind];
  return colour && sgr ? `\u001b[${sgr}m${line}\u001b[0m` : line;
}
