/**
 * Requests to the tenant with the credentials attached: one new OAuth token after a 401, and the
 * CSRF token + session cookies SAP wants on a POST (always fetched first with Basic auth, otherwise
 * when a POST is refused with `X-CSRF-Token: Required`).
 */
import { assertStatus } from '../../http/status.js';
import type { HttpClient, HttpMethod, HttpResponse } from '../../http/types.js';
import type { CallOptions } from '../types.js';
import type { Authorizer } from './auth.js';
import { sapUrls } from './odata.js';
import { SharedValue } from './shared-value.js';

interface CsrfToken {
  token?: string;
  /** the session cookies the token belongs to, as a `Cookie` header */
  cookie?: string;
}

export interface SapApiOptions {
  http: HttpClient;
  authorizer: Authorizer;
  root: string;
  /** fetch a CSRF token before the first POST (Basic auth: SAP always asks for one) */
  csrfUpFront: boolean;
  now(): number;
  /** masks the CSRF token and session cookies, which stand for the credentials while they last */
  mask(secret: string): void;
}

export class SapApi {
  private readonly csrf: SharedValue<CsrfToken>;

  constructor(private readonly options: SapApiOptions) {
    this.csrf = new SharedValue((call) => this.fetchCsrf(call), options.now);
  }

  /** `headers` may replace the default `Accept: application/json`. */
  get(url: string, call: CallOptions, headers: Record<string, string> = {}): Promise<HttpResponse> {
    return this.send('GET', url, call, headers);
  }

  async post(url: string, call: CallOptions): Promise<HttpResponse> {
    const csrf = this.options.csrfUpFront ? await this.csrf.get(call) : this.csrf.peek();
    const response = await this.send('POST', url, call, csrfHeaders(csrf));
    if (!csrfRequired(response)) return response;
    if (csrf) this.csrf.discard(csrf);
    return this.send('POST', url, call, csrfHeaders(await this.csrf.get(call)));
  }

  private async send(
    method: HttpMethod,
    url: string,
    call: CallOptions,
    headers: Record<string, string>,
  ): Promise<HttpResponse> {
    const { http, authorizer } = this.options;
    const attempt = (authorization: string): Promise<HttpResponse> =>
      http.request({
        method,
        url,
        headers: { accept: 'application/json', ...headers, authorization },
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    const authorization = await authorizer.header(call);
    const response = await attempt(authorization);
    if (response.status !== 401 || !authorizer.refused(authorization)) return response;
    return attempt(await authorizer.header(call));
  }

  private async fetchCsrf(call: CallOptions): Promise<{ value: CsrfToken }> {
    const context = 'fetching a CSRF token';
    const response = await this.send('GET', sapUrls.csrf(this.options.root), call, { 'x-csrf-token': 'Fetch' });
    assertStatus(response, [200, 204], context);
    const header = response.headers['x-csrf-token']?.trim();
    const token = header && header.toLowerCase() !== 'required' ? header : undefined;
    const cookie = cookieHeader(response.setCookies);
    if (token) this.options.mask(token);
    for (const pair of cookie?.split('; ') ?? []) this.options.mask(pair.slice(pair.indexOf('=') + 1));
    return { value: { token, cookie } };
  }
}

/** A 403 that only says a CSRF token is missing or stale. */
function csrfRequired(response: HttpResponse): boolean {
  return response.status === 403 && response.headers['x-csrf-token']?.trim().toLowerCase() === 'required';
}

/** `Set-Cookie` lines → one `Cookie` header (name=value pairs only); undefined when none. */
function cookieHeader(setCookies: readonly string[]): string | undefined {
  const pairs = setCookies.map((line) => (line.split(';', 1)[0] ?? '').trim()).filter((pair) => pair.includes('='));
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}

function csrfHeaders(csrf: CsrfToken | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (csrf?.token) headers['x-csrf-token'] = csrf.token;
  if (csrf?.cookie) headers.cookie = csrf.cookie;
  return headers;
}
