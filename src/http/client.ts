/**
 * The HTTP client every provider uses: one kept-alive connection pool, a time limit per request,
 * a bounded body, redirects followed without leaking credentials, and errors typed for the engine.
 */
import { request as send, type Dispatcher } from 'undici';
import { createDispatcher, type ProxySettings } from './dispatcher.js';
import { HttpError } from './errors.js';
import { bodyTooLargeError, networkError, timeoutError } from './failure.js';
import {
  assertNotResolvingToLinkLocal,
  headersForHop,
  MAX_REDIRECTS,
  redirectTarget,
  tooManyRedirects,
  withoutUserinfo,
} from './redirect.js';
import { BodyTooLarge, readBodyUpTo, toHttpResponse } from './response.js';
import type { OriginCertificate } from './tls.js';
import type { RequestSigner } from './sign.js';
import type { HttpClient, HttpRequest, HttpResponse } from './types.js';

export interface HttpClientOptions {
  /** from the `headers` input: sent with every request to `extraHeadersOrigin`, never across a redirect */
  extraHeaders?: Record<string, string>;
  /**
   * The provider's origin: requests that start elsewhere (an OAuth token URL) go without the extra headers,
   * whose meaning the action cannot know. Unset: every request starts with them.
   */
  extraHeadersOrigin?: string;
  /** PEM of a CA trusted in addition to the default ones */
  caCertificate?: string;
  /** presented in the TLS handshake with its origin only (SAP's token URL, mutual TLS) */
  clientCertificate?: OriginCertificate;
  /** the edge reads these from HTTPS_PROXY/HTTP_PROXY/NO_PROXY; nothing here reads the environment */
  proxyEnv?: ProxySettings;
  /** default 8 MiB */
  maxBodyBytes?: number;
  /** default `await-deploy/1` */
  userAgent?: string;
  /** signs every request (each redirect hop anew) once its headers are set */
  sign?: RequestSigner;
}

const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_USER_AGENT = 'await-deploy/1';

/** Throws InputError for an unreadable `caCertificate`, so a bad value stops the step before any request. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const dispatcher = createDispatcher(options.proxyEnv, options.caCertificate, options.clientCertificate);
  const extraHeaders = lowerCaseNames(options.extraHeaders ?? {});
  const settings: Settings = {
    dispatcher,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    extraHeaders,
    extraHeadersOrigin: options.extraHeadersOrigin,
    sign: options.sign,
  };
  return {
    request: (request) => perform(request, settings),
    close: () => dispatcher.close(),
  };
}

interface Settings {
  dispatcher: Dispatcher;
  maxBodyBytes: number;
  userAgent: string;
  extraHeaders: Record<string, string>;
  extraHeadersOrigin: string | undefined;
  sign: RequestSigner | undefined;
}

/** Where a request stands: the URL it is at (for messages) and whether its own time ran out. */
interface Progress {
  url: URL;
  timedOut: boolean;
}

async function perform(request: HttpRequest, settings: Settings): Promise<HttpResponse> {
  const caller = request.signal;
  caller?.throwIfAborted();
  const progress: Progress = { url: startUrl(request.url), timedOut: false };
  const controller = new AbortController();
  const timer = setTimeout(() => {
    progress.timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    return await followRedirects(request, settings, controller.signal, progress);
  } catch (error) {
    // Frees the connection of an answer left unread on the way out.
    controller.abort();
    if (caller?.aborted) throw caller.reason;
    if (progress.timedOut) throw timeoutError(progress.url, request.timeoutMs);
    if (error instanceof HttpError) throw error;
    throw networkError(progress.url, error);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onCallerAbort);
  }
}

async function followRedirects(
  request: HttpRequest,
  settings: Settings,
  signal: AbortSignal,
  progress: Progress,
): Promise<HttpResponse> {
  const method = request.method ?? 'GET';
  const { extraHeaders, extraHeadersOrigin } = settings;
  const extra = extraHeadersOrigin === undefined || progress.url.origin === extraHeadersOrigin ? extraHeaders : {};
  let headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    ...extra,
    ...lowerCaseNames(request.headers ?? {}),
  };
  for (let redirects = 0; ; redirects += 1) {
    const from = progress.url;
    // Signed per hop from the unsigned headers: a signature never travels to the next hop.
    const sent = settings.sign ? await settings.sign({ method, url: from, headers, body: request.body }) : headers;
    const answer = await send(from, {
      dispatcher: settings.dispatcher,
      method,
      headers: sent,
      body: request.body,
      signal,
    });
    const next = redirectTarget(method, answer.statusCode, firstValue(answer.headers.location), from);
    if (!next) return toHttpResponse(answer.statusCode, answer.headers, await readBody(answer, settings, from), from);
    await answer.body.dump();
    if (redirects === MAX_REDIRECTS) throw tooManyRedirects(from);
    await assertNotResolvingToLinkLocal(from, next, signal);
    headers = headersForHop(headers, from, next, Object.keys(extraHeaders));
    progress.url = next;
  }
}

async function readBody(answer: Dispatcher.ResponseData, settings: Settings, from: URL): Promise<string> {
  try {
    return await readBodyUpTo(answer.body, settings.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw bodyTooLargeError(from, answer.statusCode, settings.maxBodyBytes);
    throw error;
  }
}

function startUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new HttpError('request URL is not an absolute URL', { kind: 'permanent' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError(`'${url.protocol}' URLs are not supported: only http and https`, { kind: 'permanent' });
  }
  return withoutUserinfo(url);
}

function lowerCaseNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
