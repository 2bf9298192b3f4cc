import { describe, expect, it } from 'vitest';
import { inputEnvVariable, parseCliArgs, type CliRequest } from '../../../src/cli/args.ts';
import { cliInputReader, summaryFile } from '../../../src/cli/inputs.ts';
import { INPUT, type InputName } from '../../../src/config/inputs.ts';

function request(...argv: string[]): CliRequest {
  const parsed = parseCliArgs(argv);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.request;
}

const error = (...argv: string[]): string => {
  const parsed = parseCliArgs(argv);
  return 'error' in parsed ? parsed.error : '';
};

describe('parseCliArgs', () => {
  it('reads one flag per input, as --name value or --name=value, values untouched', () => {
    expect(request('--provider', 'nl-flow', '--url=https://h.example/a=b', '--timeout', ' 5m ').inputs).toEqual({
      provider: 'nl-flow',
      url: 'https://h.example/a=b',
      timeout: ' 5m ',
    });
  });

  it('takes a bare boolean flag as true, and a value after it as its value for the parser to judge', () => {
    expect(request('--deploy', '--id', 'wf-1').inputs).toEqual({ deploy: 'true', id: 'wf-1' });
    expect(request('--id', 'wf-1', '--allow-degraded').inputs).toEqual({ id: 'wf-1', 'allow-degraded': 'true' });
    expect(request('--deploy=false').inputs.deploy).toBe('false');
    expect(request('--fail-on-not-ready', 'false').inputs['fail-on-not-ready']).toBe('false');
    expect(request('--deploy', 'maybe').inputs.deploy).toBe('maybe');
  });

  it('adds a line for a flag given twice', () => {
    expect(request('--id', 'a', '--id', 'b', '--headers', 'A: 1', '--headers=B: 2').inputs).toEqual({
      id: 'a\nb',
      headers: 'A: 1\nB: 2',
    });
  });

  it('reads --summary as a file name, not as a boolean', () => {
    expect(request('--summary', 'summary.md').inputs.summary).toBe('summary.md');
    expect(error('--summary')).toBe('--summary needs a value (or --summary=VALUE)');
  });

  it('reads the flags that are not inputs', () => {
    expect(request('--json', '--output', 'out.env', '--verbose')).toMatchObject({
      json: true,
      outputFile: 'out.env',
      verbose: true,
      help: false,
    });
    expect(request('-h').help).toBe(true);
    expect(request('--help').help).toBe(true);
  });

  it('refuses an unknown flag in one line, naming it', () => {
    expect(error('--provider', 'installer', '--tiemout', '5m')).toBe("unknown option '--tiemout' (see --help)");
    expect(error('-x')).toBe('unexpected argument #1: every input is a --flag (see --help)');
  });

  it('never echoes an argument that is not a flag: it may be a secret that lost its flag', () => {
    const message = error('--password', 'first half', 's3cr3t-second-half');
    expect(message).toBe('unexpected argument #3: every input is a --flag (see --help)');
    expect(error('--s3cr3t value with spaces')).toBe('unknown option #1 (see --help)');
  });

  it('refuses a value flag without its value, and a value for a flag that takes none', () => {
    expect(error('--url')).toBe('--url needs a value (or --url=VALUE)');
    expect(error('--url', '--deploy')).toBe('--url needs a value (or --url=VALUE)');
    expect(error('--output')).toBe('--output needs a file name');
    expect(error('--json=yes')).toBe('--json takes no value');
  });
});

describe('where the command line finds an input', () => {
  it('names the variable AWAIT_DEPLOY_<INPUT>, upper case, - as _', () => {
    expect(inputEnvVariable(INPUT.apiKey)).toBe('AWAIT_DEPLOY_API_KEY');
    expect(inputEnvVariable(INPUT.failOnNotReady)).toBe('AWAIT_DEPLOY_FAIL_ON_NOT_READY');
  });

  it('takes the flag over the variable, and the variable over nothing', () => {
    const read = cliInputReader(
      { url: 'https://flag.example' },
      {
        AWAIT_DEPLOY_URL: 'https://env.example',
        AWAIT_DEPLOY_ID: 'wf-env',
      },
    );
    expect(read(INPUT.url)).toBe('https://flag.example');
    expect(read(INPUT.id)).toBe('wf-env');
    expect(read(INPUT.timeout)).toBe('');
  });

  it('builds a summary only when --summary names a file for it', () => {
    expect(cliInputReader({}, {})(INPUT.summary)).toBe('false');
    expect(cliInputReader({ summary: 'out.md' }, {})(INPUT.summary)).toBe('true');
    expect(cliInputReader({}, { AWAIT_DEPLOY_SUMMARY: 'out.md' })(INPUT.summary)).toBe('true');
  });

  it('takes GITHUB_TOKEN when no github-token is given', () => {
    const env = { GITHUB_TOKEN: 'ghs_from_env' };
    expect(cliInputReader({}, env)(INPUT.githubToken)).toBe('ghs_from_env');
    expect(cliInputReader({}, { ...env, AWAIT_DEPLOY_GITHUB_TOKEN: 'ghs_own' })(INPUT.githubToken)).toBe('ghs_own');
    expect(cliInputReader({ 'github-token': 'ghs_flag' }, env)(INPUT.githubToken)).toBe('ghs_flag');
  });

  it('reads summary as the file to write, from the flag or AWAIT_DEPLOY_SUMMARY', () => {
    const flags: Partial<Record<InputName, string>> = { summary: 'flag.md' };
    expect(summaryFile(flags, { AWAIT_DEPLOY_SUMMARY: 'env.md' })).toBe('flag.md');
    expect(summaryFile({}, { AWAIT_DEPLOY_SUMMARY: 'env.md' })).toBe('env.md');
    expect(summaryFile({}, {})).toBeUndefined();
  });
});
