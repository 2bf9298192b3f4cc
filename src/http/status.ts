/**
 * Shared rules for answers a provider did not expect: which statuses are worth a retry, what a
 * person should check, and how much of the body goes into the message (one short line, never HTML).
 */
import { isRecord, jsonKind } from '../core/json.js';
import { HttpError } from './errors.js';
import type { HttpResponse } from './types.js';

const CHECK_ENDPOINT = 'check url: this endpoint does not take this request';

const HINTS: Readonly<Record<number, string>> = {
  400: 'the provider refused the request',
  401: 'check the credentials',
  403: 'check the credentials',
  404: 'check url and id',
  405: CHECK_ENDPOINT,
  501: CHECK_ENDPOINT,
};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const HTML_START = /^\s*(<!doctype\s+html|<html)/i;

/**
 * A 200 about another target (a cache or proxy mixing answers up, a wrong route) never counts for this
 * one: when the answer names its target and the name differs, that is a permanent error.
 */
export function assertSameTarget(answered: unknown, expected: string, what: string, context: string): void {
  if (answered === undefined) return;
  // An identity that is there but no string (a number, an object…) names no target this run knows.
  if (typeof answered !== 'string') {
    throw new HttpError(
      `${context}: the answer names its ${what} with ${jsonKind(answered)}, not the id '${expected}' — check url and any proxy or cache in between`,
      { kind: 'permanent', status: 200 },
    );
  }
  if (answered.trim() === '' || answered.trim() === expected) return;
  throw new HttpError(
    `${context}: the answer is about ${what} '${excerpt(answered, 80)}', not '${expected}' — check url and any proxy or cache in between`,
    { kind: 'permanent', status: 200 },
  );
}

/** Turns a status the provider did not expect into a typed error: 429 and 5xx but 501 are worth a retry. */
export function responseError(response: HttpResponse, context: string): HttpError {
  const { status } = response;
  const transient = status === 429 || (status >= 500 && status !== 501);
  const hint = HINTS[status];
  const detail = bodyDetail(response);
  const message = `${context}: HTTP ${status}${hint ? ` (${hint})` : ''}${detail ? `: ${detail}` : ''}`;
  return new HttpError(message, {
    kind: transient ? 'transient' : 'permanent',
    status,
    excerpt: detail,
    retryAfterMs: transient ? retryAfterMs(response.headers['retry-after'], Date.now()) : undefined,
  });
}

/** `Retry-After` as delta-seconds or HTTP-date → ms from `now`; a past date is 0, anything else undefined. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^-?\d+$/.test(text)) return Math.max(0, Number(text) * 1000);
  // Date.parse takes almost anything; an HTTP-date always carries a clock time.
  if (!/\d{1,2}:\d{2}:\d{2}/.test(text)) return undefined;
  // asctime dates carry no zone but are GMT, as every HTTP-date is.
  const at = Date.parse(/GMT|UTC|[+-]\d{4}\b/i.test(text) ? text : `${text} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The answer carries one of the `accepted` statuses and is the API's own, not an HTML page. Anything else is
 * the typed error its status calls for: the status is looked at first, so a proxy's HTML 503 stays a 503,
 * worth a retry, while an HTML page with an accepted status (a login page) is a permanent error.
 */
export function assertStatus(response: HttpResponse, accepted: readonly number[], context: string): void {
  if (!accepted.includes(response.status)) throw responseError(response, context);
  assertNotHtml(response, context);
}

/** A login page or a proxy's error page is never an API answer, whatever its status. */
export function assertNotHtml(response: HttpResponse, context: string): void {
  if (!isHtml(response)) return;
  throw new HttpError(
    `${context}: got an HTML page — check url and credentials (a login page or proxy answered instead of the API)`,
    { kind: 'permanent', status: response.status, excerpt: 'an HTML page' },
  );
}

/** The body, which must not be empty: an empty answer where the API sends one is unreadable, never a success. */
export function requireBody(response: HttpResponse, context: string): string {
  if (response.body.trim() !== '') return response.body;
  throw new HttpError(`${context}: empty body (HTTP ${response.status})`, {
    kind: 'permanent',
    status: response.status,
  });
}

export function parseJsonBody<T = unknown>(response: HttpResponse, context: string): T {
  assertNotHtml(response, context);
  const body = requireBody(response, context);
  try {
    return JSON.parse(body) as T;
  } catch {
    const shown = excerpt(response.body, 100);
    throw new HttpError(`${context}: unreadable JSON (HTTP ${response.status}): ${shown}`, {
      kind: 'permanent',
      status: response.status,
      excerpt: shown,
    });
  }
}

/** One line, whitespace collapsed, at most `max` characters (cut with "…"). */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

function isHtml(response: HttpResponse): boolean {
  return HTML_TYPES.has(response.contentType) || HTML_START.test(response.body.slice(0, 1024));
}

/** What the body says about the failure, as one short line; undefined when it says nothing. */
export function bodyDetail(response: HttpResponse): string | undefined {
  if (isHtml(response)) return 'an HTML page';
  const body = response.body.trim();
  if (body === '') return undefined;
  const said = jsonErrorText(body) ?? xmlMessageText(body) ?? body;
  return excerpt(said) || undefined;
}

/**
 * `{"error":"text"}`, `{"error":{"reason":…}}` (OpenSearch), `{"error":{"message":{"value":…}}}` (OData),
 * `{"error":{"message":"…"}}` and `{"message":"…"}`; undefined for any other body.
 */
export function jsonErrorText(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const { error, message } = parsed;
  if (typeof error === 'string') return error;
  if (isRecord(error)) {
    if (typeof error.reason === 'string') return error.reason;
    if (typeof error.message === 'string') return error.message;
    if (isRecord(error.message) && typeof error.message.value === 'string') return error.message.value;
  }
  return typeof message === 'string' ? message : undefined;
}

/** OData's XML error: `<message xml:lang="en">text</message>`, with or without a namespace prefix. */
function xmlMessageText(body: string): string | undefined {
  const match = /<(?:[\w.-]+:)?message\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?message>/i.exec(body);
  return match?.[1] === undefined ? undefined : decodeXmlEntities(match[1]);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');
}
