/** The Authorization header for SAP requests: Basic, a fixed bearer token, or OAuth2 client credentials. */
import { displayEndpoint } from '../../config/values.js';
import { HttpError } from '../../http/errors.js';
import type { HttpClient } from '../../http/types.js';
import { basicAuthorization, bearerAuthorization } from '../auth.js';
import type { CallOptions } from '../types.js';
import type { OAuthAuth, SapAuth } from './settings.js';
import { SharedValue, type Fetched } from './shared-value.js';
import { readTokenAnswer } from './token-answer.js';

export interface Authorizer {
  /** the `Authorization` header for the next request */
  header(options: CallOptions): Promise<string>;
  /** a request with `header` got 401: true when a new credential is worth exactly one more try */
  refused(header: string): boolean;
}

export interface AuthorizerDependencies {
  http: HttpClient;
  mask(secret: string): void;
  now(): number;
}

/** Refresh this much before `expires_in` runs out, so a token never expires on its way to the tenant. */
function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs / 10);
}

export function createAuthorizer(auth: SapAuth, dependencies: AuthorizerDependencies): Authorizer {
  if (auth.kind === 'basic') return fixed(basicAuthorization(auth.username, auth.password));
  if (auth.kind === 'bearer') return fixed(bearerAuthorization(auth.token));
  const tokens = new SharedValue((options) => fetchToken(auth, dependencies, options), dependencies.now);
  return {
    header: async (options) => bearerAuthorization(await tokens.get(options)),
    refused(header) {
      tokens.discard(header.slice('Bearer '.length));
      return true;
    },
  };
}

const fixed = (header: string): Authorizer => ({ header: async () => header, refused: () => false });

/**
 * The client authenticates with its secret (Basic), or with its certificate, which the HTTP client presents
 * to the token URL's origin only (mutual TLS): then the form names the client.
 */
function tokenRequestOf(auth: OAuthAuth): { headers: Record<string, string>; body: string } {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.kind === 'oauth-certificate') {
    form.set('client_id', auth.clientId);
    return { headers: {}, body: form.toString() };
  }
  return { headers: { authorization: basicAuthorization(auth.clientId, auth.clientSecret) }, body: form.toString() };
}

async function fetchToken(
  auth: OAuthAuth,
  { http, mask, now }: AuthorizerDependencies,
  options: CallOptions,
): Promise<Fetched<string>> {
  const context = `requesting an OAuth token from ${displayEndpoint(new URL(auth.tokenUrl))}`;
  const requestedAt = now();
  const { headers, body } = tokenRequestOf(auth);
  const response = await http
    .request({
      method: 'POST',
      url: auth.tokenUrl,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    })
    .catch((error: unknown) => {
      throw auth.kind === 'oauth-certificate' ? withCertificateHint(error) : error;
    });
  const answer = readTokenAnswer(response, context, auth.kind === 'oauth-certificate');
  mask(answer.token);
  if (answer.lifetimeMs === undefined) return { value: answer.token };
  return { value: answer.token, expiresAtMs: requestedAt + answer.lifetimeMs - refreshMarginMs(answer.lifetimeMs) };
}

/**
 * A server that refuses a client certificate closes the connection after the TLS 1.3 handshake, which looks
 * like any lost connection: retried as one, but the warning says what to check.
 */
function withCertificateHint(error: unknown): unknown {
  if (!(error instanceof HttpError) || error.status !== undefined || !error.transient) return error;
  return new HttpError(
    `${error.message} (if this repeats, the token endpoint may refuse the client certificate: check that it is valid and that the token URL is the certificate one, certurl)`,
    { kind: error.kind, cause: error.cause, retryAfterMs: error.retryAfterMs },
  );
}
