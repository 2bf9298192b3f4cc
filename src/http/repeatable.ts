/**
 * Which failed requests that change something (an SAP deploy, an OpenSearch workflow create) may be sent
 * again: only those that never reached the provider's own logic — a gateway's 502/503/504, or a connection
 * that failed before the request was sent. A 500, a timeout or a connection lost after sending may have
 * done the change already: sent again, it would deploy twice or create a second workflow.
 */
import type { HttpError } from './errors.js';
import { errorCode } from './failure.js';

const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** Failures while connecting: nothing of the request reached the provider. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function nothingWasDone(error: HttpError): boolean {
  if (error.status !== undefined) return GATEWAY_STATUSES.has(error.status);
  const code = errorCode(error.cause);
  return code !== undefined && NOT_SENT_CODES.has(code);
}
