/** Reading GitHub API failures: whether to try again, and what to tell the user. */

/** What an API failure looks like from here (Octokit's RequestError has these). */
export interface ApiFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export const MAX_RETRIES = 2;
/** Reporting runs after the verdict: a longer wait would hold the job for a comment (its 15 s bound cuts any wait anyway). */
const MAX_RETRY_WAIT_MS = 10_000;
const BASE_RETRY_MS = 1_000;

function asFailure(error: unknown): ApiFailure {
  return error !== null && typeof error === 'object' ? (error as ApiFailure) : { message: String(error) };
}

function header(failure: ApiFailure, name: string): string | undefined {
  const value = failure.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

export function isRateLimited(error: unknown): boolean {
  const failure = asFailure(error);
  if (failure.status === 429) return true;
  return failure.status === 403 && (header(failure, 'x-ratelimit-remaining') === '0' || isSecondaryRateLimit(failure));
}

/**
 * GitHub's secondary rate limit (too many requests at once, or too much content created): a 403 with
 * `Retry-After` or saying so, while the primary limit still has requests left. Not a missing permission.
 */
function isSecondaryRateLimit(failure: ApiFailure): boolean {
  return header(failure, 'retry-after') !== undefined || /secondary rate limit/i.test(failure.message ?? '');
}

/**
 * How long to wait before retry number `retry` (1-based), or undefined to give up: only
 * server errors and rate limits are retried, at most twice, and never for long.
 */
export function retryDelayMs(error: unknown, retry: number, nowMs: number): number | undefined {
  if (retry > MAX_RETRIES) return undefined;
  const failure = asFailure(error);
  const serverError = failure.status !== undefined && failure.status >= 500;
  if (!serverError && !isRateLimited(error)) return undefined;
  const wait = announcedWaitMs(failure, nowMs) ?? BASE_RETRY_MS * 2 ** (retry - 1);
  return wait <= MAX_RETRY_WAIT_MS ? wait : undefined;
}

/** `retry-after` (seconds), else for a rate limit the `x-ratelimit-reset` epoch second. */
function announcedWaitMs(failure: ApiFailure, nowMs: number): number | undefined {
  const retryAfter = Number(header(failure, 'retry-after'));
  if (header(failure, 'retry-after') !== undefined && Number.isFinite(retryAfter))
    return Math.max(0, retryAfter * 1000);
  const reset = Number(header(failure, 'x-ratelimit-reset'));
  if (isRateLimited(failure) && header(failure, 'x-ratelimit-reset') !== undefined && Number.isFinite(reset)) {
    return Math.max(0, reset * 1000 - nowMs);
  }
  return undefined;
}

/**
 * `Could not create the commit status: HTTP 403 Resource not accessible by integration — the
 * workflow needs "permissions: statuses: write"…`. Never says more than GitHub said.
 */
export function describeFailure(what: string, error: unknown, permission: string): string {
  const failure = asFailure(error);
  const said = firstLine(failure.message ?? 'unknown error');
  const status = failure.status ? `HTTP ${failure.status} ` : '';
  const base = `Could not ${what}: ${status}${said}`;
  if (isRateLimited(error)) {
    return `${base} — GitHub's API rate limit held the request back (retried while the reporting bound allowed); the step's verdict is unchanged.`;
  }
  if (failure.status === 403 || failure.status === 404) {
    return (
      `${base} — the workflow needs \`permissions: ${permission}\` for the github-token ` +
      `(pull requests from forks only get a read-only token); the step's verdict is unchanged.`
    );
  }
  return `${base}; the step's verdict is unchanged.`;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim().slice(0, 300);
}
