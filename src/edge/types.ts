import type { InputName, OutputName } from '../config/inputs.js';

/**
 * What a run needs from where it runs: the GitHub runner (`src/main.ts`) or a command line.
 * Everything the run shows or writes goes through here; the run itself never prints.
 */
export interface Edge {
  /** one input's raw text, '' when not set */
  readInput(name: InputName): string;
  setOutput(name: OutputName, value: string): void;
  /** keeps a secret out of everything this edge prints from now on (the runner masks its log) */
  setSecret(secret: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** an error annotation: GitHub shows `title` above the message, in the log and on the run's page */
  error(message: string, properties: { title: string }): void;
  /** `lines` as one collapsible block titled `title`; blocks do not nest */
  group(title: string, lines: readonly string[]): void;
  /** marks the step (or the program) failed with one line */
  setFailed(message: string): void;
  /** writes the summary markdown where this edge keeps it; may reject (no summary file) */
  writeSummary(markdown: string): Promise<void>;
  /** the environment: proxies, the GitHub run context */
  env: NodeJS.ProcessEnv;
}
