/**
 * The SAP provider's inputs, validated before any request: which credentials win, where the
 * service root is, what to deploy. Pure.
 */
import type { ArtifactType, Config, Credentials } from '../../config/config.js';
import { INPUT } from '../../config/inputs.js';
import { displayEndpoint, parseHttpUrl } from '../../config/values.js';
import { InputError } from '../../core/errors.js';
import { isRecord, nonEmptyString } from '../../core/json.js';
import { basicCredentials } from '../auth.js';

export type SapAuth =
  | { kind: 'oauth'; clientId: string; clientSecret: string; tokenUrl: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export interface SapSettings {
  /** tenant URL + `/api/v1`, no trailing slash */
  root: string;
  auth: SapAuth;
  ids: string[];
  artifactType: ArtifactType;
  version: string;
  /** how long after a `SUCCESS` build the runtime entry may take to appear: max(discovery-timeout, 2m) */
  runtimeGraceMs: number;
}

/** Tenants show a built artifact in the runtime within seconds; two minutes leave room for a busy one. */
export const MIN_RUNTIME_GRACE_MS = 120_000;

/** What a service key contributes: OAuth client credentials and, usually, the tenant URL. */
export interface ServiceKey {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  url?: string;
}

const SERVICE_KEY_FIELDS = ['clientid', 'clientsecret', 'tokenurl'] as const;
const API_PATH = '/api/v1';

export function resolveSettings(config: Config): SapSettings {
  if (config.ids.length === 0) {
    throw new InputError(
      INPUT.id,
      `Input '${INPUT.id}' is required for sap-cloud-integration: the artifact Id(s), e.g. 'My_IFlow' (the Id, not the display name).`,
    );
  }
  const serviceKey =
    config.credentials.serviceKey === undefined ? undefined : parseServiceKey(config.credentials.serviceKey);
  const tenantUrl = config.url ?? serviceKey?.url;
  if (tenantUrl === undefined) {
    throw new InputError(
      INPUT.url,
      `Input '${INPUT.url}' is required for sap-cloud-integration unless the service key has 'oauth.url'.`,
    );
  }
  return {
    root: serviceRoot(tenantUrl),
    auth: serviceKey ? { kind: 'oauth', ...serviceKey } : authFromInputs(config.credentials),
    ids: config.ids,
    artifactType: config.artifactType,
    version: config.version,
    runtimeGraceMs: Math.max(config.wait.discoveryTimeoutMs, MIN_RUNTIME_GRACE_MS),
  };
}

/** The service root as reports may show it. */
export const rootEndpoint = (root: string): string => displayEndpoint(new URL(root));

/**
 * `https://tenant`, `https://tenant/`, `https://tenant/api/v1/` → `https://tenant/api/v1`.
 * Query and fragment are dropped: OData paths are appended to the root.
 */
export function serviceRoot(tenantUrl: string): string {
  const url = new URL(tenantUrl.trim());
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/i, '');
  return `${url.origin}${path}${API_PATH}`;
}

/**
 * A service key of the Process Integration Runtime `api` plan: `{"oauth":{…}}`, or the same fields
 * at the top level. Error messages name fields, never values: the whole key is a secret.
 */
export function parseServiceKey(text: string): ServiceKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text around the error: it would print part of the key.
    throw keyError(
      'is not valid JSON. Paste the whole service key (the JSON object shown by the BTP cockpit or `cf service-key`).',
    );
  }
  if (!isRecord(parsed)) throw keyError('is not a JSON object.');
  const fields = isRecord(parsed.oauth) ? parsed.oauth : parsed;
  const prefix = fields === parsed ? '' : 'oauth.';
  const missing = SERVICE_KEY_FIELDS.filter((name) => !nonEmptyString(fields[name]));
  if (missing.length > 0) {
    const names = missing.map((name) => `'${prefix}${name}'`).join(', ');
    throw keyError(
      `has no ${names}. Use a key of the Process Integration Runtime service with plan 'api' and grant type client credentials.`,
    );
  }
  const tokenUrl = (fields.tokenurl as string).trim();
  if ('error' in parseHttpUrl(tokenUrl))
    throw keyError(`has a '${prefix}tokenurl' that is not an absolute http(s) URL.`);
  const key: ServiceKey = {
    clientId: (fields.clientid as string).trim(),
    clientSecret: fields.clientsecret as string,
    tokenUrl,
  };
  if (fields.url !== undefined) {
    if (!nonEmptyString(fields.url) || 'error' in parseHttpUrl(fields.url)) {
      throw keyError(`has a '${prefix}url' that is not an absolute http(s) URL.`);
    }
    key.url = fields.url.trim();
  }
  return key;
}

/** Without a service key: client credentials, then Basic, then a bearer token. */
export function authFromInputs(credentials: Credentials): SapAuth {
  const { clientId, clientSecret, tokenUrl, token } = credentials;
  if (clientId !== undefined || clientSecret !== undefined || tokenUrl !== undefined) {
    const absent = (
      [
        [INPUT.clientId, clientId],
        [INPUT.clientSecret, clientSecret],
        [INPUT.tokenUrl, tokenUrl],
      ] as const
    ).find(([, value]) => value === undefined);
    if (absent) {
      throw new InputError(
        absent[0],
        `Input '${absent[0]}' is required with OAuth client credentials: set '${INPUT.clientId}', '${INPUT.clientSecret}' and '${INPUT.tokenUrl}' together (or use '${INPUT.serviceKey}').`,
      );
    }
    const parsed = parseHttpUrl(tokenUrl as string);
    if ('error' in parsed) throw new InputError(INPUT.tokenUrl, `Input '${INPUT.tokenUrl}' ${parsed.error}.`);
    return {
      kind: 'oauth',
      clientId: clientId as string,
      clientSecret: clientSecret as string,
      tokenUrl: (tokenUrl as string).trim(),
    };
  }
  const basic = basicCredentials(credentials);
  if (basic) return { kind: 'basic', ...basic };
  if (token !== undefined) return { kind: 'bearer', token };
  throw new InputError(
    INPUT.serviceKey,
    `sap-cloud-integration needs credentials: '${INPUT.serviceKey}' (recommended), or '${INPUT.clientId}'/'${INPUT.clientSecret}'/'${INPUT.tokenUrl}', or '${INPUT.username}'/'${INPUT.password}', or '${INPUT.token}'.`,
  );
}

const keyError = (problem: string): InputError =>
  new InputError(INPUT.serviceKey, `Input '${INPUT.serviceKey}' ${problem}`);
