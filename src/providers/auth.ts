import type { Credentials } from '../config/config.js';
import { INPUT } from '../config/inputs.js';
import { InputError } from '../core/errors.js';

/** `user:password` in base64, as Basic auth sends it: a secret of its own. */
export const basicCredential = (username: string, password: string): string =>
  Buffer.from(`${username}:${password}`, 'utf8').toString('base64');

export const basicAuthorization = (username: string, password: string): string =>
  `Basic ${basicCredential(username, password)}`;

export const bearerAuthorization = (token: string): string => `Bearer ${token}`;

/** `username` and `password` as a pair; one without the other is an input error, not anonymous access. */
export function basicCredentials(credentials: Credentials): { username: string; password: string } | undefined {
  const { username, password } = credentials;
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined) {
    throw new InputError(INPUT.username, `Input '${INPUT.username}' is required when '${INPUT.password}' is set.`);
  }
  if (password === undefined) {
    throw new InputError(INPUT.password, `Input '${INPUT.password}' is required when '${INPUT.username}' is set.`);
  }
  return { username, password };
}

/** HTTP Basic when a username and password are given, else a bearer token, else nothing (open clusters). */
export function basicOrBearer(credentials: Credentials): Record<string, string> {
  const basic = basicCredentials(credentials);
  if (basic) return { authorization: basicAuthorization(basic.username, basic.password) };
  if (credentials.token !== undefined) return { authorization: bearerAuthorization(credentials.token) };
  return {};
}
