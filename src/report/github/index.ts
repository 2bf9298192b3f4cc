/** GitHub reporting, loaded by the edge only when pr-comment, commit-status or environment is set. */
export { readGithubRunContext, type GithubRunContext } from './context.js';
export { createGithubReporter, type GithubReporter, type GithubReporterOptions } from './reporter.js';
