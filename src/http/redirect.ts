import { HttpError } from './errors.js';
import { describeUrl } from './failure.js';
import { isLinkLocalHost, resolvesToLinkLocal, type Lookup } from './link-local.js';

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Only these keep method and body as they are; other methods follow no other redirect. */
const METHOD_KEEPING_STATUSES = new Set([307, 308]);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Headers that carry credentials in some provider's API; never sent to an origin they were not meant for. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'cookie', 'proxy-authorization', 'x-csrf-token'];

/** The next URL when `status`/`location` is a redirect this method follows; undefined when the answer stands. */
export function redirectTarget(
  method: string,
  status: number,
  location: string | undefined,
  from: URL,
): URL | undefined {
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined;
  if (!SAFE_METHODS.has(method) && !METHOD_KEEPING_STATUSES.has(status)) return undefined;
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw refused(from, 'an unreadable Location');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw refused(from, `a non-HTTP URL (${target.protocol})`);
  }
  // A `url` there is the user's choice; a provider's redirect there is not.
  if (isLinkLocalHost(target)) throw linkLocalRefused(from, target);
  return withoutUserinfo(target);
}

/** A redirect to another host whose name resolves to a link-local or metadata address is not followed either. */
export async function assertNotResolvingToLinkLocal(
  from: URL,
  target: URL,
  signal: AbortSignal,
  lookup?: Lookup,
): Promise<void> {
  if (target.hostname !== from.hostname && (await resolvesToLinkLocal(target, signal, lookup))) {
    throw linkLocalRefused(from, target);
  }
}

function linkLocalRefused(from: URL, target: URL): HttpError {
  return refused(from, `a link-local or cloud metadata address (${target.hostname})`);
}

export function tooManyRedirects(from: URL): HttpError {
  return new HttpError(`request to ${describeUrl(from)} redirected more than ${MAX_REDIRECTS} times`, {
    kind: 'permanent',
  });
}

/**
 * The headers for the next hop: all of them within one origin; to another origin, none that may carry
 * credentials — the known ones and every user-given extra header, whose meaning the action cannot know.
 */
export function headersForHop(
  headers: Record<string, string>,
  from: URL,
  to: URL,
  extraHeaderNames: readonly string[],
): Record<string, string> {
  if (from.origin === to.origin) return headers;
  const dropped = new Set([...CREDENTIAL_HEADERS, ...extraHeaderNames.map((name) => name.toLowerCase())]);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name.toLowerCase())));
}

/** Userinfo is never sent (undici ignores it) and never shown. */
export function withoutUserinfo(url: URL): URL {
  if (!url.username && !url.password) return url;
  const copy = new URL(url);
  copy.username = '';
  copy.password = '';
  return copy;
}

function refused(from: URL, what: string): HttpError {
  return new HttpError(`request to ${describeUrl(from)} was redirected to ${what}; not followed`, {
    kind: 'permanent',
  });
}
