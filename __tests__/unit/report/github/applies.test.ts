import { describe, expect, it } from 'vitest';
import type { GithubSettings } from '../../../../src/config/config.ts';
import { githubReportingApplies } from '../../../../src/report/github/applies.ts';

const asked: GithubSettings = { token: 'ghs_token', prComment: false, commitStatus: 'deploy' };
const context = { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'abc123' };

describe('githubReportingApplies', () => {
  it('is off when nothing is asked for', () => {
    expect(
      githubReportingApplies({ token: 'ghs_token', prComment: false }, { ...context, GITHUB_ACTIONS: 'true' }),
    ).toBe(false);
  });

  it('runs on a runner whatever is missing: the reporter then warns about it', () => {
    expect(githubReportingApplies({ ...asked, token: undefined }, { GITHUB_ACTIONS: 'true' })).toBe(true);
  });

  it('runs elsewhere only with repository, commit and token', () => {
    expect(githubReportingApplies(asked, context)).toBe(true);
    expect(githubReportingApplies({ ...asked, token: undefined }, context)).toBe(false);
    expect(githubReportingApplies(asked, { GITHUB_REPOSITORY: 'acme/app' })).toBe(false);
    expect(githubReportingApplies(asked, { GITHUB_SHA: 'abc123' })).toBe(false);
    expect(githubReportingApplies({ token: 'ghs_token', prComment: true }, context)).toBe(true);
  });
});
