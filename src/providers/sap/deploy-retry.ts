/**
 * Which failed deploy requests are sent again with the backoff. A second deploy of the same version does no
 * harm on Cloud Integration, but only an answer that the request never reached the tenant's deploy logic
 * says a retry is needed: a gateway's 502/503/504, or a connection that failed before the request was sent.
 * A 500, a timeout or a connection lost after sending may have started a deploy: it stays a failure to check.
 */
import type { HttpError } from '../../http/errors.js';
import { errorCode } from '../../http/failure.js';

const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** Failures while connecting: nothing of the request reached the tenant. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function deployIsRepeatable(error: HttpError): boolean {
  if (error.status !== undefined) return GATEWAY_STATUSES.has(error.status);
  const code = errorCode(error.cause);
  return code !== undefined && NOT_SENT_CODES.has(code);
}
