import { describe, expect, it } from 'vitest';
import { DOTENV_MAX_BYTES, dotenvReport } from '../../../src/cli/dotenv.ts';
import { readAsGitlab } from '../../support/gitlab-dotenv.ts';

const result = JSON.stringify({ status: 'failed', message: 'line one\nline "two" = 2', targets: [] });

describe('dotenvReport', () => {
  it('writes every output as one GitLab variable, JSON kept whole', () => {
    const report = dotenvReport(
      new Map([
        ['status', 'failed'],
        ['provider-status', 'FAILED'],
        ['progress', ''],
        ['message', 'a=b, "quoted"'],
        ['result', result],
      ]),
    );
    expect(report.leftOut).toEqual([]);
    const read = readAsGitlab(report.text);
    expect(read).toEqual({
      status: 'failed',
      provider_status: 'FAILED',
      progress: '',
      message: 'a=b, "quoted"',
      result,
    });
    expect(JSON.parse(read.result ?? '')).toMatchObject({ message: 'line one\nline "two" = 2' });
  });

  it('keeps a value with line breaks on its one line', () => {
    const report = dotenvReport(new Map([['message', 'first\r\nsecond\nthird\rfourth']]));
    expect(readAsGitlab(report.text)).toEqual({ message: 'first second third fourth' });
  });

  it('leaves out the largest values until GitLab accepts the file', () => {
    const big = JSON.stringify({ status: 'failed', logs: 'x'.repeat(DOTENV_MAX_BYTES) });
    const report = dotenvReport(
      new Map([
        ['status', 'failed'],
        ['result', big],
        ['message', 'short'],
      ]),
    );
    expect(report.leftOut).toEqual(['result']);
    expect(readAsGitlab(report.text)).toEqual({ status: 'failed', message: 'short' });
  });

  it('stays below the limit at its edge', () => {
    const fill = (size: number) => new Map([['result', 'r'.repeat(size - 'result=\n'.length)]]);
    expect(dotenvReport(fill(DOTENV_MAX_BYTES - 1)).leftOut).toEqual([]);
    expect(dotenvReport(fill(DOTENV_MAX_BYTES)).leftOut).toEqual(['result']);
  });
});
