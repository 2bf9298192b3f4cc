/**
 * The token endpoint's answer. Its body is never quoted in a message, whatever it is: an error page may echo
 * the Basic credential, and an answer in another format (form-urlencoded, HTML) may carry an access token
 * that nothing has masked yet. Only the standard OAuth error codes (RFC 6749 §5.2) are shown. Pure.
 */
import { isRecord, nonEmptyString } from '../../core/json.js';
import { HttpError } from '../../http/errors.js';
import { retryAfterMs } from '../../http/status.js';
import type { HttpResponse } from '../../http/types.js';

export interface TokenAnswer {
  token: string;
  lifetimeMs?: number;
}

const OAUTH_ERROR_CODES = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]);

export function readTokenAnswer(response: HttpResponse, context: string, byCertificate: boolean): TokenAnswer {
  const { status } = response;
  if (status === 429 || (status >= 500 && status !== 501)) {
    throw new HttpError(`${context}: HTTP ${status}`, {
      kind: 'transient',
      status,
      retryAfterMs: retryAfterMs(response.headers['retry-after'], Date.now()),
    });
  }
  const fields = fieldsOf(response);
  if (status !== 200) {
    const code = typeof fields?.error === 'string' && OAUTH_ERROR_CODES.has(fields.error) ? ` ${fields.error}` : '';
    const check = byCertificate
      ? 'check the client id, the client certificate and that the token URL is the certificate one (certurl)'
      : 'check the client id and secret, and the token URL';
    throw new HttpError(`${context}: HTTP ${status}${code} — ${check}`, { kind: 'permanent', status });
  }
  const token = fields?.access_token;
  if (!nonEmptyString(token)) {
    const shape = isHtml(response)
      ? 'an HTML page (a login page or proxy answered instead of the token endpoint — check the token URL)'
      : fields
        ? 'an answer without access_token'
        : `an unreadable answer (content type ${response.contentType || 'none'})`;
    throw new HttpError(`${context}: got ${shape}; its body is not shown, as it may hold credentials`, {
      kind: 'permanent',
      status,
    });
  }
  const lifetimeMs = secondsToMs(fields?.expires_in);
  return lifetimeMs === undefined ? { token } : { token, lifetimeMs };
}

/** The answer's fields: JSON (whatever the content type says), or form-urlencoded as some servers send. */
function fieldsOf(response: HttpResponse): Record<string, unknown> | undefined {
  const body = response.body.trim();
  if (body.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  if (response.contentType === 'application/x-www-form-urlencoded' || /^[\w.~-]+=[^\s<>]*$/.test(body)) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  return undefined;
}

function isHtml(response: HttpResponse): boolean {
  return response.contentType.includes('html') || /^\s*<(!doctype|html)/i.test(response.body);
}

function secondsToMs(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
