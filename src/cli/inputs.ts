/** Where the command line finds each input: its flag, else `AWAIT_DEPLOY_<INPUT>`, else a command-line default. */
import type { InputReader } from '../config/parse.js';
import { INPUT, type InputName } from '../config/inputs.js';
import { inputEnvVariable } from './args.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Raw text for the one parser; flags win over the environment. */
export function cliInputReader(flags: Partial<Record<InputName, string>>, env: Env): InputReader {
  return (name) => {
    // `--summary FILE` says where the summary goes; without one, none is built (see summaryFile).
    if (name === INPUT.summary) return summaryFile(flags, env) === undefined ? 'false' : 'true';
    const given = flags[name] ?? env[inputEnvVariable(name)];
    // A workflow's default is `${{ github.token }}`; other CIs pass it as GITHUB_TOKEN.
    if (name === INPUT.githubToken) return given || env.GITHUB_TOKEN || '';
    return given ?? '';
  };
}

/** `--summary FILE` (or `AWAIT_DEPLOY_SUMMARY=FILE`); undefined when no summary is asked for. */
export function summaryFile(flags: Partial<Record<InputName, string>>, env: Env): string | undefined {
  return (flags[INPUT.summary] ?? env[inputEnvVariable(INPUT.summary)]) || undefined;
}
