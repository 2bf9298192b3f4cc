/**
 * The SAP provider's inputs, validated before any request: which credentials win, where the
 * service root is, what to deploy. Pure.
 */
import type { ArtifactType, Config, Credentials } from '../../config/config.js';
import { INPUT, type InputName } from '../../config/inputs.js';
import { displayEndpoint, parseHttpUrl } from '../../config/values.js';
import { InputError } from '../../core/errors.js';
import { isRecord, nonEmptyString } from '../../core/json.js';
import { basicCredentials } from '../auth.js';
import {
  PemProblem,
  validateClientCertificate,
  type ClientCertificate,
  type PemOrigins,
} from './client-certificate.js';

export type SapAuth =
  | { kind: 'oauth'; clientId: string; clientSecret: string; tokenUrl: string }
  /** client credentials over mutual TLS: the token request presents the certificate instead of a secret */
  | ({ kind: 'oauth-certificate'; clientId: string; tokenUrl: string } & ClientCertificate)
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export type OAuthAuth = Extract<SapAuth, { kind: 'oauth' | 'oauth-certificate' }>;

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
const MIN_RUNTIME_GRACE_MS = 120_000;

/** What a service key contributes: OAuth client credentials (a secret or a certificate) and, usually, the tenant URL. */
export type ServiceKey = OAuthAuth & { url?: string };

/** Field name → the spellings keys use: the BTP cockpit's lower case, and camelCase from other tools. */
const KEY_FIELDS = {
  clientid: ['clientid', 'clientId'],
  clientsecret: ['clientsecret', 'clientSecret'],
  tokenurl: ['tokenurl', 'tokenUrl'],
  url: ['url'],
  certificate: ['certificate'],
  key: ['key'],
  certurl: ['certurl', 'certUrl'],
  'credential-type': ['credential-type', 'credentialType'],
} as const;
type KeyField = keyof typeof KEY_FIELDS;

const API_PATH = '/api/v1';
const TOKEN_PATH = '/oauth/token';

export function resolveSettings(config: Config): SapSettings {
  if (config.ids.length === 0 && config.packages.length === 0) {
    throw new InputError(
      INPUT.id,
      `Input '${INPUT.id}' is required for sap-cloud-integration: the artifact Id(s), e.g. 'My_IFlow' (the Id, not the display name), or '${INPUT.package}'.`,
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
    auth: serviceKey ? withoutUrl(serviceKey) : authFromInputs(config.credentials),
    ids: config.ids,
    artifactType: config.artifactType,
    version: config.version,
    runtimeGraceMs: Math.max(config.wait.discoveryTimeoutMs, MIN_RUNTIME_GRACE_MS),
  };
}

function withoutUrl({ url: _url, ...auth }: ServiceKey): OAuthAuth {
  return auth;
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
 * A service key of the Process Integration Runtime `api` plan: `{"oauth":{…}}`, or the same fields at the top
 * level, in lower case or camelCase. A certificate key (`credential-type: x509`: `certificate` + `key`, no
 * `clientsecret`) gets its token from `certurl` + `/oauth/token` where given, else `tokenurl`. Error
 * messages name fields, never values: the whole key is a secret.
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
  const field = (name: KeyField): unknown =>
    KEY_FIELDS[name].map((spelling) => fields[spelling]).find((v) => v !== undefined);
  const x509 =
    String(field('credential-type') ?? '').toLowerCase() === 'x509' ||
    (field('clientsecret') === undefined && (field('certificate') !== undefined || field('key') !== undefined));
  const required: KeyField[] = x509
    ? ['clientid', 'certificate', 'key', ...(nonEmptyString(field('certurl')) ? [] : (['tokenurl'] as const))]
    : ['clientid', 'clientsecret', 'tokenurl'];
  const missing = required.filter((name) => !nonEmptyString(field(name)));
  if (missing.length > 0) {
    const names = missing.map((name) => `'${prefix}${name}'`).join(', ');
    throw keyError(
      x509
        ? `is a certificate (X.509) key but has no ${names}. Use the whole key as the BTP cockpit shows it.`
        : `has no ${names}. Use a key of the Process Integration Runtime service with plan 'api' and grant type client credentials.`,
    );
  }
  const urlField = (name: 'tokenurl' | 'certurl' | 'url'): string => {
    const value = field(name);
    if (!nonEmptyString(value) || 'error' in parseHttpUrl(value)) {
      throw keyError(`has a '${prefix}${name}' that is not an absolute http(s) URL.`);
    }
    return value.trim();
  };
  const clientId = (field('clientid') as string).trim();
  let key: ServiceKey;
  if (x509) {
    const tokenUrl = nonEmptyString(field('certurl')) ? certTokenUrl(urlField('certurl')) : urlField('tokenurl');
    const pem = certificateOrThrow(
      { certificate: field('certificate') as string, key: field('key') as string },
      {
        certificate: `Input '${INPUT.serviceKey}' field '${prefix}certificate'`,
        key: `Input '${INPUT.serviceKey}' field '${prefix}key'`,
      },
      { certificate: INPUT.serviceKey, key: INPUT.serviceKey },
    );
    key = { kind: 'oauth-certificate', clientId, tokenUrl, ...pem };
  } else {
    key = { kind: 'oauth', clientId, clientSecret: field('clientsecret') as string, tokenUrl: urlField('tokenurl') };
  }
  if (field('url') !== undefined) key.url = urlField('url');
  return key;
}

/** `https://x.authentication.cert.eu10.hana.ondemand.com` → its `/oauth/token`. */
function certTokenUrl(certUrl: string): string {
  const base = certUrl.replace(/\/+$/, '');
  return base.endsWith(TOKEN_PATH) ? base : `${base}${TOKEN_PATH}`;
}

function certificateOrThrow(
  raw: ClientCertificate,
  origins: PemOrigins,
  inputs: Record<keyof ClientCertificate, InputName>,
): ClientCertificate {
  try {
    return validateClientCertificate(raw, origins);
  } catch (error) {
    if (error instanceof PemProblem) throw new InputError(inputs[error.part], `${error.message}.`);
    throw error;
  }
}

/** Without a service key: client credentials (with a secret or a certificate), then Basic, then a bearer token. */
export function authFromInputs(credentials: Credentials): SapAuth {
  const { clientId, clientSecret, tokenUrl, clientCertificate, clientKey, token } = credentials;
  const certificateGiven = clientCertificate !== undefined || clientKey !== undefined;
  if (clientId !== undefined || clientSecret !== undefined || tokenUrl !== undefined || certificateGiven) {
    if (certificateGiven && clientSecret !== undefined) {
      throw new InputError(
        INPUT.clientSecret,
        `Inputs '${INPUT.clientSecret}' and '${INPUT.clientCertificate}'/'${INPUT.clientKey}' are two ways to authenticate the client: set one of them.`,
      );
    }
    const parts = certificateGiven
      ? ([
          [INPUT.clientId, clientId],
          [INPUT.clientCertificate, clientCertificate],
          [INPUT.clientKey, clientKey],
          [INPUT.tokenUrl, tokenUrl],
        ] as const)
      : ([
          [INPUT.clientId, clientId],
          [INPUT.clientSecret, clientSecret],
          [INPUT.tokenUrl, tokenUrl],
        ] as const);
    const absent = parts.find(([, value]) => value === undefined);
    if (absent) {
      const names = parts.map(([name]) => `'${name}'`).join(', ');
      throw new InputError(
        absent[0],
        `Input '${absent[0]}' is required with OAuth client credentials: set ${names} together (or use '${INPUT.serviceKey}').`,
      );
    }
    const parsed = parseHttpUrl(tokenUrl as string);
    if ('error' in parsed) throw new InputError(INPUT.tokenUrl, `Input '${INPUT.tokenUrl}' ${parsed.error}.`);
    const common = { clientId: clientId as string, tokenUrl: (tokenUrl as string).trim() };
    if (!certificateGiven) return { kind: 'oauth', ...common, clientSecret: clientSecret as string };
    const pem = certificateOrThrow(
      { certificate: clientCertificate as string, key: clientKey as string },
      { certificate: `Input '${INPUT.clientCertificate}'`, key: `Input '${INPUT.clientKey}'` },
      { certificate: INPUT.clientCertificate, key: INPUT.clientKey },
    );
    return { kind: 'oauth-certificate', ...common, ...pem };
  }
  const basic = basicCredentials(credentials);
  if (basic) return { kind: 'basic', ...basic };
  if (token !== undefined) return { kind: 'bearer', token };
  throw new InputError(
    INPUT.serviceKey,
    `sap-cloud-integration needs credentials: '${INPUT.serviceKey}' (recommended), or '${INPUT.clientId}'/'${INPUT.clientSecret}'/'${INPUT.tokenUrl}', or '${INPUT.clientId}'/'${INPUT.clientCertificate}'/'${INPUT.clientKey}'/'${INPUT.tokenUrl}', or '${INPUT.username}'/'${INPUT.password}', or '${INPUT.token}'.`,
  );
}

const keyError = (problem: string): InputError =>
  new InputError(INPUT.serviceKey, `Input '${INPUT.serviceKey}' ${problem}`);
