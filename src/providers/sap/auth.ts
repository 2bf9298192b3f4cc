/** The Authorization header for SAP requests: Basic, a fixed bearer token, or OAuth2 client credentials. */
import { displayEndpoint } from '../../config/values.js';
import { HttpError } from '../../http/errors.js';
import { assertStatus, parseJsonBody } from '../../http/status.js';
import type { HttpClient } from '../../http/types.js';
import { basicAuthorization, bearerAuthorization } from '../auth.js';
import type { CallOptions } from '../types.js';
import type { SapAuth } from './settings.js';
import { SharedValue, type Fetched } from './shared-value.js';
import { isRecord, nonEmptyString } from '../../core/json.js';

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

type OAuth = Extract<SapAuth, { kind: 'oauth' }>;

async function fetchToken(
  auth: OAuth,
  { http, mask, now }: AuthorizerDependencies,
  options: CallOptions,
): Promise<Fetched<string>> {
  const context = `requesting an OAuth token from ${displayEndpoint(new URL(auth.tokenUrl))}`;
  const requestedAt = now();
  const response = await http.request({
    method: 'POST',
    url: auth.tokenUrl,
    headers: {
      authorization: basicAuthorization(auth.clientId, auth.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: 'grant_type=client_credentials',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  assertStatus(response, [200], context);
  const answer = parseJsonBody<unknown>(response, context);
  const token = isRecord(answer) ? answer.access_token : undefined;
  if (!nonEmptyString(token)) {
    throw new HttpError(`${context}: the answer has no access_token`, { kind: 'permanent', status: response.status });
  }
  mask(token);
  const lifetimeMs = isRecord(answer) ? secondsToMs(answer.expires_in) : undefined;
  if (lifetimeMs === undefined) return { value: token };
  return { value: token, expiresAtMs: requestedAt + lifetimeMs - refreshMarginMs(lifetimeMs) };
}

function secondsToMs(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
