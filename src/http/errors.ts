/**
 * Why a request did not give a usable answer. `transient` errors (network, request timeout,
 * 429, 5xx but 501) are retried with the backoff; `permanent` ones end the run with `error`.
 */
export type HttpErrorKind = 'transient' | 'permanent';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly kind: HttpErrorKind;
  /** HTTP status, when an answer came */
  readonly status?: number;
  /** a short, redacted excerpt of the body, for the message */
  readonly excerpt?: string;
  /** from `Retry-After`, in milliseconds */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    options: { kind: HttpErrorKind; status?: number; excerpt?: string; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.excerpt = options.excerpt;
    this.retryAfterMs = options.retryAfterMs;
  }

  get transient(): boolean {
    return this.kind === 'transient';
  }
}
