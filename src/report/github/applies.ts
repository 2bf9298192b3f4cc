import type { GithubSettings } from '../../config/config.js';

/**
 * Whether the run reports to GitHub at all. On a runner (`GITHUB_ACTIONS`), asking for it is enough:
 * the reporter then warns about whatever is missing. Elsewhere (the command line in another CI) it
 * runs only with a whole GitHub context — repository, commit and token — and is otherwise silently off.
 */
export function githubReportingApplies(
  settings: GithubSettings,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (!settings.prComment && !settings.commitStatus && !settings.environment) return false;
  if (env.GITHUB_ACTIONS === 'true') return true;
  return Boolean(env.GITHUB_REPOSITORY && env.GITHUB_SHA && settings.token);
}
