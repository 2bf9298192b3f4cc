/**
 * `await-deploy` on the command line: the same run as the action (`runAwaitDeploy`) over the
 * command-line edge, then the outputs where the flags ask for them and an exit code per verdict.
 */
import { writeFileSync } from 'node:fs';
import { runAwaitDeploy } from '../app.js';
import type { SignalWatch } from '../edge/signals.js';
import { OUTPUT } from '../config/inputs.js';
import { parseBoolean } from '../config/values.js';
import { messageOf } from '../core/errors.js';
import { createCliEdge } from '../edge/cli.js';
import { parseCliArgs } from './args.js';
import { jsonWithoutCiCommands } from './ci-commands.js';
import { colourWanted } from './colour.js';
import { DOTENV_MAX_BYTES, dotenvReport } from './dotenv.js';
import { EXIT_BAD_INPUT, EXIT_ERROR, exitCode } from './exit-code.js';
import { cliInputReader, summaryFile } from './inputs.js';

export interface CliProcess {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean | undefined;
  /** SIGINT/SIGTERM, watched since the program started */
  signals: SignalWatch;
  /** the first SIGINT/SIGTERM received so far, if any */
  signal: () => NodeJS.Signals | undefined;
}

/** Runs once and returns the exit code; prints nothing on stdout but `--help` and `--json`. */
export async function runCli(cli: CliProcess): Promise<number> {
  const parsed = parseCliArgs(cli.argv);
  if ('error' in parsed) {
    cli.stderr(`await-deploy: ${parsed.error}\n`);
    return EXIT_BAD_INPUT;
  }
  const { request } = parsed;
  if (request.help) {
    // Loaded for --help only: it parses action.yml, which a run never needs.
    const { helpText } = await import('./help.js');
    cli.stdout(helpText());
    return 0;
  }
  const summary = summaryFile(request.inputs, cli.env);
  if (summary !== undefined && parseBoolean(summary) !== undefined) {
    cli.stderr(`await-deploy: --summary takes a file name (got '${summary}'); without it no summary is written\n`);
    return EXIT_BAD_INPUT;
  }
  const { edge, outputs, print } = createCliEdge({
    readInput: cliInputReader(request.inputs, cli.env),
    summaryFile: summary,
    verbose: request.verbose,
    colour: colourWanted(cli.stderrIsTTY, cli.env),
    writeStderr: cli.stderr,
    env: cli.env,
  });
  const outcome = await runAwaitDeploy(edge, cli.signals);
  let code = exitCode(outcome, cli.signal());
  if (request.outputFile) {
    const report = dotenvReport(outputs);
    for (const name of report.leftOut) {
      print(
        'warning',
        `--output leaves out '${name}': GitLab refuses a dotenv report of ${DOTENV_MAX_BYTES} bytes or more; --json prints the result whole.`,
      );
    }
    try {
      writeFileSync(request.outputFile, report.text);
    } catch (error) {
      print('failure', `could not write --output ${request.outputFile}: ${messageOf(error)}`);
      if (code === 0) code = EXIT_ERROR;
    }
  }
  if (request.json) cli.stdout(`${jsonWithoutCiCommands(outputs.get(OUTPUT.result) ?? '')}\n`);
  return code;
}
