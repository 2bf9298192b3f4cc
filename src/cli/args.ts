/**
 * The command line's arguments: one flag per input (derived from INPUT and its docs, never listed
 * here), plus the few flags that only say where the results go. Values stay raw text: the one input
 * parser (`parseConfig`) judges them, with the same messages as in a workflow.
 */
import { INPUT_DOCS } from '../config/input-docs.js';
import { INPUT, type InputName } from '../config/inputs.js';

/** Flags of the command line that are not inputs. */
export const CLI_FLAGS = {
  json: 'json',
  output: 'output',
  verbose: 'verbose',
  help: 'help',
} as const;

export interface CliRequest {
  /** raw input values given as flags; a flag given twice adds a line (several ids, headers) */
  inputs: Partial<Record<InputName, string>>;
  /** print the `result` JSON on stdout */
  json: boolean;
  /** write the outputs as a dotenv file here */
  outputFile?: string;
  /** print debug lines too */
  verbose: boolean;
  help: boolean;
}

export type ArgsParse = { request: CliRequest } | { error: string };

const INPUT_NAMES: ReadonlySet<string> = new Set(Object.values(INPUT));

/**
 * `summary` is a true/false input in a workflow; on the command line `--summary FILE` says where the
 * summary goes (none without it).
 */
export const takesBareFlag = (name: InputName): boolean => INPUT_DOCS[name].boolean === true && name !== INPUT.summary;

export function parseCliArgs(argv: readonly string[]): ArgsParse {
  const request: CliRequest = { inputs: {}, json: false, verbose: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '-h') {
      request.help = true;
      continue;
    }
    // An argument that is no flag is not echoed: it may be a secret that lost its flag.
    if (!arg.startsWith('--'))
      return { error: `unexpected argument #${index + 1}: every input is a --flag (see --help)` };
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    const next = argv[index + 1];
    const nextIsValue = next !== undefined && !next.startsWith('--');
    if (name === CLI_FLAGS.json || name === CLI_FLAGS.verbose || name === CLI_FLAGS.help) {
      if (inline !== undefined) return { error: `--${name} takes no value` };
      request[name] = true;
    } else if (name === CLI_FLAGS.output) {
      const value = inline ?? (nextIsValue ? argv[++index] : undefined);
      if (!value) return { error: `--${name} needs a file name` };
      request.outputFile = value;
    } else if (INPUT_NAMES.has(name)) {
      const input = name as InputName;
      let value = inline;
      if (value === undefined && nextIsValue) value = argv[++index];
      if (value === undefined && takesBareFlag(input)) value = 'true';
      if (value === undefined) return { error: `--${name} needs a value (or --${name}=VALUE)` };
      const earlier = request.inputs[input];
      request.inputs[input] = earlier === undefined ? value : `${earlier}\n${value}`;
    } else {
      return { error: `unknown option ${/^[\w-]{1,40}$/.test(name) ? `'--${name}'` : `#${index + 1}`} (see --help)` };
    }
  }
  return { request };
}

/** `AWAIT_DEPLOY_API_KEY` for `api-key`. */
export const inputEnvVariable = (name: InputName): string => `AWAIT_DEPLOY_${name.toUpperCase().replace(/-/g, '_')}`;
