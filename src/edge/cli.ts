/**
 * The command-line edge: the log as plain text on stderr (no workflow or pipeline commands), outputs
 * kept for `--output`/`--json`, the summary to `--summary FILE`. No runner masks anything here, so this edge
 * blanks every secret it was given, of any length, out of everything it prints or writes.
 */
import { writeFile } from 'node:fs/promises';
import type { OutputName } from '../config/inputs.js';
import type { InputReader } from '../config/parse.js';
import { plainLogLine } from '../core/logger.js';
import { Redactor } from '../core/redact.js';
import { withoutCiCommands } from '../cli/ci-commands.js';
import { logLine, type LineKind } from '../cli/colour.js';
import type { Edge } from './types.js';

export interface CliEdgeOptions {
  readInput: InputReader;
  /** `--summary FILE` */
  summaryFile?: string;
  verbose: boolean;
  colour: boolean;
  writeStderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface CliEdge {
  edge: Edge;
  /** the outputs the run set, redacted */
  outputs: Map<OutputName, string>;
  /** prints one log line to stderr */
  print: (kind: LineKind, message: string) => void;
}

export function createCliEdge(options: CliEdgeOptions): CliEdge {
  const secrets = new Redactor(1);
  const redact = (text: string): string => secrets.redact(text);
  const outputs = new Map<OutputName, string>();
  const print = (kind: LineKind, message: string): void => {
    if (kind === 'debug' && !options.verbose) return;
    options.writeStderr(`${logLine(kind, withoutCiCommands(plainLogLine(redact(message))), options.colour)}\n`);
  };
  const edge: Edge = {
    readInput: options.readInput,
    setOutput: (name, value) => outputs.set(name, redact(value)),
    setSecret: (secret) => secrets.add(secret.trim()),
    debug: (message) => print('debug', message),
    info: (message) => print('info', message),
    warning: (message) => print('warning', message),
    error: (message, { title }) => print('error', `${title}: ${message}`),
    // No folding on a terminal: the title, then its lines indented under it.
    group: (title, lines) => {
      print('info', title);
      for (const line of lines) print('info', `  ${line}`);
    },
    setFailed: (message) => print('failure', message),
    writeSummary: async (markdown) => {
      if (options.summaryFile) await writeFile(options.summaryFile, redact(markdown));
    },
    env: options.env,
  };
  return { edge, outputs, print };
}
