import { basicCredential } from '../providers/auth.js';
import type { Config } from './config.js';

/**
 * What the inputs turn into on the wire: the Basic credential, `headers` values that look like
 * credentials, and the credential inside such a value (`Authorization: Bearer <token>`), which a
 * server may echo alone.
 */
export function derivedSecrets(config: Config): string[] {
  const { username, password } = config.credentials;
  const derived = Object.entries(config.headers).flatMap(([name, value]) => headerSecrets(name, value));
  if (username !== undefined && password !== undefined) derived.push(basicCredential(username, password));
  return derived;
}

const CREDENTIAL_HEADER_NAME = /auth|key|token|secret|cookie|session|passw|credential|signature/i;
/** `Bearer <token>`, `Basic <base64>`, `Token <token>`, `SSWS <token>`… */
const SCHEME_AND_CREDENTIAL = /^([A-Za-z][\w.+-]*)\s+(\S+)$/;

/** Whatever these carry is a credential, however short. */
const AUTHORIZATION_HEADERS = new Set(['authorization', 'proxy-authorization']);

function headerSecrets(name: string, value: string): string[] {
  if (!CREDENTIAL_HEADER_NAME.test(name)) return [];
  // A short value (`X-Api-Key-Version: 2`) is no secret, and masking it would blank it all over the log.
  if (!AUTHORIZATION_HEADERS.has(name.toLowerCase()) && value.length < 8) return [];
  const scheme = SCHEME_AND_CREDENTIAL.exec(value.trim());
  if (!scheme) return [value];
  const [, kind = '', credential = ''] = scheme;
  return [value, credential, ...(kind.toLowerCase() === 'basic' ? basicPassword(credential) : [])];
}

/** The password inside a Basic credential given in `headers`. */
function basicPassword(encoded: string): string[] {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && colon < decoded.length - 1 ? [decoded.slice(colon + 1)] : [];
}
