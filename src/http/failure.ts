/**
 * Messages for requests that got no usable answer. They name the origin and path only: never the
 * query string, userinfo or headers, which may carry credentials.
 */
import { formatDuration } from '../config/values.js';
import { messageOf } from '../core/errors.js';
import { HttpError } from './errors.js';

const MiB = 1024 * 1024;

/** What network failures are, in words; unknown codes are shown as they are. */
const NETWORK_CAUSES: Readonly<Record<string, string>> = {
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed while sending',
  UND_ERR_SOCKET: 'connection closed by the other side',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the body stopped arriving',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the body ended before its announced length',
  UND_ERR_INFO: 'the proxy refused the connection',
};

/** A certificate that does not verify will not verify on the next try either. */
const TLS_TRUST_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** `https://host:port/path`, without userinfo and query. */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export function timeoutError(url: URL, timeoutMs: number): HttpError {
  return new HttpError(`request to ${describeUrl(url)} timed out after ${formatDuration(timeoutMs)}`, {
    kind: 'transient',
  });
}

export function bodyTooLargeError(url: URL, status: number, maxBodyBytes: number): HttpError {
  const limit = maxBodyBytes >= MiB ? `${Math.round((maxBodyBytes / MiB) * 100) / 100} MiB` : `${maxBodyBytes} bytes`;
  return new HttpError(`response body exceeds ${limit} (from ${describeUrl(url)})`, {
    kind: 'permanent',
    status,
  });
}

/** A request that failed below HTTP: transient, except an untrusted certificate or a request undici refuses. */
export function networkError(url: URL, error: unknown): HttpError {
  const code = errorCode(error);
  const where = describeUrl(url);
  if (code && TLS_TRUST_CODES.has(code)) {
    return new HttpError(
      `request to ${where} failed: the TLS certificate is not trusted (${code}) — set ca-certificate when the server uses a private CA`,
      { kind: 'permanent', cause: error },
    );
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return new HttpError(`request to ${where} could not be sent: ${messageOf(error)}`, {
      kind: 'permanent',
      cause: error,
    });
  }
  const proxyStatus = proxyAnswerStatus(error);
  if (proxyStatus === 407) {
    return new HttpError(
      `request to ${where} failed: the proxy wants credentials (HTTP 407) — put them in the proxy URL (HTTPS_PROXY=http://user:password@proxy:port)`,
      { kind: 'permanent', cause: error },
    );
  }
  if (proxyStatus !== undefined) {
    return new HttpError(`request to ${where} failed: the proxy refused the connection (HTTP ${proxyStatus})`, {
      kind: 'transient',
      cause: error,
    });
  }
  const cause = (code && NETWORK_CAUSES[code]) ?? code ?? messageOf(error);
  return new HttpError(`request to ${where} failed: ${cause}`, { kind: 'transient', cause: error });
}

/** undici's tunnel error says what the proxy answered only in its message: `Proxy response (407) !== 200 …`. */
function proxyAnswerStatus(error: unknown): number | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const status = /Proxy response \((\d{3})\)/.exec(current.message)?.[1];
    if (status) return Number(status);
    current = current.cause;
  }
  return undefined;
}

/** The innermost code along the `cause` chain: undici wraps socket errors in its own. */
export function errorCode(error: unknown): string | undefined {
  let found: string | undefined;
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string') found = code;
    current = current.cause;
  }
  return found;
}
