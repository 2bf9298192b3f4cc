import type { Credentials } from '../config/config.js';

export const basicAuthorization = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

export const bearerAuthorization = (token: string): string => `Bearer ${token}`;

/** HTTP Basic when a username is given, else a bearer token, else nothing (open clusters). */
export function basicOrBearer(credentials: Credentials): Record<string, string> {
  if (credentials.username !== undefined) {
    return { authorization: basicAuthorization(credentials.username, credentials.password ?? '') };
  }
  if (credentials.token !== undefined) return { authorization: bearerAuthorization(credentials.token) };
  return {};
}
